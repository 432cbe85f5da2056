"""Golden texts of ``list`` and ``show`` on the bundled records (WKSBM_UPDATE_GOLDEN=1 rewrites)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

RECORDS = Path(__file__).resolve().parent.parent / "records"
GOLDEN = Path(__file__).resolve().parent / "golden" / "access"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("list-organisasi.en.txt", ("--lang", "en", "list", "organisasi")),
        ("show-dharma-sembada.id.txt", ("--lang", "id", "show", "wksbm-dharma-sembada",
                                        "--as-of", "2026-01-01")),
    ],
)  # fmt: skip
def test_golden(
    name: str, args: tuple[str, ...], run_cli: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.chdir(tmp_path)  # paths are shown relative to the current folder
    root = tmp_path / "records"
    shutil.copytree(RECORDS, root)
    env = {"COLUMNS": "100", "NO_COLOR": "1"}
    out = run_cli("--records", "records", *args, env=env).stdout
    target = GOLDEN / name
    if os.environ.get("WKSBM_UPDATE_GOLDEN") == "1":
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(out, encoding="utf-8")
    assert out == target.read_text(encoding="utf-8")
