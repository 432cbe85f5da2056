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
from wksbm_cli.export.lookup import Page
from wksbm_cli.export.tables import event_row, organisation_row
from wksbm_cli.i18n import translate
from wksbm_cli.model.records import Config, Event, Organisation
from wksbm_cli.render.problems.json_out import problem_json
from wksbm_cli.render.safe import json_text, visible
from wksbm_cli.render.tables import Column, FitTable, fields
from wksbm_cli.render.words import SEVERITY

ORG_COLUMNS = ("id", "nama", "jenis", "status", "kecamatan", "desa")
EVENT_COLUMNS = ("id", "tanggal", "jenis", "judul", "penyelenggara", "peserta_jumlah")
STATUSES = ("aktif", "vakum", "bubar")
WHOLE = frozenset({"id", "tanggal", "jenis", "status", "peserta_jumlah"})

HEAD = {
    "id": {
        "id": "id",
        "nama": "Nama",
        "jenis": "Jenis",
        "status": "Status",
        "tanggal": "Tanggal",
        "judul": "Judul",
        "penyelenggara": "Penyelenggara",
        "peserta_jumlah": "Peserta",
        "tingkat": "Tingkat",
        "dibentuk": "Dibentuk",
        "sk": "SK",
        "tanggal_selesai": "Sampai",
        "tempat": "Tempat",
        "file": "Berkas",
        "pengurus": "Pengurus",
        "unsur": "Unsur",
        "problems": "Masalah",
        "events": "Kegiatan yang diikuti",
        "organisations": "Organisasi peserta",
        "completeness": "Kelengkapan",
        "none": "(tidak ada)",
        "present": "ada",
        "absent": "TIDAK ADA",
        "required": "wajib",
        "recommended": "disarankan",
        "sk.none": "tidak ada SK",
        "sk.valid": "berlaku s.d. {until}",
        "sk.expired": "kedaluwarsa sejak {until}",
        "sk.no-date": "ada, tanpa tanggal berakhir",
        "not-judged": "tidak dinilai (bukan WKSBM aktif)",
        "unknown": "(id tidak dikenal)",
        "waived": "dikecualikan",
        "count": "{n} catatan",
    },
    "en": {
        "id": "id",
        "nama": "Name",
        "jenis": "Kind",
        "status": "Status",
        "tanggal": "Date",
        "judul": "Title",
        "penyelenggara": "Organiser",
        "peserta_jumlah": "Participants",
        "tingkat": "Level",
        "dibentuk": "Formed",
        "sk": "SK",
        "tanggal_selesai": "Until",
        "tempat": "Venue",
        "file": "File",
        "pengurus": "Officers",
        "unsur": "Unsur",
        "problems": "Problems",
        "events": "Events taken part in",
        "organisations": "Participating organisations",
        "completeness": "Completeness",
        "none": "(none)",
        "present": "present",
        "absent": "MISSING",
        "required": "required",
        "recommended": "recommended",
        "sk.none": "no SK",
        "sk.valid": "in force until {until}",
        "sk.expired": "expired on {until}",
        "sk.no-date": "recorded, no end date",
        "not-judged": "not judged (not an active WKSBM)",
        "unknown": "(unknown id)",
        "waived": "waived",
        "count": "{n} records",
    },
}


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
    if name in ("kecamatan", "desa", "dusun"):
        return config.labels[name]
    return HEAD[lang].get(name, name)


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
    return Group(table, Text(HEAD[lang]["count"].format(n=len(rows)), style="dim"))


def list_json(kind: str, rows: list[dict[str, Any]]) -> str:
    key = "organizations" if kind == "organisasi" else "events"
    return json_text({"version": 1, "kind": kind, key: rows})


def list_csv(kind: str, rows: list[dict[str, Any]], raw: bool = False) -> str:
    cols = ORG_COLUMNS if kind == "organisasi" else EVENT_COLUMNS
    return csv_text(cols, ([row.get(c) for c in cols] for row in rows), raw)


def _fields(page: Page, config: Config, lang: str) -> Table:
    rec = page.record
    rows: list[tuple[str, Text]] = []
    words = HEAD[lang]
    if isinstance(rec, Organisation):
        row = organisation_row(rec)
        for name in ("nama", "jenis", "tingkat", "status", "kecamatan", "desa", "dusun"):
            if row.get(name):
                value = row[name]
                if name == "tingkat":
                    # The folder's own word for the level (tingkat: kalurahan is a desa).
                    value = config.labels.get(str(value), str(value))
                value = _label(name, value, lang)
                rows.append((_head(name, lang, config), _cell(value)))
        if row.get("dibentuk"):
            rows.append((words["dibentuk"], _cell(row["dibentuk"])))
        if rec.sk is not None:
            rows.append((words["sk"], _cell(" / ".join(str(v) for v in _sk(row) if v))))
        officers = [f"{o.jabatan or '?'}: {o.nama or '?'}" for o in rec.pengurus]
        rows.append((words["pengurus"], _cell(officers or words["none"])))
        rows.append((words["unsur"], _cell([n for n, _ in rec.unsur] or words["none"])))
    else:
        row = event_row(rec)
        for name in ("jenis", "tanggal", "tanggal_selesai", "penyelenggara", "tempat"):
            if row.get(name):
                rows.append((words[name], _cell(row[name])))
        if row.get("peserta_jumlah") is not None:
            rows.append((words["peserta_jumlah"], _cell(row["peserta_jumlah"])))
    rows.append(("id", _cell(rec.id)))
    rows.append((words["file"], _cell(rec.file)))
    return fields(rows)


def _sk(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["sk_nomor"], row["sk_tanggal"], row["sk_penerbit"])


def _section(title: str) -> Text:
    return Text("\n" + title, style="bold")


def show_text(page: Page, config: Config, lang: str) -> RenderableType:
    rec = page.record
    words = HEAD[lang]
    title = rec.nama if isinstance(rec, Organisation) else rec.judul
    parts: list[RenderableType] = [
        Text(visible(title or rec.id or ""), style="bold underline"),
        _fields(page, config, lang),
    ]
    if page.completeness is not None:
        comp = page.completeness
        parts.append(_section(words["completeness"]))
        if not comp.judged:
            parts.append(Text("  " + words["not-judged"]))
        else:
            rows: list[tuple[str, Text]] = []
            for role, ok in comp.roles.items():
                level = words["required"] if role in comp.required else words["recommended"]
                value = Text(words["present"] if ok else words["absent"], "green" if ok else "red")
                rows.append((f"  {role} ({level})", value))
            rows.append(("  SK", Text(words[f"sk.{comp.sk}"].format(until=comp.sk_until))))
            rows.append((f"  {words['unsur']}", Text(str(comp.unsur))))
            parts.append(fields(rows))
    listed: list[tuple[str, Text]] = []
    if isinstance(rec, Organisation):
        parts.append(_section(words["events"]))
        for event in page.events:
            listed.append((f"  {event.tanggal or '?'}", _named(event.judul, event.id)))
    else:
        parts.append(_section(words["organisations"]))
        for org_id, org in page.organisations:
            name = org.nama if org is not None else words["unknown"]
            listed.append(("  -", _named(name, org_id)))
    parts.append(fields(listed) if listed else Text("  " + words["none"]))
    parts.append(_section(words["problems"]))
    problems = Table.grid(padding=(0, 1, 0, 0))
    problems.add_column(no_wrap=True)
    problems.add_column(overflow="fold")
    for p in page.problems:
        label = words["waived"] if p.waived else SEVERITY[lang][p.severity.label]
        line = Text(label, style="dim" if p.waived else "bold")
        line.append(f" {p.rule}: ")
        line.append(visible(p.message(lang)))
        problems.add_row(Text(f"  {p.line}:{p.column}"), line)
    parts.append(problems if page.problems else Text("  " + words["none"]))
    return Group(*parts)


def _named(name: str | None, record_id: str | None) -> Text:
    """A record as people read it: its name, with the id people type after it in brackets."""
    line = Text(visible(name or record_id or ""))
    if record_id and name and name != record_id:
        line.append(f" [{visible(record_id)}]", style="dim")
    return line


SHOW_PROBLEM_KEYS = ("file", "line", "column", "rule", "severity", "message", "path", "waived")


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
    doc["problems"] = [problem_json(p, lang, SHOW_PROBLEM_KEYS) for p in page.problems]
    return json_text(doc)
