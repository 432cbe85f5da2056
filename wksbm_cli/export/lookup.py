"""Finding records and what relates to them: the filters of ``list`` and the page of ``show``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from wksbm_cli.check.results import CheckResult
from wksbm_cli.core.problem import Problem
from wksbm_cli.model.records import Config, Event, Organisation, Record


def _same(a: str | None, b: str) -> bool:
    return a is not None and a.casefold().strip() == b.casefold().strip()


def filter_organisations(
    organisations: list[Organisation],
    kecamatan: str | None = None,
    status: str | None = None,
    year: int | None = None,
    jenis: str | None = None,
) -> list[Organisation]:
    """``year`` is the year an organisation was formed (``dibentuk``)."""
    out = []
    for org in organisations:
        if kecamatan and not _same(org.wilayah.kecamatan, kecamatan):
            continue
        if status and org.status != status:
            continue
        if year and (org.dibentuk is None or org.dibentuk.year != year):
            continue
        if jenis and org.jenis != jenis:
            continue
        out.append(org)
    return sorted(out, key=lambda o: (o.wilayah.kecamatan or "", o.id or ""))


def filter_events(
    events: list[Event],
    organisations: list[Organisation],
    kecamatan: str | None = None,
    year: int | None = None,
    jenis: str | None = None,
) -> list[Event]:
    """An event is in a kecamatan when its venue is, or when an organisation there took part."""
    where = {o.id: o.wilayah.kecamatan for o in organisations if o.id}
    out = []
    for event in events:
        if kecamatan:
            places = [where.get(i) for i in event.peserta_organisasi]
            if event.tempat is not None and event.tempat.wilayah is not None:
                places.append(event.tempat.wilayah.kecamatan)
            if not any(_same(p, kecamatan) for p in places):
                continue
        if year and (event.tanggal is None or event.tanggal.year != year):
            continue
        if jenis and event.jenis != jenis:
            continue
        out.append(event)
    return sorted(out, key=lambda e: (e.tanggal or dt.date.min, e.id or ""))


def find(result: CheckResult, record_id: str) -> Record | None:
    records: list[Record] = [*result.organisations, *result.events]
    for rec in records:
        if rec.id == record_id:
            return rec
    return None


@dataclass
class Completeness:
    """Which configured roles have an active officer, and the state of the SK."""

    judged: bool
    roles: dict[str, bool] = field(default_factory=dict)  # required roles first
    required: tuple[str, ...] = ()
    sk: str = "none"  # none | valid | expired | no-date
    sk_until: str | None = None
    unsur: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "judged": self.judged,
            "roles": self.roles,
            "required": list(self.required),
            "missing": [r for r, ok in self.roles.items() if not ok],
            "sk": self.sk,
            "sk_until": self.sk_until,
            "unsur": self.unsur,
        }


def completeness(org: Organisation, config: Config, today: dt.date) -> Completeness:
    judged = org.jenis == "wksbm" and org.status != "bubar"
    active = {o.jabatan for o in org.active_officers(today)}
    roles = {r: r in active for r in (*config.jabatan_wajib, *config.jabatan_disarankan)}
    sk, until = "none", None
    if org.sk is not None:
        if org.sk.berlaku_sampai is None:
            sk = "no-date"
        else:
            until = org.sk.berlaku_sampai.isoformat()
            sk = "valid" if org.sk.berlaku_sampai >= today else "expired"
    return Completeness(judged, roles, config.jabatan_wajib, sk, until, len(org.unsur))


@dataclass
class Page:
    """Everything ``show`` tells about one record."""

    record: Record
    problems: list[Problem]
    events: list[Event] = field(default_factory=list)  # for an organisation
    organisations: list[tuple[str, Organisation | None]] = field(default_factory=list)
    completeness: Completeness | None = None


def page(result: CheckResult, rec: Record, today: dt.date) -> Page:
    problems = [p for p in result.problems if p.file == rec.file]
    out = Page(rec, problems)
    if isinstance(rec, Organisation):
        out.events = [
            e
            for e in sorted(result.events, key=lambda e: (e.tanggal or dt.date.min, e.id or ""))
            if rec.id in e.peserta_organisasi
            or (e.penyelenggara is not None and e.penyelenggara.organisasi == rec.id)
        ]
        out.completeness = completeness(rec, result.config, today)
    else:
        by_id = {o.id: o for o in result.organisations if o.id}
        out.organisations = [(i, by_id.get(i)) for i in dict.fromkeys(rec.peserta_organisasi)]
    return out
