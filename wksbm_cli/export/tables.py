"""Records as flat rows in tables whose keys join, for lists, exports and other tools.

The same rows feed ``list``, ``show --format json`` and all three export formats, so a column
means the same thing everywhere. The columns of the organisasi and kegiatan tables are declared
with their fields in ``model/schema.py``; the tables of list items (officers, unsur, participants,
speakers) are spelt out here. Records without an id are left out: nothing could join to them.
Personal fields (an officer's telepon and e-mail) are not kept in the compact records at all;
``personal_fields`` reads them back from the files, and only a folder with ``privasi: internal``
asks for them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from wksbm_cli.load.files import read_text
from wksbm_cli.load.yamldoc import load_document
from wksbm_cli.model.fields import table_columns
from wksbm_cli.model.records import Event, Organisation
from wksbm_cli.model.schema import KEGIATAN, ORGANISASI
from wksbm_cli.model.types import TableColumn
from wksbm_cli.rules.privacy import mask_niks

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    sql: str  # TEXT or INTEGER
    date: bool = False  # a YYYY-MM-DD text that spreadsheets get as a date


def _cols(spec: str) -> tuple[Column, ...]:
    out = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        out.append(Column(name, "INTEGER" if kind == "i" else "TEXT", kind == "d"))
    return tuple(out)


def _declared(columns: tuple[TableColumn, ...]) -> tuple[Column, ...]:
    return tuple(
        Column(c.name, "INTEGER" if c.kind == "integer" else "TEXT", c.kind == "date")
        for c in columns
    )


#: The columns of the two record tables, as their fields declare them in ``model/schema.py``.
RECORD_COLUMNS: dict[str, tuple[TableColumn, ...]] = {
    "organisasi": table_columns(ORGANISASI),
    "kegiatan": table_columns(KEGIATAN),
}
COLUMNS: dict[str, tuple[Column, ...]] = {
    "organisasi": _declared(RECORD_COLUMNS["organisasi"]) + _cols("file"),
    "pengurus": _cols("organisasi_id urutan:i jabatan nama mulai:d selesai:d"),
    "unsur": _cols("organisasi_id urutan:i nama kategori"),
    "kegiatan": _declared(RECORD_COLUMNS["kegiatan"]) + _cols("file"),
    "kegiatan_peserta": _cols("kegiatan_id organisasi_id"),
    "narasumber": _cols("kegiatan_id urutan:i nama instansi materi"),
}
PERSONAL = _cols("telepon email")
PRIMARY = {"organisasi": "id", "kegiatan": "id"}
TABLES = tuple(COLUMNS)


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _getter(path: list[str]) -> Callable[[Any], Any]:
    """Reads ``a.b.c`` from a record; None where a part is None (a record without ``sk``)."""
    first = attrgetter(path[0])
    if len(path) == 1:
        return first
    rest = _getter(path[1:])
    return lambda record: None if (value := first(record)) is None else rest(value)


def _column_getter(column: TableColumn) -> Callable[[Any], Any]:
    get = _getter(column.source.split("."))
    if column.kind != "date":
        return get
    return lambda record: None if (day := get(record)) is None else day.isoformat()


#: Each record column with the function that reads it, made once: rows are built for every
#: record of every list and export.
_GETTERS = {
    kind: tuple((c.name, _column_getter(c)) for c in columns)
    for kind, columns in RECORD_COLUMNS.items()
}


def _row(record: Organisation | Event) -> Row:
    row: Row = {name: get(record) for name, get in _GETTERS[record.kind]}
    row["file"] = record.file
    return row


def organisation_row(org: Organisation) -> Row:
    return _row(org)


def event_row(event: Event) -> Row:
    return _row(event)


def _unique(records: Iterable[Any]) -> list[Any]:
    """First record of each id; a duplicate id is a validation error, not a second row."""
    seen: set[str] = set()
    out = []
    for rec in records:
        if rec.id and rec.id not in seen:
            seen.add(rec.id)
            out.append(rec)
    return out


def build_tables(
    organisations: Iterable[Organisation],
    events: Iterable[Event],
    personal: dict[str, list[Row]] | None = None,
) -> dict[str, list[Row]]:
    """Every table as a list of rows. ``personal`` maps an organisation id to the telepon/email
    of each officer by position; given only under ``privasi: internal``."""
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    for org in _unique(organisations):
        tables["organisasi"].append(organisation_row(org))
        extra = (personal or {}).get(org.id, [])
        for number, officer in enumerate(org.pengurus, start=1):
            row: Row = {
                "organisasi_id": org.id,
                "urutan": number,
                "jabatan": officer.jabatan,
                "nama": officer.nama,
                "mulai": _day(officer.mulai),
                "selesai": _day(officer.selesai),
            }
            if personal is not None:
                fields = extra[officer.index] if officer.index < len(extra) else {}
                row["telepon"] = fields.get("telepon")
                row["email"] = fields.get("email")
            tables["pengurus"].append(row)
        for number, (nama, kategori) in enumerate(org.unsur, start=1):
            tables["unsur"].append(
                {"organisasi_id": org.id, "urutan": number, "nama": nama, "kategori": kategori}
            )
    for event in _unique(events):
        tables["kegiatan"].append(event_row(event))
        for org_id in dict.fromkeys(event.peserta_organisasi):
            tables["kegiatan_peserta"].append({"kegiatan_id": event.id, "organisasi_id": org_id})
        for number, speaker in enumerate(event.narasumber, start=1):
            tables["narasumber"].append(
                {
                    "kegiatan_id": event.id,
                    "urutan": number,
                    "nama": speaker.nama,
                    "instansi": speaker.instansi,
                    "materi": "; ".join(speaker.materi) or None,
                }
            )
    return tables


def columns_of(table: str, personal: bool) -> tuple[Column, ...]:
    return COLUMNS[table] + (PERSONAL if personal and table == "pengurus" else ())


def personal_fields(
    root: str, shown_root: str, organisations: Iterable[Organisation], limit: int
) -> dict[str, list[Row]]:
    """telepon/email of each officer, read back from the files (``privasi: internal`` only),
    with the size limit (``ukuran_berkas_maks``) the check read them with. A NIK is masked even
    here: no setting allows one."""

    out: dict[str, list[Row]] = {}
    prefix = "" if shown_root in ("", ".") else shown_root.rstrip("/") + "/"
    for org in organisations:
        if not org.id or org.id in out:
            continue
        rel = org.file[len(prefix) :] if prefix and org.file.startswith(prefix) else org.file
        read = read_text(os.path.join(root, rel), limit)
        data = load_document(read.text).data if read.text is not None else None
        officers = data.get("pengurus") if isinstance(data, dict) else None
        rows: list[Row] = []
        for item in officers if isinstance(officers, list) else []:
            fields = item if isinstance(item, dict) else {}
            rows.append(
                {
                    k: mask_niks(v) if isinstance(v, str) else None
                    for k, v in ((k, fields.get(k)) for k in ("telepon", "email"))
                }
            )
        out[org.id] = rows
    return out
