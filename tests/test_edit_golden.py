"""Golden edits: each editing command on a record with comments, odd quoting, flow mappings,
blank lines and a folded scalar, with LF and with CRLF line endings. The edited file must equal
the golden file byte for byte (so every line outside the intended ones is untouched), and the
``--dry-run`` output (diff, notes, completeness) must equal its golden text.

Regenerate with ``WKSBM_UPDATE_GOLDEN=1 pytest tests/test_edit_golden.py`` and review the diff.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CONFIG
from wksbm_cli.rules.registry import RULES

GOLDEN = Path(__file__).parent / "golden" / "edit"
ORG = "organisasi/depok/wksbm-sido-rukun.yaml"
OTHER = "organisasi/depok/wksbm-condongcatur.yaml"
EVENT = "kegiatan/2025/2025-06-17-pelatihan-wksbm-depok.yaml"
SOURCES = {
    ORG: "wksbm-sido-rukun.yaml",
    OTHER: "wksbm-condongcatur.yaml",
    EVENT: "2025-06-17-pelatihan-wksbm-depok.yaml",
}

CASES: dict[str, tuple[str, list[str]]] = {
    "pengurus-ganti": (
        ORG,
        ["pengurus", "ganti", "wksbm-sido-rukun", "--jabatan", "ketua", "--nama", "Siti Aminah",
         "--mulai", "2026-02-01", "--as-of", "2026-02-01"],
    ),
    "pengurus-tambah": (
        ORG,
        ["pengurus", "tambah", "wksbm-sido-rukun", "--jabatan", "seksi", "--bidang",
         "Lanjut usia", "--nama", "Slamet Riyadi", "--tanggal", "2026-02-01"],
    ),
    "pengurus-akhiri": (
        ORG,
        ["pengurus", "akhiri", "wksbm-sido-rukun", "--jabatan", "sekretaris", "--sampai",
         "2026-01-31", "--alasan", "mengundurkan diri", "--as-of", "2026-02-01"],
    ),
    "sk": (
        ORG,
        ["sk", "wksbm-sido-rukun", "--nomor", "07/KEP.LRH/2026", "--tanggal", "2026-02-10",
         "--berlaku-sampai", "2029-02-10", "--penerbit", "Lurah Condongcatur",
         "--as-of", "2026-02-10"],
    ),
    "status": (
        ORG,
        ["status", "wksbm-sido-rukun", "vakum", "--sejak", "2026-03-01", "--alasan",
         "pengurus belum dipilih ulang", "--as-of", "2026-03-01"],
    ),
    "peserta-tambah": (
        EVENT,
        ["peserta", "tambah", "2025-06-17-pelatihan-wksbm-depok", "wksbm-sido-rukun",
         "--as-of", "2026-03-01"],
    ),
}  # fmt: skip


def _folder(tmp_path: Path, eol: str) -> Path:
    root = tmp_path / "records"
    (root / "organisasi" / "depok").mkdir(parents=True)
    (root / "kegiatan" / "2025").mkdir(parents=True)
    (root / "wksbm.yaml").write_text(CONFIG, encoding="utf-8")
    for rel, name in SOURCES.items():
        text = (GOLDEN / name).read_text(encoding="utf-8")
        (root / rel).write_bytes(text.replace("\n", eol).encode("utf-8"))
    return root


def _check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("WKSBM_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert actual == path.read_text(encoding="utf-8"), name


@pytest.mark.parametrize("eol", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_edit_changes_only_the_intended_lines(
    case: str, eol: str, tmp_path: Path, monkeypatch: Any, run_cli: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    root = _folder(tmp_path, eol)
    rel, args = CASES[case]
    before = {r: (root / r).read_bytes() for r in SOURCES}

    dry = run_cli("--lang", "en", "--records", "records", *args, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert {r: (root / r).read_bytes() for r in SOURCES} == before  # a dry run writes nothing
    _check(f"{case}.out.txt", dry.stdout)

    done = run_cli("--lang", "en", "--records", "records", *args)
    assert done.exit_code == 0, done.output
    after = (root / rel).read_bytes()
    if eol == "\n":
        _check(f"{case}.after.yaml", after.decode("utf-8"))
    golden = (GOLDEN / f"{case}.after.yaml").read_text(encoding="utf-8")
    assert after == golden.replace("\n", eol).encode("utf-8")
    for other in SOURCES:
        if other != rel:
            assert (root / other).read_bytes() == before[other]
    # Every line outside the diff's changed lines is byte-identical, CR included.
    old_lines = before[rel].decode("utf-8").splitlines(keepends=True)
    new_lines = after.decode("utf-8").splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    changed = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    assert kept >= len(old_lines) - 3 and len(changed) <= 3
    assert all(line.endswith(eol) for line in new_lines)

    check = run_cli("--lang", "en", "--records", "records", "validate", "--format", "json")
    groups = {RULES[p["rule"]].group for p in json.loads(check.stdout)["problems"]}
    assert groups <= {"completeness"}, check.stdout
