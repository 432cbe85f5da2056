"""Baselines: old problems are matched by record id, rule and stable field path (not line, not
file) with counts."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from ci_gitrepo import commit, event, make_repo, org, write

from wksbm_cli.check.baseline import apply
from wksbm_cli.core.problem import Problem, Severity

AS_OF = ("--as-of", "2025-07-01")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_repo(
        tmp_path / "repo",
        {
            "organisasi/wksbm-a.yaml": org("wksbm-a", "warna: merah\n"),
            "organisasi/wksbm-b.yaml": org("wksbm-b"),
            "kegiatan/2025/2025-06-17-a.yaml": event("2025-06-17-a", "wksbm-a", "wksbm-b"),
        },
    )
    monkeypatch.chdir(root)
    return root


def _rules(result: Any) -> list[tuple[str, str]]:
    return [(p["file"], p["rule"]) for p in json.loads(result.stdout)["problems"]]


def test_write_then_validate_suppresses_old_problems(repo: Path, run_cli: Any) -> None:
    written = run_cli("--lang", "en", "baseline", "write", "baseline.json")
    assert written.exit_code == 0, written.stderr
    assert "Baseline of 1 problems written to baseline.json" in written.stderr
    doc = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert doc["version"] == 2
    assert doc["problems"] == [
        {
            "record": "wksbm-a",
            "rule": "unknown-field",
            "path": "warna",
            "count": 1,
            "file": "organisasi/wksbm-a.yaml",
        }
    ]
    assert "line" not in json.dumps(doc)
    result = run_cli(
        "--lang", "en", "validate", "--format", "json", *AS_OF, "--baseline", "baseline.json"
    )
    assert result.exit_code == 0
    assert _rules(result) == []
    assert "1 problems suppressed by the baseline baseline.json." in result.stderr


def test_moved_lines_still_match_and_new_problems_fail(repo: Path, run_cli: Any) -> None:
    run_cli("--lang", "en", "baseline", "write", "baseline.json")
    commit(repo, "baseline")
    # The old problem moves down two lines; a new problem of the same rule appears elsewhere.
    text = (repo / "organisasi/wksbm-a.yaml").read_text(encoding="utf-8")
    write(repo, {"organisasi/wksbm-a.yaml": "# komentar\n# komentar\n" + text})
    write(repo, {"organisasi/wksbm-b.yaml": org("wksbm-b", "warna: biru\n")})
    result = run_cli(
        "--lang", "en", "validate", "--format", "json", *AS_OF, "--baseline", "baseline.json"
    )
    assert result.exit_code == 1
    assert _rules(result) == [("organisasi/wksbm-b.yaml", "unknown-field")]


def test_counts_are_respected() -> None:
    p = Problem(
        "records/organisasi/a.yaml",
        3,
        1,
        "unknown-field",
        Severity.ERROR,
        "unknown-field",
        record="a",
        path="warna",
    )
    moved = replace(p, line=9)
    waived = replace(p, waived=True)
    key = ("a", "unknown-field", "warna")
    filtered = apply("records", [p, moved, waived, p], Counter({key: 2}))
    assert filtered.suppressed == 2
    assert filtered.problems == [waived, p]


def test_baseline_write_never_clobbers(repo: Path, run_cli: Any) -> None:
    (repo / "baseline.json").write_text("keep", encoding="utf-8")
    result = run_cli("--lang", "en", "baseline", "write", "baseline.json")
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert (repo / "baseline.json").read_text(encoding="utf-8") == "keep"
    forced = run_cli("--lang", "en", "baseline", "write", "baseline.json", "--force")
    assert forced.exit_code == 0
    assert json.loads((repo / "baseline.json").read_text(encoding="utf-8"))["version"] == 2


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        '{"version": 3, "problems": []}',
        '{"version": 1, "problems": [{}]}',
        '{"version": 1, "problems": [{"file": "a", "rule": "b", "count": -1}]}',
        "\xff\xfe",
    ],
)
def test_corrupt_baseline_is_exit_2_naming_it(repo: Path, run_cli: Any, content: str) -> None:
    (repo / "bad.json").write_text(content, encoding="latin-1")
    result = run_cli("--lang", "en", "validate", "--baseline", "bad.json")
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith("wksbm: baseline file bad.json is corrupt")
    assert len(line.splitlines()) == 1


def test_missing_baseline(repo: Path, run_cli: Any) -> None:
    result = run_cli("--lang", "id", "validate", "--baseline", "tidak-ada.json")
    assert result.exit_code == 2
    assert result.stderr.strip() == "wksbm: berkas baseline tidak ada: tidak-ada.json"


def test_baseline_with_changed_since(repo: Path, run_cli: Any) -> None:
    run_cli("--lang", "en", "baseline", "write", "baseline.json")
    commit(repo, "baseline")
    text = (repo / "organisasi/wksbm-a.yaml").read_text(encoding="utf-8")
    write(repo, {"organisasi/wksbm-a.yaml": text.replace("nama: WKSBM", "nama: Forum WKSBM")})
    plain = run_cli(
        "--lang", "en", "validate", "--format", "json", *AS_OF, "--changed-since", "HEAD"
    )
    assert _rules(plain) == [("organisasi/wksbm-a.yaml", "unknown-field")]
    result = run_cli(
        "--lang",
        "en",
        "validate",
        "--format",
        "json",
        *AS_OF,
        "--changed-since",
        "HEAD",
        "--baseline",
        "baseline.json",
    )
    assert result.exit_code == 0
    assert _rules(result) == []
