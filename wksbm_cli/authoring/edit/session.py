"""One edit from start to finish: find the record, judge the folder before and after with the
same engine as ``validate``, refuse what would break the record, and publish atomically.

The file's bytes are read once and hashed; just before the new text replaces it, the file is
read again and the edit is refused if anything changed it meanwhile (an editor, a ``git pull``,
another ``wksbm`` command). The new text goes through ``write.atomic_write``: an interrupted or
failed write (Ctrl-C, a full disk) leaves the old file whole.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import stat
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from wksbm_cli.authoring.edit.operations import Notes
from wksbm_cli.authoring.edit.splice import Change, Editor
from wksbm_cli.check.engine import check_entries, finish, rule_filter
from wksbm_cli.check.file_check import check_file
from wksbm_cli.check.results import CheckResult, FileResult, Options, content_digest
from wksbm_cli.core.problem import Problem, Severity
from wksbm_cli.core.suggest import did_you_mean
from wksbm_cli.errors import WksbmError, WriteFailed
from wksbm_cli.figures.completeness import Judge, last_trainings, score_row
from wksbm_cli.i18n import Message
from wksbm_cli.load.files import Entry, decode, read_bytes, walk
from wksbm_cli.model.records import Config, Organisation, Record
from wksbm_cli.rules.registry import RULES
from wksbm_cli.write import atomic_write

BOM = b"\xef\xbb\xbf"
# Findings an edit may bring about on purpose: ending a sekretaris's term leaves the role empty.
# They are reported as consequences; everything else that a change would newly break refuses it.
CONSEQUENCE_GROUPS = ("completeness",)


@dataclass
class Target:
    root: str
    shown_root: str
    config: Config
    today: dt.date
    record: Record
    rel: str
    path: str
    data: bytes
    text: str
    results: list[FileResult]
    before: CheckResult

    @property
    def shown(self) -> str:
        return self.record.file

    @property
    def kind(self) -> str:
        return "organisasi" if isinstance(self.record, Organisation) else "kegiatan"


@dataclass
class Score:
    id: str
    before: float | None
    after: float | None


@dataclass
class EditReport:
    command: str
    record: str
    kind: str
    file: str
    changes: list[Change]
    notes: Notes
    scores: list[Score]
    consequences: list[Problem]
    diff: str
    dry_run: bool
    written: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def _rel(shown_root: str, shown: str) -> str:
    return shown if shown_root in ("", ".") else shown[len(shown_root) + 1 :]


def judge(
    root: str, shown_root: str, config: Config, today: dt.date, results: list[FileResult]
) -> CheckResult:
    return finish(
        root, shown_root, config, Options(as_of=today), results, rule_filter((), ()), today
    )


def open_record(
    root: str, shown_root: str, config: Config, record_id: str, today: dt.date, kind: str
) -> Target:
    """The record of that kind and id, judged as ``validate`` would judge it today."""
    entries = list(walk(root))
    results = check_entries(root, shown_root, entries, config, today, use_cache=False)
    before = judge(root, shown_root, config, today, results)
    pool: Sequence[Record] = before.organisations if kind == "organisasi" else before.events
    record = next((r for r in pool if r.id == record_id), None)
    if record is None:
        unreadable = [f for f in before.unreadable if f.rsplit("/", 1)[-1].startswith(record_id)]
        if unreadable:
            raise WksbmError("edit.unreadable", id=record_id, file=unreadable[0])
        hint = did_you_mean(record_id, [r.id for r in pool if r.id])
        raise WksbmError(f"edit.not-found.{kind}", id=record_id, suggestion=hint)
    rel = _rel(shown_root, record.file)
    path = os.path.join(root, *rel.split("/"))
    data, _ = read_bytes(path, config.ukuran_berkas_maks)
    text = decode(data).text if data is not None else None
    if data is None or text is None:
        raise WksbmError("edit.unreadable", id=record_id, file=record.file)
    return Target(root, shown_root, config, today, record, rel, path, data, text, results, before)


def _file_result(target: Target, text: str) -> FileResult:
    """The new text judged as a file of the folder, without touching the real one: written to
    a scratch copy of its path, checked there, and put in place of the old result."""
    with tempfile.TemporaryDirectory(prefix="wksbm-edit-") as scratch:
        path = os.path.join(scratch, *target.rel.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(_payload(target, text))
        entry = Entry(target.rel, target.kind)
        return check_file(scratch, target.shown_root, entry, target.config, target.today)


def _payload(target: Target, text: str) -> bytes:
    return (BOM if target.data.startswith(BOM) else b"") + text.encode("utf-8")


def _key(p: Problem) -> tuple[str, str, tuple[tuple[str, Any], ...]]:
    return (p.rule, p.message_key, p.args)


def _score(result: CheckResult, org_id: str, today: dt.date) -> float | None:
    """The ``completeness`` score of one organisation (None for a dissolved one, which the
    table leaves out)."""

    org = next((o for o in result.organisations if o.id == org_id), None)
    if org is None or org.status == "bubar":
        return None
    return score_row(org, Judge(result.config, today, last_trainings(result.events))).score


def conclude(
    target: Target,
    ed: Editor,
    command: str,
    notes: Notes,
    *,
    dry_run: bool,
    scored: Sequence[str] = (),
) -> EditReport:
    """Check the edited text and, unless ``dry_run``, publish it. ``scored`` names the
    organisations whose completeness is shown before and after (default: the record itself)."""

    ed.verify()
    new = _file_result(target, ed.text)
    old = next(r for r in target.results if r.rel == target.rel)
    _refuse_personal(target, old, new)
    results = [new if r.rel == target.rel else r for r in target.results]
    after = judge(target.root, target.shown_root, target.config, target.today, results)
    mine = target.shown
    # A multiset: a second copy of a problem the record already had is still a new one.
    seen = Counter(_key(p) for p in target.before.problems if p.file == mine)
    fresh = []
    for p in after.problems:
        if p.file != mine or p.waived:
            continue
        if seen[_key(p)] > 0:
            seen[_key(p)] -= 1
        else:
            fresh.append(p)
    breaking = [
        p
        for p in fresh
        if p.severity is Severity.ERROR and RULES[p.rule].group not in CONSEQUENCE_GROUPS
    ]
    if breaking:
        first = breaking[0]
        message = Message(first.message_key, dict(first.args))
        raise WksbmError("edit.would-break", rule=first.rule, message=message)
    consequences = [p for p in fresh if p.severity >= Severity.WARNING]
    own = target.record.id if isinstance(target.record, Organisation) else None
    ids = [i for i in (list(scored) or [own or ""]) if i]
    day = target.today
    scores = [Score(i, _score(target.before, i, day), _score(after, i, day)) for i in ids]
    report = EditReport(
        command=command,
        record=target.record.id or "",
        kind=target.kind,
        file=target.shown,
        changes=list(ed.changes),
        notes=notes,
        scores=scores,
        consequences=consequences,
        diff=unified_diff(target.text, ed.text, target.shown),
        dry_run=dry_run,
    )
    if not dry_run and ed.changes:
        publish(target, ed.text)
        report.written = True
    return report


def _refuse_personal(target: Target, old: FileResult, new: FileResult) -> None:
    """Personal data the edit would add. A NIK is refused whatever the folder's settings (the
    commands never write one); phones and e-mails follow the folder's ``privasi``, as in
    ``validate``. Judged before the folder's per-rule overrides, from the file's own checks."""
    before = {_key(p) for p in old.problems}
    for p in new.problems:
        rule = RULES.get(p.rule)
        if rule is None or not rule.finds_personal_data or _key(p) in before:
            continue
        if rule.off_when_internal and dict(target.config.aturan).get(p.rule) == "off":
            continue  # the folder may turn it off (a NIK's rule never is)
        masked = str(dict(p.args).get("masked", ""))
        raise WksbmError(f"edit.{p.rule}", masked=masked, file=target.shown)


def unified_diff(old: str, new: str, shown: str) -> str:
    """A unified diff; CRLF line endings are shown as plain line breaks."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"a/{shown}",
        tofile=f"b/{shown}",
    )
    out = []
    for line in lines:
        body = line.rstrip("\r\n")
        out.append(body + "\n")
        if not line.endswith("\n"):
            out.append("\\ No newline at end of file\n")
    return "".join(out)


def publish(target: Target, text: str) -> None:
    """Replace the file, unless it changed on disk since it was read."""

    now, _ = read_bytes(target.path, max(target.config.ukuran_berkas_maks, len(target.data)))
    if now is None or content_digest(now) != content_digest(target.data):
        raise WksbmError("edit.changed-on-disk", file=target.shown)

    try:
        mode = stat.S_IMODE(os.stat(target.path).st_mode)
        atomic_write(target.path, _payload(target, text), force=True, mode=mode)
    except WriteFailed as exc:  # the writer's own error for a failed OSError below it
        reason = os.strerror(exc.errno) if exc.errno else exc.message("en")
        raise WksbmError("edit.write-failed", file=target.shown, reason=reason) from None
    except OSError as exc:
        raise WksbmError(
            "edit.write-failed", file=target.shown, reason=exc.strerror or type(exc).__name__
        ) from None
