"""The one place wksbm starts another program (git, and a browser to print a PDF).

Keeping it to one module keeps the rules in one place: a fixed argument list (never a shell),
stdin closed unless the caller sends bytes, output captured, a timeout always. An import
contract in ``pyproject.toml`` fails CI if ``subprocess`` is imported anywhere else.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


class ProgramTimeout(TimeoutError):
    """The program did not finish in time (it has been killed)."""


@dataclass(frozen=True, slots=True)
class Finished:
    returncode: int
    stdout: bytes
    stderr: bytes


def run_program(
    argv: Sequence[str],
    *,
    timeout: float,
    cwd: str | None = None,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
) -> Finished:
    """Run ``argv`` to its end. ``FileNotFoundError``/``OSError`` when it cannot start,
    ``ProgramTimeout`` when it runs past ``timeout`` seconds."""
    try:
        done = subprocess.run(
            list(argv),
            cwd=cwd,
            input=stdin,
            stdin=subprocess.DEVNULL if stdin is None else None,
            capture_output=True,
            timeout=timeout,
            env=dict(env) if env is not None else None,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ProgramTimeout(f"{argv[0]} did not finish within {timeout:.0f} s") from None
    return Finished(done.returncode, done.stdout, done.stderr)
