"""The yearly report's completeness figures equal ``completeness --as-of 31 December`` run on a
checkout of that year's last commit, on a generated repository of four years of commits."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from multiyear import RECORDS, YEARS, build_multiyear, checkout, git, year_end_commit

from wksbm_cli.figures.completeness import mean_score


@pytest.fixture(scope="module")
def multiyear(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_multiyear(tmp_path_factory.mktemp("multiyear") / "repo")


def _report(run_cli: Callable[..., Any], records: Path, year: int) -> dict[str, Any]:
    out = run_cli("--records", str(records), "report", "--year", str(year), "-f", "json")
    assert out.exit_code == 0, out.output
    doc: dict[str, Any] = json.loads(out.stdout)
    return doc


def as_of_figures(run_cli: Callable[..., Any], repo: Path, year: int, work: Path) -> dict[str, Any]:
    """``completeness --as-of {year}-12-31`` on a checkout of the year's last commit, in the
    report's terms (organisations, scored, complete, mean score, every score)."""
    commit = year_end_commit(repo, year)
    if commit is None:
        return {"organizations": 0, "scored": 0, "complete": 0, "mean_score": 0.0, "scores": {}}
    tree = work / f"at-{year}"
    if not tree.exists():
        checkout(repo, commit, tree)
    out = run_cli(
        "--records", str(tree / RECORDS), "completeness", "--as-of", f"{year}-12-31", "-f", "json"
    )
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    rows = doc["organizations"]
    return {
        "commit": commit,
        "organizations": len(rows) + len(doc["excluded"]),
        "scored": len(rows),
        "complete": sum(1 for r in rows if r["complete"]),
        "mean_score": round(sum(r["score"] for r in rows) / len(rows), 4) if rows else 0.0,
        "scores": {r["id"]: r["score"] for r in rows},
    }


def report_figures(snapshot: dict[str, Any], scores: dict[str, float]) -> dict[str, Any]:
    out = {k: snapshot[k] for k in ("organizations", "scored", "complete", "mean_score")}
    out["scores"] = scores
    if snapshot["commit"] is not None:
        out["commit"] = snapshot["commit"]
    return out


@pytest.mark.parametrize("year", YEARS)
def test_every_figure_equals_completeness_as_of_the_year_end_checkout(
    multiyear: Path, run_cli: Callable[..., Any], tmp_path: Path, year: int
) -> None:
    doc = _report(run_cli, multiyear / RECORDS, year)
    history = doc["completeness_history"]
    assert history["not_computed"] == []
    end = as_of_figures(run_cli, multiyear, year, tmp_path)
    start = as_of_figures(run_cli, multiyear, year - 1, tmp_path)
    assert report_figures(history["end"], history["scores_end"]) == end
    assert report_figures(history["start"], history["scores_start"]) == start
    assert history["end"]["as_of"] == f"{year}-12-31"
    assert history["start"]["as_of"] == f"{year - 1}-12-31"
    moved = [
        {"id": i, "before": start["scores"].get(i), "after": end["scores"].get(i)}
        for i in sorted(set(start["scores"]) | set(end["scores"]))
        if start["scores"].get(i) != end["scores"].get(i)
    ]
    assert history["changed"] == moved
    # The old key carries the same figures.
    assert doc["completeness_change"]["after"]["mean_score"] == end["mean_score"]


def test_training_counts_in_the_change(multiyear: Path, run_cli: Callable[..., Any]) -> None:
    """Past snapshots hold their events: the 2023 training of three organisations shows (read
    through the key older versions already wrote)."""
    history = _report(run_cli, multiyear / RECORDS, 2023)["completeness_change"]
    changed = {c["id"]: (c["before"], c["after"]) for c in history["changed"]}
    # Sendangadi gained its sekretaris and its first training in 2023: required roles
    # 4 x 1/2 + bendahara 1 + SK 2 + region 1 + unsur 1 = 7 of 10, then all 10.
    assert changed["wksbm-sendangadi"] == (0.7, 1.0)
    # Caturtunggal, formed in 2023 and trained in November, is complete at the end of 2023.
    assert changed["wksbm-caturtunggal"] == (None, 1.0)


def test_sk_expiry_and_dissolution_show_in_later_years(
    multiyear: Path, run_cli: Callable[..., Any]
) -> None:
    h2024 = _report(run_cli, multiyear / RECORDS, 2024)["completeness_history"]
    assert h2024["scores_end"]["wksbm-sinduadi"] == 0.8  # SK ran out on 31 March 2024
    h2025 = _report(run_cli, multiyear / RECORDS, 2025)["completeness_history"]
    assert "wksbm-sendangadi" not in h2025["scores_end"]  # bubar: left out of the table
    assert h2025["end"]["organizations"] == 4 and h2025["end"]["scored"] == 3
    assert h2025["scores_end"]["wksbm-sinduadi"] == 1.0  # SK renewed in January 2025


def test_mean_score_matches_the_library(multiyear: Path, run_cli: Callable[..., Any]) -> None:
    history = _report(run_cli, multiyear / RECORDS, 2025)["completeness_history"]

    class _Row:
        def __init__(self, score: float) -> None:
            self.score = score

    rows = [_Row(s) for s in history["scores_end"].values()]
    assert history["end"]["mean_score"] == mean_score(rows)  # type: ignore[arg-type]


def test_a_moved_file_is_not_a_changed_score(multiyear: Path, run_cli: Callable[..., Any]) -> None:
    """Sinduadi moved folders in May 2024; its score moved only because its SK ran out."""
    log = git(multiyear, "log", "--format=%s", "--name-status", "-M", "HEAD")
    assert "R100\trecords/organisasi/mlati/wksbm-sinduadi.yaml" in log
    history = _report(run_cli, multiyear / RECORDS, 2024)["completeness_history"]
    changed = {c["id"]: (c["before"], c["after"]) for c in history["changed"]}
    assert changed["wksbm-sinduadi"] == (1.0, 0.8)
