"""A bad option is said in the language of the records folder (``bahasa:``), like every other
message of the run, even when it is noticed before the records are read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import GOOD_ORG

# An Indonesian locale; the folder's wksbm.yaml says `bahasa: en`.
INDONESIAN_DESK = {"LANG": "id_ID.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "WKSBM_LANG": ""}


@pytest.mark.parametrize(
    ("args", "english"),
    [
        (("report", "--year", "99999"), "--year must be a year such as 2025, not '99999'"),
        (("completeness", "--as-of", "2025-13-01"), "--as-of: `2025-13-01` is not a real day"),
        (("summary", "--as-of", "31-12-2025"), "--as-of: `31-12-2025` is not a date YYYY-MM-DD"),
        # These three read the day before the folder's config (the other commands after it).
        (("validate", "--as-of", "2025-13-01"), "--as-of: `2025-13-01` is not a real day"),
        (("show", "wksbm-contoh", "--as-of", "x"), "--as-of: `x` is not a date YYYY-MM-DD"),
        (("diff", "HEAD", "--as-of", "2025-02-30"), "--as-of: `2025-02-30` is not a real day"),
    ],
)
def test_a_bad_option_is_said_in_the_folders_language(
    make_records: Any, run_cli: Any, args: tuple[str, ...], english: str
) -> None:
    """Regression: these came in Indonesian (and named `--tahun` to someone who typed `--year`)
    in a folder whose wksbm.yaml says `bahasa: en`."""
    root: Path = make_records({"organisasi/depok/wksbm-contoh.yaml": GOOD_ORG})
    result = run_cli("--records", str(root), *args, env=INDONESIAN_DESK)
    assert result.exit_code == 2
    assert english in result.stderr


def test_an_existing_report_file_is_said_in_the_folders_language(
    make_records: Any, run_cli: Any, tmp_path: Path
) -> None:
    root: Path = make_records({"organisasi/depok/wksbm-contoh.yaml": GOOD_ORG})
    old = tmp_path / "laporan-2025.md"
    old.write_text("# Laporan lama\n", encoding="utf-8")
    result = run_cli(
        "--records", str(root), "report", "--year", "2025", "-o", str(old), env=INDONESIAN_DESK
    )
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert old.read_text(encoding="utf-8") == "# Laporan lama\n"
