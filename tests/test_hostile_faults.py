"""An internal fault (a bug in a rule) ends in one line naming the rule and exit 3."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import GOOD_ORG

from wksbm_cli.rules.registry import RULES


def _boom(*_: Any) -> Iterator[Any]:
    raise ZeroDivisionError("injected fault")
    yield  # pragma: no cover


@pytest.mark.parametrize("rule", ["personal-nik", "duplicate-id"])
def test_failing_rule_is_one_line_and_exit_3(
    run_cli: Callable[..., Any],
    make_records: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    rule: str,
) -> None:
    root = make_records({"organisasi/wksbm-contoh.yaml": GOOD_ORG})
    monkeypatch.setitem(RULES, rule, dataclasses.replace(RULES[rule], check=_boom))
    result = run_cli("--lang", "en", "--records", str(root), "validate", "--format", "json")
    assert result.exit_code == 3
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"internal error in rule {rule}" in lines[0]
    assert "ZeroDivisionError: injected fault" in lines[0]
    assert "Traceback" not in result.stderr

    debug = run_cli(
        "--lang", "en", "--debug", "--records", str(root), "validate", "--format", "json"
    )
    assert debug.exit_code == 3
    assert "Traceback (most recent call last)" in debug.stderr
    assert "_boom" in debug.stderr
