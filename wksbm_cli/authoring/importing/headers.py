"""Finding the header row below a title block and naming what each column holds.

Dinas workbooks put a title ("DATA WKSBM KABUPATEN SLEMAN TAHUN 2025"), a blank line and
sometimes a second header row under merged group cells ("Pengurus" over Ketua, Sekretaris,
Bendahara) above the data. A header row is the first row in which at least two cells are known
column names, one of them the organisation's name; the row below joins it when it is made of
names too. Columns are recognised by a table of the spellings seen in both languages, in the
provincial PSKS application's export and in ``wksbm export``; anything else gets a "did you
mean" and is left out until a mapping file says what it is.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from wksbm_cli.authoring.importing.readers import Cell, Sheet

# The fields a column can fill. IGNORE: known columns with nothing to import (a running
# number, counts the records derive themselves, the export's file path).
FIELDS = (
    "id",
    "nama",
    "jenis",
    "tingkat",
    "status",
    "kecamatan",
    "desa",
    "dusun",
    "kode",
    "dibentuk",
    "sk_nomor",
    "sk_tanggal",
    "sk_penerbit",
    "sk_berlaku_sampai",
    "legalitas",
    "ketua",
    "sekretaris",
    "bendahara",
    "telepon",
    "email",
    "jumlah_anggota",
    "alamat",
    "catatan",
)
IGNORE = "abaikan"

_SPELLINGS: dict[str, tuple[str, ...]] = {
    "id": ("id", "idwksbm", "idorganisasi"),
    "nama": (
        "nama",
        "namawksbm",
        "namawksb",
        "wksbm",
        "wksb",
        "namaorganisasi",
        "namalembaga",
        "organisasi",
        "name",
        "organisation",
        "organization",
    ),
    "jenis": ("jenis", "jenisorganisasi", "type", "kind"),
    "tingkat": ("tingkat", "level", "tingkatan"),
    "status": ("status", "keaktifan", "statusaktif"),
    "kecamatan": ("kecamatan", "kec", "kapanewon", "kemantren", "district", "namakecamatan"),
    "desa": (
        "desa",
        "kelurahan",
        "kalurahan",
        "desakelurahan",
        "desakel",
        "deskel",
        "kel",
        "desakalurahan",
        "kelurahandesa",
        "village",
        "namadesa",
    ),
    "dusun": ("dusun", "padukuhan", "pedukuhan", "hamlet"),
    "kode": ("kode", "kodewilayah", "kodedesa", "regioncode"),
    "dibentuk": ("dibentuk", "tanggaldibentuk", "tglbentuk", "tglpembentukan", "founded"),
    "sk_nomor": ("sknomor", "nomorsk", "nosk", "sk", "skno", "decreenumber"),
    "sk_tanggal": ("sktanggal", "tanggalsk", "tglsk", "sktgl", "decreedate"),
    "sk_penerbit": ("skpenerbit", "penerbitsk", "penerbit", "issuer", "skdari"),
    "sk_berlaku_sampai": ("skberlakusampai", "berlakusampai", "masaberlaku", "skberlaku"),
    "legalitas": ("legalitas", "legalitaswksbm", "legalitaswksb", "dasarhukum", "legality"),
    "ketua": ("ketua", "namaketua", "namaketuawksbm", "namaketuawksb", "chair", "chairperson"),
    "sekretaris": ("sekretaris", "namasekretaris", "secretary"),
    "bendahara": ("bendahara", "namabendahara", "treasurer"),
    "telepon": (
        "nohp",
        "hp",
        "nohpketua",
        "nohpwa",
        "telepon",
        "telp",
        "notelp",
        "notelepon",
        "nowa",
        "wa",
        "phone",
        "telepon_ketua",
    ),
    "email": ("email", "surel", "alamatemail"),
    "jumlah_anggota": ("jumlahanggota", "jmlanggota", "anggota", "members"),
    "alamat": ("alamat", "alamatsekretariat", "sekretariat", "address"),
    "catatan": ("catatan", "keterangan", "ket", "notes", "note"),
    IGNORE: (
        "no",
        "nourut",
        "nomorurut",
        "jumlahpengurus",
        "jmlpengurus",
        "jeniskegiatan",
        "kegiatan",
        "provinsi",
        "kabupaten",
        "kabupatenkota",
        "file",
        "rw",
        "rt",
    ),
}
KNOWN: dict[str, str] = {k: f for f, spellings in _SPELLINGS.items() for k in spellings}
_DROP = re.compile(r"[\W_]+")
HEADER_SEARCH = 30  # rows from the top searched for the header


def header_key(text: str) -> str:
    """``"Desa/Kel."`` -> ``desakel``; ``"No. HP"`` -> ``nohp``."""
    return _DROP.sub("", text.casefold())


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def known_field(text: str, mapping: Mapping[str, str] | None = None) -> str | None:
    """The field a header names: the mapping file first (by the header as written or as its
    key), then the built-in spellings."""
    if not text:
        return None
    if mapping:
        for candidate in (text, header_key(text)):
            if candidate in mapping:
                return mapping[candidate]
    return KNOWN.get(header_key(text))


def did_you_mean(text: str) -> str:
    close = difflib.get_close_matches(header_key(text), list(KNOWN), n=1, cutoff=0.75)
    if not close or KNOWN[close[0]] == IGNORE:
        return ""
    return KNOWN[close[0]]


@dataclass
class Header:
    row: int  # 0-based index of the last header row; data starts below it
    columns: dict[int, str]  # column index -> field
    texts: dict[int, str]  # column index -> the header as written (joined over two rows)
    unknown: list[tuple[int, str, str]] = field(default_factory=list)  # col, text, suggestion
    ignored: list[str] = field(default_factory=list)


def _filled(sheet: Sheet, row: int) -> list[str]:
    """Row ``row`` as text, merged cells repeated over their columns."""
    spans = [c1 + 1 for r0, _, r1, c1 in sheet.merged if r0 <= row <= r1]
    width = max([len(sheet.rows[row]), *spans])
    cells = [_text(c) for c in sheet.rows[row]] + [""] * (width - len(sheet.rows[row]))
    for r0, c0, r1, c1 in sheet.merged:
        if r0 <= row <= r1 and c0 < len(cells):
            value = _text(sheet.rows[r0][c0]) if c0 < len(sheet.rows[r0]) else ""
            for c in range(c0, min(c1 + 1, len(cells))):
                cells[c] = value
    return cells


def _names(cells: list[str], mapping: Mapping[str, str] | None) -> dict[int, str]:
    return {i: f for i, t in enumerate(cells) if (f := known_field(t, mapping))}


def _sub_header(sheet: Sheet, index: int, below: list[str], names: dict[int, str]) -> bool:
    """The row below a header is a second header row when merged cells tie the two together
    (a vertical merge through both, or a group cell spanning columns), or when every filled
    cell of it is a column name. A data row that happens to hold a word like "kabupaten" is
    neither."""
    for r0, c0, r1, c1 in sheet.merged:
        if r0 == index and (r1 > index or c1 > c0):
            return True
    filled = [i for i, t in enumerate(below) if t]
    return bool(filled) and all(i in names for i in filled)


def find_header(
    sheet: Sheet, mapping: Mapping[str, str] | None = None, at: int | None = None
) -> Header | None:
    """The header of ``sheet`` (``at``: its 1-based row, from a mapping file), or None."""
    rows = range(at - 1, at) if at else range(min(HEADER_SEARCH, len(sheet.rows)))
    for index in rows:
        if index >= len(sheet.rows):
            return None
        cells = _filled(sheet, index)
        found = _names(cells, mapping)
        useful = [f for f in found.values() if f != IGNORE]
        if not at and (len(useful) < 2 or "nama" not in useful):
            continue
        texts = dict(enumerate(cells))
        last = index
        if index + 1 < len(sheet.rows):
            below = _filled(sheet, index + 1)
            raw_below = sheet.rows[index + 1]
            names_below = _names(below, mapping)
            numbers = any(isinstance(c, int | float) for c in raw_below)
            if names_below and not numbers and _sub_header(sheet, index, below, names_below):
                last = index + 1
                for col in range(max(len(cells), len(below))):
                    top = cells[col] if col < len(cells) else ""
                    low = below[col] if col < len(below) else ""
                    if not low or low == top:
                        continue
                    joined = f"{top} {low}".strip()
                    for text in (joined, low, top):
                        name = known_field(text, mapping)
                        if name:
                            found[col], texts[col] = name, text
                            break
                    else:
                        found.pop(col, None)
                        texts[col] = joined
        header = Header(last, {}, {})
        for col, text in texts.items():
            if not text:
                continue
            name = found.get(col)
            header.texts[col] = text
            if name is None:
                header.unknown.append((col, text, did_you_mean(text)))
            elif name == IGNORE:
                header.ignored.append(text)
            elif name not in header.columns.values():
                header.columns[col] = name
            else:
                header.ignored.append(text)
        return header
    return None
