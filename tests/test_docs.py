"""Docs that cannot drift: the rules reference and README's example are generated and checked."""

from __future__ import annotations

from pathlib import Path

from wksbm_cli.render.figures import rules_doc

ROOT = Path(__file__).parent.parent


def test_rules_reference_is_generated() -> None:
    expected = rules_doc.markdown()
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == expected, (
        "regenerate with: wksbm rules --format markdown > docs/rules.md"
    )


def test_readme_shows_the_real_validate_output() -> None:
    golden = (ROOT / "tests" / "golden" / "validate_text_en.txt").read_text(encoding="utf-8")
    assert golden in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_quick_start_matches_ci() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in readme and "python -m pytest" in ci
    assert 'pip install -e ".[test]"' in readme and '-e ".[test]"' in ci
