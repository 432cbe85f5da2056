from __future__ import annotations

import sys
from dataclasses import replace

import pytest

from wksbm_cli.model.records import Config, Wilayah
from wksbm_cli.regions import reference
from wksbm_cli.regions.resolve import canonical_wilayah, resolve

SLEMAN = Config(
    wilayah=Wilayah(provinsi="Daerah Istimewa Yogyakarta", kabupaten="Sleman", kode="34.04")
)


def _w(**kw: str) -> Wilayah:
    return Wilayah(**kw).inherit(SLEMAN.wilayah)


def test_three_spellings_give_one_canonical_name() -> None:
    names = {
        canonical_wilayah(_w(kecamatan="Kapanewon Depok", desa=d), SLEMAN).desa
        for d in ("Condongcatur", "Condong Catur", "condong-catur")
    }
    assert names == {"Condongcatur"}


def test_exact_names_resolve() -> None:
    res = resolve(_w(kecamatan="Kalasan", desa="Tirtomartani", kode="34.04.10.2002"), SLEMAN)
    assert res is not None and not res.issues
    assert res.codes["desa"] == "34.04.10.2002"


def test_misplaced_desa_is_mismatch() -> None:
    res = resolve(_w(kecamatan="Depok", desa="Tirtomartani"), SLEMAN)
    assert res is not None
    assert [(i.level, i.kind, i.found) for i in res.issues] == [
        ("desa", "mismatch", ("34.04.10.2002",))
    ]


def test_misspelt_kecamatan_is_unknown_with_suggestion() -> None:
    res = resolve(_w(kecamatan="Kapenewon Depok"), SLEMAN)
    assert res is not None
    assert res.issues[0].kind == "unknown"
    assert "Depok" in res.issues[0].suggestions


def test_wrong_kode() -> None:
    res = resolve(_w(kecamatan="Depok", desa="Condongcatur", kode="34.04.10.2002"), SLEMAN)
    assert res is not None and [i.kind for i in res.issues] == ["kode-mismatch"]
    res = resolve(_w(kecamatan="Depok", kode="34.04.99"), SLEMAN)
    assert res is not None and [i.kind for i in res.issues] == ["kode-unknown"]


def test_no_data_for_region_or_package(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve(_w(kecamatan="Depok"), Config(wilayah=Wilayah(kode="34.99"))) is None
    monkeypatch.setitem(sys.modules, "lokal", None)
    reference.clear_cache()
    assert resolve(_w(kecamatan="Depok"), SLEMAN) is None
    assert canonical_wilayah(_w(desa="Condong Catur"), SLEMAN).desa == "Condong Catur"


def test_desa_name_in_two_kecamatan_resolved_by_kecamatan() -> None:
    gunungkidul = Config(wilayah=Wilayah(kabupaten="Gunungkidul", kode="34.03"))
    base = Wilayah(kabupaten="Gunungkidul")
    alone = resolve(replace(base, desa="Kepek"), gunungkidul)
    assert alone is not None and [i.kind for i in alone.issues] == ["ambiguous"]
    first = {"34.03.01.2002", "34.03.15.2004"}
    both = [
        resolve(replace(base, kecamatan=k, desa="Kepek"), gunungkidul)
        for k in ("Wonosari", "Saptosari")
    ]
    codes = {r.codes.get("desa") for r in both if r is not None}
    assert codes == first
