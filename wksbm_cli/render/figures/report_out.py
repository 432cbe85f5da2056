"""``wksbm report`` in four formats. The Markdown is meant to be pasted into an annual report
or committed: GitHub-flavoured tables and a Mermaid ``xychart-beta`` of events per month, which
GitHub and GitLab both draw."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from wksbm_cli.core.csv_text import csv_text
from wksbm_cli.figures.history import History, NotComputed, Snapshot
from wksbm_cli.figures.year_report import Report
from wksbm_cli.figures.yearly import YearReport, event_days
from wksbm_cli.model.records import Config, Event
from wksbm_cli.render.context import Context
from wksbm_cli.render.md_escape import md_text
from wksbm_cli.render.safe import json_text, visible
from wksbm_cli.render.tables import (
    Column,
    FitTable,
    left_out,
    left_out_markdown,
    percent,
    pipe_table,
    t,
)

MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def event_dates(e: Event) -> str:
    start = e.tanggal.isoformat() if e.tanggal else ""
    last = e.last_day
    return f"{start} – {last.isoformat()}" if last and last != e.tanggal else start


def event_place(e: Event, config: Config) -> str:
    if e.tempat is None:
        return ""
    name = e.tempat.nama or ""
    wil = e.tempat.wilayah
    if wil is not None and wil.kecamatan and wil.kecamatan not in name:
        name = f"{name}, {config.labels['kecamatan']} {wil.kecamatan}".strip(", ")
    return name


def _organiser(e: Event) -> str:
    p = e.penyelenggara
    if p is None:
        return ""
    return " – ".join(x for x in (p.nama, p.unit) if x)


def _speakers(e: Event) -> list[str]:
    return [
        " (".join(x for x in (s.nama, s.instansi) if x) + (")" if s.nama and s.instansi else "")
        for s in e.narasumber
    ]


def _topics(e: Event) -> list[str]:
    """The event's own ``materi``, else what its speakers covered."""
    own = list(e.materi)
    return own or list(dict.fromkeys(m for s in e.narasumber for m in s.materi))


def _event_rows(r: YearReport, config: Config) -> list[list[object]]:
    return [
        [
            event_dates(e),
            e.judul or e.id or "",
            e.jenis or "",
            event_place(e, config),
            _organiser(e),
            "" if e.peserta_jumlah is None else e.peserta_jumlah,
            event_days(e),
        ]
        for e in r.events
    ]


def _event_headers(lang: str) -> list[str]:
    return [
        t(f"col.{k}", lang)
        for k in ("date", "title", "kind", "place", "organiser", "participants", "days")
    ]


def _totals(r: YearReport, lang: str) -> list[tuple[str, str]]:
    return [
        (t("report.total-events", lang), str(len(r.events))),
        (t("report.total-days", lang), str(r.event_days)),
        (t("report.total-participants", lang), str(r.participants)),
    ]


def _named(ids: list[str], r: YearReport) -> list[str]:
    names = r.names or {}
    return [f"{names[i]} ({i})" if names.get(i) and names[i] != i else i for i in ids]


def _org_lines(r: YearReport, lang: str) -> list[tuple[str, list[str]]]:
    y = r.year
    return [
        (t("report.trained", lang, year=y), _named(r.trained, r)),
        (t("report.not-trained", lang, year=y), _named(r.not_trained, r)),
        (t("report.formed", lang, year=y), _named([o.id or o.file for o in r.formed], r)),
    ]


def _snapshot_line(label: str, snap: Snapshot, lang: str) -> str:
    return t(
        "report.change-row",
        lang,
        label=label,
        orgs=snap.organisations,
        complete=snap.complete,
        # A mean of no scored organisation is no figure, not 0%.
        mean=percent(snap.mean_score) if snap.scored else "–",
    )


def _change_lines(r: YearReport, lang: str) -> tuple[list[str], list[list[str]]]:
    """Sentences, and rows (organisation, before, after) of changed scores. A figure that could
    not be computed is named with its reason; nothing is guessed."""
    h = r.history
    if h is None:
        h = (
            History(r.year, r.change.before, r.change.after, r.change.changed)
            if r.change
            else (
                History(r.year, not_computed=(NotComputed("end", r.change_note or "no-commits"),))
            )
        )
    lines: list[str] = []
    if h.start is not None:
        start = (
            t("report.change-start", lang, commit=h.start.commit[:10])
            if h.start.commit
            else t("report.change-empty", lang)
        )
        lines.append(_snapshot_line(start, h.start, lang))
    if h.end is not None:
        end = t("report.change-end", lang, commit=(h.end.commit or "")[:10])
        lines.append(_snapshot_line(end, h.end, lang))
    if h.not_computed:
        if lines:  # some figures are there: name the ones that are not
            names = ", ".join(t(f"report.figure-{m.figure}", lang) for m in h.not_computed)
            lines.append(t("report.not-computed", lang, figures=names))
        for reason in dict.fromkeys(m.reason for m in h.not_computed):
            lines.append(t(f"report.{reason}", lang, year=r.year))
    if h.changed is not None and not h.changed:
        lines.append(t("report.change-none", lang))
    rows = [
        [oid, "–" if a is None else percent(a), "–" if b is None else percent(b)]
        for oid, a, b in h.changed or []
    ]
    return lines, rows


def render_text(report: Report, ctx: Context) -> RenderableType:
    r, config, lang = report.figures, ctx.config, ctx.lang
    parts: list[RenderableType] = [Text(t("report.title", lang, year=r.year), style="bold")]
    if r.events:
        columns = [
            Column(header, whole=index in (0, 6), right=index >= 5)
            for index, header in enumerate(_event_headers(lang))
        ]
        # The title names the row: first, so the stacked layout heads each block with it.
        columns.insert(0, columns.pop(1))
        table = FitTable(columns)
        # A date range keeps its dates whole: one per line, never "2025-07-01 / – / 2025-07-03".
        cells = [
            [
                Text(visible(str(row[1]))),
                Text(" –\n".join(visible(part) for part in str(row[0]).split(" – "))),
                *(Text(visible(str(v))) for v in row[2:]),
            ]
            for row in _event_rows(r, config)
        ]
        table.add_group(Text(t("report.events", lang), style="bold"), cells)
        parts.append(table)
    else:
        parts.append(Text(t("report.no-events", lang, year=r.year)))
    grid = Table.grid(padding=(0, 2))
    grid.add_column()
    grid.add_column(justify="right")
    for label, value in _totals(r, lang):
        grid.add_row(Text(label), Text(value))
    grid.add_row(Text(t("report.active", lang)), Text(str(r.active)))
    parts += [Text(""), Text(t("report.totals", lang), style="bold"), grid]
    if r.without_count:
        parts.append(Text(t("report.without-count", lang, n=r.without_count), style="dim"))
    for title, items in _org_lines(r, lang):
        parts.append(Text(""))
        parts.append(Text(f"{title} ({len(items)})", style="bold"))
        parts.extend(Text(visible(f"  {i}")) for i in items)
    parts += [Text(""), Text(t("report.change", lang, year=r.year), style="bold")]
    lines, rows = _change_lines(r, lang)
    parts.extend(Text(visible(line)) for line in lines)
    if rows:
        changed = FitTable(
            [
                Column(t("col.organisation", lang)),
                Column(t("col.before", lang), whole=True, right=True),
                Column(t("col.after", lang), whole=True, right=True),
            ]
        )
        names = r.names or {}
        changed.add_group(
            None,
            [[_org_name(moved[0], names), Text(moved[1]), Text(moved[2])] for moved in rows],
        )
        parts.append(changed)
    parts += [Text(""), Text(t("report.notes", lang), style="dim")]
    parts.extend(Text(visible(line)) for line in left_out(r.unreadable, lang))
    return Group(*parts)


def _org_name(org_id: str, names: dict[str, str]) -> Text:
    """An organisation as people read it: its name, the id in brackets for typing."""
    name = names.get(org_id)
    line = Text(visible(name or org_id))
    if name and name != org_id:
        line.append(f" [{visible(org_id)}]", style="dim")
    return line


def mermaid_months(r: YearReport, lang: str) -> str:
    months = ", ".join(f'"{m}"' for m in MONTHS[lang])
    counts = ", ".join(str(r.by_month[m]) for m in range(1, 13))
    top = max(1, *r.by_month.values())
    return "\n".join(
        [
            "```mermaid",
            "xychart-beta",
            f'    title "{t("report.per-month", lang)} {r.year}"',
            f"    x-axis [{months}]",
            f'    y-axis "{t("report.month-axis", lang)}" 0 --> {top}',
            f"    bar [{counts}]",
            "```",
        ]
    )


def render_markdown(report: Report, ctx: Context) -> str:
    r, config, lang = report.figures, ctx.config, ctx.lang
    out = [f"# {t('report.title', lang, year=r.year)}", ""]
    out += [f"## {t('report.events', lang)}", ""]
    if r.events:
        out += [pipe_table(_event_headers(lang), _event_rows(r, config)), ""]
    else:
        out += [t("report.no-events", lang, year=r.year), ""]
    out += [mermaid_months(r, lang), ""]
    out += [f"## {t('report.totals', lang)}", ""]
    totals = [*_totals(r, lang), (t("report.active", lang), str(r.active))]
    out += [pipe_table(["", t("col.count", lang)], totals), ""]
    if r.without_count:
        out += [t("report.without-count", lang, n=r.without_count), ""]
    out += [f"## {t('report.organisations', lang)}", ""]
    for title, items in _org_lines(r, lang):
        out += [
            f"**{title}** ({len(items)}): "
            + (", ".join(md_text(i) for i in items) or t("report.none", lang)),
            "",
        ]
    details = [e for e in r.events if _topics(e) or e.narasumber]
    if details:
        out += [f"## {t('report.details', lang)}", ""]
        for e in details:
            out += [f"### {md_text(e.judul or e.id or '')} ({event_dates(e)})", ""]
            if e.narasumber:
                out += [f"{t('report.speakers', lang)}:", ""]
                for speaker, who in zip(_speakers(e), e.narasumber, strict=True):
                    out.append(f"- {md_text(speaker)}")
                    out += [f"  - {md_text(m)}" for m in who.materi]
                out.append("")
            if _topics(e):
                out += [f"{t('report.topics', lang)}:", ""]
                out += [f"- {md_text(m)}" for m in _topics(e)]
                out.append("")
    out += [f"## {t('report.change', lang, year=r.year)}", ""]
    lines, rows = _change_lines(r, lang)
    listed = (r.history is not None and (r.history.start or r.history.end)) or r.change
    for line in lines:
        out += [f"- {line}" if listed else line]
    out.append("")
    if rows:
        headers = [t(f"col.{k}", lang) for k in ("organisation", "before", "after")]
        out += [pipe_table(headers, rows), ""]
    out += [t("report.notes", lang), ""]
    out += left_out_markdown(r.unreadable, lang)
    return "\n".join(out).rstrip("\n") + "\n"


def event_document(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "judul": e.judul,
        "jenis": e.jenis,
        "tanggal": e.tanggal.isoformat() if e.tanggal else None,
        "tanggal_selesai": e.tanggal_selesai.isoformat() if e.tanggal_selesai else None,
        "penyelenggara": _organiser(e) or None,
        "peserta_jumlah": e.peserta_jumlah,
        "event_days": event_days(e),
        "tempat": e.tempat.nama if e.tempat else None,
        "peserta_organisasi": list(e.peserta_organisasi),
        "materi": _topics(e),
        "narasumber": _speakers(e),
        "file": e.file,
    }


def _snapshot_document(s: Snapshot) -> dict[str, Any]:
    return {
        "commit": s.commit,
        "date": s.when.isoformat() if s.when else None,
        "as_of": s.day.isoformat() if s.day else None,
        "organizations": s.organisations,
        "scored": s.scored,
        "complete": s.complete,
        "mean_score": s.mean_score,
    }


def history_document(h: History) -> dict[str, Any]:
    """Every completeness figure of the year, or null with the reason in ``not_computed``."""
    return {
        "start": _snapshot_document(h.start) if h.start else None,
        "end": _snapshot_document(h.end) if h.end else None,
        "changed": None
        if h.changed is None
        else [{"id": i, "before": a, "after": b} for i, a, b in h.changed],
        "scores_start": dict(sorted(h.start.scores.items())) if h.start else None,
        "scores_end": dict(sorted(h.end.scores.items())) if h.end else None,
        "not_computed": [{"figure": m.figure, "reason": m.reason} for m in h.not_computed],
    }


def render_json(report: Report, ctx: Context) -> str:
    r = report.figures
    doc: dict[str, Any] = {
        "version": 1,
        "year": r.year,
        "events": [event_document(e) for e in r.events],
        "totals": {
            "events": len(r.events),
            "event_days": r.event_days,
            "participants": r.participants,
            "events_without_count": r.without_count,
        },
        "by_month": {f"{m:02d}": n for m, n in r.by_month.items()},
        "organizations": {
            "active": r.active,
            "formed": len(r.formed),
            "formed_ids": [o.id or o.file for o in r.formed],
            "trained": r.trained,
            "not_trained": r.not_trained,
        },
        "unreadable": dict(sorted(r.unreadable.items())),
    }
    if r.change is not None:
        doc["completeness_change"] = {
            "before": _snapshot_document(r.change.before),
            "after": _snapshot_document(r.change.after),
            "changed": [{"id": i, "before": a, "after": b} for i, a, b in r.change.changed],
        }
    else:
        doc["completeness_change"] = None
        doc["completeness_change_note"] = r.change_note
    if r.history is not None:
        doc["completeness_history"] = history_document(r.history)
    return json_text(doc)


def render_csv(report: Report, ctx: Context) -> str:
    """One row per event of the year (totals are sums of the columns)."""
    r = report.figures
    header = [
        "id",
        "judul",
        "jenis",
        "tanggal",
        "tanggal_selesai",
        "event_days",
        "tempat",
        "penyelenggara",
        "peserta_jumlah",
        "peserta_organisasi",
        "materi",
        "narasumber",
    ]
    rows = []
    for e in r.events:
        d = event_document(e)
        rows.append(
            [
                d["id"] or "",
                d["judul"] or "",
                d["jenis"] or "",
                d["tanggal"] or "",
                d["tanggal_selesai"] or "",
                d["event_days"],
                d["tempat"] or "",
                d["penyelenggara"] or "",
                "" if e.peserta_jumlah is None else e.peserta_jumlah,
                ";".join(e.peserta_organisasi),
                ";".join(d["materi"]),
                ";".join(d["narasumber"]),
            ]
        )
    return csv_text(header, rows, ctx.raw_csv)
