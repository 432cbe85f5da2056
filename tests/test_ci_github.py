"""``--format github`` lines, asserted exactly, and annotations under GITHUB_ACTIONS=true."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import GOOD_ORG

from wksbm_cli.check.results import CheckResult
from wksbm_cli.core.problem import Problem, Severity, make_args
from wksbm_cli.model.records import Config
from wksbm_cli.render.context import Context
from wksbm_cli.render.problems import github


def _result(problems: list[Problem]) -> CheckResult:
    return CheckResult(".", ".", Config.__new__(Config), 1, problems, [], [], {})


def _problem(file: str, rule: str, key: str, severity: Severity, **args: Any) -> Problem:
    return Problem(file, 3, 5, rule, severity, key, make_args(**args))


def test_exact_lines_escape_forged_annotations() -> None:
    problems = [
        _problem(
            "organisasi/x\n::error file=a,line=1::forged.yaml",
            "unknown-reference",
            "unknown-reference",
            Severity.ERROR,
            target="50%",
        ),
        _problem("organisasi/b.yaml", "sk-expired", "sk-expired", Severity.WARNING, date="x"),
        _problem("organisasi/c.yaml", "never-trained", "never-trained", Severity.INFO),
    ]
    out = github.render(_result(problems), Context("en", repo_root=str(Path.cwd())))
    assert out.split("\n") == [
        "::error file=organisasi/x%0A%3A%3Aerror file=a%2Cline=1%3A%3Aforged.yaml,line=3,col=5,"
        "title=unknown-reference::no organisation has id `50%25`",
        "::warning file=organisasi/b.yaml,line=3,col=5,title=sk-expired::the SK expired on x",
        "::notice file=organisasi/c.yaml,line=3,col=5,title=never-trained::"
        "active WKSBM not named as participant of any event",
        "",
    ]


def test_waived_problems_are_not_annotated() -> None:
    waived = Problem("a.yaml", 1, 1, "sk-expired", Severity.WARNING, "sk-expired", waived=True)
    assert github.render(_result([waived]), Context("en")) == ""


def test_cli_paths_relative_to_workspace(make_records: Any, run_cli: Any, tmp_path: Path) -> None:
    root = make_records(
        {"organisasi/wksbm-contoh.yaml": GOOD_ORG.replace("jenis: wksbm", "jenis: 50%")}
    )
    env = {"GITHUB_WORKSPACE": str(tmp_path)}
    result = run_cli(
        "--lang",
        "en",
        "--records",
        str(root),
        "validate",
        "--format",
        "github",
        "--as-of",
        "2025-01-01",
        env=env,
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines
    assert all(line.startswith("::") for line in lines)
    assert any(
        line.startswith("::error file=records/organisasi/wksbm-contoh.yaml,line=3,col=")
        and "title=invalid-value::" in line
        and "50%25" in line
        for line in lines
    ), lines


def test_github_actions_adds_annotations_to_text(
    make_records: Any, run_cli: Any, tmp_path: Path
) -> None:
    root = make_records(
        {"organisasi/wksbm-contoh.yaml": GOOD_ORG.replace("jenis: wksbm", "jenis: x")}
    )
    env = {"GITHUB_WORKSPACE": str(tmp_path), "GITHUB_ACTIONS": "true"}
    result = run_cli("--lang", "en", "--records", str(root), "validate", env=env)
    assert result.exit_code == 1
    assert "problem (" in result.stdout  # the text summary
    assert "\n::error file=records/organisasi/wksbm-contoh.yaml,line=3," in result.stdout
    plain = run_cli(
        "--lang",
        "en",
        "--records",
        str(root),
        "validate",
        env={"GITHUB_WORKSPACE": str(tmp_path), "GITHUB_ACTIONS": ""},
    )
    assert "::error" not in plain.stdout
