"""The completeness score, defined once: a list of weighted checks, each applying to some
organisations only.

The table, the summary, the yearly report, ``wksbm completeness --help`` and the README all read
:data:`CHECKS`, so the definition people read is the one the numbers come from. A check gives
partial credit between 0 and 1 (two of three required roles held = 2/3); the score is the
weighted credit over the weights of the checks that apply. Forums and partner institutions are
not judged on roles, unsur or training: only on the checks that apply to them. Dissolved
(``bubar``) organisations are left out of the table and listed apart: there is nothing left for
them to complete.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wksbm_cli.core.suggest import did_you_mean
from wksbm_cli.core.vocabulary import REGION_LEVELS, Status
from wksbm_cli.errors import WksbmError
from wksbm_cli.i18n import maybe, translate

if TYPE_CHECKING:  # kept out of import time: `wksbm completeness --help` reads CHECKS
    from wksbm_cli.model.records import Config, Event, Organisation


@dataclass(frozen=True)
class Judge:
    """What a check needs besides the organisation."""

    config: Config
    today: dt.date
    last_training: dict[str, dt.date]


@dataclass(frozen=True)
class Check:
    """One weighted check; what it means in words is in the catalogs
    (``completeness.check.<id>.label`` and ``.applies``)."""

    id: str
    weight: int
    applies: Callable[[Organisation, Judge], bool]
    credit: Callable[[Organisation, Judge, frozenset[str | None]], float]  # held roles

    def label(self, lang: str) -> str:
        return translate(f"completeness.check.{self.id}.label", lang)

    def applies_to(self, lang: str) -> str:
        return translate(f"completeness.check.{self.id}.applies", lang)


def _wksbm(org: Organisation, judge: Judge) -> bool:
    return org.jenis == "wksbm"


def _held(org: Organisation, judge: Judge) -> frozenset[str | None]:
    return frozenset(o.jabatan for o in org.active_officers(judge.today))


def _share(roles: Sequence[str], held: frozenset[str | None]) -> float:
    return sum(1 for r in roles if r in held) / len(roles) if roles else 1.0


def sk_state(org: Organisation, today: dt.date) -> str:
    """``valid``, ``expired`` (``berlaku_sampai`` before today) or ``missing``."""
    if org.sk is None:
        return "missing"
    until = org.sk.berlaku_sampai
    return "expired" if until is not None and until < today else "valid"


def region_complete(org: Organisation) -> bool:
    """Every level from provinsi down to the organisation's own ``tingkat`` is named (levels
    inherited from the folder's configuration count)."""
    if org.tingkat not in REGION_LEVELS:
        return False
    needed = REGION_LEVELS[: REGION_LEVELS.index(org.tingkat) + 1]
    return all(getattr(org.wilayah, level) for level in needed)


CHECKS: tuple[Check, ...] = (
    Check(
        "jabatan_wajib",
        4,
        lambda o, j: _wksbm(o, j) and bool(j.config.jabatan_wajib),
        lambda o, j, h: _share(j.config.jabatan_wajib, h),
    ),
    Check(
        "jabatan_disarankan",
        1,
        lambda o, j: _wksbm(o, j) and bool(j.config.jabatan_disarankan),
        lambda o, j, h: _share(j.config.jabatan_disarankan, h),
    ),
    Check(
        "sk",
        2,
        lambda o, j: o.jenis in ("wksbm", "forum"),
        lambda o, j, h: 1.0 if sk_state(o, j.today) == "valid" else 0.0,
    ),
    Check(
        "wilayah",
        1,
        lambda o, j: _wksbm(o, j) or o.tingkat is not None,
        lambda o, j, h: 1.0 if region_complete(o) else 0.0,
    ),
    Check(
        "unsur",
        1,
        _wksbm,
        lambda o, j, h: 1.0 if o.unsur else 0.0,
    ),
    Check(
        "pelatihan",
        1,
        lambda o, j: _wksbm(o, j) and o.status == Status.aktif,
        lambda o, j, h: 1.0 if o.id in j.last_training else 0.0,
    ),
)


def definition(lang: str) -> list[str]:
    """One line per check, for ``--help``, the README and the report's notes."""
    total = sum(c.weight for c in CHECKS)
    lines = [translate("completeness.definition", lang, {"total": total})]
    for c in CHECKS:
        args = {
            "id": c.id,
            "weight": c.weight,
            "label": c.label(lang),
            "applies": c.applies_to(lang),
        }
        lines.append(translate("completeness.check", lang, args))
    lines.append(translate("completeness.definition.end", lang))
    return lines


@dataclass(frozen=True)
class Row:
    id: str
    file: str
    nama: str | None
    jenis: str | None
    tingkat: str | None
    kecamatan: str | None
    desa: str | None
    status: str
    roles: dict[str, bool]
    missing: tuple[str, ...]
    sk: str | None  # valid | expired | missing; None when not judged
    region_complete: bool | None
    unsur: int
    last_training: dt.date | None
    checks: dict[str, float]  # only the checks that apply
    score: float

    @property
    def complete(self) -> bool:
        return self.score >= 1.0

    @property
    def gaps(self) -> list[str]:
        return [cid for cid, credit in self.checks.items() if credit < 1.0]


@dataclass
class Completeness:
    rows: list[Row]
    excluded: list[tuple[str, str]] = field(default_factory=list)  # (id, reason)
    today: dt.date = dt.date.min
    unreadable: dict[str, str] = field(default_factory=dict)  # files left out, and the rule why


def last_trainings(events: Iterable[Event]) -> dict[str, dt.date]:
    """Each organisation's latest event (by ``tanggal``) that names it in peserta.organisasi."""
    out: dict[str, dt.date] = {}
    for e in events:
        if e.tanggal is None:
            continue
        for org in e.peserta_organisasi:
            if org not in out or out[org] < e.tanggal:
                out[org] = e.tanggal
    return out


def score_row(org: Organisation, judge: Judge) -> Row:
    held = _held(org, judge)
    checks = {c.id: c.credit(org, judge, held) for c in CHECKS if c.applies(org, judge)}
    weights = {c.id: c.weight for c in CHECKS}
    total = sum(weights[cid] for cid in checks)
    earned = sum(weights[cid] * credit for cid, credit in checks.items())
    score = round(earned / total, 4) if total else 1.0
    roles: dict[str, bool] = {}
    if org.jenis == "wksbm":
        for role in (*judge.config.jabatan_wajib, *judge.config.jabatan_disarankan):
            roles[role] = role in held
    return Row(
        id=org.id or org.file,
        file=org.file,
        nama=org.nama,
        jenis=org.jenis,
        tingkat=org.tingkat,
        kecamatan=org.wilayah.kecamatan,
        desa=org.wilayah.desa,
        status=org.status,
        roles=roles,
        missing=tuple(r for r, ok in roles.items() if not ok),
        sk=sk_state(org, judge.today) if "sk" in checks else None,
        region_complete=region_complete(org) if "wilayah" in checks else None,
        unsur=len(org.unsur),
        last_training=judge.last_training.get(org.id or ""),
        checks=checks,
        score=score,
    )


def squash(name: str) -> str:
    """Region names compare ignoring case, spaces and hyphens (RECORDS.md)."""
    return re.sub(r"[\s\-]+", "", name).casefold()


def _sort_key(row: Row) -> tuple[int, str, str, str]:
    return (row.kecamatan is None, squash(row.kecamatan or ""), squash(row.desa or ""), row.id)


def completeness(
    organisations: Sequence[Organisation],
    events: Sequence[Event],
    config: Config,
    today: dt.date,
    *,
    kecamatan: str | None = None,
    incomplete: bool = False,
    unreadable: dict[str, str] | None = None,
) -> Completeness:
    """The table: one scored row per organisation that is not ``bubar``; ``unreadable``: the
    files whose records could not be scored, named under the table."""
    judge = Judge(config, today, last_trainings(events))
    rows: list[Row] = []
    excluded: list[tuple[str, str]] = []
    for org in organisations:
        if org.status == "bubar":
            excluded.append((org.id or org.file, "bubar"))
            continue
        rows.append(score_row(org, judge))
    if kecamatan is not None:
        known = sorted({r.kecamatan for r in rows if r.kecamatan})
        wanted = squash(kecamatan)
        if wanted not in {squash(k) for k in known}:
            folded = {squash(k): k for k in known}
            hint = folded.get(did_you_mean(wanted, list(folded)), "")
            raise WksbmError("completeness.no-kecamatan", kecamatan=kecamatan, maybe=maybe(hint))
        rows = [r for r in rows if r.kecamatan and squash(r.kecamatan) == wanted]
    if incomplete:
        rows = [r for r in rows if not r.complete]
    rows.sort(key=_sort_key)
    return Completeness(rows, sorted(excluded), today, dict(unreadable or {}))


def mean_score(rows: Sequence[Row]) -> float:
    return round(sum(r.score for r in rows) / len(rows), 4) if rows else 0.0
