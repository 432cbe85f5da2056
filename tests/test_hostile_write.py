"""Atomic writes: a killed writer leaves the old or the new file; racing writers, one winner."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

_WRITER = """
import sys
from wksbm_cli.write import atomic_write
sys.stdout.write("start\\n"); sys.stdout.flush()
atomic_write(sys.argv[1], b"B" * (64 * 1024 * 1024), force=True)
"""

_RACER = """
import sys, time
from wksbm_cli.write import atomic_write, FileExists
while time.time() < float(sys.argv[3]):
    pass
try:
    atomic_write(sys.argv[1], ("writer " + sys.argv[2] + "\\n") * 1000)
    print("won")
except FileExists:
    print("lost")
"""


def test_killed_writer_leaves_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "laporan.md"
    old = b"A" * 4096
    target.write_bytes(old)
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "start\n"
    # Wait until the temp file is being filled, then kill the writer mid-way.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        temps = [p for p in tmp_path.iterdir() if ".wksbm-" in p.name]
        if temps and temps[0].stat().st_size > 1024 * 1024:
            break
        time.sleep(0.001)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    data = target.read_bytes()
    assert data == old or data == b"B" * (64 * 1024 * 1024)
    assert data == old  # killed long before the 64 MiB could be written


def test_of_six_racing_writers_exactly_one_wins(tmp_path: Path) -> None:
    target = tmp_path / "baru.yaml"
    start = str(time.time() + 1.0)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _RACER, str(target), str(i), start],
            stdout=subprocess.PIPE,
            text=True,
        )
        for i in range(6)
    ]
    outcomes = [p.communicate(timeout=60)[0].strip() for p in procs]
    assert sorted(outcomes) == ["lost"] * 5 + ["won"]
    winner = outcomes.index("won")
    assert target.read_text() == f"writer {winner}\n" * 1000
    assert not [p for p in tmp_path.iterdir() if ".wksbm-" in p.name]
