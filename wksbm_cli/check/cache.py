"""``.wksbm_cache/summary``: the last run, so that the next one rechecks only what changed.

One file holds the run summary: for each record file its stat (size, mtime_ns, inode, ctime_ns),
the blake2b of its bytes and its result (problems and the record's compact facts), plus the run's
final problems. A file is reused only when everything its result depends on is unchanged: its
stat (a file changed within two seconds of being checked may share its stat with the old
content, so its bytes are hashed instead), the tool version and code, the YAML engine, the
folder configuration, the rule selection, the region data and the day it is judged as of. When
no file was added, removed or changed, the final problems are replayed as they are: nothing is
parsed and no folder rule runs. A partial change rechecks the changed files and reruns the
folder rules on the facts of all. Anything else is a miss, and a miss only costs the work the
cache would have saved.

The summary is written whole through ``atomic_write`` (temporary file + ``os.replace``): two
runs at once can only replace it by another complete one. It carries a keyed hash (blake2b)
under a secret kept in the user's own cache folder, not in the records folder: a summary someone
else wrote (a committed or planted cache) fails the check and is ignored like a corrupt one, so
it cannot hide a problem. Nothing here raises: a summary that cannot be read is rebuilt, one
that cannot be written is skipped.

It is read like a record, through ``read_bytes`` (no link followed, no FIFO or device opened,
size capped), so a summary planted as a link to ``/dev/zero`` or as a FIFO is a miss, not a hang
or a 4 GB read. A cache folder that git tracks came with the checkout, not from this machine: it
is neither read nor written, and the run says so once.

The files' results are kept in a section of their own, parsed only when a file must be looked
up: an unchanged folder never builds a per-file object, and a partial change decodes the facts,
not whole documents.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import hmac
import json
import os
import secrets
import stat
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

import wksbm_cli
from wksbm_cli.check.cache_codec import (
    Unsupported,
    decode,
    decode_problem,
    encode,
    encode_problem,
)
from wksbm_cli.check.results import FileResult, content_digest, shown_path
from wksbm_cli.core.bulk import without_cycle_collector
from wksbm_cli.core.problem import Problem
from wksbm_cli.core.user_cache import user_cache_dir
from wksbm_cli.errors import WksbmError
from wksbm_cli.load import git
from wksbm_cli.load.files import CONFIG_NAME, Entry, read_bytes
from wksbm_cli.load.yamldoc import ENGINE
from wksbm_cli.model.records import Config
from wksbm_cli.regions import reference
from wksbm_cli.write import atomic_write

CACHE_DIR = ".wksbm_cache"
SUMMARY = "summary"
FORMAT = 2
HEADER = b"wksbm-summary 2\n"
#: A file changed within this long of being checked may share its mtime with the old content
#: (coarse file-system clocks): its bytes are hashed rather than trusting its stat.
RACY_NS = 2_000_000_000
#: The summary is a few hundred bytes per file (more for files with many problems); one far
#: past this bound for the folder's size was not written by wksbm and is not read.
LIMIT_BASE = 32 * 1024 * 1024
LIMIT_PER_FILE = 16 * 1024
SECRET_BYTES = 32
#: A result without a digest may still be kept: the file was too large to read, which its size
#: (part of the stat) decides.
STAT_ONLY = frozenset({"file-too-large"})

#: [size, mtime_ns, inode, ctime_ns, checked_ns, digest]; the result itself is kept apart
Item = list[Any]


def disabled_by_env() -> bool:
    return os.environ.get("WKSBM_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no")


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The installed code itself (each module's size and mtime), so that a changed rule or
    message invalidates cached results even when the version number did not move (a
    development install, a patched copy). One stat per module: well under a millisecond."""
    package = os.path.dirname(os.path.abspath(wksbm_cli.__file__))
    digest = hashlib.blake2b(digest_size=16)
    for folder, dirs, files in os.walk(package):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns};".encode())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Off:
    """Why the cache is not used this run: a message id and its arguments, shown once."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)


def _secret_path() -> tuple[str, str]:
    folder = user_cache_dir()
    return folder, os.path.join(folder, "secret")


def _read_secret(path: str) -> bytes | None:
    data, _ = read_bytes(path, 256)
    return data[:SECRET_BYTES] if data is not None and len(data) >= SECRET_BYTES else None


def user_secret() -> bytes | Off:
    """The per-user key of the summary's keyed hash, created on first use (mode 0600).

    A secret file that is too short (left empty by a full disk, truncated) is replaced whole:
    the fresh key is written to a temporary file and renamed over it, so a reader sees the old
    file or the complete new one. Two runs doing this at once each read back the file that won,
    so they agree on the key; a summary signed with a lost key is merely a miss.
    """
    folder, path = _secret_path()
    secret = _read_secret(path)
    if secret is not None:
        return secret
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        exists = os.path.lexists(path)
        temp = f"{path}.{secrets.token_hex(6)}.tmp"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(SECRET_BYTES))
                handle.flush()
                os.fsync(handle.fileno())
            if exists:
                os.replace(temp, path)
            else:
                try:
                    os.link(temp, path)  # not over a key a racing first run just made
                except FileExistsError:
                    pass
                except OSError:  # no hard links here (vfat, some network shares)
                    os.replace(temp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    except OSError as exc:
        return Off("cache.off-secret", {"file": path, "reason": exc.strerror or str(exc)})
    secret = _read_secret(path)
    if secret is None:
        return Off("cache.off-secret", {"file": path, "reason": "unreadable"})
    return secret


def tracked_by_git(root: str) -> bool:
    """True when git tracks anything in the cache folder: it then came with the checkout."""

    try:
        return bool(git.run(root, "ls-files", "--cached", "-z", "--", CACHE_DIR))
    except WksbmError:
        return False  # no git, or not a repository: nothing can be committed


@dataclass
class Replay:
    """A run answered from the summary: the final problems (not narrowed to any paths yet)
    and the unreadable record files, both by path relative to the records root."""

    problems: list[tuple[str, Problem]]
    unreadable: dict[str, str]


def rel_of_shown(shown_root: str, shown: str) -> str | None:
    """The path relative to the records root of a shown path, or None if it is not under it."""
    if shown_root in ("", "."):
        return shown
    prefix = shown_root + "/"
    return shown[len(prefix) :] if shown.startswith(prefix) else None


class Cache:
    """The run summary of one records folder under one key (see the module's docstring).

    On disk: a header line; the keyed hash of the index and the index (key, a hash of the
    walk's listing with every file's stat, the files changed too recently to trust on their
    stat, the final problems) on one line each; then the keyed hash of the rest, each file's
    stat and digest, and each file's result. An unchanged folder parses only the index."""

    def __init__(
        self, folder: str, root: str, shown_root: str, key: str, secret: bytes, limit: int
    ) -> None:
        self.folder = folder
        self.root = root
        self.shown_root = shown_root
        self.key = key
        self.secret = secret
        self.limit = limit
        self.started_ns = time.time_ns()
        self.index: dict[str, Any] = {}
        self.rest = b""  # the per-file sections, checked and parsed only when needed
        self.parsed = False
        self.stored: dict[str, Item] = {}
        self.results: dict[str, Any] = {}
        self.keep: dict[str, Item] = {}  # rel -> the item to write back for a reused file
        self.loaded = False

    @classmethod
    def open(
        cls,
        root: str,
        shown_root: str,
        config: Config,
        today: dt.date,
        selection: Collection[str] = (),
    ) -> Cache | Off | None:
        """The cache of ``root``; else why not (``Off``, to be said once), or None when there
        is nothing worth saying (turned off, not writable). ``selection``: the rule ids this
        run judges by."""
        if disabled_by_env():
            return None
        folder = os.path.join(root, CACHE_DIR)
        try:
            info = os.lstat(folder)
            if not stat.S_ISDIR(info.st_mode):
                return None  # a link or a file in its place: leave it alone
            if tracked_by_git(root):
                return Off("cache.off-tracked", {"folder": shown_path(shown_root, CACHE_DIR)})
        except FileNotFoundError:
            try:
                os.mkdir(folder)
            except OSError:
                return None
        except OSError:
            return None
        if not os.access(folder, os.W_OK | os.X_OK):
            return None
        _ignore_file(folder)
        secret = user_secret()
        if isinstance(secret, Off):
            return secret
        parts = [
            FORMAT,
            wksbm_cli.__version__,
            code_fingerprint(),
            ENGINE,
            config.fingerprint(),
            today.isoformat(),
            sorted(selection),
            reference.data_version(),
        ]
        key = hashlib.blake2b(json.dumps(parts).encode(), digest_size=16).hexdigest()
        return cls(folder, root, shown_root, key, secret, config.ukuran_berkas_maks)

    @property
    def path(self) -> str:
        return os.path.join(self.folder, SUMMARY)

    def _mac(self, payload: bytes) -> bytes:
        return hashlib.blake2b(payload, key=self.secret, digest_size=32).hexdigest().encode()

    def load(self, entries: Sequence[Entry]) -> None:
        """Read the summary once (bounded by the folder's size) and check its index; a bad
        one reads as empty."""
        if self.loaded:
            return
        self.loaded = True
        limit = LIMIT_BASE + LIMIT_PER_FILE * len(entries)
        try:
            raw, _ = read_bytes(self.path, limit)
            if raw is None or not raw.startswith(HEADER):
                return
            mac, index_text, rest = raw[len(HEADER) :].split(b"\n", 2)
            del raw
            if not hmac.compare_digest(mac, self._mac(index_text)):
                return
            index = json.loads(index_text)
            if not isinstance(index, dict) or index.get("key") != self.key:
                return
            if not isinstance(index.get("nonce"), str):
                return
            self.index, self.rest = index, rest
        except (OSError, ValueError, RecursionError):
            return

    def _parse(self) -> None:
        """The per-file sections, checked against the index they were written with."""
        if self.parsed:
            return
        self.parsed = True
        if not self.index:
            return
        try:
            mac, signed = self.rest.split(b"\n", 1)
            nonce = self.index["nonce"].encode()
            if not hmac.compare_digest(mac, self._mac(nonce + b"\n" + signed)):
                return
            files_text, results_text = signed.split(b"\n", 1)
            files, results = json.loads(files_text), json.loads(results_text)
            if isinstance(files, dict) and isinstance(results, dict):
                self.stored, self.results = files, results
        except (ValueError, RecursionError, KeyError):
            return

    def _item(self, entry: Entry) -> Item | None:
        """The stored item of an unchanged file (its checked time renewed when its bytes had
        to be hashed), or None."""
        if entry.issue is not None or entry.stat is None:
            return None
        item = self.stored.get(entry.rel)
        try:
            size, mtime_ns, inode, ctime_ns, checked_ns, digest = item  # type: ignore[misc]
            if [size, mtime_ns, inode, ctime_ns] != list(entry.stat):
                return None
            if mtime_ns >= checked_ns - RACY_NS:  # as git: racy by mtime, matched with ctime
                if not self._same_bytes(entry.rel, digest):
                    return None
                return [*entry.stat, self.started_ns, digest]
        except (TypeError, ValueError):
            return None
        return item

    def _same_bytes(self, rel: str, digest: str) -> bool:
        if not digest:
            return False
        data, _ = read_bytes(os.path.join(self.root, rel), self.limit)
        return data is not None and content_digest(data) == digest

    def replay(self, entries: Sequence[Entry]) -> Replay | None:
        """The whole run from the summary, when the walk lists the same paths with the same
        stat (files changed too recently to trust on it: with the same bytes) and
        ``wksbm.yaml`` is the same."""
        self.load(entries)
        final = self.index.get("final")
        if not isinstance(final, dict) or self.index.get("listing") != _listing(entries):
            return None
        if final.get("config") != _config_digest(self.root):
            return None
        try:
            racy = self.index["racy"]
            if not all(self._same_bytes(rel, digest) for rel, digest in racy):
                return None
            with without_cycle_collector():
                problems = [
                    (rel, decode_problem(data, shown_path(self.shown_root, rel)))
                    for rel, *data in final["problems"]
                ]
            unreadable = {str(k): str(v) for k, v in final["unreadable"].items()}
        except Exception:
            return None
        return Replay(problems, unreadable)

    def lookup_all(
        self, entries: Sequence[Entry], records: bool = False
    ) -> list[FileResult | None]:
        """Stored results (None for a miss). With ``records``, only results that kept their
        whole record count."""
        self.load(entries)
        self._parse()
        found: list[FileResult | None] = [None] * len(entries)
        with without_cycle_collector():
            self._lookup_into(found, entries, records)
        return found

    def _lookup_into(
        self, found: list[FileResult | None], entries: Sequence[Entry], records: bool
    ) -> None:
        for i, entry in enumerate(entries):
            item = self._item(entry)
            if item is None:
                continue
            data: Any = self.results.get(entry.rel)
            try:
                if records and len(data) < 5:
                    continue
                shown = shown_path(self.shown_root, entry.rel)
                found[i] = decode(data, entry.rel, shown, record=records)
            except Exception:
                continue  # missing or malformed: computed afresh and rewritten
            self.keep[entry.rel] = item

    def save_replayed(self, entries: Sequence[Entry]) -> None:
        """After a replay: the files that were too recent to trust on their stat and are
        now old enough leave that list (their bytes were just found the same)."""
        racy = [[rel, digest] for rel, digest in self.index.get("racy", [])]
        if not racy:
            return
        mtimes = {e.rel: e.stat[1] for e in entries if e.stat is not None}
        still = [[rel, d] for rel, d in racy if mtimes.get(rel, 0) >= self._racy_since]
        if still == racy:
            return
        self._write(dict(self.index, racy=still), [self.rest], len(entries))

    @property
    def _racy_since(self) -> int:
        return self.started_ns - RACY_NS

    def save(
        self,
        entries: Sequence[Entry],
        results: Sequence[FileResult],
        problems: Sequence[Problem] | None,
        unreadable: dict[str, str],
    ) -> None:
        """Write the summary back when anything in it changed; silently skipped if that fails.
        ``problems``: the run's final problems, None when they are not the whole folder's.

        Each file's result is turned into JSON text on its own, so that memory holds the
        text, never a second tree of objects for the whole folder."""
        self._parse()
        files: dict[str, Item] = {}
        kept: list[bytes] = []
        racy: list[list[str]] = []
        same = True
        for entry, result in zip(entries, results, strict=True):
            if entry.issue is not None or entry.stat is None:
                continue
            item = self.keep.get(entry.rel)
            if item is not None:
                value = self.results[entry.rel]
            else:
                value = self._fresh(result)
                if value is None:
                    if entry.stat[1] >= self._racy_since:
                        racy.append([entry.rel, ""])  # cannot be replayed while recent
                    continue
                item = [*entry.stat, self.started_ns, result.digest]
            kept.append(_dumps(entry.rel) + b":" + _dumps(value))
            if entry.stat[1] >= self._racy_since:
                racy.append([entry.rel, item[5]])
            files[entry.rel] = item
            same = same and self.stored.get(entry.rel) is item
        same = same and len(files) == len(self.stored)
        listing = _listing(entries)
        old_final = self.index.get("final")
        if problems is None:  # the old final stands only for the very same files
            final = old_final if same and self.index.get("listing") == listing else None
        else:
            final = self._final(problems, unreadable)
        index = {"key": self.key, "listing": listing, "racy": racy, "final": final}
        if same and all(self.index.get(k) == v for k, v in index.items()):
            return  # a settled run writes nothing
        nonce = secrets.token_hex(8)
        parts = [_dumps(files), b"\n{", b",".join(kept), b"}"]
        del files, kept
        mac = hashlib.blake2b(key=self.secret, digest_size=32)
        for part in (nonce.encode(), b"\n", *parts):
            mac.update(part)
        self._write(
            dict(index, nonce=nonce), [mac.hexdigest().encode(), b"\n", *parts], len(entries)
        )

    def _write(self, index: dict[str, Any], rest: list[bytes], count: int) -> None:
        index_text = _dumps(index)
        head = [HEADER, self._mac(index_text), b"\n", index_text, b"\n"]
        if sum(map(len, head)) + sum(map(len, rest)) > LIMIT_BASE + LIMIT_PER_FILE * count:
            return  # it would not be read back
        data = b"".join(head + rest)
        del rest
        with contextlib.suppress(OSError, WksbmError):
            atomic_write(self.path, data, force=True)

    def _fresh(self, result: FileResult) -> list[Any] | None:
        if not result.digest and not any(p.rule in STAT_ONLY for p in result.problems):
            return None
        try:
            return encode(result, record=result.record is not None)
        except Unsupported:
            return None

    def _final(self, problems: Sequence[Problem], unreadable: dict[str, str]) -> Any:
        stored = []
        for p in problems:
            rel = rel_of_shown(self.shown_root, p.file)
            if rel is None:
                return None
            stored.append([rel, *encode_problem(p)])
        unread: dict[str, str] = {}
        for shown, rule in unreadable.items():
            rel = rel_of_shown(self.shown_root, shown)
            if rel is None:
                return None
            unread[rel] = rule
        return {"config": _config_digest(self.root), "problems": stored, "unreadable": unread}


def _listing(entries: Sequence[Entry]) -> str:
    """A hash of the walk: every path, what it is, and every file's stat."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(
        "\n".join(f"{e.rel}\0{e.kind}\0{e.issue}\0{e.what}\0{e.stat}" for e in entries).encode(
            "utf-8", "surrogatepass"
        )
    )
    return digest.hexdigest()


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _config_digest(root: str) -> str:
    """The exact bytes of ``wksbm.yaml``: findings on it carry its line numbers, which its
    parsed form does not."""
    data, _ = read_bytes(os.path.join(root, CONFIG_NAME), 1024 * 1024)
    return content_digest(data) if data is not None else ""


def _ignore_file(folder: str) -> None:
    """Keeps the cache out of git even where ``wksbm init`` did not write a .gitignore."""
    path = os.path.join(folder, ".gitignore")
    if not os.path.lexists(path):
        with contextlib.suppress(OSError, WksbmError):
            atomic_write(path, "*\n")
