"""Generate a realistic records folder for benchmarks: N organisations and N/10 events.

The output depends only on the arguments (a seeded ``random.Random``), so two runs give the same
bytes and timings compare like with like. Organisations are 40-80 lines (officers, unsur, sasaran,
sources, contact), spread over one subfolder per kapanewon; events go under ``kegiatan/<year>/``
and name existing organisations. Without ``--problems`` the folder validates without errors
(warnings and infos are fine); with it, about one file in fifty gets a typical mistake.

Usage: ``python benchmarks/generate.py OUT --orgs 10000 [--seed 1] [--problems]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys

CONFIG = """\
wilayah: {provinsi: Daerah Istimewa Yogyakarta, kabupaten: Sleman}
istilah: diy
bahasa: id
privasi: publik
"""

#: Kapanewon of Sleman and some of their kalurahan (real names).
REGIONS: dict[str, tuple[str, ...]] = {
    "Depok": ("Condongcatur", "Caturtunggal", "Maguwoharjo"),
    "Mlati": ("Sinduadi", "Sendangadi", "Tlogoadi", "Tirtoadi", "Sumberadi"),
    "Gamping": ("Ambarketawang", "Balecatur", "Banyuraden", "Nogotirto", "Trihanggo"),
    "Ngaglik": ("Sariharjo", "Minomartani", "Sinduharjo", "Sukoharjo", "Sardonoharjo"),
    "Kalasan": ("Purwomartani", "Tirtomartani", "Tamanmartani", "Selomartani"),
    "Berbah": ("Jogotirto", "Kalitirto", "Sendangtirto", "Tegaltirto"),
    "Godean": ("Sidoarum", "Sidoagung", "Sidokarto", "Sidomoyo", "Sidoluhur"),
    "Sleman": ("Caturharjo", "Tridadi", "Pandowoharjo", "Triharjo", "Trimulyo"),
    "Ngemplak": ("Wedomartani", "Umbulmartani", "Widodomartani", "Bimomartani"),
    "Prambanan": ("Bokoharjo", "Sumberharjo", "Wukirharjo", "Madurejo"),
}

FIRST = (
    "Agus", "Budi", "Dwi", "Eko", "Endang", "Fitri", "Hadi", "Indah", "Joko", "Kartini",
    "Lestari", "Made", "Nur", "Puji", "Rahayu", "Sri", "Slamet", "Suharti", "Tri", "Wahyu",
    "Yuli", "Wiwik", "Bambang", "Siti", "Heru", "Ratna", "Sugeng", "Parjiyem", "Tukiman", "Ani",
)  # fmt: skip
LAST = (
    "Santoso", "Wibowo", "Susanti", "Prasetyo", "Lestari", "Hartono", "Handayani", "Nugroho",
    "Rahmawati", "Setiawan", "Wulandari", "Purnomo", "Kurniawan", "Sulistyo", "Widodo",
    "Suryani", "Haryanto", "Pratiwi", "Utomo", "Saputra",
)  # fmt: skip
UNSUR = (
    ("Karang Taruna", "lembaga"),
    ("PKK", "lembaga"),
    ("Posyandu Lansia", "lembaga"),
    ("LPMKal", "lembaga"),
    ("Kelompok Tani", "kelompok_usaha"),
    ("KUBE Sejahtera", "kelompok_usaha"),
    ("Kelompok Wanita Tani", "kelompok_usaha"),
    ("Paguyuban UMKM", "kelompok_usaha"),
    ("Takmir Masjid", "jaringan_pendukung"),
    ("Forum Peduli Difabel", "jaringan_pendukung"),
    ("TKSK", "jaringan_pendukung"),
    ("Pekerja Sosial Masyarakat", "jaringan_pendukung"),
)
SASARAN = (
    "lanjut_usia_telantar",
    "penyandang_disabilitas",
    "fakir_miskin",
    "anak_telantar",
    "perempuan_rawan_sosial_ekonomi",
    "korban_bencana_alam",
    "keluarga_bermasalah_sosial_psikologis",
)
ROLES = ("pembina", "wakil_ketua", "wakil_sekretaris", "wakil_bendahara", "anggota")
BIDANG = ("Pendidikan", "Kesehatan", "Ekonomi Produktif", "Kerohanian", "Humas")
JENIS_KEGIATAN = ("pelatihan", "bimtek", "penyuluhan", "sosialisasi", "rapat")
DANA = ("apbd_kabupaten", "dana_desa", "dana_keistimewaan", "apbd_provinsi", "swadaya")
MATERI = (
    "Manajemen Organisasi",
    "Penyusunan Proposal",
    "Pendataan PPKS",
    "Kewirausahaan Sosial",
    "Pertolongan Pertama Psikologis",
    "Administrasi Keuangan",
)


def slug(text: str) -> str:
    return "-".join("".join(c for c in w.lower() if c.isalnum()) for w in text.split())


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def day(rng: random.Random, start: int, end: int) -> dt.date:
    first = dt.date(start, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randint(first, dt.date(end, 12, 28).toordinal()))


def organisation(rng: random.Random, number: int) -> tuple[str, str, str]:
    """(kapanewon folder, id, YAML text) of one WKSBM."""
    kapanewon = rng.choice(sorted(REGIONS))
    kalurahan = rng.choice(REGIONS[kapanewon])
    padukuhan = f"Padukuhan {rng.choice(LAST)} {number % 97 + 1}"
    org_id = f"wksbm-{slug(kalurahan)}-{number:06d}"
    formed = day(rng, 2005, 2022)
    lines = [
        f"# WKSBM {kalurahan}, dicatat oleh pendamping TKSK",
        f"id: {org_id}",
        f"nama: WKSBM {padukuhan} {kalurahan}",
        "jenis: wksbm",
        "tingkat: padukuhan",
        "wilayah:",
        f"  kapanewon: {kapanewon}",
        f"  kalurahan: {kalurahan}",
        f"  padukuhan: {padukuhan}",
        f"status: {rng.choice(('aktif', 'aktif', 'aktif', 'vakum'))}",
        f"dibentuk: {formed.isoformat()}",
        "sk:",
        f'  nomor: "{rng.randint(1, 400)}/KEP.LRH/{formed.year}"',
        f"  tanggal: {formed.isoformat()}",
        f"  penerbit: Lurah {kalurahan}",
        f"  berlaku_sampai: {formed.year + 30}-12-31",
        "pengurus:",
    ]
    roles = ["ketua", "sekretaris", "bendahara"]
    roles += [rng.choice(ROLES) for _ in range(rng.randint(1, 5))]
    roles += ["seksi"] * rng.randint(0, 4)
    for role in roles:
        lines.append(f"  - jabatan: {role}")
        lines.append(f"    nama: {person(rng)}")
        if role == "seksi":
            lines.append(f"    bidang: {rng.choice(BIDANG)}")
        if rng.random() < 0.5:
            lines.append(f"    mulai: {formed.isoformat()}")
    lines.append("unsur:")
    for name, kind in rng.sample(UNSUR, rng.randint(2, 7)):
        lines.append(f"  - nama: {name} {padukuhan}")
        lines.append(f"    kategori: {kind}")
    lines.append("sasaran:")
    lines.extend(f"  - {s}" for s in rng.sample(SASARAN, rng.randint(1, 4)))
    lines.append(f"jumlah_anggota: {rng.randint(10, 120)}")
    lines += [
        "kontak:",
        f"  alamat: Balai {padukuhan}, {kalurahan}, {kapanewon}, Sleman",
        f"  situs: https://{slug(kalurahan)}-sid.slemankab.go.id",
        "sumber:",
        f"  - https://{slug(kalurahan)}-sid.slemankab.go.id/artikel/wksbm-{number}",
        f"  - https://dinsos.slemankab.go.id/wksbm/{org_id}",
    ]
    if rng.random() < 0.6:
        lines += [
            "catatan: >-",
            "  Pertemuan rutin setiap bulan di balai padukuhan; pendataan warga",
            "  lanjut usia dan penyandang disabilitas dilakukan bersama kader PKK.",
        ]
    return slug(kapanewon), org_id, "\n".join(lines) + "\n"


def event(rng: random.Random, number: int, org_ids: list[str]) -> tuple[str, str, str]:
    """(year folder, id, YAML text) of one event naming existing organisations."""
    when = day(rng, 2019, 2025)
    kind = rng.choice(JENIS_KEGIATAN)
    topic = rng.choice(MATERI)
    ev_id = f"{when.isoformat()}-{kind}-{slug(topic)}-{number:05d}"
    kapanewon = rng.choice(sorted(REGIONS))
    guests = rng.sample(org_ids, min(len(org_ids), rng.randint(2, 12)))
    lines = [
        f"id: {ev_id}",
        f"judul: {kind.capitalize()} {topic} bagi WKSBM Kapanewon {kapanewon}",
        f"jenis: {kind}",
        f"tanggal: {when.isoformat()}",
        f"tanggal_selesai: {(when + dt.timedelta(days=rng.randint(0, 2))).isoformat()}",
        "penyelenggara:",
        "  nama: Dinas Sosial Kabupaten Sleman",
        "  unit: Bidang Pemberdayaan Sosial",
        "tempat:",
        f"  nama: Aula Kapanewon {kapanewon}",
        "  wilayah:",
        f"    kapanewon: {kapanewon}",
        f"dasar: Usulan PUPM Musrenbang {when.year - 1}",
        f"sumber_dana: {rng.choice(DANA)}",
        f"tahun_anggaran: {when.year}",
        "peserta:",
        f"  jumlah: {len(guests) * rng.randint(2, 4)}",
        "  organisasi:",
    ]
    lines.extend(f"    - {g}" for g in guests)
    lines += [
        "narasumber:",
        f"  - nama: {person(rng)}",
        "    instansi: Dinas Sosial Kabupaten Sleman",
        "    materi:",
        f"      - {topic}",
        "materi:",
        f"  - {topic}",
        "sumber:",
        f"  - https://dinsos.slemankab.go.id/berita/{ev_id}",
    ]
    return str(when.year), ev_id, "\n".join(lines) + "\n"


PHONE = '"0812-3456-7890"'
PROBLEMS = (
    ("missing-sekretaris", lambda t: t.replace("  - jabatan: sekretaris", "  - jabatan: anggota")),
    ("personal-phone", lambda t: t.replace("  nama: ", f"  telepon: {PHONE}\n    nama: ", 1)),
    ("duplicate-key", lambda t: t + "jenis: wksbm\n"),
    ("invalid-value", lambda t: t.replace("jumlah_anggota: ", "jumlah_anggota: -", 1)),
    ("yaml-syntax", lambda t: t.replace("pengurus:\n", "pengurus:\n\t- x\n", 1)),
)  # fmt: skip


def generate(out: str, orgs: int, seed: int = 1, problems: bool = False) -> int:
    """Write the folder; returns the number of record files. ``out`` must not hold records."""
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "wksbm.yaml"), "w", encoding="utf-8") as handle:
        handle.write(CONFIG)
    org_ids: list[str] = []
    written = 0
    for number in range(orgs):
        folder, org_id, text = organisation(rng, number)
        if problems and rng.random() < 0.02:
            text = rng.choice(PROBLEMS)[1](text)
        _write(os.path.join(out, "organisasi", folder, f"{org_id}.yaml"), text)
        org_ids.append(org_id)
        written += 1
    for number in range(max(1, orgs // 10) if orgs else 0):
        folder, ev_id, text = event(rng, number, org_ids)
        if problems and rng.random() < 0.02:
            text = text.replace("    - wksbm-", "    - wksbm-hilang-", 1)
        _write(os.path.join(out, "kegiatan", folder, f"{ev_id}.yaml"), text)
        written += 1
    return written


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="the records folder to create")
    parser.add_argument("--orgs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--problems", action="store_true", help="sprinkle typical mistakes")
    args = parser.parse_args(argv)
    count = generate(args.out, args.orgs, args.seed, args.problems)
    print(f"wrote {count} record files under {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
