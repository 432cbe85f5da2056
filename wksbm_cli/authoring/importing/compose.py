"""One text per file, however many rows change it; judged as ``validate`` judges; then written.

A record is touched by several rows at once when a workbook of ``wksbm export`` comes back: its
``organisasi`` row, its officers in ``pengurus``, its unsur; an event's ``kegiatan`` row, its
participants and speakers. Each row is a *step* run on one round-trip ``Editor`` of the file, so
the rows' changes add up in one text and every line no row touched keeps its bytes. A step checks
what it can before it splices (and refuses with ``Refuse``); a step the writer itself refuses is
left out and the file is composed again from its first text without it.

Judging: every new or changed file is checked together with the rest of the folder, and an
error the file did not have before is blamed on the rows whose changes it points at (by field
path: ``pengurus[2].jabatan`` blames the row that set it), else on every row that changed the
file, or on the row that makes a new file. Blamed rows are rejected and their files composed
and judged again, so one bad row does not cost the good rows of the same record.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from wksbm_cli.authoring.edit.splice import Editor
from wksbm_cli.authoring.importing.items import (
    REFUSED,
    Change,
    Folder,
    Item,
    Note,
    Plan,
    reject,
    shown,
)
from wksbm_cli.authoring.importing.rows import Refuse
from wksbm_cli.check.engine import check_entries, finish, rule_filter
from wksbm_cli.check.results import FileResult, Options
from wksbm_cli.core.problem import Problem, Severity
from wksbm_cli.errors import WksbmError
from wksbm_cli.i18n import Message
from wksbm_cli.load.files import Entry, decode, read_bytes
from wksbm_cli.write import atomic_write, write_new_files

BOM = b"\xef\xbb\xbf"
Step = Callable[[Editor], list[Note]]


@dataclass
class FilePlan:
    rel: str
    kind: str  # organisasi | kegiatan
    original: str | None  # the text on disk; None for a file this import makes
    base: str  # where the steps start: the original, or the new record's text
    creator: Item | None = None  # the row that makes a new file
    steps: list[tuple[Item, Step, int]] = field(default_factory=list)  # item, step, notes kept
    text: str = ""
    editor: Editor | None = None  # made for planning, handed to the first composition
    unreadable: bool = False

    def items(self) -> list[Item]:
        head = [self.creator] if self.creator is not None else []
        return head + [item for item, _, _ in self.steps]

    def writes(self) -> bool:
        if self.original is None:
            return self.creator is not None and self.creator.action not in REFUSED
        return self.text != self.original

    def data(self) -> dict[str, Any]:
        """The first text as data, for planning the steps (empty when it does not read). The
        editor that reads it is kept for ``compose``: a file is parsed once, however many
        tables name it."""
        if self.editor is None and not self.unreadable:
            try:
                self.editor = Editor(self.base)
            except WksbmError:
                self.unreadable = True
        return self.editor.data if self.editor is not None else {}

    def take_editor(self) -> Editor:
        """An editor on the first text: the planning one if no composition used it yet."""
        ed, self.editor = self.editor, None
        return ed if ed is not None and not ed.changes else Editor(self.base)


class Files:
    """The files an import touches, by path relative to the records root."""

    def __init__(self, folder: Folder) -> None:
        self.folder = folder
        self.plans: dict[str, FilePlan] = {}

    def existing(self, rel: str, kind: str) -> FilePlan | None:
        """The plan for a file on disk, its text read once; None when it cannot be read."""
        if rel in self.plans:
            return self.plans[rel]
        limit = max(self.folder.config.ukuran_berkas_maks, 1)
        data, _ = read_bytes(os.path.join(self.folder.root, *rel.split("/")), limit)
        text = decode(data).text if data is not None else None
        if text is None:
            return None
        plan = FilePlan(rel, kind, text, text, text=text)
        self.plans[rel] = plan
        return plan

    def new(self, rel: str, kind: str, text: str, creator: Item) -> FilePlan:
        creator.action, creator.rel, creator.kind, creator.text = "new", rel, kind, text
        plan = FilePlan(rel, kind, None, text, creator, text=text)
        self.plans[rel] = plan
        return plan

    def step(self, plan: FilePlan, item: Item, run: Step) -> None:
        item.rel, item.kind = plan.rel, plan.kind
        item.action = "new" if plan.original is None else "unchanged"
        plan.steps.append((item, run, len(item.notes)))


def dotted(path: Sequence[str | int]) -> str:
    return ".".join(str(p) for p in path)


def compose(plan: FilePlan) -> None:
    """Run the live steps on one editor; the rows' changes, notes and the file's text."""
    live = [(i, s, n) for i, s, n in plan.steps if i.action not in REFUSED]
    if plan.creator is not None and plan.creator.action in REFUSED:
        for item, _, _ in live:
            reject(
                item, "import.record-not-imported", sheet=plan.creator.sheet, row=plan.creator.row
            )
        plan.text = plan.base
        return
    plan.text = plan.base
    if not live:
        _share(plan)
        return
    try:
        ed = plan.take_editor()
    except WksbmError as exc:
        for item, _, _ in live:
            reject(item, "import.cannot-edit", reason=exc.as_message())
        return
    for item, run, kept in live:
        del item.notes[kept:]
        item.changes = []
        before = len(ed.changes)
        try:
            notes = run(ed)
        except Refuse as exc:
            reject(item, exc.key, **exc.args_)
            if len(ed.changes) == before:
                continue
            compose(plan)  # refused half-way: start again without it
            return
        except WksbmError as exc:
            reject(item, "import.cannot-edit", reason=exc.as_message())
            compose(plan)
            return
        item.changes = [Change(dotted(c.path), c.old, c.new) for c in ed.changes[before:]]
        item.notes.extend(notes)
        if plan.original is None:
            item.action = "new"
        else:
            item.action = "update" if item.changes else "unchanged"
    if ed.changes:
        try:
            ed.verify()
        except WksbmError as exc:
            for item, _, _ in live:
                if item.changes:
                    reject(item, "import.cannot-edit", reason=exc.as_message())
            compose(plan)
            return
    plan.text = ed.text
    _share(plan)


def _share(plan: FilePlan) -> None:
    for item in plan.items():
        if item.action in REFUSED:
            continue
        item.rel, item.kind = plan.rel, plan.kind
        item.original = plan.original or ""
        item.text = plan.text if item.action in ("new", "update") else ""


# -- judging ------------------------------------------------------------------------------


def _scratch_parent() -> str | None:
    """Memory-backed /dev/shm where there is one: the candidates are thousands of small files
    written once and read once, and on a busy disk that costs more than judging them."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


Signature = tuple[str, str, tuple[tuple[str, Any], ...]]


def _errors(problems: Sequence[Problem]) -> dict[str, Counter[Signature]]:
    out: dict[str, Counter[Signature]] = {}
    for p in problems:
        if p.severity is Severity.ERROR and not p.waived:
            out.setdefault(p.file, Counter())[(p.rule, p.message_key, p.args)] += 1
    return out


_INDEX = re.compile(r"\.(\d+)(?=\.|$)")


def _field_path(change: str) -> str:
    """``pengurus.2.nama`` (a change) -> ``pengurus[2].nama`` (a problem's path)."""
    return _INDEX.sub(r"[\1]", change)


def _anchor(path: str) -> str:
    """What a problem is about: up to its first list item (``pengurus[2]`` for a problem at
    ``pengurus[2].selesai``), else its first key."""
    at = path.find("]")
    return path[: at + 1] if at != -1 else path.split(".", 1)[0].split("[", 1)[0]


def _within(path: str, outer: str) -> bool:
    return path == outer or path.startswith((outer + ".", outer + "["))


def _blame(plan: FilePlan, problems: Sequence[Problem]) -> None:
    """Reject the rows a problem points at: first those whose change holds the problem's field
    (``pengurus[0].selesai`` before ``pengurus[0].mulai``: the same officer); else those a
    broader problem (``pengurus``: no active ketua) spans; else every row that changed the file,
    or the row that makes it. Rows a broad problem merely spans are kept while a precise
    culprit exists: the next round of judging shows whether the broad problem was its doing (an
    end date set on the ketua) and goes with it."""
    changed = [
        (item, [_field_path(c.field) for c in item.changes])
        for item, _, _ in plan.steps
        if item.action not in REFUSED and item.changes
    ]
    precise: dict[int, tuple[Item, Problem]] = {}
    broad: dict[int, tuple[Item, Problem]] = {}
    for problem in problems:
        where = problem.path or ""
        if not where:
            continue
        anchor = _anchor(where)
        for item, paths in changed:
            if any(_within(where, p) or ("[" in anchor and _within(p, anchor)) for p in paths):
                precise.setdefault(id(item), (item, problem))
            elif any(_within(p, where) for p in paths):
                broad.setdefault(id(item), (item, problem))
    culprits = precise or broad
    if not culprits:
        everyone = [plan.creator] if plan.creator is not None else [i for i, _ in changed]
        culprits = {id(item): (item, problems[0]) for item in everyone}
    for item, problem in culprits.values():
        message = Message(problem.message_key, dict(problem.args))
        reject(item, "import.invalid", rule=problem.rule, message=message)


def judge(folder: Folder, files: Files, results: list[Any], today: dt.date) -> None:
    """Reject the rows whose new or changed record would carry an error ``validate`` reports
    (one it did not carry before), then compose and judge their files again.

    A file's result depends on its text alone (``check_file`` is a pure function of it), so a
    round checks only the texts not judged yet: after the first, the files whose rows were
    rejected, not the whole import again."""

    allowed = rule_filter((), ())
    options = Options(as_of=today)
    before = None
    judged: dict[str, tuple[str, FileResult]] = {}  # path -> the text judged, its result
    for _ in range(1 + sum(len(p.steps) + 1 for p in files.plans.values())):
        todo = [p for p in files.plans.values() if p.writes()]
        if not todo:
            return
        if before is None and any(p.original is not None for p in todo):
            before = finish(
                folder.root, folder.shown_root, folder.config, options, results, allowed, today
            )
        unjudged = [p for p in todo if judged.get(p.rel, ("", None))[0] != p.text]
        with tempfile.TemporaryDirectory(prefix="wksbm-import-", dir=_scratch_parent()) as tmp:
            for p in unjudged:
                path = os.path.join(tmp, *p.rel.split("/"))
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8", newline="") as handle:
                    handle.write(p.text)
            fresh = check_entries(
                tmp,
                folder.shown_root,
                [Entry(p.rel, p.kind) for p in unjudged],
                folder.config,
                today,
                False,
            )
        for p, r in zip(unjudged, fresh, strict=True):
            judged[p.rel] = (p.text, r)
        replaced = {p.rel: judged[p.rel][1] for p in todo}
        merged = [replaced.pop(r.rel, r) for r in results] + list(replaced.values())
        after = finish(
            folder.root, folder.shown_root, folder.config, options, merged, allowed, today
        )
        old = _errors(before.problems) if before is not None else {}
        new = _errors(after.problems)
        blamed = []
        for p in todo:
            name = shown(folder, p.rel)
            gained = new.get(name, Counter()) - old.get(name, Counter())
            if not gained:
                continue
            found = [
                q
                for q in after.problems
                if q.file == name and (q.rule, q.message_key, q.args) in gained
            ]
            _blame(p, found)
            blamed.append(p)
        if not blamed:
            return
        for p in blamed:
            compose(p)


# -- writing ------------------------------------------------------------------------------


def apply(folder: Folder, plan: Plan, update: bool) -> None:
    """Write the new records, and with ``update`` the changed ones, each file once. New files
    never replace an existing one; an updated file is replaced only if nobody changed it since
    it was read."""

    new: dict[str, str] = {}
    for item in plan.items:
        if item.action == "new":
            new.setdefault(item.rel, item.text)
    made = dict(zip(new, write_new_files(folder.root, list(new.items())), strict=True))
    for item in plan.items:
        if item.action != "new":
            continue
        if made[item.rel]:
            item.written = True
        else:
            reject(item, "import.exists", file=item.file)
    if not update:
        return
    done: dict[str, bool] = {}
    for item in plan.items:
        if item.action != "update":
            continue
        if item.rel not in done:
            path = os.path.join(folder.root, *item.rel.split("/"))
            done[item.rel] = _replace(path, item, folder.root)
        if done[item.rel]:
            item.written = True
        else:
            reject(item, "import.changed-on-disk", file=item.file)


def _replace(path: str, item: Item, root: str) -> bool:
    """Replace the file with the updated text, unless it changed since the plan read it (an
    editor, a ``git pull``, another command); False then, and the file is left alone."""

    with open(path, "rb") as handle:
        now = handle.read()
    if decode(now).text != item.original:
        return False
    mode = stat.S_IMODE(os.stat(path).st_mode)
    payload = (BOM if now.startswith(BOM) else b"") + item.text.encode("utf-8")
    atomic_write(path, payload, force=True, mode=mode, beneath=root)
    return True
