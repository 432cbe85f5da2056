"""Time ``validate`` on generated organisation records with and without the region rules.

Usage: python -m benchmarks.region_cost [N]  (default 10000; records are written to a temp dir)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from wksbm_cli.check.engine import check_folder
from wksbm_cli.check.results import Options
from wksbm_cli.model.records import Config, Wilayah

DESA = ("Condongcatur", "Condong Catur", "Caturtunggal", "Maguwoharjo")


def main(n: int) -> None:
    config = Config(wilayah=Wilayah(kabupaten="Sleman", kode="34.04"))
    with tempfile.TemporaryDirectory() as tmp:
        org = Path(tmp) / "organisasi"
        org.mkdir()
        for i in range(n):
            (org / f"wksbm-{i}.yaml").write_text(
                f"id: wksbm-{i}\nnama: WKSBM {i}\njenis: wksbm\ntingkat: kalurahan\n"
                f"wilayah: {{kapanewon: Depok, kalurahan: {DESA[i % 4]}}}\n",
                encoding="utf-8",
            )
        for label, ignore in (
            ("with region rules", ()),
            ("without (--ignore region-*)", ("region-*",)),
        ):
            start = time.perf_counter()
            check_folder(tmp, ".", config, Options(ignore=ignore))
            print(f"{label}: {time.perf_counter() - start:.2f} s for {n} records")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
