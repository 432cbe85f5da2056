"""Atomic, non-clobbering writes for every file the toolkit creates.

A writer killed mid-way must leave either the old file or the new one, never a torn one, and an
existing file is never replaced unless the user said ``--force``. The data goes to a temporary
file in the same folder, is flushed and fsynced, then linked into place with ``os.link`` (which
fails if the target exists, so of several racing writers exactly one wins) or, when forced,
renamed over it with ``os.replace``; finally the folder itself is fsynced.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable

from wksbm_cli.errors import WksbmError


class FileExists(WksbmError):
    """The target exists and ``force`` was not given (exit 1 for ``new``, 2 elsewhere)."""

    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path} sudah ada; tidak ditimpa (pakai --force untuk menimpa)",
            f"{path} already exists; not overwritten (use --force to replace it)",
        )
        self.path = path


def _fsync_dir(folder: str) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(path: str, data: bytes | str, *, force: bool = False, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` atomically; never replace an existing file unless ``force``."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if not force and os.path.lexists(path):
        raise FileExists(path)
    # Written through mkstemp's own descriptor: the name is never reopened, so nothing planted
    # at it can redirect the write.
    fd, tmp = tempfile.mkstemp(prefix=".wksbm-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        _publish(tmp, path, folder, force, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _publish(tmp: str, path: str, folder: str, force: bool, mode: int) -> None:
    """Put a finished, fsynced temporary file in place: renamed over ``path`` when forced, else
    hard-linked (which fails if ``path`` exists, so of racing writers exactly one wins)."""
    os.chmod(tmp, mode & ~_umask())
    if force:
        os.replace(tmp, path)
    else:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise FileExists(path) from None
        except OSError:
            # Filesystems without hard links: exclusive create is still non-clobbering.
            with open(tmp, "rb") as handle:
                _exclusive_copy(path, handle.read())
        os.unlink(tmp)
    _fsync_dir(folder)


def _exclusive_copy(path: str, payload: bytes) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise FileExists(path) from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_via(
    path: str, writer: Callable[[str], None], *, force: bool = False, mode: int = 0o644
) -> None:
    """Atomic write of data that a function writes to a path itself (bytes, an SQLite file):
    ``writer`` fills a fresh temporary file in the same folder, which is fsynced and published."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if not force and os.path.lexists(path):
        raise FileExists(path)
    fd, tmp = tempfile.mkstemp(prefix=".wksbm-", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        os.unlink(tmp)  # the writer creates it (sqlite3 wants a fresh file)
        writer(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        _publish(tmp, path, folder, force, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_folder(path: str, writer: Callable[[str], None], *, force: bool = False) -> None:
    """A whole folder at once (CSV tables): ``writer`` fills a temporary folder next to ``path``,
    which is renamed into place; an existing ``path`` is only replaced under ``force``."""
    parent = os.path.dirname(os.path.abspath(path)) or "."
    if os.path.lexists(path) and not force:
        raise FileExists(path)
    tmp = tempfile.mkdtemp(prefix=".wksbm-", suffix=".tmp", dir=parent)
    old = ""
    try:
        writer(tmp)
        for name in os.listdir(tmp):
            with open(os.path.join(tmp, name), "rb+") as handle:
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o755 & ~_umask())
        if os.path.lexists(path):
            old = tempfile.mkdtemp(prefix=".wksbm-old-", dir=parent)
            os.rename(path, os.path.join(old, "x"))
        try:
            os.rename(tmp, path)
        except OSError:
            if old:  # put the old folder back before failing
                os.rename(os.path.join(old, "x"), path)
            raise
        _fsync_dir(parent)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if old:
            shutil.rmtree(old, ignore_errors=True)
