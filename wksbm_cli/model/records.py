"""Typed records, built leniently from checked YAML data.

Schema problems are reported by the validator; here a value of the wrong type simply becomes
``None`` or is left out, so that summaries and reports can still count what *can* be read from a
record with errors. Records are small, frozen and picklable: they are the compact per-record facts
that cross-record rules and reports work on, not whole documents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wksbm_cli.core.terms import terms
from wksbm_cli.core.vocabulary import DEFAULT_STATUS, REGION_LEVELS, STATUSES
from wksbm_cli.load.yamldoc import Path
from wksbm_cli.model.schema import (
    JUMLAH_ANGGOTA,
    JUMLAH_PESERTA,
    KEGIATAN,
    ORGANISASI,
    PENYELENGGARA,
    PESERTA,
    SK,
    TAHUN_ANGGARAN,
    TEMPAT,
    TINGKAT,
    WILAYAH,
)
from wksbm_cli.model.types import Integer, as_date


def _str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _int(data: Mapping[str, Any], key: str, kind: Integer | None = None) -> int | None:
    """The whole number at ``key``; None when absent or, given its schema type, out of range
    (already reported as ``invalid-value``, and never to reach a report or an export)."""
    value = data.get(key)
    if kind is not None:
        return value if kind.accepts(value) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _date(data: Mapping[str, Any], key: str) -> dt.date | None:
    return as_date(data.get(key))


def _map(data: Mapping[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _strs(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list):
        return ()
    return tuple(v for v in value if isinstance(v, str) and v.strip())


def _maps(data: Mapping[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]


@dataclass(frozen=True, slots=True)
class Wilayah:
    provinsi: str | None = None
    kabupaten: str | None = None
    kecamatan: str | None = None
    desa: str | None = None
    dusun: str | None = None
    rw: str | None = None
    rt: str | None = None
    kode: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Wilayah:
        norm = WILAYAH.normalize(data)
        return cls(**{k: _str(norm, k) for k in (*REGION_LEVELS, "kode")})

    def inherit(self, parent: Wilayah) -> Wilayah:
        """Levels this place leaves out are taken from the folder's configured region."""
        return Wilayah(
            **{k: getattr(self, k) or getattr(parent, k) for k in REGION_LEVELS},
            kode=self.kode or None,
        )


@dataclass(frozen=True, slots=True)
class Officer:
    index: int
    jabatan: str | None
    nama: str | None
    mulai: dt.date | None
    selesai: dt.date | None

    def active_on(self, day: dt.date) -> bool:
        """Active when ``selesai`` is absent or not before ``day`` (RECORDS.md)."""
        return self.selesai is None or self.selesai >= day


@dataclass(frozen=True, slots=True)
class Decree:
    nomor: str | None
    tanggal: dt.date | None
    penerbit: str | None
    berlaku_sampai: dt.date | None


@dataclass(frozen=True, slots=True)
class Waiver:
    index: int
    aturan: str
    sampai: dt.date
    alasan: str | None


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str | None
    file: str
    nama: str | None
    jenis: str | None
    tingkat: str | None
    wilayah: Wilayah
    has_wilayah: bool
    status: str
    dibentuk: dt.date | None
    sk: Decree | None
    pengurus: tuple[Officer, ...]
    unsur: tuple[tuple[str, str | None], ...]
    sasaran: tuple[str, ...] = ()
    jumlah_anggota: int | None = None
    sumber: tuple[str, ...] = ()
    waivers: tuple[Waiver, ...] = ()

    kind = "organisasi"

    def active_officers(self, day: dt.date) -> list[Officer]:
        return [o for o in self.pengurus if o.active_on(day)]


@dataclass(frozen=True, slots=True)
class Organiser:
    nama: str | None
    unit: str | None = None
    organisasi: str | None = None


@dataclass(frozen=True, slots=True)
class Venue:
    nama: str | None
    wilayah: Wilayah | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    nama: str | None
    instansi: str | None
    materi: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reference:
    """An organisation id named by an event, with where it was named."""

    target: str
    path: Path


@dataclass(frozen=True, slots=True)
class Event:
    id: str | None
    file: str
    judul: str | None
    jenis: str | None
    tanggal: dt.date | None
    tanggal_selesai: dt.date | None
    penyelenggara: Organiser | None
    tempat: Venue | None
    peserta_jumlah: int | None
    peserta_organisasi: tuple[str, ...]
    peserta_asal: tuple[str, ...]
    peserta_unsur: tuple[str, ...]
    references: tuple[Reference, ...]
    narasumber: tuple[Speaker, ...] = ()
    pejabat: tuple[tuple[str | None, str | None], ...] = ()
    materi: tuple[str, ...] = ()
    dasar: str | None = None
    sumber_dana: str | None = None
    tahun_anggaran: int | None = None
    sumber: tuple[str, ...] = ()
    waivers: tuple[Waiver, ...] = ()

    kind = "kegiatan"

    @property
    def last_day(self) -> dt.date | None:
        if self.tanggal is None:
            return None
        if self.tanggal_selesai is None or self.tanggal_selesai < self.tanggal:
            return self.tanggal
        return self.tanggal_selesai


Record = Organisation | Event


def _waivers(data: Mapping[str, Any]) -> tuple[Waiver, ...]:
    out = []
    for index, item in _maps(data, "pengecualian"):
        rule, until = _str(item, "aturan"), _date(item, "sampai")
        if rule and until:
            out.append(Waiver(index, rule, until, _str(item, "alasan")))
    return tuple(out)


def build_organisation(raw: Mapping[str, Any], file: str, region: Wilayah) -> Organisation:
    data = ORGANISASI.normalize(raw)
    wil = _map(data, "wilayah")
    sk_data = _map(data, "sk")
    sk = None
    if sk_data:
        sk_norm = SK.normalize(sk_data)
        sk = Decree(
            _str(sk_norm, "nomor"),
            _date(sk_norm, "tanggal"),
            _str(sk_norm, "penerbit"),
            _date(sk_norm, "berlaku_sampai"),
        )
    officers = tuple(
        Officer(i, _str(o, "jabatan"), _str(o, "nama"), _date(o, "mulai"), _date(o, "selesai"))
        for i, o in _maps(data, "pengurus")
    )
    unsur = tuple(
        (n, _str(u, "kategori")) for _, u in _maps(data, "unsur") if (n := _str(u, "nama"))
    )
    tingkat = _str(data, "tingkat")
    status = _str(data, "status")
    return Organisation(
        id=_str(data, "id"),
        file=file,
        nama=_str(data, "nama"),
        jenis=_str(data, "jenis"),
        tingkat=TINGKAT.normalize(tingkat) if tingkat else None,
        wilayah=Wilayah.from_data(wil).inherit(region),
        has_wilayah=bool(wil),
        status=status if status in STATUSES else DEFAULT_STATUS,
        dibentuk=_date(data, "dibentuk"),
        sk=sk,
        pengurus=officers,
        unsur=unsur,
        sasaran=_strs(data, "sasaran"),
        jumlah_anggota=_int(data, "jumlah_anggota", JUMLAH_ANGGOTA),
        sumber=_strs(data, "sumber"),
        waivers=_waivers(data),
    )


def build_event(raw: Mapping[str, Any], file: str, region: Wilayah) -> Event:
    data = KEGIATAN.normalize(raw)
    refs: list[Reference] = []
    organiser: Organiser | None = None
    pen = data.get("penyelenggara")
    if isinstance(pen, str):
        organiser = Organiser(pen.strip() or None)
    elif isinstance(pen, dict):
        pen_norm = PENYELENGGARA.normalize(pen)
        org_id = _str(pen_norm, "organisasi")
        organiser = Organiser(_str(pen_norm, "nama"), _str(pen_norm, "unit"), org_id)
        if org_id:
            refs.append(Reference(org_id, ("penyelenggara", "organisasi")))
    venue: Venue | None = None
    tempat = data.get("tempat")
    if isinstance(tempat, str):
        venue = Venue(tempat.strip() or None)
    elif isinstance(tempat, dict):
        t_norm = TEMPAT.normalize(tempat)
        wil = _map(t_norm, "wilayah")
        venue = Venue(_str(t_norm, "nama"), Wilayah.from_data(wil).inherit(region) if wil else None)
    peserta = PESERTA.normalize(_map(data, "peserta"))
    orgs_raw = peserta.get("organisasi")
    participant_ids: list[str] = []
    if isinstance(orgs_raw, list):
        for i, org in enumerate(orgs_raw):
            if isinstance(org, str) and org:
                participant_ids.append(org)
                refs.append(Reference(org, ("peserta", "organisasi", i)))
    speakers = tuple(
        Speaker(_str(s, "nama"), _str(s, "instansi"), _strs(s, "materi"))
        for _, s in _maps(data, "narasumber")
    )
    return Event(
        id=_str(data, "id"),
        file=file,
        judul=_str(data, "judul"),
        jenis=_str(data, "jenis"),
        tanggal=_date(data, "tanggal"),
        tanggal_selesai=_date(data, "tanggal_selesai"),
        penyelenggara=organiser,
        tempat=venue,
        peserta_jumlah=_int(peserta, "jumlah", JUMLAH_PESERTA),
        peserta_organisasi=tuple(participant_ids),
        peserta_asal=_strs(peserta, "asal"),
        peserta_unsur=_strs(peserta, "unsur"),
        references=tuple(refs),
        narasumber=speakers,
        pejabat=tuple((_str(p, "nama"), _str(p, "jabatan")) for _, p in _maps(data, "pejabat")),
        materi=_strs(data, "materi"),
        dasar=_str(data, "dasar"),
        sumber_dana=_str(data, "sumber_dana"),
        tahun_anggaran=_int(data, "tahun_anggaran", TAHUN_ANGGARAN),
        sumber=_strs(data, "sumber"),
        waivers=_waivers(data),
    )


@dataclass(frozen=True, slots=True)
class Config:
    """The folder's ``wksbm.yaml`` with defaults applied (RECORDS.md gives the defaults)."""

    wilayah: Wilayah = field(default_factory=Wilayah)
    istilah: str = "diy"
    bahasa: str | None = None
    privasi: str = "publik"
    jabatan_wajib: tuple[str, ...] = ("ketua", "sekretaris")
    jabatan_disarankan: tuple[str, ...] = ("bendahara",)
    aturan: tuple[tuple[str, str], ...] = (("never-trained", "info"),)
    ukuran_berkas_maks: int = 1024 * 1024

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Config:
        defaults = cls()
        rules = dict(defaults.aturan)
        for rule, level in _map(data, "aturan").items():
            if level is False:  # unquoted `off` reads as YAML 1.1 false
                rules[rule] = "off"
            elif isinstance(level, str):
                rules[rule] = level
        wajib = data.get("jabatan_wajib")
        saran = data.get("jabatan_disarankan")
        return cls(
            wilayah=Wilayah.from_data(_map(data, "wilayah")),
            istilah=_str(data, "istilah") or defaults.istilah,
            bahasa=_str(data, "bahasa"),
            privasi=_str(data, "privasi") or defaults.privasi,
            jabatan_wajib=_strs(data, "jabatan_wajib")
            if isinstance(wajib, list)
            else defaults.jabatan_wajib,
            jabatan_disarankan=_strs(data, "jabatan_disarankan")
            if isinstance(saran, list)
            else defaults.jabatan_disarankan,
            aturan=tuple(sorted(rules.items())),
            ukuran_berkas_maks=_int(data, "ukuran_berkas_maks") or defaults.ukuran_berkas_maks,
        )

    @property
    def labels(self) -> dict[str, str]:
        """The words people see for the region levels; JSON keys stay the national ones. They
        follow the folder's own kabupaten/kota (a kota's kelurahan, Papua's distrik)."""

        return terms(self.wilayah.kode, self.istilah).labels()

    def fingerprint(self) -> str:
        return repr(self)
