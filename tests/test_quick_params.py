"""The option-value shortcut (wksbm_cli/cli/quick_params.py) gives exactly what Typer's own
coercion gives, for every parameter of every command, and keeps pydantic out of a run."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from hypothesis import given, settings
from hypothesis import strategies as st
from typer._click.exceptions import BadParameter

from wksbm_cli.cli import app
from wksbm_cli.cli.quick_params import _Shortcut, install_one


def _params() -> Iterator[tuple[str, Any]]:
    def walk(command: Any, path: str) -> Iterator[tuple[str, Any]]:
        for param in command.params:
            yield f"{path} {param.name}", param
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, f"{path} {name}")

    yield from walk(typer.main.get_command(app), "wksbm")


PARAMS = list(_params())


def _outcome(runtime: Any, value: Any, param: Any) -> tuple[str, Any]:
    try:
        return "value", runtime.coerce(value, param=param, ctx=None)
    except BadParameter as exc:
        return "error", exc.format_message()


def _both(param: Any, value: Any) -> tuple[tuple[str, Any], tuple[str, Any]]:
    """(the shortcut's outcome, Typer's own), each on a fresh parameter state."""
    param._runtime_param = None
    install_one(param)
    quick = param._runtime_param
    param._runtime_param = None
    typers = param.get_runtime_param()
    param._runtime_param = None
    if not isinstance(quick, _Shortcut):
        return ("value", None), ("value", None)  # no shortcut: Typer's own path
    install_one(param)
    return _outcome(quick, value, param), _outcome(typers, value, param)


def test_the_usual_parameters_get_the_shortcut() -> None:
    """If Typer renames what the shortcut relies on, this says so (and Typer's own coercion
    runs everywhere, slower but right)."""
    kinds: dict[str, str] = {}
    for name, param in PARAMS:
        param._runtime_param = None
        install_one(param)
        if isinstance(param._runtime_param, _Shortcut):
            kinds[name] = param._runtime_param.kind
        param._runtime_param = None
    assert kinds["wksbm records"] == "str"
    assert kinds["wksbm validate fmt"] == "choice"
    assert kinds["wksbm validate select"] == "list"
    assert kinds["wksbm validate strict"] == "bool"
    assert "wksbm init bahasa" not in kinds  # an enum: Typer's own coercion


@pytest.mark.parametrize(("name", "param"), PARAMS, ids=[n for n, _ in PARAMS])
def test_every_parameter_coerces_as_typer_does(name: str, param: Any) -> None:
    samples: list[Any] = [None, "", "json", "JSON", "text", "2025", "x y", "aktif", True, False]
    samples += [(), ("a", "b"), ["json"], ("a", 1)]
    for value in samples:
        quick, typers = _both(param, value)
        assert quick == typers, (name, value)


@settings(max_examples=150, deadline=None)
@given(
    index=st.integers(0, len(PARAMS) - 1),
    value=st.one_of(
        st.none(),
        st.booleans(),
        st.text(max_size=12),
        st.lists(st.text(max_size=6), max_size=3).map(tuple),
        st.integers(-5, 5),
    ),
)
def test_any_value_coerces_as_typer_does(index: int, value: Any) -> None:
    name, param = PARAMS[index]
    quick, typers = _both(param, value)
    assert quick == typers, (name, value)


def test_a_run_does_not_import_pydantic(make_records: Any, tmp_path: Path) -> None:
    """Typer builds its coercion with pydantic; importing it cost a five-file validate about
    0.1-0.2 s, as much as the rest of its own work."""
    root = make_records()
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['wksbm', '--lang', 'en', '--records', {str(root)!r}, 'validate',"
        " '--format', 'json', '--select', 'personal-nik,missing-ketua', '--no-cache']\n"
        "try:\n    runpy.run_module('wksbm_cli', run_name='__main__')\n"
        "except SystemExit as exc:\n    code = exc.code\n"
        "sys.stderr.write(f'exit={code} pydantic={\"pydantic\" in sys.modules}\\n')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.stderr.strip().endswith("exit=0 pydantic=False"), done.stderr
    assert '"problems": []' in done.stdout
