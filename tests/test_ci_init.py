"""``wksbm init``: the files it writes, never overwriting, and CI files that match README."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

README = Path(__file__).resolve().parent.parent / "README.md"

EXPECTED = [
    "wksbm.yaml",
    "README.md",
    "organisasi/.gitkeep",
    "kegiatan/.gitkeep",
    ".github/workflows/wksbm.yml",
    ".gitlab-ci.yml",
    ".pre-commit-config.yaml",
    ".gitignore",
]


def _readme_yaml_blocks() -> list[Any]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Use in CI") : text.index("## Exit codes")]
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", section, re.S)]


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
        'Kulon "Progo"',
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
    assert config["wilayah"]["kabupaten"] == 'Kulon "Progo"'
    assert config["istilah"] == "nasional"
    assert config["bahasa"] == "en"
    assert ".wksbm_cache/" in (target / ".gitignore").read_text(encoding="utf-8")
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert "## Cara menyumbang" in readme and "## Contributing (English)" in readme
    # The new folder is a valid, empty records folder (the quoted kabupaten is not an official
    # name, so the region check on wksbm.yaml is left out).
    check = run_cli(
        "--lang", "en", "--records", str(target), "validate", "--ignore", "region-unknown"
    )
    assert check.exit_code == 0, check.stdout + check.stderr


def test_init_defaults_without_a_terminal(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli("--lang", "id", "init", str(tmp_path / "x"), input="")
    assert result.exit_code == 0
    config = yaml.safe_load((tmp_path / "x" / "wksbm.yaml").read_text(encoding="utf-8"))
    assert config["wilayah"] == {"provinsi": "Daerah Istimewa Yogyakarta", "kabupaten": "Sleman"}
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
    run_cli("--lang", "en", "init", str(tmp_path))
    workflow = yaml.safe_load((tmp_path / ".github/workflows/wksbm.yml").read_text("utf-8"))
    trigger = workflow.get(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as True
    assert trigger == {"pull_request": None}
    steps = workflow["jobs"]["validate"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert _runs(workflow) == [
        "pip install wksbm",
        "wksbm validate --format github --changed-since origin/${{ github.base_ref }}",
        "wksbm diff origin/${{ github.base_ref }}",
    ]
    blocks = _readme_yaml_blocks()
    readme_workflow = next(b for b in blocks if isinstance(b, dict) and "jobs" in b)
    assert readme_workflow == workflow
    gitlab = yaml.safe_load((tmp_path / ".gitlab-ci.yml").read_text("utf-8"))
    assert any(b == gitlab for b in blocks)
    assert any("--changed-since" in line for line in gitlab["wksbm"]["script"])
    pre_commit = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text("utf-8"))
    assert any(b == pre_commit for b in blocks)
    assert pre_commit["repos"][0]["hooks"][0]["entry"] == "wksbm validate"


def test_bad_istilah_is_exit_2(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli("--lang", "en", "init", str(tmp_path), "--istilah", "kota")
    assert result.exit_code == 2
    assert not (tmp_path / "wksbm.yaml").exists()
