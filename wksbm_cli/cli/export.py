"""``wksbm export``: all records as joined tables for spreadsheets, Datasette or DuckDB."""

from __future__ import annotations

import errno
import os
from enum import StrEnum
from typing import Annotated

import typer

from wksbm_cli.cli.common import current_lang, err_console, guarded, open_folder
from wksbm_cli.cli.options import RawCsv, output_option


class ExportFormat(StrEnum):
    sqlite = "sqlite"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


@guarded
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
    output: str = output_option(
        "File (sqlite, json, xlsx) or new folder (csv).", metavar="PATH", required=True
    ),
    force: Annotated[bool, typer.Option(help="Replace an existing file or folder.")] = False,
    raw_csv: RawCsv = False,
) -> None:
    """Export tables organisasi, pengurus, unsur, kegiatan, kegiatan_peserta and narasumber.

    Keys that join: organisasi.id = pengurus.organisasi_id = unsur.organisasi_id =
    kegiatan_peserta.organisasi_id; kegiatan.id = kegiatan_peserta.kegiatan_id =
    narasumber.kegiatan_id. Officers' telepon and email are exported only when the folder's
    wksbm.yaml says privasi: internal; such an export is readable by its owner only. Everything
    is written atomically; nothing is replaced without --force. CSV writes one file per table into
    a new folder, marked with a .wksbm-export file; --force replaces only a folder so marked.

    xlsx writes one sheet per table (frozen header, filters, dates as dates) and a README
    sheet; `wksbm import` of that workbook after edits writes back exactly the edited fields.

    Example: wksbm export --format sqlite --output wksbm.db
    """
    from rich.text import Text

    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.errors import WriteFailed
    from wksbm_cli.export import files as export_files
    from wksbm_cli.export.tables import build_tables, personal_fields
    from wksbm_cli.i18n import translate
    from wksbm_cli.render.safe import visible

    found = open_folder()
    parent = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(parent):  # said before the records are read, as the write would say
        raise WriteFailed(output, FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT)))
    result = check_folder(found.root, found.shown_root, found.config)
    personal = found.config.privasi == "internal"
    limit = found.config.ukuran_berkas_maks
    extra = (
        personal_fields(found.root, found.shown_root, result.organisations, limit)
        if personal
        else None
    )
    tables = build_tables(result.organisations, result.events, extra)
    if fmt is ExportFormat.sqlite:
        export_files.write_sqlite(output, tables, personal, force)
    elif fmt is ExportFormat.csv:
        export_files.write_csv(output, tables, personal, force, raw_csv)
    elif fmt is ExportFormat.xlsx:
        export_files.write_xlsx(output, tables, personal, force)
    else:
        export_files.write_json(output, tables, personal, force)
    shown = os.path.relpath(output).replace(os.sep, "/")
    err_console().print(Text(visible(translate("export.wrote", current_lang(), {"path": shown}))))
