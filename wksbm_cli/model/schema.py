"""The record format, declared once: organisation, event, configuration and the shared pieces.

This module is the single source of truth for what a record may hold. The validator, the JSON
Schema for editors, the field reference in README, the columns of ``list``/``show``/``export``
and the commented-out lines of a ``wksbm new`` record all follow from these declarations (see
``Field`` in ``model/types.py``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from wksbm_cli.core.problem import SEVERITY_WORDS
from wksbm_cli.core.suggest import did_you_mean
from wksbm_cli.core.vocabulary import DEFAULT_STATUS, REGION_LEVELS, STATUSES
from wksbm_cli.load.yamldoc import Path
from wksbm_cli.model.fields import sub_columns
from wksbm_cli.model.types import (
    AtLeastOne,
    Choice,
    Context,
    Date,
    Field,
    Integer,
    ListOf,
    SchemaIssue,
    SchemaType,
    Struct,
    TableColumn,
    Text,
    TextOr,
    field_name,
    wrong_type,
)

#: The record format's version: 1 as first published; 2 added the optional organisation fields
#: ``sk_riwayat``, ``status_sejak`` and ``status_alasan`` (every version-1 file stays valid).
FORMAT_VERSION = 2

SLUG_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"
ID = Text(pattern=SLUG_PATTERN, max_length=80, pattern_name="slug")
URL = Text(pattern=r"https?://\S+", pattern_name="url")
DIGITS = Text(pattern=r"[0-9]+", pattern_name="digits")
KODE = Text(pattern=r"\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?", pattern_name="kode")
#: Counts of people: far above any WKSBM or event (a kabupaten has about a million people), far
#: below what overflows an export (SQLite INTEGER is 64-bit). Beyond it is a typo or an attack.
JUMLAH_ANGGOTA = Integer(minimum=0, maximum=10_000_000)
JUMLAH_PESERTA = Integer(minimum=0, maximum=10_000_000)
#: The Republic's first budget year to the end of any plan in sight.
TAHUN_ANGGARAN = Integer(minimum=1945, maximum=2100)

JABATAN = (
    "pelindung",
    "penasihat",
    "pembina",
    "ketua",
    "wakil_ketua",
    "sekretaris",
    "wakil_sekretaris",
    "bendahara",
    "wakil_bendahara",
    "seksi",
    "anggota",
)

TINGKAT = Choice(
    tuple(reversed(REGION_LEVELS)),
    {
        "padukuhan": "dusun",
        "kalurahan": "desa",
        "kelurahan": "desa",
        "kapanewon": "kecamatan",
        "kemantren": "kecamatan",
        "kota": "kabupaten",
    },
)

PPKS = (
    "anak_balita_telantar",
    "anak_telantar",
    "anak_berhadapan_dengan_hukum",
    "anak_jalanan",
    "anak_dengan_kedisabilitasan",
    "anak_korban_tindak_kekerasan",
    "anak_memerlukan_perlindungan_khusus",
    "lanjut_usia_telantar",
    "penyandang_disabilitas",
    "tuna_susila",
    "gelandangan",
    "pengemis",
    "pemulung",
    "kelompok_minoritas",
    "bekas_warga_binaan_lembaga_pemasyarakatan",
    "odha",
    "korban_penyalahgunaan_napza",
    "korban_trafficking",
    "korban_tindak_kekerasan",
    "pekerja_migran_bermasalah_sosial",
    "korban_bencana_alam",
    "korban_bencana_sosial",
    "perempuan_rawan_sosial_ekonomi",
    "fakir_miskin",
    "keluarga_bermasalah_sosial_psikologis",
    "komunitas_adat_terpencil",
)

WILAYAH = Struct(
    (
        Field("provinsi", Text(), doc_id="Provinsi.", doc_en="Province."),
        Field(
            "kabupaten",
            Text(),
            synonyms=("kota",),
            doc_id="Kabupaten atau kota.",
            doc_en="Regency or city.",
        ),
        Field(
            "kecamatan",
            Text(),
            synonyms=("kapanewon", "kemantren"),
            doc_id="Kecamatan (di DIY: kapanewon/kemantren).",
            doc_en="District (in DIY: kapanewon/kemantren).",
        ),
        Field(
            "desa",
            Text(),
            synonyms=("kalurahan", "kelurahan"),
            doc_id="Desa atau kelurahan (di DIY: kalurahan).",
            doc_en="Village (in DIY: kalurahan).",
        ),
        Field(
            "dusun",
            Text(),
            synonyms=("padukuhan",),
            doc_id="Dusun (di DIY: padukuhan).",
            doc_en="Hamlet (in DIY: padukuhan).",
        ),
        Field(
            "rw",
            DIGITS,
            doc_id='Nomor RW, dalam tanda kutip: "05".',
            doc_en='RW number, quoted: "05".',
        ),
        Field(
            "rt",
            DIGITS,
            doc_id='Nomor RT, dalam tanda kutip: "03".',
            doc_en='RT number, quoted: "03".',
        ),
        Field(
            "kode",
            KODE,
            doc_id='Kode wilayah Kemendagri, mis. "34.04.07.2003".',
            doc_en='Kemendagri region code, e.g. "34.04.07.2003".',
        ),
    ),
    title="wilayah",
)

SK = Struct(
    (
        Field("nomor", Text(), doc_id="Nomor SK.", doc_en="Decree number."),
        Field("tanggal", Date(), doc_id="Tanggal SK.", doc_en="Decree date."),
        Field(
            "penerbit", Text(), doc_id="Penerbit SK, mis. Lurah.", doc_en="Issuer, e.g. the lurah."
        ),
        Field(
            "berlaku_sampai",
            Date(),
            doc_id="Akhir masa berlaku SK.",
            doc_en="Last day the decree is in force.",
        ),
    ),
    title="sk",
)

PENGURUS = Struct(
    (
        Field("jabatan", Choice(JABATAN), required=True, doc_id="Jabatan.", doc_en="Position."),
        Field("nama", Text(), required=True, doc_id="Nama pengurus.", doc_en="Officer's name."),
        Field("bidang", Text(), doc_id="Bidang (untuk seksi).", doc_en="Field (for seksi)."),
        Field("mulai", Date(), doc_id="Mulai menjabat.", doc_en="Start of term."),
        Field(
            "selesai",
            Date(),
            doc_id="Selesai menjabat; kosong = masih aktif.",
            doc_en="End of term; absent = still active.",
        ),
        Field(
            "telepon",
            Text(),
            doc_id="Telepon pribadi: data pribadi, lihat aturan privasi.",
            doc_en="Personal phone: personal data, see the privacy rules.",
        ),
        Field(
            "email",
            Text(),
            doc_id="E-mail pribadi: data pribadi, lihat aturan privasi.",
            doc_en="Personal e-mail: personal data, see the privacy rules.",
        ),
        Field("catatan", Text(), doc_id="Catatan.", doc_en="Notes."),
    ),
    title="pengurus",
)

UNSUR = Struct(
    (
        Field("nama", Text(), required=True, doc_id="Nama unsur.", doc_en="Name of the element."),
        Field(
            "kategori",
            Choice(("kelompok_usaha", "lembaga", "jaringan_pendukung")),
            required=True,
            doc_id="Kategori unsur.",
            doc_en="Category of the element.",
        ),
    ),
    title="unsur",
)

KONTAK = Struct(
    (
        Field("alamat", Text(), doc_id="Alamat kantor.", doc_en="Office address."),
        Field(
            "telepon",
            Text(),
            doc_id="Telepon kantor organisasi.",
            doc_en="The organisation's office phone.",
        ),
        Field("email", Text(), doc_id="E-mail organisasi.", doc_en="The organisation's e-mail."),
        Field("situs", URL, doc_id="Situs web.", doc_en="Website."),
        Field(
            "media_sosial",
            ListOf(Text()),
            doc_id="Akun media sosial.",
            doc_en="Social media accounts.",
        ),
    ),
    title="kontak",
)

PENGECUALIAN = Struct(
    (
        Field(
            "aturan",
            Text(pattern=r"[a-z0-9]+(-[a-z0-9]+)*", pattern_name="rule"),
            required=True,
            doc_id="Id aturan yang dikecualikan.",
            doc_en="Id of the waived rule.",
        ),
        Field(
            "sampai",
            Date(),
            required=True,
            doc_id="Pengecualian berlaku sampai tanggal ini.",
            doc_en="The waiver holds until this date.",
        ),
        Field(
            "alasan",
            Text(),
            required=True,
            doc_id="Alasan pengecualian.",
            doc_en="Why the gap is accepted.",
        ),
    ),
    title="pengecualian",
)


def _is_wksbm(record: Mapping[str, Any]) -> bool:
    return record.get("jenis") == "wksbm"


ORGANISASI = Struct(
    (
        Field(
            "id",
            ID,
            required=True,
            doc_id="Id catatan = nama berkas tanpa .yaml.",
            doc_en="Record id = the file name without .yaml.",
            label="field.id",
            export=True,
        ),
        Field(
            "nama",
            Text(),
            required=True,
            doc_id="Nama organisasi.",
            doc_en="Name of the organisation.",
            label="field.nama",
            export=True,
            shown=True,
        ),
        Field(
            "jenis",
            Choice(("wksbm", "forum", "lembaga")),
            required=True,
            doc_id="wksbm; forum WKSBM; atau lembaga mitra (yayasan, LKS, dinas).",
            doc_en="a WKSBM; a forum of WKSBM; or a partner institution.",
            label="field.jenis",
            export=True,
            shown=True,
        ),
        Field(
            "tingkat",
            TINGKAT,
            required=_is_wksbm,
            required_note="jenis: wksbm",
            required_if=("jenis", "wksbm"),
            doc_id="Tingkat wilayah kerja (wajib untuk WKSBM).",
            doc_en="The level it works at (required for a WKSBM).",
            label="field.tingkat",
            export=True,
            shown=True,
        ),
        Field(
            "wilayah",
            WILAYAH,
            required=_is_wksbm,
            required_note="jenis: wksbm",
            required_if=("jenis", "wksbm"),
            doc_id="Wilayah kerja (wajib untuk WKSBM).",
            doc_en="Where it works (required for a WKSBM).",
            export=sub_columns(WILAYAH, "wilayah", shown=("kecamatan", "desa", "dusun")),
        ),
        Field(
            "status",
            Choice(STATUSES),
            doc_id="Status; bawaan aktif.",
            doc_en="Status; default aktif.",
            label="field.status",
            example=f"{DEFAULT_STATUS}  # {' | '.join(STATUSES)}",
            export=True,
            shown=True,
            export_after="tingkat",  # the column order published since version 1
        ),
        Field(
            "status_sejak",
            Date(),
            doc_id="Sejak kapan status ini berlaku (diisi oleh `wksbm status`).",
            doc_en="The day the status took effect (written by `wksbm status`).",
        ),
        Field(
            "status_alasan",
            Text(),
            doc_id="Alasan status ini, mis. pengurus belum dipilih ulang.",
            doc_en="Why it has this status, e.g. officers not yet re-elected.",
        ),
        Field(
            "dibentuk",
            Date(),
            doc_id="Tanggal dibentuk.",
            doc_en="Founding date.",
            label="field.dibentuk",
            example="2024-01-31  # tanggal dibentuk, YYYY-MM-DD",
            export=True,
            shown=True,
        ),
        Field(
            "sk",
            SK,
            doc_id="Surat keputusan pengesahan.",
            doc_en="The decree that legalised it.",
            label="field.sk",
            example="# surat keputusan pengesahan\n"
            '  nomor: "12/KEP/2024"\n'
            "  tanggal: 2024-02-01\n"
            "  penerbit: Lurah ...\n"
            "  berlaku_sampai: 2029-02-01",
            export=sub_columns(SK, "sk", prefix="sk_"),
            shown=True,
        ),
        Field(
            "sk_riwayat",
            ListOf(SK),
            doc_id="SK terdahulu, yang lama lebih dulu (diisi oleh `wksbm sk`).",
            doc_en="Earlier decrees, oldest first (written by `wksbm sk`).",
        ),
        Field(
            "pengurus",
            ListOf(PENGURUS),
            doc_id="Daftar pengurus.",
            doc_en="Officers.",
            label="field.pengurus",
            example="# ketua dan sekretaris wajib; bendahara disarankan\n"
            "  - {jabatan: ketua, nama: Nama Ketua, mulai: 2024-02-01}\n"
            "  - {jabatan: sekretaris, nama: Nama Sekretaris}\n"
            "  - {jabatan: bendahara, nama: Nama Bendahara}",
            shown=True,
        ),
        Field(
            "unsur",
            ListOf(UNSUR),
            doc_id="Unsur anggota.",
            doc_en="Member elements.",
            label="field.unsur",
            example="# kategori: kelompok_usaha | lembaga | jaringan_pendukung\n"
            "  - {nama: Karang Taruna ..., kategori: lembaga}",
            shown=True,
        ),
        Field(
            "sasaran",
            ListOf(Choice(PPKS)),
            doc_id="PPKS yang ditangani.",
            doc_en="Social problems (PPKS) it addresses.",
            example="[lanjut_usia_telantar, fakir_miskin]  # PPKS yang ditangani",
        ),
        Field(
            "jumlah_anggota",
            JUMLAH_ANGGOTA,
            doc_id="Jumlah anggota.",
            doc_en="Number of members.",
            example="25",
            export=True,
        ),
        Field(
            "kontak",
            KONTAK,
            doc_id="Kontak resmi organisasi.",
            doc_en="The organisation's own contact.",
            example="# kontak resmi organisasi saja, bukan HP pribadi\n  alamat: Balai $desa ...",
        ),
        Field(
            "sumber",
            ListOf(URL),
            doc_id="Sumber informasi (URL).",
            doc_en="Sources (URLs).",
            example="# tautan sumber informasi\n  - https://...",
        ),
        Field("catatan", Text(), doc_id="Catatan.", doc_en="Notes.", example="Catatan bebas."),
        Field(
            "pengecualian",
            ListOf(PENGECUALIAN),
            doc_id="Pengecualian aturan yang berakhir pada tanggal tertentu.",
            doc_en="Rule waivers that expire on a date.",
            example="# terima kekurangan sementara, sampai tanggal tertentu\n"
            "  - {aturan: missing-sekretaris, sampai: 2026-09-30, alasan: menunggu pemilihan}",
        ),
    ),
    title="organisasi",
)

PENYELENGGARA = Struct(
    (
        Field("nama", Text(), required=True, doc_id="Nama penyelenggara.", doc_en="Organiser."),
        Field("unit", Text(), doc_id="Bidang atau unit.", doc_en="Unit or division."),
        Field(
            "organisasi",
            ID,
            doc_id="Id organisasi penyelenggara.",
            doc_en="Id of the organising organisation.",
        ),
    ),
    title="penyelenggara",
)

TEMPAT = Struct(
    (
        Field("nama", Text(), required=True, doc_id="Nama tempat.", doc_en="Venue name."),
        Field("wilayah", WILAYAH, doc_id="Wilayah tempat.", doc_en="Where the venue is."),
    ),
    title="tempat",
)

PESERTA = Struct(
    (
        Field("jumlah", JUMLAH_PESERTA, doc_id="Jumlah peserta.", doc_en="Number of participants."),
        Field(
            "organisasi",
            ListOf(ID),
            doc_id="Id organisasi peserta.",
            doc_en="Ids of participating organisations.",
        ),
        Field(
            "asal",
            ListOf(Text()),
            doc_id="Desa/kalurahan asal peserta.",
            doc_en="Villages the participants came from.",
        ),
        Field("unsur", ListOf(Text()), doc_id="Unsur peserta.", doc_en="Participants' elements."),
    ),
    title="peserta",
)

NARASUMBER = AtLeastOne(
    Struct(
        (
            Field("nama", Text(), doc_id="Nama narasumber.", doc_en="Speaker's name."),
            Field("instansi", Text(), doc_id="Instansi.", doc_en="Institution."),
            Field(
                "materi",
                ListOf(Text()),
                doc_id="Materi yang dibawakan.",
                doc_en="Topics presented.",
            ),
        ),
        title="narasumber",
    ),
    ("nama", "instansi"),
)

PEJABAT = Struct(
    (
        Field("nama", Text(), doc_id="Nama pejabat.", doc_en="Official's name."),
        Field("jabatan", Text(), doc_id="Jabatan.", doc_en="Position."),
    ),
    title="pejabat",
)

JENIS_KEGIATAN = ("pelatihan", "bimtek", "penyuluhan", "sosialisasi", "rapat", "lainnya")
SUMBER_DANA = (
    "apbn",
    "apbd_provinsi",
    "apbd_kabupaten",
    "dana_desa",
    "dana_keistimewaan",
    "pokir",
    "csr",
    "swadaya",
    "lainnya",
)

KEGIATAN = Struct(
    (
        Field(
            "id",
            ID,
            required=True,
            doc_id="Id = nama berkas; awalan YYYY-MM-DD = tanggal.",
            doc_en="Id = file name; a YYYY-MM-DD prefix must equal tanggal.",
            label="field.id",
            export=True,
        ),
        Field(
            "judul",
            Text(),
            required=True,
            doc_id="Judul kegiatan.",
            doc_en="Title.",
            label="field.judul",
            export=True,
        ),
        Field(
            "jenis",
            Choice(JENIS_KEGIATAN),
            required=True,
            doc_id="Jenis kegiatan.",
            doc_en="Kind of event.",
            label="field.jenis",
            export=True,
            shown=True,
        ),
        Field(
            "tanggal",
            Date(),
            required=True,
            doc_id="Hari pertama.",
            doc_en="First day.",
            label="field.tanggal",
            export=True,
            shown=True,
        ),
        Field(
            "tanggal_selesai",
            Date(),
            doc_id="Hari terakhir.",
            doc_en="Last day.",
            label="field.tanggal_selesai",
            example="2025-06-18  # hari terakhir, bila lebih dari sehari",
            export=True,
            shown=True,
        ),
        Field(
            "penyelenggara",
            TextOr(PENYELENGGARA),
            required=True,
            doc_id="Penyelenggara.",
            doc_en="Organiser.",
            export=(
                TableColumn(
                    "penyelenggara", "penyelenggara.nama", label="field.penyelenggara", shown=True
                ),
                TableColumn("penyelenggara_unit", "penyelenggara.unit"),
                TableColumn("penyelenggara_organisasi", "penyelenggara.organisasi"),
            ),
        ),
        Field(
            "tempat",
            TextOr(TEMPAT),
            doc_id="Tempat.",
            doc_en="Venue.",
            example="\n  nama: Balai ...\n  wilayah: {$kecamatan: ...}",
            export=(TableColumn("tempat", "tempat.nama", label="field.tempat", shown=True),),
        ),
        Field(
            "dasar",
            Text(),
            doc_id="Dasar kegiatan, mis. usulan PUPM Musrenbang.",
            doc_en="Basis, e.g. a PUPM proposal from Musrenbang.",
            example="Usulan PUPM Musrenbang  # dasar kegiatan",
            export=True,
        ),
        Field(
            "sumber_dana",
            Choice(SUMBER_DANA),
            doc_id="Sumber dana.",
            doc_en="Source of funds.",
            example="apbd_kabupaten  # apbn | apbd_provinsi | apbd_kabupaten | dana_desa | ...",
            export=True,
        ),
        Field(
            "tahun_anggaran",
            TAHUN_ANGGARAN,
            doc_id="Tahun anggaran.",
            doc_en="Budget year.",
            example="2025",
            export=True,
        ),
        Field(
            "peserta",
            PESERTA,
            doc_id="Peserta.",
            doc_en="Participants.",
            example="\n  jumlah: 30\n"
            "  organisasi: [wksbm-...]  # id organisasi peserta\n"
            "  asal: [Nama $desa]  # asal peserta, di mana pun di kabupaten/kota ini\n"
            "  unsur: [karang taruna, kader sosial]",
            export=(
                TableColumn(
                    "peserta_jumlah",
                    "peserta_jumlah",
                    "integer",
                    label="field.peserta_jumlah",
                    shown=True,
                ),
            ),
        ),
        Field(
            "narasumber",
            ListOf(NARASUMBER),
            doc_id="Narasumber.",
            doc_en="Speakers.",
            example="\n  - {nama: ..., instansi: ..., materi: [...]}",
        ),
        Field(
            "pejabat",
            ListOf(PEJABAT),
            doc_id="Pejabat yang hadir.",
            doc_en="Officials present.",
            example="\n  - {nama: ..., jabatan: ...}",
        ),
        Field("materi", ListOf(Text()), doc_id="Materi.", doc_en="Topics.", example="[...]"),
        Field(
            "sumber",
            ListOf(URL),
            doc_id="Sumber informasi (URL).",
            doc_en="Sources (URLs).",
            example="# tautan sumber informasi\n  - https://...",
        ),
        Field("catatan", Text(), doc_id="Catatan.", doc_en="Notes.", example="Catatan bebas."),
        Field(
            "pengecualian",
            ListOf(PENGECUALIAN),
            doc_id="Pengecualian aturan yang berakhir pada tanggal tertentu.",
            doc_en="Rule waivers that expire on a date.",
        ),
    ),
    title="kegiatan",
)

SEVERITY_CHOICE = Choice(SEVERITY_WORDS)


@dataclass(frozen=True)
class RuleSeverities(SchemaType):
    """``aturan:``, a mapping of rule id to severity; a misspelt rule id gets a suggestion."""

    expected = "mapping"

    def check(self, value: Any, path: Path, ctx: Context) -> Iterator[SchemaIssue]:
        known = ctx.rule_ids
        if not isinstance(value, dict):
            yield wrong_type(path, "mapping", value, ctx)
            return
        for key, severity in value.items():
            if key not in known:
                yield SchemaIssue(
                    "invalid-value",
                    (*path, key),
                    "invalid-value.rule",
                    {
                        "field": field_name((*path, key)),
                        "value": key,
                        "suggestion": did_you_mean(key, sorted(known)),
                    },
                )
                continue
            if severity is False:
                continue  # an unquoted `off` is YAML 1.1 false: that is what people mean
            yield from SEVERITY_CHOICE.check(severity, (*path, key), ctx)

    def json_schema(self) -> dict[str, Any]:
        # The enum of rule ids is filled in by ``jsonschema.schema_of``, which is given them.
        return {
            "type": "object",
            "propertyNames": {"enum": []},
            "additionalProperties": SEVERITY_CHOICE.json_schema(),
        }


CONFIG = Struct(
    (
        Field(
            "wilayah",
            WILAYAH,
            doc_id="Wilayah folder ini; catatan mewarisi tingkat yang kosong.",
            doc_en="This folder's region; records inherit the levels they leave out.",
        ),
        Field(
            "istilah",
            Choice(("diy", "nasional")),
            doc_id="Label wilayah yang ditampilkan.",
            doc_en="Region labels shown to people.",
        ),
        Field("bahasa", Choice(("id", "en")), doc_id="Bahasa pesan.", doc_en="Message language."),
        Field(
            "privasi",
            Choice(("publik", "internal")),
            doc_id="publik: nomor HP dan e-mail pribadi dilarang; internal: boleh.",
            doc_en="publik: personal phones and e-mails are errors; internal: allowed.",
        ),
        Field(
            "jabatan_wajib",
            ListOf(Choice(JABATAN)),
            doc_id="Jabatan wajib (error jika kosong).",
            doc_en="Required positions (error when missing).",
        ),
        Field(
            "jabatan_disarankan",
            ListOf(Choice(JABATAN)),
            doc_id="Jabatan disarankan (peringatan jika kosong).",
            doc_en="Recommended positions (warning when missing).",
        ),
        Field(
            "aturan",
            RuleSeverities(),
            doc_id="Tingkat per aturan: error | warning | info | off.",
            doc_en="Severity per rule: error | warning | info | off.",
        ),
        Field(
            "ukuran_berkas_maks",
            Integer(minimum=1024, maximum=64 * 1024 * 1024),
            doc_id="Ukuran berkas terbesar yang dibaca, dalam byte (bawaan 1 MiB).",
            doc_en="Largest file read, in bytes (default 1 MiB).",
        ),
    ),
    title="wksbm.yaml",
)
