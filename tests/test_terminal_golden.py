"""What a volunteer sees in a terminal, at 80 and 120 columns, in both languages.

Every people's table goes through one layout (``render.tables.FitTable``): these goldens pin it
for each command. The CLI runs in-process with its console made a terminal of the given width
(box drawing on, no colour codes), as Rich would see a real one. Regenerate with
``WKSBM_UPDATE_GOLDEN=1 pytest tests/test_terminal_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from wksbm_cli.cli import common

CASE = Path(__file__).parent / "cases" / "reports"
GOLDEN = Path(__file__).parent / "golden" / "terminal"

RUNS: dict[str, list[str]] = {
    "completeness": ["completeness", "--as-of", "2025-12-31"],
    "summary": ["summary", "--as-of", "2025-12-31"],
    "report": ["report", "--year", "2025"],
    "list-organisasi": ["list", "organisasi"],
    "list-kegiatan": ["list", "kegiatan"],
    "show": ["show", "wksbm-tanpa-sekretaris", "--as-of", "2025-12-31"],
    "show-kegiatan": ["show", "2025-07-01-bimtek-b", "--as-of", "2025-12-31"],
    "wilayah": ["wilayah", "Depok"],
    "rules": ["rules"],
}
CASES = [(name, width, lang) for name in RUNS for width in (80, 120) for lang in ("id", "en")]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    """Make the CLI's stdout console a colourless terminal of a given width."""

    def make(width: int) -> None:
        def console() -> Console:
            return Console(
                width=width,
                force_terminal=True,
                color_system=None,
                highlight=False,
                soft_wrap=False,
                emoji=False,
            )

        monkeypatch.setattr(common, "out_console", console)

    return make


@pytest.fixture
def fixture_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(CASE, tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "records"


def _longest_line(text: str) -> int:
    return max((len(line.rstrip()) for line in text.splitlines()), default=0)


@pytest.mark.parametrize(
    ("name", "width", "lang"), CASES, ids=[f"{n}-{w}-{g}" for n, w, g in CASES]
)
def test_terminal_golden(
    name: str,
    width: int,
    lang: str,
    fixture_dir: Path,
    terminal: Callable[[int], None],
    run_cli: Callable[..., Any],
) -> None:
    terminal(width)
    result = run_cli("--records", "records", "--lang", lang, *RUNS[name])
    assert result.exit_code == 0, result.output
    assert _longest_line(result.stdout) <= width
    target = GOLDEN / f"{name}-{width}.{lang}.txt"
    if os.environ.get("WKSBM_UPDATE_GOLDEN") == "1":
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == target.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [80, 120])
def test_no_id_or_name_word_is_cut(
    width: int, fixture_dir: Path, terminal: Callable[[int], None], run_cli: Callable[..., Any]
) -> None:
    """Ids appear whole on one line (people copy them into `wksbm show`); no word of a name or
    a missing role is split across lines; nothing is cut with an ellipsis."""
    terminal(width)
    listed = run_cli("--records", "records", "--lang", "en", "list", "kegiatan").stdout
    for event_id in ("2025-07-01-bimtek-b", "2025-12-30-rapat-c", "2024-11-05-sosialisasi-d"):
        assert re.search(rf"(^|\s){re.escape(event_id)}(\s|$)", listed, re.MULTILINE), listed
    table = run_cli("--records", "records", "--lang", "id", "completeness").stdout
    words = set(re.findall(r"[\w-]+", table))
    for whole in ("Caturtunggal", "Condongcatur", "Sumberagung", "sekretaris", "bendahara"):
        assert whole in words, table
    assert "…" not in listed + table


def test_groups_of_one_table_line_up(
    fixture_dir: Path, terminal: Callable[[int], None], run_cli: Callable[..., Any]
) -> None:
    """Every kapanewon group of the completeness table has the same column positions."""
    terminal(80)
    out = run_cli("--records", "records", "--lang", "en", "completeness").stdout
    rules = [line for line in out.splitlines() if line.startswith("─")]
    headers = [line for line in out.splitlines() if line.startswith("Organisation")]
    assert len(headers) == 3
    assert len(set(headers)) == 1
    assert len(set(rules)) == 1


def test_narrow_terminal_stacks_records(
    fixture_dir: Path, terminal: Callable[[int], None], run_cli: Callable[..., Any]
) -> None:
    """Below the width where the columns fit, one record per block, every value whole."""
    terminal(50)
    out = run_cli("--records", "records", "--lang", "en", "list", "kegiatan").stdout
    assert "2025-07-01-bimtek-b\n" in out
    assert "   Date:" in out
    assert _longest_line(out) <= 50
