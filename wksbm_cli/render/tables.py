"""Helpers shared by the report renderers: GitHub pipe tables, bars, and the left-out note.

Cell text comes from records (untrusted): it goes through ``md_text`` (no control or bidi
characters, no HTML, links, images or pipes), so a value cannot break a Markdown table or forge a
row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text
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


# ---------------------------------------------------------------------------------------------
# The one table style of every people's table (list, completeness, report, rules, wilayah).
# ---------------------------------------------------------------------------------------------

GAP = 2  # characters between two columns: one of padding, one of the (blank) box divider


@dataclass(frozen=True)
class Column:
    """A column of a :class:`FitTable`. ``whole`` cells (ids, dates, codes, numbers) are never
    broken; other cells wrap between words and never inside one."""

    header: str
    whole: bool = False
    right: bool = False


@dataclass
class FitTable:
    """A table laid out for the width it is printed at, decided when it is rendered.

    Columns get the room their longest unbreakable piece needs (a whole id, a name's longest
    word, a role) and share what is left in proportion to what their longest cell would want;
    every group is drawn with the same widths, so groups line up. When even those minimums do not
    fit, each row becomes a block of ``header: value`` lines (the stacked layout), so nothing is
    ever cut. ``boxed`` is switched off for piped output (no box drawing, CLI contract).
    """

    columns: Sequence[Column]
    groups: list[tuple[Text | None, list[list[Text]]]] = field(default_factory=list)
    boxed: bool = True
    show_header: bool = True

    def add_group(self, title: Text | None, rows: list[list[Text]]) -> None:
        self.groups.append((title, rows))

    def widths(self, available: int) -> list[int] | None:
        rows = [row for _, group in self.groups for row in group]
        heads = [cell_len(c.header) if self.show_header else 0 for c in self.columns]
        low = [_min_width(Text(c.header), False) if self.show_header else 0 for c in self.columns]
        high = list(heads)
        for row in rows:
            for index, value in enumerate(row):
                whole = self.columns[index].whole
                low[index] = max(low[index], _min_width(value, whole))
                high[index] = max(high[index], _max_width(value))
        widths = fit_widths(low, high, available - GAP * (len(self.columns) - 1), heads)
        if widths is None or not rows or widths == high:
            return widths
        # Columns squeezed so hard that rows grow taller than their stacked blocks read worse
        # than the stacked blocks: stack then (a long id beside a long title, say).
        tall = sum(max(_lines(v, w) for v, w in zip(row, widths, strict=True)) for row in rows)
        stacked = sum(1 + sum(1 for v in row[1:] if v.plain) for row in rows)
        return widths if tall * 10 <= stacked * 7 else None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self.widths(options.max_width)
        for index, (title, rows) in enumerate(self.groups):
            if title is not None:
                if index:
                    yield Text("")
                yield title
            if widths is None:
                yield from self._stacked(rows)
            else:
                yield self._table(rows, widths)

    def _table(self, rows: list[list[Text]], widths: list[int]) -> Table:
        grid = Table(
            box=box.SIMPLE_HEAD if self.boxed else None,
            show_edge=False,
            pad_edge=False,
            padding=(0, 1 if self.boxed else GAP, 0, 0),
            header_style="bold",
            collapse_padding=False,
            show_header=self.show_header,
        )
        for column, width in zip(self.columns, widths, strict=True):
            grid.add_column(
                column.header,
                width=width,
                justify="right" if column.right else "left",
                overflow="fold",
                no_wrap=column.whole,
            )
        for row in rows:
            grid.add_row(*row)
        return grid

    def _stacked(self, rows: list[list[Text]]) -> RenderResult:
        label_width = max(cell_len(c.header) for c in self.columns[1:]) if self.columns else 0
        for index, row in enumerate(rows):
            if index:
                yield Text("")
            head = row[0].copy()
            head.stylize("bold")
            yield head
            grid = Table.grid(padding=(0, 1, 0, 0))
            grid.add_column(width=2)
            grid.add_column(width=label_width + 1, style="dim", no_wrap=True)
            grid.add_column(overflow="fold")
            for column, value in zip(self.columns[1:], row[1:], strict=True):
                if value.plain:
                    grid.add_row("", Text(column.header + ":"), value)
            yield grid


def _min_width(value: Text, whole: bool) -> int:
    plain = value.plain
    if whole:
        return max((cell_len(line) for line in plain.split("\n")), default=0)
    return max((cell_len(word) for word in plain.split()), default=0)


def _lines(value: Text, width: int) -> int:
    """Roughly how many lines a cell wraps to (word wrapping wastes about an eighth)."""
    length = cell_len(value.plain)
    if length <= width:
        return 1
    return max(1, -(-length * 9 // (8 * max(1, width))))


def _max_width(value: Text) -> int:
    return max((cell_len(line) for line in value.plain.split("\n")), default=0)


def fit_widths(
    low: list[int], high: list[int], room: int, heads: list[int] | None = None
) -> list[int] | None:
    """Column widths within ``room``: everyone's longest cell when that fits, else each column's
    minimum plus a share of the rest; ``None`` when the minimums alone do not fit."""
    if sum(high) <= room:
        return list(high)
    if sum(low) > room:
        return None
    spare = room - sum(low)
    widths = list(low)
    # The first column names the row (an organisation, an event): it is served first, since
    # its wrapping costs lines on every row; then headers on one line where affordable (a
    # wrapped header costs one line per table); then everyone else.
    first = min(high[0] - widths[0], spare)
    widths[0] += first
    spare -= first
    for index, head in enumerate(heads or [0] * len(low)):
        give = min(max(0, min(head, high[index]) - widths[index]), spare)
        widths[index] += give
        spare -= give
    # Then water-filling: columns that want little (a date, "belum ada") get all of it, the rest
    # share what is left equally, so no column starves while another is padded.
    hungry = sorted(
        (i for i in range(len(low)) if widths[i] < high[i]), key=lambda i: high[i] - widths[i]
    )
    while hungry and spare > 0:
        share = max(1, spare // len(hungry))
        for index in hungry:
            give = min(share, high[index] - widths[index], spare)
            widths[index] += give
            spare -= give
        hungry = [i for i in hungry if widths[i] < high[i]]
    return widths


def fields(rows: Sequence[tuple[str, Text]]) -> Table:
    """The label/value block of ``show`` and the dashboard: labels never wrap, values wrap
    between words."""
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(Text(label), value)
    return grid


def text(value: object, style: str = "") -> Text:
    """Record text for the screen: made visible, never parsed as markup."""
    if value is None:
        return Text("")
    if isinstance(value, dt.date):
        return Text(value.isoformat(), style=style)
    return Text(visible(str(value)), style=style)
