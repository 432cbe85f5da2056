"""``wksbm init`` into a folder holding a link where it writes: refused before anything is
written, so its message ("nothing written") is true."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.mark.parametrize("link", ["schemas", ".github", ".vscode"])
def test_a_linked_folder_stops_init_before_any_file(
    run_cli: Any, tmp_path: Path, link: str
) -> None:
    """Regression: `init` wrote wksbm.yaml, README.md, organisasi/ and kegiatan/, then stopped
    at a linked `schemas/` saying "not followed, nothing written"."""
    elsewhere = tmp_path / "dinsos-bersama"
    elsewhere.mkdir()
    target = tmp_path / "wksbm-bogor"
    target.mkdir()
    (target / link).symlink_to(elsewhere, target_is_directory=True)
    result = run_cli("--lang", "en", "init", str(target), "--kode", "32.01", "--bahasa", "en")
    assert result.exit_code == 2, result.output
    assert "is a symbolic link or not a folder" in " ".join(result.stderr.split())
    assert sorted(p.name for p in target.iterdir()) == [link]
    assert list(elsewhere.iterdir()) == []


def test_a_file_where_a_folder_belongs_stops_init_before_any_file(
    run_cli: Any, tmp_path: Path
) -> None:
    target = tmp_path / "wksbm-surabaya"
    target.mkdir()
    (target / "kegiatan").write_text("catatan lama\n", encoding="utf-8")
    result = run_cli("--lang", "id", "init", str(target), "--kode", "35.78", "--bahasa", "id")
    assert result.exit_code == 2, result.output
    assert sorted(p.name for p in target.iterdir()) == ["kegiatan"]
    assert (target / "kegiatan").read_text(encoding="utf-8") == "catatan lama\n"
