"""``wksbm summary`` (``ringkasan``): the folder at a glance; exits 0 (it reports)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from wksbm_cli.cli.common import RawCsv, guarded, open_folder, print_rich, progress_bar, write_out
from wksbm_cli.core.dates import parse_day


class SummaryFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    csv = "csv"


@guarded
def summary(
    fmt: Annotated[
        SummaryFormat, typer.Option("--format", "-f", help="Output format.")
    ] = SummaryFormat.text,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD", help="Judge as of this day (default today)."),
    ] = None,
    raw_csv: RawCsv = False,
) -> None:
    """Organisations by status, kind and kecamatan, how many are complete, the most common gaps,
    events by year and kind, and problems by severity.

    Exit 0 (it reports; `validate` judges), 2 for a bad option.

    Example: wksbm summary --format markdown
    """
    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.check.results import Options
    from wksbm_cli.figures.summary import summarise
    from wksbm_cli.render.figures import summary_out as out

    folder = open_folder()  # first: its `bahasa` is the language of every message
    day = parse_day(as_of)
    options = Options(as_of=day, progress=progress_bar(fmt is SummaryFormat.text))
    result = check_folder(folder.root, folder.shown_root, folder.config, options)
    figures = summarise(result, day)
    if fmt is SummaryFormat.json:
        write_out(out.render_json(figures))
    elif fmt is SummaryFormat.csv:
        write_out(out.render_csv(figures, raw_csv))
    elif fmt is SummaryFormat.markdown:
        write_out(out.render_markdown(figures, folder.config, folder.lang, folder.shown_root))
    else:
        print_rich(out.render_text(figures, folder.config, folder.lang, folder.shown_root))
