"""Time ``wksbm import`` of a generated Dinas workbook against reading the workbook alone.

Usage: python -m benchmarks.import_speed [N]  (default 10000 rows; everything in a temp dir)

Figures: reading the sheets (python-calamine), planning the import (mapping, normalising,
matching, validating every new record with the engine ``validate`` uses), the import that also
writes the N new files (each atomically: two fsyncs), a second import of the same workbook
(every row matched to its record, nothing written), and ``validate`` of the folder it made: the
import cannot be cheaper than judging the records it writes.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import FIRST, LAST, REGIONS
from wksbm_cli.authoring.importing import plan as pl
from wksbm_cli.authoring.importing.readers import read_sheets
from wksbm_cli.check.engine import check_folder
from wksbm_cli.check.results import Options
from wksbm_cli.model.records import Config, Wilayah

#: Organisation names as Dinas lists have them: two Javanese words, most shared by many WKSBM
#: in other kalurahan (which the matcher must keep apart), then a number where a kalurahan has
#: several of the same name.
WORDS = (
    "Ngudi", "Sido", "Tunas", "Bina", "Karya", "Mekar", "Guyub", "Rukun", "Sri", "Manunggal",
    "Among", "Tri", "Dharma", "Amrih", "Langgeng", "Marsudi", "Sumber", "Gotong", "Cipta", "Ngesti",
)  # fmt: skip
ENDS = (
    "Rahayu", "Mulyo", "Harapan", "Sejahtera", "Makmur", "Lestari", "Santoso", "Utomo",
    "Agawe", "Raharjo", "Widodo", "Mandiri", "Sentosa", "Luhur", "Budi", "Royong", "Karso",
)  # fmt: skip
PLACES = tuple((kec, desa) for kec, villages in REGIONS.items() for desa in villages)
MONTHS = ("Januari", "Maret", "Juni", "Agustus", "Oktober", "Desember")


def workbook(path: Path, n: int) -> None:
    """A Dinas workbook of ``n`` WKSBM: a title block, a header in Indonesian, one row each."""
    from openpyxl import Workbook

    pick = random.Random(7)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("WKSBM")
    sheet.append(["DATA WKSBM KABUPATEN SLEMAN"])
    sheet.append(["Keadaan 31 Desember 2025"])
    sheet.append([])
    sheet.append(
        ["No.", "Nama WKSBM", "Kecamatan", "Desa/Kel.", "Ketua", "Sekretaris", "SK Nomor", "Tgl SK"]
    )
    for i in range(n):
        kec, desa = PLACES[i % len(PLACES)]
        name = f"WKSBM {pick.choice(WORDS)} {pick.choice(ENDS)} {i // len(PLACES) + 1}"
        ketua = f"{pick.choice(FIRST)} {pick.choice(LAST)}"
        sekretaris = f"{pick.choice(FIRST)} {pick.choice(LAST)}"
        year = 2019 + i % 7
        when = 44000 + pick.randrange(2200) if i % 3 else f"{1 + i % 28} {MONTHS[i % 6]} {year}"
        sheet.append([i + 1, name, kec, desa, ketua, sekretaris, f"{i % 90 + 1}/KEP/{year}", when])
    book.save(path)


def _cpu() -> float:
    """CPU seconds of this process and its finished workers: on a shared machine the wall
    clock mostly measures the neighbours."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _timed(label: str, fn: object) -> float:
    start, cpu = time.perf_counter(), _cpu()
    fn()  # type: ignore[operator]
    took = time.perf_counter() - start
    print(f"{label}: {took:.2f} s wall, {_cpu() - cpu:.2f} s CPU")
    return took


def main(n: int) -> None:
    config = Config(wilayah=Wilayah(kabupaten="Sleman", kode="34.04"), istilah="diy")
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "wksbm.xlsx"
        workbook(book, n)
        root = Path(tmp) / "records"
        root.mkdir()
        folder = pl.Folder(str(root), "records", config)
        today = dt.date(2026, 1, 1)
        read = _timed(f"read {n} rows", lambda: read_sheets(str(book)))
        plan = _timed(
            "plan (dry run)",
            lambda: pl.build(folder, read_sheets(str(book)), pl.Mapping_(), "wksbm.xlsx", today),
        )

        def full() -> None:
            p = pl.build(folder, read_sheets(str(book)), pl.Mapping_(), "wksbm.xlsx", today)
            pl.apply(folder, p, False)
            assert p.count("new") == n, (p.count("new"), p.items[0])

        write = _timed("import (writes the records)", full)
        again = _timed(
            "import again (all unchanged)",
            lambda: pl.build(folder, read_sheets(str(book)), pl.Mapping_(), "wksbm.xlsx", today),
        )
        check = _timed(
            "validate the imported folder",
            lambda: check_folder(str(root), "records", config, Options(as_of=today)),
        )
        print(
            f"ratios to reading alone: plan {plan / read:.0f}x, import {write / read:.0f}x,"
            f" again {again / read:.0f}x"
        )
        print(
            f"ratios to validate: plan {plan / check:.1f}x, import {write / check:.1f}x,"
            f" again {again / check:.1f}x"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
