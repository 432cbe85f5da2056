"""``wksbm summary`` as text (tables and unicode bar charts), Markdown and JSON."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from wksbm_cli.model.records import Config
from wksbm_cli.render.md_escape import md_text
from wksbm_cli.render.safe import json_text, visible
from wksbm_cli.render.tables import bar, left_out, left_out_markdown, pipe_table, t
from wksbm_cli.reports.summary import Summary


def render_json(s: Summary) -> str:
    doc = {
        "version": 1,
        "organizations": {
            "total": s.total,
            "by_status": s.by_status,
            "by_kecamatan": s.by_kecamatan,
            "by_jenis": s.by_jenis,
            "scored": s.scored,
            "complete": s.complete,
            "missing_ketua": s.missing_ketua,
            "missing_sekretaris": s.missing_sekretaris,
            "gaps": s.gaps,
        },
        "events": {
            "total": s.events_total,
            "by_year": s.events_by_year,
            "by_jenis": s.events_by_jenis,
        },
        "problems": s.problems,
        "unreadable": dict(sorted(s.unreadable.items())),
    }
    return json_text(doc)


def _key_figures(s: Summary, lang: str) -> list[tuple[str, str]]:
    return [
        (t("summary.total", lang), str(s.total)),
        (t("summary.complete", lang), f"{s.complete} / {s.scored}"),
        (t("summary.missing", lang, role="ketua"), str(s.missing_ketua)),
        (t("summary.missing", lang, role="sekretaris"), str(s.missing_sekretaris)),
        (t("summary.events", lang), str(s.events_total)),
        *((t("summary.problems", lang) + f": {k}", str(v)) for k, v in s.problems.items()),
    ]


def _sections(
    s: Summary, config: Config, lang: str, esc: Callable[[str], str] = str
) -> list[tuple[str, dict[str, int], bool]]:
    """(title, counts, drawn as bars); the configured label goes through ``esc``."""
    return [
        (
            t("summary.by-status", lang),
            {t(f"status.{k}", lang): v for k, v in s.by_status.items()},
            False,
        ),
        (t("summary.by-jenis", lang), s.by_jenis, False),
        (
            t("summary.by-kecamatan", lang, level=esc(config.labels["kecamatan"])),
            s.by_kecamatan,
            True,
        ),
        (t("summary.gaps", lang), s.gaps, False),
        (t("summary.events", lang) + " - " + t("summary.by-year", lang), s.events_by_year, True),
        (t("summary.events", lang) + " - " + t("summary.by-jenis", lang), s.events_by_jenis, False),
    ]


def render_text(s: Summary, config: Config, lang: str, root: str) -> RenderableType:
    parts: list[RenderableType] = [Text(visible(t("summary.title", lang, root=root)), style="bold")]
    figures = Table.grid(padding=(0, 2))
    figures.add_column()
    figures.add_column(justify="right")
    for label, value in _key_figures(s, lang):
        figures.add_row(Text(label), Text(value))
    parts.append(figures)
    for title, counts, bars in _sections(s, config, lang):
        if not counts:
            continue
        parts.append(Text(""))
        parts.append(Text(visible(title), style="bold"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column()
        grid.add_column(justify="right")
        if bars:
            grid.add_column()
        largest = max(counts.values())
        for key, count in counts.items():
            cells = [Text(visible(key)), Text(str(count))]
            if bars:
                cells.append(Text(bar(count, largest), style="cyan"))
            grid.add_row(*cells)
        parts.append(grid)
    lines = left_out(s.unreadable, lang)
    if lines:
        parts.append(Text(""))
        parts.extend(Text(visible(line)) for line in lines)
    return Group(*parts)


def render_markdown(s: Summary, config: Config, lang: str, root: str) -> str:
    out = [f"# {t('summary.title', lang, root=md_text(root))}", ""]
    out.append(pipe_table(["", t("col.count", lang)], _key_figures(s, lang)))
    out.append("")
    for title, counts, _ in _sections(s, config, lang, md_text):
        if not counts:
            continue
        out += [f"## {title}", ""]
        out.append(pipe_table(["", t("col.count", lang)], list(counts.items())))
        out.append("")
    out += left_out_markdown(s.unreadable, lang)
    return "\n".join(out).rstrip("\n") + "\n"
