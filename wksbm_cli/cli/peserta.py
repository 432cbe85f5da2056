"""``wksbm peserta tambah EVENT-ID ORG-ID...`` (English: ``participants add``): organisations
added to an event's ``peserta.organisasi``."""

from __future__ import annotations

from typing import Annotated

import typer

from wksbm_cli.cli.common import WksbmGroup, guarded, open_folder
from wksbm_cli.cli.edit_common import AS_OF
from wksbm_cli.cli.options import DryRun, Format, formats_of

peserta_app = typer.Typer(
    cls=WksbmGroup,
    help="Edit an event's participants in place (keeps comments and layout).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


@guarded
@formats_of("edit")
def tambah(
    event_id: Annotated[str, typer.Argument(metavar="EVENT-ID", help="Id of the event.")],
    org_ids: Annotated[
        list[str], typer.Argument(metavar="ORG-ID...", help="Ids of the organisations.")
    ],
    dry_run: DryRun = False,
    fmt: Format = "text",
    as_of: str | None = AS_OF,
) -> None:
    """Add organisations to an event's participants (peserta.organisasi). An unknown id is
    refused with a "did you mean"; an id already listed is skipped. Shows each added
    organisation's completeness before -> after (its last training counts).

    Example: wksbm peserta tambah 2025-06-17-pelatihan-manajemen-organisasi-wksbm-depok
    wksbm-sido-rukun
    """
    from wksbm_cli.authoring.edit import operations as ops
    from wksbm_cli.authoring.edit.session import conclude, open_record
    from wksbm_cli.authoring.edit.splice import Editor
    from wksbm_cli.cli import edit_common as ec

    found = open_folder()
    today = ec.effective(as_of)
    target = open_record(found.root, found.shown_root, found.config, event_id, today, "kegiatan")
    ed = Editor(target.text)
    notes = ops.Notes()
    known = [o.id for o in target.before.organisations if o.id]
    wanted = [i.strip() for i in org_ids if i.strip()]
    added = ops.add_participants(ed, wanted, known, notes)
    report = conclude(target, ed, "peserta tambah", notes, dry_run=dry_run, scored=added)
    ec.show(report, fmt, found)


peserta_app.command("tambah")(tambah)
peserta_app.command("add", hidden=True)(tambah)
