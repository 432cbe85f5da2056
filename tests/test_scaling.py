"""Work that must not grow with distinct names or with problems x ids (behaviour, never time).

Each test pins how often an expensive step runs, so a change that brings back a scan of the
national region table per place, a find_spec per lookup, or a difflib search per broken
reference fails here rather than only in ``benchmarks/run.py``.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
from collections.abc import Callable, ItemsView
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import GOOD_ORG
from wksbm_cli.check.engine import Scope
from wksbm_cli.model import types
from wksbm_cli.model.records import Config, Wilayah
from wksbm_cli.regions import reference, resolve
from wksbm_cli.rules.record_rules import _Closest

SLEMAN = Config(
    wilayah=Wilayah(provinsi="Daerah Istimewa Yogyakarta", kabupaten="Sleman", kode="34.04")
)


@pytest.fixture(autouse=True)
def _fresh() -> None:
    reference.clear_cache()


def _w(**kw: str) -> Wilayah:
    return Wilayah(**kw).inherit(SLEMAN.wilayah)


def test_padukuhan_rw_rt_share_one_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Wilayah] = []
    real = resolve._resolve

    def counting(wilayah: Wilayah, config: Config) -> resolve.Resolution | None:
        calls.append(wilayah)
        return real(wilayah, config)

    monkeypatch.setattr(resolve, "_resolve", counting)
    places = [
        _w(kecamatan="Depok", desa="Condongcatur", dusun=dusun, rw=rw, rt=rt)
        for dusun in ("Gejayan", "Karangasem", "Kentungan")
        for rw in ("01", "07")
        for rt in ("02", "05")
    ]
    results = {id(resolve.resolve(p, SLEMAN)) for p in places}
    assert len(calls) == 1 and len(results) == 1
    res = resolve.resolve(places[-1], SLEMAN)
    assert res is not None and res.codes["desa"] == "34.04.07.2003"
    resolve.resolve(_w(kecamatan="Depok", desa="Caturtunggal", dusun="Gejayan"), SLEMAN)
    assert len(calls) == 2  # another kalurahan is another place


class _CountingTable(dict[str, str]):
    """The national table, counting how often it is walked whole."""

    walks = 0

    def items(self) -> ItemsView[str, str]:
        type(self).walks += 1
        return super().items()


def test_national_table_is_indexed_once_for_many_places() -> None:
    folder = reference.data_dir()
    assert folder is not None
    table = _CountingTable(reference.base(folder))
    reference.clear_cache()
    reference._CACHE[(folder, "")] = table
    _CountingTable.walks = 0
    kapanewon = ("Depok", "Mlati", "Gamping", "Ngaglik", "Kalasan", "Berbah", "Godean")
    written = [*kapanewon, "Deepok", "Mlatti", "Gampeng", "Kalasa", "Kapanewon Sleman"]
    for name in written:
        res = resolve.resolve(_w(kecamatan=name), SLEMAN)
        assert res is not None
    assert _CountingTable.walks == 1
    unknown = resolve.resolve(_w(kecamatan="Deepok"), SLEMAN)
    assert unknown is not None and unknown.issues[0].suggestions[0] == "Depok"


def test_data_dir_is_looked_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = importlib.util.find_spec

    def counting(name: str, package: str | None = None) -> Any:
        calls.append(name)
        return real(name, package)

    monkeypatch.setattr(importlib.util, "find_spec", counting)
    found = {reference.data_dir() for _ in range(50)}
    assert len(found) == 1 and None not in found
    assert calls == ["lokal"]
    reference.clear_cache()
    reference.data_dir()
    assert calls == ["lokal", "lokal"]


def test_data_dir_notices_a_blocked_package(monkeypatch: pytest.MonkeyPatch) -> None:
    assert reference.data_dir() is not None
    monkeypatch.setitem(__import__("sys").modules, "lokal", None)
    assert reference.data_dir() is None


ORG_IDS = [
    f"wksbm-{kal}-{n:06d}"
    for kal in ("condongcatur", "caturtunggal", "sinduadi", "tirtomartani", "sariharjo")
    for n in range(0, 400, 7)
]


@pytest.mark.parametrize(
    "target",
    [
        "wksbm-condongcatur-000014",  # an id that was deleted: its neighbours are close
        "wksbm-condongcatru-000021",
        "wksbm-sinduadi-00021",
        "wksbm-tirtomartani-000399",
        "wksbm-lama-sariharjo-000035",
        "yayasan-sayap-ibu",
        "x",
    ],
)
def test_suggestion_is_what_difflib_gives_over_every_id(target: str) -> None:
    known = set(ORG_IDS) - {"wksbm-condongcatur-000014"}
    assert _Closest(known)(target) == types.did_you_mean(target, sorted(known))


@given(
    st.sampled_from(ORG_IDS),
    st.integers(min_value=0, max_value=30),
    st.sampled_from(["", "x", "-lama", "wksbm-", "00"]),
)
def test_suggestion_for_mutated_ids_is_difflibs(base: str, cut: int, insert: str) -> None:
    target = base[:cut] + insert + base[cut + 1 :]
    known = set(ORG_IDS[::2])
    assert _Closest(known)(target) == types.did_you_mean(target, sorted(known))


EVENT = """\
id: 2025-06-{day:02d}-pelatihan
judul: Pelatihan Manajemen Organisasi WKSBM
jenis: pelatihan
tanggal: 2025-06-{day:02d}
penyelenggara: {{nama: Kapanewon Depok}}
peserta: {{jumlah: 30, organisasi: [wksbm-contoh, wksbm-cnotoh, wksbm-sariharjo-lama]}}
"""


def test_each_unknown_target_is_searched_once(
    make_records: Callable[..., Any], run_cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"organisasi/depok/wksbm-contoh.yaml": GOOD_ORG}
    for day in range(1, 29):
        files[f"kegiatan/2025/2025-06-{day:02d}-pelatihan.yaml"] = EVENT.format(day=day)
    root = make_records(files)
    searched: list[str] = []
    real = difflib.SequenceMatcher.set_seq2

    def counting(self: difflib.SequenceMatcher[str], word: str) -> None:
        if word:  # the constructor sets an empty one first
            searched.append(word)
        real(self, word)

    monkeypatch.setattr(difflib.SequenceMatcher, "set_seq2", counting)
    result = run_cli(
        "--lang", "en", "--records", str(root), "validate", "--format", "json",
        "--as-of", "2026-01-01", "--no-cache",
    )  # fmt: skip
    problems = [
        p for p in json.loads(result.stdout)["problems"] if p["rule"] == "unknown-reference"
    ]
    assert len(problems) == 56
    assert sorted(searched) == ["wksbm-cnotoh", "wksbm-sariharjo-lama"]  # once each, not 28 times
    assert sum("wksbm-contoh" in p["message"] for p in problems) >= 28


def _old_in_scope(rel: str, scope: tuple[str, ...]) -> bool:
    """The definition the lookup replaced, kept as the specification."""
    return not scope or any(
        rel == s or rel.startswith(s.rstrip("/") + "/") or s in ("", ".") for s in scope
    )


_PART = st.sampled_from(["organisasi", "kegiatan", "depok", "2025", "a.yaml", "", "."])


@given(
    st.lists(st.lists(_PART, min_size=1, max_size=4).map("/".join), max_size=5),
    st.lists(_PART, min_size=1, max_size=4).map("/".join),
)
def test_scope_lookup_agrees_with_the_scan(paths: list[str], rel: str) -> None:
    assert (rel in Scope(paths)) == _old_in_scope(rel, tuple(paths))


def test_scope_of_many_paths() -> None:
    paths = [f"organisasi/depok/wksbm-condongcatur-{n:06d}.yaml" for n in range(5000)]
    scope = Scope([*paths, "kegiatan/2025/"])
    assert "organisasi/depok/wksbm-condongcatur-004999.yaml" in scope
    assert "organisasi/depok/wksbm-condongcatur-005000.yaml" not in scope
    assert "kegiatan/2025/2025-06-17-pelatihan.yaml" in scope
    assert "kegiatan/2024/2024-06-17-pelatihan.yaml" not in scope


def test_official_names_are_read_once_per_code(monkeypatch: pytest.MonkeyPatch) -> None:
    codes: list[str] = []
    real = resolve._official_name

    def counting(code: str) -> str | None:
        codes.append(code)
        return real(code)

    monkeypatch.setattr(resolve, "_official_name", counting)
    shown = {
        resolve.canonical_wilayah(
            _w(kecamatan="Kapanewon Depok", desa="condong catur", dusun=f"Gejayan {n}"), SLEMAN
        ).desa
        for n in range(30)
    }
    assert shown == {"Condongcatur"}
    assert sorted(codes) == ["34", "34.04", "34.04.07", "34.04.07.2003"]


def test_spellings_of_a_pool_are_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    real = resolve.spellings

    def counting(level: int, candidates: dict[str, str]) -> dict[str, list[str]]:
        built.append(level)
        return real(level, candidates)

    monkeypatch.setattr(resolve, "spellings", counting)
    misspelt = ["Condongcaturr", "Condongatur", "Kondongcatur", "Condongcatir", "Condongcatr"]
    for name in misspelt * 3:
        res = resolve.resolve(_w(kecamatan="Depok", desa=name), SLEMAN)
        assert res is not None and res.issues[0].kind == "unknown"
        assert res.issues[0].suggestions[0] == "Condongcatur"
    # one pool per level walked (provinsi, kabupaten, kecamatan, desa) and the province's desa
    # (where a misplaced name would be found), whatever the number of misspellings
    assert sorted(built) == [1, 2, 3, 4, 4]
