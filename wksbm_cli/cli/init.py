"""``wksbm init [DIR]`` (``mulai``): a new records repository, ready for CI and pre-commit."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from wksbm_cli.cli.common import guarded, print_rich, set_lang, state


class Istilah(StrEnum):
    diy = "diy"
    nasional = "nasional"


class Bahasa(StrEnum):
    id = "id"
    en = "en"


DEFAULTS = {"kabupaten": "Sleman", "provinsi": "Daerah Istimewa Yogyakarta"}


@guarded
def init(
    folder: Annotated[str, typer.Argument(metavar="[DIR]", help="Where to create it.")] = ".",
    kabupaten: Annotated[str | None, typer.Option(help="The kabupaten/kota.")] = None,
    provinsi: Annotated[str | None, typer.Option(help="The province.")] = None,
    istilah: Annotated[
        Istilah | None,
        typer.Option(help="Region terms: diy (Kapanewon/Kalurahan) or nasional."),
    ] = None,
    bahasa: Annotated[Bahasa | None, typer.Option(help="Language of messages.")] = None,
) -> None:
    """Create a records folder: wksbm.yaml, organisasi/, kegiatan/, a README for contributors,
    a GitHub Actions workflow, a GitLab CI job, a pre-commit config and .gitignore. Existing
    files are never overwritten: they are skipped and listed. Asks for what is missing when run
    on a terminal; otherwise uses defaults (Sleman, DIY, istilah diy, bahasa id).

    Example: wksbm init wksbm-bantul --kabupaten Bantul --istilah diy
    """
    from rich.text import Text

    from wksbm_cli.i18n import language_from_env, translate
    from wksbm_cli.render.safe import visible
    from wksbm_cli.scaffold.create import Answers, create

    interactive = sys.stdin.isatty()
    if kabupaten is None:
        kabupaten = (
            typer.prompt("Kabupaten/kota", default=DEFAULTS["kabupaten"])
            if interactive
            else DEFAULTS["kabupaten"]
        )
    if provinsi is None:
        provinsi = (
            typer.prompt("Provinsi", default=DEFAULTS["provinsi"])
            if interactive
            else DEFAULTS["provinsi"]
        )
    if istilah is None:
        istilah = (
            Istilah(_ask("Istilah (diy|nasional)", "diy", [m.value for m in Istilah]))
            if interactive
            else Istilah.diy
        )
    if bahasa is None:
        bahasa = (
            Bahasa(_ask("Bahasa (id|en)", "id", [m.value for m in Bahasa]))
            if interactive
            else Bahasa.id
        )
    lang = state().lang or language_from_env(bahasa.value)
    set_lang(lang)
    outcome = create(folder, Answers(kabupaten, provinsi, istilah.value, bahasa.value))
    text = Text()
    for rel in outcome.created:
        text.append(translate("ci.init-created", lang, {"file": visible(rel)}) + "\n")
    for rel in outcome.skipped:
        text.append(translate("ci.init-skipped", lang, {"file": visible(rel)}) + "\n")
    text.append(translate("ci.init-next", lang, {"dir": visible(folder)}))
    print_rich(text)


def _ask(question: str, default: str, allowed: list[str]) -> str:
    while True:
        answer = str(typer.prompt(question, default=default)).strip()
        if answer in allowed:
            return answer
