"""Single files and sets of files: never a direct write to the target (also where the filesystem
has no hard links), modes kept by --force, schemas all or nothing, and no write through a link
below the records folder (``new``) or the new repository (``init``)."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from wksbm_cli import write

Run = Callable[..., Any]


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _no_hard_links(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """``os.link`` fails as on vfat/exFAT; returns a log of every ``os.open`` (name, flags)."""
    opened: list[tuple[str, int]] = []
    real_open = os.open

    def link(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))

    def spy(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        opened.append((os.fsdecode(path), flags))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "link", link)
    monkeypatch.setattr(os, "open", spy)
    return opened


def _written_directly(opened: list[tuple[str, int]], target: Path) -> list[str]:
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT
    return [name for name, flags in opened if flags & writing and name.endswith(target.name)]


@pytest.mark.parametrize("renameat2", [True, False], ids=["renameat2", "lock"])
def test_without_hard_links_the_target_is_never_opened_for_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, renameat2: bool
) -> None:
    if not renameat2:
        monkeypatch.setattr(write, "_renameat2_function", lambda: None)
    opened = _no_hard_links(monkeypatch)
    target = tmp_path / "wksbm-sidoarum.yaml"
    write.atomic_write(str(target), "id: wksbm-sidoarum\n")
    assert target.read_text() == "id: wksbm-sidoarum\n"
    assert _written_directly(opened, target) == []
    with pytest.raises(write.FileExists):
        write.atomic_write(str(target), "id: lain\n")
    assert target.read_text() == "id: wksbm-sidoarum\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wksbm-sidoarum.yaml"]


_RACER = """
import errno, os, sys, time
from wksbm_cli import write
def link(*a, **k):
    raise PermissionError(errno.EPERM, "Operation not permitted")
os.link = link
if sys.argv[4] == "lock":
    write._renameat2_function = lambda: None
while time.time() < float(sys.argv[3]):
    time.sleep(0.001)
try:
    write.atomic_write(sys.argv[1], ("penulis " + sys.argv[2] + "\\n") * 1000)
    print("won")
except write.FileExists:
    print("lost")
"""


@pytest.mark.parametrize("how", ["renameat2", "lock"])
def test_without_hard_links_one_of_six_racers_wins(tmp_path: Path, how: str) -> None:
    target = tmp_path / "baru.yaml"
    start = str(time.time() + 1.5)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _RACER, str(target), str(i), start, how],
            stdout=subprocess.PIPE,
            text=True,
        )
        for i in range(6)
    ]
    outcomes = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert sorted(outcomes) == ["lost"] * 5 + ["won"]
    assert target.read_text() == f"penulis {outcomes.index('won')}\n" * 1000
    assert [p.name for p in tmp_path.iterdir()] == ["baru.yaml"]


def test_a_lock_left_by_a_dead_writer_is_taken_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write, "_renameat2_function", lambda: None)
    _no_hard_links(monkeypatch)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                          capture_output=True, text=True)  # fmt: skip
    lock = tmp_path / ".laporan.md.wksbm-lock"
    lock.write_text(f"{write._host()}-{gone.stdout.strip()}\n")
    write.atomic_write(str(tmp_path / "laporan.md"), "# Laporan 2025\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.md"]


def test_a_live_writers_lock_is_waited_for_then_named(
    make_records: Callable[..., Path], run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write, "_renameat2_function", lambda: None)
    monkeypatch.setattr(write, "LOCK_WAIT", 0.2)
    _no_hard_links(monkeypatch)
    records = make_records({})
    (tmp_path / ".laporan.md.wksbm-lock").write_text(write._owner() + "\n")  # alive: this test
    target = tmp_path / "laporan.md"
    args = ("--records", str(records), "--lang", "en", "report", "--year", "2025")
    result = run_cli(*args, "--output", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"wksbm: {target} is being written by another wksbm")
    assert not target.exists()


# ---------------------------------------------------------------- modes


@pytest.mark.usefixtures("umask_022")
def test_force_keeps_the_mode_of_the_replaced_file(
    make_records: Callable[..., Path], run_cli: Run, tmp_path: Path
) -> None:
    records = make_records({})
    target = tmp_path / "laporan-2025.md"
    target.write_text("lama\n")
    target.chmod(0o600)
    args = ("--records", str(records), "report", "--year", "2025", "-f", "markdown")
    assert run_cli(*args, "--output", str(target), "--force").exit_code == 0
    assert target.read_text() != "lama\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    fresh = tmp_path / "baru.md"
    assert run_cli(*args, "--output", str(fresh)).exit_code == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644


@pytest.mark.usefixtures("umask_022")
@pytest.mark.parametrize("fmt", ["json", "sqlite"])
def test_exports_of_personal_data_are_owner_only(
    make_records: Callable[..., Path], run_cli: Run, tmp_path: Path, fmt: str
) -> None:
    from tests.conftest import CONFIG

    records = make_records({}, config=CONFIG.replace("privasi: publik", "privasi: internal"))
    base = ("--records", str(records), "export", "-f", fmt, "-o")
    fresh = tmp_path / f"ekspor.{fmt}"
    assert run_cli(*base, str(fresh)).exit_code == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    wide = tmp_path / f"lama.{fmt}"
    wide.write_text("lama\n")
    wide.chmod(0o644)
    assert run_cli(*base, str(wide), "--force").exit_code == 0
    assert stat.S_IMODE(wide.stat().st_mode) == 0o600  # narrowed, never widened


# ---------------------------------------------------------------- schemas: all or nothing


def _schemas(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _old_schemas(folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    for name in ("organisasi", "kegiatan", "wksbm"):
        (folder / f"{name}.schema.json").write_text(json.dumps({"title": f"lama {name}"}))
    return _schemas(folder)


def test_schema_set_on_a_full_disk_keeps_the_old_set(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "schemas"
    old = _old_schemas(folder)
    real_fsync = os.fsync
    files = [0]

    def fsync(fd: int) -> None:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            files[0] += 1
            if files[0] == 2:  # the disk fills up on the second file
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    result = run_cli("--lang", "en", "schema", "--output", str(folder), "--force")
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.endswith(": no space left on the disk") and ".wksbm-" not in line
    assert _schemas(folder) == old


def test_schema_set_failing_while_publishing_is_rolled_back(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "schemas"
    old = _old_schemas(folder)
    real_replace = os.replace
    calls = [0]

    def replace(src: Any, dst: Any, **kwargs: Any) -> None:
        calls[0] += 1
        if calls[0] == 3:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        real_replace(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    result = run_cli("--lang", "en", "schema", "--output", str(folder), "--force")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(": permission denied")
    assert _schemas(folder) == old


# ---------------------------------------------------------------- no write through a link


def _validate_rules(run_cli: Run, root: Path) -> set[tuple[str, str]]:
    out = run_cli("--lang", "en", "--records", str(root), "validate", "--format", "json")
    return {(p["file"], p["rule"]) for p in json.loads(out.stdout)["problems"]}


@pytest.mark.parametrize("linked", ["organisasi/sleman", "organisasi"])
def test_new_refuses_to_write_through_a_linked_folder(
    make_records: Callable[..., Path], run_cli: Run, tmp_path: Path, linked: str
) -> None:
    root = make_records({})
    elsewhere = tmp_path / "di-luar"
    elsewhere.mkdir()
    (root / linked).parent.mkdir(parents=True, exist_ok=True)
    (root / linked).symlink_to(elsewhere)
    result = run_cli(
        "--lang", "en", "--records", str(root), "new", "organisasi", "wksbm-sidoarum",
        "--nama", "WKSBM Sidoarum", "--kecamatan", "Godean", "--desa", "Sidoarum",
        "--folder", "sleman",
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "is a symbolic link or not a folder (unsafe-path)" in result.stderr
    assert os.path.relpath(root / linked) in result.stderr
    assert list(elsewhere.rglob("*")) == []
    # The same place validate reports.
    problems = _validate_rules(run_cli, root)
    assert any(rule == "unsafe-path" and f.endswith(linked) for f, rule in problems), problems


def test_init_refuses_to_write_through_a_linked_github_folder(run_cli: Run, tmp_path: Path) -> None:
    repo = tmp_path / "wksbm-bantul"
    repo.mkdir()
    elsewhere = tmp_path / "di-luar"
    elsewhere.mkdir()
    (repo / ".github").symlink_to(elsewhere)
    result = run_cli("--lang", "en", "init", str(repo), "--kabupaten", "Bantul")
    assert result.exit_code == 2, result.output
    assert "/.github is a symbolic link or not a folder (unsafe-path)" in result.stderr
    assert list(elsewhere.rglob("*")) == []


def test_beneath_refuses_a_path_outside_the_root(tmp_path: Path) -> None:
    root = tmp_path / "records"
    root.mkdir()
    with pytest.raises(write.UnsafeTarget):
        write.atomic_write(str(tmp_path / "lain.yaml"), "x\n", beneath=str(root))
    assert not (tmp_path / "lain.yaml").exists()


# ---------------------------------------------------------------- many new files (import)


def _leftovers(root: Path) -> list[str]:
    return [p.name for p in root.rglob("*") if ".wksbm-" in p.name]


def test_new_files_are_written_each_whole_and_existing_ones_are_left(
    tmp_path: Path, umask_022: None
) -> None:
    root = tmp_path / "records"
    (root / "organisasi" / "depok").mkdir(parents=True)
    (root / "organisasi" / "depok" / "wksbm-manunggal.yaml").write_text("id: mine\n")
    files: list[tuple[str, bytes | str]] = [
        ("organisasi/depok/wksbm-manunggal.yaml", "id: theirs\n"),
        ("organisasi/depok/wksbm-bina-sejahtera.yaml", "id: wksbm-bina-sejahtera\n"),
        ("organisasi/kalasan/wksbm-sido-mulyo.yaml", "id: wksbm-sido-mulyo\n"),
    ]
    assert write.write_new_files(str(root), files) == [False, True, True]
    assert (root / "organisasi/depok/wksbm-manunggal.yaml").read_text() == "id: mine\n"
    made = root / "organisasi/kalasan/wksbm-sido-mulyo.yaml"
    assert made.read_text() == "id: wksbm-sido-mulyo\n"
    assert stat.S_IMODE(made.stat().st_mode) == 0o644
    assert _leftovers(root) == []


def test_a_name_taken_while_the_batch_runs_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "records"
    root.mkdir()
    real = write._take_name

    def meanwhile(dir_fd: int, tmp: str, name: str, shown: str) -> None:
        if name == "b.yaml":
            (root / "b.yaml").write_text("someone else's\n")
        real(dir_fd, tmp, name, shown)

    monkeypatch.setattr(write, "_take_name", meanwhile)
    done = write.write_new_files(str(root), [("a.yaml", "a\n"), ("b.yaml", "b\n")])
    assert done == [True, False]
    assert (root / "b.yaml").read_text() == "someone else's\n"
    assert _leftovers(root) == []


def test_a_full_disk_in_the_middle_publishes_nothing_of_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "records"
    root.mkdir()
    real_write = os.write
    calls = []

    def full(fd: int, data: Any) -> int:
        calls.append(1)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(write.os, "write", full)
    files: list[tuple[str, bytes | str]] = [(f"r{i}.yaml", f"id: r{i}\n") for i in range(5)]
    with pytest.raises(write.WriteFailed) as caught:
        write.write_new_files(str(root), files)
    monkeypatch.setattr(write.os, "write", real_write)
    assert str(root / "r2.yaml") in str(caught.value)
    assert sorted(p.name for p in root.iterdir()) == []


def test_without_syncfs_each_file_is_fsynced_before_any_name_is_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "records"
    root.mkdir()
    events: list[str] = []
    real_fsync, real_take = os.fsync, write._take_name

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def take(dir_fd: int, tmp: str, name: str, shown: str) -> None:
        events.append("name")
        real_take(dir_fd, tmp, name, shown)

    monkeypatch.setattr(write, "_syncfs_function", lambda: None)
    monkeypatch.setattr(write.os, "fsync", fsync)
    monkeypatch.setattr(write, "_take_name", take)
    write.write_new_files(str(root), [("a.yaml", "a\n"), ("b.yaml", "b\n")])
    assert events[:4] == ["fsync", "fsync", "name", "name"]


def test_new_files_are_never_written_through_a_linked_folder(tmp_path: Path) -> None:
    root = tmp_path / "records"
    elsewhere = tmp_path / "elsewhere"
    (root / "organisasi").mkdir(parents=True)
    elsewhere.mkdir()
    (root / "organisasi" / "depok").symlink_to(elsewhere)
    with pytest.raises(write.UnsafeTarget):
        write.write_new_files(str(root), [("organisasi/depok/x.yaml", "id: x\n")])
    assert list(elsewhere.iterdir()) == []


def test_an_import_flushes_once_not_once_per_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: Run
) -> None:
    """The cause of a 10,000-row import waiting ~25 s on the disk: two fsyncs per record."""
    root = tmp_path / "records"
    root.mkdir()
    (root / "wksbm.yaml").write_text(
        'wilayah: {kabupaten: Sleman, kode: "34.04"}\nistilah: diy\n', encoding="utf-8"
    )
    rows = ["Nama WKSBM;Kapanewon;Kalurahan;Ketua;Sekretaris"]
    names = ("Ngudi Rahayu", "Sido Mulyo", "Manunggal", "Bina Sejahtera", "Tunas Harapan")
    for i, desa in enumerate(("Condongcatur", "Caturtunggal", "Maguwoharjo") * 10):
        rows.append(f"WKSBM {names[i % 5]} {i};Depok;{desa};Suparno {i};Wartini {i}")
    (tmp_path / "dinas.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(write.os, "fsync", fsync)
    result = run_cli("--lang", "en", "--records", "records", "import", "dinas.csv")
    assert result.exit_code == 0, result.output
    assert len(list((root / "organisasi").rglob("*.yaml"))) == 30
    if write._syncfs_function() is not None:
        assert len(synced) < 5  # one per folder written into, not two per record


def test_a_cache_write_is_atomic_but_not_flushed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run summary checks itself when read, so it is written without the two fsyncs a
    record gets (they were most of a small warm run's wall time on a busy disk), yet still
    whole or not at all, and an existing file is still not replaced without ``force``."""
    synced: list[int] = []
    monkeypatch.setattr(write.os, "fsync", lambda fd: synced.append(fd))
    target = tmp_path / "summary"

    def fill(path: str) -> None:
        with open(path, "wb") as handle:
            handle.write(b"new")

    write.atomic_write_via(str(target), fill, durable=False)
    assert target.read_bytes() == b"new" and synced == []
    with pytest.raises(write.FileExists):
        write.atomic_write_via(str(target), fill, durable=False)
    write.atomic_write_via(str(target), fill, force=True)
    assert len(synced) == 2  # the file and its folder, by default
    assert [p.name for p in tmp_path.iterdir()] == ["summary"]
