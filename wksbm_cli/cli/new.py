"""``wksbm new`` (``baru``): a fresh record from options, or from prompts on a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, TypeVar

import typer

from wksbm_cli.cli.common import current_lang, err_console, guarded, open_folder

T = TypeVar("T")


class NewKind(StrEnum):
    organisasi = "organisasi"
    kegiatan = "kegiatan"


class _Asker:
    """Fills one value at a time: from its option (checked; an error names that option), else
    from a prompt on a terminal that asks again at once after a wrong answer, else notes the
    option as missing so that all of them are named together."""

    def __init__(self, tty: bool, lang: str) -> None:
        self.tty = tty
        self.lang = lang
        self.missing: list[str] = []

    def __call__(
        self,
        given: tuple[str, str | None],
        question: str,
        check: Callable[[str, str], T],
        default: str | None = None,
        label: str | None = None,
    ) -> T | None:
        from wksbm_cli.errors import WksbmError

        option, value = given
        if value is not None and value.strip():
            try:
                return check(value.strip(), option)
            except WksbmError as exc:
                if not self.tty:
                    raise
                self._say(exc)
        if not self.tty:
            self.missing.append(option)
            return None
        while True:
            answer = str(typer.prompt(question, default=default)).strip()
            if not answer:
                continue
            try:
                return check(answer, label or question.split(" (")[0])
            except WksbmError as exc:
                self._say(exc)

    def _say(self, exc: Exception) -> None:
        from rich.text import Text

        from wksbm_cli.errors import WksbmError

        text = exc.message(self.lang) if isinstance(exc, WksbmError) else str(exc)
        err_console().print(Text(f"wksbm: {text}"))


def _one_of(options: dict[str, str | None], default: str) -> tuple[str, str | None]:
    """The one option of a group of synonyms (--kecamatan/--kapanewon...) that was given, so
    that a message names the option the user typed."""
    from wksbm_cli.errors import WksbmError

    given = [(k, v) for k, v in options.items() if v is not None]
    if len(given) > 1:
        raise WksbmError("new.only-one", options=", ".join(k for k, _ in given))
    return given[0] if given else (default, None)


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
        str | None, typer.Option("--kecamatan", help="organisasi: district (official name).")
    ] = None,
    kapanewon: Annotated[str | None, typer.Option(help="Same as --kecamatan (DIY).")] = None,
    kemantren: Annotated[
        str | None, typer.Option(help="Same as --kecamatan (Kota Yogyakarta).")
    ] = None,
    distrik: Annotated[str | None, typer.Option(help="Same as --kecamatan (Papua).")] = None,
    desa: Annotated[
        str | None, typer.Option("--desa", help="organisasi: village (official name).")
    ] = None,
    kalurahan: Annotated[str | None, typer.Option(help="Same as --desa (DIY).")] = None,
    kelurahan: Annotated[str | None, typer.Option(help="Same as --desa (a kelurahan).")] = None,
    kampung: Annotated[str | None, typer.Option(help="Same as --desa (Papua).")] = None,
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

    Region names are checked against the official list of the folder's kabupaten/kota before
    anything is written: a misspelt name gets "did you mean", a desa of another kecamatan says
    where it is (exit 2). The file starts with a `# yaml-language-server: $schema=...` line
    pointing at <records>/schemas/ (written by `wksbm init`), then the required fields, then
    every optional field commented out with a hint. Missing values are asked for on a terminal,
    in the folder's language and region terms, a wrong answer asked again at once; without a
    terminal the command exits 2 naming them. An existing file is never overwritten (exit 1).

    Example: wksbm new organisasi wksbm-ngudi-rahayu --nama "WKSBM Ngudi Rahayu"
    --kecamatan Depok --desa Condongcatur
    """
    from rich.text import Text

    from wksbm_cli.authoring import new_record as nr
    from wksbm_cli.authoring import region_choice as regions
    from wksbm_cli.core.dates import parse_date
    from wksbm_cli.core.terms import full_name, terms
    from wksbm_cli.errors import WksbmError
    from wksbm_cli.i18n import translate
    from wksbm_cli.model.schema import JENIS_KEGIATAN
    from wksbm_cli.regions.lookup import scope
    from wksbm_cli.write import FileExists, atomic_write

    found = open_folder()
    lang = current_lang()
    config = found.config
    words = terms(config.wilayah.kode or scope(config), config.istilah)
    ask = _Asker(sys.stdin.isatty() if interactive is None else interactive, lang)

    def t(key: str, **args: object) -> str:
        return translate(key, lang, args)

    kec_given = _one_of(
        {"--kecamatan": kecamatan, "--kapanewon": kapanewon, "--kemantren": kemantren}
        | {"--distrik": distrik},
        f"--{words.kecamatan.lower()}",
    )
    desa_given = _one_of(
        {"--desa": desa, "--kalurahan": kalurahan, "--kelurahan": kelurahan, "--kampung": kampung},
        f"--{words.desa.lower()}",
    )
    org_only = {"--nama": nama, "--tingkat": tingkat, kec_given[0]: kec_given[1]}
    org_only.update({desa_given[0]: desa_given[1], "--folder": folder})
    event_only = {"--judul": judul, "--tanggal": tanggal, "--penyelenggara": penyelenggara}
    wrong = [k for k, v in (event_only if kind is NewKind.organisasi else org_only).items() if v]
    if wrong:
        raise WksbmError("new.wrong-options", options=", ".join(wrong), kind=kind.value)
    if kind is NewKind.organisasi:
        kind_jenis = nr.check_choice("--jenis", jenis or "wksbm", nr.JENIS_ORGANISASI)
        name = ask(("--nama", nama), t("new.ask.nama"), lambda v, o: v)
        rid = ask(
            ("ID", record_id),
            t("new.ask.id"),
            lambda v, o: nr.check_id(v),
            nr.slug(name) if name else None,
        )
        level = nr.check_choice("--tingkat", tingkat, nr.TINGKAT_VALUES) if tingkat else None
        if kind_jenis == "wksbm" and level is None:
            level = words.tingkat_desa
        kec: regions.Checked | None = None
        if kind_jenis == "wksbm" or kec_given[1]:
            kec = ask(
                kec_given,
                t("new.ask.kecamatan", label=words.kecamatan),
                lambda v, o: regions.kecamatan(v, config, o),
            )
        vil: regions.Checked | None = None
        if nr.needs_desa(kind_jenis, level) or desa_given[1]:
            parent = (
                full_name(kec.code, kec.name, config.istilah)
                if kec is not None and kec.code
                else f"{words.kecamatan} {kec.name}"
                if kec is not None
                else ""
            )
            kec_code = kec.code if kec is not None else None
            vil = ask(
                desa_given,
                t("new.ask.desa", label=words.desa, parent=parent).strip(),
                lambda v, o: regions.desa(v, kec_code, config, o),
                label=words.desa,
            )
        _stop_if_missing(ask.missing)
        assert name is not None and rid is not None
        org = nr.NewOrganisation(
            rid,
            name,
            kind_jenis,
            level,
            kec.name if kec else None,
            vil.name if vil else None,
            (vil.code if vil else None) or (kec.code if kec else None),
        )
        target = nr.organisation_path(found.root, org, folder)
        text = nr.organisation_text(found.root, target, org, words)
    else:
        title = ask(("--judul", judul), t("new.ask.judul"), lambda v, o: v)
        ev_jenis = ask(
            ("--jenis", jenis),
            t("new.ask.jenis", choices=", ".join(JENIS_KEGIATAN)),
            lambda v, o: nr.check_choice(o, v, JENIS_KEGIATAN),
            "pelatihan",
        )
        day = ask(("--tanggal", tanggal), t("new.ask.tanggal"), lambda v, o: parse_date(o, v))
        organiser = ask(("--penyelenggara", penyelenggara), t("new.ask.penyelenggara"), _same)
        rid = ask(
            ("ID", record_id),
            t("new.ask.id"),
            lambda v, o: nr.event_id(v, day) if day else nr.check_id(v),
            nr.slug(title) if title else None,
        )
        _stop_if_missing(ask.missing)
        assert title and ev_jenis and day and organiser and rid
        event = nr.NewEvent(rid, title, ev_jenis, day, organiser)
        target = nr.event_path(found.root, event)
        text = nr.event_text(found.root, target, event, words)
    nr.check_id_unused(found.root, kind.value, target)
    shown = os.path.relpath(target).replace(os.sep, "/")
    try:
        atomic_write(target, text, beneath=found.root)  # no link followed below the root
    except FileExists:
        err_console().print(Text(translate("new.exists", lang, {"path": shown})))
        raise typer.Exit(1) from None
    err_console().print(Text(translate("new.wrote", lang, {"path": shown})))
    schema_file = os.path.join(found.root, nr.SCHEMA_FOLDER, f"{kind.value}.schema.json")
    if not os.path.exists(schema_file):
        schemas = os.path.relpath(os.path.join(found.root, nr.SCHEMA_FOLDER)).replace(os.sep, "/")
        err_console().print(Text(translate("new.no-schema", lang, {"folder": schemas})))


def _same(value: str, option: str) -> str:
    return value


def _stop_if_missing(missing: list[str]) -> None:
    from wksbm_cli.errors import WksbmError

    if missing:
        raise WksbmError("new.missing-values", options=", ".join(missing))
