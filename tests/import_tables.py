"""A records folder as a forum keeps it (comments, flow and block styles, a waiver), for the
round trip through every sheet of ``wksbm export --format xlsx``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

CONFIG = """\
# Konfigurasi forum WKSBM Sleman
wilayah: {provinsi: Daerah Istimewa Yogyakarta, kabupaten: Sleman, kode: "34.04"}
istilah: diy
bahasa: en
privasi: publik
"""

BINA = """\
# WKSBM Bina Sejahtera, Kalurahan Caturtunggal (data musyawarah Januari 2023).
id: wksbm-bina-sejahtera
nama: WKSBM Bina Sejahtera
jenis: wksbm
tingkat: kalurahan
wilayah: {kapanewon: Depok, kalurahan: Caturtunggal}
sk:
  nomor: "12/KEP.LRH/2023"  # SK Lurah
  tanggal: 2023-03-01
pengurus:
  - {jabatan: ketua, nama: Bambang Riyadi, mulai: 2023-01-10}  # dipilih musyawarah
  - {jabatan: sekretaris, nama: Sri Wahyuni}
  - {jabatan: bendahara, nama: Tri Handayani}
unsur:
  - {nama: Karang Taruna Tunas Muda, kategori: lembaga}
  - {nama: Kelompok Usaha Bersama Mekar, kategori: kelompok_usaha}
jumlah_anggota: 20  # dihitung Maret 2024
"""
BINA_REL = "organisasi/depok/wksbm-bina-sejahtera.yaml"

NGUDI = """\
# WKSBM Ngudi Rahayu, Kalurahan Tirtomartani.
id: wksbm-ngudi-rahayu
nama: WKSBM Ngudi Rahayu
jenis: wksbm
tingkat: kalurahan
wilayah:
  kapanewon: Kalasan
  kalurahan: Tirtomartani
pengurus:
  - jabatan: ketua
    nama: Suparno
    mulai: 2022-05-01  # hasil musyawarah kalurahan
  - jabatan: sekretaris
    nama: Sri Lestari
"""
NGUDI_REL = "organisasi/kalasan/wksbm-ngudi-rahayu.yaml"

PELATIHAN = """\
# Pelatihan manajemen organisasi, Kapanewon Depok (InfoPublik).
id: 2025-06-17-pelatihan-manajemen-organisasi-depok
judul: Pelatihan Manajemen Organisasi WKSBM
jenis: pelatihan
tanggal: 2025-06-17
penyelenggara:
  nama: Kapanewon Depok
tempat:
  nama: Ruang PKK Kapanewon Depok  # lantai 2
peserta:
  jumlah: 30
  organisasi: [wksbm-bina-sejahtera]
narasumber:
  - nama: Supartini
    instansi: Yayasan Sayap Ibu
    materi:
      - pengertian WKSBM
      - dasar hukum WKSBM
catatan: Sumber dana tidak disebut.
"""
PELATIHAN_REL = "kegiatan/2025/2025-06-17-pelatihan-manajemen-organisasi-depok.yaml"

RAKOR = """\
# Rapat koordinasi forum; id tanpa tanggal (dibuat sebelum `wksbm new`).
id: rakor-forum-wksbm-kalasan
judul: Rapat Koordinasi Forum WKSBM Kalasan
jenis: rapat
tanggal: 2025-08-05  # diundur dari 4 Agustus
penyelenggara: Forum Komunikasi WKSBM Kalasan
peserta: {organisasi: [wksbm-ngudi-rahayu]}
"""
RAKOR_REL = "kegiatan/2025/rakor-forum-wksbm-kalasan.yaml"

FILES = {BINA_REL: BINA, NGUDI_REL: NGUDI, PELATIHAN_REL: PELATIHAN, RAKOR_REL: RAKOR}


def sheet_rows(book: Any, name: str) -> list[dict[str, Any]]:
    """The rows of a sheet as column -> cell (openpyxl cells, to edit in place)."""
    sheet = book[name]
    names = [c.value for c in sheet[1]]
    return [dict(zip(names, row, strict=False)) for row in sheet.iter_rows(min_row=2)]


def find_row(book: Any, name: str, **match: Any) -> dict[str, Any]:
    for row in sheet_rows(book, name):
        if all(row[k].value == v for k, v in match.items()):
            return row
    raise AssertionError(f"no row {match} in {name}")


def append_row(book: Any, name: str, **cells: Any) -> None:
    sheet = book[name]
    names = [c.value for c in sheet[1]]
    sheet.append([cells.get(n) for n in names])


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
