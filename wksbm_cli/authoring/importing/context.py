"""What the rows of the export's tables are planned against: the folder's records by id, the
files the import touches, and the cells of a row read as record values (or refused).

A row names its record by id (``organisasi_id``, ``kegiatan_id``); an id that names no record
is refused with a "did you mean", one that names several (a ``duplicate-id`` the folder already
has) is refused too: the import never picks one.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any

from wksbm_cli.authoring.importing import values as v
from wksbm_cli.authoring.importing.compose import FilePlan, Files
from wksbm_cli.authoring.importing.items import Folder, Item, Note, Plan, rel_of, shown
from wksbm_cli.authoring.importing.rows import Refuse
from wksbm_cli.authoring.importing.tables import Row
from wksbm_cli.core.suggest import did_you_mean
from wksbm_cli.model.records import Event, Organisation
from wksbm_cli.rules.privacy import mask_niks

PERSONAL = ("telepon", "email")


@dataclass
class Context:
    folder: Folder
    plan: Plan
    files: Files
    source: str
    today: dt.date
    results: list[Any]
    made: dict[str, str]  # organisation id -> file, of the organisations this import makes
    orgs: dict[str, list[Organisation]] = field(default_factory=dict)
    events: dict[str, list[Event]] = field(default_factory=dict)
    new_events: dict[str, FilePlan] = field(default_factory=dict)  # id (and as written) -> file
    # (kind, file name stem) -> a file that does not read as a record: a row may name it
    unreadable: dict[tuple[str, str], str] = field(default_factory=dict)
    known: list[str] | None = None  # organisation ids, with those this import makes
    aliases: dict[str, str] = field(default_factory=dict)  # event id as a sheet wrote it -> id

    def __post_init__(self) -> None:
        for r in self.results:
            rec = r.record
            if isinstance(rec, Organisation) and rec.id:
                self.orgs.setdefault(rec.id, []).append(rec)
            elif isinstance(rec, Event) and rec.id:
                self.events.setdefault(rec.id, []).append(rec)
            if rec is None and r.kind in ("organisasi", "kegiatan"):
                stem = os.path.splitext(os.path.basename(r.rel))[0]
                self.unreadable[(r.kind, stem)] = r.rel

    def org_ids(self) -> list[str]:
        if self.known is None:
            self.known = sorted(set(self.orgs) | set(self.made))
        return self.known

    def owner(self, kind: str, record_id: str, column: str) -> FilePlan:
        """The file of the record a row names; Refuse when there is not exactly one."""
        if kind == "organisasi" and record_id in self.made:
            return self.files.plans[self.made[record_id]]
        if kind == "kegiatan":
            record_id = self.aliases.get(record_id, record_id)
            if record_id in self.new_events:
                return self.new_events[record_id]
        pool: dict[str, list[Any]] = dict(self.orgs if kind == "organisasi" else self.events)
        found = pool.get(record_id, [])
        if not found and (kind, record_id) in self.unreadable:
            raise Refuse(
                "import.unreadable", file=shown(self.folder, self.unreadable[kind, record_id])
            )
        if not found:
            known = self.org_ids() if kind == "organisasi" else [*self.events, *self.new_events]
            hint = did_you_mean(record_id, known)
            raise Refuse("import.unknown-id", column=column, value=record_id, suggestion=hint)
        if len(found) > 1:
            files = ", ".join(r.file for r in found)
            raise Refuse("import.id-several", id=record_id, files=files)
        plan = self.files.existing(rel_of(self.folder, found[0].file), kind)
        if plan is None:
            raise Refuse("import.unreadable", file=found[0].file)
        return plan

    def item(self, row: Row, nama: str, record_id: str, kind: str) -> Item:
        item = Item("unchanged", row.sheet, row.row, nama, id=record_id, kind=kind)
        self.plan.items.append(item)
        return item


# -- cells as values ----------------------------------------------------------------------


def fold(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def tidy(value: Any) -> Any:
    """Text as a cell shows it (whitespace runs as one space), to compare with a cell."""
    return " ".join(value.split()) if isinstance(value, str) else value


def same(old: Any, new: Any, column: str = "") -> bool:
    """The record's value and the cell's say the same (an export masks a NIK in personal
    fields: the masked text is the record's own value, not an edit)."""
    if isinstance(new, str):
        if not isinstance(old, str | int) or isinstance(old, bool):
            return False
        old_text = tidy(str(old))
        return old_text == new or (column in PERSONAL and tidy(mask_niks(str(old))) == new)
    if isinstance(new, dt.date) and isinstance(old, dt.datetime):
        return False
    return bool(old == new) and type(old) is type(new)


def date_cell(row: Row, column: str) -> dt.date | None:
    try:
        return v.parse_date(row.cells.get(column))
    except v.BadValue as exc:
        raise Refuse(
            "import.bad-value", column=column, value=exc.written, expected="date"
        ) from None


def count_cell(row: Row, column: str) -> int | None:
    try:
        return v.parse_count(row.cells.get(column))
    except v.BadValue as exc:
        raise Refuse(
            "import.bad-value", column=column, value=exc.written, expected="integer"
        ) from None


def choice_cell(row: Row, column: str, choices: tuple[str, ...]) -> str | None:
    written = row.text(column)
    if written is None:
        return None
    if written in choices:
        return written
    word = written.casefold().replace(" ", "_")
    if word in choices:
        return word
    raise Refuse(
        "import.bad-value",
        column=column,
        value=written,
        expected="choice",
        suggestion=did_you_mean(word, choices),
    )


def emptied(row: Row, column: str, old: Any, notes: list[Note]) -> None:
    """A cell the sheet leaves empty where the record has a value: the value stays."""
    if row.blank(column) and old not in (None, "", [], {}):
        shown = old.isoformat() if isinstance(old, dt.date) else old
        if isinstance(old, list):
            shown = "; ".join(str(x) for x in old)
        notes.append(("import.cell-emptied", {"column": column, "value": shown}))


def missing(row: Row, needed: tuple[str, ...], have: dict[str, Any]) -> None:
    for column in needed:
        if have.get(column) in (None, ""):
            raise Refuse("import.missing-cell", column=column, table=row.table)
