"""The toolkit's only door to git: a few plumbing commands, NUL-separated output, timeouts.

Everything that reads history goes through here, so a missing git binary, a folder outside any
repository or a hung process becomes one clear ``WksbmError`` (or a plain "not a repository"
answer) in one place, never a traceback. Nothing here checks out or writes anything.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass

from wksbm_cli.errors import WksbmError

TIMEOUT = 60.0


@dataclass(frozen=True, slots=True)
class Commit:
    sha: str
    when: dt.datetime  # committer date, with the committer's own offset


@dataclass(frozen=True, slots=True)
class Blob:
    path: str  # relative to the folder asked about, "/" separated
    sha: str


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"})
    return env


def run(cwd: str, *args: str, stdin: bytes | None = None) -> bytes:
    """``git args`` in ``cwd``; its stdout, or a ``WksbmError`` naming the command."""
    cmd = ("git", "-c", "core.quotepath=off", *args)
    try:
        done = subprocess.run(
            cmd,
            cwd=cwd,
            input=stdin,
            capture_output=True,
            timeout=TIMEOUT,
            env=_env(),
            check=False,
        )
    except FileNotFoundError:
        raise WksbmError("git tidak ditemukan", "git is not installed") from None
    except subprocess.TimeoutExpired:
        raise WksbmError(
            f"git {args[0]} tidak selesai dalam {TIMEOUT:.0f} detik",
            f"git {args[0]} did not finish within {TIMEOUT:.0f} seconds",
        ) from None
    except OSError as exc:
        raise WksbmError(f"git gagal: {exc}", f"git failed: {exc}") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        line = detail[-1] if detail else f"exit {done.returncode}"
        raise WksbmError(f"git {args[0]} gagal: {line}", f"git {args[0]} failed: {line}")
    return done.stdout


def repo_prefix(folder: str) -> str | None:
    """The folder's path inside its repository ("" at the top, "records/" below it), or None
    when the folder is not inside a git work tree (or git is missing)."""
    try:
        inside = run(folder, "rev-parse", "--is-inside-work-tree").strip()
        if inside != b"true":
            return None
        return run(folder, "rev-parse", "--show-prefix").decode("utf-8").strip()
    except WksbmError:
        return None


def is_shallow(folder: str) -> bool:
    """A shallow clone (CI checkouts often are) lacks the older commits a year's report needs."""
    try:
        return run(folder, "rev-parse", "--is-shallow-repository").strip() == b"true"
    except WksbmError:
        return False


def commits(folder: str) -> list[Commit]:
    """Every commit reachable from HEAD, newest first; [] in a repository without commits."""
    try:
        run(folder, "rev-parse", "--verify", "-q", "HEAD")
    except WksbmError:
        return []
    out = run(folder, "log", "-z", "--format=%H %cI", "HEAD")
    found = []
    for item in out.split(b"\0"):
        text = item.decode("ascii", "replace").strip()
        if not text:
            continue
        sha, _, when = text.partition(" ")
        found.append(Commit(sha, dt.datetime.fromisoformat(when)))
    return found


def tree_blobs(folder: str, commit: str, prefix: str) -> list[Blob]:
    """The regular files under ``prefix`` in ``commit`` (links and submodules left out)."""
    args = ["ls-tree", "-r", "-z", "--full-tree", commit]
    if prefix:
        args += ["--", prefix.rstrip("/")]
    out = run(folder, *args)
    blobs = []
    for item in out.split(b"\0"):
        if not item:
            continue
        meta, _, path = item.partition(b"\t")
        mode, kind, sha = meta.decode("ascii").split()
        if kind != "blob" or mode not in ("100644", "100755"):
            continue
        name = path.decode("utf-8", "surrogateescape")
        rel = name[len(prefix) :] if prefix and name.startswith(prefix) else name
        blobs.append(Blob(rel, sha))
    return blobs


def read_blobs(folder: str, shas: Iterable[str], limit: int) -> dict[str, bytes | None]:
    """The contents of many blobs in one ``git cat-file --batch`` process; a blob over ``limit``
    bytes maps to None (too large to read, as on disk)."""
    wanted = list(dict.fromkeys(shas))
    if not wanted:
        return {}
    out = run(folder, "cat-file", "--batch", stdin="".join(s + "\n" for s in wanted).encode())
    found: dict[str, bytes | None] = {}
    pos = 0
    for sha in wanted:
        end = out.index(b"\n", pos)
        header = out[pos:end].decode("ascii").split()
        pos = end + 1
        if len(header) < 3 or header[1] != "blob":
            found[sha] = None
            continue
        size = int(header[2])
        data = out[pos : pos + size]
        pos += size + 1
        found[sha] = data if size <= limit else None
    return found


def clean_blobs(folder: str) -> dict[str, str]:
    """Path (relative to ``folder``) -> blob id of the tracked files under ``folder`` whose
    work-tree copy is unchanged since the index: the files whose content git already knows."""
    staged = run(folder, "ls-files", "-s", "-z", "--", ".")
    out: dict[str, str] = {}
    for item in staged.split(b"\0"):
        if not item:
            continue
        meta, _, path = item.partition(b"\t")
        mode, sha, stage = meta.decode("ascii").split()
        if stage == "0" and mode in ("100644", "100755"):
            out[path.decode("utf-8", "surrogateescape")] = sha
    changed = run(folder, "ls-files", "-m", "-d", "-z", "--", ".")
    for item in changed.split(b"\0"):
        out.pop(item.decode("utf-8", "surrogateescape"), None)
    return out
