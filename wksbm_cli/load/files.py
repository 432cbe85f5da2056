"""Finding and reading record files without trusting the folder.

Records arrive through pull requests, so the folder is hostile input: nothing here follows a
symbolic link, opens a FIFO, socket or device, reads past the size limit, or leaves the root.
A name that is not valid UTF-8 never leaves the walker as a path: it is reported with the bad
bytes shown as ``\xff`` escapes, so every output (JSON, SARIF, a cache shard) stays valid UTF-8.
A folder or file that cannot be read is reported, never skipped in silence.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, replace

YAML_SUFFIXES = (".yaml", ".yml")
KINDS = ("organisasi", "kegiatan")
CONFIG_NAME = "wksbm.yaml"


@dataclass(frozen=True, slots=True)
class Entry:
    """A path under the records root. ``rel`` uses ``/``; ``kind`` is None for a non-record."""

    rel: str
    kind: str | None
    issue: str | None = None  # a message id when the path itself is a problem
    what: str = ""
    # (size, mtime_ns, inode, ctime_ns) seen by the walk, for the run summary
    stat: tuple[int, int, int, int] | None = None


@dataclass(frozen=True, slots=True)
class ReadResult:
    text: str | None
    issue: str | None = None  # message id
    args: tuple[tuple[str, object], ...] = ()
    line: int = 1
    column: int = 1


def _kind_of(rel: str) -> str | None:
    top = rel.split("/", 1)[0]
    return top if top in KINDS and "/" in rel else None


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special"


def shown_name(name: str) -> str:
    """A file name as valid text: bytes that are not UTF-8 (kept by Python as lone surrogates)
    become ``\xff``-style escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _is_text(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _unreadable(exc: OSError) -> tuple[str, str]:
    """The message id (and the system's reason) for a path that could not be opened."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "unsafe-path.denied", ""
    return "unsafe-path.unreadable", exc.strerror or "error"


def walk(root: str) -> Iterator[Entry]:
    """Every YAML-looking path under ``root`` (sorted, hidden entries skipped), every link or
    special file inside the record folders, every folder that cannot be listed and every name
    that is not UTF-8, each once; never follows a link."""
    stack = [""]
    while stack:
        prefix = stack.pop()
        folder = os.path.join(root, prefix) if prefix else root
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            if prefix:
                yield Entry(prefix, _kind_of(prefix), *_unreadable(exc))
            continue
        subdirs: list[str] = []
        top = prefix.split("/", 1)[0]
        folder_kind = top if top in KINDS else None  # a record folder (below the root)
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel = f"{prefix}/{name}" if prefix else name
            looks_yaml = name.lower().endswith(YAML_SUFFIXES)
            in_kind = folder_kind is not None or name in KINDS
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as exc:
                if looks_yaml or in_kind:
                    yield Entry(shown_name(rel), _kind_of(rel), *_unreadable(exc))
                continue
            mode = info.st_mode
            if not _is_text(name):
                if looks_yaml or in_kind or stat.S_ISDIR(mode):
                    yield Entry(shown_name(rel), _kind_of(rel), "unsafe-path.name")
                continue
            if stat.S_ISLNK(mode):
                if looks_yaml or in_kind or _points_to_dir(entry.path):
                    yield Entry(rel, _kind_of(rel), "unsafe-path.symlink")
                continue
            if stat.S_ISDIR(mode):
                subdirs.append(rel)
                continue
            if not looks_yaml:
                if not stat.S_ISREG(mode) and in_kind:
                    yield Entry(rel, _kind_of(rel), "unsafe-path.special", _special(mode))
                continue
            if not stat.S_ISREG(mode):
                yield Entry(rel, _kind_of(rel), "unsafe-path.special", _special(mode))
                continue
            seen = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
            if folder_kind is not None:  # what file_entry says of it, without asking
                yield Entry(rel, folder_kind, None, "", seen)
                continue
            found = file_entry(rel)
            if found is not None:
                yield replace(found, stat=seen)
        stack.extend(reversed(subdirs))


def file_entry(rel: str) -> Entry | None:
    """What a regular file at ``rel`` is to the walk (None: not looked at), so that a tree read
    from a git commit is taken apart exactly as the folder on disk."""
    parts = rel.split("/")
    if rel == CONFIG_NAME or not rel.lower().endswith(YAML_SUFFIXES):
        return None
    if any(p.startswith(".") for p in parts):
        return None
    kind = _kind_of(rel)
    return Entry(rel, kind, None if kind else "unexpected-file")


def _points_to_dir(path: str) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def read_text(path: str, limit: int) -> ReadResult:
    """Read a regular file of at most ``limit`` bytes as strict UTF-8 (a BOM is dropped)."""
    data, refused = read_bytes(path, limit)
    return refused if data is None else decode(data)


def read_bytes(path: str, limit: int) -> tuple[bytes | None, ReadResult]:
    """The raw bytes (for decoding and for the cache's content hash), or why they were refused.

    The checks are made on the opened descriptor (``O_NOFOLLOW``, ``O_NONBLOCK``, ``fstat``), so a
    file swapped for a link or a FIFO between the walk and the read is still refused.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno in (getattr(os, "ELOOP", -1), getattr(os, "EMLINK", -1)):
            return None, ReadResult(None, "unsafe-path.symlink")
        key, what = _unreadable(exc)
        return None, ReadResult(None, key, (("what", what),))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, ReadResult(
                None, "unsafe-path.special", (("what", _special(info.st_mode)),)
            )
        if info.st_size > limit:
            return None, ReadResult(
                None, "file-too-large", (("limit", limit), ("size", info.st_size))
            )
        chunks = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
    finally:
        os.close(fd)
    if len(data) > limit:
        return None, ReadResult(None, "file-too-large", (("limit", limit), ("size", len(data))))
    return data, _READ


_READ = ReadResult("")


def decode(data: bytes) -> ReadResult:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(data):
        return ReadResult(None, "encoding.utf16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start
        line = data.count(b"\n", 0, start) + 1
        line_start = data.rfind(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", "replace")) + 1
        return ReadResult(
            None, "encoding", (("byte", f"{data[start]:02X}"),), line=line, column=column
        )
    return ReadResult(text)


def _utf16_without_bom(data: bytes) -> bool:
    """A record starts with ASCII text, which UTF-16 pairs with a NUL byte on one side."""
    head = data[:2]
    return len(head) == 2 and (head[0] == 0) != (head[1] == 0)
