"""``wksbm completeness`` (``lengkap``): one scored row per organisation; exits 0 (it reports)."""

from __future__ import annotations

from typing import Annotated

import typer

from wksbm_cli.cli.common import guarded, open_folder, progress_bar
from wksbm_cli.cli.options import Format, RawCsv, as_of_option, formats_of, kecamatan_option
from wksbm_cli.core.dates import parse_day


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
@formats_of("completeness")
def completeness(
    kecamatan: str | None = kecamatan_option(
        "Only this kecamatan (case, spaces and hyphens ignored).", metavar="NAME"
    ),
    incomplete: Annotated[
        bool, typer.Option("--incomplete", "--belum-lengkap", help="Only those scoring below 1.")
    ] = False,
    fmt: Format = "text",
    as_of: str | None = as_of_option("Judge as of this day (default today)."),
    raw_csv: RawCsv = False,
) -> None:
    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.check.results import Options
    from wksbm_cli.cli.output import context, emit, for_people
    from wksbm_cli.figures.completeness import completeness as build

    folder = open_folder()  # first: its `bahasa` is the language of every message
    day = parse_day(as_of)
    options = Options(as_of=day, progress=progress_bar(for_people("completeness", fmt)))
    result = check_folder(folder.root, folder.shown_root, folder.config, options)
    table = build(
        result.organisations,
        result.events,
        folder.config,
        day,
        kecamatan=kecamatan,
        incomplete=incomplete,
        unreadable=result.unreadable,
    )
    emit("completeness", fmt, table, context(folder, raw_csv=raw_csv))


completeness.__doc__ = _help()
