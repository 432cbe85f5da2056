"""``wksbm report --format html``: the yearly report as one self-contained, printable page.

No script, no web font, no image file, no link to anything but the records' own ``sumber``:
styles and charts are inline, so the file opens offline, prints on A4 and can be mailed as is.
Every chart is followed by a table holding the same numbers (for screen readers and for copying),
and every number that the JSON report also gives carries ``data-figure="<json path>"`` so a test
can hold the two to the same values.

Record values are hostile input: every text node and attribute goes through ``esc`` (HTML
escaping after control and bidi characters are made visible), and only ``http``/``https``
sources become links.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wksbm_cli.figures.history import History, NotComputed
from wksbm_cli.figures.year_report import Report
from wksbm_cli.figures.yearly import YearReport
from wksbm_cli.figures.yearly_extra import RegionRow, YearExtra, by_kecamatan
from wksbm_cli.i18n import catalog
from wksbm_cli.model.records import Config
from wksbm_cli.render.context import Context
from wksbm_cli.render.figures.report_css import stylesheet
from wksbm_cli.render.figures.report_out import MONTHS, event_dates, event_place
from wksbm_cli.render.pdf import find_browser, html_to_pdf
from wksbm_cli.render.svg import Bar, bar_chart, column_chart, esc
from wksbm_cli.render.tables import left_out, percent, t
from wksbm_cli.render.words import SEVERITIES, SEVERITY

_WEB = re.compile(
    r"https?://[^\s\"'<>\\`\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]+",
    re.IGNORECASE,
)


def _cls(index: int, numeric: Sequence[int], wide: Sequence[int]) -> str:
    """Numbers align right; ``wide`` cells (file paths) may break anywhere to fit."""
    if index in numeric:
        return ' class="n"'
    return ' class="w"' if index in wide else ""


def _date_cell(text: str) -> str:
    """Dates never break inside; a range may break around its dash."""
    return " – ".join(f'<span class="d">{esc(part)}</span>' for part in text.split(" – "))


def _fig(path: str, value: object) -> str:
    return f'<span data-figure="{esc(path)}">{esc(value)}</span>'


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    numeric: Sequence[int] = (),
    wide: Sequence[int] = (),
    caption: str | None = None,
) -> str:
    """A table; cells arrive escaped (they may hold a ``_fig`` span or a link). On a narrow
    screen a table too wide to fit scrolls inside its own box instead of widening the page."""
    out = ['<div class="tw"><table>']
    if caption:
        out.append(f"<caption>{esc(caption)}</caption>")
    heads = "".join(
        '<th scope="col"' + _cls(i, numeric, ()) + f">{esc(h)}</th>" for i, h in enumerate(headers)
    )
    out.append(f"<thead><tr>{heads}</tr></thead>")
    out.append("<tbody>")
    for row in rows:
        cells = "".join("<td" + _cls(i, numeric, wide) + f">{c}</td>" for i, c in enumerate(row))
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def _name(oid: str, names: dict[str, str]) -> str:
    nama = names.get(oid)
    return f"{nama} ({oid})" if nama and nama != oid else oid


def _list(items: Sequence[str], lang: str) -> str:
    if not items:
        return f"<p>{esc(t('report.none', lang))}</p>"
    return '<ul class="plain">' + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"


def _card(key: str, value: int, figure: str) -> str:
    return (
        f'<li class="card"><span class="v" data-figure="{esc(figure)}">{esc(value)}</span>'
        f'<span class="k">{esc(key)}</span></li>'
    )


def _glance(r: YearReport, p: YearExtra, lang: str) -> str:
    complete = sum(1 for row in p.rows if row.complete)
    cards = [
        _card(t("html.card-organisations", lang), len(p.organisations), "page.organisations"),
        _card(t("report.active", lang), r.active, "organizations.active"),
        _card(t("html.card-complete", lang, scored=len(p.rows)), complete, "page.complete"),
        _card(t("report.trained", lang, year=r.year), len(r.trained), "organizations.trained"),
        _card(t("html.card-expiring", lang), len(p.expiring), "page.sk_expiring"),
    ]
    totals = [
        (t("report.total-events", lang), len(r.events), "totals.events"),
        (t("report.total-days", lang), r.event_days, "totals.event_days"),
        (t("report.total-participants", lang), r.participants, "totals.participants"),
        (t("report.formed", lang, year=r.year), len(r.formed), "organizations.formed"),
    ]
    rows = [[esc(label), _fig(path, value)] for label, value, path in totals]
    out = [
        '<section id="glance">',
        f"<h2>{esc(t('html.glance', lang))}</h2>",
        f'<ul class="cards">{"".join(cards)}</ul>',
        _table([t("html.col-figure", lang), t("col.count", lang)], rows, numeric=(1,)),
    ]
    if r.without_count:
        out.append(f'<p class="note">{esc(t("report.without-count", lang, n=r.without_count))}</p>')
    out.append("</section>")
    return "\n".join(out)


def _regions(p: YearExtra, config: Config, lang: str) -> str:
    level = config.labels["kecamatan"]
    groups: list[RegionRow] = by_kecamatan(p.rows)
    none = t("html.no-region", lang, level=level)
    title = t("html.by-region", lang, level=level)
    out = ['<section id="completeness">', f"<h2>{esc(title)}</h2>"]
    out.append(f'<p class="note">{esc(t("html.as-of", lang, date=p.as_of.isoformat()))}</p>')
    if not groups:
        out += [f"<p>{esc(t('completeness.none', lang))}</p>", "</section>"]
        return "\n".join(out)
    bars = [
        Bar(
            g.name or none,
            g.mean,
            t("html.bar-text", lang, mean=percent(g.mean), complete=g.complete, n=g.scored),
        )
        for g in groups
    ]
    summary = "; ".join(f"{b.label}: {b.text}" for b in bars)
    chart = bar_chart("chart-regions", bars, maximum=1.0, title=title, desc=summary)
    out.append(
        f"<figure><figcaption>{esc(t('html.chart-regions', lang, level=level))}</figcaption>"
        f"{chart}</figure>"
    )
    headers = [
        level,
        t("html.col-scored", lang),
        t("html.col-complete", lang),
        t("html.col-mean", lang),
    ]
    rows = [
        [esc(g.name or none), str(g.scored), str(g.complete), esc(percent(g.mean))] for g in groups
    ]
    out.append(_table(headers, rows, numeric=(1, 2, 3), caption=t("html.table-of-chart", lang)))
    out.append("</section>")
    return "\n".join(out)


def _reason(reason: str, year: int, lang: str) -> str:
    """Why a figure is missing, in words; a reason this page has no words for yet still gets an
    honest generic sentence, never a bare catalog key."""

    key = f"report.{reason}"
    known = f"rep.{key}" in catalog(lang)
    return t(key, lang, year=year) if known else t("html.history-missing", lang, year=year)


def _history(r: YearReport) -> History:
    """Every completeness figure of the year, or why it is missing (older callers set only
    ``change`` and ``change_note``)."""
    if r.history is not None:
        return r.history
    if r.change is not None:
        return History(r.year, r.change.before, r.change.after, r.change.changed)
    return History(r.year, not_computed=(NotComputed("end", r.change_note or "no-commits"),))


def _change(r: YearReport, p: YearExtra, lang: str, names: dict[str, str]) -> str:
    out = ['<section id="change">', f"<h2>{esc(t('report.change', lang, year=r.year))}</h2>"]
    h = _history(r)
    base = "completeness_history" if r.history is not None else "completeness_change"
    rows = []
    if h.start is not None:
        label = (
            t("report.change-start", lang, commit=h.start.commit[:10])
            if h.start.commit
            else t("report.change-empty", lang)
        )
        key = "start" if r.history is not None else "before"
        rows.append((label, h.start, f"{base}.{key}"))
    if h.end is not None:
        label = t("report.change-end", lang, commit=(h.end.commit or "")[:10])
        key = "end" if r.history is not None else "after"
        rows.append((label, h.end, f"{base}.{key}"))
    if rows:
        headers = [
            "",
            t("html.col-organisations", lang),
            t("html.col-scored", lang),
            t("html.col-complete", lang),
            t("html.col-mean", lang),
        ]
        cells = [
            [
                esc(label),
                _fig(f"{path}.organizations", snap.organisations),
                _fig(f"{path}.scored", snap.scored),
                _fig(f"{path}.complete", snap.complete),
                esc(percent(snap.mean_score)),
            ]
            for label, snap, path in rows
        ]
        out.append(_table(headers, cells, numeric=(1, 2, 3, 4)))
    if h.not_computed:
        if rows:  # some figures are there: name the ones that are not
            missing = ", ".join(t(f"report.figure-{m.figure}", lang) for m in h.not_computed)
            out.append(
                f'<p class="note">{esc(t("report.not-computed", lang, figures=missing))}</p>'
            )
        for reason in dict.fromkeys(m.reason for m in h.not_computed):
            text = _reason(reason, r.year, lang)
            out.append(f'<p class="note" data-note="{esc(reason)}">{esc(text)}</p>')
    formed = [_name(o.id or o.file, names) for o in r.formed]
    out.append(f"<h3>{esc(t('report.formed', lang, year=r.year))} ({len(formed)})</h3>")
    out.append(_list(formed, lang))
    if p.dissolved is None or p.replaced is None:
        out.append(f'<p class="note">{esc(t("html.no-history-detail", lang))}</p>')
    else:
        title = t("html.dissolved", lang, year=r.year)
        out.append(f"<h3>{esc(title)} ({_fig('page.dissolved', len(p.dissolved))})</h3>")
        out.append(_list([_name(i, names) for i in p.dissolved], lang))
        title = t("html.replaced", lang, year=r.year)
        out.append(f"<h3>{esc(title)} ({_fig('page.replaced', len(p.replaced))})</h3>")
        if p.replaced:
            headers = [
                t("col.organisation", lang),
                t("html.col-role", lang),
                t("col.before", lang),
                t("col.after", lang),
            ]
            changes = [
                [
                    esc(_name(x.id, names)),
                    esc(x.jabatan),
                    esc(", ".join(x.before)),
                    esc(", ".join(x.after)),
                ]
                for x in p.replaced
            ]
            out.append(_table(headers, changes))
        else:
            out.append(f"<p>{esc(t('report.none', lang))}</p>")
    if h.changed:
        headers = [t(f"col.{k}", lang) for k in ("organisation", "before", "after")]
        moved = [
            [
                esc(_name(oid, names)),
                "–" if a is None else esc(percent(a)),
                "–" if b is None else esc(percent(b)),
            ]
            for oid, a, b in h.changed
        ]
        caption = t("html.changed-scores", lang)
        out.append(_table(headers, moved, numeric=(1, 2), caption=caption))
    elif h.changed is not None:
        out.append(f"<p>{esc(t('report.change-none', lang))}</p>")
    out.append("</section>")
    return "\n".join(out)


def _trainings(
    r: YearReport, p: YearExtra, config: Config, lang: str, names: dict[str, str]
) -> str:
    months = MONTHS[lang]
    title = t("report.per-month", lang) + f" {r.year}"
    out = ['<section id="trainings">', f"<h2>{esc(t('html.trainings', lang, year=r.year))}</h2>"]
    columns = [(months[m - 1], r.by_month[m]) for m in range(1, 13)]
    desc = "; ".join(f"{label}: {n}" for label, n in columns)
    chart = column_chart("chart-months", columns, title=title, desc=desc)
    out.append(f"<figure><figcaption>{esc(title)}</figcaption>{chart}</figure>")
    by_month: dict[int, list[str]] = {m: [] for m in range(1, 13)}
    for e in r.events:
        if e.tanggal is not None:
            by_month[e.tanggal.month].append(e.judul or e.id or e.file)
    rows = [
        [
            esc(months[m - 1]),
            _fig(f"by_month.{m:02d}", r.by_month[m]),
            esc("; ".join(by_month[m])),
        ]
        for m in range(1, 13)
    ]
    headers = [t("html.col-month", lang), t("col.count", lang), t("report.events", lang)]
    out.append(_table(headers, rows, numeric=(1,), caption=t("html.table-of-chart", lang)))
    out.append(f"<h3>{esc(t('html.participants', lang))}</h3>")
    if r.events:
        headers = [
            t("col.date", lang),
            t("col.title", lang),
            t("col.place", lang),
            t("col.participants", lang),
            t("html.col-named", lang),
        ]
        rows = [
            [
                _date_cell(event_dates(e)),
                esc(e.judul or e.id or ""),
                esc(event_place(e, config)),
                "–" if e.peserta_jumlah is None else esc(e.peserta_jumlah),
                esc(", ".join(_name(o, names) for o in e.peserta_organisasi)) or "–",
            ]
            for e in r.events
        ]
        out.append(_table(headers, rows, numeric=(3,)))
    else:
        out.append(f"<p>{esc(t('report.no-events', lang, year=r.year))}</p>")
    title = t("report.not-trained", lang, year=r.year)
    out.append(f"<h3>{esc(title)} ({_fig('organizations.not_trained', len(r.not_trained))})</h3>")
    out.append(_list([_name(i, names) for i in r.not_trained], lang))
    title = t("html.never-trained", lang)
    out.append(f"<h3>{esc(title)} ({_fig('page.never_trained', len(p.never_trained))})</h3>")
    out.append(_list([_name(i, names) for i in p.never_trained], lang))
    out.append("</section>")
    return "\n".join(out)


def _problems(p: YearExtra, lang: str, names: dict[str, str]) -> str:
    out = ['<section id="problems">', f"<h2>{esc(t('html.problems', lang))}</h2>"]
    out.append(f'<p class="note">{esc(t("html.problems-note", lang))}</p>')
    counts = [
        [esc(SEVERITY[lang][s]), _fig(f"page.problems.{s}", p.counts.get(s, 0))] for s in SEVERITIES
    ]
    out.append(_table([t("html.col-severity", lang), t("col.count", lang)], counts, numeric=(1,)))
    title = t("html.card-expiring", lang)
    out.append(f"<h3>{esc(title)} ({len(p.expiring)})</h3>")
    if p.expiring:
        rows = [[esc(_name(x.id, names)), _date_cell(x.until.isoformat())] for x in p.expiring]
        headers = [t("col.organisation", lang), t("html.col-until", lang)]
        out.append(_table(headers, rows))
    else:
        out.append(f"<p>{esc(t('report.none', lang))}</p>")
    out.append(f"<h3>{esc(t('html.problem-list', lang))} ({len(p.problems)})</h3>")
    if p.problems:
        headers = [
            t("html.col-where", lang),
            t("html.col-severity", lang),
            t("html.col-rule", lang),
            t("html.col-message", lang),
        ]
        rows = [
            [
                esc(f"{_inside(x.file, p.shown_root)}:{x.line}"),
                f'<span class="sev-{esc(x.severity.label)}">'
                f"{esc(SEVERITY[lang][x.severity.label])}</span>",
                esc(x.rule),
                esc(x.message(lang)),
            ]
            for x in p.problems
        ]
        out.append(_table(headers, rows, wide=(0,)))
    else:
        out.append(f"<p>{esc(t('report.none', lang))}</p>")
    out.append("</section>")
    return "\n".join(out)


def _inside(shown: str, shown_root: str) -> str:
    """A path relative to the records folder: the page may be read on another machine."""
    return shown if shown_root in ("", ".") else shown.removeprefix(shown_root + "/")


def _link(url: str) -> str:
    """A link for a plain web address; anything else (``javascript:``, ``file:``, quotes or
    angle brackets inside) stays text."""
    if _WEB.fullmatch(url):
        return f'<a href="{esc(url)}">{esc(url)}</a>'
    return esc(url)


def _sources(r: YearReport, p: YearExtra, lang: str) -> str:
    out = ['<section id="sources">', f"<h2>{esc(t('html.sources', lang))}</h2>"]
    records: list[tuple[str, tuple[str, ...]]] = [
        (o.nama or o.id or o.file, o.sumber) for o in p.organisations if o.sumber
    ]
    records += [(e.judul or e.id or e.file, e.sumber) for e in r.events if e.sumber]
    if not records:
        out.append(f"<p>{esc(t('report.none', lang))}</p>")
    for label, urls in records:
        out.append(f"<h3>{esc(label)}</h3>")
        out.append('<ul class="plain">' + "".join(f"<li>{_link(u)}</li>" for u in urls) + "</ul>")
    notes = [t("report.notes", lang), *left_out(r.unreadable, lang)]
    out += [f'<p class="note">{esc(n)}</p>' for n in notes]
    out.append("</section>")
    return "\n".join(out)


def render_html(r: YearReport, page: YearExtra, config: Config, lang: str) -> str:
    names = dict(r.names or {})
    title = t("report.title", lang, year=r.year)
    region = ", ".join(x for x in (config.wilayah.kabupaten, config.wilayah.provinsi) if x)
    body = [
        "<header>",
        f"<h1>{esc(title)}</h1>",
        f'<p class="lead">{esc(region)}{" · " if region else ""}'
        f"{esc(t('html.as-of', lang, date=page.as_of.isoformat()))}</p>",
        "</header>",
        _glance(r, page, lang),
        _regions(page, config, lang),
        _change(r, page, lang, names),
        _trainings(r, page, config, lang, names),
        _problems(page, lang, names),
        _sources(r, page, lang),
    ]
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f"<style>\n{stylesheet(t('html.page', lang), title)}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"


def render(report: Report, ctx: Context) -> str:
    """``--format html``: one self-contained page to print on A4."""
    return render_html(report.figures, report.page, ctx.config, ctx.lang)


def render_pdf(report: Report, ctx: Context) -> bytes:
    """``--format pdf``: that page, printed by the browser the CLI was told of or found."""
    return html_to_pdf(render(report, ctx), find_browser(ctx.browser))
