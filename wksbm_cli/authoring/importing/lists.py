"""Rows that edit a numbered list of a record: ``pengurus`` and ``unsur`` of an organisation,
``narasumber`` of an event.

A row names its item by the record's id and ``urutan``, the item's place as ``wksbm export``
numbered it. What a careful user expects, and so what happens:

- A changed cell sets that field of that item (a corrected name, a start date added); the rest
  of the line, and of the file, keeps its bytes.
- A row with an empty ``urutan``, or one past the end, is a new item, added at the end. Once it
  is in the record it is the item of the same name (and jabatan), so importing the same sheet
  again adds nothing.
- A row whose name is, in the record, the name of *another* urutan was moved or renumbered:
  it is listed as ambiguous, never guessed (guessing would move notes and dates between people).
- An emptied cell removes nothing, and neither does a deleted row: the plan notes each item of
  a record the sheet lists without it, so that a deletion meant as one is not silently lost
  (end a term with ``selesai``; remove an item in its file).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from wksbm_cli.authoring.edit.operations import (
    AFTER_PENGURUS,
    AFTER_PESERTA,
    OFFICER_KEYS,
)
from wksbm_cli.authoring.edit.splice import Editor
from wksbm_cli.authoring.importing import values as v
from wksbm_cli.authoring.importing.compose import Step
from wksbm_cli.authoring.importing.context import (
    PERSONAL,
    Context,
    choice_cell,
    date_cell,
    emptied,
    fold,
    same,
    tidy,
)
from wksbm_cli.authoring.importing.items import Item, Note, reject
from wksbm_cli.authoring.importing.rows import Refuse
from wksbm_cli.authoring.importing.tables import Row
from wksbm_cli.model.schema import JABATAN

KATEGORI = ("kelompok_usaha", "lembaga", "jaringan_pendukung")
FAR = 0.5  # below this difflib ratio two names are not one name with a typo


def _dict_item(x: Any) -> bool:
    return isinstance(x, dict)


def _named_item(x: Any) -> bool:
    return isinstance(x, dict) and isinstance(x.get("nama"), str) and bool(x["nama"].strip())


@dataclass(frozen=True)
class ListSpec:
    table: str  # the sheet's table
    key: str  # the record's list
    owner: str  # the column naming the record
    kind: str  # of the record: organisasi | kegiatan
    fields: tuple[str, ...]  # the columns that are keys of an item
    order: tuple[str, ...]  # every key of an item, in the order people write them
    needs: tuple[str, ...]  # a new item needs all of these
    needs_one: tuple[str, ...]  # ... and at least one of these
    after: tuple[str, ...]  # where the list goes in a record without one
    numbered: Callable[[Any], bool]  # the items the export numbers, as it numbers them


PENGURUS = ListSpec(
    "pengurus",
    "pengurus",
    "organisasi_id",
    "organisasi",
    ("jabatan", "nama", "mulai", "selesai", "telepon", "email"),
    OFFICER_KEYS,
    ("jabatan", "nama"),
    (),
    AFTER_PENGURUS,
    _dict_item,
)
UNSUR = ListSpec(
    "unsur",
    "unsur",
    "organisasi_id",
    "organisasi",
    ("nama", "kategori"),
    ("nama", "kategori"),
    ("nama", "kategori"),
    (),
    ("pengurus", *AFTER_PENGURUS),
    _named_item,
)
NARASUMBER = ListSpec(
    "narasumber",
    "narasumber",
    "kegiatan_id",
    "kegiatan",
    ("nama", "instansi", "materi"),
    ("nama", "instansi", "materi"),
    (),
    ("nama", "instansi"),
    ("peserta", *AFTER_PESERTA),
    _dict_item,
)


@dataclass
class Parsed:
    row: Row
    item: Item
    urutan: int | None
    values: dict[str, Any]  # non-empty cells as record values


def identity(spec: ListSpec, values: Any) -> str:
    """Who an item is, as rows and records are compared: the name (a speaker may have only an
    institution)."""
    if not isinstance(values, dict):
        return ""
    return fold(values.get("nama")) or (fold(values.get("instansi")) if spec.needs_one else "")


def label(spec: ListSpec, values: Any) -> str:
    """An item as the plan names it: ``bendahara Tri Handayani``."""
    if not isinstance(values, dict):
        return "?"
    if spec is PENGURUS:
        return f"{values.get('jabatan', '?')} {values.get('nama', '?')}"
    return str(values.get("nama") or values.get("instansi") or "?")


def _parse(ctx: Context, spec: ListSpec, row: Row) -> tuple[int | None, dict[str, Any]]:
    try:
        urutan = v.parse_count(row.cells.get("urutan"))
    except v.BadValue as exc:
        raise Refuse(
            "import.bad-value", column="urutan", value=exc.written, expected="integer"
        ) from None
    if urutan == 0:
        raise Refuse("import.bad-value", column="urutan", value="0", expected="integer")
    out: dict[str, Any] = {}
    for column in spec.fields:
        if column in ("mulai", "selesai"):
            value: Any = date_cell(row, column)
        elif column == "jabatan":
            value = choice_cell(row, column, JABATAN)
        elif column == "kategori":
            value = choice_cell(row, column, KATEGORI)
        elif column == "telepon":
            value = v.phone_text(row.cells.get(column))
        elif column == "materi":
            written = row.text(column)
            value = [t.strip() for t in written.split(";") if t.strip()] if written else None
        else:
            value = row.text(column)
        if value is None:
            continue
        if column in PERSONAL and ctx.folder.config.privasi != "internal":
            ctx.plan.dropped_personal += 1
            continue
        out[column] = value
    return urutan, out


def plan_list(ctx: Context, spec: ListSpec, rows: Sequence[Row]) -> None:
    """Plan every row of one table, record by record."""
    groups: dict[str, list[Parsed]] = {}
    for row in rows:
        owner = row.text(spec.owner) or ""
        try:
            urutan, values = _parse(ctx, spec, row)
        except Refuse as exc:
            item = ctx.item(row, row.text("nama") or "", owner, spec.kind)
            reject(item, exc.key, **exc.args_)
            continue
        shown = str(values.get("nama") or values.get("instansi") or "")
        item = ctx.item(row, shown, owner, spec.kind)
        if not owner:
            reject(item, "import.missing-cell", column=spec.owner, table=spec.table)
            continue
        groups.setdefault(owner, []).append(Parsed(row, item, urutan, values))
    for owner, group in groups.items():
        _plan_record(ctx, spec, owner, group)


def _plan_record(ctx: Context, spec: ListSpec, owner: str, group: list[Parsed]) -> None:
    try:
        plan = ctx.owner(spec.kind, owner, spec.owner)
    except Refuse as exc:
        for p in group:
            reject(p.item, exc.key, **exc.args_)
        return
    raw = plan.data().get(spec.key)
    items = raw if isinstance(raw, list) else []
    numbered = [i for i, x in enumerate(items) if spec.numbered(x)]
    claims: dict[int, int] = {}  # raw index -> the row that names it
    steps: list[tuple[Parsed, Step]] = []
    # Rows at their exported place first, so that a new row never takes an item whose own
    # row comes later in the sheet.
    placed = [p for p in group if p.urutan is not None and p.urutan <= len(numbered)]
    internal = ctx.folder.config.privasi == "internal"
    for p in placed:
        assert p.urutan is not None
        index = numbered[p.urutan - 1]
        if index in claims:
            reject(p.item, "import.same-row", row=claims[index])
            continue
        mine, theirs = identity(spec, p.values), identity(spec, items[index])
        if mine and theirs and mine != theirs:
            other = [
                n
                for n, j in enumerate(numbered, start=1)
                if n != p.urutan and identity(spec, items[j]) == mine
            ]
            if other:
                p.item.action = "ambiguous"
                p.item.reason = (
                    "import.row-moved",
                    {
                        "urutan": p.urutan,
                        "id": owner,
                        "old": label(spec, items[index]),
                        "new": label(spec, p.values),
                        "other": other[0],
                    },
                )
                continue
        claims[index] = p.row.row
        steps.append((p, _set_step(spec, p, index, internal)))
    added: dict[str, int] = {}  # identity -> row, of the items this sheet adds
    done = {id(p) for p in placed}
    for p in group:
        if id(p) in done:
            continue
        try:
            _needs(spec, p)
        except Refuse as exc:
            reject(p.item, exc.key, **exc.args_)
            continue
        mine = identity(spec, p.values)
        same_item = [j for j in numbered if _is_same(spec, items[j], p.values)]
        if same_item:
            index = same_item[0]
            if index in claims:
                reject(p.item, "import.same-row", row=claims[index])
                continue
            claims[index] = p.row.row
            steps.append((p, _set_step(spec, p, index, internal)))
        elif mine in added:
            reject(p.item, "import.same-row", row=added[mine])
        else:
            added[mine] = p.row.row
            place = len(numbered) + len(added)
            if p.urutan is not None and p.urutan != place:
                p.item.notes.append(("import.urutan-moved", {"given": p.urutan, "actual": place}))
            steps.append((p, _append_step(spec, p)))
    live = [p for p in group if p.item.action not in ("rejected", "ambiguous")]
    first = live[0] if live else group[0]
    for n, j in enumerate(numbered, start=1):
        if j not in claims:
            args = {"table": spec.table, "urutan": n, "id": owner, "label": label(spec, items[j])}
            first.item.notes.append(("import.row-missing", args))
    for p, run in steps:
        ctx.files.step(plan, p.item, run)


def _needs(spec: ListSpec, p: Parsed) -> None:
    for column in spec.needs:
        if column not in p.values:
            raise Refuse("import.missing-cell", column=column, table=spec.table)
    if spec.needs_one and not any(c in p.values for c in spec.needs_one):
        raise Refuse("import.missing-cell", column=spec.needs_one[0], table=spec.table)


def _is_same(spec: ListSpec, current: Any, values: dict[str, Any]) -> bool:
    """A new row is an item the record already has: the same name (and, for officers, the
    same jabatan)."""
    if not isinstance(current, dict) or identity(spec, current) != identity(spec, values):
        return False
    return spec is not PENGURUS or current.get("jabatan") == values.get("jabatan")


def _after(spec: ListSpec, column: str) -> tuple[str, ...]:
    order = spec.order
    return tuple(reversed(order[: order.index(column)])) if column in order else ()


def _set_step(spec: ListSpec, p: Parsed, index: int, internal: bool) -> Step:
    def run(ed: Editor) -> list[Note]:
        current = ed.value((spec.key, index))
        if not isinstance(current, dict):
            raise Refuse("import.unreadable", file=p.item.rel)
        notes: list[Note] = []
        puts: list[tuple[str, Any]] = []
        extend: list[tuple[int | None, str]] = []  # materi: (item, text) set, or None: appended
        for column in spec.fields:
            if column in PERSONAL and not internal:
                continue  # never read from the sheet, never shown in the plan
            old = current.get(column)
            if column not in p.values:
                emptied(p.row, column, old, notes)
                continue
            new = p.values[column]
            if column == "materi":
                extend = _materi(old, new, p.row.text("materi") or "")
                if extend and not isinstance(old, list):
                    puts.append((column, new))
                    extend = []
            elif not same(old, new, column):
                puts.append((column, new))
        if spec is PENGURUS and any(c == "nama" for c, _ in puts):
            old_name = str(current.get("nama") or "")
            ratio = difflib.SequenceMatcher(None, fold(old_name), fold(p.values["nama"])).ratio()
            if old_name and ratio < FAR:
                notes.append(("import.renamed", {"old": old_name, "new": p.values["nama"]}))
        for column, new in puts:
            ed.put((spec.key, index), column, new, _after(spec, column))
        for j, item in extend:
            if j is None:
                ed.append((spec.key, index, "materi"), item)
            else:
                ed.set((spec.key, index, "materi", j), item)
        return notes

    return run


def _materi(old: Any, new: list[str], written: str) -> list[tuple[int | None, str]]:
    """The topics to set (by place) and to add; the sheet shows them joined by ``; ``, so a
    topic that holds ``;`` itself is compared as written, not split."""
    if not isinstance(old, list):
        return [(None, t) for t in new] if new else []
    if "; ".join(tidy(str(x)) for x in old) == written or [tidy(str(x)) for x in old] == new:
        return []
    if len(new) < len(old):
        raise Refuse("import.list-shorter", column="materi", new=len(new), old=len(old))
    out: list[tuple[int | None, str]] = []
    for j, topic in enumerate(new):
        if j >= len(old):
            out.append((None, topic))
        elif tidy(str(old[j])) != topic:
            out.append((j, topic))
    return out


def _append_step(spec: ListSpec, p: Parsed) -> Step:
    value = {k: p.values[k] for k in spec.order if k in p.values}

    def run(ed: Editor) -> list[Note]:
        current = ed.data.get(spec.key)
        if isinstance(current, list) and current:
            ed.append((spec.key,), value)
        elif spec.key in ed.data:
            ed.set((spec.key,), [value])
        else:
            ed.add((), spec.key, [value], after=spec.after)
        return []

    return run
