"""README's example output and quick start agree with the program and CI. (The generated files,
docs/rules.md among them, are checked by test_generated.py.)"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_readme_shows_the_real_validate_output() -> None:
    golden = (ROOT / "tests" / "golden" / "validate_text_en.txt").read_text(encoding="utf-8")
    assert golden in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_quick_start_matches_ci() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in readme and "python -m pytest" in ci
    assert 'pip install -e ".[test]"' in readme and '-e ".[test]"' in ci
