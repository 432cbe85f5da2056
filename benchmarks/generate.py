"""Generate a realistic records folder for benchmarks: N organisations and N/10 events.

The output depends only on the arguments (a seeded ``random.Random``), so two runs give the same
bytes and timings compare like with like. The data is meant to cost what real data costs: every
organisation has its own padukuhan (RT/RW in the ``rtrw`` variant), an SK with number and date, an
organisation e-mail in ``kontak`` and officers with varied Indonesian names drawn from first x last
name lists; the folder configuration carries ``kode``. Organisations are 40-80 lines, spread over
one subfolder per kapanewon; events go under ``kegiatan/<year>/`` and name existing organisations.

Variants (``--variant``), each shaped like a folder people really have:

- ``intact``: validates without errors (warnings and infos are fine);
- ``deleted5``: 5% of organisations deleted after the events were written, so events carry
  ``unknown-reference`` errors for them;
- ``unknown-names``: one organisation in five names a misspelt kalurahan (each misspelling its own,
  so the "did you mean" search sees many distinct unknown names);
- ``rtrw``: organisations work at RT or RW level and carry ``rw``/``rt``;
- ``problems3``: every record file has three problems (organisations: a personal mobile number, a
  negative ``jumlah_anggota`` and no sekretaris; events: an end date before the start, a
  participant that does not exist and a ``jenis`` outside the list).

``--problems`` (any variant) additionally gives about one file in fifty a typical mistake.

Usage: ``python benchmarks/generate.py OUT --orgs 10000 [--seed 1] [--variant intact] [--problems]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys

VARIANTS = ("intact", "deleted5", "unknown-names", "rtrw", "problems3")

CONFIG = """\
wilayah: {provinsi: Daerah Istimewa Yogyakarta, kabupaten: Sleman, kode: "34.04"}
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

#: First and family names (Javanese, Sundanese, Malay, Batak, Chinese-Indonesian, Arabic-derived);
#: officers get one of 100 x 80 combinations, some a single name as many Javanese elders have.
FIRST = (
    "Agus", "Budi", "Dwi", "Eko", "Endang", "Fitri", "Hadi", "Indah", "Joko", "Kartini",
    "Lestari", "Made", "Nur", "Puji", "Rahayu", "Sri", "Slamet", "Suharti", "Tri", "Wahyu",
    "Yuli", "Wiwik", "Bambang", "Siti", "Heru", "Ratna", "Sugeng", "Parjiyem", "Tukiman", "Ani",
    "Ahmad", "Aisyah", "Bayu", "Cahyo", "Dewi", "Dian", "Erna", "Fajar", "Galih", "Gunawan",
    "Hendra", "Ika", "Imam", "Intan", "Joni", "Kurniasih", "Lukman", "Maryati", "Muhammad",
    "Nanik", "Nining", "Nugroho", "Nyoman", "Pardi", "Retno", "Rina", "Rudi", "Sadiyem",
    "Sarjono", "Sekar", "Sumarni", "Sunarto", "Supriyadi", "Surti", "Susilo", "Teguh", "Titik",
    "Tumini", "Untung", "Wagiman", "Wartini", "Yanto", "Yohanes", "Yulia", "Zainal", "Antonius",
    "Bernadeta", "Christina", "Fransiska", "Gregorius", "Maria", "Paulus", "Theresia",
    "Veronika", "Asep", "Dadang", "Euis", "Ujang", "Butet", "Togar", "Lina", "Hok", "Meilani",
    "Andreas", "Kadek", "Ketut", "Wayan", "Putu", "Rizky", "Nabila",
)  # fmt: skip
LAST = (
    "Santoso", "Wibowo", "Susanti", "Prasetyo", "Lestari", "Hartono", "Handayani", "Nugroho",
    "Rahmawati", "Setiawan", "Wulandari", "Purnomo", "Kurniawan", "Sulistyo", "Widodo",
    "Suryani", "Haryanto", "Pratiwi", "Utomo", "Saputra", "Hidayat", "Wijaya", "Kusuma", "Sari",
    "Rahman", "Firmansyah", "Siregar", "Nasution", "Simanjuntak", "Hutapea", "Lubis", "Harahap",
    "Tanjung", "Halim", "Gunadi", "Salim", "Tjahjono", "Suparman", "Sudarsono", "Mulyadi",
    "Sukirno", "Darmawan", "Suwarno", "Riyanto", "Prabowo", "Wahyudi", "Hermawan", "Anggraini",
    "Permana", "Maulana", "Fauzi", "Hakim", "Syahputra", "Ramadhan", "Puspitasari", "Astuti",
    "Mardiyanto", "Subagyo", "Triyono", "Sutrisno", "Wardoyo", "Marsudi", "Rohmah", "Kartika",
    "Yulianti", "Setyawati", "Budiman", "Pangestu", "Cahyaningrum", "Nurhayati", "Suwandi",
    "Hasibuan", "Ginting", "Sembiring", "Pardede", "Tambunan", "Lim", "Gozali", "Sutanto",
    "Effendi",
)  # fmt: skip
#: Parts of padukuhan names (Karangasem, Sendangrejo, Kalimanggis Wetan...): each organisation
#: gets its own combination, as padukuhan are never looked up in the official list.
PLACE_HEAD = (
    "Karang", "Kali", "Sendang", "Ngino", "Tegal", "Gondang", "Jati", "Pandean", "Krapyak",
    "Banyu", "Wono", "Sumber", "Tirto", "Duwet", "Nglempong", "Gedong", "Kadi", "Plosok",
    "Mancasan", "Candi", "Kledokan", "Jongkang", "Pogung", "Tambak", "Mriyan", "Soko",
)  # fmt: skip
PLACE_TAIL = (
    "asem", "rejo", "sari", "harjo", "mulyo", "wetan", "kulon", "kidul", "lor", "gede", "anom",
    "manggis", "waru", "tengah", "jambu", "baru", "ombo", "dowo", "sumber", "kerep",
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
    if rng.random() < 0.08:
        return rng.choice(FIRST)
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def day(rng: random.Random, start: int, end: int) -> dt.date:
    first = dt.date(start, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randint(first, dt.date(end, 12, 28).toordinal()))


def misspell(rng: random.Random, name: str, number: int) -> str:
    """A kalurahan name as a hurried typist writes it: a letter dropped, doubled or changed.
    The number keeps misspellings distinct, as they are in real folders."""
    cut = 2 + number % (len(name) - 3)
    letter = "aiueokmnrst"[number % 11]
    edits = (
        name[:cut] + name[cut + 1 :],
        name[:cut] + letter + name[cut:],
        name[:cut] + letter + name[cut + 1 :],
    )
    wrong = edits[rng.randrange(3)]
    return wrong if wrong.lower() != name.lower() else name + "n"


def organisation(rng: random.Random, number: int, variant: str) -> tuple[str, str, str]:
    """(kapanewon folder, id, YAML text) of one WKSBM."""
    kapanewon = rng.choice(sorted(REGIONS))
    kalurahan = rng.choice(REGIONS[kapanewon])
    written_kalurahan = kalurahan
    if variant == "unknown-names" and rng.random() < 0.2:
        written_kalurahan = misspell(rng, kalurahan, number)
    padukuhan = f"{rng.choice(PLACE_HEAD)}{rng.choice(PLACE_TAIL)}"
    if rng.random() < 0.3:
        padukuhan += f" {rng.choice(('I', 'II', 'III', 'IV'))}"
    level = "padukuhan"
    place = f"Padukuhan {padukuhan}"
    rw = rt = ""
    if variant == "rtrw":
        rw = f"{rng.randint(1, 30):02d}"
        level = rng.choice(("rw", "rt"))
        place = f"RW {rw} {padukuhan}"
        if level == "rt":
            rt = f"{rng.randint(1, 12):02d}"
            place = f"RT {rt}/RW {rw} {padukuhan}"
    org_id = f"wksbm-{slug(kalurahan)}-{number:06d}"
    formed = day(rng, 2005, 2022)
    signed = formed + dt.timedelta(days=rng.randint(0, 90))
    lines = [
        f"# WKSBM {kalurahan}, dicatat oleh pendamping TKSK",
        f"id: {org_id}",
        f"nama: WKSBM {place} {kalurahan}",
        "jenis: wksbm",
        f"tingkat: {level}",
        "wilayah:",
        f"  kapanewon: {kapanewon}",
        f"  kalurahan: {written_kalurahan}",
        f"  padukuhan: {padukuhan}",
    ]
    if rw:
        lines.append(f'  rw: "{rw}"')
    if rt:
        lines.append(f'  rt: "{rt}"')
    lines += [
        f"status: {rng.choice(('aktif', 'aktif', 'aktif', 'vakum'))}",
        f"dibentuk: {formed.isoformat()}",
        "sk:",
        f'  nomor: "{rng.randint(100, 188)}/{rng.randint(1, 400):03d}/KEP.LRH/{signed.year}"',
        f"  tanggal: {signed.isoformat()}",
        f"  penerbit: Lurah {kalurahan}",
        f"  berlaku_sampai: {signed.year + 30}-12-31",
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
            lines.append(f"    mulai: {signed.isoformat()}")
    lines.append("unsur:")
    for name, kind in rng.sample(UNSUR, rng.randint(2, 7)):
        lines.append(f"  - nama: {name} {padukuhan}")
        lines.append(f"    kategori: {kind}")
    lines.append("sasaran:")
    lines.extend(f"  - {s}" for s in rng.sample(SASARAN, rng.randint(1, 4)))
    lines.append(f"jumlah_anggota: {rng.randint(10, 120)}")
    mail = f"wksbm.{slug(padukuhan).replace('-', '')}{number % 1000}"
    lines += [
        "kontak:",
        f"  alamat: Balai {place}, {kalurahan}, {kapanewon}, Sleman",
        f"  email: {mail}@{rng.choice(('gmail.com', 'yahoo.co.id', slug(kalurahan) + '.desa.id'))}",
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
    text = "\n".join(lines) + "\n"
    if variant == "problems3":
        text = text.replace("  - jabatan: sekretaris", "  - jabatan: anggota", 1)
        text = text.replace("jumlah_anggota: ", "jumlah_anggota: -", 1)
        text = text.replace("    nama: ", f"    telepon: {PHONE}\n    nama: ", 1)
    return slug(kapanewon), org_id, text


def event(
    rng: random.Random, number: int, org_ids: list[str], variant: str
) -> tuple[str, str, str]:
    """(year folder, id, YAML text) of one event naming existing organisations."""
    when = day(rng, 2019, 2025)
    kind = rng.choice(JENIS_KEGIATAN)
    topic = rng.choice(MATERI)
    ev_id = f"{when.isoformat()}-{kind}-{slug(topic)}-{number:05d}"
    kapanewon = rng.choice(sorted(REGIONS))
    guests = rng.sample(org_ids, min(len(org_ids), rng.randint(2, 12)))
    end = when + dt.timedelta(days=rng.randint(0, 2))
    if variant == "problems3":
        end = when - dt.timedelta(days=rng.randint(1, 3))
        guests[0] = guests[0].replace("wksbm-", "wksbm-lama-", 1)
    lines = [
        f"id: {ev_id}",
        f"judul: {kind.capitalize()} {topic} bagi WKSBM Kapanewon {kapanewon}",
        f"jenis: {'webinar' if variant == 'problems3' else kind}",
        f"tanggal: {when.isoformat()}",
        f"tanggal_selesai: {end.isoformat()}",
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
    ]
    lines += [
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


def generate(
    out: str, orgs: int, seed: int = 1, problems: bool = False, variant: str = "intact"
) -> int:
    """Write the folder; returns the number of record files. ``out`` must not hold records."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; one of {', '.join(VARIANTS)}")
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "wksbm.yaml"), "w", encoding="utf-8") as handle:
        handle.write(CONFIG)
    org_ids: list[str] = []
    org_paths: list[str] = []
    written = 0
    for number in range(orgs):
        folder, org_id, text = organisation(rng, number, variant)
        if problems and rng.random() < 0.02:
            text = rng.choice(PROBLEMS)[1](text)
        path = os.path.join(out, "organisasi", folder, f"{org_id}.yaml")
        _write(path, text)
        org_ids.append(org_id)
        org_paths.append(path)
        written += 1
    for number in range(max(1, orgs // 10) if orgs else 0):
        folder, ev_id, text = event(rng, number, org_ids, variant)
        if problems and rng.random() < 0.02:
            text = text.replace("    - wksbm-", "    - wksbm-hilang-", 1)
        _write(os.path.join(out, "kegiatan", folder, f"{ev_id}.yaml"), text)
        written += 1
    if variant == "deleted5":
        for path in rng.sample(org_paths, len(org_paths) // 20):
            os.remove(path)
            written -= 1
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
    parser.add_argument("--variant", choices=VARIANTS, default="intact")
    parser.add_argument("--problems", action="store_true", help="sprinkle typical mistakes")
    args = parser.parse_args(argv)
    count = generate(args.out, args.orgs, args.seed, args.problems, args.variant)
    print(f"wrote {count} record files under {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
