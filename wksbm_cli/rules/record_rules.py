"""Rules about records as records: ids, references between them, and the order of their dates."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wksbm_cli.core.problem import Severity
from wksbm_cli.model.facts import Facts
from wksbm_cli.model.records import Event, Organisation
from wksbm_cli.rules.base import FileContext, Finding, FolderContext, Rule

E = Severity.ERROR
_DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:-|$)")


def id_mismatch(ctx: FileContext) -> Iterator[Finding]:
    """
    ``id`` must equal the file name without extension, so that a record is found by its id.
    An event id that starts with a date must start with its ``tanggal``.

    Fails (in ``wksbm-depok.yaml``): ``id: wksbm-depok-2``. Passes: ``id: wksbm-depok``.
    """
    rec = ctx.record
    if rec is None or rec.id is None:
        return  # a missing or malformed id is already a schema problem
    if rec.id != ctx.stem:
        yield Finding("id-mismatch", ("id",), "id-mismatch", {"id": rec.id, "expected": ctx.stem})
        return
    if isinstance(rec, Event) and rec.tanggal is not None:
        match = _DATE_PREFIX.match(rec.id)
        if match and match.group(1) != rec.tanggal.isoformat():
            yield Finding(
                "id-mismatch",
                ("id",),
                "id-mismatch.date",
                {"prefix": match.group(1), "tanggal": rec.tanggal.isoformat()},
            )


ID_MISMATCH = Rule("id-mismatch", "records", E, id_mismatch, "file")


def date_order(ctx: FileContext) -> Iterator[Finding]:
    """
    ``tanggal_selesai`` not before ``tanggal``; an SK's ``berlaku_sampai`` not before its
    ``tanggal``; an officer's ``selesai`` not before ``mulai``.

    Fails::

        tanggal: 2025-07-03
        tanggal_selesai: 2025-07-01
    """
    rec = ctx.record
    pairs: list[tuple[tuple[str | int, ...], str, str, object, object]] = []
    if isinstance(rec, Event):
        pairs.append(
            (("tanggal_selesai",), "tanggal", "tanggal_selesai", rec.tanggal, rec.tanggal_selesai)
        )
    elif isinstance(rec, Organisation):
        if rec.sk is not None:
            pairs.append(
                (
                    ("sk", "berlaku_sampai"),
                    "sk.tanggal",
                    "sk.berlaku_sampai",
                    rec.sk.tanggal,
                    rec.sk.berlaku_sampai,
                )
            )
        for o in rec.pengurus:
            pairs.append(
                (
                    ("pengurus", o.index, "selesai"),
                    f"pengurus[{o.index}].mulai",
                    f"pengurus[{o.index}].selesai",
                    o.mulai,
                    o.selesai,
                )
            )
    for path, earlier, later, start, end in pairs:
        if start is not None and end is not None and end < start:  # type: ignore[operator]
            yield Finding(
                "date-order",
                path,
                "date-order",
                {"earlier": earlier, "later": later, "start": str(start), "end": str(end)},
            )


DATE_ORDER = Rule("date-order", "records", E, date_order, "file")


def _ids(records: list[Facts]) -> dict[str, list[Facts]]:
    seen: dict[str, list[Facts]] = {}
    for rec in records:
        if rec.id is not None:
            seen.setdefault(rec.id, []).append(rec)
    return seen


def duplicate_id(ctx: FolderContext) -> Iterator[Finding]:
    """
    Ids are unique per kind across the whole folder (subfolders included), so references are
    never ambiguous. Reported on every record after the first (in path order).
    """
    for kind, records in (("organisasi", ctx.organisations), ("kegiatan", ctx.events)):
        for rec_id, recs in _ids(records).items():
            if len(recs) < 2:
                continue
            ordered = sorted(recs, key=lambda r: r.file)
            for rec in ordered[1:]:
                yield Finding(
                    "duplicate-id",
                    ("id",),
                    "duplicate-id",
                    {"kind": kind, "id": rec_id, "other": ordered[0].file},
                    file=rec.file,
                )


DUPLICATE_ID = Rule("duplicate-id", "records", E, duplicate_id, "folder")


def unknown_reference(ctx: FolderContext) -> Iterator[Finding]:
    """
    Every organisation id named by an event (``penyelenggara.organisasi``,
    ``peserta.organisasi``) must be the id of an organisation record in the folder.

    Fails: ``peserta: {organisasi: [wksbm-tidak-ada]}``.
    """
    known = {o.id for o in ctx.organisations if o.id is not None}
    closest = _Closest(known)
    for event in ctx.events:
        for ref in event.references:
            if ref.target not in known:
                yield Finding(
                    "unknown-reference",
                    ref.path,
                    "unknown-reference",
                    {"target": ref.target, "suggestion": closest(ref.target)},
                    file=event.file,
                )


UNKNOWN_REFERENCE = Rule("unknown-reference", "records", E, unknown_reference, "folder")


class _Closest:
    """The "did you mean" id for unknown references: difflib's answer, found without asking
    difflib about every id for every broken reference (that made a folder with deleted
    organisations cost broken references x ids).

    Each distinct target is searched once. rapidfuzz's Indel similarity (``fuzz.ratio``,
    2 * LCS / total length, in C) is an upper bound of difflib's ratio (its matching blocks are
    a common subsequence), so ids are tried best bound first and the search stops once the bound
    falls below the best ratio found: the same id difflib's ``get_close_matches`` picks over
    the whole list, ties going to the larger id as there."""

    CUTOFF = 0.7

    def __init__(self, known: set[str]) -> None:
        self.ids = sorted(known)
        self.memo: dict[str, str] = {}

    def __call__(self, target: str) -> str:
        if target not in self.memo:
            self.memo[target] = self._search(target.lower())
        return self.memo[target]

    def _search(self, word: str) -> str:
        import difflib

        from rapidfuzz import fuzz, process

        best, best_ratio = "", -1.0
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(word)
        cutoff = self.CUTOFF * 100 - 1e-6
        for limit in (32, None):  # the 32 best bounds nearly always settle it
            bounded = process.extract(
                word, self.ids, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit
            )
            for candidate, bound, _ in bounded:
                if bound / 100 < best_ratio - 1e-9:
                    return best
                matcher.set_seq1(candidate)
                if matcher.real_quick_ratio() < self.CUTOFF:
                    continue
                if matcher.quick_ratio() < self.CUTOFF:
                    continue
                ratio = matcher.ratio()
                if ratio >= self.CUTOFF and (ratio, candidate) > (best_ratio, best):
                    best, best_ratio = candidate, ratio
            if limit is None or len(bounded) < limit:
                break
        return best
