"""A records repository anywhere in Indonesia: ``init``, then ``new`` in both modes, then a
``validate`` that passes, for a DIY kabupaten, a kabupaten and a kota outside DIY, a Papua
kabupaten and Kota Yogyakarta."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

SOURCE = "https://github.com/forum-wksbm/wksbm@3f2a9c4e1b7d8a6f5e4c3b2a1908f7e6d5c4b3a2"

OFFICERS = """\
pengurus:
  - {jabatan: ketua, nama: Siti Rahmawati, mulai: 2025-02-01}
  - {jabatan: sekretaris, nama: Agus Prasetyo}
  - {jabatan: bendahara, nama: Dewi Lestari}
sk: {nomor: "400.9/12/2025", tanggal: 2025-02-01, penerbit: Kepala Desa}
unsur:
  - {nama: Karang Taruna, kategori: lembaga}
"""


@dataclass(frozen=True)
class Region:
    how: tuple[str, ...]  # init options
    kode: str
    provinsi: str
    istilah: str
    kecamatan_flag: str
    desa_flag: str
    kecamatan_key: str
    desa_key: str
    kecamatan: str  # as a volunteer types it
    desa: str
    kecamatan_official: str
    desa_official: str
    desa_kode: str
    kecamatan_word: str  # in prompts and in `wilayah`
    desa_word: str
    children: str  # `wksbm wilayah` without argument: "40 Kecamatan:"


REGIONS = {
    "sleman": Region(
        ("--kabupaten", "Sleman"), "34.04", "Daerah Istimewa Yogyakarta", "diy",
        "--kapanewon", "--kalurahan", "kapanewon", "kalurahan",
        "depok", "Condong Catur", "Depok", "Condongcatur", "34.04.07.2003",
        "Kapanewon", "Kalurahan", "17 Kapanewon:",
    ),
    "kabupaten-bogor": Region(
        ("--kode", "32.01"), "32.01", "Jawa Barat", "nasional",
        "--kecamatan", "--desa", "kecamatan", "desa",
        "Citeureup", "Leuwinutug", "Citeureup", "Leuwinutug", "32.01.03.2003",
        "Kecamatan", "Desa", "40 Kecamatan:",
    ),
    "kota-surabaya": Region(
        ("--kabupaten", "Surabaya"), "35.78", "Jawa Timur", "nasional",
        "--kecamatan", "--kelurahan", "kecamatan", "kelurahan",
        "Karang Pilang", "kebraon", "Karang Pilang", "Kebraon", "35.78.01.1002",
        "Kecamatan", "Kelurahan", "31 Kecamatan:",
    ),
    "nabire": Region(
        ("--kabupaten", "Nabire", "--provinsi", "Papua Tengah"), "94.01", "Papua Tengah",
        "nasional", "--distrik", "--kampung", "kecamatan", "desa",
        "Napan", "Masipawa", "Napan", "Masipawa", "94.01.02.2002",
        "Distrik", "Kampung", "15 Distrik:",
    ),
    "kota-yogyakarta": Region(
        ("--kode", "34.71"), "34.71", "Daerah Istimewa Yogyakarta", "diy",
        "--kemantren", "--kelurahan", "kemantren", "kelurahan",
        "Tegalrejo", "Kricak", "Tegalrejo", "Kricak", "34.71.01.1001",
        "Kemantren", "Kelurahan", "14 Kemantren:",
    ),
}  # fmt: skip


def _in(run_cli: Any, root: Path, *args: str, input: str | None = None) -> Any:
    return run_cli("--lang", "en", "--records", str(root), *args, input=input)


def _fill_officers(path: Path) -> None:
    """What the volunteer does next: the officers, SK and unsur only they know."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + OFFICERS, encoding="utf-8")


@pytest.mark.parametrize("key", list(REGIONS))
def test_a_repository_for_the_region_validates(run_cli: Any, tmp_path: Path, key: str) -> None:
    region = REGIONS[key]
    root = tmp_path / f"wksbm-{key}"
    made = run_cli(
        "--lang", "en", "init", str(root), *region.how, "--bahasa", "en", "--wksbm-source", SOURCE
    )
    assert made.exit_code == 0, made.output
    config = yaml.safe_load((root / "wksbm.yaml").read_text(encoding="utf-8"))
    assert config["wilayah"]["kode"] == region.kode
    assert config["wilayah"]["provinsi"] == region.provinsi
    assert config["istilah"] == region.istilah

    # Right after init: valid, and `wksbm wilayah` lists the kecamatan in the region's words.
    fresh = _in(run_cli, root, "validate")
    assert fresh.exit_code == 0, fresh.output
    listing = _in(run_cli, root, "wilayah")
    assert listing.exit_code == 0, listing.output
    assert region.children in listing.stdout.splitlines()

    # Flag mode: the region's own flags, names spelt loosely, written in the official spelling.
    flags = _in(
        run_cli, root, "new", "organisasi", f"wksbm-{key}", "--nama", "WKSBM Sejahtera Bersama",
        region.kecamatan_flag, region.kecamatan, region.desa_flag, region.desa,
    )  # fmt: skip
    assert flags.exit_code == 0, flags.output
    folder = root / "organisasi" / region.kecamatan_official.lower().replace(" ", "-")
    org_file = folder / f"wksbm-{key}.yaml"
    data = yaml.safe_load(org_file.read_text(encoding="utf-8"))
    assert data["wilayah"] == {
        region.kecamatan_key: region.kecamatan_official,
        region.desa_key: region.desa_official,
        "kode": region.desa_kode,
    }
    _fill_officers(org_file)

    # Prompt mode: every question in the folder's words, answered through stdin.
    answers = f"WKSBM Mekar Sari\n\n{region.kecamatan}\n{region.desa}\n"
    asked = _in(run_cli, root, "new", "organisasi", "--interactive", input=answers)
    assert asked.exit_code == 0, asked.output
    assert f"{region.kecamatan_word} (official name):" in asked.output
    assert f"{region.desa_word} in {region.kecamatan_word} {region.kecamatan_official}:" in (
        asked.output
    )
    _fill_officers(folder / "wksbm-mekar-sari.yaml")
    event = _in(
        run_cli, root, "new", "kegiatan", "--interactive",
        input="Pelatihan Manajemen Organisasi WKSBM\npelatihan\n2025-08-12\nDinas Sosial\n\n",
    )  # fmt: skip
    assert event.exit_code == 0, event.output
    event_file = root / "kegiatan/2025/2025-08-12-pelatihan-manajemen-organisasi-wksbm.yaml"
    event_file.write_text(
        event_file.read_text(encoding="utf-8")
        + f"peserta: {{jumlah: 2, organisasi: [wksbm-{key}, wksbm-mekar-sari],"
        f" asal: [{region.desa_official}]}}\n",
        encoding="utf-8",
    )

    checked = _in(run_cli, root, "validate", "--format", "json")
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout)["problems"] == []


def test_two_way_name_is_asked_on_a_terminal(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli(
        "--lang", "en", "init", str(tmp_path / "bogor"), "--kabupaten", "Bogor", "--interactive",
        "--bahasa", "en", input="kota\n32.71\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Kabupaten Bogor (32.01) or Kota Bogor (32.71)? (type the code):" in result.output
    config = yaml.safe_load((tmp_path / "bogor/wksbm.yaml").read_text(encoding="utf-8"))
    assert config["wilayah"] == {
        "provinsi": "Jawa Barat",
        "kabupaten": "Kota Bogor",
        "kode": "32.71",
    }
    assert config["istilah"] == "nasional"


def test_two_way_name_without_a_terminal_lists_both(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli("--lang", "en", "init", str(tmp_path / "b"), "--kabupaten", "Bogor")
    assert result.exit_code == 2
    assert result.stderr == (
        "wksbm: `Bogor` is Kabupaten Bogor (32.01) or Kota Bogor (32.71):"
        " give --kode 32.01 or 32.71\n"
    )
    assert not (tmp_path / "b").exists()


def test_misspelt_kabupaten_gets_did_you_mean(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli("--lang", "id", "init", str(tmp_path / "s"), "--kabupaten", "Slemn")
    assert result.exit_code == 2
    assert "did you mean" not in result.stderr
    assert "`Kabupaten Sleman (34.04)`" in result.stderr
    assert not (tmp_path / "s").exists()


def test_misspelt_kabupaten_is_asked_again_on_a_terminal(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli(
        "--lang", "en", "init", str(tmp_path / "s"), "--interactive", "--bahasa", "en",
        input="Slemn\nSleman\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "did you mean `Kabupaten Sleman (34.04)`" in result.output
    assert "Kabupaten Sleman, Province Daerah Istimewa Yogyakarta (34.04)" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--kode", "34.99"), "no kabupaten/kota has the code `34.99`"),
        (("--kode", "34.04.07"), "--kode `34.04.07` is not a kabupaten/kota code"),
        (("--kode", "32.01", "--kabupaten", "Sleman"), "--kode 32.01 is Kabupaten Bogor"),
        (("--kabupaten", "Bogor", "--provinsi", "Jawa Tengah"), "does not exist in Provinsi"),
        (("--kabupaten", "Bogor", "--provinsi", "Jawa Barut"), "did you mean `Jawa Barat`"),
    ],
)
def test_wrong_region_options_exit_2_and_write_nothing(
    run_cli: Any, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = run_cli("--lang", "en", "init", str(tmp_path / "x"), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "x").exists()


def test_province_tells_apart_a_name_of_two_provinces(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli(
        "--lang", "en", "init", str(tmp_path / "b"), "--kabupaten", "Bogor",
        "--provinsi", "Jawa Barat",
    )  # fmt: skip
    assert result.exit_code == 2  # both Bogor are in Jawa Barat
    result = run_cli("--lang", "en", "init", str(tmp_path / "b"), "--kabupaten", "Kota Bogor")
    assert result.exit_code == 0, result.output


def test_schemas_and_editor_settings_agree_with_new(run_cli: Any, tmp_path: Path) -> None:
    root = tmp_path / "wksbm-bogor"
    assert run_cli("--lang", "en", "init", str(root), "--kode", "32.01").exit_code == 0
    settings = json.loads((root / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for schema in mapping:
        assert (root / schema).is_file(), schema
    made = _in(
        run_cli, root, "new", "organisasi", "wksbm-leuwinutug", "--nama", "WKSBM Leuwinutug",
        "--kecamatan", "Citeureup", "--desa", "Leuwinutug",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    record = root / "organisasi/citeureup/wksbm-leuwinutug.yaml"
    first = record.read_text(encoding="utf-8").splitlines()[0]
    schema_ref = first.split("$schema=")[1]
    assert (record.parent / schema_ref).resolve() == (root / "schemas/organisasi.schema.json")
    assert record.relative_to(root).match(mapping["schemas/organisasi.schema.json"])
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "`organisasi/<kecamatan>/<id>.yaml`" in readme
    assert "`wksbm new organisasi`" in readme
    assert "Kabupaten Bogor, Provinsi Jawa Barat" in readme


def test_a_kelurahan_of_a_kabupaten_is_written_as_one(run_cli: Any, tmp_path: Path) -> None:
    root = tmp_path / "wksbm-bogor"
    run_cli("--lang", "en", "init", str(root), "--kode", "32.01")
    _in(
        run_cli, root, "new", "organisasi", "wksbm-puspanegara", "--nama", "WKSBM Puspanegara",
        "--kecamatan", "Citeureup", "--desa", "Puspanegara",
    )  # fmt: skip
    data = yaml.safe_load(
        (root / "organisasi/citeureup/wksbm-puspanegara.yaml").read_text(encoding="utf-8")
    )
    assert data["wilayah"]["kelurahan"] == "Puspanegara"
