"""``wksbm diff GITREF``: records added, changed, removed by id; problems fixed and introduced."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ci_gitrepo import commit, event, git, make_repo, org, write


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_repo(
        tmp_path / "repo",
        {
            "organisasi/wksbm-a.yaml": org("wksbm-a", "warna: merah\n"),
            "organisasi/wksbm-b.yaml": org("wksbm-b"),
            "organisasi/wksbm-c.yaml": org("wksbm-c"),
            "kegiatan/2025/2025-06-17-a.yaml": event("2025-06-17-a", "wksbm-a"),
        },
    )
    monkeypatch.chdir(root)
    git(root, "checkout", "-q", "-b", "pr")
    text = (root / "organisasi/wksbm-a.yaml").read_text(encoding="utf-8")
    write(root, {"organisasi/wksbm-a.yaml": text.replace("warna: merah\n", "")})  # fixed
    write(root, {"organisasi/wksbm-b.yaml": org("wksbm-b", "warna: biru\n")})  # introduced
    git(root, "rm", "-q", "organisasi/wksbm-c.yaml")
    (root / "organisasi/baru").mkdir()
    git(root, "mv", "kegiatan/2025/2025-06-17-a.yaml", "kegiatan/2025-06-17-a.yaml")  # moved
    write(root, {"organisasi/baru/wksbm-d.yaml": org("wksbm-d")})
    commit(root, "pr")
    return root


EXPECTED_EN = """\
## wksbm: changes to the records since `main`

Compared with `BASE`, where this branch left it (git merge-base).

### Organisations

- added (1): `wksbm-d`
- changed (2): `wksbm-a`, `wksbm-b`
- removed (1): `wksbm-c`

### Events

- moved (1): `2025-06-17-a` (`kegiatan/2025/2025-06-17-a.yaml` → `kegiatan/2025-06-17-a.yaml`)

### Problems introduced (2)

- `never-trained` in `organisasi/baru/wksbm-d.yaml` `id`
- `unknown-field` in `organisasi/wksbm-b.yaml` `warna`

### Problems fixed (2)

- `unknown-field` in `organisasi/wksbm-a.yaml` `warna`
- `never-trained` in `organisasi/wksbm-c.yaml` `id`

"""


def test_markdown_summary(repo: Path, run_cli: Any) -> None:
    result = run_cli(
        "--lang", "en", "diff", "main", "--as-of", "2025-07-01", env={"GITHUB_STEP_SUMMARY": ""}
    )
    assert result.exit_code == 0, result.stderr
    base = git(repo, "merge-base", "main", "HEAD").strip()[:10]
    assert result.stdout == EXPECTED_EN.replace("BASE", base), result.stdout


def test_appends_to_step_summary(repo: Path, run_cli: Any, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = run_cli(
        "--lang",
        "id",
        "diff",
        "main",
        "--as-of",
        "2025-07-01",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code == 0
    written = summary.read_text(encoding="utf-8")
    assert written == "earlier step\n" + result.stdout
    assert "## wksbm: perubahan catatan sejak `main`" in written
    assert "- dihapus (1): `wksbm-c`" in written


def test_working_tree_changes_count(repo: Path, run_cli: Any) -> None:
    write(repo, {"organisasi/wksbm-e.yaml": org("wksbm-e")})  # untracked
    result = run_cli(
        "--lang", "en", "diff", "HEAD", "--as-of", "2025-07-01", env={"GITHUB_STEP_SUMMARY": ""}
    )
    assert "- added (1): `wksbm-e`" in result.stdout
    assert "### Problems introduced (1)\n\n- `never-trained` in `organisasi/wksbm-e.yaml`" in (
        result.stdout
    )


def test_unknown_ref(repo: Path, run_cli: Any) -> None:
    result = run_cli("--lang", "en", "diff", "nope")
    assert result.exit_code == 2
    assert result.stderr.strip() == "wksbm: unknown git ref: nope"


def test_ids_cannot_inject_markdown() -> None:
    from wksbm_cli.render.figures.diff_markdown import code

    assert code("a`b\n[x](y)") == "`a'b\\n[x](y)`"


def test_odd_file_names_are_read_from_git(
    tmp_path: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo(
        tmp_path / "odd",
        {
            "organisasi/x\n::error file=y.yaml": org("wksbm-x"),
            "organisasi/sp ace/wksbm-y.yaml": org("wksbm-y"),
        },
    )
    monkeypatch.chdir(root)
    result = run_cli(
        "--lang", "en", "diff", "HEAD", "--as-of", "2025-07-01", env={"GITHUB_STEP_SUMMARY": ""}
    )
    assert result.exit_code == 0, result.stderr
    assert "### Organisations\n\nNone." in result.stdout
    assert "### Problems introduced (0)" in result.stdout
    assert "### Problems fixed (0)" in result.stdout
