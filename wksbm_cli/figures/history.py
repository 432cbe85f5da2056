"""The records as they were at a past commit, read from git objects (no checkout, no files).

A past tree goes through the engine's own per-file step
(:func:`wksbm_cli.check.file_check.judge_file`) and record step
(:func:`wksbm_cli.check.engine.records_of`), the same path a live run takes from the
files on disk, so a snapshot's score is the score ``completeness --as-of`` gives on a checkout of
that commit. Only the rules are skipped, since a score needs records, not problems. Snapshots
are judged with today's ``wksbm.yaml``, so that a change of score over a year reflects changed
records, not a changed configuration.

A figure that cannot be computed (no git, a shallow clone without the commits it needs) is
listed as such with its reason, never replaced by a guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from wksbm_cli.check.engine import records_of
from wksbm_cli.check.file_check import judge_file
from wksbm_cli.check.results import FileResult
from wksbm_cli.figures.completeness import completeness, mean_score
from wksbm_cli.load import git
from wksbm_cli.load.files import ReadResult, file_entry
from wksbm_cli.model.records import Config, Event, Organisation, Record

#: The figures of the completeness history, in the order they are shown.
FIGURES = ("start", "end", "changed")


@dataclass(frozen=True)
class Snapshot:
    commit: str | None  # None: the records did not exist yet
    when: dt.datetime | None
    organisations: int
    scored: int
    complete: int
    mean_score: float
    scores: dict[str, float]
    day: dt.date | None = None  # the day the records were judged as of (31 December)


@dataclass(frozen=True)
class Change:
    before: Snapshot
    after: Snapshot
    changed: list[tuple[str, float | None, float | None]]  # id, before, after (None: absent)


@dataclass(frozen=True)
class NotComputed:
    """A figure left out, and why: ``no-git`` (not a repository), ``shallow`` (the clone lacks
    the commits), ``no-commits`` (nothing was committed by then, in a full history)."""

    figure: str  # one of FIGURES
    reason: str


@dataclass(frozen=True)
class History:
    """Completeness at the end of the year before and at the end of the year, and the
    organisations whose score moved: each figure present, or listed in ``not_computed``."""

    year: int
    start: Snapshot | None = None
    end: Snapshot | None = None
    changed: list[tuple[str, float | None, float | None]] | None = None
    not_computed: tuple[NotComputed, ...] = field(default=())

    @property
    def change(self) -> Change | None:
        if self.start is None or self.end is None or self.changed is None:
            return None
        return Change(self.start, self.end, self.changed)

    @property
    def note(self) -> str | None:
        """The reason the change as a whole is missing (the first one), for the old JSON key."""
        return self.not_computed[0].reason if self.not_computed else None


Cache = dict[tuple[str, str], FileResult]  # (path, blob id) -> that file's records step


def read_tree(
    root: str, prefix: str, commit: str, shown_root: str, config: Config, cache: Cache
) -> list[FileResult]:
    """The per-file results of the files under ``prefix`` in ``commit``, built by the engine's
    per-file step. Blobs already in ``cache`` (unchanged files) are not read or parsed again:
    over a year most files do not change."""
    found = []
    for blob in git.tree_blobs(root, commit, prefix):
        entry = file_entry(blob.path)
        if entry is not None:
            found.append((entry, blob.sha))
    missing = [(e, sha) for e, sha in found if (e.rel, sha) not in cache]
    data = git.read_blobs(root, (sha for _, sha in missing), config.ukuran_berkas_maks)
    for entry, sha in missing:
        raw = data.get(sha)
        refused = ReadResult(None, "file-too-large", (("limit", config.ukuran_berkas_maks),))
        day = dt.date.min  # records do not depend on the day; only rules would
        cache[(entry.rel, sha)] = judge_file(
            shown_root, entry, raw, refused, config, day, judge=False
        )
    return [cache[(e.rel, sha)] for e, sha in found]


def snapshot_of(
    organisations: Sequence[Organisation],
    events: Sequence[Event],
    config: Config,
    day: dt.date,
    commit: git.Commit | None,
) -> Snapshot:
    """The completeness figures of a set of records, as ``completeness --as-of day`` counts."""
    table = completeness(list(organisations), list(events), config, day)
    return Snapshot(
        commit.sha if commit else None,
        commit.when if commit else None,
        len(organisations),
        len(table.rows),
        sum(1 for r in table.rows if r.complete),
        mean_score(table.rows),
        {r.id: r.score for r in table.rows},
        day,
    )


def snapshot(
    root: str,
    prefix: str,
    commit: git.Commit | None,
    config: Config,
    day: dt.date,
    cache: Cache,
    shown_root: str = ".",
) -> Snapshot:
    """Score the records of ``commit`` as of ``day`` (None: before the first commit)."""
    if commit is None:
        return snapshot_of([], [], config, day, None)
    organisations, events = records_at(root, prefix, commit.sha, config, cache, shown_root)
    return snapshot_of(organisations, events, config, day, commit)


def records_at(
    root: str, prefix: str, commit: str, config: Config, cache: Cache, shown_root: str = "."
) -> tuple[list[Organisation], list[Event]]:
    """The records of ``commit``, read the way a live run reads the work tree."""
    return records_of(read_tree(root, prefix, commit, shown_root, config, cache), config)


def seeded_cache(root: str, current: Mapping[str, Record] | None) -> Cache:
    """A cache holding the records already read from the work tree (``current``, by path
    relative to ``root``) under the blob ids git knows them unchanged as: over a year most files
    do not change, and those are then not read or parsed again."""
    cache: Cache = {}
    if current:
        for rel, sha in git.clean_blobs(root).items():
            record = current.get(rel)
            entry = file_entry(rel)
            if record is not None and entry is not None:
                cache[(rel, sha)] = FileResult(rel, entry.kind, [], record=record)
    return cache


def pick(commits: Sequence[git.Commit], last_day: dt.date) -> git.Commit | None:
    """The newest commit of the main line (``commits`` newest first, first parents only) made
    on or before ``last_day`` by the committer's own calendar: the records as they stood that
    day. A side branch's commit of that year that was merged only later is not that state."""
    return next((c for c in commits if c.when.date() <= last_day), None)


def _missing(reason: str, *figures: str) -> tuple[NotComputed, ...]:
    return tuple(NotComputed(f, reason) for f in figures)


def year_history(
    root: str,
    config: Config,
    year: int,
    current: Mapping[str, Record] | None = None,
    shown_root: str = ".",
) -> History:
    """Completeness at the end of ``year - 1`` (the last commit before 1 January, judged as of
    31 December of that year) and at the end of ``year`` (the last commit up to 31 December,
    judged as of that day). ``current`` maps paths (relative to ``root``) to the records already
    read from the work tree: files git knows unchanged are not parsed again."""
    prefix = git.repo_prefix(root)
    if prefix is None:
        return History(year, not_computed=_missing("no-git", *FIGURES))
    commits = git.commits(root, first_parent=True)
    shallow = git.is_shallow(root)
    last, first = dt.date(year, 12, 31), dt.date(year - 1, 12, 31)
    end = pick(commits, last)
    start = pick(commits, first)
    if end is None:
        # In a shallow clone the year's commits may exist upstream: say so, not "none".
        return History(
            year, not_computed=_missing("shallow" if shallow else "no-commits", *FIGURES)
        )
    cache = seeded_cache(root, current)
    after = snapshot(root, prefix, end, config, last, cache, shown_root)
    if start is None and shallow:
        return History(year, end=after, not_computed=_missing("shallow", "start", "changed"))
    before = snapshot(root, prefix, start, config, first, cache, shown_root)
    changed = []
    for oid in sorted(set(before.scores) | set(after.scores)):
        a, b = before.scores.get(oid), after.scores.get(oid)
        if a != b:
            changed.append((oid, a, b))
    return History(year, before, after, changed)
