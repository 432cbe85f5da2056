"""Workbooks shaped like the ones Dinas Sosial keeps, built in code with openpyxl."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

EXISTING = """\
id: wksbm-bina-sejahtera
nama: WKSBM Bina Sejahtera
jenis: wksbm
tingkat: kalurahan
wilayah: {kapanewon: Depok, kalurahan: Caturtunggal}
pengurus:
  - {jabatan: ketua, nama: Bambang Riyadi, mulai: 2023-01-10}
  - {jabatan: sekretaris, nama: Sri Wahyuni}
jumlah_anggota: 20  # dihitung Maret 2024
"""
EXISTING_REL = "organisasi/depok/wksbm-bina-sejahtera.yaml"


def serial(day: dt.date) -> int:
    return (day - dt.date(1899, 12, 30)).days


def dinas_workbook(path: Path) -> Path:
    """Sheet "Kalasan": a title block, a two-row header under merged cells, Excel-serial dates,
    an Indonesian month name, a misspelt kapanewon, one name in two kalurahan, phone numbers,
    an empty row and a totals row. Sheet "Depok": the PSKS application's column names."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Kalasan"
    ws["A1"] = "DATA WKSBM KAPANEWON KALASAN TAHUN 2025"
    ws.merge_cells("A1:I1")
    ws["A2"] = "Dinas Sosial Kabupaten Sleman"
    heads: list[str | None] = [
        "No.",
        "Nama WKSBM",
        "Desa/Kel.",
        "Kecamatan",
        "Pengurus",
        None,
        "No. HP",
    ]
    heads += ["SK Nomor", "Tgl SK"]
    for col, head in enumerate(heads, start=1):
        if head:
            ws.cell(row=4, column=col, value=head)
    for letter in "ABCDGHI":
        ws.merge_cells(f"{letter}4:{letter}5")
    ws.merge_cells("E4:F4")
    ws["E5"] = "Ketua"
    ws["F5"] = "Sekretaris"
    rows: list[list[str | int | None]] = [
        [
            1,
            "WKSBM Ngudi Rahayu",
            "Tirtomartani",
            "Kalasan",
            "Suparno",
            "Sri Lestari",
            "081234567890",
            "12/KEP/2024",
            serial(dt.date(2024, 6, 17)),
        ],
        [
            2,
            "WKSBM Ngudi Rahayu",
            "Purwomartani",
            "Kalasan",
            "Ngatijo",
            "Wartini",
            None,
            "7/KPTS/2023",
            "17 Juni 2025",
        ],
        [None] * 9,
        [
            3,
            "WKSBM Sido Mulyo",
            "Selomartani",
            "Kalsan",
            "Heru Santoso",
            "Endang Rahayu",
            "0813-2765-4410",
            None,
            None,
        ],
        [None, "Jumlah", None, None, None, None, None, None, None],
    ]
    for r, values in enumerate(rows, start=6):
        for c, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    psks = book.create_sheet("Depok")
    psks.append(
        [
            "nama_wksb",
            "desa_kelurahan",
            "kecamatan",
            "no_hp",
            "email",
            "nama_ketua_wksbm",
            "legalitas_wksbm",
            "jumlah_pengurus",
            "jumlah_anggota",
            "jenis_kegiatan",
        ]
    )
    psks.append(
        [
            "WKSBM Manunggal",
            "Condongcatur",
            "Depok",
            "085701234567",
            "manunggal@gmail.com",
            "Slamet Widodo",
            "SK Lurah Condongcatur No. 45/KEP/2024 tanggal 3 Maret 2024",
            5,
            30,
            "Pendampingan lansia",
        ]
    )
    psks.append(
        [
            "WKSBM Bina Sejahtera",
            "Caturtunggal",
            "Depok",
            None,
            None,
            "Bambang Riyadi",
            None,
            3,
            25,
            "Kunjungan rumah",
        ]
    )
    psks.append(
        [
            "WKSBM Tunas Harapan",
            "Condongcatuur",
            "Depok",
            None,
            None,
            "Rina Marlina",
            None,
            4,
            15,
            None,
        ]
    )
    book.save(path)
    return path
