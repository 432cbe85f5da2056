"""The folder's cache (``.wksbm_cache/``, as ``validate`` keeps it) told about the files an import
writes, so that the next ``import`` or ``validate`` does not judge them all over again.

Every written text was judged before it was written, by the same ``check_file`` on the same
bytes, path, settings and day: its result is the one the next run would compute. The cache is
opened before the files are written, so each one's modification time falls inside the cache's
racy window: the next run hashes the file and uses the stored result only if the bytes are still
those that were judged (anything that touched the file since makes it a miss, judged afresh).

Seeding a shard costs decoding the results already stored in it; a shard is seeded only where
the written files are at least as many as the others in it, so that it never costs more than
judging the written files again would (an import of a few rows into a large folder leaves its
cache as ``validate`` will find it; an import of thousands fills it).
"""

from __future__ import annotations

import datetime as dt

from wksbm_cli.authoring.importing.items import Folder
from wksbm_cli.check.cache import Cache, shard_of
from wksbm_cli.check.results import FileResult, content_digest
from wksbm_cli.load.files import Entry, walk


def open_cache(folder: Folder, today: dt.date | None) -> Cache | None:
    """The folder's cache for results of every rule as of ``today``; None where it is off."""
    if today is None:
        return None
    cache = Cache.open(folder.root, folder.shown_root, folder.config, today, None)
    return cache if isinstance(cache, Cache) else None


def seed(cache: Cache, folder: Folder, written: dict[str, tuple[bytes, FileResult]]) -> None:
    """Store the results of the files just written (path -> the bytes written, the result of
    judging exactly those bytes); a result judged from other bytes is left out."""
    mine = {
        rel: result
        for rel, (data, result) in written.items()
        if result.digest and result.digest == content_digest(data)
    }
    if not mine:
        return
    entries = list(walk(folder.root))
    shards: dict[int, list[Entry]] = {}
    for entry in entries:
        shards.setdefault(shard_of(entry.rel), []).append(entry)
    chosen: list[Entry] = []
    seeded: set[int] = set()
    for index, members in shards.items():
        ours = sum(1 for e in members if e.rel in mine)
        if ours and 2 * ours >= len(members):
            chosen.extend(members)
            seeded.add(index)
    found = cache.lookup_all(chosen)
    # ``lookup_all`` takes its entries for the whole folder and marks every other shard for
    # rewriting without them: only the seeded shards are written.
    cache.dirty &= seeded
    keep: list[Entry] = []
    results: list[FileResult] = []
    for entry, stored in zip(chosen, found, strict=True):
        result = mine.get(entry.rel)
        usable = entry.issue is None and entry.stat is not None
        if result is not None and usable and result.kind == entry.kind:
            keep.append(entry)
            results.append(result)
        elif stored is not None:
            keep.append(entry)
            results.append(stored)
    cache.save(keep, results)
