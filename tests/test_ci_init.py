"""``wksbm init``: the files it writes, never overwriting, and CI files that match README."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from wksbm_cli.authoring.repository import source
from wksbm_cli.cli import generated

GOLDEN = Path(__file__).resolve().parent / "golden" / "init"
COMMIT = "3f2a9c4e1b7d8a6f5e4c3b2a1908f7e6d5c4b3a2"
SOURCE = f"https://github.com/forum-wksbm/wksbm@{COMMIT}"

EXPECTED = [
    "wksbm.yaml",
    "README.md",
    "organisasi/.gitkeep",
    "kegiatan/.gitkeep",
    "schemas/organisasi.schema.json",
    "schemas/kegiatan.schema.json",
    "schemas/wksbm.schema.json",
    ".vscode/settings.json",
    ".github/workflows/wksbm.yml",
    ".gitlab-ci.yml",
    ".pre-commit-config.yaml",
    ".gitignore",
]


def _runs(workflow: Any) -> list[str]:
    return [s["run"] for s in workflow["jobs"]["validate"]["steps"] if "run" in s]


def test_init_creates_everything(run_cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "baru"
    result = run_cli(
        "--lang",
        "en",
        "init",
        str(target),
        "--kabupaten",
        "kulon progo",
        "--istilah",
        "nasional",
        "--bahasa",
        "en",
    )
    assert result.exit_code == 0, result.stderr
    for rel in EXPECTED:
        assert (target / rel).is_file(), rel
        assert f"created  {rel}" in result.stdout
    config = yaml.safe_load((target / "wksbm.yaml").read_text(encoding="utf-8"))
    assert config["wilayah"] == {
        "provinsi": "Daerah Istimewa Yogyakarta",
        "kabupaten": "Kulon Progo",
        "kode": "34.01",
    }
    assert config["istilah"] == "nasional"
    assert config["bahasa"] == "en"
    assert ".wksbm_cache/" in (target / ".gitignore").read_text(encoding="utf-8")
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert "## Cara menyumbang" in readme and "## Contributing (English)" in readme
    # The new folder is a valid, empty records folder.
    check = run_cli("--lang", "en", "--records", str(target), "validate")
    assert check.exit_code == 0, check.stdout + check.stderr


def test_init_defaults_without_a_terminal(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli("--lang", "id", "init", str(tmp_path / "x"), input="")
    assert result.exit_code == 0
    config = yaml.safe_load((tmp_path / "x" / "wksbm.yaml").read_text(encoding="utf-8"))
    assert config["wilayah"] == {
        "provinsi": "Daerah Istimewa Yogyakarta",
        "kabupaten": "Sleman",
        "kode": "34.04",
    }
    assert config["istilah"] == "diy"
    assert "dibuat   wksbm.yaml" in result.stdout


def test_init_never_overwrites(run_cli: Any, tmp_path: Path) -> None:
    (tmp_path / "wksbm.yaml").write_text("# mine\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("x\n", encoding="utf-8")
    result = run_cli("--lang", "en", "init", str(tmp_path))
    assert result.exit_code == 0
    assert (tmp_path / "wksbm.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "x\n"
    assert "skipped  wksbm.yaml (exists; not overwritten)" in result.stdout
    assert "skipped  .gitignore (exists; not overwritten)" in result.stdout
    assert "created  README.md" in result.stdout
    again = run_cli("--lang", "en", "init", str(tmp_path))
    assert "created" not in again.stdout
    assert again.stdout.count("skipped") == len(EXPECTED)


def test_workflow_is_valid_yaml_and_matches_readme(run_cli: Any, tmp_path: Path) -> None:
    run_cli("--lang", "en", "init", str(tmp_path), "--wksbm-source", SOURCE)
    workflow = yaml.safe_load((tmp_path / ".github/workflows/wksbm.yml").read_text("utf-8"))
    trigger = workflow.get(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as True
    assert trigger == {"pull_request": None}
    steps = workflow["jobs"]["validate"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert _runs(workflow) == [
        f'pip install "wksbm @ git+https://github.com/forum-wksbm/wksbm@{COMMIT}"',
        "wksbm validate --format github --changed-since origin/${{ github.base_ref }}",
        "wksbm diff origin/${{ github.base_ref }}",
    ]
    gitlab = yaml.safe_load((tmp_path / ".gitlab-ci.yml").read_text("utf-8"))
    assert any("--changed-since" in line for line in gitlab["wksbm"]["script"])
    pre_commit = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text("utf-8"))
    # README shows the files exactly as written: its sections are generated from what `init`
    # writes for this source (test_generated.py keeps README up to date).
    assert generated.EXAMPLE_SOURCE == SOURCE
    for golden, rel in CI_FILES.items():
        section = generated.SECTIONS["init-" + golden.split(".")[0]]()
        assert section == f"```yaml\n{(tmp_path / rel).read_text(encoding='utf-8')}```\n", rel
    assert pre_commit["repos"] == [
        {
            "repo": "https://github.com/forum-wksbm/wksbm",
            "rev": COMMIT,
            "hooks": [{"id": "wksbm-validate"}],
        }
    ]


CI_FILES = {
    "github.yml": ".github/workflows/wksbm.yml",
    "gitlab.yml": ".gitlab-ci.yml",
    "pre-commit.yaml": ".pre-commit-config.yaml",
}


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("WKSBM_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), name


@pytest.mark.parametrize(
    ("case", "args", "installed"),
    [
        ("given", ("--wksbm-source", SOURCE), None),
        ("installed", (), "vcs"),
        ("missing", (), "editable"),
    ],
)
def test_generated_ci_text(
    run_cli: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    args: tuple[str, ...],
    installed: str | None,
) -> None:
    """Golden CI files: a pinned git source (given, or the one this wksbm came from), else a
    job that fails saying what to fill in. Never a bare `pip install wksbm`."""
    records = {
        "vcs": {
            "url": "https://github.com/forum-wksbm/wksbm.git",
            "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "v0.2.0"},
        },
        "editable": {"url": "file:///home/relawan/wksbm", "dir_info": {"editable": True}},
    }
    if installed is not None:
        record = json.dumps(records[installed])
        monkeypatch.setattr(source, "installed", lambda: source.from_direct_url(record))
    result = run_cli("--lang", "en", "init", str(tmp_path), *args)
    assert result.exit_code == 0, result.output
    for golden, rel in CI_FILES.items():
        text = (tmp_path / rel).read_text(encoding="utf-8")
        assert not re.search(r"pip install (wksbm|\"wksbm\")\s*$", text, re.M), text
        yaml.safe_load(text)
        _check_golden(f"{case}-{golden}", text)
    if case == "missing":
        assert "CI: no pinned source of wksbm is known" in result.stderr
        workflow = (tmp_path / CI_FILES["github.yml"]).read_text(encoding="utf-8")
        assert "pip install" not in "\n".join(
            line for line in workflow.splitlines() if not line.lstrip().startswith("#")
        )
        assert "exit 1" in workflow
    else:
        assert "install wksbm from https://github.com/forum-wksbm/wksbm" in result.stderr


def test_a_moving_revision_is_noted(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli(
        "--lang", "en", "init", str(tmp_path), "--wksbm-source",
        "git+https://github.com/forum-wksbm/wksbm@v0.2.0",
    )  # fmt: skip
    assert result.exit_code == 0
    assert "`v0.2.0` is not a commit id" in result.stderr


@pytest.mark.parametrize(
    "given",
    ["/home/relawan/wksbm@main", "https://github.com/forum-wksbm/wksbm", "file:///x/wksbm@abc",
     "wksbm@1.0"],
)  # fmt: skip
def test_unusable_source_is_exit_2(run_cli: Any, tmp_path: Path, given: str) -> None:
    result = run_cli("--lang", "en", "init", str(tmp_path / "x"), "--wksbm-source", given)
    assert result.exit_code == 2
    assert "is not usable by CI" in result.stderr
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    "record",
    [
        None,
        "not json",
        '{"url": "file:///home/relawan/wksbm", "dir_info": {"editable": true}}',
        json.dumps(
            {"url": "file:///home/relawan/wksbm", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}
        ),
        '{"url": "https://github.com/forum-wksbm/wksbm", "vcs_info": {"vcs": "git"}}',
        '{"url": "https://example.org/wksbm-0.1.tar.gz", "archive_info": {}}',
    ],
)
def test_no_usable_source_from_a_local_or_odd_install(record: str | None) -> None:
    assert source.from_direct_url(record) is None


def test_source_from_a_git_install() -> None:
    record = json.dumps(
        {
            "url": "git+ssh://git@github.com/forum-wksbm/wksbm.git",
            "vcs_info": {"vcs": "git", "commit_id": COMMIT},
        }
    )
    found = source.from_direct_url(record)
    assert found == source.Source("ssh://git@github.com/forum-wksbm/wksbm.git", COMMIT)
    assert found.pip_spec == f"wksbm @ git+ssh://git@github.com/forum-wksbm/wksbm.git@{COMMIT}"


def test_bad_istilah_is_exit_2(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli("--lang", "en", "init", str(tmp_path), "--istilah", "kota")
    assert result.exit_code == 2
    assert not (tmp_path / "wksbm.yaml").exists()
