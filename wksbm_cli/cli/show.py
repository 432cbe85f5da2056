"""``wksbm show`` (``lihat``): one record, readable, with its problems and relations."""

from __future__ import annotations

from typing import Annotated

import typer

from wksbm_cli.cli.common import guarded, open_folder
from wksbm_cli.cli.options import Format, as_of_option, formats_of


@guarded
@formats_of("show")
def show(
    record_id: Annotated[
        str, typer.Argument(metavar="ID", help="Id of an organisasi or kegiatan.")
    ],
    fmt: Format = "text",
    as_of: str | None = as_of_option("Judge as of this day."),
) -> None:
    """Show one record: its fields, its problems, the events an organisation took part in (or
    the organisations that took part in an event) and, for a WKSBM, its completeness.

    Exit 2 when no record has that id.

    Example: wksbm show wksbm-dharma-sembada
    """
    import datetime as dt

    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.check.results import Options
    from wksbm_cli.cli.output import context, emit
    from wksbm_cli.core.dates import parse_as_of
    from wksbm_cli.errors import WksbmError
    from wksbm_cli.export.lookup import find, page

    found = open_folder()  # first: its `bahasa` is the language of every message
    day = parse_as_of(as_of)
    result = check_folder(found.root, found.shown_root, found.config, Options(as_of=day))
    rec = find(result, record_id)
    if rec is None:
        raise WksbmError("show.not-found", id=record_id)
    emit("show", fmt, page(result, rec, day or dt.date.today()), context(found))
