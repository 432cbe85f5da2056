"""Runs the pipeline: walk -> read -> parse -> schema -> record -> rules -> problems.

``check_file`` is a pure function of one file (picklable arguments, a small picklable result), so
that it can run in a pool of processes and be cached by content; folder rules then run on the
compact per-record facts, never on whole documents kept in memory.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from wksbm_cli.check.cache import Cache
from wksbm_cli.check.cache_trust import Off
from wksbm_cli.check.file_check import make_problem
from wksbm_cli.check.parallel import check_many
from wksbm_cli.check.results import (
    CheckResult,
    FileResult,
    Options,
    Progress,
    shown_path,
)
from wksbm_cli.core.bulk import without_cycle_collector
from wksbm_cli.core.problem import Problem, Severity
from wksbm_cli.core.suggest import did_you_mean
from wksbm_cli.errors import InternalError, WksbmError
from wksbm_cli.i18n import maybe
from wksbm_cli.load.files import Entry, walk
from wksbm_cli.model.facts import Facts
from wksbm_cli.model.records import Config, Event, Organisation
from wksbm_cli.regions.canonical import canonical_records
from wksbm_cli.rules.base import Finding, FolderContext
from wksbm_cli.rules.registry import RULES, Selection, folder_checks


def rule_filter(select: Sequence[str], ignore: Sequence[str]) -> set[str]:
    """The rule ids left after ``--select`` and ``--ignore`` (ids, groups, or globs like
    ``missing-*``); an unknown name stops the command with a suggestion."""

    def expand(names: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for raw in names:
            for name in (n.strip() for n in raw.split(",")):
                if not name:
                    continue
                hits = {
                    r
                    for r, info in RULES.items()
                    if fnmatch.fnmatchcase(r, name) or info.group == name
                }
                if not hits:
                    hint = did_you_mean(name, sorted(RULES))
                    raise WksbmError("select.unknown-rule", name=name, maybe=maybe(hint))
                out |= hits
        return out

    chosen = expand(select) if select else set(RULES)
    return chosen - expand(ignore)


def wanted_rules(allowed: set[str], config: Config) -> Selection:
    """The rules whose findings a run can report: those ``--select``/``--ignore`` leave, less
    those ``aturan:`` turns off. Only their checks run. None when that is every rule (the usual
    run), so that such runs share one cache key whatever the spelling of the selection."""
    off = {rule for rule, level in config.aturan if level == "off"}
    wanted = frozenset(allowed - off)
    return None if wanted >= RULES.keys() else wanted


def _apply_policy(
    problems: list[Problem],
    config: Config,
    allowed: set[str],
    records: dict[str, Facts],
    today: dt.date,
) -> list[Problem]:
    overrides = dict(config.aturan)
    out: list[Problem] = []
    for p in problems:
        if p.rule not in allowed:
            continue
        level = overrides.get(p.rule)
        if level == "off":
            continue
        if level is not None and Severity.parse(level) is not p.severity:
            p = p.with_severity(Severity.parse(level))
        rec = records.get(p.file)
        if rec is not None and RULES[p.rule].waivable:
            for w in rec.waivers:
                if w.aturan == p.rule and today <= w.sampai:
                    p = replace(
                        p,
                        waived=True,
                        extra=(("until", w.sampai.isoformat()), ("reason", w.alasan or "")),
                    )
                    break
        out.append(p)
    return out


class Scope:
    """Which record paths a report covers: a path named exactly, or under a named folder.

    A set and prefix lookup (the folders above a path), not a scan of every named path for
    every file: ``--changed-since`` on a large pull request names thousands."""

    def __init__(self, paths: Iterable[str]) -> None:
        paths = tuple(paths)
        self.everything = not paths or any(p in ("", ".") for p in paths)
        self.exact = set(paths)
        self.folders = {p.rstrip("/") for p in paths}

    def __contains__(self, rel: str) -> bool:
        if self.everything or rel in self.exact:
            return True
        cut = rel.find("/")
        while cut >= 0:
            if rel[:cut] in self.folders:
                return True
            cut = rel.find("/", cut + 1)
        return False


def check_folder(
    root: str, shown_root: str, config: Config, options: Options | None = None
) -> CheckResult:
    """Judge every record under ``root``; report on those in ``options.paths`` (all by default),
    while ids and references are always resolved against the whole folder."""
    options = options or Options()
    allowed = rule_filter(options.select, options.ignore)
    today = options.as_of or dt.date.today()
    entries = list(walk(root))
    notices: list[tuple[str, dict[str, Any]]] = []
    wanted = wanted_rules(allowed, config)
    cache = (
        open_cache(root, shown_root, config, today, wanted, notices) if options.use_cache else None
    )
    scope = Scope(options.paths)
    if cache is not None and not options.records:
        replay = cache.replay(entries)
        if replay is not None:
            if options.progress is not None:
                options.progress(len(entries), len(entries))
            cache.save_replayed(entries)
            rels = {e.rel for e in entries}
            problems = [
                p for rel, p in replay.problems if (rel if rel in rels else p.file) in scope
            ]
            unreadable = {
                shown_path(shown_root, rel): rule for rel, rule in replay.unreadable.items()
            }
            files = sum(1 for e in entries if e.rel in scope)
            return CheckResult(
                root, shown_root, config, files, problems, [], [], unreadable, notices
            )
    results = run_checks(
        root, shown_root, entries, config, today, cache, options.records, options.progress, wanted
    )
    judged = judge(root, shown_root, config, results, allowed, today)
    unreadable = unreadable_of(results, shown_root)
    if cache is not None:
        cache.save(entries, results, judged, unreadable)
    result = scoped(root, shown_root, config, options, results, allowed, judged, unreadable)
    result.notices = notices
    return result


def open_cache(
    root: str,
    shown_root: str,
    config: Config,
    today: dt.date,
    wanted: Selection,
    notices: list[tuple[str, dict[str, Any]]] | None,
) -> Cache | None:
    """The run summary of ``root`` for results made by the rules in ``wanted`` (None: all), or
    None; why it is off, if worth saying, goes to ``notices``."""
    cache = Cache.open(root, shown_root, config, today, wanted)
    if isinstance(cache, Off) and notices is not None:
        notices.append((cache.key, cache.args))
    return cache if isinstance(cache, Cache) else None


def check_entries(
    root: str,
    shown_root: str,
    entries: list[Entry],
    config: Config,
    today: dt.date,
    use_cache: bool,
    progress: Progress | None = None,
    notices: list[tuple[str, dict[str, Any]]] | None = None,
    wanted: Selection = None,
    *,
    records: bool = True,
) -> list[FileResult]:
    """Per-file results by the rules in ``wanted`` (None: all): from the run summary where the
    file is unchanged, the rest computed (in a pool of processes when there are many).
    ``records``: keep whole records (else the facts only). Why the cache is off, if worth
    saying, goes to ``notices``."""
    cache = None
    if use_cache:
        cache = open_cache(root, shown_root, config, today, wanted, notices)
    results = run_checks(root, shown_root, entries, config, today, cache, records, progress, wanted)
    if cache is not None:
        cache.save(entries, results, None, {})
    return results


def run_checks(
    root: str,
    shown_root: str,
    entries: list[Entry],
    config: Config,
    today: dt.date,
    cache: Cache | None,
    records: bool,
    progress: Progress | None = None,
    wanted: Selection = None,
) -> list[FileResult]:
    if cache is None:
        return check_many(
            root, shown_root, entries, config, today, progress, records=records, wanted=wanted
        )
    found = cache.lookup_all(entries, records)
    todo = [i for i, r in enumerate(found) if r is None]
    if progress is not None:
        progress(len(entries) - len(todo), len(entries))
    done_before = len(entries) - len(todo)

    def shifted(done: int, total: int) -> None:
        if progress is not None:
            progress(done_before + done, len(entries))

    fresh = check_many(
        root,
        shown_root,
        [entries[i] for i in todo],
        config,
        today,
        shifted if progress else None,
        records=records,
        wanted=wanted,
    )
    for i, r in zip(todo, fresh, strict=True):
        found[i] = r
    return [r for r in found if r is not None]


def judge(
    root: str,
    shown_root: str,
    config: Config,
    results: list[FileResult],
    allowed: set[str],
    today: dt.date,
) -> list[Problem]:
    """The whole folder's problems: each file's, then the folder rules' on the records' facts,
    with severities and waivers applied; not narrowed to any paths."""
    facts = [r.facts for r in results if r.facts is not None]
    organisations = [f for f in facts if f.kind == "organisasi"]
    events = [f for f in facts if f.kind == "kegiatan"]
    by_file = {f.file: f for f in facts}
    problems = [p for r in results for p in r.problems]
    folder = FolderContext(organisations, events, config, today, root, shown_root)
    with without_cycle_collector():  # a problem per organisation never trained, and so on
        for info in folder_checks(wanted_rules(allowed, config)):
            if info.check is None:
                continue
            try:
                findings = list(info.check(folder))
            except Exception as exc:
                raise InternalError(f"rule {info.id}", exc) from exc
            problems.extend(_located(f, by_file.get(f.file or "")) for f in findings)
        problems = _apply_policy(problems, config, allowed, by_file, today)
        problems.sort(key=lambda p: p.sort_key)
    return problems


def _located(f: Finding, rec: Facts | None) -> Problem:
    """A folder rule's finding as a problem, at the place its record's facts keep."""
    shown = f.file or ""
    if f.at is not None:
        line, column = f.at
    else:
        line, column = rec.spot(f.path)[:2] if rec is not None else (1, 1)
    line, column = max(1, line), max(1, column)
    source, caret = rec.source_at(line, column) if rec is not None else ("", 0)
    record = rec.id if rec is not None else None
    return make_problem(
        shown, line, column, f.rule, f.message_key, dict(f.args), f.severity, record, f.path,
        source, caret,
    )  # fmt: skip


def finish(
    root: str,
    shown_root: str,
    config: Config,
    options: Options,
    results: list[FileResult],
    allowed: set[str],
    today: dt.date,
) -> CheckResult:
    """The folder judged (see :func:`judge`) and narrowed to ``options.paths``."""
    problems = judge(root, shown_root, config, results, allowed, today)
    unreadable = unreadable_of(results, shown_root)
    return scoped(root, shown_root, config, options, results, allowed, problems, unreadable)


def scoped(
    root: str,
    shown_root: str,
    config: Config,
    options: Options,
    results: list[FileResult],
    allowed: set[str],
    problems: list[Problem],
    unreadable: dict[str, str],
) -> CheckResult:
    """The report on ``options.paths``: problems of files there (and of files that are not
    records, such as ``wksbm.yaml``, named by their shown path), with the records when kept."""
    scope = Scope(options.paths)
    rel_of = {shown_path(shown_root, r.rel): r.rel for r in results}
    if not scope.everything:
        problems = [p for p in problems if rel_of.get(p.file, p.file) in scope]
    organisations, events = records_of(results, config, allowed)
    in_scope = sum(1 for r in results if r.rel in scope)
    return CheckResult(
        root, shown_root, config, in_scope, problems, organisations, events, unreadable
    )


def records_of(
    results: Iterable[FileResult], config: Config, allowed: set[str] | None = None
) -> tuple[list[Organisation], list[Event]]:
    """The records of per-file results, as every report sees them: the one step from a tree of
    files (on disk or in a commit) to records, shared by live runs and past snapshots. Region
    names are made canonical unless every rule that reads the region list is deselected.
    Results that kept only facts (``validate``) give none, and nothing is made canonical for
    them."""
    results = list(results)
    organisations = [r.record for r in results if isinstance(r.record, Organisation)]
    events = [r.record for r in results if isinstance(r.record, Event)]
    if not (organisations or events):
        return [], []
    if allowed is None or any(RULES[r].needs_regions for r in allowed):
        organisations, events = canonical_records(organisations, events, config)
    return organisations, events


def unreadable_of(results: Iterable[FileResult], shown_root: str) -> dict[str, str]:
    """Record files that gave no record, each with the rule that kept it out."""
    return {
        shown_path(shown_root, r.rel): next(
            (p.rule for p in r.problems if p.severity is Severity.ERROR), "error"
        )
        for r in results
        if r.facts is None and r.kind is not None
    }
