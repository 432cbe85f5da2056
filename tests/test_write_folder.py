"""``export --format csv`` writes a whole folder: it never removes a folder wksbm did not write,
of racing exports exactly one wins, and a kill at any step leaves the old folder or the new one
whole (or, without RENAME_EXCHANGE, the old one aside, restored by the next run)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]

CONFIG = """\
wilayah: {provinsi: Daerah Istimewa Yogyakarta, kabupaten: Sleman, kode: "34.04"}
istilah: diy
bahasa: en
privasi: publik
"""

ORG = """\
id: wksbm-{slug}
nama: WKSBM Kalurahan {name}
jenis: wksbm
tingkat: kalurahan
wilayah: {{kapanewon: Godean, kalurahan: {name}}}
pengurus:
  - {{jabatan: ketua, nama: Suparjiyem}}
  - {{jabatan: sekretaris, nama: Heru Prasetyo}}
"""

# Runs the CLI in a child process after replacing one step of wksbm_cli.write (or the CSV
# writer) by a version that kills the process before, after or in the middle of the step.
_RUN = """
import os, signal, sys, time
from wksbm_cli import write
from wksbm_cli.export import files as export_files
mode, target, step, when, count, start, *args = sys.argv[1:]
count = int(count)
if mode == "fallback":
    write._renameat2_function = lambda: None
module = export_files if step == "csv_text" else write
if step:
    real = getattr(module, step)
    calls = [0]
    def patched(*a, **k):
        calls[0] += 1
        hit = calls[0] == count
        if hit and when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        if hit and when == "mid":
            dir_fd, name = a[0], a[1]
            inner = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=dir_fd)
            os.unlink(sorted(n for n in os.listdir(inner) if n.endswith(".csv"))[0], dir_fd=inner)
            os.kill(os.getpid(), signal.SIGKILL)
        if hit and when == "foreign":
            os.makedirs(os.path.join(target, "catatan"), exist_ok=True)
            with open(os.path.join(target, "catatan", "rapat.txt"), "w") as f:
                f.write("notulen rapat pengurus\\n")
        result = real(*a, **k)
        if hit and when == "after":
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    setattr(module, step, patched)
while time.time() < float(start):
    time.sleep(0.001)
from wksbm_cli.cli import app
app(args)
"""


def _records(tmp_path: Path, names: list[str]) -> Path:
    root = tmp_path / "records"
    (root / "organisasi" / "godean").mkdir(parents=True, exist_ok=True)
    (root / "wksbm.yaml").write_text(CONFIG, encoding="utf-8")
    for old in (root / "organisasi" / "godean").iterdir():
        old.unlink()
    for name in names:
        path = root / "organisasi" / "godean" / f"wksbm-{name.lower()}.yaml"
        path.write_text(ORG.format(slug=name.lower(), name=name), encoding="utf-8")
    return root


def _export(
    records: Path,
    target: Path,
    *extra: str,
    mode: str = "exchange",
    step: str = "",
    when: str = "",
    count: int = 1,
    start: float = 0.0,
) -> subprocess.Popen[str]:
    args = ["--records", str(records), "--lang", "en", "export", "-f", "csv", "-o", str(target)]
    head = [sys.executable, "-c", _RUN, mode, str(target), step, when, str(count), str(start)]
    return subprocess.Popen(
        [*head, *args, *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _export_here(records: Path, target: Path, *extra: str) -> int:
    """An export without any step replaced, in this process (faster than a child)."""
    from typer.testing import CliRunner

    from wksbm_cli.cli import app

    args = ["--records", str(records), "--lang", "en", "export", "-f", "csv", "-o", str(target)]
    return CliRunner().invoke(app, [*args, *extra], catch_exceptions=False).exit_code


def _finish(proc: subprocess.Popen[str]) -> tuple[int, str]:
    _out, err = proc.communicate(timeout=120)
    return proc.returncode, err


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (relative name -> bytes), links and folders included."""
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink():
            found[rel] = b"-> " + os.readlink(path).encode()
        elif path.is_dir():
            found[rel + "/"] = b""
        else:
            found[rel] = path.read_bytes()
    return found


def _without_cache(tree: dict[str, bytes]) -> dict[str, bytes]:
    """The check before the export may cache what it read; that is not the user's data."""
    return {k: v for k, v in tree.items() if ".wksbm_cache" not in k}


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".wksbm-" in p.name)


# ---------------------------------------------------------------- --force never deletes others'


def test_forced_export_onto_a_repository_is_refused_and_touches_nothing(tmp_path: Path) -> None:
    repo = _records(tmp_path, ["Sidoarum"])
    (repo / ".git").mkdir()
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (repo / "README.md").write_text("# Catatan WKSBM Kabupaten Sleman\n")
    before = _tree(repo)
    code, err = _finish(_export(repo, repo, "--force"))
    assert code == 2
    assert err.strip() == (
        f"wksbm: {repo} is not a folder that wksbm export wrote (no .wksbm-export file inside):"
        " not replaced, nothing touched; choose a new folder"
    )
    assert _without_cache(_tree(repo)) == _without_cache(before)
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("kind", ["file", "link to an export", "marker is a link"])
def test_forced_export_refuses_what_is_not_a_marked_folder(tmp_path: Path, kind: str) -> None:
    records = _records(tmp_path, ["Sidoarum"])
    target = tmp_path / "ekspor"
    if kind == "file":
        target.write_text("data penting\n")
    elif kind == "link to an export":
        real = tmp_path / "asli"
        assert _export_here(records, real) == 0
        target.symlink_to(real)
    else:
        target.mkdir()
        (tmp_path / "palsu").write_text("wksbm export\n")
        (target / ".wksbm-export").symlink_to(tmp_path / "palsu")
    before = _tree(tmp_path)
    code, err = _finish(_export(records, target, "--force"))
    assert code == 2
    assert "is not a folder that wksbm export wrote" in err
    assert _without_cache(_tree(tmp_path)) == _without_cache(before)


def test_forced_export_replaces_its_own_folder(tmp_path: Path) -> None:
    records = _records(tmp_path, ["Sidoarum"])
    target = tmp_path / "ekspor"
    assert _finish(_export(records, target))[0] == 0
    assert (target / ".wksbm-export").read_bytes().startswith(b"wksbm export\n")
    _records(tmp_path, ["Sidoarum", "Sidoluhur"])
    code, err = _finish(_export(records, target, "--force"))
    assert code == 0, err
    assert b"Sidoluhur" in (target / "organisasi.csv").read_bytes()
    assert _leftovers(tmp_path) == []


# ---------------------------------------------------------------- racing writers


@pytest.mark.parametrize("mode", ["exchange", "fallback"])
def test_of_six_racing_exports_exactly_one_wins(tmp_path: Path, mode: str) -> None:
    records = _records(tmp_path, ["Sidoarum", "Sidoluhur", "Sidomulyo"])
    target = tmp_path / "ekspor"
    start = time.time() + 2.0
    procs = [_export(records, target, mode=mode, start=start) for _ in range(6)]
    outcomes = [_finish(p) for p in procs]
    codes = sorted(code for code, _err in outcomes)
    assert codes == [0, 2, 2, 2, 2, 2], outcomes
    for code, err in outcomes:
        if code == 2:
            assert err.strip() == (
                f"wksbm: {target} already exists; not overwritten (use --force to replace it)"
            )
    names = sorted(p.name for p in target.iterdir())
    assert names == [
        ".wksbm-export",
        "kegiatan.csv",
        "kegiatan_peserta.csv",
        "narasumber.csv",
        "organisasi.csv",
        "pengurus.csv",
        "unsur.csv",
    ]
    assert (target / "organisasi.csv").read_text().count("\n") == 4
    assert _leftovers(tmp_path) == []


def test_six_racing_forced_exports_leave_one_whole_folder(tmp_path: Path) -> None:
    """Each checks the folder it replaces is the one it swapped out; a loser swaps back."""
    records = _records(tmp_path, ["Sidoarum", "Sidoluhur"])
    target = tmp_path / "ekspor"
    assert _export_here(records, target) == 0
    whole = _tree(target)
    start = time.time() + 2.0
    procs = [_export(records, target, "--force", start=start) for _ in range(6)]
    outcomes = [_finish(p) for p in procs]
    assert 0 in [code for code, _err in outcomes]
    for code, err in outcomes:
        assert code == 0 or (code == 2 and "changed while it was being replaced" in err), err
    assert _tree(target) == whole
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("mode", ["exchange", "fallback"])
def test_a_folder_appearing_during_the_export_is_left_alone(tmp_path: Path, mode: str) -> None:
    """Someone else creates the target while the tables are written: exit 2, theirs intact."""
    records = _records(tmp_path, ["Sidoarum"])
    target = tmp_path / "ekspor"
    code, err = _finish(_export(records, target, mode=mode, step="csv_text", when="foreign"))
    assert code == 2, err
    assert "already exists" in err
    assert _tree(target) == {"catatan/": b"", "catatan/rapat.txt": b"notulen rapat pengurus\n"}
    assert _leftovers(tmp_path) == []


# ---------------------------------------------------------------- a kill at every step

KILLS = [
    # (mode, step, when, nth call, what the target holds right after the kill)
    ("exchange", "csv_text", "after", 2, "old"),
    ("exchange", "_seal_folder", "after", 1, "old"),
    ("exchange", "_exchange", "before", 1, "old"),
    ("exchange", "_exchange", "after", 1, "new"),
    ("exchange", "_remove_tree", "mid", 1, "new"),
    ("fallback", "_seal_folder", "after", 1, "old"),
    ("fallback", "_move", "after", 1, "aside"),
    ("fallback", "_move", "after", 2, "new"),
    ("fallback", "_remove_tree", "mid", 1, "new"),
]


@pytest.mark.parametrize(("mode", "step", "when", "count", "expect"), KILLS)
def test_a_kill_at_any_step_leaves_the_old_or_the_new_folder_whole(
    tmp_path: Path, mode: str, step: str, when: str, count: int, expect: str
) -> None:
    records = _records(tmp_path, ["Sidoarum"])
    target = tmp_path / "ekspor"
    assert _export_here(records, target) == 0
    old = _tree(target)
    _records(tmp_path, ["Sidoarum", "Sidoluhur", "Sidomoyo"])
    assert _export_here(records, tmp_path / "harapan") == 0
    new = _tree(tmp_path / "harapan")
    assert new != old

    code, err = _finish(
        _export(records, target, "--force", mode=mode, step=step, when=when, count=count)
    )
    assert code == -signal.SIGKILL, err
    if expect == "aside":
        # Without RENAME_EXCHANGE, between the two renames: the old folder whole, set aside.
        assert not target.exists()
        aside = [tmp_path / n for n in _leftovers(tmp_path) if n.endswith(".old")]
        assert len(aside) == 1 and _tree(aside[0]) == old
        # The next run (even without --force) puts it back before anything else.
        code, err = _finish(_export(records, target, mode=mode))
        assert code == 2 and "already exists" in err
        assert _tree(target) == old
    else:
        assert _tree(target) == (old if expect == "old" else new)
    # The next forced export cleans the dead writer's leftovers and writes the new folder.
    assert _export_here(records, target, "--force") == 0
    assert _tree(target) == new
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_killed_first_export_without_the_swap_blocks_nothing(tmp_path: Path, when: str) -> None:
    """Killed holding the lock around its rename: no folder or a whole one, and the next export
    takes over the dead writer's lock and removes its leftovers."""
    records = _records(tmp_path, ["Sidoarum"])
    target = tmp_path / "ekspor"
    code, err = _finish(_export(records, target, mode="fallback", step="_move", when=when))
    assert code == -signal.SIGKILL, err
    assert ".ekspor.wksbm-lock" in _leftovers(tmp_path)
    if when == "before":
        assert not target.exists()
        code, err = _finish(_export(records, target, mode="fallback"))
        assert code == 0, err
    else:
        code, err = _finish(_export(records, target, "--force", mode="fallback"))
        assert code == 0, err
    assert (target / "organisasi.csv").read_text().count("\n") == 2
    assert _leftovers(tmp_path) == []


def test_leftovers_of_a_live_writer_are_not_touched(tmp_path: Path) -> None:
    from wksbm_cli import write

    records = _records(tmp_path, ["Sidoarum"])
    target = tmp_path / "ekspor"
    live = tmp_path / f".ekspor.wksbm-{write._owner()}-0000beef.tmp"
    live.mkdir()
    (live / ".wksbm-export").write_bytes(write.MARKER_TEXT)
    (live / "organisasi.csv").write_text("id\n")
    assert _finish(_export(records, target))[0] == 0
    assert live.is_dir() and (live / "organisasi.csv").exists()


def test_private_export_folder_is_owner_only(tmp_path: Path) -> None:
    records = _records(tmp_path, ["Sidoarum"])
    (records / "wksbm.yaml").write_text(CONFIG.replace("publik", "internal"))
    target = tmp_path / "ekspor"
    code, err = _finish(_export(records, target))
    assert code == 0, err
    assert target.stat().st_mode & 0o777 == 0o700
    assert {p.stat().st_mode & 0o777 for p in target.iterdir()} == {0o600}
