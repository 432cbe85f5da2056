"""The other sheets of ``wksbm export``: pengurus, unsur, kegiatan, kegiatan_peserta, narasumber.

A sheet is one of these tables when a row near its top holds the table's key columns under the
names the export writes them (``organisasi_id``, ``urutan``, ``jabatan`` for pengurus), whatever
the sheet is called: a sheet renamed in Excel, or one CSV file of ``wksbm export --format csv``,
is read the same way. Columns the table does not have are named with a "did you mean" and left
out. Everything else about a row (which record it names, what it changes) is decided by
``lists`` and ``events`` against the folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wksbm_cli.authoring.importing import values as v
from wksbm_cli.authoring.importing.headers import HEADER_SEARCH, header_key
from wksbm_cli.authoring.importing.items import Plan, SheetReport
from wksbm_cli.authoring.importing.readers import Cell, Sheet
from wksbm_cli.core.suggest import did_you_mean
from wksbm_cli.export.tables import columns_of

README = "README"
TABLES = ("pengurus", "unsur", "kegiatan", "kegiatan_peserta", "narasumber")
# The columns that say which table a header row belongs to.
NEEDS = {
    "pengurus": ("organisasi_id", "urutan", "jabatan"),
    "unsur": ("organisasi_id", "urutan", "kategori"),
    "kegiatan": ("id", "judul", "tanggal"),
    "kegiatan_peserta": ("kegiatan_id", "organisasi_id"),
    "narasumber": ("kegiatan_id", "urutan"),
}


@dataclass
class TableSheet:
    table: str
    sheet: Sheet
    header: int  # 0-based index of the header row
    columns: dict[int, str]  # column index -> the table's column
    texts: dict[int, str]  # column index -> the header as written


@dataclass
class Row:
    table: str
    sheet: str
    row: int  # 1-based, as the spreadsheet shows it
    cells: dict[str, Cell]  # the table's columns present in the sheet -> cell

    def text(self, column: str) -> str | None:
        return v.text(self.cells.get(column))

    def blank(self, column: str) -> bool:
        """The sheet has the column and the row leaves it empty."""
        return column in self.cells and v.blank(self.cells[column])


def _known(table: str) -> dict[str, str]:
    return {header_key(c.name): c.name for c in columns_of(table, True)}


def detect(sheet: Sheet) -> TableSheet | None:
    """The export table this sheet holds, with its header row, or None."""
    for index in range(min(HEADER_SEARCH, len(sheet.rows))):
        written = {c: t for c, cell in enumerate(sheet.rows[index]) if (t := v.text(cell))}
        best: TableSheet | None = None
        for table in TABLES:
            known = _known(table)
            found = {c: known[k] for c, t in written.items() if (k := header_key(t)) in known}
            if not all(n in found.values() for n in NEEDS[table]):
                continue
            if best is None or len(found) > len(best.columns):
                best = TableSheet(table, sheet, index, found, written)
        if best is not None:
            return best
    return None


def detect_all(sheets: Sequence[Sheet], plan: Plan) -> tuple[list[TableSheet], list[Sheet]]:
    """The sheets that are export tables (reported in the plan) and the rest (lists of
    organisations, to be read as such)."""
    tables: list[TableSheet] = []
    rest: list[Sheet] = []
    for sheet in sheets:
        found = detect(sheet)
        if found is None:
            rest.append(sheet)
            continue
        names = [c.name for c in columns_of(found.table, True)]
        unknown = [
            (t, did_you_mean(t, names)) for c, t in found.texts.items() if c not in found.columns
        ]
        columns = {found.texts[c]: name for c, name in found.columns.items()}
        plan.sheets.append(SheetReport(sheet.name, found.header + 1, columns, unknown))
        tables.append(found)
    return tables, rest


def rows_by_table(tables: Sequence[TableSheet], plan: Plan) -> dict[str, list[Row]]:
    """Every data row of every table sheet; empty rows are counted as skipped."""
    out: dict[str, list[Row]] = {t: [] for t in TABLES}
    for found in tables:
        for index in range(found.header + 1, len(found.sheet.rows)):
            raw = found.sheet.rows[index]
            if all(v.blank(c) for c in raw):
                plan.skipped_rows += 1
                continue
            cells = {name: raw[c] if c < len(raw) else None for c, name in found.columns.items()}
            out[found.table].append(Row(found.table, found.sheet.name, index + 1, cells))
    return out
