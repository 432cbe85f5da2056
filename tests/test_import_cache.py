"""An import tells the folder's cache what it judged: the next ``validate`` (or import) reads the
imported records from the cache instead of judging them again, and still judges any file that
changed after the import wrote it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from import_books import EXISTING, EXISTING_REL, dinas_workbook

import wksbm_cli.check.file_check

CONFIG = """\
wilayah: {provinsi: Daerah Istimewa Yogyakarta, kabupaten: Sleman, kode: "34.04"}
istilah: diy
bahasa: en
privasi: publik
aturan: {missing-sekretaris: warning}
"""


@pytest.fixture(autouse=True)
def _own_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "usercache"))
    monkeypatch.delenv("WKSBM_NO_CACHE", raising=False)


@pytest.fixture
def folder(make_records: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    root: Path = make_records({EXISTING_REL: EXISTING}, config=CONFIG)
    dinas_workbook(tmp_path / "dinas.xlsx")
    return root


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the per-file checks parse."""
    calls: list[str] = []
    real = wksbm_cli.check.file_check.load_fast_or_located

    def counting(text: str, *args: Any) -> Any:
        calls.append(text)
        return real(text, *args)

    monkeypatch.setattr(wksbm_cli.check.file_check, "load_fast_or_located", counting)
    return calls


def _run(run_cli: Any, *args: str) -> Any:
    return run_cli("--lang", "en", "--records", "records", *args)


def _imported(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.rglob("*.yaml")) if "Diimpor dari" in p.read_text()]


def test_validate_after_import_judges_nothing_again(
    folder: Path, run_cli: Any, parses: list[str]
) -> None:
    imported = _run(run_cli, "import", "dinas.xlsx")
    assert imported.exit_code == 1  # one row is rejected; the others are written
    written = _imported(folder)
    assert len(written) >= 4
    parses.clear()
    warm = _run(run_cli, "validate", "--format", "json")
    assert parses == []  # every record, the imported ones too, came from the cache
    cold = _run(run_cli, "validate", "--format", "json", "--no-cache")
    assert len(parses) == len(written) + 1
    assert warm.stdout == cold.stdout and warm.exit_code == cold.exit_code


def test_a_file_changed_after_the_import_is_judged_again(
    folder: Path, run_cli: Any, parses: list[str]
) -> None:
    """Even with its size and modification time kept: the import's results are stored inside
    the cache's racy window, so the next run compares the bytes before it trusts them."""
    _run(run_cli, "import", "dinas.xlsx")
    target = _imported(folder)[0]
    before = os.stat(target)
    text = target.read_text(encoding="utf-8")
    assert "tingkat: kalurahan" in text
    target.write_text(text.replace("tingkat: kalurahan", "tingkat: kalurahax"), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    parses.clear()
    result = _run(run_cli, "validate", "--format", "json")
    assert len(parses) == 1 and "kalurahax" in parses[0]
    assert '"invalid-value"' in result.stdout and result.exit_code == 1
