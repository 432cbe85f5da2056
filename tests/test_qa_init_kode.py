"""``wksbm init --kode``: a well-formed code that no kabupaten/kota has is said as such."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_an_unknown_but_well_formed_kode_is_not_called_malformed(
    run_cli: Any, tmp_path: Path
) -> None:
    """Regression: `--kode 32.99` was told it is not "two pairs of digits", which it is."""
    result = run_cli("--lang", "en", "init", str(tmp_path / "baru"), "--kode", "32.99")
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "two pairs of digits" not in said
    assert "no kabupaten/kota has the code `32.99`" in said
    assert "wksbm wilayah 32" in said  # where to look the province's codes up
    assert not (tmp_path / "baru").exists()


def test_a_malformed_kode_still_says_the_form(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli("--lang", "id", "init", str(tmp_path / "baru"), "--kode", "3404")
    assert result.exit_code == 2
    assert "dua pasang angka" in result.stderr
