"""Helpers shared by the report renderers: GitHub pipe tables, bars, and the left-out note.

Cell text comes from records (untrusted): it goes through ``md_text`` (no control or bidi
characters, no HTML, links, images or pipes), so a value cannot break a Markdown table or forge a
row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from tabulate import tabulate

from wksbm_cli.i18n import translate
from wksbm_cli.render.md_escape import md_text
from wksbm_cli.render.safe import visible

BLOCKS = " ▏▎▍▌▋▊▉█"


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return md_text(value)


def pipe_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub-flavoured pipe table (renders on GitHub and GitLab alike)."""
    body = [[cell(v) for v in row] for row in rows]
    return tabulate(
        body, headers=[cell(h) for h in headers], tablefmt="github", disable_numparse=True
    )


def bar(value: int, largest: int, width: int = 24) -> str:
    """A horizontal bar of unicode blocks, in eighths of a character."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value * width * 8 / largest))
    return "█" * (eighths // 8) + (BLOCKS[eighths % 8] if eighths % 8 else "")


def left_out(
    unreadable: dict[str, str], lang: str, esc: Callable[[str], str] = visible
) -> list[str]:
    """Lines saying which records were left out of the figures, and why (file names through
    ``esc``: ``md_text`` for Markdown)."""
    if not unreadable:
        return []
    lines = [translate("rep.left-out", lang, {"n": len(unreadable)})]
    for file, rule in sorted(unreadable.items()):
        lines.append(translate("rep.left-out.item", lang, {"file": esc(file), "rule": rule}))
    return lines


def left_out_markdown(unreadable: dict[str, str], lang: str) -> list[str]:
    """The same note as Markdown: a paragraph and a bullet per record, or nothing."""
    lines = left_out(unreadable, lang, md_text)
    if not lines:
        return []
    return [lines[0], "", *(f"- {line}" for line in lines[1:]), ""]


def percent(score: float) -> str:
    return f"{round(score * 100)}%"


def t(key: str, lang: str, **args: object) -> str:
    return translate(f"rep.{key}", lang, args)
