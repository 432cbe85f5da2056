"""The records as they were at a past commit, read from git objects (no checkout, no files).

The blobs go through the same loader and record builders as files on disk
(``load_document`` -> ``build_organisation``/``build_event``), so a past snapshot is read exactly
as today's would be; only the rules are skipped, since a score needs records, not problems.
Snapshots are judged with today's ``wksbm.yaml``, so that a change of score over a year reflects
changed records, not a changed configuration.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from wksbm_cli import git
from wksbm_cli.load.files import CONFIG_NAME, YAML_SUFFIXES, decode
from wksbm_cli.load.yamldoc import load_document
from wksbm_cli.model.records import (
    Config,
    Event,
    Organisation,
    Record,
    build_event,
    build_organisation,
)
from wksbm_cli.reports.completeness import completeness, mean_score


def record_from_text(rel: str, text: str, config: Config) -> Record | None:
    """One record from its path (relative to the records root) and text, as the engine builds
    it from a file; None for what is not a record or cannot be read as a mapping."""
    top = rel.split("/", 1)[0]
    if "/" not in rel or top not in ("organisasi", "kegiatan"):
        return None
    doc = load_document(text)
    if not isinstance(doc.data, dict):
        return None
    record: Record
    if top == "organisasi":
        record = build_organisation(doc.data, rel, config.wilayah)
    else:
        record = build_event(doc.data, rel, config.wilayah)
    # Personal data is masked as in today's records, so that ids compare and none is printed.
    from wksbm_cli.rules.base import FileContext
    from wksbm_cli.rules.privacy import masker_for

    ctx = FileContext(rel, top, "", text, doc, record, config, dt.date.today())
    masker = masker_for(ctx)
    if masker:
        masked: Record = masker.value(record, numbers="drop")
        return replace(masked, file=record.file)
    return record


def records_from_texts(
    texts: Sequence[tuple[str, str]], config: Config
) -> tuple[list[Organisation], list[Event]]:
    records = [record_from_text(rel, text, config) for rel, text in texts]
    return _split(records)


def _split(records: Iterable[Record | None]) -> tuple[list[Organisation], list[Event]]:
    orgs = [r for r in records if isinstance(r, Organisation)]
    return orgs, [r for r in records if isinstance(r, Event)]


def _wanted(rel: str) -> bool:
    parts = rel.split("/")
    return (
        rel != CONFIG_NAME
        and rel.lower().endswith(YAML_SUFFIXES)
        and not any(p.startswith(".") for p in parts)
    )


@dataclass(frozen=True)
class Snapshot:
    commit: str | None  # None: the records did not exist yet
    when: dt.datetime | None
    organisations: int
    scored: int
    complete: int
    mean_score: float
    scores: dict[str, float]


@dataclass(frozen=True)
class Change:
    before: Snapshot
    after: Snapshot
    changed: list[tuple[str, float | None, float | None]]  # id, before, after (None: absent)


Cache = dict[str, Record | None]  # blob id -> the record built from it


def snapshot(
    root: str,
    prefix: str,
    commit: git.Commit | None,
    config: Config,
    day: dt.date,
    cache: Cache,
) -> Snapshot:
    """Score the records of ``commit``. Blobs already in ``cache`` (unchanged files) are not
    read or parsed again: over a year most files do not change."""
    if commit is None:
        return Snapshot(None, None, 0, 0, 0, 0.0, {})
    blobs = [b for b in git.tree_blobs(root, commit.sha, prefix) if _wanted(b.path)]
    missing = [b for b in blobs if b.sha not in cache]
    data = git.read_blobs(root, (b.sha for b in missing), config.ukuran_berkas_maks)
    for b in missing:
        raw = data.get(b.sha)
        read = decode(raw) if raw is not None else None
        text = read.text if read is not None else None
        cache[b.sha] = record_from_text(b.path, text, config) if text is not None else None
    orgs, events = _split(cache[b.sha] for b in blobs)
    table = completeness(orgs, events, config, day)
    return Snapshot(
        commit.sha,
        commit.when,
        len(orgs),
        len(table.rows),
        sum(1 for r in table.rows if r.complete),
        mean_score(table.rows),
        {r.id: r.score for r in table.rows},
    )


def pick(commits: Sequence[git.Commit], last_day: dt.date) -> git.Commit | None:
    """The latest commit made on or before ``last_day`` (by the committer's own calendar)."""
    candidates = [c for c in commits if c.when.date() <= last_day]
    return max(candidates, key=lambda c: c.when) if candidates else None


class ShallowHistory(Exception):
    """The clone is shallow and holds no commit before the year: "no records yet" would be
    a guess, so the report says the history is missing instead."""


def completeness_change(
    root: str, config: Config, year: int, current: Mapping[str, Record] | None = None
) -> Change | None:
    """How completeness moved over ``year``: the last commit before 1 January against the last
    commit up to 31 December. None when the folder is not in a git repository or nothing was
    committed by the end of the year. ``current`` maps paths (relative to ``root``) to the
    records already read from the work tree: files git knows unchanged are not parsed again."""
    prefix = git.repo_prefix(root)
    if prefix is None:
        return None
    commits = git.commits(root)
    end = pick(commits, dt.date(year, 12, 31))
    if end is None:
        return None
    start = pick(commits, dt.date(year - 1, 12, 31))
    if start is None and git.is_shallow(root):
        raise ShallowHistory()
    cache: Cache = {}
    if current:
        for rel, sha in git.clean_blobs(root).items():
            if rel in current:
                cache[sha] = current[rel]
    after = snapshot(root, prefix, end, config, dt.date(year, 12, 31), cache)
    before = snapshot(root, prefix, start, config, dt.date(year, 1, 1), cache)
    changed = []
    for oid in sorted(set(before.scores) | set(after.scores)):
        a, b = before.scores.get(oid), after.scores.get(oid)
        if a != b:
            changed.append((oid, a, b))
    return Change(before, after, changed)
