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

The summary is written whole through ``atomic_write_via`` (temporary file + rename): two
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
import hashlib
import hmac
import json
import os
import secrets
import stat
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import wksbm_cli
from wksbm_cli.check.cache_codec import (
    Unsupported,
    decode,
    decode_problem,
    encode,
    encode_problem,
)
from wksbm_cli.check.cache_trust import (
    CACHE_DIR,
    Off,
    code_fingerprint,
    disabled_by_env,
    tracked_by_git,
    user_secret,
)
from wksbm_cli.check.results import FileResult, content_digest, shown_path
from wksbm_cli.core.bulk import without_cycle_collector
from wksbm_cli.core.problem import Problem
from wksbm_cli.errors import WksbmError
from wksbm_cli.load.files import CONFIG_NAME, Entry, read_bytes
from wksbm_cli.load.yamldoc import ENGINE
from wksbm_cli.model.records import Config
from wksbm_cli.regions import reference
from wksbm_cli.write import atomic_write, atomic_write_via

__all__ = ["CACHE_DIR", "SUMMARY", "Cache", "Replay", "code_fingerprint"]
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
#: A result without a digest may still be kept: the file was too large to read, which its size
#: (part of the stat) decides.
STAT_ONLY = frozenset({"file-too-large"})

#: [size, mtime_ns, inode, ctime_ns, checked_ns, digest]; the result itself is kept apart
Item = list[Any]


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
    stat, the final problems) on one line each; then the keyed hash of the rest and one line
    per file: its path, stat, checked time and digest, a tab, and its result. An unchanged
    folder parses only the index."""

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
        self.raw = b""  # the summary as read: its per-file section is parsed only when needed
        self.rest_at = 0
        self.parsed = False
        self.stored: dict[str, Item] = {}
        self.lines: dict[str, bytes] = {}  # rel -> its line of the per-file section
        self.keep: dict[str, Item] = {}  # rel -> the item to write back for a reused file
        self.loaded = False

    @classmethod
    def open(
        cls,
        root: str,
        shown_root: str,
        config: Config,
        today: dt.date,
        wanted: Collection[str] | None = None,
    ) -> Cache | Off | None:
        """The cache of ``root`` for results made by the rules in ``wanted`` (None: all); else
        why not (``Off``, to be said once), or None when there is nothing worth saying (turned
        off, not writable)."""
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
            # Unselected rules do not run: a result made under one selection lacks the others.
            "*" if wanted is None else sorted(wanted),
            reference.data_version(),
        ]
        key = hashlib.blake2b(json.dumps(parts).encode(), digest_size=16).hexdigest()
        return cls(folder, root, shown_root, key, secret, config.ukuran_berkas_maks)

    @property
    def path(self) -> str:
        return os.path.join(self.folder, SUMMARY)

    def _mac(self, *parts: bytes | memoryview) -> bytes:
        digest = hashlib.blake2b(key=self.secret, digest_size=32)
        for part in parts:
            digest.update(part)
        return digest.hexdigest().encode()

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
            first = raw.index(b"\n", len(HEADER))
            second = raw.index(b"\n", first + 1)
            index_text = raw[first + 1 : second]
            if not hmac.compare_digest(raw[len(HEADER) : first], self._mac(index_text)):
                return
            index = json.loads(index_text)
            if not isinstance(index, dict) or index.get("key") != self.key:
                return
            if not isinstance(index.get("nonce"), str):
                return
            self.index, self.raw, self.rest_at = index, raw, second + 1
        except (OSError, ValueError, RecursionError):
            return

    def _parse(self) -> None:
        """The per-file section, checked against the index it was written with: one line a
        file, its item (path, stat, checked time, digest) and its result, each as JSON. Only
        the items are decoded here; a result is decoded when its file is looked up, and a line
        that is kept is written back as it was read."""
        if self.parsed:
            return
        self.parsed = True
        if not self.index:
            return
        raw, at = self.raw, self.rest_at
        self.raw = b""  # kept lines are copied out below; the rest is not needed again
        try:
            end = raw.index(b"\n", at)
            nonce = self.index["nonce"].encode()
            signed = memoryview(raw)[end + 1 :]
            if not hmac.compare_digest(raw[at:end], self._mac(nonce, b"\n", signed)):
                return
            stored: dict[str, Item] = {}
            lines: dict[str, bytes] = {}
            start = end + 1
            while start < len(raw):
                stop = raw.find(b"\n", start)
                stop = len(raw) if stop < 0 else stop
                line = raw[start:stop]
                start = stop + 1
                rel, *item = json.loads(line.partition(b"\t")[0])
                stored[rel], lines[rel] = item, line
            self.stored, self.lines = stored, lines
        except (ValueError, RecursionError, KeyError, TypeError):
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
            line = self.lines.get(entry.rel, b"")
            try:
                data: Any = json.loads(line.partition(b"\t")[2])
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
        rest = memoryview(self.raw)[self.rest_at :]
        self._write(dict(self.index, racy=still), [rest], len(entries))

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

        A reused file's line is written back as it was read; a new result is turned into
        JSON text on its own, so memory holds text, never a second tree of objects."""
        self._parse()
        kept: list[bytes] = []
        racy: list[list[str]] = []
        same = True
        count = 0
        for entry, result in zip(entries, results, strict=True):
            if entry.issue is not None or entry.stat is None:
                continue
            item = self.keep.get(entry.rel)
            if item is not None:
                line = self.lines[entry.rel]
                if self.stored.get(entry.rel) is not item:  # its checked time was renewed
                    line = _dumps([entry.rel, *item]) + b"\t" + line.partition(b"\t")[2]
            else:
                value = self._fresh(result)
                if value is None:
                    if entry.stat[1] >= self._racy_since:
                        racy.append([entry.rel, ""])  # cannot be replayed while recent
                    continue
                item = [*entry.stat, self.started_ns, result.digest]
                line = _dumps([entry.rel, *item]) + b"\t" + _dumps(value)
            kept.append(line)
            count += 1
            if entry.stat[1] >= self._racy_since:
                racy.append([entry.rel, item[5]])
            same = same and self.stored.get(entry.rel) is item
        same = same and count == len(self.stored)
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
        lines = [piece for line in kept for piece in (line, b"\n")][:-1]
        del kept
        mac = self._mac(nonce.encode(), b"\n", *lines)
        self._write(dict(index, nonce=nonce), [mac, b"\n", *lines], len(entries))

    def _write(self, index: dict[str, Any], rest: list[bytes | memoryview], count: int) -> None:
        """The summary written part by part into a temporary file that then takes its name:
        at 10^5 files, one joined copy of it was the largest block a run allocated."""
        index_text = _dumps(index)
        parts: list[bytes | memoryview] = [HEADER, self._mac(index_text), b"\n", index_text, b"\n"]
        parts += rest
        if sum(map(len, parts)) > LIMIT_BASE + LIMIT_PER_FILE * count:
            return  # it would not be read back

        def write(temporary: str) -> None:
            flags = os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
            with os.fdopen(os.open(temporary, flags), "wb") as handle:
                handle.writelines(parts)

        with contextlib.suppress(OSError, WksbmError):
            # Not fsynced: a summary cut short by a crash fails its check and is rebuilt, and
            # two fsyncs per run cost an import or a warm run more than reading it back.
            atomic_write_via(self.path, write, force=True, durable=False)

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
