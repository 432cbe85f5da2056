"""``wksbm report --year YYYY`` (``laporan --tahun``): the yearly report; exits 0 (it reports).

``--year`` and ``--tahun`` are two spellings of one option, accepted by both command names.
"""

from __future__ import annotations

from typing import Annotated

import typer

from wksbm_cli.cli.common import guarded, open_folder
from wksbm_cli.cli.options import Format, RawCsv, formats_of, output_option
from wksbm_cli.core.dates import parse_year


@guarded
@formats_of("report")
def report(
    year: Annotated[
        str | None,
        typer.Option("--year", "--tahun", metavar="YYYY", help="The year to report on."),
    ] = None,
    fmt: Format = "text",
    output: str | None = output_option("Write to FILE (atomically) instead of stdout."),
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
    import datetime as dt

    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.cli.output import context, emit, prepare
    from wksbm_cli.figures.year_report import year_report

    folder = open_folder()  # first: its `bahasa` is the language of every message
    number = parse_year(year)
    ctx = context(folder, raw_csv=raw_csv)
    prepare("report", fmt, ctx, output, force)
    result = check_folder(folder.root, folder.shown_root, folder.config)
    emit("report", fmt, year_report(result, number, dt.date.today()), ctx, output, force)
