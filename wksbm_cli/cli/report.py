"""``wksbm report --year YYYY`` (``laporan --tahun``): the yearly report; exits 0 (it reports).

``--year`` and ``--tahun`` are two spellings of one option, accepted by both command names.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from wksbm_cli.cli.common import RawCsv, err_console, guarded, open_folder, print_rich, write_out
from wksbm_cli.cli.dates import parse_year

if TYPE_CHECKING:
    from rich.console import RenderableType

    from wksbm_cli.model.records import Record


class ReportFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    csv = "csv"
    json = "json"


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

    Exit 0 (it reports; `validate` judges); 2 for a bad option or when FILE exists without
    --force.

    Example: wksbm laporan --tahun 2025 --format markdown --output laporan-2025.md
    """
    from wksbm_cli.engine import check_folder
    from wksbm_cli.render import report_out as out
    from wksbm_cli.reports.history import year_history
    from wksbm_cli.reports.yearly import yearly

    folder = open_folder()  # first: its `bahasa` is the language of every message
    number = parse_year(year)
    if output is not None and not force:
        import os

        from wksbm_cli.write import FileExists

        if os.path.lexists(output):
            raise FileExists(output)
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

    atomic_write(output, text, force=force)
    err_console().print(Text(visible(translate("rep.written", folder.lang, {"path": output}))))
