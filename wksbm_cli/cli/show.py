"""``wksbm show`` (``lihat``): one record, readable, with its problems and relations."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from wksbm_cli.cli.common import guarded, open_folder, print_rich, write_out


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


@guarded
def show(
    record_id: Annotated[
        str, typer.Argument(metavar="ID", help="Id of an organisasi or kegiatan.")
    ],
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ShowFormat.text
    ),
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD", help="Judge as of this day."),
    ] = None,
) -> None:
    """Show one record: its fields, its problems, the events an organisation took part in (or
    the organisations that took part in an event) and, for a WKSBM, its completeness.

    Exit 2 when no record has that id.

    Example: wksbm show wksbm-dharma-sembada
    """
    import datetime as dt

    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.check.results import Options
    from wksbm_cli.core.dates import parse_as_of
    from wksbm_cli.errors import WksbmError
    from wksbm_cli.export.lookup import find, page
    from wksbm_cli.render.figures import records as view

    day = parse_as_of(as_of)
    found = open_folder()
    result = check_folder(found.root, found.shown_root, found.config, Options(as_of=day))
    rec = find(result, record_id)
    if rec is None:
        raise WksbmError("show.not-found", id=record_id)
    info = page(result, rec, day or dt.date.today())
    if fmt is ShowFormat.json:
        write_out(view.show_json(info, found.lang))
    else:
        print_rich(view.show_text(info, found.config, found.lang))
