"""One error path for writes: a write that fails for a reason the user can fix (missing folder,
full disk, permission denied, a folder in the way, stdout to /dev/full) is exit 2 with one line,
in the run's language, naming the path the user gave, never a temporary file and never exit 3."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.nonroot import NOBODY, require_nonroot, shared_folder
from wksbm_cli import write

Run = Callable[..., Any]

ORG = """\
id: wksbm-sidoarum
nama: WKSBM Kalurahan Sidoarum
jenis: wksbm
tingkat: kalurahan
wilayah: {kapanewon: Godean, kalurahan: Sidoarum}
pengurus:
  - {jabatan: ketua, nama: Suparjiyem}
  - {jabatan: sekretaris, nama: Heru Prasetyo}
"""


@pytest.fixture
def records(make_records: Callable[..., Path]) -> Path:
    return make_records({"organisasi/godean/wksbm-sidoarum.yaml": ORG})


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert ".wksbm-" not in lines[0] and "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize(
    "command",
    [
        ("report", "--year", "2025", "-f", "markdown", "--output"),
        ("baseline", "write"),
        ("export", "-f", "json", "-o"),
    ],
)
def test_missing_folder_is_exit_2_naming_the_given_path(
    records: Path, run_cli: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    target = str(tmp_path / "tidak-ada" / "laporan.md")
    result = run_cli("--records", str(records), "--lang", "en", *command, target)
    assert result.exit_code == 2
    line = _one_line(result.stderr)
    assert line.startswith(f"wksbm: cannot write {target}: ")
    assert str(tmp_path / "tidak-ada") in line


def test_missing_folder_message_in_indonesian(records: Path, run_cli: Run, tmp_path: Path) -> None:
    target = str(tmp_path / "tidak-ada" / "acuan.json")
    result = run_cli("--records", str(records), "--lang", "id", "baseline", "write", target)
    assert result.exit_code == 2
    assert _one_line(result.stderr) == f"wksbm: tidak dapat menulis {target}: foldernya tidak ada"


def test_forced_write_onto_a_folder_is_exit_2(records: Path, run_cli: Run, tmp_path: Path) -> None:
    folder = tmp_path / "laporan"
    (folder / "isi").mkdir(parents=True)
    args = ("--records", str(records), "--lang", "en", "report", "--year", "2025")
    result = run_cli(*args, "--output", str(folder), "--force")
    assert result.exit_code == 2
    assert _one_line(result.stderr) == f"wksbm: cannot write {folder}: it is a folder"
    assert (folder / "isi").is_dir()


def test_disk_full_is_exit_2_and_leaves_no_temporary_file(
    records: Path, run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def full(fd: int) -> None:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "acuan.json"
    result = run_cli("--records", str(records), "--lang", "en", "baseline", "write", str(target))
    assert result.exit_code == 2
    line = _one_line(result.stderr)
    assert line == f"wksbm: cannot write {target}: no space left on the disk"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records"]


def test_write_failed_names_the_path_not_the_temporary_file(tmp_path: Path) -> None:
    from wksbm_cli.errors import WriteFailed

    target = str(tmp_path / "hilang" / "x.md")
    with pytest.raises(WriteFailed) as caught:
        write.atomic_write(target, "isi\n")
    assert caught.value.path == target
    assert caught.value.message("en") == f"cannot write {target}: the folder does not exist"


def _wksbm(
    *args: str, stdout: Any = subprocess.PIPE, **kw: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wksbm_cli", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        **kw,
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "command",
    [["validate", "-f", "json"], ["summary"], ["rules"], ["list", "organisasi"], ["--help"]],
)
def test_stdout_to_dev_full_is_exit_2_one_line(records: Path, command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        env = {**os.environ, "WKSBM_LANG": "en"}  # --help stops before --lang is applied
        done = _wksbm("--records", str(records), "--lang", "en", *command, stdout=full, env=env)
    assert done.returncode == 2
    assert _one_line(done.stderr) == (
        "wksbm: cannot write standard output: no space left on the disk"
    )


def test_closed_pipe_is_exit_2_without_noise(records: Path) -> None:
    """A reader that left (``| head -1`` after its line): exit 2, no traceback, no message."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = _wksbm("--records", str(records), "schema", stdout=write_end)
    finally:
        os.close(write_end)
    assert done.returncode == 2
    assert done.stderr == ""


def test_wrote_line_escapes_control_characters(records: Path, run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "ekspor\x1b[31m.json"
    result = run_cli(
        "--records", str(records), "--lang", "en", "export", "-f", "json", "-o", str(target)
    )
    assert result.exit_code == 0
    assert "\x1b" not in result.stderr
    assert "ekspor\\x1b[31m.json" in result.stderr
    schemas = tmp_path / "skema\x07"
    result = run_cli("--lang", "en", "schema", "--output", str(schemas))
    assert result.exit_code == 0
    assert "\x07" not in result.stderr and "skema\\x07" in result.stderr


# ---------------------------------------------------------------- permission denied, as non-root


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder another user can enter (pytest's tmp_path is private to root)."""
    with shared_folder() as folder:
        yield folder


def _as_user(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a non-root user (``nobody`` when the tests run as root)."""
    wrap = require_nonroot()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache")}
    command = wrap([sys.executable, "-m", "wksbm_cli", *args])
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def _shared_records(shared_tmp: Path) -> tuple[Path, Path, Path]:
    records = shared_tmp / "records"
    (records / "organisasi" / "godean").mkdir(parents=True)
    (records / "wksbm.yaml").write_text(
        'wilayah: {provinsi: Daerah Istimewa Yogyakarta, kabupaten: Sleman, kode: "34.04"}\n'
        "istilah: diy\nbahasa: en\nprivasi: publik\n"
    )
    (records / "organisasi" / "godean" / "wksbm-sidoarum.yaml").write_text(ORG)
    home = shared_tmp / "home"
    home.mkdir()
    locked = shared_tmp / "terkunci"  # the user may read it, not write into it
    locked.mkdir()
    if os.geteuid() == 0:
        os.chown(home, NOBODY, NOBODY)
    else:
        locked.chmod(0o555)
    for path in (records, records / "organisasi", records / "organisasi" / "godean"):
        path.chmod(0o755)
    return records, home, locked


@pytest.mark.parametrize(
    "command",
    [
        ["report", "--year", "2025", "-f", "markdown", "--output"],
        ["baseline", "write"],
        ["export", "-f", "csv", "-o"],
        ["export", "-f", "sqlite", "-o"],
        ["schema", "--output"],
    ],
)
def test_permission_denied_is_exit_2_as_a_non_root_user(
    shared_tmp: Path, command: list[str]
) -> None:
    records, home, locked = _shared_records(shared_tmp)
    target = locked / "keluaran"
    done = _as_user(["--records", str(records), "--lang", "en", *command, str(target)], home)
    assert done.returncode == 2, done.stderr
    line = _one_line(done.stderr)
    assert line.startswith(f"wksbm: cannot write {target}"), line
    assert line.endswith("permission denied")
    assert list(locked.iterdir()) == []


def test_sqlite_export_on_a_full_disk_is_exit_2(
    records: Path, run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from wksbm_cli.export import files as export_files

    def full(path: str, *args: Any) -> None:
        sqlite3.connect(path).close()
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise error

    monkeypatch.setattr(export_files, "_fill_sqlite", full)
    target = tmp_path / "wksbm.db"
    result = run_cli(
        "--records", str(records), "--lang", "en", "export", "-f", "sqlite", "-o", str(target)
    )
    assert result.exit_code == 2
    assert _one_line(result.stderr) == f"wksbm: cannot write {target}: no space left on the disk"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records"]
