"""Golden outputs of completeness, summary and report on tests/cases/reports, every format.

Regenerate with ``WKSBM_UPDATE_GOLDEN=1 pytest tests/test_reports_golden.py`` and review the diff.
The fixture is copied out of the repository first, so the report's git section is the
"not a git repository" note and never depends on this repository's history.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

CASE = Path(__file__).parent / "cases" / "reports"
GOLDEN = Path(__file__).parent / "golden" / "reports"
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}

RUNS = [
    ("completeness-text-en.txt", ["--lang", "en", "completeness", "--as-of", "2025-12-31"]),
    ("completeness-text-id.txt", ["--lang", "id", "lengkap", "--as-of", "2025-12-31"]),
    *(
        (
            f"completeness.{ext}",
            ["--lang", "en", "completeness", "--as-of", "2025-12-31", "-f", fmt],
        )
        for fmt, ext in (("json", "json"), ("csv", "csv"), ("markdown", "md"))
    ),
    (
        "completeness-depok-incomplete.md",
        [
            "--lang",
            "en",
            "completeness",
            "--as-of",
            "2025-12-31",
            "--kecamatan",
            "depok",
            "--incomplete",
            "-f",
            "markdown",
        ],
    ),
    ("summary-text-en.txt", ["--lang", "en", "summary", "--as-of", "2025-12-31"]),
    ("summary.json", ["--lang", "en", "summary", "--as-of", "2025-12-31", "-f", "json"]),
    ("summary-id.md", ["--lang", "id", "ringkasan", "--as-of", "2025-12-31", "-f", "markdown"]),
    ("report-text-en.txt", ["--lang", "en", "report", "--year", "2025"]),
    ("report-2025-id.md", ["--lang", "id", "laporan", "--tahun", "2025", "-f", "markdown"]),
    ("report-2025-en.md", ["--lang", "en", "report", "--year", "2025", "-f", "markdown"]),
    ("report-2025.json", ["--lang", "en", "report", "--year", "2025", "-f", "json"]),
    ("report-2025.csv", ["--lang", "en", "report", "--year", "2025", "-f", "csv"]),
]


@pytest.fixture
def fixture_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(CASE, tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "records"


@pytest.mark.parametrize(("name", "args"), RUNS, ids=[r[0] for r in RUNS])
def test_golden(name: str, args: list[str], fixture_dir: Path, run_cli: Callable[..., Any]) -> None:
    result = run_cli("--records", "records", *args, env=ENV)
    assert result.exit_code == 0, result.output
    target = GOLDEN / name
    if os.environ.get("WKSBM_UPDATE_GOLDEN") == "1":
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == target.read_text(encoding="utf-8")
