"""Cold runs over a process pool give exactly the serial results, and bugs still exit 3."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import GOOD_EVENT, GOOD_ORG
from wksbm_cli.check import parallel
from wksbm_cli.check.engine import check_folder
from wksbm_cli.check.policy import load_config
from wksbm_cli.check.results import Options
from wksbm_cli.rules.registry import RULES


class _CountingPool(ProcessPoolExecutor):
    created = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        type(self).created += 1
        super().__init__(*args, **kwargs)


def _folder(make_records: Callable[..., Path]) -> Path:
    files = {"kegiatan/2025/2025-06-17-pelatihan.yaml": GOOD_EVENT}
    for i in range(30):
        text = GOOD_ORG.replace("wksbm-contoh", f"wksbm-n{i}")
        if i % 7 == 0:
            text = text.replace("jabatan: sekretaris", "jabatan: anggota")
        files[f"organisasi/k{i % 3}/wksbm-n{i}.yaml"] = text
    files["organisasi/k0/rusak.yaml"] = "id: rusak\n\t- x\n"
    return make_records(files)


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    monkeypatch.setattr(parallel, "MIN_CHUNK", 4)
    monkeypatch.setattr(parallel, "workers", lambda: 2)


def _check(root: Path) -> Any:
    options = Options(as_of=dt.date(2026, 1, 1))
    return check_folder(str(root), "records", load_config(str(root), "records"), options)


def test_pool_matches_serial(
    make_records: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _folder(make_records)
    serial = _check(root)
    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    monkeypatch.setattr(parallel, "MIN_CHUNK", 4)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _CountingPool)
    _CountingPool.created = 0
    pooled = _check(root)
    assert _CountingPool.created == 1
    assert pooled.problems == serial.problems
    assert [p.source for p in pooled.problems] == [p.source for p in serial.problems]
    assert pooled.organisations == serial.organisations and pooled.events == serial.events
    assert pooled.unreadable == serial.unreadable


def test_chunk_sizes() -> None:
    assert parallel.chunk_size(10_000, 2) == 400
    assert parallel.chunk_size(1_000, 2) == 125
    assert parallel.chunk_size(100, 2) == 50


def test_worker_bug_exits_3(
    make_records: Callable[..., Path],
    run_cli: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
    pooled: None,
) -> None:
    root = _folder(make_records)

    def boom(ctx: Any) -> Iterator[Any]:
        raise KeyError("kaboom")

    monkeypatch.setitem(RULES, "id-mismatch", dataclasses.replace(RULES["id-mismatch"], check=boom))
    result = run_cli(
        "--lang", "en", "--records", str(root), "validate", "--as-of", "2026-01-01", "--no-cache"
    )  # fmt: skip
    assert result.exit_code == 3
    assert "internal error in rule id-mismatch" in result.stderr
    assert "kaboom" in result.stderr and "Traceback" not in result.stderr


def test_cli_json_same_with_pool(
    make_records: Callable[..., Path],
    run_cli: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = _folder(make_records)
    args = ("--lang", "en", "--records", str(root), "validate", "--format", "json", "--no-cache",
            "--as-of", "2026-01-01")  # fmt: skip
    serial = run_cli(*args)
    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    monkeypatch.setattr(parallel, "MIN_CHUNK", 4)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    pooled = run_cli(*args)
    assert pooled.exit_code == serial.exit_code == 1
    assert pooled.stdout == serial.stdout


def test_workers_send_facts_not_records(make_records: Callable[..., Path]) -> None:
    """What crosses the pipe for ``validate``: plain lists (problems, the record's facts) and
    no whole record, a few hundred bytes a file; decoded, it is the file's own result."""
    import pickle

    from wksbm_cli.check.file_check import check_file
    from wksbm_cli.load.files import walk

    root = _folder(make_records)
    config = load_config(str(root), "records")
    today = dt.date(2026, 1, 1)
    entries = list(walk(str(root)))
    sent = parallel._check_chunk(str(root), "records", entries, config, today, None, False)
    assert all(isinstance(s, tuple) and isinstance(s[0], list) and s[1] is None for s in sent)
    assert len(pickle.dumps(sent)) / len(entries) < 600
    for entry, item in zip(entries, sent, strict=True):
        got = parallel._unpack("records", entry, item)
        want = check_file(str(root), "records", entry, config, today, keep_record=False)
        assert (got.problems, got.facts, got.digest) == (want.problems, want.facts, want.digest)
        assert [p.source for p in got.problems] == [p.source for p in want.problems]
    with_records = parallel._check_chunk(str(root), "records", entries, config, today, None, True)
    assert any(s[1] is not None for s in with_records)  # figures still get whole records


def test_workers_are_forked_from_a_frozen_heap(
    make_records: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, pooled: None
) -> None:
    """While the pool runs, the objects made before it are out of the collector's reach, so a
    worker's full collections do not walk (and copy) the heap it inherited: a quarter of a cold
    run's CPU at 10^5 files. Afterwards everything is collectable again."""
    import gc

    seen: list[int] = []
    real = parallel._unpack

    def unpack(*args: Any) -> Any:
        seen.append(gc.get_freeze_count())
        return real(*args)

    monkeypatch.setattr(parallel, "_unpack", unpack)
    root = _folder(make_records)
    before = gc.get_freeze_count()
    _check(root)
    assert seen and min(seen) > 0
    assert gc.get_freeze_count() == before
