"""``--changed-since``: only what a pull request touched is reported, judged against the whole
folder. Real git repositories in temporary folders."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ci_gitrepo import commit, event, git, make_repo, org, write

AS_OF = ("--as-of", "2025-07-01")


def _problems(result: Any) -> set[tuple[str, str]]:
    doc = json.loads(result.stdout)
    return {(p["file"], p["rule"]) for p in doc["problems"]}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_repo(
        tmp_path / "repo",
        {
            "organisasi/wksbm-a.yaml": org("wksbm-a"),
            "organisasi/wksbm-b.yaml": org("wksbm-b"),
            "organisasi/wksbm-old.yaml": org("wksbm-old", "warna: merah\n"),  # an old debt
            "organisasi/wksbm-d.yaml": org("wksbm-d"),
            "kegiatan/2025/2025-06-17-a.yaml": event("2025-06-17-a", "wksbm-a", "wksbm-b"),
            "kegiatan/2025/2025-06-17-d.yaml": event("2025-06-17-d", "wksbm-d"),
        },
    )
    monkeypatch.chdir(root)
    return root


def _validate(run_cli: Any, *args: str) -> Any:
    return run_cli("--lang", "en", "validate", "--format", "json", *AS_OF, *args)


def test_nothing_changed_reports_nothing(repo: Path, run_cli: Any) -> None:
    full = _validate(run_cli)
    assert ("organisasi/wksbm-old.yaml", "unknown-field") in _problems(full)
    result = _validate(run_cli, "--changed-since", "HEAD")
    assert result.exit_code == 0
    assert _problems(result) == set()
    assert json.loads(result.stdout)["files"] == 0


def test_only_changed_and_untracked_files_are_reported(repo: Path, run_cli: Any) -> None:
    git(repo, "checkout", "-q", "-b", "pr")
    write(repo, {"organisasi/wksbm-b.yaml": org("wksbm-b", "warna: biru\n")})
    write(repo, {"kegiatan/2025/2025-06-18-new.yaml": event("2025-06-18-new", "wksbm-old")})
    commit(repo, "change b, add an event naming an unchanged organisation")
    write(repo, {"kegiatan/2025/2025-06-19-x.yaml": event("2025-06-19-x", "tidak-ada")})
    result = _validate(run_cli, "--changed-since", "main")
    assert _problems(result) == {
        ("organisasi/wksbm-b.yaml", "unknown-field"),
        ("kegiatan/2025/2025-06-19-x.yaml", "unknown-reference"),  # untracked, still checked
    }
    # The new event names wksbm-old, which is unchanged: resolved, not reported.
    assert result.exit_code == 1


def test_deleted_and_renamed_organisations_recheck_their_events(repo: Path, run_cli: Any) -> None:
    git(repo, "rm", "-q", "organisasi/wksbm-a.yaml")
    git(repo, "mv", "organisasi/wksbm-d.yaml", "organisasi/wksbm-e.yaml")
    commit(repo, "delete a, rename d")
    result = _validate(run_cli, "--changed-since", "HEAD~1")
    problems = _problems(result)
    # The unchanged event now names an organisation that is gone.
    assert ("kegiatan/2025/2025-06-17-a.yaml", "unknown-reference") in problems
    # The event naming wksbm-d was re-checked too (the renamed file still holds that id).
    assert json.loads(result.stdout)["files"] == 3
    # The renamed file is followed and judged (its id no longer matches its name).
    assert ("organisasi/wksbm-e.yaml", "id-mismatch") in problems
    # A deleted file is never reported, and the old debt stays out.
    assert not any(f.endswith(("wksbm-a.yaml", "wksbm-old.yaml")) for f, _ in problems)


def test_a_clean_rename_keeps_references_resolved(repo: Path, run_cli: Any) -> None:
    (repo / "organisasi" / "sub").mkdir()
    git(repo, "mv", "organisasi/wksbm-b.yaml", "organisasi/sub/wksbm-b.yaml")
    commit(repo, "move b into a subfolder")
    result = _validate(run_cli, "--changed-since", "HEAD~1")
    assert result.exit_code == 0, result.stdout
    assert _problems(result) == set()
    assert json.loads(result.stdout)["files"] == 2  # the moved file and the event naming it


def test_paths_narrow_the_changed_scope(repo: Path, run_cli: Any) -> None:
    write(repo, {"organisasi/wksbm-b.yaml": org("wksbm-b", "warna: biru\n")})
    write(repo, {"kegiatan/2025/2025-06-19-x.yaml": event("2025-06-19-x", "tidak-ada")})
    result = _validate(run_cli, "--changed-since", "HEAD", "organisasi")
    assert _problems(result) == {("organisasi/wksbm-b.yaml", "unknown-field")}


def test_unknown_ref_is_one_line_exit_2(repo: Path, run_cli: Any) -> None:
    result = _validate(run_cli, "--changed-since", "no-such-branch")
    assert result.exit_code == 2
    assert result.stderr.strip() == "wksbm: unknown git ref: no-such-branch"
    assert result.stdout == ""


def test_not_a_git_repository(make_records: Any, run_cli: Any, tmp_path: Path) -> None:
    root = make_records({"organisasi/wksbm-a.yaml": org("wksbm-a")})
    result = run_cli(
        "--lang",
        "en",
        "--records",
        str(root),
        "validate",
        "--changed-since",
        "HEAD",
        env={"GIT_CEILING_DIRECTORIES": str(tmp_path)},
    )
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_shallow_clone_without_the_base(
    repo: Path, run_cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(repo, {"organisasi/wksbm-b.yaml": org("wksbm-b", "warna: biru\n")})
    commit(repo, "second")
    base = git(repo, "rev-parse", "HEAD~1").strip()
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    monkeypatch.chdir(clone)
    result = _validate(run_cli, "--changed-since", base)
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert "shallow clone" in line and "fetch-depth: 0" in line
    assert len(line.splitlines()) == 1


def test_indonesian_message(repo: Path, run_cli: Any) -> None:
    result = run_cli("--lang", "id", "validate", "--changed-since", "tidak-ada")
    assert result.exit_code == 2
    assert result.stderr.strip() == "wksbm: ref git tidak dikenal: tidak-ada"


def test_records_in_a_subfolder_of_the_repository(
    tmp_path: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path / "sub", {"docs/notes.yaml": "a: 1\n"})
    git(repo, "mv", "wksbm.yaml", "docs/wksbm.yaml")
    (repo / "records").mkdir()
    git(repo, "mv", "docs/wksbm.yaml", "records/wksbm.yaml")
    write(repo, {"records/organisasi/wksbm-a.yaml": org("wksbm-a", "warna: merah\n")})
    write(repo, {"records/organisasi/wksbm-b.yaml": org("wksbm-b")})
    commit(repo, "records in a subfolder")
    write(repo, {"records/organisasi/wksbm-b.yaml": org("wksbm-b", "warna: biru\n")})
    write(repo, {"docs/other.yaml": "b: 2\n"})  # outside the records folder: ignored
    monkeypatch.chdir(repo)
    result = run_cli(
        "--lang",
        "en",
        "--records",
        "records",
        "validate",
        "--format",
        "github",
        *AS_OF,
        "--changed-since",
        "HEAD",
        "--ignore",
        "never-trained",
        env={"GITHUB_WORKSPACE": ""},
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("::error file=records/organisasi/wksbm-b.yaml,line=")
    diff = run_cli(
        "--lang",
        "en",
        "--records",
        "records",
        "diff",
        "HEAD",
        *AS_OF,
        env={"GITHUB_STEP_SUMMARY": ""},
    )
    assert "- changed (1): `wksbm-b`" in diff.stdout
    assert "### Problems introduced (1)\n\n- `unknown-field`" in diff.stdout


def test_a_changed_config_puts_every_record_in_scope(repo: Path, run_cli: Any) -> None:
    config = (repo / "wksbm.yaml").read_text(encoding="utf-8")
    write(repo, {"wksbm.yaml": config + "aturan: {unknown-field: warning}\n"})
    result = _validate(run_cli, "--changed-since", "HEAD", "--trust-config-changes")
    assert ("organisasi/wksbm-old.yaml", "unknown-field") in _problems(result)
    assert result.exit_code == 0
    # Not trusted (the default): the base revision's error still holds.
    strict = _validate(run_cli, "--changed-since", "HEAD")
    assert ("organisasi/wksbm-old.yaml", "unknown-field") in _problems(strict)
    assert ("wksbm.yaml", "config-relaxed") in _problems(strict)
    assert strict.exit_code == 1


def test_an_edited_id_rechecks_the_events_naming_the_old_one(repo: Path, run_cli: Any) -> None:
    write(repo, {"organisasi/wksbm-a.yaml": org("wksbm-z")})
    problems = _problems(_validate(run_cli, "--changed-since", "HEAD"))
    assert ("organisasi/wksbm-a.yaml", "id-mismatch") in problems
    assert ("kegiatan/2025/2025-06-17-a.yaml", "unknown-reference") in problems
