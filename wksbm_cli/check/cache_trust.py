"""What lets a run trust its run summary: the per-user key that signs it, the fingerprint of
the installed code it was made by, and whether git says the cache folder came with the
checkout (then it was made elsewhere and is not trusted at all).

The key lives in the user's own cache folder, never in the records folder, so a summary
someone else wrote (committed, planted by a pull request) cannot carry a valid signature.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import secrets
from dataclasses import dataclass, field
from typing import Any

import wksbm_cli
from wksbm_cli.core.user_cache import user_cache_dir
from wksbm_cli.errors import WksbmError
from wksbm_cli.load import git
from wksbm_cli.load.files import read_bytes

CACHE_DIR = ".wksbm_cache"
SECRET_BYTES = 32


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
