"""Per-file checks over a pool of processes, for folders big enough to repay the start-up.

Parsing is CPU-bound Python, so threads would not help; processes do. Workers get chunks of
entries and send back each file's problems and record facts as plain lists and scalars (the run
summary's encoding: a few hundred bytes per file, unpickled without a Python call per field),
never documents, marks or, unless asked for, whole records. Small folders stay in-process:
forking costs more than checking a few files.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from wksbm_cli.check.cache_codec import Unsupported, decode, encode
from wksbm_cli.check.file_check import check_file
from wksbm_cli.check.results import FileResult, shown_path
from wksbm_cli.core.bulk import frozen_heap, without_cycle_collector
from wksbm_cli.errors import InternalError
from wksbm_cli.load.fastyaml import prepare

if TYPE_CHECKING:
    from wksbm_cli.load.files import Entry
    from wksbm_cli.model.records import Config
    from wksbm_cli.rules.registry import Selection

#: Below this many files to check, the pool costs more than it saves.
THRESHOLD = 200
MIN_CHUNK, MAX_CHUNK = 50, 400


class WorkerFailure(Exception):
    """An exception from a worker, carried back as text (the original may not pickle)."""


def workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def chunk_size(count: int, pool: int) -> int:
    """About four chunks per worker, so a slow chunk does not leave the other cores idle."""
    return max(MIN_CHUNK, min(MAX_CHUNK, -(-count // (pool * 4))))


def check_many(
    root: str,
    shown_root: str,
    entries: Sequence[Entry],
    config: Config,
    today: dt.date,
    progress: Callable[[int, int], None] | None = None,
    *,
    records: bool = True,
    wanted: Selection = None,
) -> list[FileResult]:
    """``check_file`` of every entry by the rules in ``wanted``, in order; ``progress(done,
    total)`` after each file (or each chunk, in the pool). ``records``: keep whole records (else
    facts only)."""

    pool = workers()
    total = len(entries)
    if total < THRESHOLD or pool < 2:
        results = []
        for entry in entries:
            results.append(
                check_file(root, shown_root, entry, config, today, wanted, keep_record=records)
            )
            if progress is not None:
                progress(len(results), total)
        return results
    # Imported here: the pool's modules cost a small folder's run 20-30 ms it never needs.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    prepare()  # the fast YAML path's library, imported once for every forked worker
    size = chunk_size(len(entries), pool)
    chunks = [list(entries[i : i + size]) for i in range(0, len(entries), size)]
    # fork shares the already-imported rules and schema with the workers for free; elsewhere
    # (macOS, Windows) the platform default is the safe choice.
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    out: list[FileResult] = []
    try:
        with (
            frozen_heap(),
            ProcessPoolExecutor(max_workers=min(pool, len(chunks)), mp_context=context) as ex,
        ):
            futures = [
                ex.submit(_check_chunk, root, shown_root, c, config, today, wanted, records)
                for c in chunks
            ]
            # The workers exist now (forked with the collector on); collecting runs without it.
            with without_cycle_collector():
                for chunk, future in zip(chunks, futures, strict=True):
                    for entry, sent in zip(chunk, future.result(), strict=True):
                        out.append(_unpack(shown_root, entry, sent))
                    if progress is not None:
                        progress(len(out), total)
    except InternalError:
        raise
    except BrokenProcessPool as exc:
        raise InternalError("worker pool", exc) from exc
    return out


#: What a worker sends back per file: the encoded result and the whole record (None unless
#: records were asked for), or the result itself when it holds a value the encoding lacks.
Sent = tuple[list[Any], Any] | FileResult


def _pack(result: FileResult) -> Sent:
    try:
        return encode(result), result.record
    except Unsupported:
        return result


def _unpack(shown_root: str, entry: Entry, sent: Sent) -> FileResult:
    if isinstance(sent, FileResult):
        return sent
    data, record = sent
    result = decode(data, entry.rel, shown_path(shown_root, entry.rel))
    result.record = record
    return result


def _check_chunk(
    root: str,
    shown_root: str,
    chunk: list[Entry],
    config: Config,
    today: dt.date,
    wanted: Selection,
    records: bool,
) -> list[Sent]:

    try:
        return [
            _pack(check_file(root, shown_root, e, config, today, wanted, keep_record=records))
            for e in chunk
        ]
    except InternalError as exc:
        failure = WorkerFailure(f"{type(exc.original).__name__}: {exc.original}")
        raise InternalError(exc.stage, failure) from None
    except Exception as exc:
        raise InternalError("check", WorkerFailure(f"{type(exc).__name__}: {exc}")) from None
