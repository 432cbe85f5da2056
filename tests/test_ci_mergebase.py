"""``--changed-since REF`` and ``diff REF`` compare with ``git merge-base REF HEAD`` on a diverged
history: what main did after the branch started is not the branch's doing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ci_gitrepo import commit, event, git, make_repo, org, write

AS_OF = ("--as-of", "2025-07-01")
NO_SUMMARY = {"GITHUB_STEP_SUMMARY": ""}


@pytest.fixture
def diverged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """main: base -> (branch starts) -> fix wksbm-gamping, delete wksbm-lama.
    branch: touch wksbm-depok only."""
    root = make_repo(
        tmp_path / "repo",
        {
            "organisasi/wksbm-depok.yaml": org("wksbm-depok"),
            "organisasi/wksbm-gamping.yaml": org("wksbm-gamping", "warna: merah\n"),
            "organisasi/wksbm-lama.yaml": org("wksbm-lama"),
            "kegiatan/2025/2025-06-17-a.yaml": event(
                "2025-06-17-a", "wksbm-depok", "wksbm-gamping", "wksbm-lama"
            ),
        },
    )
    monkeypatch.chdir(root)
    git(root, "checkout", "-q", "-b", "cabang")
    depok = org("wksbm-depok").replace("Contoh Bendahara", "Siti Rahayu")
    write(root, {"organisasi/wksbm-depok.yaml": depok})
    commit(root, "cabang: bendahara Depok")
    git(root, "checkout", "-q", "main")
    write(root, {"organisasi/wksbm-gamping.yaml": org("wksbm-gamping")})
    commit(root, "main: perbaiki Gamping")
    git(root, "rm", "-q", "organisasi/wksbm-lama.yaml")
    write(
        root,
        {"kegiatan/2025/2025-06-17-a.yaml": event("2025-06-17-a", "wksbm-depok", "wksbm-gamping")},
    )
    commit(root, "main: hapus wksbm-lama")
    git(root, "checkout", "-q", "cabang")
    return root


def _files(result: Any) -> set[str]:
    return {p["file"] for p in json.loads(result.stdout)["problems"]}


def test_changed_since_judges_only_what_the_branch_touched(diverged: Path, run_cli: Any) -> None:
    """Regression: the branch failed on wksbm-gamping, which main fixed later."""
    result = run_cli("--lang", "en", "validate", "-f", "json", *AS_OF, "--changed-since", "main")
    assert "organisasi/wksbm-gamping.yaml" not in _files(result)
    assert result.exit_code == 0, result.stdout


def test_against_tip_keeps_the_old_comparison(diverged: Path, run_cli: Any) -> None:
    result = run_cli(
        "--lang",
        "en",
        "validate",
        "-f",
        "json",
        *AS_OF,
        "--changed-since",
        "main",
        "--against-tip",
    )
    assert "organisasi/wksbm-gamping.yaml" in _files(result)
    assert result.exit_code == 1


def test_diff_does_not_claim_main_s_deletion_as_an_addition(diverged: Path, run_cli: Any) -> None:
    """Regression: `diff main` listed wksbm-lama (deleted on main later) as added."""
    out = run_cli("--lang", "en", "diff", "main", *AS_OF, env=NO_SUMMARY)
    assert out.exit_code == 0, out.output
    assert "- changed (1): `wksbm-depok`" in out.stdout
    assert "added" not in out.stdout
    assert "wksbm-lama" not in out.stdout and "wksbm-gamping" not in out.stdout
    assert "### Problems fixed (0)" in out.stdout
    tip = run_cli("--lang", "en", "diff", "main", "--against-tip", *AS_OF, env=NO_SUMMARY)
    assert "- added (1): `wksbm-lama`" in tip.stdout
    assert "Compared with its tip" in tip.stdout


def test_no_common_ancestor_is_one_line_exit_2(diverged: Path, run_cli: Any) -> None:
    git(diverged, "checkout", "-q", "--orphan", "lepas")
    commit(diverged, "tanpa leluhur")
    out = run_cli("--lang", "en", "validate", "--changed-since", "main")
    assert out.exit_code == 2
    assert out.stderr.strip() == (
        "wksbm: main and HEAD have no common ancestor; use --against-tip to compare with its tip"
    )
