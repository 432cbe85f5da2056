"""``wksbm import`` of an old-Excel ``.xls`` list (tests/data/dinas-wksbm-2024.xls; how it was
made: tests/data/README.md): the title block, the merged two-row header and the three ways a
date arrives all read as they do from ``.xlsx``."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(__file__).parent / "data"
BOOK = DATA / "dinas-wksbm-2024.xls"
CONFIG = """\
wilayah: {provinsi: Daerah Istimewa Yogyakarta, kabupaten: Sleman, kode: "34.04"}
istilah: diy
bahasa: en
privasi: publik
"""


@pytest.fixture
def folder(make_records: Any, tmp_path: Path, monkeypatch: Any) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(BOOK, tmp_path / BOOK.name)
    root: Path = make_records({}, config=CONFIG)
    return root


def _run(run_cli: Any, *args: str) -> Any:
    return run_cli("--lang", "en", "--records", "records", *args)


def test_the_workbook_reads_with_its_merges_and_both_kinds_of_date() -> None:
    from wksbm_cli.authoring.importing.readers import read_sheets

    prambanan, berbah = read_sheets(str(BOOK))
    assert (prambanan.name, berbah.name) == ("Prambanan", "Berbah")
    assert (0, 0, 0, 7) in prambanan.merged  # the title over every column
    assert (3, 3, 3, 4) in prambanan.merged  # "Pengurus" over Ketua and Sekretaris
    assert prambanan.rows[5][6] == dt.date(2024, 3, 12)  # a date cell
    assert prambanan.rows[6][6] == 45099  # a serial number in a cell formatted as a number
    assert prambanan.rows[7][6] == "17 Juni 2025"


def test_dry_run_plan_of_the_xls(folder: Path, run_cli: Any) -> None:
    result = _run(run_cli, "import", BOOK.name, "--dry-run", "--format", "json")
    assert result.exit_code == 0, result.stdout
    doc = json.loads(result.stdout)
    assert [(r["action"], r["sheet"], r["row"], r["id"]) for r in doc["rows"]] == [
        ("new", "Prambanan", 6, "wksbm-sido-rukun"),
        ("new", "Prambanan", 7, "wksbm-ngudi-makmur"),
        ("new", "Prambanan", 8, "wksbm-tunas-karya"),
        ("new", "Berbah", 2, "wksbm-guyub-rukun"),
    ]
    assert doc["sheets"][0]["header_row"] == 5  # the second row of the merged header
    assert doc["sheets"][0]["columns"] == {
        "Nama WKSBM": "nama",
        "Kalurahan": "desa",
        "Ketua": "ketua",
        "Sekretaris": "sekretaris",
        "SK Nomor": "sk_nomor",
        "SK Tanggal": "sk_tanggal",
        "Keterangan": "catatan",
    }
    assert doc["skipped_rows"] == 2  # the empty row and "Jumlah"
    assert not (folder / "organisasi").exists()


def test_the_records_written_from_the_xls(folder: Path, run_cli: Any) -> None:
    result = _run(run_cli, "import", BOOK.name)
    assert result.exit_code == 0, result.stdout
    assert (folder / "organisasi/prambanan/wksbm-ngudi-makmur.yaml").read_text(
        encoding="utf-8"
    ) == (
        "# yaml-language-server: $schema=../../schemas/organisasi.schema.json\n"
        "# Diimpor dari dinas-wksbm-2024.xls, lembar Prambanan, baris 7.\n"
        "id: wksbm-ngudi-makmur\n"
        "nama: WKSBM Ngudi Makmur\n"
        "jenis: wksbm\n"
        "tingkat: kalurahan\n"
        "wilayah:\n"
        "  kapanewon: Prambanan\n"
        "  kalurahan: Sumberharjo\n"
        '  kode: "34.04.09.2001"\n'
        "sk:\n"
        '  nomor: "3/KEP/2023"\n'
        "  tanggal: 2023-06-22\n"
        "pengurus:\n"
        "  - {jabatan: ketua, nama: Paijo}\n"
        "  - {jabatan: sekretaris, nama: Sumarni}\n"
    )

    def load(rel: str) -> Any:
        return yaml.safe_load((folder / rel).read_text(encoding="utf-8"))

    assert load("organisasi/prambanan/wksbm-sido-rukun.yaml")["sk"]["tanggal"] == dt.date(
        2024, 3, 12
    )
    tunas = load("organisasi/prambanan/wksbm-tunas-karya.yaml")
    assert tunas["sk"] == {"nomor": "21/KPTS/2025", "tanggal": dt.date(2025, 6, 17)}
    assert tunas["catatan"] == "SK baru setelah musyawarah"
    guyub = load("organisasi/berbah/wksbm-guyub-rukun.yaml")
    assert guyub["wilayah"]["kapanewon"] == "Berbah"  # from the sheet's name
    assert _run(run_cli, "validate").exit_code == 0
    again = _run(run_cli, "import", BOOK.name, "--update", "--format", "json")
    assert json.loads(again.stdout)["counts"]["unchanged"] == 4


def test_one_sheet_of_the_xls(folder: Path, run_cli: Any) -> None:
    result = _run(run_cli, "import", BOOK.name, "--sheet", "Berbah", "--format", "json")
    assert [r["id"] for r in json.loads(result.stdout)["rows"]] == ["wksbm-guyub-rukun"]
    missing = _run(run_cli, "import", BOOK.name, "--sheet", "Kalasan")
    assert missing.exit_code == 2
    assert "no sheet `Kalasan`; the sheets are: Prambanan, Berbah" in missing.stderr


def test_a_damaged_xls_is_one_line_exit_2(folder: Path, run_cli: Any, tmp_path: Path) -> None:
    (tmp_path / "rusak.xls").write_bytes(BOOK.read_bytes()[:1500])
    result = _run(run_cli, "import", "rusak.xls")
    assert result.exit_code == 2
    assert "rusak.xls: could not be read (" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
