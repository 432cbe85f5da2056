"""``wksbm init [DIR]`` (``mulai``): a new records repository, ready for CI and pre-commit."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from wksbm_cli.cli.common import err_console, guarded, print_rich, set_lang, state

if TYPE_CHECKING:
    from wksbm_cli.errors import WksbmError
    from wksbm_cli.regions.kabupaten import Kabupaten


class Istilah(StrEnum):
    diy = "diy"
    nasional = "nasional"


class Bahasa(StrEnum):
    id = "id"
    en = "en"


DEFAULT_KABUPATEN = "Sleman"


@guarded
def init(
    folder: Annotated[str, typer.Argument(metavar="[DIR]", help="Where to create it.")] = ".",
    kode: Annotated[
        str | None,
        typer.Option(metavar="KODE", help="Kemendagri code of the kabupaten/kota, e.g. 32.01."),
    ] = None,
    kabupaten: Annotated[
        str | None, typer.Option(help="The kabupaten/kota by name (checked, did-you-mean).")
    ] = None,
    provinsi: Annotated[
        str | None, typer.Option(help="The province, to tell apart kabupaten of one name.")
    ] = None,
    istilah: Annotated[
        Istilah | None,
        typer.Option(
            help="Region terms: diy (Kapanewon/Kalurahan) or nasional (default: diy"
            " inside DIY, else nasional)."
        ),
    ] = None,
    bahasa: Annotated[Bahasa | None, typer.Option(help="Language of messages.")] = None,
    wksbm_source: Annotated[
        str | None,
        typer.Option(
            "--wksbm-source",
            metavar="URL@REV",
            help="Git repository and commit CI installs wksbm from (default: where this wksbm"
            " was installed from, when that is a git repository).",
        ),
    ] = None,
    interactive: Annotated[
        bool | None,
        typer.Option(
            "--interactive/--no-interactive",
            help="Ask for what is missing (default: only when stdin is a terminal).",
        ),
    ] = None,
) -> None:
    """Create a records folder for any kabupaten/kota of Indonesia: wksbm.yaml, organisasi/,
    kegiatan/, the editor schemas and VS Code settings, a README for contributors, a GitHub
    Actions workflow, a GitLab CI job, a pre-commit config and .gitignore. The province and the
    region terms follow from the kabupaten/kota. Existing files are never overwritten: they are
    skipped and listed. Asks for what is missing when run on a terminal; otherwise Sleman.

    CI installs wksbm from a git repository at a fixed commit, never a bare package name.

    Example: wksbm init wksbm-bogor --kode 32.01
    """
    from rich.text import Text

    from wksbm_cli.authoring.repository import source as src
    from wksbm_cli.authoring.repository.create import Answers, create
    from wksbm_cli.core.terms import terms
    from wksbm_cli.i18n import language_from_env, translate
    from wksbm_cli.render.safe import visible

    tty = sys.stdin.isatty() if interactive is None else interactive
    lang = state().lang or language_from_env(bahasa.value if bahasa else None)
    set_lang(lang)
    pinned = src.parse(wksbm_source) if wksbm_source else src.installed()
    kab = _choose(kode, kabupaten, provinsi, tty, lang)
    if istilah is None:
        istilah = Istilah.diy if kab.code.startswith("34.") else Istilah.nasional
    if bahasa is None:
        bahasa = (
            Bahasa(_ask(translate("init.ask-bahasa", lang), lang, [m.value for m in Bahasa]))
            if tty
            else Bahasa.id
        )
    lang = state().lang or language_from_env(bahasa.value)
    set_lang(lang)
    outcome = create(folder, Answers(kab, istilah.value, bahasa.value, pinned))
    words = terms(kab.code, istilah.value)
    text = Text()
    region = {"full": kab.full, "provinsi": kab.provinsi, "kode": kab.code}
    region.update({"kecamatan": words.kecamatan, "desa": words.desa})
    text.append(translate("init.region", lang, region) + "\n")
    for rel in outcome.created:
        text.append(translate("ci.init-created", lang, {"file": visible(rel)}) + "\n")
    for rel in outcome.skipped:
        text.append(translate("ci.init-skipped", lang, {"file": visible(rel)}) + "\n")
    text.append(translate("ci.init-next", lang, {"dir": visible(folder)}))
    print_rich(text)
    if pinned is None:
        note = translate("init.source-missing", lang, {"dir": visible(folder)})
        err_console().print(Text(note))
    else:
        args = {"url": visible(pinned.url), "rev": visible(pinned.rev)}
        err_console().print(Text(translate("init.source-pinned", lang, args)))
        if not pinned.pinned_to_commit:
            err_console().print(Text(translate("init.source-moving", lang, args)))


def _choose(
    kode: str | None, name: str | None, provinsi: str | None, tty: bool, lang: str
) -> Kabupaten:
    """The kabupaten/kota from --kode, --kabupaten (and --provinsi), or the terminal. On a
    terminal an unknown or two-way name is asked again; otherwise it stops (exit 2)."""
    from rich.text import Text

    from wksbm_cli.errors import WksbmError
    from wksbm_cli.i18n import translate
    from wksbm_cli.regions import kabupaten as kb

    if kode is not None:
        found = kb.by_code(kode)
        if found is None:
            _no_data_check()
            if kb.is_kabupaten_code(kode):  # well formed, but no kabupaten/kota has it
                raise WksbmError("init.kode-absent", kode=kode.strip(), prov=kode.strip()[:2])
            raise WksbmError("init.kode-unknown", kode=kode)
        if name is not None:
            named = kb.by_name(name, provinsi)
            if named is not None and found.code not in {k.code for k in named.matches}:
                raise WksbmError("init.kode-disagrees", kode=kode, found=found.full, name=name)
        return found
    if name is None and not tty:
        name = DEFAULT_KABUPATEN
    while True:
        if name is None:
            name = str(typer.prompt(translate("init.ask-kabupaten", lang), default=None)).strip()
            if kb.is_kabupaten_code(name):
                by_code = kb.by_code(name)
                if by_code is not None:
                    return by_code
        found_by = kb.by_name(name, provinsi)
        if found_by is None:
            raise WksbmError("init.no-data")
        if found_by.provinsi_unknown:
            error = WksbmError(
                "init.provinsi-unknown",
                name=provinsi,
                suggestion="`, `".join(found_by.provinsi_suggestions),
            )
            if not tty:
                raise error
            err_console().print(Text(error.message(lang)))
            provinsi = None
            continue
        if len(found_by.matches) == 1:
            return found_by.matches[0]
        if found_by.matches:
            if not tty:
                raise _ambiguous(name, found_by.matches)
            return _pick(found_by.matches, lang)
        where = f"Provinsi {provinsi}" if provinsi else "Indonesia"
        shown = "`, `".join(f"{k.full} ({k.code})" for k in found_by.suggestions)
        error = WksbmError("init.unknown", name=name, where=where, suggestion=shown)
        if not tty:
            raise error
        err_console().print(Text(error.message(lang)))
        name = None


def _pick(matches: list[Kabupaten], lang: str) -> Kabupaten:
    from wksbm_cli.i18n import translate

    choices = translate("init.or", lang).join(f"{k.full} ({k.code})" for k in matches)
    by_code = {k.code: k for k in matches}
    while True:
        answer = str(typer.prompt(translate("init.ask-which", lang, {"choices": choices}))).strip()
        if answer in by_code:
            return by_code[answer]
        for k in matches:
            if answer.casefold() == k.full.casefold():
                return k


def _ambiguous(name: str, matches: list[Kabupaten]) -> WksbmError:
    from wksbm_cli.errors import WksbmError
    from wksbm_cli.i18n import Joined

    return WksbmError(
        "init.ambiguous",
        name=name,
        choices=Joined(tuple(f"{k.full} ({k.code})" for k in matches), "init.or"),
        codes=Joined(tuple(k.code for k in matches), "init.or"),
    )


def _no_data_check() -> None:
    from wksbm_cli.errors import WksbmError
    from wksbm_cli.regions import reference

    if reference.data_dir() is None:
        raise WksbmError("init.no-data")


def _ask(question: str, default: str, allowed: list[str]) -> str:
    while True:
        answer = str(typer.prompt(question, default=default)).strip()
        if answer in allowed:
            return answer
