"""``wksbm list`` (``daftar``): organisations or events as a table, filtered."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from wksbm_cli.cli.common import RawCsv, guarded, open_folder, print_rich, write_out


class ListKind(StrEnum):
    organisasi = "organisasi"
    kegiatan = "kegiatan"


class ListFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"


@guarded
def list_records(
    kind: Annotated[ListKind, typer.Argument(help="organisasi or kegiatan.")],
    kecamatan: Annotated[
        str | None,
        typer.Option(
            "--kecamatan",
            "--kapanewon",
            help="Only this kecamatan (events: the venue's, or a participant's).",
        ),
    ] = None,
    status: Annotated[
        str | None, typer.Option(help="organisasi only: aktif, vakum or bubar.")
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", "--tahun", help="kegiatan: year of tanggal; organisasi: formed."),
    ] = None,
    jenis: Annotated[str | None, typer.Option(help="Only this jenis.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.text
    ),
    raw_csv: RawCsv = False,
) -> None:
    """List organisations or events, one row each.

    JSON: {"version": 1, "kind": ..., "organizations"|"events": [rows]}, with the columns of
    `wksbm export`. Records with errors are listed with what can be read from them.

    Example: wksbm list organisasi --kecamatan Depok --format csv
    """
    from wksbm_cli.authoring.new_record import check_choice
    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.core.vocabulary import STATUSES
    from wksbm_cli.errors import WksbmError
    from wksbm_cli.export.lookup import filter_events, filter_organisations
    from wksbm_cli.render.figures import records as view

    found = open_folder()
    if status is not None:
        check_choice("--status", status, STATUSES)
    result = check_folder(found.root, found.shown_root, found.config)
    if kind is ListKind.organisasi:
        rows = view.list_rows(
            filter_organisations(result.organisations, kecamatan, status, year, jenis)
        )
    else:
        if status is not None:
            raise WksbmError("list.status-organisations-only")
        rows = view.list_rows(
            filter_events(result.events, result.organisations, kecamatan, year, jenis)
        )
    if fmt is ListFormat.json:
        write_out(view.list_json(kind.value, rows))
    elif fmt is ListFormat.csv:
        write_out(view.list_csv(kind.value, rows, raw_csv))
    else:
        print_rich(view.list_text(kind.value, rows, found.config, found.lang))
