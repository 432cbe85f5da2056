"""Everything that can be judged from one file alone: read, parse, schema, record, file rules,
then personal data masked in all that is kept.

``check_file`` is a pure function of one file (picklable arguments, a small picklable result),
so that it can run in a pool of processes and be cached by content.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from wksbm_cli.check.results import FileResult, content_digest, shown_path
from wksbm_cli.core.problem import Problem, Severity, make_args
from wksbm_cli.errors import InternalError
from wksbm_cli.load.fastyaml import load_fast_or_located
from wksbm_cli.load.files import Entry, ReadResult, decode, read_bytes
from wksbm_cli.load.yamldoc import Document, Path
from wksbm_cli.model.facts import Spot, facts_of, spot_paths
from wksbm_cli.model.records import (
    Config,
    Record,
    build_event,
    build_organisation,
)
from wksbm_cli.model.schema import KEGIATAN, ORGANISASI
from wksbm_cli.model.types import Context, field_name
from wksbm_cli.rules.base import FileContext, Finding
from wksbm_cli.rules.privacy import Masker
from wksbm_cli.rules.registry import RULES, Selection, file_checks, runs_schema

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


def make_problem(
    file: str,
    line: int,
    column: int,
    rule: str,
    key: str,
    args: dict[str, Any],
    severity: Severity | None = None,
    record: str | None = None,
    path: Path | None = None,
    source: str = "",
    caret: int = 0,
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
        source=source,
        caret=caret,
    )


def check_file(
    root: str,
    shown_root: str,
    entry: Entry,
    config: Config,
    today: dt.date,
    wanted: Selection = None,
    *,
    keep_record: bool = True,
) -> FileResult:
    """Everything that can be judged from one file alone, by the rules in ``wanted`` (None: all;
    a rule that cannot be reported is not run)."""
    if entry.issue is not None:
        return judge_file(shown_root, entry, None, ReadResult(None), config, today, wanted=wanted)
    data, refused = read_bytes(os.path.join(root, entry.rel), config.ukuran_berkas_maks)
    return judge_file(
        shown_root, entry, data, refused, config, today, wanted=wanted, keep_record=keep_record
    )


def judge_file(
    shown_root: str,
    entry: Entry,
    data: bytes | None,
    refused: ReadResult,
    config: Config,
    today: dt.date,
    judge: bool = True,
    wanted: Selection = None,
    *,
    keep_record: bool = True,
) -> FileResult:
    """One file's record and problems from its bytes, wherever they came from: the work tree
    (:func:`check_file`) or a past commit (the yearly report's history), so a past snapshot is
    read exactly as a live run reads today's files. ``refused`` says why ``data`` is None.
    ``judge=False`` builds the record only (no schema or file rules): the record does not
    depend on them, and a score needs records, not problems. Only the checks of rules in
    ``wanted`` run (None: all), and those that find personal data, which is masked whatever is
    reported. ``keep_record=False`` keeps the record's facts only (what ``validate`` needs)."""
    shown = shown_path(shown_root, entry.rel)
    result = FileResult(entry.rel, entry.kind, [])
    if entry.issue is not None:
        rule = entry.issue.split(".", 1)[0]
        result.problems.append(make_problem(shown, 1, 1, rule, entry.issue, {"what": entry.what}))
        return result
    read = refused
    if data is not None:
        result.digest = content_digest(data)
        read = decode(data)
    if read.text is None:
        key = read.issue or "encoding"
        result.problems.append(
            make_problem(shown, read.line, read.column, key.split(".", 1)[0], key, dict(read.args))
        )
        return result
    text = read.text
    doc = load_fast_or_located(text)
    stem = entry.rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    for issue in doc.issues:
        result.problems.append(
            make_problem(
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
        judged = judge and runs_schema(wanted)
        checked = schema.check(doc.data, (), Context(doc.plain)) if judged else ()
        for s in checked:
            line, col = doc.where(s.path)
            result.problems.append(
                make_problem(shown, line, col, s.rule, s.message_key, s.args, path=s.path)
            )
        if entry.kind == "organisasi":
            record = build_organisation(doc.data, shown, config.wilayah)
        else:
            record = build_event(doc.data, shown, config.wilayah)
    ctx = FileContext(entry.rel, entry.kind or "", stem, text, doc, record, config, today, RULES)
    private: list[tuple[str, str]] = []
    for info in file_checks(wanted):
        if info.check is None or (record is None and not info.runs_without_record):
            continue
        if not judge and not info.finds_personal_data:
            continue  # a past snapshot still masks personal data, so none is printed from it
        if info.off_when_internal and config.privasi == "internal":
            continue
        try:
            findings = list(info.check(ctx))
        except Exception as exc:
            raise InternalError(f"rule {info.id} on {shown}", exc) from exc
        for f in findings:
            if judge:
                result.problems.append(locate(f, shown, doc))
            if f.private:
                private.append((f.private, str(f.args["masked"])))
    spots: dict[Path, tuple[int, int]] = {}
    if record is not None:
        spots = {p: doc.where(p) for p in spot_paths(record)}
    masker = Masker(private)
    problems = result.problems
    if masker:
        # Only what is kept is masked: ``validate`` keeps the facts, not the whole record,
        # and walking every value of a record was most of a masked file's extra cost.
        kept = record if keep_record else None
        kept, problems, spots = _masked(masker, kept, problems, spots)
        if keep_record:
            record = kept
    lines = _source_lines(text, [p.line for p in problems] + [pos[0] for pos in spots.values()])
    rec_id = masker.text(record.id) if record is not None and record.id else None
    result.problems = []
    for p in problems:
        source, caret = masker.line(lines.get(p.line, ""), p.column)
        result.problems.append(
            replace(
                p,
                record=rec_id or p.record,
                source=source[:SNIPPET_LIMIT],
                caret=caret if caret != p.column else 0,
            )
        )
    if record is not None:
        located: dict[Path, Spot] = {}
        for path, (line, column) in spots.items():
            source, caret = masker.line(lines.get(line, ""), column)
            located[path] = (line, column, source[:SNIPPET_LIMIT], caret if caret != column else 0)
        facts = facts_of(record, located)
        if masker and not keep_record:  # as facts_of the masked record gives them
            masked = masker.value(replace(facts, spots=()), numbers="drop")
            facts = replace(masked, file=record.file, spots=facts.spots)
        result.facts = facts
        if keep_record:
            result.record = record
    return result


def _masked(
    masker: Masker,
    record: Record | None,
    problems: list[Problem],
    spots: dict[Path, tuple[int, int]],
) -> tuple[Record | None, list[Problem], dict[Path, tuple[int, int]]]:
    """Personal data found in the file, masked in everything kept from it: message arguments,
    paths, record values (a bare number that is a NIK becomes empty) and the paths of spots."""
    if record is not None:
        record = replace(masker.value(record, numbers="drop"), file=record.file)
    masked = [
        replace(
            p,
            args=masker.value(p.args),
            path=masker.text(p.path) if p.path else p.path,
            record=masker.text(p.record) if p.record else p.record,
        )
        for p in problems
    ]
    return record, masked, {masker.value(path): pos for path, pos in spots.items()}


def locate(f: Finding, shown: str, doc: Document) -> Problem:
    line, col = f.at if f.at is not None else doc.where(f.path)
    return make_problem(
        shown, line, col, f.rule, f.message_key, dict(f.args), f.severity, path=f.path
    )
