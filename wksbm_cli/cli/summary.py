"""``wksbm summary`` (``ringkasan``): the folder at a glance; exits 0 (it reports)."""

from __future__ import annotations

from wksbm_cli.cli.common import guarded, open_folder, progress_bar
from wksbm_cli.cli.options import Format, RawCsv, as_of_option, formats_of
from wksbm_cli.core.dates import parse_day


@guarded
@formats_of("summary")
def summary(
    fmt: Format = "text",
    as_of: str | None = as_of_option("Judge as of this day (default today)."),
    raw_csv: RawCsv = False,
) -> None:
    """Organisations by status, kind and kecamatan, how many are complete, the most common gaps,
    events by year and kind, and problems by severity.

    Exit 0 (it reports; `validate` judges), 2 for a bad option.

    Example: wksbm summary --format markdown
    """
    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.check.results import Options
    from wksbm_cli.cli.output import context, emit, for_people
    from wksbm_cli.figures.summary import summarise

    folder = open_folder()  # first: its `bahasa` is the language of every message
    day = parse_day(as_of)
    options = Options(as_of=day, progress=progress_bar(for_people("summary", fmt)))
    result = check_folder(folder.root, folder.shown_root, folder.config, options)
    emit("summary", fmt, summarise(result, day), context(folder, raw_csv=raw_csv))
