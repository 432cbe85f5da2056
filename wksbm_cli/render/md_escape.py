"""Record values as Markdown text that renders as written: the one escaping for every Markdown
page wksbm writes (completeness, summary, report, the diff summary).

Those pages end up on a wiki, in a GitHub step summary or a committed report, and the values come
from pull requests. A ``nama`` of ``<img src=x onerror=...>``, ``![t](http://evil.example/p.png)``
(an image that reports every reader to its owner) or ``[klik](javascript:...)`` must show as
that text, not become HTML, an image or a link; a ``|`` must not add a table column, nor a
newline a row or a heading. Ordinary names (hyphens, dots, parentheses, slashes) are left as
they are, so the pages stay readable in their source.
"""

from __future__ import annotations

import re

from wksbm_cli.render.safe import visible

# Backslash first (it escapes what follows); brackets stop links and images (``![`` needs ``[``);
# backticks stop code spans; pipes stop table cells. ``<`` and ``>`` become entities, so no tag
# or autolink can form, and ``&`` only where it would start an entity (``&lt;``, ``&#60;``).
_SPECIAL = re.compile(r"[\\\[\]`|<>]|&(?=#?[0-9A-Za-z]+;)")
_REPLACE = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def md_text(value: object) -> str:
    """``value`` as inline Markdown text: shown literally, on one line."""
    text = "" if value is None else str(value)
    escaped = _SPECIAL.sub(lambda m: _REPLACE.get(m.group(0), "\\" + m.group(0)), text)
    return visible(escaped)


def md_code(value: object) -> str:
    """``value`` as an inline code span (ids, file names, rule ids in the diff summary)."""
    clean = visible("" if value is None else str(value)).replace("`", "'")
    return f"`{clean}`"
