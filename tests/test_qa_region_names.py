"""Loose spellings of a kabupaten: the abbreviation "Kab." keeps its meaning, and accents typed
by a keyboard layout do not make a name unknown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wksbm_cli.regions.names import key, match

POOL = {"32.01": "KABUPATEN BOGOR", "32.71": "KOTA BOGOR", "34.04": "KABUPATEN SLEMAN"}


@pytest.mark.parametrize(
    ("written", "codes"),
    [
        ("Kab. Bogor", ["32.01"]),
        ("kab bogor", ["32.01"]),
        ("Kabupaten Bógor", ["32.01"]),
        ("Kota Bogor", ["32.71"]),
        ("Bogor", ["32.01", "32.71"]),  # a bare name still means both
        ("Slémán", ["34.04"]),
    ],
)
def test_match(written: str, codes: list[str]) -> None:
    """Regression: "Kab. Bogor" matched Kota Bogor too (the abbreviation was dropped, not read),
    and "Kabupaten Bógor" matched nothing."""
    assert match(written, 2, POOL) == codes


def test_key_folds_accents_only() -> None:
    assert key("Ngémplak") == key("Ngemplak") == "ngemplak"
    assert key("Condong-Catur") == "condongcatur"


def test_init_reads_kab_as_kabupaten(run_cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "wksbm-bogor"
    result = run_cli(
        "--lang", "en", "init", str(target), "--kabupaten", "Kab. Bogor", "--bahasa", "en"
    )
    assert result.exit_code == 0, result.output
    assert 'kode: "32.01"' in (target / "wksbm.yaml").read_text(encoding="utf-8")
