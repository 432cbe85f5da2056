"""``wksbm completeness`` in its four formats, all from one :class:`Completeness` table.

People's formats (text, markdown) group rows under the configured label for the kecamatan
(Kapanewon in DIY); machine formats (json, csv) keep the national keys.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from wksbm_cli.core.csv_text import csv_text
from wksbm_cli.core.vocabulary import Status
from wksbm_cli.figures.completeness import CHECKS, Completeness, Row, mean_score
from wksbm_cli.model.records import Config
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
    text,
)

YES, NO, NA = "✓", "✗", "–"
EMPTY: dict[str, str] = {}


def roles_of(config: Config) -> list[str]:
    return list(dict.fromkeys((*config.jabatan_wajib, *config.jabatan_disarankan)))


def _role(row: Row, role: str) -> str:
    if role not in row.roles:
        return NA
    return YES if row.roles[role] else NO


def _region(row: Row) -> str:
    return NA if row.region_complete is None else YES if row.region_complete else NO


def _people_cells(row: Row, config: Config, lang: str, with_id: bool = True) -> list[str]:
    name = f"{row.nama or row.id} ({row.id})" if with_id else row.nama or row.id
    return [
        name,
        row.desa or "",
        t(f"status.{row.status}", lang),
        *(_role(row, r) for r in roles_of(config)),
        t(f"sk.{row.sk}", lang) if row.sk else NA,
        _region(row),
        str(row.unsur) if row.jenis == "wksbm" else NA,
        row.last_training.isoformat() if row.last_training else "",
        percent(row.score),
    ]


def _headers(config: Config, lang: str) -> list[str]:
    return [
        t("col.organisation", lang),
        config.labels["desa"],
        t("col.status", lang),
        *roles_of(config),
        t("col.sk", lang),
        t("col.region", lang),
        t("col.unsur", lang),
        t("col.trained", lang),
        t("col.score", lang),
    ]


def _groups(table: Completeness, config: Config, lang: str) -> list[tuple[str, list[Row]]]:
    label = config.labels["kecamatan"]
    out = []
    for kec, rows in groupby(table.rows, key=lambda r: r.kecamatan):
        title = f"{label} {kec}" if kec else t("unknown-region", lang, level=label)
        out.append((title, list(rows)))
    return out


def _footer(
    table: Completeness, unreadable: dict[str, str], lang: str, esc: Callable[[str], str] = str
) -> list[str]:
    lines = []
    if table.rows:
        complete = sum(1 for r in table.rows if r.complete)
        lines.append(
            t(
                "completeness.counts",
                lang,
                complete=complete,
                total=len(table.rows),
                mean=percent(mean_score(table.rows)),
            )
        )
    if table.excluded:
        lines.append(t("excluded", lang, ids=", ".join(esc(i) for i, _ in table.excluded)))
    return lines + left_out(unreadable, lang)


def render_text(table: Completeness, ctx: Context) -> RenderableType:
    config, lang = ctx.config, ctx.lang
    parts: list[RenderableType] = [
        Text(t("completeness.title", lang, date=table.today.isoformat()), style="bold")
    ]
    if not table.rows:
        parts.append(Text(t("completeness.none", lang)))
    columns = [
        Column(t("col.organisation", lang)),
        Column(t("col.score", lang), whole=True, right=True),
        Column(config.labels["desa"]),
        Column(t("col.missing", lang)),
        Column(t("col.sk", lang)),
        Column(t("col.region-short", lang), whole=True),
        Column(t("col.unsur", lang), whole=True, right=True),
        Column(t("col.trained-short", lang), whole=True),
    ]
    grid = FitTable(columns)
    for title, rows in _groups(table, config, lang):
        cells = []
        for row in rows:
            name = row.nama or row.id
            if row.status != Status.aktif:
                name += f" ({t(f'status.{row.status}', lang)})"
            missing = NA if not row.roles else ", ".join(row.missing) or YES
            style = "green" if row.complete else "yellow" if row.score >= 0.5 else "red"
            cells.append(
                [
                    text(name),
                    Text(percent(row.score), style=style),
                    text(row.desa or ""),
                    text(missing, style="" if not row.missing else "yellow"),
                    text(t(f"sk.{row.sk}", lang) if row.sk else NA),
                    Text(_region(row)),
                    Text(str(row.unsur) if row.jenis == "wksbm" else NA),
                    text(row.last_training),
                ]
            )
        grid.add_group(Text(visible(title), style="bold"), cells)
    if table.rows:
        parts.append(grid)
    parts.extend(Text(visible(line)) for line in _footer(table, table.unreadable, lang))
    return Group(*parts)


def render_markdown(table: Completeness, ctx: Context) -> str:
    config, lang = ctx.config, ctx.lang
    out = [f"# {t('completeness.title', lang, date=table.today.isoformat())}", ""]
    if not table.rows:
        out += [t("completeness.none", lang), ""]
    for title, rows in _groups(table, config, lang):
        out += [f"## {md_text(title)}", ""]
        out.append(
            pipe_table(_headers(config, lang), [_people_cells(r, config, lang) for r in rows])
        )
        out.append("")
    counts = _footer(table, EMPTY, lang, md_text)
    for line in counts:
        out += [line, ""]
    out += left_out_markdown(table.unreadable, lang)
    return "\n".join(out).rstrip("\n") + "\n"


def row_document(row: Row) -> dict[str, Any]:
    return {
        "id": row.id,
        "nama": row.nama,
        "jenis": row.jenis,
        "tingkat": row.tingkat,
        "kecamatan": row.kecamatan,
        "desa": row.desa,
        "status": row.status,
        "roles": dict(row.roles),
        "missing": list(row.missing),
        "sk": row.sk,
        "region_complete": row.region_complete,
        "unsur": row.unsur,
        "last_training": row.last_training.isoformat() if row.last_training else None,
        "checks": dict(row.checks),
        "gaps": row.gaps,
        "complete": row.complete,
        "score": row.score,
        "file": row.file,
    }


def render_json(table: Completeness, ctx: Context) -> str:
    doc = {
        "version": 1,
        "as_of": table.today.isoformat(),
        "definition": [{"id": c.id, "weight": c.weight} for c in CHECKS],
        "organizations": [row_document(r) for r in table.rows],
        "excluded": [{"id": i, "reason": why} for i, why in table.excluded],
        "unreadable": dict(sorted(table.unreadable.items())),
    }
    return json_text(doc)


def _flag(value: bool | None) -> str:
    return "" if value is None else "true" if value else "false"


def render_csv(table: Completeness, ctx: Context) -> str:
    roles = roles_of(ctx.config)
    header = [
        "id",
        "nama",
        "jenis",
        "tingkat",
        "kecamatan",
        "desa",
        "status",
        *roles,
        "missing",
        "sk",
        "region_complete",
        "unsur",
        "last_training",
        "score",
    ]
    rows = (
        [
            r.id,
            r.nama or "",
            r.jenis or "",
            r.tingkat or "",
            r.kecamatan or "",
            r.desa or "",
            r.status,
            *(_flag(r.roles.get(x)) for x in roles),
            ";".join(r.missing),
            r.sk or "",
            _flag(r.region_complete),
            r.unsur,
            r.last_training.isoformat() if r.last_training else "",
            f"{r.score:.4f}",
        ]
        for r in table.rows
    )
    return csv_text(header, rows, ctx.raw_csv)
