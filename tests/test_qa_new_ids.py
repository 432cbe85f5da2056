"""``wksbm new`` never writes a record whose id another record of its kind already has."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

EXISTING = """\
id: wksbm-purwomartani
nama: WKSBM Purwomartani
jenis: wksbm
tingkat: kalurahan
wilayah: {kapanewon: Kalasan, kalurahan: Purwomartani}
"""


def test_an_id_used_in_another_kapanewon_is_refused(
    make_records: Any, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: `new` wrote organisasi/depok/wksbm-purwomartani.yaml beside the Kalasan one,
    and the folder then failed `validate` with duplicate-id."""
    root: Path = make_records({"organisasi/kalasan/wksbm-purwomartani.yaml": EXISTING})
    monkeypatch.chdir(root)
    result = run_cli(
        "--lang", "en", "--records", str(root), "new", "organisasi", "wksbm-purwomartani",
        "--nama", "WKSBM Purwomartani", "--kapanewon", "Depok", "--kalurahan", "Condongcatur",
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert (
        "id `wksbm-purwomartani` is already used by organisasi/kalasan/wksbm-purwomartani.yaml"
        in " ".join(result.stderr.split())
    )
    assert not (root / "organisasi" / "depok").exists()
    out = run_cli("--lang", "en", "--records", str(root), "validate", "--format", "json")
    assert "duplicate-id" not in {p["rule"] for p in json.loads(out.stdout)["problems"]}


def test_an_event_id_may_equal_an_organisation_id(make_records: Any, run_cli: Any) -> None:
    """Ids are unique per kind, so only records of the same kind block a new id."""
    root: Path = make_records({"organisasi/lain/2025-08-01-rapat.yaml": EXISTING})
    result = run_cli(
        "--lang", "id", "--records", str(root), "new", "kegiatan", "2025-08-01-rapat",
        "--judul", "Rapat Forum", "--jenis", "rapat", "--tanggal", "2025-08-01",
        "--penyelenggara", "Forum WKSBM Sleman",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (root / "kegiatan" / "2025" / "2025-08-01-rapat.yaml").is_file()


BOGOR = """\
wilayah: {provinsi: "Jawa Barat", kabupaten: "Bogor", kode: "32.01"}
istilah: nasional
bahasa: en
privasi: publik
"""


def test_the_address_hint_uses_the_regions_own_word(make_records: Any, run_cli: Any) -> None:
    """Regression: a Bogor record was offered `alamat: Balai Kalurahan ...`, DIY's word."""
    root: Path = make_records({}, config=BOGOR)
    result = run_cli(
        "--records", str(root), "new", "organisasi", "wksbm-leuwinutug",
        "--nama", "WKSBM Leuwinutug", "--kecamatan", "Citeureup", "--desa", "Leuwinutug",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (root / "organisasi" / "citeureup" / "wksbm-leuwinutug.yaml").read_text("utf-8")
    assert "#   alamat: Balai Desa ...\n" in text
    assert "Kalurahan" not in text
