"""Writing the tables as SQLite, CSV or JSON, each atomically.

SQLite comes from the standard library (no server); the database is built in a temporary file
next to the target and linked into place, so Datasette or DuckDB never see half a database.
An export holding personal data (``privasi: internal``) is written readable by its owner only
(files 0600, a CSV folder 0700), and ``--force`` never widens the mode of what it replaces.
"""

from __future__ import annotations

import json
import os
import sqlite3
from typing import Any

from wksbm_cli.core import csv_text as csv_out
from wksbm_cli.export.tables import PRIMARY, TABLES, Row, columns_of
from wksbm_cli.write import atomic_folder, atomic_write, atomic_write_via

INDEXES = {
    "pengurus": "organisasi_id",
    "unsur": "organisasi_id",
    "kegiatan_peserta": "kegiatan_id, organisasi_id",
    "narasumber": "kegiatan_id",
}


def _fill_sqlite(path: str, tables: dict[str, list[Row]], personal: bool) -> None:
    con = sqlite3.connect(path)
    try:
        for table in TABLES:
            cols = columns_of(table, personal)
            defs = []
            for col in cols:
                key = " PRIMARY KEY" if PRIMARY.get(table) == col.name else ""
                defs.append(f'"{col.name}" {col.sql}{key}')
            con.execute(f'CREATE TABLE "{table}" ({", ".join(defs)})')
            if table in INDEXES:
                con.execute(f'CREATE INDEX "{table}_key" ON "{table}" ({INDEXES[table]})')
            marks = ", ".join("?" for _ in cols)
            con.executemany(
                f'INSERT INTO "{table}" VALUES ({marks})',
                [tuple(row.get(c.name) for c in cols) for row in tables[table]],
            )
        con.commit()
    finally:
        con.close()


def _mode(personal: bool) -> int:
    return 0o600 if personal else 0o644


def _fill_sqlite_or_oserror(path: str, tables: dict[str, list[Row]], personal: bool) -> None:
    """SQLite reports a full disk or a denied file as its own error; the write path wants the
    OSError it stands for, so that the user gets one line naming their path (exit 2)."""
    import errno

    try:
        _fill_sqlite(path, tables, personal)
    except sqlite3.OperationalError as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        full = code == getattr(sqlite3, "SQLITE_FULL", 13)
        number = errno.ENOSPC if full else errno.EIO
        raise OSError(number, os.strerror(number) if full else str(exc)) from exc


def write_sqlite(path: str, tables: dict[str, list[Row]], personal: bool, force: bool) -> None:

    atomic_write_via(
        path,
        lambda tmp: _fill_sqlite_or_oserror(tmp, tables, personal),
        force=force,
        mode=_mode(personal),
    )


def csv_text(table: str, rows: list[Row], personal: bool, raw: bool = False) -> str:
    """One table as CSV; cells that a spreadsheet would run as a formula are made inert unless
    ``raw`` (see :mod:`wksbm_cli.core.csv_text`)."""

    names = [c.name for c in columns_of(table, personal)]
    return csv_out.csv_text(names, ([row.get(n) for n in names] for row in rows), raw)


def write_csv(
    folder: str, tables: dict[str, list[Row]], personal: bool, force: bool, raw: bool = False
) -> None:

    def fill(tmp: str) -> None:
        for table in TABLES:
            with open(os.path.join(tmp, f"{table}.csv"), "w", encoding="utf-8", newline="") as f:
                f.write(csv_text(table, tables[table], personal, raw))

    atomic_folder(folder, fill, force=force, private=personal)


def json_document(tables: dict[str, list[Row]], personal: bool) -> dict[str, Any]:
    return {
        "version": 1,
        "tables": {
            table: [
                {c.name: row.get(c.name) for c in columns_of(table, personal)}
                for row in tables[table]
            ]
            for table in TABLES
        },
    }


def write_json(path: str, tables: dict[str, list[Row]], personal: bool, force: bool) -> None:

    text = json.dumps(json_document(tables, personal), ensure_ascii=False, indent=2) + "\n"
    atomic_write(path, text, force=force, mode=_mode(personal))


DATE_COLUMNS = {c.name for table in TABLES for c in columns_of(table, False) if c.date}
README_ROWS = (
    ("wksbm export", "Satu lembar per tabel / one sheet per table."),
    ("organisasi.id", "= pengurus.organisasi_id = unsur.organisasi_id"),
    ("kegiatan.id", "= kegiatan_peserta.kegiatan_id = narasumber.kegiatan_id"),
    (
        "wksbm import",
        "Ubah sel di lembar mana pun, lalu `wksbm import <berkas> --update`: hanya ruas yang"
        " diubah yang ditulis; baris yang dihapus tidak menghapus data. / Edit cells in any"
        " sheet, then `wksbm import <file> --update`: only the edited fields are written; a"
        " deleted row deletes nothing.",
    ),
)


def _fill_xlsx(path: str, tables: dict[str, list[Row]], personal: bool) -> None:
    """One sheet per table with a frozen, filtered header, dates as dates and widths that fit;
    openpyxl is the well-kept pure-Python writer (calamine only reads)."""
    import contextlib
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    readme = book.active
    assert readme is not None
    readme.title = "README"
    for line in README_ROWS:
        readme.append(list(line))
    readme.column_dimensions["A"].width = 16
    readme.column_dimensions["B"].width = 100
    for table in TABLES:
        sheet = book.create_sheet(table)
        names = [c.name for c in columns_of(table, personal)]
        sheet.append(names)
        widths = [len(n) for n in names]
        for number, row in enumerate(tables[table], start=2):
            out: list[Any] = []
            for i, name in enumerate(names):
                value = row.get(name)
                if name in DATE_COLUMNS and isinstance(value, str):
                    with contextlib.suppress(ValueError):
                        value = dt.date.fromisoformat(value)
                out.append(value)
                widths[i] = max(widths[i], 10 if isinstance(value, dt.date) else len(str(value)))
            sheet.append(out)
            # openpyxl stores text starting with "=" as a formula: a record's text must stay
            # text in Excel (no formula a hostile value could run), whatever it starts with.
            # (By row number: ``sheet.max_row`` scans every cell, once per row it was asked.)
            for column, value in enumerate(out, start=1):
                if isinstance(value, str) and value.startswith("="):
                    sheet.cell(row=number, column=column).data_type = "s"
        for i, name in enumerate(names, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = min(60, widths[i - 1] + 2)
            if name in DATE_COLUMNS:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    book.save(path)


def write_xlsx(path: str, tables: dict[str, list[Row]], personal: bool, force: bool) -> None:

    atomic_write_via(
        path, lambda tmp: _fill_xlsx(tmp, tables, personal), force=force, mode=_mode(personal)
    )
