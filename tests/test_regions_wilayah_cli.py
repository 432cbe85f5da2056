from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

NATIONAL = """\
wilayah: {provinsi: Daerah Istimewa Yogyakarta, kabupaten: Sleman, kode: "34.04"}
istilah: nasional
"""


def _run(
    make_records: Callable[..., Any], run_cli: Callable[..., Any], *args: str, **kw: Any
) -> Any:
    root = make_records({}, **kw)
    return run_cli("--records", str(root), *args)


def test_code_shows_parents_and_children(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    result = _run(make_records, run_cli, "--lang", "en", "wilayah", "34.04.07")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Kapanewon Depok (34.04.07)",
        "  Provinsi Daerah Istimewa Yogyakarta (34)",
        "  Kabupaten Sleman (34.04)",
        "3 Kalurahan:",
        "  34.04.07.2001  Caturtunggal",
        "  34.04.07.2003  Condongcatur",
        "  34.04.07.2002  Maguwoharjo",
    ]


def test_national_labels(make_records: Callable[..., Any], run_cli: Callable[..., Any]) -> None:
    result = _run(make_records, run_cli, "--lang", "id", "wilayah", "34.04.07", config=NATIONAL)
    assert result.stdout.splitlines()[0] == "Kecamatan Depok (34.04.07)"
    assert "3 Desa:" in result.stdout


def test_loose_name_finds_the_desa(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    result = _run(make_records, run_cli, "--lang", "en", "wilayah", "Condong Catur", "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["version"] == 1
    [place] = data["results"]
    assert (place["kode"], place["nama"], place["tingkat"]) == (
        "34.04.07.2003",
        "Condongcatur",
        "desa",
    )
    assert [p["nama"] for p in place["induk"]] == [
        "Daerah Istimewa Yogyakarta",
        "Sleman",
        "Depok",
    ]
    assert place["anak"] == []


def test_misspelt_level_word_gets_did_you_mean(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    result = _run(make_records, run_cli, "--lang", "en", "wilayah", "Kapenewon Depok")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "did you mean `Depok`" in result.stderr


def test_unknown_code_exits_1(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    result = _run(make_records, run_cli, "--lang", "id", "wilayah", "99.99")
    assert result.exit_code == 1
    assert "tidak ada wilayah resmi bernama `99.99`" in result.stderr


def test_no_argument_lists_the_kapanewon(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    result = _run(make_records, run_cli, "--lang", "en", "wilayah", "-f", "json")
    assert result.exit_code == 0
    [place] = json.loads(result.stdout)["results"]
    assert place["kode"] == "34.04"
    assert len(place["anak"]) == 17
    assert {"kode": "34.04.07", "nama": "Depok"} in place["anak"]


def test_desa_in_two_kecamatan_lists_both(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    config = 'wilayah: {kabupaten: Gunungkidul, kode: "34.03"}\nistilah: diy\n'
    result = _run(
        make_records, run_cli, "--lang", "en", "wilayah", "Kepek", "-f", "json", config=config
    )
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["results"]) == 2


def test_no_reference_data_exits_2(
    make_records: Callable[..., Any], run_cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from wksbm_cli.regions import reference

    monkeypatch.setattr(reference, "data_dir", lambda: None)
    result = _run(make_records, run_cli, "--lang", "en", "wilayah", "Depok")
    assert result.exit_code == 2
    assert "no official region data" in result.stderr


def test_english_alias(make_records: Callable[..., Any], run_cli: Callable[..., Any]) -> None:
    result = _run(make_records, run_cli, "--lang", "en", "region", "Depok")
    assert result.exit_code == 0
    assert result.stdout.startswith("Kapanewon Depok (34.04.07)\n")


def test_a_kota_is_named_a_kota_with_its_own_kecamatan(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    """A Sleman folder (istilah: diy) looking up Kota Bogor: no "Kabupaten Kota Bogor", no
    "6 Kapanewon"; DIY's words stay inside DIY."""
    result = _run(make_records, run_cli, "--lang", "en", "wilayah", "32.71")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:3] == [
        "Kota Bogor (32.71)",
        "  Provinsi Jawa Barat (32)",
        "6 Kecamatan:",
    ]
    surabaya = _run(make_records, run_cli, "--lang", "en", "wilayah", "35.78")
    assert surabaya.stdout.splitlines()[0] == "Kota Surabaya (35.78)"
    assert "31 Kecamatan:" in surabaya.stdout.splitlines()


@pytest.mark.parametrize(
    ("code", "lines"),
    [
        ("34.71", ["Kota Yogyakarta (34.71)", "14 Kemantren:"]),
        ("34.71.01", ["Kemantren Tegalrejo (34.71.01)", "4 Kelurahan:"]),
        ("34.71.01.1001", ["Kelurahan Kricak (34.71.01.1001)", "  Kemantren Tegalrejo (34.71.01)"]),
        ("32.01", ["Kabupaten Bogor (32.01)", "40 Kecamatan:"]),
        ("32.01.03", ["Kecamatan Citeureup (32.01.03)", "14 Desa/Kelurahan:"]),
        ("32.01.03.2003", ["Desa Leuwinutug (32.01.03.2003)", "  Kabupaten Bogor (32.01)"]),
        ("32.01.03.1006", ["Kelurahan Puspanegara (32.01.03.1006)"]),
        ("94.01", ["Kabupaten Nabire (94.01)", "  Provinsi Papua Tengah (94)", "15 Distrik:"]),
        ("94.01.02", ["Distrik Napan (94.01.02)", "3 Kampung:"]),
        ("94.01.02.2002", ["Kampung Masipawa (94.01.02.2002)", "  Distrik Napan (94.01.02)"]),
        ("32", ["Provinsi Jawa Barat (32)", "27 Kabupaten/Kota:"]),
    ],
)
def test_each_region_has_its_own_levels_word(
    make_records: Callable[..., Any], run_cli: Callable[..., Any], code: str, lines: list[str]
) -> None:
    result = _run(make_records, run_cli, "--lang", "en", "wilayah", code)
    assert result.exit_code == 0
    for line in lines:
        assert line in result.stdout.splitlines(), (line, result.stdout)


def test_json_names_the_level_word(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    result = _run(make_records, run_cli, "--lang", "en", "wilayah", "32.71", "-f", "json")
    [place] = json.loads(result.stdout)["results"]
    assert (place["tingkat"], place["sebutan"], place["nama"]) == (
        "kabupaten",
        "Kota",
        "Kota Bogor",
    )


def test_a_kota_folder_lists_its_kecamatan_and_finds_a_kelurahan(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    config = 'wilayah: {provinsi: Jawa Timur, kabupaten: Kota Surabaya, kode: "35.78"}\n'
    config += "istilah: nasional\n"
    result = _run(make_records, run_cli, "--lang", "en", "wilayah", "kebraon", config=config)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:4] == [
        "Kelurahan Kebraon (35.78.01.1002)",
        "  Provinsi Jawa Timur (35)",
        "  Kota Surabaya (35.78)",
        "  Kecamatan Karang Pilang (35.78.01)",
    ]
