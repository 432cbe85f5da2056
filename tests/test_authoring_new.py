"""``wksbm new``: flags, prompts, no terminal, no overwrite, and a result that validates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import CONFIG

COMPLETENESS = {
    "missing-ketua",
    "missing-sekretaris",
    "missing-bendahara",
    "sk-missing",
    "no-unsur",
    "never-trained",
}


def _rules(run_cli: Any, root: Path) -> set[str]:
    out = run_cli("--lang", "en", "--records", str(root), "validate", "--format", "json")
    return {p["rule"] for p in json.loads(out.stdout)["problems"]}


def test_new_organisation_from_flags(make_records: Any, run_cli: Any) -> None:
    root = make_records({})
    result = run_cli(
        "--lang", "en", "--records", str(root), "new", "organisasi", "wksbm-ngudi",
        "--nama", "no", "--kecamatan", "Depok", "--desa", "0812",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    path = root / "organisasi" / "depok" / "wksbm-ngudi.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/organisasi.schema.json\n")
    data = yaml.safe_load(text)
    assert data["nama"] == "no" and data["wilayah"]["kalurahan"] == "0812"  # stayed text
    assert data["tingkat"] == "kalurahan"  # DIY words under istilah: diy
    assert "# pengurus:" in text and "# pengecualian:" in text
    # "0812" is no kalurahan of Depok: the region check is right to say so.
    assert _rules(run_cli, root) - COMPLETENESS == {"region-unknown"}


def test_new_organisation_in_a_real_kalurahan_validates(make_records: Any, run_cli: Any) -> None:
    root = make_records({})
    result = run_cli(
        "--lang", "en", "--records", str(root), "new", "organisasi", "wksbm-condongcatur",
        "--nama", "WKSBM Condongcatur", "--kecamatan", "Depok", "--desa", "Condong Catur",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _rules(run_cli, root) <= COMPLETENESS


def test_national_labels(make_records: Any, run_cli: Any) -> None:
    root = make_records({}, config=CONFIG.replace("istilah: diy", "istilah: nasional"))
    run_cli(
        "--lang", "en", "--records", str(root), "new", "organisasi", "wksbm-a",
        "--nama", "WKSBM A", "--kecamatan", "Depok", "--desa", "Condongcatur",
    )  # fmt: skip
    data = yaml.safe_load((root / "organisasi/depok/wksbm-a.yaml").read_text(encoding="utf-8"))
    assert data["wilayah"] == {"kecamatan": "Depok", "desa": "Condongcatur"}
    assert data["tingkat"] == "desa"


def test_new_event_adds_the_date_prefix_and_validates(make_records: Any, run_cli: Any) -> None:
    root = make_records({})
    result = run_cli(
        "--lang", "en", "--records", str(root), "baru", "kegiatan", "rapat-koordinasi",
        "--judul", "Rapat: 1:30", "--jenis", "rapat", "--tanggal", "2025-08-01",
        "--penyelenggara", "Dinas Sosial",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    path = root / "kegiatan" / "2025" / "2025-08-01-rapat-koordinasi.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["judul"] == "Rapat: 1:30"
    assert _rules(run_cli, root) == set()


def test_prompts_fill_what_is_missing(make_records: Any, run_cli: Any) -> None:
    root = make_records({})
    result = run_cli(
        "--lang", "en", "--records", str(root), "new", "kegiatan", "--interactive",
        input="Sosialisasi WKSBM\npenyuluhan\n2025-09-10\nKapanewon Depok\n\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    path = root / "kegiatan/2025/2025-09-10-sosialisasi-wksbm.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["jenis"] == "penyuluhan" and data["penyelenggara"] == "Kapanewon Depok"


def test_without_a_terminal_missing_options_exit_2(make_records: Any, run_cli: Any) -> None:
    root = make_records({})
    result = run_cli("--lang", "en", "--records", str(root), "new", "organisasi", "--nama", "X")
    assert result.exit_code == 2
    assert "--kecamatan" in result.output and "--desa" in result.output
    assert not (root / "organisasi").exists()


def test_never_overwrites(make_records: Any, run_cli: Any) -> None:
    root = make_records({"organisasi/depok/wksbm-a.yaml": "id: wksbm-a\n"})
    result = run_cli(
        "--lang", "en", "--records", str(root), "new", "organisasi", "wksbm-a",
        "--nama", "A", "--kecamatan", "Depok", "--desa", "Condongcatur",
    )  # fmt: skip
    assert result.exit_code == 1
    assert (root / "organisasi/depok/wksbm-a.yaml").read_text(encoding="utf-8") == "id: wksbm-a\n"


def test_bad_values_exit_2(make_records: Any, run_cli: Any) -> None:
    root = make_records({})
    base = ("--lang", "en", "--records", str(root), "new", "kegiatan", "x", "--judul", "X")
    bad_date = run_cli(*base, "--jenis", "rapat", "--tanggal", "1/8/2025", "--penyelenggara", "D")
    assert bad_date.exit_code == 2
    bad_kind = run_cli(
        *base, "--jenis", "arisan", "--tanggal", "2025-08-01", "--penyelenggara", "D"
    )
    assert bad_kind.exit_code == 2 and "rapat" in bad_kind.output
