"""``--help`` and ``--version`` import no YAML, no validation library, no rich tables."""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    "yaml",
    "wksbm_cli.check.engine",
    "wksbm_cli.model",
    "wksbm_cli.rules",
    "rich.table",
    "pydantic",
)

PROBE = """
import sys
sys.argv = ["wksbm", *sys.argv[1:]]
from wksbm_cli.cli import main
try:
    main()
except SystemExit:
    pass
heavy = %r
print("LOADED:" + " ".join(sorted(m for m in sys.modules if m.startswith(heavy))))
"""


def _loaded(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE % (HEAVY,), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    marker = [line for line in done.stdout.splitlines() if line.startswith("LOADED:")]
    assert len(marker) == 1, done.stdout
    return marker[0].removeprefix("LOADED:")


def test_import_of_cli_is_lean() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, wksbm_cli.cli; "
            f"print([m for m in sys.modules if m.startswith({HEAVY!r})])",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == "[]"


def test_help_and_version_are_lean() -> None:
    for args in (("--help",), ("--version",)):
        loaded = _loaded(*args)
        assert loaded == "", (args, loaded)
    # A subcommand's options go through typer's pydantic-based coercion (every Typer app pays
    # that); our own heavy modules must still stay out.
    loaded = _loaded("validate", "--help").split()
    assert not [m for m in loaded if not m.startswith("pydantic")], loaded


def test_probe_sees_heavy_modules_when_they_load() -> None:
    """The probe itself works: a command that validates does import the engine."""
    loaded = _loaded("--records", "/nonexistent-wksbm-folder", "validate")
    assert "wksbm_cli.check.engine" in loaded.split()
