"""Fields are declared once (model/schema.py): tables, `show` and the `new` template follow.

A column whose source does not exist on the typed record, a label missing from a catalog or an
example that is not YAML would otherwise show up only as an empty cell, a raw key on screen or a
broken template.
"""

from __future__ import annotations

import textwrap
from typing import Any

import pytest
import yaml

from wksbm_cli.authoring.new_record import optional_fields
from wksbm_cli.core.terms import terms
from wksbm_cli.export.tables import RECORD_COLUMNS, event_row, organisation_row
from wksbm_cli.i18n import catalog
from wksbm_cli.model.fields import display_order, field_columns, table_columns
from wksbm_cli.model.records import Wilayah, build_event, build_organisation
from wksbm_cli.model.schema import KEGIATAN, ORGANISASI
from wksbm_cli.model.types import Field, Struct

STRUCTS = {"organisasi": ORGANISASI, "kegiatan": KEGIATAN}

#: Records with every exported field filled: each column must read a value from them.
FULL = {
    "organisasi": """\
        id: wksbm-penuh
        nama: WKSBM Penuh
        jenis: wksbm
        tingkat: rt
        status: vakum
        wilayah: {provinsi: DIY, kabupaten: Sleman, kapanewon: Depok, kalurahan: Condongcatur,
                  padukuhan: Gejayan, rw: "05", rt: "03", kode: "34.04.07.2003"}
        dibentuk: 2020-01-02
        sk: {nomor: "1/KEP/2020", tanggal: 2020-01-03, penerbit: Lurah,
             berlaku_sampai: 2025-01-03}
        jumlah_anggota: 25
        """,
    "kegiatan": """\
        id: 2025-06-17-penuh
        judul: Pelatihan
        jenis: pelatihan
        tanggal: 2025-06-17
        tanggal_selesai: 2025-06-18
        penyelenggara: {nama: Dinas Sosial, unit: Bidang PKS, organisasi: wksbm-penuh}
        tempat: {nama: Balai Kalurahan}
        dasar: Musrenbang
        sumber_dana: apbd_kabupaten
        tahun_anggaran: 2025
        peserta: {jumlah: 30}
        """,
}


def _fields(struct: Struct) -> list[Field]:
    """Every field, nested ones included."""
    out: list[Field] = []
    for f in struct.fields:
        out.append(f)
        inner: Any = f.type
        for attr in ("item", "struct", "item"):
            inner = getattr(inner, attr, inner)
        if isinstance(inner, Struct):
            out += _fields(inner)
    return out


@pytest.mark.parametrize("kind", list(STRUCTS))
def test_every_column_reads_a_value_of_the_typed_record(kind: str) -> None:
    data = yaml.safe_load(textwrap.dedent(FULL[kind]))
    if kind == "organisasi":
        row = organisation_row(build_organisation(data, "f.yaml", Wilayah()))
    else:
        row = event_row(build_event(data, "f.yaml", Wilayah()))
    empty = [c.name for c in RECORD_COLUMNS[kind] if row[c.name] is None]
    assert not empty, f"add these to FULL[{kind!r}], or fix their source: {empty}"
    assert list(row) == [c.name for c in table_columns(STRUCTS[kind])] + ["file"]


def test_every_label_is_in_both_catalogs() -> None:
    keys = {f.label for s in STRUCTS.values() for f in _fields(s) if f.label}
    keys |= {c.label for cols in RECORD_COLUMNS.values() for c in cols if c.label}
    for lang in ("id", "en"):
        assert not sorted(k for k in keys if k not in catalog(lang)), lang


@pytest.mark.parametrize("kind", list(STRUCTS))
def test_every_shown_column_has_a_heading(kind: str) -> None:
    region = {"kecamatan", "desa", "dusun"}  # headed with the folder's region words
    for field in display_order(STRUCTS[kind]):
        assert not field.shown or field.label, field.name
        for column in field_columns(field):
            assert not column.shown or column.label or column.name in region, column


@pytest.mark.parametrize("kind", list(STRUCTS))
def test_new_template_holds_every_example_and_is_yaml(kind: str) -> None:
    text = optional_fields(STRUCTS[kind], terms("32.01", "nasional"))
    uncommented = "".join(line[2:] + "\n" for line in text.splitlines())
    data = yaml.safe_load(uncommented)
    assert list(data) == [f.name for f in STRUCTS[kind].fields if f.example]
    assert "$" not in text  # every placeholder was filled
    assert "Balai Desa" in text or kind == "kegiatan"
