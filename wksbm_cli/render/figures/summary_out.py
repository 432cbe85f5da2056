"""``wksbm summary`` as a dashboard (panels and bar charts on a terminal, plain sections in a
pipe), Markdown, CSV and JSON. Every format shows the same figures; people's formats show labels
in the run's language, machine formats the national keys."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from wksbm_cli.core.csv_text import csv_text
from wksbm_cli.figures.summary import UNKNOWN, Summary
from wksbm_cli.model.records import Config
from wksbm_cli.render.context import Context
from wksbm_cli.render.md_escape import md_text
from wksbm_cli.render.safe import json_text, visible
from wksbm_cli.render.tables import bar, left_out, left_out_markdown, pipe_table, t
from wksbm_cli.render.words import SEVERITY


def render_json(s: Summary, ctx: Context) -> str:
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


def render_csv(s: Summary, ctx: Context) -> str:
    """One figure per line (``section,key,count``), the JSON's keys, for spreadsheets; keys
    that come from records (kecamatan names) go through the one CSV writer's neutralising."""
    rows: list[list[object]] = [
        ["organizations", key, value]
        for key, value in {
            "total": s.total,
            "scored": s.scored,
            "complete": s.complete,
            "missing_ketua": s.missing_ketua,
            "missing_sekretaris": s.missing_sekretaris,
        }.items()
    ]
    for section, counts in (
        ("organizations.by_status", s.by_status),
        ("organizations.by_jenis", s.by_jenis),
        ("organizations.by_kecamatan", s.by_kecamatan),
        ("organizations.gaps", s.gaps),
    ):
        rows += [[section, key, value] for key, value in counts.items()]
    rows.append(["events", "total", s.events_total])
    for section, counts in (
        ("events.by_year", s.events_by_year),
        ("events.by_jenis", s.events_by_jenis),
        ("problems", s.problems),
    ):
        rows += [[section, key, value] for key, value in counts.items()]
    return csv_text(["section", "key", "count"], rows, ctx.raw_csv)


def place_name(config: Config, root: str) -> str:
    """What the folder is about, for titles: the configured kabupaten or kota, else the folder's
    own name (never ``.``)."""
    kabupaten = config.wilayah.kabupaten
    if kabupaten:
        if kabupaten.split(" ", 1)[0].lower() in ("kabupaten", "kota"):
            return kabupaten
        kode = (config.wilayah.kode or "").split(".")
        is_kota = len(kode) > 1 and kode[1].isdigit() and int(kode[1]) >= 71
        return f"{'Kota' if is_kota else 'Kabupaten'} {kabupaten}"
    return os.path.basename(os.path.abspath(root)) or root


def _title(s: Summary, config: Config, lang: str, root: str) -> str:
    return visible(t("summary.title", lang, root=place_name(config, root)))


def _region_key(key: str, config: Config, lang: str) -> str:
    if key == UNKNOWN:
        return t("unknown-region", lang, level=config.labels["kecamatan"])
    return key


def _year_key(key: str, lang: str) -> str:
    return t("summary.no-date", lang) if key == UNKNOWN else key


def _problem_rows(s: Summary, lang: str) -> list[tuple[str, str]]:
    return [
        (t(f"summary.problems.{k}", lang, word=SEVERITY[lang][k]), str(v))
        for k, v in s.problems.items()
    ]


def _key_figures(s: Summary, lang: str) -> list[tuple[str, str]]:
    return [
        (t("summary.total", lang), str(s.total)),
        (t("summary.complete", lang), t("summary.of", lang, n=s.complete, total=s.scored)),
        (t("summary.missing", lang, role="ketua"), str(s.missing_ketua)),
        (t("summary.missing", lang, role="sekretaris"), str(s.missing_sekretaris)),
        (t("summary.events-total", lang), str(s.events_total)),
        *_problem_rows(s, lang),
    ]


def _gap_rows(s: Summary, lang: str) -> dict[str, int]:
    return {t(f"gap.{k}", lang): v for k, v in s.gaps.items()}


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
            {_region_key(k, config, lang): v for k, v in s.by_kecamatan.items()},
            True,
        ),
        (t("summary.gaps", lang), _gap_rows(s, lang), False),
        (
            t("summary.events", lang) + " - " + t("summary.by-year", lang),
            {_year_key(k, lang): v for k, v in s.events_by_year.items()},
            True,
        ),
        (t("summary.events", lang) + " - " + t("summary.by-jenis", lang), s.events_by_jenis, False),
    ]


@dataclass
class Dashboard:
    """Panels side by side where the terminal is wide enough, one above the other where it is
    not; plain titled sections when ``boxed`` is off (piped output has no box drawing)."""

    title: str
    panels: list[tuple[str, RenderableType]] = field(default_factory=list)
    wide: list[tuple[str, RenderableType]] = field(default_factory=list)
    boxed: bool = True

    def _frame(self, title: str, body: RenderableType) -> RenderableType:
        if self.boxed:
            return Panel(
                body,
                title=Text(title, style="bold"),
                title_align="left",
                box=box.ROUNDED,
                padding=(0, 1),
            )
        return Group(Text(title, style="bold"), body, Text(""))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(self.title, style="bold underline")
        if not self.boxed:
            yield Text("")
        columns = 2 if options.max_width >= 76 and self.boxed else 1
        grid = Table.grid(expand=self.boxed, padding=(0, 1, 0, 0))
        for _ in range(columns):
            grid.add_column(ratio=1)
        frames = [self._frame(title, body) for title, body in self.panels]
        for start in range(0, len(frames), columns):
            row = frames[start : start + columns]
            grid.add_row(*row, *([""] * (columns - len(row))))
        yield grid
        for title, body in self.wide:
            yield self._frame(title, body)


def _figures(rows: list[tuple[str, str]]) -> Table:
    """Label and figure lines; a row without a figure is a small heading of the lines after it,
    which are indented under it."""
    grid = Table.grid(padding=(0, 2, 0, 0), expand=True)
    grid.add_column(overflow="fold", ratio=1)
    grid.add_column(justify="right", no_wrap=True)
    for label, value in rows:
        if value:
            grid.add_row(Text(visible(label)), Text(value, style="bold"))
        else:
            grid.add_row(Text(visible(label), style="dim"), "")
    return grid


def _under(heading: str, rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(heading, ""), *((f"  {label}", value) for label, value in rows)] if rows else []


def _bars(counts: dict[str, int]) -> Table:
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(no_wrap=True)
    largest = max(counts.values(), default=0)
    for key, count in counts.items():
        grid.add_row(Text(visible(key)), Text(str(count)), Text(bar(count, largest), style="cyan"))
    return grid


def render_text(s: Summary, ctx: Context) -> RenderableType:
    config, lang, root = ctx.config, ctx.lang, ctx.shown_root

    def kind(key: str) -> str:
        return t("summary.no-kind", lang) if key == UNKNOWN else key

    organisations = [
        (t("summary.total", lang), str(s.total)),
        (t("summary.complete", lang), t("summary.of", lang, n=s.complete, total=s.scored)),
        *_under(
            t("summary.by-status", lang),
            [(t(f"status.{k}", lang), str(v)) for k, v in s.by_status.items()],
        ),
        *_under(t("summary.by-jenis", lang), [(kind(k), str(v)) for k, v in s.by_jenis.items()]),
    ]
    officers = [
        (t("summary.missing", lang, role="ketua"), str(s.missing_ketua)),
        (t("summary.missing", lang, role="sekretaris"), str(s.missing_sekretaris)),
        *(
            (t(f"gap.{k}", lang), str(s.gaps.get(k, 0)))
            for k in ("jabatan_wajib", "jabatan_disarankan", "unsur")
        ),
    ]
    sk = [(t(f"gap.{k}", lang), str(s.gaps.get(k, 0))) for k in ("sk", "wilayah")]
    training = [
        (t("summary.events-total", lang), str(s.events_total)),
        *_under(
            t("summary.by-year", lang),
            [(_year_key(k, lang), str(v)) for k, v in s.events_by_year.items()],
        ),
        *_under(
            t("summary.by-jenis", lang), [(kind(k), str(v)) for k, v in s.events_by_jenis.items()]
        ),
        (t("gap.pelatihan", lang), str(s.gaps.get("pelatihan", 0))),
    ]
    problems = [(SEVERITY[lang][k].capitalize(), str(v)) for k, v in s.problems.items()]
    dash = Dashboard(_title(s, config, lang, root))
    dash.panels = [
        (t("summary.panel.organisations", lang), _figures(organisations)),
        (t("summary.panel.training", lang), _figures(training)),
        (t("summary.panel.officers", lang), _figures(officers)),
        (t("summary.panel.sk", lang), _figures(sk)),
        (t("summary.panel.problems", lang), _figures(problems)),
    ]
    if s.by_kecamatan:
        by_region = {_region_key(k, config, lang): v for k, v in s.by_kecamatan.items()}
        dash.wide.append(
            (t("summary.by-kecamatan", lang, level=config.labels["kecamatan"]), _bars(by_region))
        )
    parts: list[RenderableType] = [dash]
    lines = left_out(s.unreadable, lang)
    if lines:
        parts.extend(Text(visible(line)) for line in lines)
    return Group(*parts)


def render_markdown(s: Summary, ctx: Context) -> str:
    config, lang, root = ctx.config, ctx.lang, ctx.shown_root
    out = [f"# {md_text(_title(s, config, lang, root))}", ""]
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
