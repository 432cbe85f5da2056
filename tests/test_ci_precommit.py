"""The pre-commit hook: its definition, and a subset of files judged against the whole folder."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from ci_gitrepo import event, org

HOOKS = Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml"


def test_hook_definition() -> None:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    hook = next(h for h in hooks if h["id"] == "wksbm-validate")
    assert hook["entry"] == "wksbm validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    exclude = re.compile(hook["exclude"])
    assert files.search("organisasi/wksbm-a.yaml") and files.search("kegiatan/x.yml")
    assert not files.search("README.md")
    assert exclude.search(".pre-commit-config.yaml")
    assert exclude.search(".github/workflows/wksbm.yml")
    assert not exclude.search("organisasi/wksbm-a.yaml")


def test_subset_of_files_resolves_references_against_the_folder(
    make_records: Any, run_cli: Any, monkeypatch: Any
) -> None:
    root = make_records(
        {
            "organisasi/wksbm-a.yaml": org("wksbm-a", "warna: merah\n"),  # not passed: not judged
            "organisasi/wksbm-b.yaml": org("wksbm-b"),
            "kegiatan/2025/2025-06-17-a.yaml": event("2025-06-17-a", "wksbm-a", "wksbm-b"),
            "kegiatan/2025/2025-06-18-b.yaml": event("2025-06-18-b", "tidak-ada"),
        }
    )
    monkeypatch.chdir(root)
    # As pre-commit calls it: the staged files, relative to the repository root.
    result = run_cli(
        "--lang",
        "en",
        "validate",
        "--format",
        "json",
        "--as-of",
        "2025-07-01",
        "kegiatan/2025/2025-06-17-a.yaml",
        "kegiatan/2025/2025-06-18-b.yaml",
    )
    problems = [(p["file"], p["rule"]) for p in json.loads(result.stdout)["problems"]]
    assert problems == [("kegiatan/2025/2025-06-18-b.yaml", "unknown-reference")]
    assert result.exit_code == 1
    only_good = run_cli(
        "--lang", "en", "validate", "--as-of", "2025-07-01", "kegiatan/2025/2025-06-17-a.yaml"
    )
    assert only_good.exit_code == 0
