"""``.wksbm_cache/``: each file's result, reused while the file, the tool and the settings stay.

A result is reused only when everything it depends on is unchanged: the file's bytes (blake2b;
size, mtime and inode let an untouched file skip even the read), the tool version, the YAML
engine, the folder configuration and the day it is judged as of (completeness rules depend on
it). Anything else is a miss, and a miss only costs the work the cache would have saved.

The cache is split into shards, each one JSON document written whole through ``atomic_write``
(temporary file + ``os.replace``): two runs at once can only replace a shard by another complete
one. Every shard carries a keyed hash (blake2b) under a secret kept in the user's own cache folder,
not in the records folder: a shard someone else wrote (a committed or planted cache) fails the
check and is ignored like a corrupt one, so it cannot hide a problem. Nothing here raises: a
cache that cannot be read is rebuilt, one that cannot be written is skipped.

A shard is read like a record, through ``read_bytes`` (no link followed, no FIFO or device opened,
size capped), so a shard planted as a link to ``/dev/zero`` or as a FIFO is a miss, not a hang or
a 4 GB read. A cache folder that git tracks came with the checkout, not from this machine: it is
neither read nor written, and the run says so once.
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
import zlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

import wksbm_cli
from wksbm_cli.check.cache_codec import Unsupported, decode, encode
from wksbm_cli.check.results import FileResult, content_digest, shown_path
from wksbm_cli.errors import WksbmError
from wksbm_cli.load import git
from wksbm_cli.load.files import Entry, read_bytes
from wksbm_cli.load.yamldoc import ENGINE
from wksbm_cli.model.records import Config
from wksbm_cli.write import atomic_write

CACHE_DIR = ".wksbm_cache"
FORMAT = 1
SHARDS = 64
HEADER = b"wksbm-cache 1\n"
#: A file changed within this long of being checked may share its mtime with the old content
#: (coarse file-system clocks): its bytes are hashed rather than trusting size and mtime.
RACY_NS = 2_000_000_000
#: A shard is a few KB per file; one far past this was not written by wksbm and is not read.
SHARD_LIMIT = 32 * 1024 * 1024
SECRET_BYTES = 32

Item = list[Any]  # [size, mtime_ns, inode, checked_ns, encoded result]


def disabled_by_env() -> bool:
    return os.environ.get("WKSBM_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no")


def shard_of(rel: str) -> int:
    return zlib.crc32(rel.encode("utf-8", "surrogatepass")) % SHARDS


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
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "wksbm")
    return folder, os.path.join(folder, "secret")


def _read_secret(path: str) -> bytes | None:
    data, _ = read_bytes(path, 256)
    return data[:SECRET_BYTES] if data is not None and len(data) >= SECRET_BYTES else None


def user_secret() -> bytes | Off:
    """The per-user key of the shards' keyed hash, created on first use (mode 0600).

    A secret file that is too short (left empty by a full disk, truncated) is replaced whole:
    the fresh key is written to a temporary file and renamed over it, so a reader sees the old
    file or the complete new one. Two runs doing this at once each read back the file that won,
    so they agree on the key; a shard signed with a lost key is merely a miss.
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


class Cache:
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
        self.loaded: dict[int, dict[str, Item]] = {}
        self.reused: dict[str, Item] = {}  # rel -> the item to keep for a file served from cache
        self.dirty: set[int] = set()  # shards to write back

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
        ]
        key = hashlib.blake2b(json.dumps(parts).encode(), digest_size=16).hexdigest()
        return cls(folder, root, shown_root, key, secret, config.ukuran_berkas_maks)

    def _path(self, index: int) -> str:
        return os.path.join(self.folder, f"shard-{index:02d}.json")

    def _mac(self, payload: bytes) -> bytes:
        return hashlib.blake2b(payload, key=self.secret, digest_size=32).hexdigest().encode()

    def _shard(self, index: int) -> dict[str, Item]:
        shard = self.loaded.get(index)
        if shard is None:
            shard = self.loaded[index] = self._read(index)
        return shard

    def _read(self, index: int) -> dict[str, Item]:
        try:
            raw, _ = read_bytes(self._path(index), SHARD_LIMIT)
            if raw is None or not raw.startswith(HEADER):
                return {}
            mac, _, payload = raw[len(HEADER) :].partition(b"\n")
            if not hmac.compare_digest(mac, self._mac(payload)):
                return {}
            data = json.loads(payload)
            if not isinstance(data, dict) or data.get("key") != self.key:
                return {}
            files = data.get("files")
            return files if isinstance(files, dict) else {}
        except (OSError, ValueError, RecursionError):
            return {}

    def lookup_all(self, entries: Sequence[Entry]) -> list[FileResult | None]:
        """Stored results (None for a miss), one shard at a time: a shard's text is dropped as
        soon as its files are looked up, and so are the items of a shard that stays as it is,
        so memory holds the results, not the cache besides them."""
        found: list[FileResult | None] = [None] * len(entries)
        by_shard: dict[int, list[int]] = {}
        for i, entry in enumerate(entries):
            if entry.issue is None and entry.stat is not None:
                by_shard.setdefault(shard_of(entry.rel), []).append(i)
        for index in range(SHARDS):
            members = by_shard.get(index, [])
            if not members and not os.path.exists(self._path(index)):
                continue
            for i in members:
                found[i] = self.lookup(entries[i])
            shard = self._shard(index)
            rels = [entries[i].rel for i in members]
            same = len(shard) == len(rels) and all(
                shard.get(rel) is self.reused.get(rel, False) for rel in rels
            )
            if same:
                for rel in rels:
                    del self.reused[rel]
            else:
                self.dirty.add(index)
            del self.loaded[index]
        return found

    def lookup(self, entry: Entry) -> FileResult | None:
        """The stored result if ``entry`` is unchanged, else None."""
        if entry.issue is not None or entry.stat is None:
            return None
        stored = self._shard(shard_of(entry.rel)).get(entry.rel)
        try:
            size, mtime_ns, inode, checked_ns, payload = stored  # type: ignore[misc]
            item: Item = stored  # type: ignore[assignment]
            seen = (size, mtime_ns, inode)
            if seen != entry.stat or mtime_ns >= checked_ns - RACY_NS:
                data, _ = read_bytes(os.path.join(self.root, entry.rel), self.limit)
                if data is None or content_digest(data) != payload[5]:
                    return None
                item = [*entry.stat, self.started_ns, payload]

            result = decode(payload, entry.rel, shown_path(self.shown_root, entry.rel))
        except Exception:
            return None  # missing, foreign or malformed: computed afresh and rewritten
        self.reused[entry.rel] = item
        return result

    def save(self, entries: Sequence[Entry], results: Sequence[FileResult]) -> None:
        """Write back the shards that changed, one at a time; silently skipped if that fails."""

        members: dict[int, list[int]] = {index: [] for index in self.dirty}
        for i, entry in enumerate(entries):
            if entry.issue is None and entry.stat is not None:
                index = shard_of(entry.rel)
                if index in members:
                    members[index].append(i)
        for index, chosen in sorted(members.items()):
            shard: dict[str, Item] = {}
            for i in chosen:
                entry, result = entries[i], results[i]
                item = self.reused.pop(entry.rel, None)
                if item is None:
                    if not result.digest:
                        continue
                    try:
                        item = [*entry.stat, self.started_ns, encode(result)]  # type: ignore[misc]
                    except Unsupported:
                        continue
                shard[entry.rel] = item
            payload = json.dumps(
                {"key": self.key, "files": shard}, ensure_ascii=False, separators=(",", ":")
            ).encode("utf-8")
            del shard
            self._write(index, HEADER + self._mac(payload) + b"\n" + payload)

    def _write(self, index: int, data: bytes) -> None:

        with contextlib.suppress(OSError, WksbmError):
            atomic_write(self._path(index), data, force=True)


def _ignore_file(folder: str) -> None:
    """Keeps the cache out of git even where ``wksbm init`` did not write a .gitignore."""
    path = os.path.join(folder, ".gitignore")
    if not os.path.lexists(path):
        with contextlib.suppress(OSError, WksbmError):
            atomic_write(path, "*\n")
