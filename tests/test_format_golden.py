"""One golden output per registered format, drawn by the command that draws its subject.

This is the test half of "add an output format": a renderer, its line in
``wksbm_cli/render/registry.py`` and its golden file ``tests/golden/formats/<subject>.<format>``,
written by ``WKSBM_UPDATE_GOLDEN=1 pytest tests/test_format_golden.py`` and reviewed. Nothing
here names a format: the registry is walked, so a format without its golden file fails.

Every subject is drawn from one small folder (tests/cases/reports, copied out of the repository
so that no git history shows). PDF is binary and needs a browser:
tests/test_report_html_browser.py prints it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wksbm_cli import __version__
from wksbm_cli.render.registry import RENDERERS, subjects

CASE = Path(__file__).parent / "cases" / "reports"
GOLDEN = Path(__file__).parent / "golden" / "formats"
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "GITHUB_ACTIONS": "", "GITHUB_WORKSPACE": "", "CI": ""}
DAY = ["--as-of", "2025-12-31"]

#: The command line that draws each subject, without ``--format``.
COMMANDS: dict[str, list[str]] = {
    "problems": ["validate", *DAY],
    "completeness": ["completeness", *DAY],
    "summary": ["summary", *DAY],
    "report": ["report", "--year", "2025"],
    "list": ["list", "organisasi"],
    "show": ["show", "wksbm-lengkap", *DAY],
    "wilayah": ["wilayah", "Depok"],
    "rules": ["rules"],
    "edit": ["status", "wksbm-lengkap", "vakum", "--sejak", "2025-12-01", "--dry-run", *DAY],
    "import": ["import", "daftar.csv", "--dry-run"],
}
ELSEWHERE = {"diff": "needs a git history (tests/test_ci_diff.py); it has one format"}
SHEET = "Nama WKSBM,Desa/Kel.,Kecamatan,Ketua\nWKSBM Baru,Maguwoharjo,Depok,Budi Santoso\n"

CASES = [r for r in RENDERERS if r.kind != "bytes" and r.subject not in ELSEWHERE]


def test_every_subject_has_a_command_here() -> None:
    assert set(subjects()) == set(COMMANDS) | set(ELSEWHERE)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(CASE, tmp_path / "records")
    (tmp_path / "daftar.csv").write_text(SHEET, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "records"


@pytest.mark.parametrize("entry", CASES, ids=[f"{r.subject}.{r.format}" for r in CASES])
def test_format_golden(entry: Any, folder: Path, run_cli: Callable[..., Any]) -> None:
    args = ["--records", "records", "--lang", "en", *COMMANDS[entry.subject]]
    result = run_cli(*args, "--format", entry.format, env=ENV)
    assert result.exit_code in (0, 1), result.output
    out = result.stdout.replace(__version__, "<version>")
    target = GOLDEN / f"{entry.subject}.{entry.format}"
    if os.environ.get("WKSBM_UPDATE_GOLDEN") == "1":
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(out, encoding="utf-8")
    assert target.exists(), f"no golden file {target.name}: run with WKSBM_UPDATE_GOLDEN=1"
    assert out == target.read_text(encoding="utf-8")
