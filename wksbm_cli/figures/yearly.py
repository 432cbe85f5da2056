"""The yearly report a Dinas Sosial puts in its annual report, with the figures' definitions.

- An event belongs to the year of its ``tanggal``. An event that crosses 31 December counts all
  its days under the year it started in (a 30 December - 2 January training is four days of the
  earlier year and none of the later one), so no day is counted twice or split.
- ``event_days`` counts days inclusively from ``tanggal`` to ``tanggal_selesai`` (a one-day event
  is 1; a missing or earlier ``tanggal_selesai`` counts as one day).
- ``participants`` sums the known ``peserta.jumlah``; events without it are counted apart.
- ``trained``: organisations named in ``peserta.organisasi`` of that year's events.
- ``not_trained``: active WKSBM (``jenis: wksbm``, ``status: aktif`` as recorded now) not trained.
- ``formed``: organisations whose ``dibentuk`` falls in that year, whatever their status now.
- ``history``: completeness at the end of the previous year and at the end of the year, each
  read from the last commit up to that 31 December and judged as of that day (what
  ``completeness --as-of`` gives on a checkout of that commit), and the organisations whose score
  moved; a figure git cannot give (no repository, a shallow clone) is listed with its reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wksbm_cli.check.results import CheckResult
from wksbm_cli.core.vocabulary import Status
from wksbm_cli.figures.history import Change, History
from wksbm_cli.model.records import Event, Organisation


def event_days(event: Event) -> int:
    if event.tanggal is None:
        return 0
    last = event.last_day or event.tanggal
    return (last - event.tanggal).days + 1


@dataclass
class YearReport:
    year: int
    events: list[Event]
    event_days: int
    participants: int
    without_count: int  # events of the year with no peserta.jumlah
    by_month: dict[int, int]
    active: int
    formed: list[Organisation]
    trained: list[str]
    not_trained: list[str]
    unreadable: dict[str, str]
    change: Change | None = None
    change_note: str | None = None  # why the change is absent: "no-git" | "no-commits" | "shallow"
    history: History | None = None  # every completeness figure, or why it was not computed
    names: dict[str, str] | None = None  # organisation id -> nama, for people's formats


def yearly(result: CheckResult, year: int) -> YearReport:
    events = sorted(
        (e for e in result.events if e.tanggal is not None and e.tanggal.year == year),
        key=lambda e: (e.tanggal or dt.date.min, e.id or e.file),
    )
    trained = sorted({org for e in events for org in e.peserta_organisasi})
    active = [o for o in result.organisations if o.jenis == "wksbm" and o.status == Status.aktif]
    known = set(trained)
    by_month = {m: 0 for m in range(1, 13)}
    for e in events:
        assert e.tanggal is not None
        by_month[e.tanggal.month] += 1
    formed = sorted(
        (o for o in result.organisations if o.dibentuk is not None and o.dibentuk.year == year),
        key=lambda o: (o.dibentuk or dt.date.min, o.id or o.file),
    )
    return YearReport(
        year=year,
        events=events,
        event_days=sum(event_days(e) for e in events),
        participants=sum(e.peserta_jumlah or 0 for e in events),
        without_count=sum(1 for e in events if e.peserta_jumlah is None),
        by_month=by_month,
        active=len(active),
        formed=formed,
        trained=trained,
        not_trained=sorted(o.id or o.file for o in active if o.id not in known),
        unreadable=dict(result.unreadable),
        names={o.id: o.nama or o.id for o in result.organisations if o.id},
    )
