"""``--format github``: workflow commands that GitHub shows as annotations on the changed lines.

File names and messages are escaped the way the runner decodes them (``%``, CR, LF; and ``:``
and ``,`` inside properties), so a file named ``x\n::error ...`` cannot forge an annotation;
other control characters (terminal escapes) are shown as visible escapes first, since the log
would otherwise pass them to whoever reads it in a terminal.
"""

from __future__ import annotations

import os

from wksbm_cli.check.results import CheckResult
from wksbm_cli.render.context import Context
from wksbm_cli.render.safe import visible

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def repo_path(shown: str, root: str | None) -> str:
    """A path relative to the repository root the CLI found (:func:`wksbm_cli.load.git.
    repository_root`); as shown when there is none, or when the file lies outside it."""
    if not root:
        return shown
    rel = os.path.relpath(os.path.abspath(shown), os.path.abspath(root))
    return shown if rel.startswith("..") else rel.replace(os.sep, "/")


def render(result: CheckResult, ctx: Context) -> str:
    lang = ctx.lang
    lines = []
    for p in result.problems:
        if p.waived:
            continue
        lines.append(
            f"::{LEVEL[p.severity.label]} file={escape_property(repo_path(p.file, ctx.repo_root))},"
            f"line={p.line},col={p.column},title={escape_property(p.rule)}::"
            f"{escape_data(p.message(lang))}"
        )
    return "\n".join(lines) + ("\n" if lines else "")
