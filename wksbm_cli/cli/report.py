"""``wksbm report --year YYYY`` (``laporan --tahun``): the yearly report; exits 0 (it reports).

``--year`` and ``--tahun`` are two spellings of one option, accepted by both command names.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from wksbm_cli.cli.common import RawCsv, err_console, guarded, open_folder, print_rich, write_out
from wksbm_cli.core.dates import parse_year

if TYPE_CHECKING:
    from rich.console import RenderableType

    from wksbm_cli.check.results import CheckResult
    from wksbm_cli.cli.common import Folder
    from wksbm_cli.figures.yearly import YearReport
    from wksbm_cli.model.records import Record


class ReportFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    html = "html"
    pdf = "pdf"


def _plain(renderable: RenderableType) -> str:
    """Text for a file: no colour, no terminal codes, a fixed width."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=100, color_system=None, highlight=False, emoji=False)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


def _rel(shown: str, shown_root: str) -> str:
    return shown if shown_root in ("", ".") else shown.removeprefix(shown_root + "/")


def _pdf_preflight(output: str | None) -> None:
    """Before any work: PDF needs a file to write and a browser to print with (exit 2)."""
    from wksbm_cli.errors import WksbmError
    from wksbm_cli.render.pdf import find_browser

    for key, failed in (
        ("rep.pdf.needs-output", output is None),
        ("rep.pdf.no-browser", find_browser() is None),
    ):
        if failed:
            raise WksbmError(key)


def _html(result: CheckResult, figures: YearReport, folder: Folder) -> str:
    import datetime as dt

    from wksbm_cli.figures.yearly_extra import year_extra
    from wksbm_cli.render.figures.report_html import render_html

    records: list[Record] = [*result.organisations, *result.events]
    current = {_rel(r.file, folder.shown_root): r for r in records}
    extra = year_extra(result, figures, dt.date.today(), current)
    return render_html(figures, extra, folder.config, folder.lang)


@guarded
def report(
    year: Annotated[
        str | None,
        typer.Option("--year", "--tahun", metavar="YYYY", help="The year to report on."),
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.text,
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write to FILE (atomically) instead of stdout."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace FILE if it exists (otherwise exit 2).")
    ] = False,
    raw_csv: RawCsv = False,
) -> None:
    """The yearly report: the events of the year (dates, place, organiser, participants, topics,
    speakers), totals (events, event days, participants), organisations trained and active WKSBM
    not trained, organisations formed, and, when the records folder is in a git repository, how
    completeness changed over the year: the last commit up to 31 December of the year before
    and the last commit up to 31 December of the year, each read from git without a checkout
    and scored as `completeness --as-of` that day would score it. A figure git cannot give (not
    a repository, a shallow clone) is named with its reason, never guessed.

    An event counts in the year of its tanggal; one crossing 31 December counts all its days in
    its start year. Event days run from tanggal to tanggal_selesai inclusive; participants sum
    the known peserta.jumlah.

    --format html writes one self-contained page to print on A4 (charts inline, no script, no
    network); --format pdf prints that page through a Chromium or Chrome found on the machine
    (or named by WKSBM_BROWSER) and needs --output.

    Exit 0 (it reports; `validate` judges); 2 for a bad option, when FILE exists without
    --force, or for --format pdf without a browser.

    Example: wksbm laporan --tahun 2025 --format markdown --output laporan-2025.md
    """
    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.figures.history import year_history
    from wksbm_cli.figures.yearly import yearly
    from wksbm_cli.render.figures import report_out as out

    folder = open_folder()  # first: its `bahasa` is the language of every message
    number = parse_year(year)
    if output is not None and not force:
        import os

        from wksbm_cli.write import FileExists

        if os.path.lexists(output):
            raise FileExists(output)
    if fmt is ReportFormat.pdf:
        _pdf_preflight(output)
    result = check_folder(folder.root, folder.shown_root, folder.config)
    figures = yearly(result, number)
    current: dict[str, Record] = {
        _rel(org.file, folder.shown_root): org for org in result.organisations
    }
    current.update({_rel(e.file, folder.shown_root): e for e in result.events})
    history = year_history(folder.root, folder.config, number, current, folder.shown_root)
    figures.history = history
    figures.change = history.change
    figures.change_note = history.note
    if fmt is ReportFormat.json:
        text = out.render_json(figures)
    elif fmt is ReportFormat.csv:
        text = out.render_csv(figures, raw_csv)
    elif fmt is ReportFormat.markdown:
        text = out.render_markdown(figures, folder.config, folder.lang)
    elif fmt in (ReportFormat.html, ReportFormat.pdf):
        text = _html(result, figures, folder)
    elif output is not None:
        text = _plain(out.render_text(figures, folder.config, folder.lang))
    else:
        print_rich(out.render_text(figures, folder.config, folder.lang))
        return
    if output is None:
        write_out(text)
        return
    from rich.text import Text

    from wksbm_cli.i18n import translate
    from wksbm_cli.render.safe import visible
    from wksbm_cli.write import atomic_write

    if fmt is ReportFormat.pdf:
        from wksbm_cli.render.pdf import html_to_pdf

        atomic_write(output, html_to_pdf(text), force=force)
    else:
        atomic_write(output, text, force=force)
    err_console().print(Text(visible(translate("rep.written", folder.lang, {"path": output}))))
