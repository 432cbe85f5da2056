"""``wksbm sk ID`` (English alias ``decree``): record a new SK, keeping the old one in
``sk_riwayat``."""

from __future__ import annotations

from typing import Annotated

import typer

from wksbm_cli.cli.common import guarded, open_folder
from wksbm_cli.cli.options import DryRun, Format, as_of_option, formats_of


@guarded
@formats_of("edit")
def sk(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="Id of the organisation.")],
    nomor: Annotated[str | None, typer.Option("--nomor", help="The SK's number.")] = None,
    tanggal: Annotated[
        str | None, typer.Option("--tanggal", metavar="YYYY-MM-DD", help="The SK's date.")
    ] = None,
    berlaku_sampai: Annotated[
        str | None,
        typer.Option("--berlaku-sampai", metavar="YYYY-MM-DD", help="Last day the SK is in force."),
    ] = None,
    penerbit: Annotated[
        str | None, typer.Option("--penerbit", help="Who issued it, e.g. Lurah Condongcatur.")
    ] = None,
    dry_run: DryRun = False,
    fmt: Format = "text",
    as_of: str | None = as_of_option(
        "The day the record is judged on (default: today). Here --tanggal is the SK's date."
    ),
) -> None:
    """Record a new SK (surat keputusan). The current sk moves to the end of sk_riwayat, so
    the history stays in the record; an SK with the same number, or older than the current one,
    is refused.

    Example: wksbm sk wksbm-sido-rukun --nomor "07/KEP.LRH/2026" --tanggal 2026-02-10
    --berlaku-sampai 2029-02-10 --penerbit "Lurah Condongcatur"
    """
    from wksbm_cli.authoring.edit import operations as ops
    from wksbm_cli.authoring.edit.session import conclude, open_record
    from wksbm_cli.authoring.edit.splice import Editor
    from wksbm_cli.cli import edit_common as ec
    from wksbm_cli.errors import WksbmError

    found = open_folder()
    today = ec.effective(as_of)
    if not nomor or not nomor.strip() or tanggal is None:
        raise WksbmError("sk.required")
    date = ec.day("--tanggal", tanggal, today)
    until = ec.day("--berlaku-sampai", berlaku_sampai, today) if berlaku_sampai else None
    target = open_record(found.root, found.shown_root, found.config, record_id, today, "organisasi")
    ed = Editor(target.text)
    notes = ops.Notes()
    ops.record_sk(ed, nomor.strip(), date, until, ec.text_value(penerbit), notes)
    ec.show(conclude(target, ed, "sk", notes, dry_run=dry_run), fmt, found)
