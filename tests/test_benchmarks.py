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
    generate(str(root), 400, seed=3, problems=True)
    result = run_cli(
        "--lang", "en", "--records", str(root), "validate", "--format", "json",
        "--as-of", "2026-01-01", "--no-cache",
    )  # fmt: skip
    assert result.exit_code == 1
    rules = collections.Counter(
        p["rule"] for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"
    )
    assert len(rules) >= 3


def _validate(root: Path, run_cli: Callable[..., Any]) -> list[dict[str, Any]]:
    result = run_cli(
        "--lang", "en", "--records", str(root), "validate", "--format", "json",
        "--as-of", "2026-01-01", "--no-cache",
    )  # fmt: skip
    problems: list[dict[str, Any]] = json.loads(result.stdout)["problems"]
    assert result.exit_code == (1 if any(p["severity"] == "error" for p in problems) else 0)
    return problems


def _errors(problems: list[dict[str, Any]]) -> collections.Counter[str]:
    return collections.Counter(p["rule"] for p in problems if p["severity"] == "error")


def test_data_looks_like_real_folders(tmp_path: Path) -> None:
    root = tmp_path / "gen"
    generate(str(root), 80)
    assert 'kode: "34.04"' in (root / "wksbm.yaml").read_text()
    orgs = [p.read_text() for p in (root / "organisasi").rglob("*.yaml")]
    officers = [
        line.split(": ", 1)[1]
        for text in orgs
        for line in text.splitlines()
        if "    nama: " in line
    ]
    assert len(set(officers)) > 0.8 * len(officers)  # varied, not a handful reused
    padukuhan = {line for text in orgs for line in text.splitlines() if "  padukuhan: " in line}
    assert len(padukuhan) > 40
    assert all("  email: wksbm." in text and "  nomor: " in text for text in orgs)


def test_intact_and_rtrw_have_no_errors(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    for variant in ("intact", "rtrw"):
        root = tmp_path / variant
        generate(str(root), 60, variant=variant)
        assert not _errors(_validate(root, run_cli)), variant
    texts = [p.read_text() for p in (tmp_path / "rtrw" / "organisasi").rglob("*.yaml")]
    assert all('  rw: "' in t for t in texts) and any('  rt: "' in t for t in texts)


def test_deleted5_breaks_references_only(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    root = tmp_path / "gen"
    count = generate(str(root), 200, variant="deleted5")
    assert count == 200 - 10 + 20
    errors = _errors(_validate(root, run_cli))
    assert set(errors) == {"unknown-reference"} and errors["unknown-reference"] >= 1


def test_unknown_names_are_region_errors(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    root = tmp_path / "gen"
    generate(str(root), 100, variant="unknown-names")
    problems = _validate(root, run_cli)
    assert set(_errors(problems)) == {"region-unknown"}
    written = {p["message"] for p in problems if p["rule"] == "region-unknown"}
    assert len(written) > 10  # each misspelling its own


def test_problems3_gives_three_errors_per_file(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    root = tmp_path / "gen"
    count = generate(str(root), 30, variant="problems3")
    per_file = collections.Counter(
        p["file"] for p in _validate(root, run_cli) if p["severity"] == "error"
    )
    assert len(per_file) == count and set(per_file.values()) == {3}


def test_benchmark_prints_every_target(tmp_path: Path, capsys: Any) -> None:
    """A tiny run of ``benchmarks/run.py`` gives each figure of the targets, with a verdict
    (the figures themselves are never asserted)."""
    from benchmarks.run import main

    code = main(
        [
            "--orgs", "12", "--orgs", "20", "--variant", "intact", "--variant", "deleted5",
            "--repeat", "1", "--no-startup", "--render-orgs", "6", "--dir", str(tmp_path),
        ]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    targets = out.split("targets (wall-clock ratio; CPU-seconds ratio)")[1]
    for name in (
        "cold <= 0.8 x floor (12 intact)",
        "warm <= 0.1 x floor (20 deleted5)",
        "deleted5 <= 1.2 x intact (20, cold)",
        "text <= 2 x JSON (",
    ):
        assert name in targets
    assert "validate warm, one file changed" in out
