"""Writes ``dinas-wksbm-2024.xls``: an old-Excel (BIFF8) list as a Dinas keeps it.

Not run by the tests and not a dependency: writing ``.xls`` needs xlwt, which is unmaintained.
The workbook was made once, in a scratch virtual environment outside the repository::

    python3 -m venv /tmp/xlwt-venv && /tmp/xlwt-venv/bin/pip install xlwt==1.3.0
    /tmp/xlwt-venv/bin/python tests/data/make_dinas_xls.py tests/data/dinas-wksbm-2024.xls

and the resulting file is committed. Sheet "Prambanan": a title block merged over the columns,
a two-row header under merged group cells ("Pengurus" over Ketua and Sekretaris, "SK" over
Nomor and Tanggal, No./Nama/Kalurahan merged down both rows), an SK date as a formatted Excel
date, one as a bare serial number, one as "17 Juni 2025", an empty row and a totals row. Sheet
"Berbah": a plain list whose kapanewon is the sheet's name.
"""

from __future__ import annotations

import datetime as dt
import sys

import xlwt  # type: ignore[import-not-found]


def main(path: str) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    bold = xlwt.easyxf("font: bold on; align: horiz center, vert center")
    day = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    sheet = book.add_sheet("Prambanan")
    sheet.write_merge(0, 0, 0, 7, "DATA WKSBM KAPANEWON PRAMBANAN TAHUN 2024", bold)
    sheet.write(1, 0, "Dinas Sosial Kabupaten Sleman")
    for col, head in enumerate(("No.", "Nama WKSBM", "Kalurahan")):
        sheet.write_merge(3, 4, col, col, head, bold)
    sheet.write_merge(3, 3, 3, 4, "Pengurus", bold)
    sheet.write_merge(3, 3, 5, 6, "SK", bold)
    for col, head in enumerate(("Ketua", "Sekretaris", "Nomor", "Tanggal"), start=3):
        sheet.write(4, col, head, bold)
    sheet.write_merge(3, 4, 7, 7, "Keterangan", bold)
    rows = [
        (1, "WKSBM Sido Rukun", "Madurejo", "Sukardi", "Wulandari", "14/KPTS/2024"),
        (2, "WKSBM Ngudi Makmur", "Sumberharjo", "Paijo", "Sumarni", "3/KEP/2023"),
        (3, "WKSBM Tunas Karya", "Bokoharjo", "Rudi Hartono", "Siti Aminah", "21/KPTS/2025"),
    ]
    for r, values in enumerate(rows, start=5):
        for c, value in enumerate(values):
            sheet.write(r, c, value)
    sheet.write(5, 6, dt.date(2024, 3, 12), day)  # a date cell, as Excel shows it
    sheet.write(6, 6, 45099)  # the same kind of date, re-formatted as a number: 2023-06-22
    sheet.write(7, 6, "17 Juni 2025")
    sheet.write(7, 7, "SK baru setelah musyawarah")
    sheet.write(9, 1, "Jumlah")
    sheet.write(9, 3, 3)
    berbah = book.add_sheet("Berbah")
    for c, head in enumerate(("No", "Nama WKSBM", "Desa/Kel.", "Ketua", "Sekretaris")):
        berbah.write(0, c, head, bold)
    for c, value in enumerate((1, "WKSBM Guyub Rukun", "Tegaltirto", "Sutrisno", "Kartini")):
        berbah.write(1, c, value)
    book.save(path)


if __name__ == "__main__":
    main(sys.argv[1])
