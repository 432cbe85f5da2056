"""Completeness over a year, read from a real git history (commits dated by the environment)."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFIG, GOOD_ORG

from wksbm_cli.errors import WksbmError
from wksbm_cli.load import git

NO_SEKRETARIS = GOOD_ORG.replace("  - {jabatan: sekretaris, nama: Contoh Sekretaris}\n", "")


def _git(repo: Path, *args: str, when: str = "2024-01-01T10:00:00+07:00") -> None:
    env = dict(os.environ)
    env.update(
        {
            "GIT_AUTHOR_NAME": "Tester",
            "GIT_AUTHOR_EMAIL": "tester@example.org",
            "GIT_COMMITTER_NAME": "Tester",
            "GIT_COMMITTER_EMAIL": "tester@example.org",
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
        }
    )
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _commit(repo: Path, files: dict[str, str], when: str) -> None:
    for rel, text in files.items():
        target = repo / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    _git(repo, "add", "-A", when=when)
    _git(repo, "commit", "-q", "-m", f"records as of {when}", when=when)


@pytest.fixture
def history(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _commit(
        repo,
        {"records/wksbm.yaml": CONFIG, "records/organisasi/wksbm-contoh.yaml": NO_SEKRETARIS},
        "2024-06-01T10:00:00+07:00",
    )
    # 31 December, 23:30 in Jakarta: still 2024 by the committer's calendar (16:30 UTC)
    _commit(
        repo,
        {"records/organisasi/wksbm-lama.yaml": NO_SEKRETARIS.replace("wksbm-contoh", "wksbm-lama")},
        "2024-12-31T23:30:00+07:00",
    )
    _commit(
        repo,
        {
            "records/organisasi/wksbm-contoh.yaml": GOOD_ORG,
            "records/organisasi/wksbm-baru.yaml": GOOD_ORG.replace("wksbm-contoh", "wksbm-baru"),
        },
        "2025-05-01T09:00:00+07:00",
    )
    _commit(
        repo,
        {"records/organisasi/wksbm-baru.yaml": NO_SEKRETARIS.replace("wksbm-contoh", "wksbm-baru")},
        "2026-02-01T09:00:00+07:00",
    )
    return repo


def test_change_over_the_year(history: Path, run_cli: Callable[..., Any]) -> None:
    root = history / "records"
    out = run_cli("--records", str(root), "--lang", "en", "report", "--year", "2025", "-f", "json")
    assert out.exit_code == 0, out.output
    change = json.loads(out.stdout)["completeness_change"]
    assert change["before"]["date"] == "2024-12-31T23:30:00+07:00"
    assert change["after"]["date"] == "2025-05-01T09:00:00+07:00"
    assert (change["before"]["organizations"], change["after"]["organizations"]) == (2, 3)
    # required roles 4 x 1/2 + bendahara 1 + sk 2 + region 1 + unsur 1 + trained 0 = 7 of 10
    assert change["changed"] == [
        {"id": "wksbm-baru", "before": None, "after": 0.9},
        {"id": "wksbm-contoh", "before": 0.7, "after": 0.9},
    ]


def test_year_before_any_commit_and_markdown(history: Path, run_cli: Callable[..., Any]) -> None:
    root = history / "records"
    out = run_cli("--records", str(root), "--lang", "en", "report", "--year", "2024", "-f", "json")
    change = json.loads(out.stdout)["completeness_change"]
    assert change["before"]["commit"] is None and change["after"]["organizations"] == 2
    none = run_cli("--records", str(root), "--lang", "en", "report", "--year", "2023", "-f", "json")
    doc = json.loads(none.stdout)
    assert doc["completeness_change"] is None
    assert doc["completeness_change_note"] == "no-commits"
    md = run_cli(
        "--records", str(root), "--lang", "en", "report", "--year", "2025", "-f", "markdown"
    )
    assert "- Start of year (commit " in md.stdout
    assert "| wksbm-contoh   | 70%      | 90%     |" in md.stdout


def test_no_checkout_happens(history: Path, run_cli: Callable[..., Any]) -> None:
    root = history / "records"
    before = (root / "organisasi" / "wksbm-baru.yaml").read_text(encoding="utf-8")
    run_cli("--records", str(root), "report", "--year", "2025", "-f", "json")
    assert (root / "organisasi" / "wksbm-baru.yaml").read_text(encoding="utf-8") == before
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=history, capture_output=True, check=True
    )
    assert status.stdout == b""


def test_outside_a_repository(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    assert git.repo_prefix(str(folder)) is None
    with pytest.raises(WksbmError, match="git log failed"):
        git.run(str(folder), "log")


def test_a_past_tree_is_read_by_the_engine_step(history: Path) -> None:
    """A past commit's files become records through the engine's own per-file step: a file
    the live run leaves out (no mapping) is left out, a wrong folder gives no record."""
    from wksbm_cli.check.engine import records_of
    from wksbm_cli.figures.history import read_tree
    from wksbm_cli.model.records import Config

    _commit(
        history,
        {
            "records/organisasi/rusak.yaml": "id: [\n",
            "records/lain/x.yaml": GOOD_ORG,
            "records/kegiatan/2025/e.yaml": "id: e\ntanggal: 2025-01-01\n",
        },
        "2026-03-01T09:00:00+07:00",
    )
    root = str(history / "records")
    head = git.commits(root)[0].sha
    results = read_tree(root, "records/", head, "records", Config(), {})
    orgs, events = records_of(results, Config())
    assert sorted(o.id or "" for o in orgs) == ["wksbm-baru", "wksbm-contoh", "wksbm-lama"]
    assert [e.id for e in events] == ["e"]
    assert orgs[0].file.startswith("records/organisasi/")


def test_shallow_clone_says_the_history_is_missing(
    history: Path, tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{history}", str(clone))
    out = run_cli(
        "--records",
        str(clone / "records"),
        "--lang",
        "en",
        "report",
        "--year",
        "2026",
        "-f",
        "json",
    )
    doc = json.loads(out.stdout)
    assert doc["completeness_change"] is None
    assert doc["completeness_change_note"] == "shallow"
    text = run_cli("--records", str(clone / "records"), "--lang", "en", "report", "--year", "2026")
    assert "git fetch --unshallow" in text.stdout


def test_depth_one_clone_never_says_no_commit(
    history: Path, tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    """Regression: a depth-1 clone (HEAD in 2026) said "No commit up to the end of 2025"."""
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{history}", str(clone))
    records = str(clone / "records")
    text = run_cli("--records", records, "--lang", "en", "report", "--year", "2025")
    assert "No commit up to the end of 2025" not in text.stdout
    assert "shallow" in text.stdout
    doc = json.loads(run_cli("--records", records, "report", "--year", "2025", "-f", "json").stdout)
    assert doc["completeness_change_note"] == "shallow"
    assert doc["completeness_history"]["not_computed"] == [
        {"figure": "start", "reason": "shallow"},
        {"figure": "end", "reason": "shallow"},
        {"figure": "changed", "reason": "shallow"},
    ]


def test_shallow_clone_keeps_the_figures_it_can_compute(
    history: Path, tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    """The end of 2026 is in a depth-1 clone; the end of 2025 is not: one figure, two missing."""
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{history}", str(clone))
    records = str(clone / "records")
    doc = json.loads(run_cli("--records", records, "report", "--year", "2026", "-f", "json").stdout)
    h = doc["completeness_history"]
    assert h["end"]["organizations"] == 3 and h["start"] is None and h["changed"] is None
    assert [m["figure"] for m in h["not_computed"]] == ["start", "changed"]
    text = run_cli("--records", records, "--lang", "en", "report", "--year", "2026").stdout
    assert "End of year (commit" in text
    assert "Not computed: start of year, changed scores." in text


def test_outside_git_every_figure_is_missing(
    make_records: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    root = make_records({"organisasi/wksbm-contoh.yaml": GOOD_ORG})
    doc = json.loads(
        run_cli("--records", str(root), "report", "--year", "2025", "-f", "json").stdout
    )
    assert doc["completeness_change_note"] == "no-git"
    assert {m["reason"] for m in doc["completeness_history"]["not_computed"]} == {"no-git"}


def test_a_snapshot_with_nothing_scored_gives_no_mean(
    history: Path, run_cli: Callable[..., Any]
) -> None:
    """Regression: before the first commit the start of year read "0 organisations, 0
    complete, mean score 0%", a mean of nothing stated as if every organisation scored 0."""
    root = history / "records"
    for fmt in ("text", "markdown"):
        out = run_cli("--records", str(root), "--lang", "en", "report", "--year", "2024", "-f", fmt)
        text = " ".join(out.stdout.split())
        assert "Start of year (no records committed yet): 0 organisations, 0 complete, mean" in (
            text
        )
        assert "mean score 0%" not in text
        assert "mean score –" in text
        assert "mean score 70%" in text  # the end of year still has its mean


def test_a_branch_merged_after_new_year_is_not_the_end_of_the_year(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    """Regression: the end of 2025 was the newest commit of any branch dated in 2025, here a
    feature branch's commit of 28 December merged only on 10 January, so the report counted an
    organisation the main branch did not have at the end of the year and lost main's own fix of
    15 December. The end of the year is the main line's (first-parent) state on 31 December."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _commit(
        repo,
        {"records/wksbm.yaml": CONFIG, "records/organisasi/wksbm-contoh.yaml": NO_SEKRETARIS},
        "2025-01-10T10:00:00+07:00",
    )
    _git(repo, "checkout", "-q", "-b", "tambah-wksbm-baru")
    _commit(
        repo,
        {"records/organisasi/wksbm-baru.yaml": GOOD_ORG.replace("wksbm-contoh", "wksbm-baru")},
        "2025-12-28T10:00:00+07:00",
    )
    _git(repo, "checkout", "-q", "main")
    _commit(repo, {"records/organisasi/wksbm-contoh.yaml": GOOD_ORG}, "2025-12-15T10:00:00+07:00")
    when = "2026-01-10T10:00:00+07:00"
    _git(repo, "merge", "-q", "--no-ff", "-m", "gabung", "tambah-wksbm-baru", when=when)
    root = str(repo / "records")
    out = run_cli("--records", root, "--lang", "en", "report", "--year", "2025", "-f", "json")
    end = json.loads(out.stdout)["completeness_history"]["end"]
    assert end["date"] == "2025-12-15T10:00:00+07:00"
    assert (end["organizations"], end["mean_score"]) == (1, 0.9)
    later = run_cli("--records", root, "--lang", "en", "report", "--year", "2026", "-f", "json")
    h = json.loads(later.stdout)["completeness_history"]
    assert h["start"]["date"] == "2025-12-15T10:00:00+07:00"
    assert h["end"]["date"] == when and h["end"]["organizations"] == 2
