"""Figures the printable yearly report shows beyond :mod:`wksbm_cli.figures.yearly`.

Kept apart from ``yearly`` on purpose: these are additions for the HTML page (cards, the
kapanewon breakdown, SKs running out, dissolutions and officer changes read from the two commits
the completeness change already compares), so the definitions of the existing figures stay in
one place and are not recomputed here.

- The page is judged as of ``as_of_day``: 31 December of the year, or today while the year is
  still running, so a past year's report does not change with the day it is printed.
- ``sk_expiring``: organisations not ``bubar`` whose ``sk.berlaku_sampai`` falls after that day
  and no later than six calendar months after it.
- ``never_trained``: active WKSBM that no event of any year names in ``peserta.organisasi``.
- ``dissolved``: organisations recorded at the start of the year, not ``bubar`` then and
  ``bubar`` at its end (a record added already ``bubar`` says nothing about when it ended).
- ``replaced``: a role of an organisation recorded at both ends whose active holders (by name)
  differ, with someone in it at both ends; a role filled or left empty is not a replacement.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wksbm_cli.core.vocabulary import Status
from wksbm_cli.figures.completeness import Row, completeness, squash
from wksbm_cli.figures.history import records_at, seeded_cache
from wksbm_cli.load import git
from wksbm_cli.model.records import Config, Event, Organisation, Record

if TYPE_CHECKING:
    from wksbm_cli.check.results import CheckResult
    from wksbm_cli.core.problem import Problem
    from wksbm_cli.figures.yearly import YearReport


def as_of_day(year: int, today: dt.date) -> dt.date:
    end = dt.date(year, 12, 31)
    return today if today < end else end


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole calendar months, clamped to the month's last day (31 Aug + 6
    months is 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Expiring:
    id: str
    nama: str
    until: dt.date


def sk_expiring(
    organisations: Iterable[Organisation], day: dt.date, months: int = 6
) -> list[Expiring]:
    last = add_months(day, months)
    found = [
        Expiring(o.id or o.file, o.nama or o.id or o.file, o.sk.berlaku_sampai)
        for o in organisations
        if o.status != "bubar"
        and o.sk is not None
        and o.sk.berlaku_sampai is not None
        and day < o.sk.berlaku_sampai <= last
    ]
    return sorted(found, key=lambda e: (e.until, e.id))


@dataclass(frozen=True)
class RegionRow:
    name: str | None  # None: organisations without a kecamatan
    scored: int
    complete: int
    mean: float


def by_kecamatan(rows: Sequence[Row]) -> list[RegionRow]:
    """Completeness rows grouped by kecamatan (names compared as the records compare them),
    in the table's own order; those without a kecamatan come last."""
    groups: dict[str, list[Row]] = {}
    shown: dict[str, str | None] = {}
    for row in rows:
        key = squash(row.kecamatan) if row.kecamatan else ""
        groups.setdefault(key, []).append(row)
        shown.setdefault(key, row.kecamatan)
    out = [
        RegionRow(
            shown[key],
            len(members),
            sum(1 for r in members if r.complete),
            round(sum(r.score for r in members) / len(members), 4),
        )
        for key, members in groups.items()
    ]
    return sorted(out, key=lambda r: (r.name is None, squash(r.name or "")))


def never_trained(organisations: Iterable[Organisation], events: Iterable[Event]) -> list[str]:
    named = {org for e in events for org in e.peserta_organisasi}
    return sorted(
        o.id or o.file
        for o in organisations
        if o.jenis == "wksbm" and o.status == Status.aktif and o.id not in named
    )


@dataclass(frozen=True)
class Replaced:
    id: str
    jabatan: str
    before: tuple[str, ...]
    after: tuple[str, ...]


def _holders(org: Organisation, day: dt.date) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for officer in org.active_officers(day):
        if officer.jabatan:
            out.setdefault(officer.jabatan, []).append(officer.nama or "?")
    return {role: tuple(sorted(names)) for role, names in out.items()}


def dissolved(before: Iterable[Organisation], after: Iterable[Organisation]) -> list[str]:
    earlier = {o.id: o for o in before if o.id}
    return sorted(
        o.id
        for o in after
        if o.id and o.status == "bubar" and o.id in earlier and earlier[o.id].status != "bubar"
    )


def replaced(
    before: Iterable[Organisation], after: Iterable[Organisation], year: int
) -> list[Replaced]:
    earlier = {o.id: o for o in before if o.id}
    found: list[Replaced] = []
    for org in sorted((o for o in after if o.id in earlier), key=lambda o: o.id or ""):
        assert org.id is not None
        start = _holders(earlier[org.id], dt.date(year, 1, 1))
        end = _holders(org, dt.date(year, 12, 31))
        for role in sorted(set(start) & set(end)):
            if start[role] != end[role]:
                found.append(Replaced(org.id, role, start[role], end[role]))
    return found


def organisations_at(
    root: str, config: Config, commit: str | None, current: Mapping[str, Record] | None = None
) -> list[Organisation]:
    """The organisation records of ``commit`` (none for None: nothing committed yet), read
    through the same per-file step as the work tree (:func:`history.records_at`); ``current``
    maps paths relative to ``root`` to records already read, reused for unchanged blobs."""
    prefix = git.repo_prefix(root)
    if commit is None or prefix is None:
        return []
    organisations, _events = records_at(root, prefix, commit, config, seeded_cache(root, current))
    return organisations


@dataclass
class YearExtra:
    """What the printable report shows besides :class:`~wksbm_cli.figures.yearly.YearReport`."""

    as_of: dt.date
    organisations: Sequence[Organisation]
    events: Sequence[Event]  # every event, all years
    rows: Sequence[Row]  # completeness as of ``as_of``
    expiring: Sequence[Expiring]
    never_trained: Sequence[str]
    problems: Sequence[Problem]  # today's open (not waived) problems, in file order
    counts: dict[str, int] = field(default_factory=dict)
    shown_root: str = ""  # how problems' file paths start (stripped on the page)
    dissolved: Sequence[str] | None = None  # None: no history to read them from
    replaced: Sequence[Replaced] | None = None


def year_extra(
    result: CheckResult,
    report: YearReport,
    today: dt.date,
    current: Mapping[str, Record] | None = None,
) -> YearExtra:
    """The extra figures; dissolutions and replacements come from the two commits the
    completeness change compared, so they exist exactly when that change does."""
    day = as_of_day(report.year, today)
    table = completeness(result.organisations, result.events, result.config, day)
    extra = YearExtra(
        as_of=day,
        organisations=result.organisations,
        events=result.events,
        rows=table.rows,
        expiring=sk_expiring(result.organisations, day),
        never_trained=never_trained(result.organisations, result.events),
        problems=sorted((p for p in result.problems if not p.waived), key=lambda p: p.sort_key),
        counts=result.counts(),
        shown_root=result.shown_root,
    )
    change = report.change
    if change is not None:
        before = organisations_at(result.root, result.config, change.before.commit, current)
        after = organisations_at(result.root, result.config, change.after.commit, current)
        extra.dissolved = dissolved(before, after)
        extra.replaced = replaced(before, after, report.year)
    return extra
