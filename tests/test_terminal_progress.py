"""Progress of long runs: drawn on a terminal's stderr, never in a pipe, in CI or in JSON.

A 2,000-file folder runs in a real subprocess whose stdout and stderr are a pseudo-terminal
(``pty``), as a volunteer's terminal would be; the same run piped shows no progress at all.
"""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

ORG = """id: {id}
nama: WKSBM Padukuhan {n}
jenis: wksbm
tingkat: dusun
wilayah: {{kapanewon: Depok, kalurahan: Condongcatur, padukuhan: Gejayan {n}}}
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pty is POSIX only")


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("progress") / "records"
    folder = root / "organisasi" / "depok"
    folder.mkdir(parents=True)
    (root / "wksbm.yaml").write_text(
        'wilayah: {provinsi: Daerah Istimewa Yogyakarta, kabupaten: Sleman, kode: "34.04"}\n'
        "istilah: diy\nbahasa: id\njabatan_wajib: []\njabatan_disarankan: []\n"
        "aturan: {sk-missing: 'off', no-unsur: 'off', never-trained: 'off'}\n",
        encoding="utf-8",
    )
    for n in range(2000):
        record_id = f"wksbm-gejayan-{n:04d}"
        (folder / f"{record_id}.yaml").write_text(ORG.format(id=record_id, n=n), encoding="utf-8")
    return root


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS", "NO_COLOR")}
    env.update({"COLUMNS": "100", "TERM": "xterm-256color", **extra})
    return env


def _run_in_pty(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run ``wksbm`` with stdout and stderr on a pseudo-terminal; everything it drew."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "wksbm_cli", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            process.kill()
            break
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    code = process.wait(timeout=120)
    os.close(leader)
    return code, b"".join(chunks).decode("utf-8", errors="replace")


def _plain(drawn: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn)


def test_progress_on_a_terminal_only(big_folder: Path) -> None:
    """The first run fills the cache, so the runs after it are quick (and show no bar either:
    a pipe, CI, JSON)."""
    args = ["--records", str(big_folder), "validate", "--statistics"]
    code, drawn = _run_in_pty(args, _env())
    plain = _plain(drawn)
    assert code == 0, plain[-2000:]
    updates = re.findall(r"Memeriksa\s.*?(\d+)/2000 berkas", plain)
    assert len(set(updates)) >= 3, plain[-2000:]  # several distinct counts, ending at 2000
    assert updates[-1] == "2000"
    assert "2000 berkas diperiksa" in plain

    piped = subprocess.run(
        [sys.executable, "-m", "wksbm_cli", *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=600,
        check=False,
    )
    assert piped.returncode == 0
    assert "Memeriksa" not in piped.stderr + piped.stdout
    assert "2000 berkas diperiksa" in piped.stdout

    code, drawn = _run_in_pty(args, _env(CI="true"))
    assert "2000 berkas diperiksa" in _plain(drawn)
    assert "Memeriksa" not in drawn
    code, drawn = _run_in_pty([*args[:-1], "--format", "json"], _env())
    assert '"files": 2000' in drawn
    assert "Memeriksa" not in drawn


def test_library_reports_progress_through_a_callback(tmp_path: Path) -> None:
    """The engine calls back (done, total) as files are checked; it prints nothing itself."""
    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.check.policy import load_config
    from wksbm_cli.check.results import Options

    root = tmp_path / "records"
    (root / "organisasi" / "kalasan").mkdir(parents=True)
    (root / "wksbm.yaml").write_text("istilah: diy\n", encoding="utf-8")
    for n in range(5):
        record_id = f"wksbm-tirtomartani-{n}"
        path = root / "organisasi" / "kalasan" / f"{record_id}.yaml"
        path.write_text(ORG.format(id=record_id, n=n), encoding="utf-8")
    calls: list[tuple[int, int]] = []
    config = load_config(str(root), "records")
    options = Options(progress=lambda done, total: calls.append((done, total)))
    check_folder(str(root), "records", config, options)
    assert calls[-1] == (5, 5)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
