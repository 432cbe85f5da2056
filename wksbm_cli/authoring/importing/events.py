"""Rows of the ``kegiatan`` and ``kegiatan_peserta`` sheets: events made or updated, and the
organisations that took part.

A ``kegiatan`` row names its event by ``id``. Without one, or with an id no event has, it is a
new event, named and placed as ``wksbm new kegiatan`` would (``kegiatan/<year>/<date>-<slug>``):
so the same row imported again finds the event it made. A new row with the first day and nearly
the title of an event the folder has is listed as ambiguous, never guessed.

An event's id starts with its first day, and so does its file name: a ``tanggal`` changed in the
sheet that no longer agrees with the id is refused with what to do (rename by hand), never
written as a record that would not validate.

A ``kegiatan_peserta`` row says an organisation took part; one the record lacks is added to
``peserta.organisasi``, one the sheet no longer lists is kept and noted.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Sequence
from typing import Any

from wksbm_cli.authoring.edit.operations import AFTER_PESERTA, Notes, add_participants
from wksbm_cli.authoring.edit.splice import Editor
from wksbm_cli.authoring.importing.compose import Step
from wksbm_cli.authoring.importing.context import (
    Context,
    choice_cell,
    count_cell,
    date_cell,
    emptied,
    missing,
    same,
)
from wksbm_cli.authoring.importing.items import Item, Note, reject, shown
from wksbm_cli.authoring.importing.rows import Refuse
from wksbm_cli.authoring.importing.tables import Row
from wksbm_cli.authoring.importing.texts import record_text
from wksbm_cli.authoring.new_record import NewEvent, event_id, event_path, slug
from wksbm_cli.core.suggest import did_you_mean
from wksbm_cli.errors import WksbmError
from wksbm_cli.model.schema import JENIS_KEGIATAN, SUMBER_DANA

NEAR = 0.85  # difflib ratio from which two titles on one day may be the same event
ORDER = (
    "id",
    "judul",
    "jenis",
    "tanggal",
    "tanggal_selesai",
    "penyelenggara",
    "tempat",
    "dasar",
    "sumber_dana",
    "tahun_anggaran",
    "peserta",
    "narasumber",
)
SIMPLE = ("judul", "jenis", "tanggal", "tanggal_selesai", "dasar", "sumber_dana", "tahun_anggaran")
PENYELENGGARA = (
    ("nama", "penyelenggara"),
    ("unit", "penyelenggara_unit"),
    ("organisasi", "penyelenggara_organisasi"),
)
_DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:-|$)")


def _after(key: str) -> tuple[str, ...]:
    return tuple(reversed(ORDER[: ORDER.index(key)]))


def _title_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _values(ctx: Context, row: Row) -> dict[str, Any]:
    """The row's non-empty cells as record values (columns as the export names them)."""
    out: dict[str, Any] = {}
    for column in ("judul", "dasar", "tempat", "penyelenggara", "penyelenggara_unit"):
        if (written := row.text(column)) is not None:
            out[column] = written
    if (jenis := choice_cell(row, "jenis", JENIS_KEGIATAN)) is not None:
        out["jenis"] = jenis
    if (dana := choice_cell(row, "sumber_dana", SUMBER_DANA)) is not None:
        out["sumber_dana"] = dana
    for column in ("tanggal", "tanggal_selesai"):
        if (day := date_cell(row, column)) is not None:
            out[column] = day
    for column in ("tahun_anggaran", "peserta_jumlah"):
        if (number := count_cell(row, column)) is not None:
            out[column] = number
    if (org := row.text("penyelenggara_organisasi")) is not None:
        if org not in ctx.org_ids():
            raise Refuse(
                "import.unknown-id",
                column="penyelenggara_organisasi",
                value=org,
                suggestion=did_you_mean(org, ctx.org_ids()),
            )
        out["penyelenggara_organisasi"] = org
    return out


def plan_events(ctx: Context, rows: Sequence[Row]) -> None:
    seen: dict[str, int] = {}  # event id -> the row that names it
    for row in rows:
        item = ctx.item(row, row.text("judul") or "", row.text("id") or "", "kegiatan")
        try:
            values = _values(ctx, row)
            _plan_event(ctx, row, item, values, seen)
        except Refuse as exc:
            reject(item, exc.key, **exc.args_)


def _known_id(ctx: Context, row: Row, values: dict[str, Any]) -> tuple[str | None, str | None]:
    """(the id of the event the row names, or None; the id a new event gets)."""
    given = row.text("id")
    if given and (given in ctx.events or given in ctx.new_events):
        return given, given
    day = values.get("tanggal")
    base = given or (slug(values["judul"]) if values.get("judul") else None)
    if day is None or not base:
        return None, None
    try:
        made = event_id(base, day)
    except WksbmError:
        prefix = _DATE_PREFIX.match(base)
        if prefix:
            raise Refuse("import.event-date-in-id", id=base, tanggal=day.isoformat()) from None
        raise Refuse("import.bad-value", column="id", value=base, expected="slug") from None
    return (made if made in ctx.events or made in ctx.new_events else None), made


def _plan_event(
    ctx: Context, row: Row, item: Item, values: dict[str, Any], seen: dict[str, int]
) -> None:
    found, made = _known_id(ctx, row, values)
    target = found or made
    if target is not None and target in seen:
        raise Refuse("import.same-row", row=seen[target])
    if found is not None:
        seen[found] = row.row
        item.id = found
        given = row.text("id")
        if given and given != found:  # a sheet naming the event as it did before it was made
            ctx.aliases[given] = found
        plan = ctx.owner("kegiatan", found, "id")
        ctx.files.step(plan, item, _update_step(row, values))
        return
    missing(row, ("judul", "jenis", "tanggal", "penyelenggara"), values)
    assert made is not None
    seen[made] = row.row
    item.id = made
    if ("kegiatan", made) in ctx.unreadable:
        raise Refuse("import.unreadable", file=shown(ctx.folder, ctx.unreadable["kegiatan", made]))
    near = sorted(
        rid
        for rid, events in ctx.events.items()
        for e in events
        if e.tanggal == values["tanggal"]
        and difflib.SequenceMatcher(
            None, _title_key(e.judul or ""), _title_key(values["judul"])
        ).ratio()
        >= NEAR
    )
    if near:
        item.action, item.candidates = "ambiguous", near
        return
    given = row.text("id")
    if given and given != made:
        item.notes.append(("import.event-id-dated", {"id": made}))
    spec = NewEvent(made, values["judul"], values["jenis"], values["tanggal"], "")
    root = ctx.folder.root
    path = event_path(root, spec)
    if os.path.lexists(path):  # a file of that name whose record has another id
        raise Refuse("import.id-taken", id=made)
    rel = os.path.relpath(path, root).replace(os.sep, "/")
    where = f"{ctx.source}, lembar {row.sheet}, baris {row.row}"
    text = record_text(root, path, "kegiatan", _new_data(made, values), where)
    plan = ctx.files.new(rel, "kegiatan", text, item)
    ctx.new_events[made] = plan
    if given:
        ctx.new_events[given] = plan


def _organiser(values: dict[str, Any]) -> str | dict[str, Any]:
    parts = {k: values[c] for k, c in PENYELENGGARA if c in values}
    return parts["nama"] if list(parts) == ["nama"] else parts


def _new_data(record_id: str, values: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {"id": record_id}
    for key in ("judul", "jenis", "tanggal", "tanggal_selesai"):
        if key in values:
            data[key] = values[key]
    data["penyelenggara"] = _organiser(values)
    for key in ("tempat", "dasar", "sumber_dana", "tahun_anggaran"):
        if key in values:
            data[key] = values[key]
    if "peserta_jumlah" in values:
        data["peserta"] = {"jumlah": values["peserta_jumlah"]}
    return data


def _update_step(row: Row, values: dict[str, Any]) -> Step:
    def run(ed: Editor) -> list[Note]:
        data = ed.data
        notes: list[Note] = []
        puts: list[tuple[tuple[str, ...], str, Any, tuple[str, ...]]] = []
        for key in SIMPLE:
            old = data.get(key)
            if key not in values:
                emptied(row, key, old, notes)
                continue
            if same(old, values[key], key):
                continue
            if key == "tanggal":
                prefix = _DATE_PREFIX.match(str(data.get("id") or ""))
                if prefix and prefix.group(1) != values[key].isoformat():
                    raise Refuse(
                        "import.event-date-in-id",
                        id=str(data.get("id")),
                        tanggal=values[key].isoformat(),
                    )
            puts.append(((), key, values[key], _after(key)))
        puts.extend(_organiser_puts(row, data.get("penyelenggara"), values, notes))
        puts.extend(_venue_puts(row, data.get("tempat"), values, notes))
        peserta = data.get("peserta")
        count = peserta.get("jumlah") if isinstance(peserta, dict) else None
        if "peserta_jumlah" not in values:
            emptied(row, "peserta_jumlah", count, notes)
        elif isinstance(peserta, dict):
            if not same(count, values["peserta_jumlah"]):
                puts.append((("peserta",), "jumlah", values["peserta_jumlah"], ()))
        else:
            puts.append(((), "peserta", {"jumlah": values["peserta_jumlah"]}, AFTER_PESERTA))
        for path, key, value, after in puts:
            ed.put(path, key, value, after)
        return notes

    return run


def _organiser_puts(
    row: Row, current: Any, values: dict[str, Any], notes: list[Note]
) -> list[tuple[tuple[str, ...], str, Any, tuple[str, ...]]]:
    if isinstance(current, dict):
        out: list[tuple[tuple[str, ...], str, Any, tuple[str, ...]]] = []
        for n, (key, column) in enumerate(PENYELENGGARA):
            old = current.get(key)
            if column not in values:
                emptied(row, column, old, notes)
            elif not same(old, values[column], column):
                after = tuple(reversed([k for k, _ in PENYELENGGARA[:n]]))
                out.append((("penyelenggara",), key, values[column], after))
        return out
    if "penyelenggara" not in values:
        emptied(row, "penyelenggara", current, notes)
        if not any(c in values for _, c in PENYELENGGARA[1:]):
            return []
        if not isinstance(current, str):
            raise Refuse("import.missing-cell", column="penyelenggara", table=row.table)
        values = {**values, "penyelenggara": current}
    wanted = _organiser(values)
    if same(current, wanted, "penyelenggara"):
        return []
    return [((), "penyelenggara", wanted, _after("penyelenggara"))]


def _venue_puts(
    row: Row, current: Any, values: dict[str, Any], notes: list[Note]
) -> list[tuple[tuple[str, ...], str, Any, tuple[str, ...]]]:
    old = current.get("nama") if isinstance(current, dict) else current
    if "tempat" not in values:
        emptied(row, "tempat", old, notes)
        return []
    if same(old, values["tempat"], "tempat"):
        return []
    if isinstance(current, dict):
        return [(("tempat",), "nama", values["tempat"], ())]
    return [((), "tempat", values["tempat"], _after("tempat"))]


def plan_participants(ctx: Context, rows: Sequence[Row]) -> None:
    groups: dict[str, list[tuple[Row, Item]]] = {}
    for row in rows:
        event = row.text("kegiatan_id") or ""
        item = ctx.item(row, row.text("organisasi_id") or "", event, "kegiatan")
        if not event:
            reject(item, "import.missing-cell", column="kegiatan_id", table=row.table)
            continue
        groups.setdefault(event, []).append((row, item))
    known = ctx.org_ids()
    for event, group in groups.items():
        try:
            plan = ctx.owner("kegiatan", event, "kegiatan_id")
        except Refuse as exc:
            for _, item in group:
                reject(item, exc.key, **exc.args_)
            continue
        peserta = plan.data().get("peserta")
        listed = peserta.get("organisasi") if isinstance(peserta, dict) else None
        present = [x for x in listed if isinstance(x, str)] if isinstance(listed, list) else []
        claims: dict[str, int] = {}
        steps = []
        for row, item in group:
            org = row.text("organisasi_id")
            if not org:
                reject(item, "import.missing-cell", column="organisasi_id", table=row.table)
            elif org in claims:
                reject(item, "import.same-row", row=claims[org])
            elif org not in known:
                hint = did_you_mean(org, known)
                reject(
                    item, "import.unknown-id", column="organisasi_id", value=org, suggestion=hint
                )
            else:
                claims[org] = row.row
                steps.append((item, _participant_step(org, org in present, known)))
        live = [i for _, i in group if i.action not in ("rejected", "ambiguous")]
        first = live[0] if live else group[0][1]
        for org in dict.fromkeys(present):
            if org not in claims:
                first.notes.append(("import.participant-missing", {"id": org, "event": event}))
        for item, run in steps:
            ctx.files.step(plan, item, run)


def _participant_step(org: str, listed: bool, known: list[str]) -> Step:
    def run(ed: Editor) -> list[Note]:
        if not listed:
            add_participants(ed, [org], known, Notes())
        return []

    return run
