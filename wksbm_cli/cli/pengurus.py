"""``wksbm pengurus ganti|tambah|akhiri`` (English: ``officers replace|add|end``): officers
edited in place, keeping the file's comments and layout."""

from __future__ import annotations

from typing import Annotated

import typer

from wksbm_cli.cli.common import WksbmGroup, guarded, open_folder
from wksbm_cli.cli.edit_common import AS_OF
from wksbm_cli.cli.options import DryRun, Format, formats_of

pengurus_app = typer.Typer(
    cls=WksbmGroup,
    help="Edit an organisation's officers in place (keeps comments and layout).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

RecordId = Annotated[str, typer.Argument(metavar="ID", help="Id of the organisation.")]
Jabatan = Annotated[
    str | None,
    typer.Option(
        "--jabatan", metavar="ROLE", help="Position: ketua, sekretaris, bendahara, seksi, ..."
    ),
]
Nama = Annotated[str | None, typer.Option("--nama", metavar="NAME", help="The officer's name.")]
Mulai = Annotated[
    str | None,
    typer.Option(
        "--mulai", metavar="YYYY-MM-DD", help="First day in office (default: the --as-of day)."
    ),
]
Bidang = Annotated[str | None, typer.Option("--bidang", help="Field of work (for seksi).")]
Telepon = Annotated[
    str | None,
    typer.Option(
        "--telepon",
        help="Personal phone: only in a folder with privasi: internal (refused in a public one).",
    ),
]
Email = Annotated[
    str | None,
    typer.Option(
        "--email",
        help="Personal e-mail: only in a folder with privasi: internal (refused in a public one).",
    ),
]
Catatan = Annotated[str | None, typer.Option("--catatan", help="A note on this officer.")]
Alasan = Annotated[
    str | None,
    typer.Option("--alasan", help="Why the term ended; added to the officer's catatan."),
]


def _need(option: str, value: str | None) -> str:
    from wksbm_cli.errors import WksbmError

    if value is None or not value.strip():
        raise WksbmError("option.required", option=option)
    return value.strip()


@guarded
@formats_of("edit")
def ganti(
    record_id: RecordId,
    jabatan: Jabatan = None,
    nama: Nama = None,
    mulai: Mulai = None,
    sampai: Annotated[
        str | None,
        typer.Option(
            "--sampai",
            "--selesai",
            metavar="YYYY-MM-DD",
            help="Last day of the current holder (default: the day before --mulai).",
        ),
    ] = None,
    alasan: Alasan = None,
    bidang: Bidang = None,
    telepon: Telepon = None,
    email: Email = None,
    catatan: Catatan = None,
    dry_run: DryRun = False,
    fmt: Format = "text",
    as_of: str | None = AS_OF,
) -> None:
    """Replace the holder of a position: the current holder's term ends the day before
    --mulai (selesai), and the new holder is added from --mulai.

    A position several people hold at once (seksi, anggota) is refused: end one with
    `pengurus akhiri`, add with `pengurus tambah`. Exit 2 when the edit is refused; the file is
    then unchanged.

    Example: wksbm pengurus ganti wksbm-sido-rukun --jabatan ketua --nama "Siti Aminah"
    --mulai 2026-02-01
    """
    from wksbm_cli.authoring.edit import operations as ops
    from wksbm_cli.authoring.edit.session import conclude, open_record
    from wksbm_cli.authoring.edit.splice import Editor
    from wksbm_cli.cli import edit_common as ec

    found = open_folder()
    today = ec.effective(as_of)
    start = ec.day("--mulai", mulai, today)
    role, name = _need("--jabatan", jabatan), _need("--nama", nama)
    target = open_record(found.root, found.shown_root, found.config, record_id, today, "organisasi")
    ed = Editor(target.text)
    notes = ops.Notes()
    ops.replace_officer(
        ed,
        role,
        name,
        start,
        notes,
        sampai=ec.day("--sampai", sampai, start) if sampai else None,
        alasan=ec.text_value(alasan),
        bidang=ec.text_value(bidang),
        telepon=ec.text_value(telepon),
        email=ec.text_value(email),
        catatan=ec.text_value(catatan),
    )
    ec.show(conclude(target, ed, "pengurus ganti", notes, dry_run=dry_run), fmt, found)


@guarded
@formats_of("edit")
def tambah(
    record_id: RecordId,
    jabatan: Jabatan = None,
    nama: Nama = None,
    mulai: Mulai = None,
    sampai: Annotated[
        str | None,
        typer.Option(
            "--sampai",
            "--selesai",
            metavar="YYYY-MM-DD",
            help="End of the term when it is already fixed (written as selesai).",
        ),
    ] = None,
    bidang: Bidang = None,
    telepon: Telepon = None,
    email: Email = None,
    catatan: Catatan = None,
    dry_run: DryRun = False,
    fmt: Format = "text",
    as_of: str | None = AS_OF,
) -> None:
    """Add an officer (from --mulai, default the --as-of day). A second active ketua is refused:
    use `pengurus ganti`.

    Example: wksbm pengurus tambah wksbm-sido-rukun --jabatan bendahara --nama "Sri Lestari"
    """
    from wksbm_cli.authoring.edit import operations as ops
    from wksbm_cli.authoring.edit.session import conclude, open_record
    from wksbm_cli.authoring.edit.splice import Editor
    from wksbm_cli.cli import edit_common as ec

    found = open_folder()
    today = ec.effective(as_of)
    start = ec.day("--mulai", mulai, today)
    role, name = _need("--jabatan", jabatan), _need("--nama", nama)
    target = open_record(found.root, found.shown_root, found.config, record_id, today, "organisasi")
    ed = Editor(target.text)
    notes = ops.Notes()
    ops.add_officer(
        ed,
        role,
        name,
        start,
        bidang=ec.text_value(bidang),
        selesai=ec.day("--sampai", sampai, start) if sampai else None,
        telepon=ec.text_value(telepon),
        email=ec.text_value(email),
        catatan=ec.text_value(catatan),
        notes=notes,
    )
    ec.show(conclude(target, ed, "pengurus tambah", notes, dry_run=dry_run), fmt, found)


@guarded
@formats_of("edit")
def akhiri(
    record_id: RecordId,
    jabatan: Jabatan = None,
    nama: Nama = None,
    sampai: Annotated[
        str | None,
        typer.Option(
            "--sampai",
            "--selesai",
            metavar="YYYY-MM-DD",
            help="Last day in office, written as selesai (default: the day before --as-of).",
        ),
    ] = None,
    alasan: Alasan = None,
    dry_run: DryRun = False,
    fmt: Format = "text",
    as_of: str | None = AS_OF,
) -> None:
    """End an officer's term: sets selesai. Name the officer by --jabatan, --nama or both; the
    officer must be active on the --as-of day.

    Example: wksbm pengurus akhiri wksbm-sido-rukun --jabatan sekretaris --sampai 2026-01-31
    --alasan "mengundurkan diri"
    """
    import datetime as dt

    from wksbm_cli.authoring.edit import operations as ops
    from wksbm_cli.authoring.edit.session import conclude, open_record
    from wksbm_cli.authoring.edit.splice import Editor
    from wksbm_cli.cli import edit_common as ec
    from wksbm_cli.errors import WksbmError

    found = open_folder()
    today = ec.effective(as_of)
    last = ec.day("--sampai", sampai, today - dt.timedelta(days=1))
    if jabatan is None and nama is None:
        raise WksbmError("pengurus.which")
    target = open_record(found.root, found.shown_root, found.config, record_id, today, "organisasi")
    ed = Editor(target.text)
    notes = ops.Notes()
    index = ops.find_officer(ed, jabatan, ec.text_value(nama), min(today, last))
    ops.end_officer(ed, index, last, ec.text_value(alasan), notes)
    ec.show(conclude(target, ed, "pengurus akhiri", notes, dry_run=dry_run), fmt, found)


pengurus_app.command("ganti")(ganti)
pengurus_app.command("replace", hidden=True)(ganti)
pengurus_app.command("tambah")(tambah)
pengurus_app.command("add", hidden=True)(tambah)
pengurus_app.command("akhiri")(akhiri)
pengurus_app.command("end", hidden=True)(akhiri)
