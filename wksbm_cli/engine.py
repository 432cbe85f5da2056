"""Runs the pipeline: walk -> read -> parse -> schema -> record -> rules -> problems.

``check_file`` is a pure function of one file (picklable arguments, a small picklable result), so
that it can run in a pool of processes and be cached by content; folder rules then run on the
compact per-record facts, never on whole documents kept in memory.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from wksbm_cli.diagnostics import Problem, Severity, make_args
from wksbm_cli.errors import InternalError, WksbmError
from wksbm_cli.load.fastyaml import load_fast_or_located
from wksbm_cli.load.files import Entry, ReadResult, decode, read_bytes, walk
from wksbm_cli.load.yamldoc import Document, Path
from wksbm_cli.model.records import (
    Config,
    Event,
    Organisation,
    Record,
    build_event,
    build_organisation,
)
from wksbm_cli.model.schema import KEGIATAN, ORGANISASI
from wksbm_cli.model.types import Context, did_you_mean, field_name
from wksbm_cli.rules.base import FileContext, Finding, FolderContext
from wksbm_cli.rules.privacy import Masker
from wksbm_cli.rules.registry import RULES, file_checks, folder_checks

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Options:
    """How to judge: rule selection, the day to judge as of, and which paths to report on."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    as_of: dt.date | None = None
    paths: tuple[str, ...] = ()  # relative to the records root, "/" separated; () = all
    use_cache: bool = False  # per-file results kept in .wksbm_cache/ (the CLI turns it on)
    # Called with (files done, files in all) as files are checked: the CLI draws a progress bar
    # from it on a terminal; the library itself never prints.
    progress: Progress | None = field(default=None, compare=False)


@dataclass
class FileResult:
    rel: str
    kind: str | None
    problems: list[Problem]
    record: Record | None = None
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    lines: dict[int, str] = field(default_factory=dict)  # source lines at the kept marks
    digest: str = ""  # blake2b of the file's bytes, for the cache ("" when it was not read)
    # Caret columns in those lines where masking moved them: (line, column) -> caret.
    carets: dict[tuple[int, int], int] = field(default_factory=dict)


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


SNIPPET_LIMIT = 200


def _source_lines(text: str, wanted: Iterable[int]) -> dict[int, str]:
    wanted = set(wanted)
    if not wanted:
        return {}
    out: dict[int, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if number in wanted:
            out[number] = line  # cut to SNIPPET_LIMIT after masking, never through a number
            if len(out) == len(wanted):
                break
    return out


@dataclass
class CheckResult:
    root: str
    shown_root: str
    config: Config
    files: int
    problems: list[Problem]
    organisations: list[Organisation]
    events: list[Event]
    unreadable: dict[str, str]  # display path -> the rule that kept the record out
    #: One-line notes about the run itself (message id, arguments), e.g. why the cache is off.
    notices: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for p in self.problems:
            if not p.waived:
                out[p.severity.label] += 1
        return out

    @property
    def waived(self) -> int:
        return sum(1 for p in self.problems if p.waived)


def shown_path(shown_root: str, rel: str) -> str:
    return rel if shown_root in ("", ".") else f"{shown_root}/{rel}"


def _problem(
    file: str,
    line: int,
    column: int,
    rule: str,
    key: str,
    args: dict[str, Any],
    severity: Severity | None = None,
    record: str | None = None,
    path: Path | None = None,
) -> Problem:
    return Problem(
        file=file,
        line=max(1, line),
        column=max(1, column),
        rule=rule,
        severity=severity or RULES[rule].severity,
        message_key=key,
        args=make_args(**args),
        record=record,
        path=field_name(path) if path else None,
    )


def check_file(
    root: str, shown_root: str, entry: Entry, config: Config, today: dt.date
) -> FileResult:
    """Everything that can be judged from one file alone."""
    if entry.issue is not None:
        return judge_file(shown_root, entry, None, ReadResult(None), config, today)
    data, refused = read_bytes(os.path.join(root, entry.rel), config.ukuran_berkas_maks)
    return judge_file(shown_root, entry, data, refused, config, today)


def judge_file(
    shown_root: str,
    entry: Entry,
    data: bytes | None,
    refused: ReadResult,
    config: Config,
    today: dt.date,
    judge: bool = True,
) -> FileResult:
    """One file's record and problems from its bytes, wherever they came from: the work tree
    (:func:`check_file`) or a past commit (the yearly report's history), so a past snapshot is
    read exactly as a live run reads today's files. ``refused`` says why ``data`` is None.
    ``judge=False`` builds the record only (no schema or file rules): the record does not
    depend on them, and a score needs records, not problems."""
    shown = shown_path(shown_root, entry.rel)
    result = FileResult(entry.rel, entry.kind, [])
    if entry.issue is not None:
        rule = entry.issue.split(".", 1)[0]
        result.problems.append(_problem(shown, 1, 1, rule, entry.issue, {"what": entry.what}))
        return result
    read = refused
    if data is not None:
        result.digest = content_digest(data)
        read = decode(data)
    if read.text is None:
        key = read.issue or "encoding"
        result.problems.append(
            _problem(shown, read.line, read.column, key.split(".", 1)[0], key, dict(read.args))
        )
        return result
    text = read.text
    doc = load_fast_or_located(text)
    stem = entry.rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    for issue in doc.issues:
        result.problems.append(
            _problem(
                shown,
                issue.line,
                issue.column,
                issue.rule,
                issue.message_key,
                issue.args,
                path=issue.path,
            )
        )
    record: Record | None = None
    if isinstance(doc.data, dict):
        schema = ORGANISASI if entry.kind == "organisasi" else KEGIATAN
        checked = schema.check(doc.data, (), Context(doc.plain)) if judge else ()
        for s in checked:
            line, col = doc.where(s.path)
            result.problems.append(
                _problem(shown, line, col, s.rule, s.message_key, s.args, path=s.path)
            )
        if entry.kind == "organisasi":
            record = build_organisation(doc.data, shown, config.wilayah)
        else:
            record = build_event(doc.data, shown, config.wilayah)
    elif not any(p.rule == "yaml-syntax" for p in result.problems):
        line, col = doc.where(())
        key = "not-a-mapping.empty" if doc.data is None else "not-a-mapping"
        got = "list" if isinstance(doc.data, list) else "text"
        result.problems.append(_problem(shown, line, col, "not-a-mapping", key, {"got": got}))
    ctx = FileContext(entry.rel, entry.kind or "", stem, text, doc, record, config, today)
    private: list[tuple[str, str]] = []
    for info in file_checks():
        if info.check is None or (record is None and info.group != "privacy"):
            continue
        if not judge and info.group != "privacy":
            continue  # a past snapshot still masks personal data, so none is printed from it
        try:
            findings = list(info.check(ctx))
        except Exception as exc:
            raise InternalError(f"rule {info.id} on {shown}", exc) from exc
        for f in findings:
            if judge:
                result.problems.append(_locate(f, shown, doc))
            if f.private:
                private.append((f.private, str(f.args["masked"])))
    if record is not None:
        keep: list[Path] = [(), ("id",)]
        if isinstance(record, Event):
            keep.extend(ref.path for ref in record.references)
        result.marks = {p: doc.where(p) for p in keep}
    masker = Masker(private)
    if masker:
        record, result.problems, result.marks = _masked(masker, record, result)
    result.record = record
    lines = _source_lines(
        text, [p.line for p in result.problems] + [pos[0] for pos in result.marks.values()]
    )
    rec_id = record.id if record is not None else None
    problems = []
    for p in result.problems:
        source, caret = masker.line(lines.get(p.line, ""), p.column)
        problems.append(
            replace(
                p,
                record=rec_id or p.record,
                source=source[:SNIPPET_LIMIT],
                caret=caret if caret != p.column else 0,
            )
        )
    result.problems = problems
    for line, column in result.marks.values():
        source, caret = masker.line(lines.get(line, ""), column)
        result.lines[line] = source[:SNIPPET_LIMIT]
        if caret != column:
            result.carets[(line, column)] = caret
    return result


def _masked(
    masker: Masker, record: Record | None, result: FileResult
) -> tuple[Record | None, list[Problem], dict[Path, tuple[int, int]]]:
    """Personal data found in the file, masked in everything kept from it: message arguments,
    paths, record values (a bare number that is a NIK becomes empty) and the paths of marks."""
    if record is not None:
        record = replace(masker.value(record, numbers="drop"), file=record.file)
    problems = [
        replace(
            p,
            args=masker.value(p.args),
            path=masker.text(p.path) if p.path else p.path,
            record=masker.text(p.record) if p.record else p.record,
        )
        for p in result.problems
    ]
    marks = {masker.value(path): pos for path, pos in result.marks.items()}
    return record, problems, marks


def _locate(
    f: Finding, shown: str, doc: Document | None, marks: dict[Path, tuple[int, int]] | None = None
) -> Problem:
    if f.at is not None:
        line, col = f.at
    elif doc is not None:
        line, col = doc.where(f.path)
    else:
        path = f.path
        table = marks or {}
        while path not in table and path:
            path = path[:-1]
        line, col = table.get(path, (1, 1))
    return _problem(shown, line, col, f.rule, f.message_key, dict(f.args), f.severity, path=f.path)


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
                    extra_id = f" (maksudnya {hint}?)" if hint else ""
                    extra_en = f" (did you mean {hint}?)" if hint else ""
                    raise WksbmError(
                        f"aturan tidak dikenal: {name}{extra_id}", f"unknown rule: {name}{extra_en}"
                    )
                out |= hits
        return out

    chosen = expand(select) if select else set(RULES)
    return chosen - expand(ignore)


def _apply_policy(
    problems: list[Problem],
    config: Config,
    allowed: set[str],
    records: dict[str, Record],
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
        if level is not None:
            p = p.with_severity(Severity.parse(level))
        rec = records.get(p.file)
        if rec is not None and p.rule != "waiver-expired":
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
    results = check_entries(
        root, shown_root, entries, config, today, options.use_cache, options.progress, notices
    )
    result = finish(root, shown_root, config, options, results, allowed, today)
    result.notices = notices
    return result


def check_entries(
    root: str,
    shown_root: str,
    entries: list[Entry],
    config: Config,
    today: dt.date,
    use_cache: bool,
    progress: Progress | None = None,
    notices: list[tuple[str, dict[str, Any]]] | None = None,
) -> list[FileResult]:
    """Per-file results: from the cache where the file is unchanged, the rest computed (in a
    pool of processes when there are many). Why the cache is off, if worth saying, goes to
    ``notices``."""
    from wksbm_cli.parallel import check_many

    if not use_cache:
        return check_many(root, shown_root, entries, config, today, progress)
    from wksbm_cli.cache.store import Cache, Off

    cache = Cache.open(root, shown_root, config, today)
    if not isinstance(cache, Cache):
        if isinstance(cache, Off) and notices is not None:
            notices.append((cache.key, cache.args))
        return check_many(root, shown_root, entries, config, today, progress)
    found = cache.lookup_all(entries)
    todo = [i for i, r in enumerate(found) if r is None]
    if progress is not None:
        progress(len(entries) - len(todo), len(entries))
    done_before = len(entries) - len(todo)

    def shifted(done: int, total: int) -> None:
        if progress is not None:
            progress(done_before + done, len(entries))

    fresh = check_many(
        root, shown_root, [entries[i] for i in todo], config, today, shifted if progress else None
    )
    for i, r in zip(todo, fresh, strict=True):
        found[i] = r
    results = [r for r in found if r is not None]
    cache.save(entries, results)
    return results


def finish(
    root: str,
    shown_root: str,
    config: Config,
    options: Options,
    results: list[FileResult],
    allowed: set[str],
    today: dt.date,
) -> CheckResult:
    organisations, events = records_of(results, config, allowed)
    scope = Scope(options.paths)
    problems = [p for r in results if r.rel in scope for p in r.problems]
    marks = {shown_path(shown_root, r.rel): r.marks for r in results}
    lines = {shown_path(shown_root, r.rel): r.lines for r in results}
    carets = {shown_path(shown_root, r.rel): r.carets for r in results}
    rel_of = {shown_path(shown_root, r.rel): r.rel for r in results}
    folder = FolderContext(organisations, events, config, today, root, shown_root)
    records: dict[str, Record] = {r.file: r for r in organisations}
    records.update({r.file: r for r in events})
    for info in folder_checks():
        if info.check is None:
            continue
        try:
            findings = list(info.check(folder))
        except Exception as exc:
            raise InternalError(f"rule {info.id}", exc) from exc
        for f in findings:
            shown = f.file or ""
            if rel_of.get(shown, shown) not in scope:
                continue
            problem = _locate(f, shown, None, marks.get(shown))
            rec = records.get(shown)
            source = lines.get(shown, {}).get(problem.line, "")
            caret = carets.get(shown, {}).get((problem.line, problem.column), 0)
            problems.append(
                replace(problem, record=rec.id if rec else None, source=source, caret=caret)
            )
    problems = _apply_policy(problems, config, allowed, records, today)
    problems.sort(key=lambda p: p.sort_key)
    unreadable = unreadable_of(results, shown_root)
    in_scope = sum(1 for r in results if r.rel in scope)
    return CheckResult(
        root, shown_root, config, in_scope, problems, organisations, events, unreadable
    )


def records_of(
    results: Iterable[FileResult], config: Config, allowed: set[str] | None = None
) -> tuple[list[Organisation], list[Event]]:
    """The records of per-file results, as every report sees them: the one step from a tree of
    files (on disk or in a commit) to records, shared by live runs and past snapshots. Region
    names are made canonical unless the region rules are deselected."""
    results = list(results)
    organisations = [r.record for r in results if isinstance(r.record, Organisation)]
    events = [r.record for r in results if isinstance(r.record, Event)]
    if allowed is None or allowed & {"region-unknown", "region-mismatch"}:
        from wksbm_cli.regions.canonical import canonical_records

        organisations, events = canonical_records(organisations, events, config)
    return organisations, events


def unreadable_of(results: Iterable[FileResult], shown_root: str) -> dict[str, str]:
    """Record files that gave no record, each with the rule that kept it out."""
    return {
        shown_path(shown_root, r.rel): next(
            (p.rule for p in r.problems if p.severity is Severity.ERROR), "error"
        )
        for r in results
        if r.record is None and r.kind is not None
    }
