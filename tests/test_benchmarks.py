"""The benchmark generator writes valid, deterministic folders (timings are never asserted)."""

from __future__ import annotations

import collections
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.generate import generate


def _tree(path: Path) -> dict[str, bytes]:
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*.yaml"))}


def test_generated_folder_is_valid(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    root = tmp_path / "gen"
    count = generate(str(root), 30)
    assert count == 33
    orgs = list((root / "organisasi").rglob("*.yaml"))
    assert len(orgs) == 30 and len({p.parent for p in orgs}) > 3  # spread over kapanewon
    assert all(40 <= len(p.read_text().splitlines()) <= 80 for p in orgs)
    assert len(list((root / "kegiatan").rglob("*.yaml"))) == 3
    result = run_cli(
        "--lang", "en", "--records", str(root), "validate", "--format", "json",
        "--as-of", "2026-01-01", "--no-cache",
    )  # fmt: skip
    assert result.exit_code == 0, result.stdout
    severities = {p["severity"] for p in json.loads(result.stdout)["problems"]}
    assert "error" not in severities


def test_generation_is_deterministic(tmp_path: Path) -> None:
    generate(str(tmp_path / "a"), 12, seed=3)
    generate(str(tmp_path / "b"), 12, seed=3)
    generate(str(tmp_path / "c"), 12, seed=4)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert _tree(tmp_path / "a") != _tree(tmp_path / "c")


def test_problems_are_sprinkled(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    root = tmp_path / "gen"
    generate(str(root), 400, problems=True)
    result = run_cli(
        "--lang", "en", "--records", str(root), "validate", "--format", "json",
        "--as-of", "2026-01-01", "--no-cache",
    )  # fmt: skip
    assert result.exit_code == 1
    rules = collections.Counter(
        p["rule"] for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"
    )
    assert len(rules) >= 3
