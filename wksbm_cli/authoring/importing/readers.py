"""Cells of a spreadsheet as plain Python values, whatever the file format.

XLSX, XLS and ODS go through python-calamine (one wheel, a Rust reader, no C toolchain; several
times faster than openpyxl at reading). CSV files come in whatever encoding and separator the
spreadsheet program that saved them chose, so both are sniffed: UTF-8 (with or without the BOM
Excel writes), else cp1252, and ``,``, ``;`` (Excel in Indonesian locales) or a tab.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections import Counter
from dataclasses import dataclass, field

from wksbm_cli.core.csv_text import FORMULA_START
from wksbm_cli.errors import WksbmError

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
SEPARATORS = (",", ";", "\t")

Cell = str | int | float | dt.date | dt.datetime | dt.time | dt.timedelta | bool | None


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]]
    # Merged ranges as (first row, first column, last row, last column), 0-based, inclusive.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


def _failed(path: str, reason: str) -> WksbmError:
    return WksbmError("import.file-unreadable", file=os.path.basename(path), reason=reason)


def read_sheets(path: str, wanted: str | None = None) -> list[Sheet]:
    """The sheets of ``path``; ``wanted`` names one sheet (None or ``all``: every sheet)."""
    lower = path.lower()
    if lower.endswith(CSV_SUFFIXES):
        sheets = [read_csv(path)]
    elif lower.endswith(WORKBOOK_SUFFIXES):
        sheets = read_workbook(path, wanted)
    else:
        raise WksbmError("import.unknown-kind", file=os.path.basename(path))
    if wanted and wanted != "all" and lower.endswith(CSV_SUFFIXES) and wanted != sheets[0].name:
        raise _no_sheet(path, wanted, [s.name for s in sheets])
    return sheets


def _no_sheet(path: str, wanted: str, names: list[str]) -> WksbmError:
    return WksbmError(
        "import.no-sheet", file=os.path.basename(path), sheet=wanted, sheets=", ".join(names)
    )


def read_workbook(path: str, wanted: str | None = None) -> list[Sheet]:
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_path(path)
    except OSError as exc:
        raise _failed(path, exc.strerror or type(exc).__name__) from None
    except Exception as exc:  # calamine's own errors: not a workbook, damaged, encrypted
        raise _failed(path, type(exc).__name__) from None
    names = list(book.sheet_names)
    if wanted and wanted != "all":
        if wanted not in names:
            raise _no_sheet(path, wanted, names)
        names = [wanted]
    out = []
    for name in names:
        try:
            sheet = book.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or ())]
        except Exception as exc:
            raise _failed(path, f"{name}: {type(exc).__name__}") from None
        out.append(Sheet(name, [list(r) for r in rows], merged))
    return out


def decode_text(data: bytes) -> str:
    """UTF-8 (a BOM dropped), else cp1252 (Excel's "CSV" on Windows), else Latin-1."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def sniff_separator(text: str) -> str:
    """The separator that splits the most lines into the same number of columns (a list's
    rows agree on their width; an address with commas in a semicolon file splits differently
    on every row). A line that leaves a stray quote in a cell was split by the wrong character
    and does not count; a tie goes to the split with fewer empty cells."""
    sample = "\n".join([line for line in text.splitlines()[:20] if line.strip()])
    best, best_score = ",", (0, 0, 0)
    for sep in SEPARATORS:
        rows = list(csv.reader(io.StringIO(sample), delimiter=sep))
        widths = Counter(len(r) for r in rows if len(r) > 1 and not any('"' in c for c in r))
        if not widths:
            continue
        width, agree = max(widths.items(), key=lambda kv: (kv[1], kv[0]))
        empty = sum(1 for r in rows for c in r if not c.strip())
        score = (agree, width, -empty)
        if score > best_score:
            best, best_score = sep, score
    return best


def _inert(cell: str) -> str:
    """A cell as a spreadsheet opening the file would show it: the ``'`` that wksbm's own CSV
    puts before text that could start a formula (``'=...``) is not part of the value."""
    return cell[1:] if cell.startswith("'") and cell[1:2] and cell[1] in FORMULA_START else cell


def read_csv(path: str) -> Sheet:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise _failed(path, exc.strerror or type(exc).__name__) from None
    text = decode_text(data)
    sep = sniff_separator(text)
    rows: list[list[Cell]] = [
        [_inert(c) if c.strip() else None for c in r]
        for r in csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    ]
    name = os.path.splitext(os.path.basename(path))[0]
    return Sheet(name, rows)
