"""``list`` and ``show`` for people (rich tables of safe text) and for scripts (JSON, CSV).

Every record value is untrusted: it reaches the screen only through ``visible()`` inside rich
``Text`` objects, never as markup.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from wksbm_cli.access.lookup import Page
from wksbm_cli.access.tables import event_row, organisation_row
from wksbm_cli.model.records import Config, Event, Organisation
from wksbm_cli.render.csv_out import csv_text
from wksbm_cli.render.safe import json_text, visible
from wksbm_cli.render.words import SEVERITY

ORG_COLUMNS = ("id", "nama", "jenis", "status", "kecamatan", "desa")
EVENT_COLUMNS = ("id", "tanggal", "jenis", "judul", "penyelenggara", "peserta_jumlah")

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
    return Text("" if value is None else visible(str(value)))


def _head(name: str, lang: str, config: Config) -> str:
    if name in ("kecamatan", "desa", "dusun"):
        return config.labels[name]
    return HEAD[lang].get(name, name)


def list_rows(records: list[Organisation] | list[Event]) -> list[dict[str, Any]]:
    return [organisation_row(r) if isinstance(r, Organisation) else event_row(r) for r in records]


def list_text(kind: str, rows: list[dict[str, Any]], config: Config, lang: str) -> RenderableType:
    cols = ORG_COLUMNS if kind == "organisasi" else EVENT_COLUMNS
    table = Table(show_edge=False, pad_edge=False)
    for name in cols:
        table.add_column(_head(name, lang, config), overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in cols))
    return Group(table, Text(HEAD[lang]["count"].format(n=len(rows)), style="dim"))


def list_json(kind: str, rows: list[dict[str, Any]]) -> str:
    key = "organizations" if kind == "organisasi" else "events"
    return json_text({"version": 1, "kind": kind, key: rows})


def list_csv(kind: str, rows: list[dict[str, Any]], raw: bool = False) -> str:
    cols = ORG_COLUMNS if kind == "organisasi" else EVENT_COLUMNS
    return csv_text(cols, ([row.get(c) for c in cols] for row in rows), raw)


def _fields(page: Page, config: Config, lang: str) -> Table:
    rec = page.record
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    words = HEAD[lang]
    if isinstance(rec, Organisation):
        row = organisation_row(rec)
        for name in ("nama", "jenis", "tingkat", "status", "kecamatan", "desa", "dusun"):
            if row.get(name):
                grid.add_row(_head(name, lang, config), _cell(row[name]))
        if row.get("dibentuk"):
            grid.add_row(words["dibentuk"], _cell(row["dibentuk"]))
        if rec.sk is not None:
            grid.add_row(words["sk"], _cell(" / ".join(str(v) for v in _sk(row) if v)))
        officers = [f"{o.jabatan or '?'}: {o.nama or '?'}" for o in rec.pengurus]
        grid.add_row(words["pengurus"], _cell("; ".join(officers) or words["none"]))
        grid.add_row(words["unsur"], _cell("; ".join(n for n, _ in rec.unsur) or words["none"]))
    else:
        row = event_row(rec)
        for name in ("judul", "jenis", "tanggal", "tanggal_selesai", "penyelenggara", "tempat"):
            if row.get(name):
                grid.add_row(words[name], _cell(row[name]))
        if row.get("peserta_jumlah") is not None:
            grid.add_row(words["peserta_jumlah"], _cell(row["peserta_jumlah"]))
    grid.add_row(words["file"], _cell(rec.file))
    return grid


def _sk(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["sk_nomor"], row["sk_tanggal"], row["sk_penerbit"])


def show_text(page: Page, config: Config, lang: str) -> RenderableType:
    rec = page.record
    words = HEAD[lang]
    title = rec.nama if isinstance(rec, Organisation) else rec.judul
    parts: list[RenderableType] = [
        Text(visible(f"{rec.id}: {title or ''}"), style="bold underline"),
        _fields(page, config, lang),
    ]
    if page.completeness is not None:
        comp = page.completeness
        parts.append(Text("\n" + words["completeness"], style="bold"))
        if not comp.judged:
            parts.append(Text("  " + words["not-judged"]))
        else:
            for role, ok in comp.roles.items():
                level = words["required"] if role in comp.required else words["recommended"]
                line = Text(f"  {role} ({level}): ")
                line.append(words["present"] if ok else words["absent"], "green" if ok else "red")
                parts.append(line)
            sk_text = words[f"sk.{comp.sk}"].format(until=comp.sk_until)
            parts.append(Text(f"  SK: {sk_text}"))
            parts.append(Text(f"  {words['unsur']}: {comp.unsur}"))
    if isinstance(rec, Organisation):
        parts.append(Text("\n" + words["events"], style="bold"))
        for event in page.events:
            parts.append(_cell(f"  {event.tanggal or '?'}  {event.id}: {event.judul or ''}"))
        if not page.events:
            parts.append(Text("  " + words["none"]))
    else:
        parts.append(Text("\n" + words["organisations"], style="bold"))
        for org_id, org in page.organisations:
            name = org.nama if org is not None else words["unknown"]
            parts.append(_cell(f"  {org_id}: {name or ''}"))
        if not page.organisations:
            parts.append(Text("  " + words["none"]))
    parts.append(Text("\n" + words["problems"], style="bold"))
    for p in page.problems:
        line = Text(f"  {p.line}:{p.column} ")
        label = words["waived"] if p.waived else SEVERITY[lang][p.severity.label]
        line.append(label, style="dim" if p.waived else "bold")
        line.append(f" {p.rule}: ")
        line.append(visible(p.message(lang)))
        parts.append(line)
    if not page.problems:
        parts.append(Text("  " + words["none"]))
    return Group(*parts)


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
    doc["problems"] = [
        {
            "file": p.file,
            "line": p.line,
            "column": p.column,
            "rule": p.rule,
            "severity": p.severity.label,
            "message": p.message(lang),
            "path": p.path,
            "waived": p.waived,
        }
        for p in page.problems
    ]
    return json_text(doc)
