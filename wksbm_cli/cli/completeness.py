"""``wksbm completeness`` (``lengkap``): one scored row per organisation; exits 0 (it reports)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from wksbm_cli.cli.common import RawCsv, guarded, open_folder, print_rich, progress_bar, write_out
from wksbm_cli.core.dates import parse_day


class CompletenessFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def _help() -> str:
    # Built from the same table the scores come from (imported here, at start-up: the module
    # is small and pure; the engine is still imported lazily inside the command).
    from wksbm_cli.figures.completeness import definition

    lines = "\n\n".join(definition("en"))
    return (
        "One row per organisation: required and recommended roles, SK, region, unsur, last"
        " training and a completeness score, grouped by kecamatan. Exit 0 (it reports;"
        " `validate` judges), 2 for a bad option.\n\n"
        f"{lines}\n\nExample: wksbm completeness --kecamatan Depok --incomplete"
    )


@guarded
def completeness(
    kecamatan: Annotated[
        str | None,
        typer.Option(
            "--kecamatan",
            "--kapanewon",
            metavar="NAME",
            help="Only this kecamatan (case, spaces and hyphens ignored).",
        ),
    ] = None,
    incomplete: Annotated[
        bool, typer.Option("--incomplete", "--belum-lengkap", help="Only those scoring below 1.")
    ] = False,
    fmt: Annotated[
        CompletenessFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CompletenessFormat.text,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD", help="Judge as of this day (default today)."),
    ] = None,
    raw_csv: RawCsv = False,
) -> None:
    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.check.results import Options
    from wksbm_cli.figures.completeness import completeness as build
    from wksbm_cli.render.figures import completeness_out as out

    folder = open_folder()  # first: its `bahasa` is the language of every message
    day = parse_day(as_of)
    options = Options(as_of=day, progress=progress_bar(fmt is CompletenessFormat.text))
    result = check_folder(folder.root, folder.shown_root, folder.config, options)
    table = build(
        result.organisations,
        result.events,
        folder.config,
        day,
        kecamatan=kecamatan,
        incomplete=incomplete,
    )
    if fmt is CompletenessFormat.json:
        write_out(out.render_json(table, result.unreadable))
    elif fmt is CompletenessFormat.csv:
        write_out(out.render_csv(table, folder.config, raw_csv))
    elif fmt is CompletenessFormat.markdown:
        write_out(out.render_markdown(table, folder.config, folder.lang, result.unreadable))
    else:
        print_rich(out.render_text(table, folder.config, folder.lang, result.unreadable))


completeness.__doc__ = _help()
