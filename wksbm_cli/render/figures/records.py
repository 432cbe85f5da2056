"""``list`` and ``show`` for people (rich tables of safe text) and for scripts (JSON, CSV).

Every record value is untrusted: it reaches the screen only through ``visible()`` inside rich
``Text`` objects, never as markup.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from wksbm_cli.core.csv_text import csv_text
from wksbm_cli.core.vocabulary import STATUSES
from wksbm_cli.export.lookup import Page
from wksbm_cli.export.tables import RECORD_COLUMNS, event_row, organisation_row
from wksbm_cli.i18n import translate
from wksbm_cli.model.fields import display_order, field_columns
from wksbm_cli.model.records import Config, Event, Organisation
from wksbm_cli.model.schema import KEGIATAN, ORGANISASI
from wksbm_cli.render.problems.json_out import problem_json
from wksbm_cli.render.safe import json_text, visible
from wksbm_cli.render.tables import Column, FitTable, fields
from wksbm_cli.render.words import SEVERITY

ORG_COLUMNS = ("id", "nama", "jenis", "status", "kecamatan", "desa")
EVENT_COLUMNS = ("id", "tanggal", "jenis", "judul", "penyelenggara", "peserta_jumlah")
WHOLE = frozenset({"id", "tanggal", "jenis", "status", "peserta_jumlah"})

#: Structured fields ``show`` writes on one line of their own making (their columns, if any, are
#: not lines of ``show``).
SPECIAL = ("sk", "pengurus", "unsur")
REGION_HEADS = ("kecamatan", "desa", "dusun")  # headed with the folder's own region words
STRUCTS = {"organisasi": ORGANISASI, "kegiatan": KEGIATAN}
LABELS = {c.name: c.label for cols in RECORD_COLUMNS.values() for c in cols if c.label}


def _word(key: str, lang: str, **args: Any) -> str:
    return translate(f"show.{key}", lang, args)


def _cell(value: Any) -> Text:
    """Record text, made visible line by line (a line break we put between officers stays a
    line break; one inside a value is shown as ``\\n``)."""
    if value is None:
        return Text("")
    if isinstance(value, list):
        return Text("\n".join(visible(str(v)) for v in value))
    return Text(visible(str(value)))


def _label(column: str, value: Any, lang: str) -> Any:
    """A status as people read it in the run's language (``vakum`` is "dormant" in English);
    other values as written."""
    if column == "status" and value in STATUSES:
        return translate(f"rep.status.{value}", lang)
    return value


def _head(name: str, lang: str, config: Config) -> str:
    if name in REGION_HEADS:
        return config.labels[name]
    return translate(LABELS[name], lang) if name in LABELS else name


def list_rows(records: list[Organisation] | list[Event]) -> list[dict[str, Any]]:
    return [organisation_row(r) if isinstance(r, Organisation) else event_row(r) for r in records]


def list_text(kind: str, rows: list[dict[str, Any]], config: Config, lang: str) -> RenderableType:
    cols = ORG_COLUMNS if kind == "organisasi" else EVENT_COLUMNS
    # The id is what people copy into `wksbm show`: never broken. It comes after the name so
    # that the stacked layout (narrow terminals) heads each block with the name.
    order = (cols[1], cols[0], *cols[2:]) if kind == "organisasi" else cols
    table = FitTable(
        [
            Column(
                _head(name, lang, config),
                whole=name in WHOLE,
                right=name == "peserta_jumlah",
            )
            for name in order
        ]
    )
    table.add_group(None, [[_cell(_label(c, row.get(c), lang)) for c in order] for row in rows])
    return Group(table, Text(_word("count", lang, n=len(rows)), style="dim"))


def list_json(kind: str, rows: list[dict[str, Any]]) -> str:
    key = "organizations" if kind == "organisasi" else "events"
    return json_text({"version": 1, "kind": kind, key: rows})


def list_csv(kind: str, rows: list[dict[str, Any]], raw: bool = False) -> str:
    cols = ORG_COLUMNS if kind == "organisasi" else EVENT_COLUMNS
    return csv_text(cols, ([row.get(c) for c in cols] for row in rows), raw)


def _fields(page: Page, config: Config, lang: str) -> Table:
    """The record's shown fields, in the order of their declarations in ``model/schema.py``."""
    rec = page.record
    rows: list[tuple[str, Text]] = []
    row = organisation_row(rec) if isinstance(rec, Organisation) else event_row(rec)
    for field in display_order(STRUCTS[rec.kind]):
        if field.name in SPECIAL:
            if field.shown and isinstance(rec, Organisation):
                rows += _special(field.name, translate(field.label, lang), rec, row, lang)
            continue
        for column in field_columns(field):
            value = row.get(column.name)
            if not column.shown or value is None:
                continue
            if column.name == "tingkat":
                # The folder's own word for the level (tingkat: kalurahan is a desa).
                value = config.labels.get(str(value), str(value))
            rows.append((_head(column.name, lang, config), _cell(_label(column.name, value, lang))))
    rows.append(("id", _cell(rec.id)))
    rows.append((_word("file", lang), _cell(rec.file)))
    return fields(rows)


def _special(
    name: str, label: str, rec: Organisation, row: dict[str, Any], lang: str
) -> list[tuple[str, Text]]:
    if name == "sk":
        return (
            [(label, _cell(" / ".join(str(v) for v in _sk(row) if v)))]
            if rec.sk is not None
            else []
        )
    if name == "pengurus":
        officers = [f"{o.jabatan or '?'}: {o.nama or '?'}" for o in rec.pengurus]
        return [(label, _cell(officers or _word("none", lang)))]
    return [(label, _cell([n for n, _ in rec.unsur] or _word("none", lang)))]


def _sk(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["sk_nomor"], row["sk_tanggal"], row["sk_penerbit"])


def _section(title: str) -> Text:
    return Text("\n" + title, style="bold")


def show_text(page: Page, config: Config, lang: str) -> RenderableType:
    rec = page.record
    title = rec.nama if isinstance(rec, Organisation) else rec.judul
    parts: list[RenderableType] = [
        Text(visible(title or rec.id or ""), style="bold underline"),
        _fields(page, config, lang),
    ]
    if page.completeness is not None:
        comp = page.completeness
        parts.append(_section(_word("completeness", lang)))
        if not comp.judged:
            parts.append(Text("  " + _word("not-judged", lang)))
        else:
            rows: list[tuple[str, Text]] = []
            for role, ok in comp.roles.items():
                level = _word("required" if role in comp.required else "recommended", lang)
                value = Text(_word("present" if ok else "absent", lang), "green" if ok else "red")
                rows.append((f"  {role} ({level})", value))
            rows.append(("  SK", Text(_word(f"sk.{comp.sk}", lang, until=comp.sk_until))))
            rows.append((f"  {translate('field.unsur', lang)}", Text(str(comp.unsur))))
            parts.append(fields(rows))
    listed: list[tuple[str, Text]] = []
    if isinstance(rec, Organisation):
        parts.append(_section(_word("events", lang)))
        for event in page.events:
            listed.append((f"  {event.tanggal or '?'}", _named(event.judul, event.id)))
    else:
        parts.append(_section(_word("organisations", lang)))
        for org_id, org in page.organisations:
            name = org.nama if org is not None else _word("unknown", lang)
            listed.append(("  -", _named(name, org_id)))
    parts.append(fields(listed) if listed else Text("  " + _word("none", lang)))
    parts.append(_section(_word("problems", lang)))
    problems = Table.grid(padding=(0, 1, 0, 0))
    problems.add_column(no_wrap=True)
    problems.add_column(overflow="fold")
    for p in page.problems:
        label = _word("waived", lang) if p.waived else SEVERITY[lang][p.severity.label]
        line = Text(label, style="dim" if p.waived else "bold")
        line.append(f" {p.rule}: ")
        line.append(visible(p.message(lang)))
        problems.add_row(Text(f"  {p.line}:{p.column}"), line)
    parts.append(problems if page.problems else Text("  " + _word("none", lang)))
    return Group(*parts)


def _named(name: str | None, record_id: str | None) -> Text:
    """A record as people read it: its name, with the id people type after it in brackets."""
    line = Text(visible(name or record_id or ""))
    if record_id and name and name != record_id:
        line.append(f" [{visible(record_id)}]", style="dim")
    return line


def show_json(page: Page, lang: str) -> str:
    rec = page.record
    doc: dict[str, Any] = {"version": 1, "kind": rec.kind}
    if isinstance(rec, Organisation):
        doc["record"] = {
            **organisation_row(rec),
            "pengurus": [
                {
                    "jabatan": o.jabatan,
                    "nama": o.nama,
                    "mulai": o.mulai.isoformat() if o.mulai else None,
                    "selesai": o.selesai.isoformat() if o.selesai else None,
                }
                for o in rec.pengurus
            ],
            "unsur": [{"nama": n, "kategori": k} for n, k in rec.unsur],
        }
        doc["events"] = [
            {"id": e.id, "judul": e.judul, "tanggal": event_row(e)["tanggal"]} for e in page.events
        ]
        doc["completeness"] = page.completeness.as_json() if page.completeness else None
    else:
        doc["record"] = {
            **event_row(rec),
            "peserta_organisasi": list(rec.peserta_organisasi),
            "narasumber": [
                {"nama": s.nama, "instansi": s.instansi, "materi": list(s.materi)}
                for s in rec.narasumber
            ],
            "materi": list(rec.materi),
        }
        doc["organizations"] = [
            {"id": i, "nama": o.nama if o else None, "known": o is not None}
            for i, o in page.organisations
        ]
    doc["problems"] = [problem_json(p, lang) for p in page.problems]
    return json_text(doc)
