"""``wksbm list`` (``daftar``): organisations or events as a table, filtered."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from wksbm_cli.cli.common import guarded, open_folder
from wksbm_cli.cli.options import Format, RawCsv, formats_of, kecamatan_option


class ListKind(StrEnum):
    organisasi = "organisasi"
    kegiatan = "kegiatan"


@guarded
@formats_of("list")
def list_records(
    kind: Annotated[ListKind, typer.Argument(help="organisasi or kegiatan.")],
    kecamatan: str | None = kecamatan_option(
        "Only this kecamatan (events: the venue's, or a participant's)."
    ),
    status: Annotated[
        str | None, typer.Option(help="organisasi only: aktif, vakum or bubar.")
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", "--tahun", help="kegiatan: year of tanggal; organisasi: formed."),
    ] = None,
    jenis: Annotated[str | None, typer.Option(help="Only this jenis.")] = None,
    fmt: Format = "text",
    raw_csv: RawCsv = False,
) -> None:
    """List organisations or events, one row each.

    JSON: {"version": 1, "kind": ..., "organizations"|"events": [rows]}, with the columns of
    `wksbm export`. Records with errors are listed with what can be read from them.

    Example: wksbm list organisasi --kecamatan Depok --format csv
    """
    from wksbm_cli.authoring.new_record import check_choice
    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.cli.output import context, emit
    from wksbm_cli.core.vocabulary import STATUSES
    from wksbm_cli.errors import WksbmError
    from wksbm_cli.export.lookup import filter_events, filter_organisations
    from wksbm_cli.render.figures.record_views import Listing

    found = open_folder()
    if status is not None:
        check_choice("--status", status, STATUSES)
    result = check_folder(found.root, found.shown_root, found.config)
    if kind is ListKind.organisasi:
        listing = Listing(
            kind.value, filter_organisations(result.organisations, kecamatan, status, year, jenis)
        )
    else:
        if status is not None:
            raise WksbmError("list.status-organisations-only")
        listing = Listing(
            kind.value, filter_events(result.events, result.organisations, kecamatan, year, jenis)
        )
    emit("list", fmt, listing, context(found, raw_csv=raw_csv))
