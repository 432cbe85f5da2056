"""Records as flat rows in tables whose keys join, for lists, exports and other tools.

The same rows feed ``list``, ``show --format json`` and all three export formats, so a column
means the same thing everywhere. Records without an id are left out: nothing could join to them.
Personal fields (an officer's telepon and e-mail) are not kept in the compact records at all;
``personal_fields`` reads them back from the files, and only a folder with ``privasi: internal``
asks for them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from wksbm_cli.load.files import read_text
from wksbm_cli.load.yamldoc import load_document
from wksbm_cli.model.records import Event, Organisation
from wksbm_cli.rules.privacy import mask_niks

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    sql: str  # TEXT or INTEGER


def _cols(spec: str) -> tuple[Column, ...]:
    out = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        out.append(Column(name, "INTEGER" if kind == "i" else "TEXT"))
    return tuple(out)


COLUMNS: dict[str, tuple[Column, ...]] = {
    "organisasi": _cols(
        "id nama jenis tingkat status provinsi kabupaten kecamatan desa dusun rw rt kode"
        " dibentuk sk_nomor sk_tanggal sk_penerbit sk_berlaku_sampai jumlah_anggota:i file"
    ),
    "pengurus": _cols("organisasi_id urutan:i jabatan nama mulai selesai"),
    "unsur": _cols("organisasi_id urutan:i nama kategori"),
    "kegiatan": _cols(
        "id judul jenis tanggal tanggal_selesai penyelenggara penyelenggara_unit"
        " penyelenggara_organisasi tempat dasar sumber_dana tahun_anggaran:i peserta_jumlah:i file"
    ),
    "kegiatan_peserta": _cols("kegiatan_id organisasi_id"),
    "narasumber": _cols("kegiatan_id urutan:i nama instansi materi"),
}
PERSONAL = _cols("telepon email")
PRIMARY = {"organisasi": "id", "kegiatan": "id"}
TABLES = tuple(COLUMNS)


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def organisation_row(org: Organisation) -> Row:
    w, sk = org.wilayah, org.sk
    return {
        "id": org.id,
        "nama": org.nama,
        "jenis": org.jenis,
        "tingkat": org.tingkat,
        "status": org.status,
        "provinsi": w.provinsi,
        "kabupaten": w.kabupaten,
        "kecamatan": w.kecamatan,
        "desa": w.desa,
        "dusun": w.dusun,
        "rw": w.rw,
        "rt": w.rt,
        "kode": w.kode,
        "dibentuk": _day(org.dibentuk),
        "sk_nomor": sk.nomor if sk else None,
        "sk_tanggal": _day(sk.tanggal) if sk else None,
        "sk_penerbit": sk.penerbit if sk else None,
        "sk_berlaku_sampai": _day(sk.berlaku_sampai) if sk else None,
        "jumlah_anggota": org.jumlah_anggota,
        "file": org.file,
    }


def event_row(event: Event) -> Row:
    pen, venue = event.penyelenggara, event.tempat
    return {
        "id": event.id,
        "judul": event.judul,
        "jenis": event.jenis,
        "tanggal": _day(event.tanggal),
        "tanggal_selesai": _day(event.tanggal_selesai),
        "penyelenggara": pen.nama if pen else None,
        "penyelenggara_unit": pen.unit if pen else None,
        "penyelenggara_organisasi": pen.organisasi if pen else None,
        "tempat": venue.nama if venue else None,
        "dasar": event.dasar,
        "sumber_dana": event.sumber_dana,
        "tahun_anggaran": event.tahun_anggaran,
        "peserta_jumlah": event.peserta_jumlah,
        "file": event.file,
    }


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
