"""Time the round trip through every sheet of ``wksbm export --format xlsx`` against ``validate``.

Usage: python -m benchmarks.roundtrip_speed [N]  (default 2000 organisations and N/10 events,
from ``benchmarks.generate``; everything in a temp dir)

Figures: ``validate`` of the folder (the floor: an import judges every record it changes with
the same engine, and cannot be cheaper than reading the folder once), the export, reading the
workbook back (python-calamine), the plan for the unedited workbook (every row of every table
matched to its record and found unchanged), and the import of a workbook with edits spread over
the tables (one officer in twenty renamed, a speaker added to one event in five), which splices
and writes them.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate
from wksbm_cli.authoring.importing import plan as pl
from wksbm_cli.authoring.importing.readers import read_sheets
from wksbm_cli.check.engine import check_folder
from wksbm_cli.check.policy import load_config
from wksbm_cli.check.results import Options
from wksbm_cli.export.files import write_xlsx
from wksbm_cli.export.tables import build_tables


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _timed(label: str, fn: object) -> float:
    start, cpu = time.perf_counter(), _cpu()
    fn()  # type: ignore[operator]
    took = time.perf_counter() - start
    print(f"{label}: {took:.2f} s wall, {_cpu() - cpu:.2f} s CPU")
    return took


def _edit(source: Path, target: Path) -> int:
    """The workbook with edits in two tables; returns how many rows were edited."""
    from openpyxl import load_workbook

    book = load_workbook(source)
    edited = 0
    officers = book["pengurus"]
    names = [c.value for c in officers[1]]
    column = names.index("nama")
    for number, row in enumerate(officers.iter_rows(min_row=2)):
        if number % 20 == 0:
            row[column].value = f"{row[column].value} Putra"
            edited += 1
    speakers = book["narasumber"]
    heads = [c.value for c in speakers[1]]
    events = [row[0].value for row in book["kegiatan"].iter_rows(min_row=2)]
    for event in events[::5]:
        speakers.append(
            [
                {"kegiatan_id": event, "nama": "Sri Rahayu", "instansi": "Dinas Sosial"}.get(h)
                for h in heads
            ]
        )
        edited += 1
    book.save(target)
    return edited


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "records"
        generate(str(root), n)
        config = load_config(str(root), "records")
        today = dt.date(2026, 1, 1)
        folder = pl.Folder(str(root), "records", config)
        book, edited_book = Path(tmp) / "wksbm.xlsx", Path(tmp) / "diedit.xlsx"
        holder: dict[str, object] = {}

        def check() -> None:
            holder["result"] = check_folder(str(root), "records", config, Options(as_of=today))

        floor = _timed(f"validate ({n} organisations, {n // 10} events)", check)
        result = holder["result"]

        def export() -> None:
            tables = build_tables(result.organisations, result.events)  # type: ignore[attr-defined]
            write_xlsx(str(book), tables, False, True)

        _timed("export xlsx", export)
        rows = sum(len(s.rows) - 1 for s in read_sheets(str(book)) if s.name != "README")
        read = _timed(f"read the workbook ({rows} rows)", lambda: read_sheets(str(book)))

        def unchanged() -> None:
            plan = pl.build(folder, read_sheets(str(book)), pl.Mapping_(), "wksbm.xlsx", today)
            assert plan.count("unchanged") == rows, (plan.count("unchanged"), rows)

        same = _timed("plan of the unedited workbook (all unchanged)", unchanged)
        edited = _edit(book, edited_book)

        def update() -> None:
            plan = pl.build(
                folder, read_sheets(str(edited_book)), pl.Mapping_(), "diedit.xlsx", today
            )
            pl.apply(folder, plan, True)
            assert plan.count("update") == edited, (plan.count("update"), edited)
            assert plan.count("rejected") == 0

        write = _timed(f"import --update of {edited} edited rows", update)
        print(
            f"ratios to validate: plan of the unedited workbook {same / floor:.1f}x,"
            f" import with edits {write / floor:.1f}x; to reading the workbook:"
            f" {same / read:.0f}x, {write / read:.0f}x"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
