"""``wksbm status ID aktif|vakum|bubar``: an organisation's status, since when and why."""

from __future__ import annotations

from typing import Annotated

import typer

from wksbm_cli.cli.common import guarded, open_folder
from wksbm_cli.cli.edit_common import AS_OF
from wksbm_cli.cli.options import DryRun, Format, formats_of
from wksbm_cli.core.vocabulary import STATUSES, Status


@guarded
@formats_of("edit")
def status(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="Id of the organisation.")],
    new_status: Annotated[Status, typer.Argument(metavar="|".join(STATUSES), help="New status.")],
    sejak: Annotated[
        str | None,
        typer.Option(
            "--sejak",
            metavar="YYYY-MM-DD",
            help="Since when (written as status_sejak; default: the --as-of day).",
        ),
    ] = None,
    alasan: Annotated[
        str | None, typer.Option("--alasan", help="Why (written as status_alasan).")
    ] = None,
    dry_run: DryRun = False,
    fmt: Format = "text",
    as_of: str | None = AS_OF,
) -> None:
    """Change an organisation's status. Writes status, status_sejak and (with --alasan)
    status_alasan; a reason left from the previous status is removed.

    Example: wksbm status wksbm-sido-rukun vakum --sejak 2026-01-15 --alasan "pengurus belum
    dipilih ulang"
    """
    from wksbm_cli.authoring.edit import operations as ops
    from wksbm_cli.authoring.edit.session import conclude, open_record
    from wksbm_cli.authoring.edit.splice import Editor
    from wksbm_cli.cli import edit_common as ec

    found = open_folder()
    today = ec.effective(as_of)
    since = ec.day("--sejak", sejak, today)
    target = open_record(found.root, found.shown_root, found.config, record_id, today, "organisasi")
    ed = Editor(target.text)
    notes = ops.Notes()
    ops.set_status(ed, new_status.value, since, ec.text_value(alasan), notes)
    ec.show(conclude(target, ed, "status", notes, dry_run=dry_run), fmt, found)
