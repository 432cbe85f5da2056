"""Atomic, non-clobbering writes for every file and folder the toolkit creates.

The promises, and how each is kept:

- A writer killed at any instant leaves the old file or the new one, never a torn one: the data
  goes to a fresh temporary file in the target's folder (``O_EXCL``, mode 0600), is fsynced, and
  only then takes the target's name in one step; the folder is fsynced after.
- An existing file is never replaced without ``force``, and of several racing writers exactly one
  wins: the name is taken with ``link`` (fails if the target exists); where the filesystem has no
  hard links (vfat, exFAT, some SMB shares) with ``renameat2(RENAME_NOREPLACE)``; where that is
  missing too (not Linux) with a rename under an ``O_EXCL`` lock file next to the target. There is
  no path on which the target itself is opened for writing.
- ``force`` keeps the mode of the file it replaces; a ``mode`` without group or other bits (data
  that may be personal) also narrows the replaced file's mode to its owner.
- Every ``OSError`` leaves as ``WriteFailed`` naming the path the caller was given.
- ``beneath=ROOT`` creates folders and the file relative to a descriptor of ``ROOT``, opening
  every component with ``O_NOFOLLOW``: a link (or a file) on the way is refused, so a record
  cannot be written outside the records folder through ``organisasi/sleman -> /elsewhere``.
- A folder (CSV tables) is built under a temporary name and published whole; see
  ``atomic_folder`` for the exact guarantee under ``force`` and under a kill.
- A set of files (the schemas) is written all or nothing; see ``atomic_write_set``.
- Many new files at once (an import) are each written as above, but their data reaches the disk
  with one ``syncfs`` per filesystem instead of one fsync per file, and no name is taken before
  every file is written: see ``write_new_files``.

The small module-level step functions (``_exchange``, ``_move``, ``_remove_tree``...) are the
steps a kill can fall between; the tests replace them to kill a writer at each one.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from typing import Any

from wksbm_cli.errors import WksbmError, WriteFailed

MARKER = ".wksbm-export"
MARKER_TEXT = (
    b"wksbm export\n"
    b"This folder was written by `wksbm export --format csv`; `wksbm export --force` may replace"
    b" it. A folder without this file is never replaced.\n"
)
LOCK_WAIT = 5.0  # seconds to wait for a live writer's lock (held for one check and rename)
RENAME_NOREPLACE = 1
RENAME_EXCHANGE = 2
_NO_HARD_LINKS = {
    errno.EPERM,
    errno.EOPNOTSUPP,
    errno.ENOTSUP,
    errno.ENOSYS,
    errno.EMLINK,
    errno.EINVAL,
}
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EPERM}
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class FileExists(WksbmError):
    """The target exists and ``force`` was not given (exit 1 for ``new``, 2 elsewhere)."""

    def __init__(self, path: str) -> None:
        super().__init__("write.exists", path=path)
        self.path = path


class UnsafeTarget(WksbmError):
    """A link or a non-folder on the way to a file written ``beneath`` a root (exit 2)."""

    def __init__(self, path: str, root: str | None = None) -> None:
        if root is None:
            super().__init__("write.unsafe-path", path=path)
        else:
            super().__init__("write.outside", path=path, root=root)
        self.path = path


class NotOurFolder(WksbmError):
    """``--force`` onto a folder that ``wksbm export`` did not write: refused, nothing touched."""

    def __init__(self, path: str) -> None:
        super().__init__("write.not-ours", path=path)
        self.path = path


class Locked(WksbmError):
    def __init__(self, path: str, lock: str) -> None:
        super().__init__("write.locked", path=path, lock=lock)


class Swapped(WksbmError):
    def __init__(self, path: str) -> None:
        super().__init__("write.swapped", path=path)


@contextlib.contextmanager
def _as_write_error(path: str) -> Iterator[None]:
    """The one error path: any OSError below becomes ``WriteFailed`` naming the user's path."""
    try:
        yield
    except OSError as exc:
        raise WriteFailed(path, exc) from exc


# ---------------------------------------------------------------- folder descriptors


def _open_dir(path: str) -> int:
    return os.open(path, _DIR_FLAGS)


def _open_child_dir(parent_fd: int, name: str, shown: str) -> int:
    """Open ``name`` inside ``parent_fd`` as a folder, never through a link."""
    try:
        return os.open(name, _DIR_FLAGS | _NOFOLLOW, dir_fd=parent_fd)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
            raise UnsafeTarget(shown) from None
        raise


def _parent_of(path: str, beneath: str | None) -> tuple[int, str]:
    """A descriptor of the folder ``path`` goes into, and the last name. With ``beneath``, the
    folders under it are created as needed and none of them may be a link."""
    name = os.path.basename(path)
    if not name or name in (".", ".."):
        raise WriteFailed(path, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
    if beneath is None:
        return _open_dir(os.path.dirname(os.path.abspath(path)) or "."), name
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(beneath))
    parts = rel.split(os.sep)
    if os.path.isabs(rel) or ".." in parts or rel == os.curdir:
        raise UnsafeTarget(path, beneath)
    fd = _open_dir(beneath)
    try:
        done = beneath
        for part in parts[:-1]:
            done = os.path.join(done, part)
            with contextlib.suppress(FileExistsError):
                os.mkdir(part, 0o777, dir_fd=fd)
            child = _open_child_dir(fd, part, os.path.relpath(done).replace(os.sep, "/"))
            os.close(fd)
            fd = child
    except BaseException:
        os.close(fd)
        raise
    return fd, name


def _lstat(dir_fd: int, name: str) -> os.stat_result | None:
    try:
        return os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return None


def _fsync_dir(dir_fd: int) -> None:
    with contextlib.suppress(OSError):
        os.fsync(dir_fd)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _final_mode(old: os.stat_result | None, mode: int) -> int:
    """A new file gets ``mode`` less the umask; a replaced one keeps its own mode, narrowed to
    its owner when ``mode`` is private (no group or other bits)."""
    if old is None or not stat.S_ISREG(old.st_mode):
        return mode & ~_umask() & 0o7777
    kept = stat.S_IMODE(old.st_mode) & 0o777  # never carries set-id bits over
    return kept & ~0o077 if not mode & 0o077 else kept


# ---------------------------------------------------------------- temporary files


def _temp_name(base: str, suffix: str) -> str:
    return f".{base[:150]}.wksbm-{_owner()}-{secrets.token_hex(4)}{suffix}"


def _owner() -> str:
    """Host and process in a temporary name, so the next run knows a leftover's writer is dead."""
    return f"{_host()}-{os.getpid()}"


@functools.cache
def _host() -> str:
    import zlib

    if hasattr(os, "uname"):
        name = os.uname().nodename
    else:  # pragma: no cover - not POSIX
        import socket

        name = socket.gethostname()
    return f"{zlib.crc32(name.encode('utf-8', 'replace')):08x}"


def _create_temp(dir_fd: int, base: str) -> tuple[int, str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    while True:
        name = _temp_name(base, ".tmp")
        try:
            return os.open(name, flags, 0o600, dir_fd=dir_fd), name
        except FileExistsError:
            continue


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


def _unlink_quietly(dir_fd: int, name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name, dir_fd=dir_fd)


# ---------------------------------------------------------------- taking a name


def _libc(name: str, *argtypes: str) -> Any:
    """A libc function for ctypes (``argtypes`` named as ctypes types: "c_int"...), or None
    where this system's libc lacks it."""
    try:
        import ctypes

        function = getattr(ctypes.CDLL(None, use_errno=True), name)
    except (OSError, AttributeError, ImportError):
        return None
    function.argtypes = [getattr(ctypes, a) for a in argtypes]
    function.restype = ctypes.c_int
    return function


@functools.cache
def _renameat2_function() -> Any:
    """libc's ``renameat2`` (Linux, glibc 2.28+), or None."""
    return _libc("renameat2", "c_int", "c_char_p", "c_int", "c_char_p", "c_uint")


def _renameat2(dir_fd: int, src: str, dst: str, flags: int) -> bool:
    """``renameat2`` within one folder; False when the system or filesystem lacks it."""
    function = _renameat2_function()
    if function is None:
        return False
    import ctypes

    if function(dir_fd, os.fsencode(src), dir_fd, os.fsencode(dst), flags) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), dst)


def _move(dir_fd: int, src: str, dst: str) -> None:
    os.rename(src, dst, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)


def _exchange(dir_fd: int, a: str, b: str) -> bool:
    return _renameat2(dir_fd, a, b, RENAME_EXCHANGE)


def _take_name(dir_fd: int, tmp: str, name: str, shown: str) -> None:
    """Give the finished file ``tmp`` the name ``name`` unless something already has it."""
    try:
        os.link(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except FileExistsError:
        raise FileExists(shown) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
    else:
        os.unlink(tmp, dir_fd=dir_fd)
        return
    _rename_noreplace(dir_fd, tmp, name, shown)


def _rename_noreplace(dir_fd: int, tmp: str, name: str, shown: str) -> None:
    try:
        if _renameat2(dir_fd, tmp, name, RENAME_NOREPLACE):
            return
    except FileExistsError:
        raise FileExists(shown) from None
    with _locked(dir_fd, name, shown):
        if _lstat(dir_fd, name) is not None:
            raise FileExists(shown)
        _move(dir_fd, tmp, name)


@contextlib.contextmanager
def _locked(dir_fd: int, name: str, shown: str) -> Iterator[None]:
    """An ``O_EXCL`` lock file next to the target, held only for a check and a rename. A lock
    left by a dead writer on this host is taken over; another one is waited for briefly."""
    import time

    lock = f".{name[:150]}.wksbm-lock"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            fd = os.open(lock, flags, 0o600, dir_fd=dir_fd)
            break
        except FileExistsError:
            if _stale_lock(dir_fd, lock):
                _unlink_quietly(dir_fd, lock)
                continue
            if time.monotonic() > deadline:
                raise Locked(shown, lock) from None
            time.sleep(0.01)
    try:
        os.write(fd, _owner().encode("ascii") + b"\n")
        os.close(fd)
        yield
    finally:
        _unlink_quietly(dir_fd, lock)


def _stale_lock(dir_fd: int, lock: str) -> bool:
    try:
        fd = os.open(lock, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0), dir_fd=dir_fd)
        try:
            text = os.read(fd, 64).decode("ascii", "replace").strip()
        finally:
            os.close(fd)
    except OSError:
        return False
    return _dead_writer(text)


def _dead_writer(owner: str) -> bool:
    """True when ``owner`` ("<host>-<pid>") is a process of this host that no longer runs."""
    host, _, pid = owner.partition("-")
    if host != _host() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


# ---------------------------------------------------------------- single files


def _publish(
    dir_fd: int,
    fd: int,
    tmp: str,
    name: str,
    shown: str,
    force: bool,
    mode: int,
    durable: bool = True,
) -> None:
    """Put the fsynced temporary file (still open as ``fd``) in place."""
    old = _lstat(dir_fd, name)
    if old is not None and not force:
        raise FileExists(shown)
    if old is not None and stat.S_ISDIR(old.st_mode):
        raise WriteFailed(shown, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
    os.fchmod(fd, _final_mode(old, mode))
    if force:
        os.replace(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    else:
        _take_name(dir_fd, tmp, name, shown)
    if durable:
        _fsync_dir(dir_fd)


def atomic_write(
    path: str,
    data: bytes | str,
    *,
    force: bool = False,
    mode: int = 0o644,
    beneath: str | None = None,
) -> None:
    """Write ``data`` to ``path`` atomically; never replace an existing file unless ``force``.
    ``beneath``: create folders and the file relative to this root, following no link."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with _as_write_error(path):
        dir_fd, name = _parent_of(path, beneath)
        try:
            if not force and _lstat(dir_fd, name) is not None:
                raise FileExists(path)
            fd, tmp = _create_temp(dir_fd, name)
            try:
                _write_all(fd, payload)
                _publish(dir_fd, fd, tmp, name, path, force, mode)
            finally:
                os.close(fd)
                _unlink_quietly(dir_fd, tmp)
        finally:
            os.close(dir_fd)


def atomic_write_via(
    path: str,
    writer: Callable[[str], None],
    *,
    force: bool = False,
    mode: int = 0o644,
    durable: bool = True,
) -> None:
    """Atomic write of data that a function writes to a path itself (an SQLite file): ``writer``
    fills a fresh, empty, owner-only temporary file next to ``path``, which is then published.
    ``durable=False`` skips the two fsyncs, for files that may be lost in a crash (a cache that
    checks itself and is rebuilt): still atomic for every other reader, never clobbering."""
    with _as_write_error(path):
        folder = os.path.dirname(os.path.abspath(path)) or "."
        dir_fd, name = _parent_of(path, None)
        try:
            if not force and _lstat(dir_fd, name) is not None:
                raise FileExists(path)
            fd, tmp = _create_temp(dir_fd, name)
            os.close(fd)
            try:
                writer(os.path.join(folder, tmp))
                fd = os.open(tmp, os.O_RDWR | _NOFOLLOW, dir_fd=dir_fd)
                try:
                    if durable:
                        os.fsync(fd)
                    _publish(dir_fd, fd, tmp, name, path, force, mode, durable)
                finally:
                    os.close(fd)
            finally:
                _unlink_quietly(dir_fd, tmp)
        finally:
            os.close(dir_fd)


# ---------------------------------------------------------------- many new files


@functools.cache
def _syncfs_function() -> Any:
    """libc's ``syncfs`` (Linux), or None."""
    return _libc("syncfs", "c_int")


def _syncfs(fd: int) -> bool:
    """Flush every file of the filesystem holding ``fd``; False where ``syncfs`` is missing."""
    function = _syncfs_function()
    if function is None:
        return False
    import ctypes

    if function(fd) == 0:
        return True
    code = ctypes.get_errno()
    raise OSError(code, os.strerror(code))


def write_new_files(
    root: str, files: list[tuple[str, bytes | str]], *, mode: int = 0o644
) -> list[bool]:
    """Write many new files below ``root`` (paths relative to it, "/" separated), each
    atomically and never over an existing file; True for each file written, False where the
    name was taken (before or during the run).

    Why not ``atomic_write`` in a loop: two fsyncs per file made an import of 10,000 records wait
    about 25 s on the disk. Here every file is written under a temporary name first (a full disk
    or a denied write fails before any name is taken, so nothing of the batch is published), the
    data is flushed with one ``syncfs`` per filesystem (one fsync per file where the system has
    no ``syncfs``), then the names are taken exactly as ``atomic_write`` takes them, and each
    folder is fsynced once."""
    folders: dict[str, int] = {}
    staged: list[tuple[int, int, str, str, str]] = []  # (index, dir_fd, tmp, name, shown)
    written = [False] * len(files)
    current = root
    try:
        with _as_write_error(root):
            devices: dict[int, int] = {}
            flush_each = _syncfs_function() is None
            for index, (rel, data) in enumerate(files):
                current = os.path.join(root, *rel.split("/"))
                with _as_write_error(current):
                    parent = rel.rpartition("/")[0]
                    if parent not in folders:
                        fd, _name = _parent_of(current, root)
                        folders[parent] = fd
                        devices.setdefault(os.fstat(fd).st_dev, fd)
                    dir_fd, name = folders[parent], rel.rpartition("/")[2]
                    if _lstat(dir_fd, name) is not None:
                        continue
                    fd, tmp = _create_temp(dir_fd, name)
                    staged.append((index, dir_fd, tmp, name, current))
                    try:
                        payload = data.encode("utf-8") if isinstance(data, str) else data
                        view = memoryview(payload)
                        while view:
                            view = view[os.write(fd, view) :]
                        os.fchmod(fd, _final_mode(None, mode))
                        if flush_each:
                            os.fsync(fd)
                    finally:
                        os.close(fd)
            if not flush_each:
                for fd in devices.values():
                    _syncfs(fd)
            for index, dir_fd, tmp, name, shown in staged:
                current = shown
                with _as_write_error(shown):
                    try:
                        _take_name(dir_fd, tmp, name, shown)
                    except FileExists:
                        continue
                    written[index] = True
            for fd in folders.values():
                _fsync_dir(fd)
    finally:
        for _index, dir_fd, tmp, _name, _shown in staged:
            _unlink_quietly(dir_fd, tmp)  # taken names are links or renames: only leftovers go
        for fd in folders.values():
            os.close(fd)
    return written


# ---------------------------------------------------------------- a set of files


def atomic_write_set(
    folder: str, files: dict[str, bytes | str], *, force: bool = False, mode: int = 0o644
) -> list[str]:
    """Write several files into ``folder`` (created if missing) all or nothing.

    Every file is written and fsynced under a temporary name first, so a full disk or a denied
    write fails before any target is touched. Then the names are taken; if one cannot be (it
    appeared meanwhile, or a rename fails), the files already published are taken back and the
    replaced ones restored from hard-linked backups (none where the filesystem has no hard
    links). Only a kill during those last renames (no data is written then) can leave a mix.
    Returns the paths written."""
    paths = {name: os.path.join(folder, name) for name in files}
    staged: list[tuple[str, int, str]] = []  # (name, fd, tmp)
    done: list[tuple[str, str | None]] = []  # (name, backup of the replaced file or None)
    current = folder
    try:
        with _as_write_error(folder):
            os.makedirs(folder, exist_ok=True)
            dir_fd = _open_dir(folder)
        try:
            for name in files:
                if not force and _lstat(dir_fd, name) is not None:
                    raise FileExists(paths[name])
            for name, data in files.items():
                current = paths[name]
                with _as_write_error(current):
                    fd, tmp = _create_temp(dir_fd, name)
                    staged.append((name, fd, tmp))
                    payload = data.encode("utf-8") if isinstance(data, str) else data
                    _write_all(fd, payload)
            for name, fd, tmp in staged:
                current = paths[name]
                with _as_write_error(current):
                    backup = _backup(dir_fd, name) if force else None
                    done.append((name, backup))
                    _publish(dir_fd, fd, tmp, name, current, force, mode)
        except BaseException:
            _take_back(dir_fd, done, staged)
            raise
        finally:
            for _name, fd, tmp in staged:
                os.close(fd)
                _unlink_quietly(dir_fd, tmp)
            for _name, backup in done:
                if backup is not None:
                    _unlink_quietly(dir_fd, backup)
            os.close(dir_fd)
    except OSError as exc:  # pragma: no cover - the steps above wrap their own
        raise WriteFailed(current, exc) from exc
    return list(paths.values())


def _backup(dir_fd: int, name: str) -> str | None:
    """A hard link to the file about to be replaced, to restore it if the set fails."""
    old = _lstat(dir_fd, name)
    if old is None or not stat.S_ISREG(old.st_mode):
        return None
    backup = _temp_name(name, ".bak")
    try:
        os.link(name, backup, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except OSError:
        return None
    return backup


def _take_back(
    dir_fd: int, done: list[tuple[str, str | None]], staged: list[tuple[str, int, str]]
) -> None:
    ours = {name: os.fstat(fd) for name, fd, _tmp in staged}
    for name, backup in reversed(done):
        now = _lstat(dir_fd, name)
        if now is None or (now.st_dev, now.st_ino) != (ours[name].st_dev, ours[name].st_ino):
            continue  # never published, or not ours any more
        with contextlib.suppress(OSError):
            if backup is not None:
                _move(dir_fd, backup, name)
            else:
                os.unlink(name, dir_fd=dir_fd)


# ---------------------------------------------------------------- a whole folder


def atomic_folder(
    path: str, writer: Callable[[str], None], *, force: bool = False, private: bool = False
) -> None:
    """A whole folder at once (CSV tables), carrying the ``.wksbm-export`` marker.

    ``writer`` fills a temporary folder ``.NAME.wksbm-<host>-<pid>-<random>.tmp`` next to
    ``path``; its files are fsynced, then:

    - ``path`` absent: the folder takes the name with ``renameat2(RENAME_NOREPLACE)`` (else a
      check and a rename under the lock file), so of racing writers exactly one wins and the
      others stop with "already exists", removing only their own temporary folder.
    - ``path`` present: without ``force``, "already exists". With ``force`` it is replaced only if
      it is a real folder holding the marker (checked before anything is touched), else exit 2.
      The two folders are swapped in one step with ``renameat2(RENAME_EXCHANGE)``, and the old one
      (now under the temporary name) is removed; if the folder swapped out is not the one checked,
      it is swapped back. Killed at any instant, ``path`` holds the old folder or the new one,
      whole. Without ``RENAME_EXCHANGE`` the old folder is renamed aside
      (``.NAME.wksbm-….old``) and the new one renamed in: a kill between those two renames leaves
      ``path`` missing and the old folder whole aside, and the next export restores it first.

    Each run first removes the leftovers of dead writers (same host, process gone, marker inside)
    for this ``path``.
    """
    with _as_write_error(path):
        parent = os.path.dirname(os.path.abspath(path)) or "."
        dir_fd, name = _parent_of(path, None)
        try:
            _recover(dir_fd, name)
            old = _replaceable(dir_fd, name, path, force)
            tmp = _make_temp_folder(dir_fd, name)
            try:
                writer(os.path.join(parent, tmp))
                _seal_folder(dir_fd, tmp, name if old else None, private)
                if old is None:
                    _publish_new_folder(dir_fd, tmp, name, path)
                else:
                    _replace_folder(dir_fd, tmp, name, path, old)
            finally:
                if _lstat(dir_fd, tmp) is not None:
                    _remove_tree(dir_fd, tmp)
            _fsync_dir(dir_fd)
        finally:
            os.close(dir_fd)


def _is_ours(dir_fd: int, name: str) -> tuple[int, int] | None:
    """(device, inode) of ``name`` if it is a real folder holding the marker, else None."""
    info = _lstat(dir_fd, name)
    if info is None or not stat.S_ISDIR(info.st_mode):
        return None
    try:
        fd = os.open(name, _DIR_FLAGS | _NOFOLLOW, dir_fd=dir_fd)
    except OSError:
        return None
    try:
        if (os.fstat(fd).st_dev, os.fstat(fd).st_ino) != (info.st_dev, info.st_ino):
            return None
        flags = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0)
        marker = os.open(MARKER, flags, dir_fd=fd)
        try:
            if not stat.S_ISREG(os.fstat(marker).st_mode):
                return None
            head = os.read(marker, len(MARKER_TEXT))
        finally:
            os.close(marker)
    except OSError:
        return None
    finally:
        os.close(fd)
    return (info.st_dev, info.st_ino) if head.startswith(b"wksbm export\n") else None


def _replaceable(dir_fd: int, name: str, shown: str, force: bool) -> tuple[int, int] | None:
    if _lstat(dir_fd, name) is None:
        return None
    if not force:
        raise FileExists(shown)
    ours = _is_ours(dir_fd, name)
    if ours is None:
        raise NotOurFolder(shown)
    return ours


def _make_temp_folder(dir_fd: int, name: str) -> str:
    """The marker goes in first, so even a half-written leftover is known to be ours."""
    while True:
        tmp = _temp_name(name, ".tmp")
        try:
            os.mkdir(tmp, 0o700, dir_fd=dir_fd)
            break
        except FileExistsError:
            continue
    fd = os.open(tmp, _DIR_FLAGS | _NOFOLLOW, dir_fd=dir_fd)
    try:
        marker = os.open(MARKER, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644, dir_fd=fd)
        try:
            _write_all(marker, MARKER_TEXT)
        finally:
            os.close(marker)
    finally:
        os.close(fd)
    return tmp


def _seal_folder(dir_fd: int, tmp: str, old: str | None, private: bool) -> None:
    """Modes and fsync for every file: a replaced folder's modes are kept (narrowed to the owner
    when ``private``); new files get 0644 less the umask, or 0600 when ``private``."""
    mode = 0o600 if private else 0o644
    fd = os.open(tmp, _DIR_FLAGS | _NOFOLLOW, dir_fd=dir_fd)
    old_fd = os.open(old, _DIR_FLAGS | _NOFOLLOW, dir_fd=dir_fd) if old else None
    try:
        for entry in sorted(os.listdir(fd)):
            file_fd = os.open(entry, os.O_RDONLY | _NOFOLLOW, dir_fd=fd)
            try:
                before = _lstat(old_fd, entry) if old_fd is not None else None
                os.fchmod(file_fd, _final_mode(before, mode))
                os.fsync(file_fd)
            finally:
                os.close(file_fd)
        folder_old = _lstat(dir_fd, old) if old else None
        if folder_old is not None:
            folder_mode = stat.S_IMODE(folder_old.st_mode) & (~0o077 if private else 0o7777)
        else:
            folder_mode = (0o700 if private else 0o755 & ~_umask()) & 0o7777
        os.fchmod(fd, folder_mode)
        os.fsync(fd)
    finally:
        os.close(fd)
        if old_fd is not None:
            os.close(old_fd)


def _publish_new_folder(dir_fd: int, tmp: str, name: str, shown: str) -> None:
    """The same no-replace step as for a file (a plain rename would replace an empty folder)."""
    _rename_noreplace(dir_fd, tmp, name, shown)


def _replace_folder(dir_fd: int, tmp: str, name: str, shown: str, old: tuple[int, int]) -> None:
    if _exchange(dir_fd, tmp, name):
        swapped = _lstat(dir_fd, tmp)
        if swapped is None or (swapped.st_dev, swapped.st_ino) != old:
            _exchange(dir_fd, tmp, name)  # someone put another folder there: give it back
            raise Swapped(shown)
        return  # the caller removes tmp, which now holds the old folder
    aside = _temp_name(name, ".old")
    _move(dir_fd, name, aside)
    moved = _lstat(dir_fd, aside)
    if moved is None or (moved.st_dev, moved.st_ino) != old:
        _move(dir_fd, aside, name)
        raise Swapped(shown)
    try:
        _publish_new_folder(dir_fd, tmp, name, shown)
    except BaseException:
        with contextlib.suppress(OSError):
            _move(dir_fd, aside, name)
        raise
    _remove_tree(dir_fd, aside)


def _remove_tree(dir_fd: int, name: str) -> None:
    import shutil

    shutil.rmtree(name, dir_fd=dir_fd, ignore_errors=True)


def _recover(dir_fd: int, name: str) -> None:
    """Leftovers of a dead writer of ``name`` on this host: an old folder set aside while
    ``name`` is missing is put back; temporary folders holding the marker and its lock file
    are removed."""
    prefix = f".{name[:150]}.wksbm-"
    if _stale_lock(dir_fd, prefix + "lock"):
        _unlink_quietly(dir_fd, prefix + "lock")
    for entry in sorted(os.listdir(dir_fd)):
        if not entry.startswith(prefix) or not entry.endswith((".tmp", ".old")):
            continue
        owner = entry[len(prefix) :].rsplit("-", 1)[0]
        if not _dead_writer(owner) or _is_ours(dir_fd, entry) is None:
            continue
        if entry.endswith(".old") and _lstat(dir_fd, name) is None:
            with contextlib.suppress(OSError, WksbmError):
                _publish_new_folder(dir_fd, entry, name, name)
            continue  # put back, or kept aside if that failed: never removed while missing
        _remove_tree(dir_fd, entry)
