"""``wksbm import`` (``impor``): organisations from the Excel, ODS or CSV lists a Dinas keeps."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wksbm_cli.cli.common import current_lang, err_console, guarded, open_folder
from wksbm_cli.cli.options import Format, formats_of

if TYPE_CHECKING:
    from wksbm_cli.authoring.importing.plan import Mapping_


@guarded
@formats_of("import")
def import_file(
    path: Annotated[str, typer.Argument(metavar="FILE", help=".xlsx, .xls, .ods or .csv")],
    sheet: Annotated[
        str, typer.Option("--sheet", metavar="NAME|all", help="The sheet to read (default all).")
    ] = "all",
    mapping: Annotated[
        str | None,
        typer.Option("--mapping", metavar="FILE", help="Column names -> fields (YAML)."),
    ] = None,
    write_mapping: Annotated[
        str | None,
        typer.Option(
            "--write-mapping",
            metavar="FILE",
            help="Draft a mapping file from the sheet's headers, to edit; import nothing.",
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the plan; write nothing.")] = (
        False
    ),
    update: Annotated[
        bool, typer.Option("--update", help="Also write changed fields of existing records.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help="List every row, the unchanged ones too (text; JSON always lists them all).",
        ),
    ] = False,
    fmt: Format = "text",
) -> None:
    """Import organisations from a spreadsheet: new rows become new records, rows of existing
    records (same id, else same name and kalurahan) update only the fields that differ.

    The header row is found below any title block; columns are recognised by their usual names
    (Nama WKSBM, Desa/Kel., Kecamatan, Ketua, No. HP, SK Nomor, Tgl SK, legalitas_wksbm, ...).
    Without --update a changed field is only reported; unchanged rows are counted, and listed
    with --verbose (or when they carry a note). Rows that cannot become a valid record
    are listed with sheet, row and reason, and written nowhere; the exit status is then 1.
    Phone numbers and e-mails are imported only when wksbm.yaml says privasi: internal.
    Every sheet of `wksbm export --format xlsx` comes back: officers, unsur and speakers by
    record id and urutan, events by id, participants by the pair; a deleted row deletes nothing.

    Example: wksbm import data-wksbm-2025.xlsx --dry-run
    """
    from rich.text import Text

    from wksbm_cli.authoring.importing import plan as pl
    from wksbm_cli.authoring.importing.readers import read_sheets
    from wksbm_cli.cli.output import context, emit
    from wksbm_cli.i18n import translate
    from wksbm_cli.render.figures.import_out import ImportRun

    found = open_folder()
    lang = current_lang()
    columns = _load_mapping(mapping) if mapping else pl.Mapping_()
    sheets = read_sheets(path, sheet)
    if write_mapping:
        _draft(write_mapping, sheets, columns)
        shown = os.path.relpath(write_mapping).replace(os.sep, "/")
        err_console().print(Text(translate("import.mapping-wrote", lang, {"path": shown})))
        return
    folder = pl.Folder(found.root, found.shown_root, found.config)
    plan = pl.build(folder, sheets, columns, os.path.basename(path), dt.date.today())
    if not dry_run:
        pl.apply(folder, plan, update)
    emit("import", fmt, ImportRun(plan, dry_run, update, verbose), context(found))
    if plan.count("rejected") or plan.count("ambiguous"):
        raise typer.Exit(1)


def _load_mapping(path: str) -> Mapping_:
    import yaml

    from wksbm_cli.authoring.importing.headers import FIELDS, IGNORE
    from wksbm_cli.authoring.importing.plan import Mapping_
    from wksbm_cli.core.suggest import did_you_mean
    from wksbm_cli.errors import WksbmError
    from wksbm_cli.i18n import Message

    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise WksbmError("import.mapping-unreadable", file=path, reason=reason) from None
    if not isinstance(data, dict):
        data = {}
    raw = data.get("kolom", data.get("columns")) or {}
    out = Mapping_()
    row = data.get("baris_header", data.get("header_row"))
    if isinstance(row, int) and row > 0:
        out.header_row = row
    if not isinstance(raw, dict):
        raise WksbmError("import.mapping-not-mapping", file=path)
    for header, name in raw.items():
        target = IGNORE if name in (None, "", "-") else str(name)
        if target not in (*FIELDS, IGNORE):
            hint = did_you_mean(target, (*FIELDS, IGNORE))
            raise WksbmError(
                "import.mapping-unknown-field",
                file=path,
                header=header,
                field=target,
                maybe=Message("import.mapping-maybe", {"name": hint}) if hint else "",
            )
        out.columns[str(header)] = target
    return out


def _draft(path: str, sheets: list[Any], columns: Mapping_) -> None:
    from wksbm_cli.authoring.importing.headers import FIELDS, IGNORE, find_header
    from wksbm_cli.authoring.new_record import scalar
    from wksbm_cli.errors import WksbmError
    from wksbm_cli.write import FileExists, atomic_write

    lines = [
        "# Pemetaan kolom untuk `wksbm import --mapping` / column mapping.",
        f"# Ruas / fields: {', '.join(FIELDS)}; `{IGNORE}` = lewati / skip.",
        "kolom:",
    ]
    seen: set[str] = set()
    row = None
    for sheet in sheets:
        header = find_header(sheet, columns.columns or None, columns.header_row)
        if header is None:
            continue
        row = row or header.row + 1
        known = {header.texts[c]: f for c, f in header.columns.items()}
        known.update({t: IGNORE for t in header.ignored})
        for text, name in known.items():
            if text not in seen:
                seen.add(text)
                lines.append(f"  {scalar(text)}: {name}")
        for _, text, hint in header.unknown:
            if text not in seen:
                seen.add(text)
                note = f"  # {hint}?" if hint else ""
                lines.append(f"  {scalar(text)}: {IGNORE}  # ?{note}")
    if row:  # every sheet's header is found again on its own; this forces one row for all
        lines.append(f"# baris_header: {row}  # baris judul kolom / header row, all sheets")
    try:
        atomic_write(path, "\n".join(lines) + "\n")
    except FileExists:
        raise WksbmError("import.mapping-exists", file=path) from None
