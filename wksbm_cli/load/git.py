"""The toolkit's only door to git: a few plumbing commands, NUL-separated output, timeouts.

CI decides what a pull request touched, ``wksbm diff`` reads the records as they were at the base,
and the yearly report reads the records as they were at the turn of the year, all without a
checkout. A missing git binary, a folder outside any repository, an unknown ref, a shallow clone
or a hung process becomes one clear ``WksbmError`` line in one place, never a traceback. Nothing
here checks out or writes anything.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from wksbm_cli.errors import WksbmError
from wksbm_cli.load.programs import Finished, ProgramTimeout, run_program

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


def _completed(cwd: str, *args: str, stdin: bytes | None = None) -> Finished:
    try:
        return run_program(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            stdin=stdin,
            timeout=TIMEOUT,
            env=_env(),
        )
    except FileNotFoundError:
        raise WksbmError("git.missing") from None
    except ProgramTimeout:
        raise WksbmError("git.timeout", command=args[0], seconds=f"{TIMEOUT:.0f}") from None
    except OSError as exc:
        raise WksbmError("git.failed", detail=str(exc)) from None


def _failure(done: Finished, command: str) -> WksbmError:
    detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
    line = detail[-1] if detail else f"exit {done.returncode}"
    return WksbmError("git.command-failed", command=command, detail=line)


def run(cwd: str, *args: str, stdin: bytes | None = None) -> bytes:
    """``git args`` in ``cwd``; its stdout, or a ``WksbmError`` naming the command."""
    done = _completed(cwd, *args, stdin=stdin)
    if done.returncode != 0:
        raise _failure(done, args[0])
    return done.stdout


def _run(cwd: str, *args: str, check: bool = True) -> Finished:
    """Like :func:`run`, but hands back the exit status when ``check`` is false."""
    done = _completed(cwd, *args)
    if check and done.returncode != 0:
        raise _failure(done, args[0])
    return done


def toplevel(folder: str) -> str:
    """The work tree's root; one line of error when ``folder`` is not in a git repository."""
    done = _run(folder, "rev-parse", "--show-toplevel", check=False)
    if done.returncode != 0:
        raise WksbmError("git.not-a-repository", folder=os.path.relpath(folder))
    return done.stdout.decode("utf-8", "surrogateescape").rstrip("\n")


@functools.lru_cache(maxsize=8)
def toplevel_or_none(folder: str) -> str | None:
    """The work tree's root if ``folder`` is in one (for showing repository paths), else None."""
    try:
        return toplevel(folder)
    except WksbmError:
        return None


def repository_root(folder: str, workspace: str | None = None) -> str | None:
    """The root CI annotations' paths are relative to: ``workspace`` when given (the CLI
    passes ``GITHUB_WORKSPACE``), else the git work tree holding ``folder``, else None."""
    return workspace or toplevel_or_none(folder)


def resolve(folder: str, ref: str) -> str:
    """The commit ``ref`` names. A missing ref in a shallow clone gets the fix in the message."""
    toplevel(folder)
    if ref.startswith("-"):
        raise WksbmError("git.unknown-ref", ref=ref)
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
    raise WksbmError("git.shallow-ref" if _shallow(folder) else "git.unknown-ref", ref=ref)


def _shallow(folder: str) -> bool:
    """A shallow clone (CI's default checkout) lacks history: the fix goes in the message."""
    done = _run(folder, "rev-parse", "--is-shallow-repository", check=False)
    return done.stdout.decode("ascii", "replace").strip() == "true"


def merge_base(folder: str, ref: str) -> str:
    """Where the current branch left ``ref``: ``git merge-base REF HEAD``. A branch is judged
    on what it changed since then, not on what ``ref`` changed later (a file fixed or deleted
    on main after the branch started is no business of the branch). Without a HEAD (no commit
    yet) the ref itself is the base."""
    commit = resolve(folder, ref)
    head = _run(folder, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False)
    if head.returncode != 0:
        return commit
    done = _run(folder, "merge-base", commit, "HEAD", check=False)
    if done.returncode == 0:
        return done.stdout.decode("ascii").strip()
    if done.returncode != 1:
        raise _failure(done, "merge-base")
    raise WksbmError("git.shallow-merge-base" if _shallow(folder) else "git.no-merge-base", ref=ref)


def base_commit(folder: str, ref: str, against_tip: bool = False) -> str:
    """The commit a change is compared with: the merge-base, or ``ref``'s tip if asked."""
    return resolve(folder, ref) if against_tip else merge_base(folder, ref)


def show_config(folder: str, commit: str) -> bytes | None:
    """``wksbm.yaml`` of ``folder`` as committed in ``commit`` (None: it had none)."""
    done = _run(folder, "cat-file", "-e", f"{commit}:./wksbm.yaml", check=False)
    if done.returncode != 0:
        return None
    return show_file(folder, commit, "wksbm.yaml")


@dataclass
class Changes:
    """Paths relative to the folder asked about, ``/`` separated."""

    changed: set[str] = field(default_factory=set)  # added, modified, renamed-to, untracked
    deleted: set[str] = field(default_factory=set)  # deleted, renamed-from


def _split_z(data: bytes) -> list[str]:
    return [part.decode("utf-8", "surrogateescape") for part in data.split(b"\0") if part]


def changes_since(folder: str, ref: str, against_tip: bool = False) -> Changes:
    """What differs between the merge-base of ``ref`` and HEAD (or ``ref``'s tip, with
    ``against_tip``) and the working tree under ``folder`` (renames followed)."""
    return changes_from(folder, base_commit(folder, ref, against_tip))


def changes_from(folder: str, commit: str) -> Changes:
    """What differs between ``commit`` and the working tree under ``folder``."""
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
        data = run(folder, "cat-file", "--batch", stdin=request.encode("utf-8", "surrogateescape"))
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


def commits(folder: str, first_parent: bool = False) -> list[Commit]:
    """Every commit reachable from HEAD, newest first; [] in a repository without commits.
    ``first_parent``: only the main line (a merge's first parent), in its own order."""
    try:
        run(folder, "rev-parse", "--verify", "-q", "HEAD")
    except WksbmError:
        return []
    line = ["--first-parent"] if first_parent else []
    out = run(folder, "log", "-z", *line, "--format=%H %cI", "HEAD")
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
