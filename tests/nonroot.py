"""Run the CLI as an ordinary user, for the tests about permissions.

Root reads a ``chmod 000`` folder anyway, so a permission test run by root (CI containers often
are) would prove nothing. As root, the CLI runs in a child process as ``nobody`` (uid 65534) via
``setpriv`` (or ``su nobody -s /bin/sh -c``); the test data then lives in a folder that user can
reach, from ``shared_folder()``. Where neither works the test is skipped with the reason (``-rs``).
"""

from __future__ import annotations

import contextlib
import functools
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

NOBODY = 65534


def is_root() -> bool:
    return os.name == "posix" and os.geteuid() == 0


Wrap = Callable[[list[str]], list[str]]


@functools.lru_cache(maxsize=1)
def _dropper() -> tuple[Wrap | None, str]:
    """How to run a command without root's powers, or None and why not."""
    if not is_root():
        return (lambda cmd: cmd), ""
    wrap: Wrap
    if shutil.which("setpriv"):
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        wrap = lambda cmd: [*prefix, *cmd]  # noqa: E731
    elif shutil.which("su"):
        wrap = lambda cmd: ["su", "nobody", "-s", "/bin/sh", "-c", shlex.join(cmd)]  # noqa: E731
    else:
        return None, "the tests run as root and neither setpriv nor su is installed"
    probe = subprocess.run(
        wrap([sys.executable, "-m", "wksbm_cli", "--version"]),
        capture_output=True,
        text=True,
        cwd="/",
        env=_env(Path("/")),
        timeout=60,
        check=False,
    )
    if probe.returncode != 0:
        reason = (probe.stderr.strip().splitlines() or ["?"])[-1]
        return None, f"as uid {NOBODY} this Python cannot run wksbm: {reason}"
    return wrap, ""


def require_nonroot() -> Wrap:
    """How to run a command as a non-root user; skips the test (saying why) if impossible."""
    wrap, reason = _dropper()
    if wrap is None:
        pytest.skip(f"cannot run as a non-root user: {reason}")
    return wrap


def _env(home: Path) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "WKSBM_LANG": "en",
        "WKSBM_NO_CACHE": "1",
        "PYTHONIOENCODING": "utf-8",
        "COLUMNS": "200",
        "HOME": str(home),
    }
    if "PYTHONPATH" in os.environ:
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return env


@contextlib.contextmanager
def shared_folder() -> Iterator[Path]:
    """A temporary folder the non-root user can enter (pytest's own is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="wksbm-nonroot-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def run_cli_nonroot(
    cwd: Path, *args: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``wksbm args`` as a non-root user (this process's own user if that is not root)."""
    wrap = require_nonroot()
    return subprocess.run(
        wrap([sys.executable, "-m", "wksbm_cli", "--lang", "en", *args]),
        cwd=cwd,
        env=_env(cwd),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
