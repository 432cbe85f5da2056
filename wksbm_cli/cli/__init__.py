"""The command line: Typer commands that parse options and call the library, nothing more.

Command modules import the library inside their functions, so ``wksbm --help`` and
``--version`` stay cheap.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from wksbm_cli import __version__
from wksbm_cli.cli.baseline import baseline_app
from wksbm_cli.cli.common import ALIASES, State, WksbmGroup, cli_word, reset_state
from wksbm_cli.cli.completeness import completeness
from wksbm_cli.cli.diff import diff
from wksbm_cli.cli.export import export
from wksbm_cli.cli.init import init
from wksbm_cli.cli.list_records import list_records
from wksbm_cli.cli.new import new
from wksbm_cli.cli.pengurus import pengurus_app
from wksbm_cli.cli.peserta import peserta_app
from wksbm_cli.cli.report import report
from wksbm_cli.cli.rules import rules
from wksbm_cli.cli.schema import schema
from wksbm_cli.cli.show import show
from wksbm_cli.cli.sk import sk
from wksbm_cli.cli.status import status
from wksbm_cli.cli.summary import summary
from wksbm_cli.cli.validate import validate
from wksbm_cli.cli.wilayah import wilayah

app = typer.Typer(
    cls=WksbmGroup,
    name="wksbm",
    help="Check, summarise and report on the records of WKSBM organisations and their events.",
    no_args_is_help=True,
    add_completion=True,
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
    color: Annotated[
        str,
        typer.Option(
            "--color",
            metavar="auto|always|never",
            help="Colour: auto (only on a terminal, and not under NO_COLOR), always or never.",
        ),
    ] = "auto",
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Only the final count line and the exit code."),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            help="Show tracebacks of internal errors and the YAML parser's original messages."
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    if lang is not None and lang not in ("id", "en"):
        raise typer.BadParameter(cli_word("err.lang"), param_hint="--lang")
    if color not in ("auto", "always", "never"):
        raise typer.BadParameter(cli_word("err.color"), param_hint="--color")
    from wksbm_cli.i18n import show_parser_detail

    show_parser_detail(debug)
    reset_state(State(records=records, lang=lang, debug=debug, color=color, quiet=quiet))


COMMANDS: list[tuple[str, Any, str | None]] = [
    # (command, function, Indonesian alias)
    ("validate", validate, "periksa"),
    ("rules", rules, "aturan"),
    ("diff", diff, "perubahan"),
    ("init", init, "mulai"),
    ("completeness", completeness, "lengkap"),
    ("summary", summary, "ringkasan"),
    ("report", report, "laporan"),
    ("schema", schema, None),
    ("new", new, "baru"),
    ("list", list_records, "daftar"),
    ("show", show, "lihat"),
    ("sk", sk, "decree"),  # an English alias: the command's name is already Indonesian
    ("status", status, None),
    ("export", export, None),
    ("wilayah", wilayah, "region"),
]

for _name, _function, _alias in COMMANDS:
    app.command(_name)(_function)
    if _alias:
        # An alias is the same command under another name: same help, listed beside it.
        app.command(_alias, hidden=True)(_function)
        ALIASES[_alias] = _name

# CI integration
app.add_typer(baseline_app, name="baseline")
app.add_typer(baseline_app, name="acuan", hidden=True)
ALIASES["acuan"] = "baseline"

# everyday edits in place
app.add_typer(pengurus_app, name="pengurus")
app.add_typer(pengurus_app, name="officers", hidden=True)
ALIASES["officers"] = "pengurus"
app.add_typer(peserta_app, name="peserta")
app.add_typer(peserta_app, name="participants", hidden=True)
ALIASES["participants"] = "peserta"


def main() -> None:
    from wksbm_cli.cli.common import run

    run(app)
