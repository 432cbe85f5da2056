"""The command line: Typer commands that parse options and call the library, nothing more.

Command modules import the library inside their functions, so ``wksbm --help`` and
``--version`` stay cheap.
"""

from __future__ import annotations

from typing import Annotated

import typer

from wksbm_cli import __version__
from wksbm_cli.cli.baseline import baseline_app
from wksbm_cli.cli.common import State, WksbmGroup, reset_state
from wksbm_cli.cli.completeness import completeness
from wksbm_cli.cli.diff import diff
from wksbm_cli.cli.export import export
from wksbm_cli.cli.init import init
from wksbm_cli.cli.list_records import list_records
from wksbm_cli.cli.new import new
from wksbm_cli.cli.report import report
from wksbm_cli.cli.rules import rules
from wksbm_cli.cli.schema import schema
from wksbm_cli.cli.show import show
from wksbm_cli.cli.summary import summary
from wksbm_cli.cli.validate import validate
from wksbm_cli.cli.wilayah import wilayah

app = typer.Typer(
    cls=WksbmGroup,
    name="wksbm",
    help="Check, summarise and report on the records of WKSBM organisations and their events."
    " / Periksa, ringkas, dan laporkan catatan WKSBM dan kegiatannya.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wksbm {__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    records: Annotated[
        str | None,
        typer.Option(
            "--records",
            envvar="WKSBM_RECORDS",
            metavar="PATH",
            help="The records folder (default: the nearest folder upward holding"
            " wksbm.yaml, else ./records).",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar="WKSBM_LANG",
            metavar="id|en",
            help="Language of messages (default: config's bahasa, else the locale).",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks of internal errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    if lang is not None and lang not in ("id", "en"):
        raise typer.BadParameter("use id or en", param_hint="--lang")
    reset_state(State(records=records, lang=lang, debug=debug))


app.command("validate")(validate)
app.command("periksa", hidden=True, help="Alias of validate.")(validate)
app.command("rules")(rules)
app.command("aturan", hidden=True, help="Alias of rules.")(rules)

# CI integration
app.add_typer(baseline_app, name="baseline")
app.add_typer(baseline_app, name="acuan", hidden=True, help="Alias of baseline.")
app.command("diff")(diff)
app.command("perubahan", hidden=True, help="Alias of diff.")(diff)
app.command("init")(init)
app.command("mulai", hidden=True, help="Alias of init.")(init)
app.command("completeness")(completeness)
app.command("lengkap", hidden=True, help="Alias of completeness.")(completeness)
app.command("summary")(summary)
app.command("ringkasan", hidden=True, help="Alias of summary.")(summary)
app.command("report")(report)
app.command("laporan", hidden=True, help="Alias of report (--tahun = --year).")(report)
app.command("schema")(schema)
app.command("new")(new)
app.command("baru", hidden=True, help="Alias of new.")(new)
app.command("list")(list_records)
app.command("daftar", hidden=True, help="Alias of list.")(list_records)
app.command("show")(show)
app.command("lihat", hidden=True, help="Alias of show.")(show)
app.command("export")(export)
app.command("wilayah")(wilayah)
app.command("region", hidden=True, help="Alias of wilayah.")(wilayah)


def main() -> None:
    from wksbm_cli.cli.common import run

    run(app)
