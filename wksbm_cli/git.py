"""The few questions wksbm asks git, each one subprocess with ``-z`` output and a timeout.

CI decides what a pull request touched, and ``wksbm diff`` reads the records as they were at the
base, without a checkout. Every failure becomes one clear :class:`WksbmError` line (not a git
repository, an unknown ref, a shallow clone that lacks the base), never a traceback.
"""

from __future__ import annotations

import functools
import os
import subprocess
from dataclasses import dataclass, field

from wksbm_cli.errors import WksbmError

TIMEOUT = 60.0


def _run(cwd: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise WksbmError(
            "git tidak ditemukan; pasang git untuk memakai opsi ini",
            "git is not installed; it is needed for this option",
        ) from None
    except subprocess.TimeoutExpired:
        raise WksbmError(
            f"git {args[0]} tidak selesai dalam {TIMEOUT:.0f} detik",
            f"git {args[0]} did not finish within {TIMEOUT:.0f} seconds",
        ) from None
    if check and done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        line = detail[-1] if detail else f"exit {done.returncode}"
        raise WksbmError(f"git {args[0]} gagal: {line}", f"git {args[0]} failed: {line}")
    return done


def toplevel(folder: str) -> str:
    """The work tree's root; one line of error when ``folder`` is not in a git repository."""
    done = _run(folder, "rev-parse", "--show-toplevel", check=False)
    if done.returncode != 0:
        shown = os.path.relpath(folder)
        raise WksbmError(
            f"{shown} bukan bagian dari repositori git",
            f"{shown} is not inside a git repository",
        )
    return done.stdout.decode("utf-8", "surrogateescape").rstrip("\n")


@functools.lru_cache(maxsize=8)
def toplevel_or_none(folder: str) -> str | None:
    """The work tree's root if ``folder`` is in one (for showing repository paths), else None."""
    try:
        return toplevel(folder)
    except WksbmError:
        return None


def resolve(folder: str, ref: str) -> str:
    """The commit ``ref`` names. A missing ref in a shallow clone gets the fix in the message."""
    toplevel(folder)
    if ref.startswith("-"):
        raise WksbmError(f"ref git tidak dikenal: {ref}", f"unknown git ref: {ref}")
    done = _run(
        folder,
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        f"{ref}^{{commit}}",
        check=False,
    )
    if done.returncode == 0:
        return done.stdout.decode("ascii").strip()
    shallow = _run(folder, "rev-parse", "--is-shallow-repository", check=False)
    if shallow.stdout.decode("ascii", "replace").strip() == "true":
        raise WksbmError(
            f"ref git {ref} tidak ada di klon dangkal ini; ambil riwayatnya"
            " (actions/checkout dengan fetch-depth: 0, atau git fetch --unshallow)",
            f"git ref {ref} is not in this shallow clone; fetch the history"
            " (actions/checkout with fetch-depth: 0, or git fetch --unshallow)",
        )
    raise WksbmError(f"ref git tidak dikenal: {ref}", f"unknown git ref: {ref}")


@dataclass
class Changes:
    """Paths relative to the folder asked about, ``/`` separated."""

    changed: set[str] = field(default_factory=set)  # added, modified, renamed-to, untracked
    deleted: set[str] = field(default_factory=set)  # deleted, renamed-from


def _split_z(data: bytes) -> list[str]:
    return [part.decode("utf-8", "surrogateescape") for part in data.split(b"\0") if part]


def changes_since(folder: str, ref: str) -> Changes:
    """What differs between ``ref`` and the working tree under ``folder`` (renames followed)."""
    commit = resolve(folder, ref)
    out = Changes()
    done = _run(folder, "diff", "--name-status", "-z", "-M", "--relative", commit, "--")
    parts = _split_z(done.stdout)
    i = 0
    while i < len(parts):
        status = parts[i]
        if status[:1] in ("R", "C"):
            old, new = parts[i + 1], parts[i + 2]
            if status[0] == "R":
                out.deleted.add(old)
            out.changed.add(new)
            i += 3
            continue
        path = parts[i + 1]
        if status[:1] == "D":
            out.deleted.add(path)
        else:
            out.changed.add(path)
        i += 2
    untracked = _run(folder, "ls-files", "--others", "--exclude-standard", "-z")
    out.changed.update(_split_z(untracked.stdout))
    return out


def tree_files(folder: str, commit: str) -> list[str]:
    """Every file under ``folder`` in ``commit``, relative to ``folder``."""
    done = _run(folder, "ls-tree", "-r", "-z", "--name-only", commit, "--", ".")
    return _split_z(done.stdout)


def show_file(folder: str, commit: str, rel: str) -> bytes:
    """The bytes of ``rel`` (relative to ``folder``) as committed in ``commit``."""
    return _run(folder, "show", f"{commit}:./{rel}").stdout


def show_files(folder: str, commit: str, rels: list[str]) -> dict[str, bytes]:
    """Many files of ``commit`` at once through one ``cat-file --batch`` (one process, not one
    per file); names that cannot travel on a line fall back to :func:`show_file`."""
    prefix = _run(folder, "rev-parse", "--show-prefix").stdout.decode("utf-8", "surrogateescape")
    prefix = prefix.rstrip("\n")
    simple = [r for r in rels if "\n" not in r and "\r" not in r]
    out: dict[str, bytes] = {}
    if simple:
        request = "".join(f"{commit}:{prefix}{r}\n" for r in simple)
        data = _run_input(folder, request.encode("utf-8", "surrogateescape"), "cat-file", "--batch")
        pos = 0
        for rel in simple:
            end = data.index(b"\n", pos)
            header = data[pos:end].split(b" ")
            pos = end + 1
            if len(header) != 3 or header[1] != b"blob":
                continue
            size = int(header[2])
            out[rel] = data[pos : pos + size]
            pos += size + 1
    for rel in rels:
        if rel not in out and rel not in simple:
            out[rel] = show_file(folder, commit, rel)
    return out


def _run_input(cwd: str, data: bytes, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=data, capture_output=True, timeout=TIMEOUT, check=False
        )
    except (FileNotFoundError, subprocess.TimeoutExpired):
        raise WksbmError(
            f"git {args[0]} gagal atau tidak selesai", f"git {args[0]} failed or did not finish"
        ) from None
    if done.returncode != 0:
        raise WksbmError(f"git {args[0]} gagal", f"git {args[0]} failed")
    return done.stdout
