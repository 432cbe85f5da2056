"""Making untrusted text safe to show: record values and file names come from pull requests.

A value may hold terminal escape codes, a newline that forges a CI annotation, bidirectional
overrides that reorder what a reviewer sees, or rich markup (``[link=...]``, ``[/bold]``).
Renderers never interpret markup (they build rich ``Text`` objects); this module replaces every
control and bidi character with a visible escape.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    if char == "\t":
        return "\\t"
    if char == "\n":
        return "\\n"
    if char == "\r":
        return "\\r"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control or bidi character shown as an escape, on one line."""
    return _UNSAFE.sub(_escape, text)
