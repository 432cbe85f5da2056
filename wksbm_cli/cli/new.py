"""``wksbm new`` (``baru``): a fresh record from options, or from prompts on a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated

import typer

from wksbm_cli.cli.common import current_lang, err_console, guarded, open_folder


class NewKind(StrEnum):
    organisasi = "organisasi"
    kegiatan = "kegiatan"


def _ask(
    interactive: bool, missing: list[str]
) -> Callable[[str, str | None, str | None], str | None]:
    """Returns a function that fills one value: the option's value, a prompt on a terminal, or
    (without one) notes the option as missing so that all of them are named together."""

    def fill(option: str, value: str | None, default: str | None = None) -> str | None:
        if value is not None and value.strip():
            return value.strip()
        if interactive:
            answer: str = typer.prompt(option.lstrip("-"), default=default)
            return answer.strip() or None
        missing.append(option)
        return None

    return fill


@guarded
def new(
    kind: Annotated[NewKind, typer.Argument(help="organisasi or kegiatan.")],
    record_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help="Record id = file name (kegiatan: a missing YYYY-MM-DD- prefix is added).",
        ),
    ] = None,
    nama: Annotated[str | None, typer.Option(help="organisasi: name.")] = None,
    jenis: Annotated[
        str | None,
        typer.Option(
            help="organisasi: wksbm|forum|lembaga (default wksbm); kegiatan: pelatihan|"
            "bimtek|penyuluhan|sosialisasi|rapat|lainnya."
        ),
    ] = None,
    tingkat: Annotated[
        str | None, typer.Option(help="organisasi: level it works at (default desa).")
    ] = None,
    kecamatan: Annotated[
        str | None, typer.Option("--kecamatan", "--kapanewon", help="organisasi: district.")
    ] = None,
    desa: Annotated[
        str | None, typer.Option("--desa", "--kalurahan", help="organisasi: village.")
    ] = None,
    folder: Annotated[
        str | None,
        typer.Option(help="organisasi: sub-folder of organisasi/ (default: the kecamatan)."),
    ] = None,
    judul: Annotated[str | None, typer.Option(help="kegiatan: title.")] = None,
    tanggal: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="kegiatan: first day.")
    ] = None,
    penyelenggara: Annotated[str | None, typer.Option(help="kegiatan: organiser.")] = None,
    interactive: Annotated[
        bool | None,
        typer.Option(
            "--interactive/--no-interactive",
            help="Prompt for missing values (default: only when stdin is a terminal).",
        ),
    ] = None,
) -> None:
    """Write a new record: organisasi/<kecamatan>/<ID>.yaml or kegiatan/<YYYY>/<ID>.yaml.

    The file starts with a `# yaml-language-server: $schema=...` line pointing at
    <records>/schemas/ (create it with `wksbm schema --output <records>/schemas`), then the
    required fields, then every optional field commented out with a hint. Missing required values
    are asked for on a terminal; without one the command exits 2 naming them. An existing file
    is never overwritten (exit 1).

    Example: wksbm new organisasi wksbm-ngudi-rahayu --nama "WKSBM Ngudi Rahayu"
    --kecamatan Depok --desa Condongcatur
    """
    from rich.text import Text

    from wksbm_cli.authoring import new_record as nr
    from wksbm_cli.cli.dates import parse_date
    from wksbm_cli.errors import WksbmError
    from wksbm_cli.i18n import translate
    from wksbm_cli.model.schema import JENIS_KEGIATAN
    from wksbm_cli.write import FileExists, atomic_write

    found = open_folder()
    lang = current_lang()
    tty = sys.stdin.isatty() if interactive is None else interactive
    missing: list[str] = []
    ask = _ask(tty, missing)
    org_only = {"--nama": nama, "--tingkat": tingkat, "--kecamatan": kecamatan}
    org_only.update({"--desa": desa, "--folder": folder})
    event_only = {"--judul": judul, "--tanggal": tanggal, "--penyelenggara": penyelenggara}
    wrong = [k for k, v in (event_only if kind is NewKind.organisasi else org_only).items() if v]
    if wrong:
        raise WksbmError(
            f"{', '.join(wrong)} bukan untuk {kind.value}",
            f"{', '.join(wrong)} do not apply to {kind.value}",
        )
    if kind is NewKind.organisasi:
        kind_jenis = nr.check_choice("--jenis", jenis or "wksbm", nr.JENIS_ORGANISASI)
        name = ask("--nama", nama, None)
        default_id = nr.slug(name) if name else None
        rid = ask("ID", record_id, default_id)
        level = nr.check_choice("--tingkat", tingkat, nr.TINGKAT_VALUES) if tingkat else None
        if kind_jenis == "wksbm" and level is None:
            level = nr.Labels.for_istilah(found.config.istilah).tingkat_desa
        kec = ask("--kecamatan", kecamatan, None) if kind_jenis == "wksbm" else kecamatan
        vil = desa
        if nr.needs_desa(kind_jenis, level):
            vil = ask("--desa", desa, None)
        _stop_if_missing(missing)
        assert name is not None and rid is not None
        org = nr.NewOrganisation(nr.check_id(rid), name, kind_jenis, level, kec, vil)
        target = nr.organisation_path(found.root, org, folder)
        text = nr.organisation_text(found.root, target, org, found.config.istilah)
    else:
        title = ask("--judul", judul, None)
        ev_jenis = ask("--jenis", jenis, "pelatihan")
        day_text = ask("--tanggal", tanggal, None)
        organiser = ask("--penyelenggara", penyelenggara, None)
        default_id = nr.slug(title) if title else None
        rid = ask("ID", record_id, default_id)
        _stop_if_missing(missing)
        assert title and ev_jenis and day_text and organiser and rid
        day = parse_date("--tanggal", day_text)
        event = nr.NewEvent(
            nr.event_id(rid, day),
            title,
            nr.check_choice("--jenis", ev_jenis, JENIS_KEGIATAN),
            day,
            organiser,
        )
        target = nr.event_path(found.root, event)
        text = nr.event_text(found.root, target, event, found.config.istilah)
    shown = os.path.relpath(target).replace(os.sep, "/")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        atomic_write(target, text)
    except FileExists:
        err_console().print(Text(translate("new.exists", lang, {"path": shown})))
        raise typer.Exit(1) from None
    err_console().print(Text(translate("new.wrote", lang, {"path": shown})))
    schema_file = os.path.join(found.root, nr.SCHEMA_FOLDER, f"{kind.value}.schema.json")
    if not os.path.exists(schema_file):
        schemas = os.path.relpath(os.path.join(found.root, nr.SCHEMA_FOLDER)).replace(os.sep, "/")
        err_console().print(Text(translate("new.no-schema", lang, {"folder": schemas})))


def _stop_if_missing(missing: list[str]) -> None:
    from wksbm_cli.errors import WksbmError

    if missing:
        names = ", ".join(missing)
        raise WksbmError(
            f"nilai wajib belum diberikan: {names} (tidak ada terminal untuk bertanya)",
            f"missing required values: {names} (no terminal to ask on)",
        )
