"""The whole folder at a glance: counts that answer "how do we stand?" without a spreadsheet.

Organisations are counted by the status written in their record (``aktif`` when absent);
"complete" means a completeness score of 1 (the definition lives in
:mod:`wksbm_cli.figures.completeness`); an event counts in the year of its ``tanggal``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from wksbm_cli.check.results import CheckResult
from wksbm_cli.core.vocabulary import STATUSES
from wksbm_cli.figures.completeness import CHECKS, completeness

UNKNOWN = "-"


@dataclass
class Summary:
    total: int
    by_status: dict[str, int]
    by_jenis: dict[str, int]
    by_kecamatan: dict[str, int]
    scored: int
    complete: int
    missing_ketua: int
    missing_sekretaris: int
    gaps: dict[str, int]  # check id -> organisations not meeting it, most common first
    events_total: int
    events_by_year: dict[str, int]
    events_by_jenis: dict[str, int]
    problems: dict[str, int]
    unreadable: dict[str, str] = field(default_factory=dict)


def _sorted(counter: Counter[str]) -> dict[str, int]:
    return {k: counter[k] for k in sorted(counter, key=lambda k: (k == UNKNOWN, k))}


def summarise(result: CheckResult, today: dt.date) -> Summary:
    orgs = result.organisations
    table = completeness(orgs, result.events, result.config, today)
    gaps: Counter[str] = Counter(g for row in table.rows for g in row.gaps)
    order = {c.id: i for i, c in enumerate(CHECKS)}

    def lacking(role: str) -> int:
        return sum(
            1
            for org in orgs
            if org.jenis == "wksbm"
            and org.status != "bubar"
            and role not in {o.jabatan for o in org.active_officers(today)}
        )

    years: Counter[str] = Counter(
        str(e.tanggal.year) if e.tanggal else UNKNOWN for e in result.events
    )
    return Summary(
        total=len(orgs),
        by_status={s: sum(1 for o in orgs if o.status == s) for s in STATUSES},
        by_jenis=_sorted(Counter(o.jenis or UNKNOWN for o in orgs)),
        by_kecamatan=_sorted(Counter(o.wilayah.kecamatan or UNKNOWN for o in orgs)),
        scored=len(table.rows),
        complete=sum(1 for r in table.rows if r.complete),
        missing_ketua=lacking("ketua"),
        missing_sekretaris=lacking("sekretaris"),
        gaps=dict(sorted(gaps.items(), key=lambda kv: (-kv[1], order[kv[0]]))),
        events_total=len(result.events),
        events_by_year=_sorted(years),
        events_by_jenis=_sorted(Counter(e.jenis or UNKNOWN for e in result.events)),
        problems=result.counts(),
        unreadable=dict(result.unreadable),
    )
