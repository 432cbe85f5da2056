"""The options several commands share, each declared once: its names, short form and metavar,
and its help where the meaning is the same everywhere.

``--format`` takes its choices from the renderer registry: a command declares
``fmt: Format = "text"`` and ``@formats_of("<subject>")``, so a format added to the registry is
offered (and listed by ``--help``, completed by the shell, named in the usage error) by every
command drawing that subject. The choices are a click Choice on the parameter, so a generator
of docs reads them off the Typer app like any other.

``--as-of`` and ``--output`` mean a little different things per command, so their help is given
where they are used; the spelling is here. Their Indonesian help is keyed per command in
``wksbm_cli/i18n/help_id.py`` (``"<command>.--as-of"``), like every option's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar, cast

import typer

from wksbm_cli.render.registry import formats

F = TypeVar("F", bound=Callable[..., Any])

FORMAT_HELP = "Output format."
Format = Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)]


def formats_of(subject: str, parameter: str = "fmt") -> Callable[[F], F]:
    """Make ``parameter`` (declared ``Format``) a choice among the registry's formats of
    ``subject``: its annotation becomes ``Literal[<formats>]`` at run time, from which Typer
    builds the choices. Static checkers keep seeing ``str``."""

    def decorate(function: F) -> F:
        choices = cast(Any, Literal)[formats(subject)]
        # A new OptionInfo each time: ``Annotated`` caches by equality, and two Literals of the
        # same formats in another order are equal, so a shared one would hand back the first
        # command's order.
        option = typer.Option("--format", "-f", help=FORMAT_HELP)
        function.__annotations__[parameter] = Annotated[choices, option]
        return function

    return decorate


def as_of_option(help: str, *aliases: str) -> Any:
    """``--as-of YYYY-MM-DD`` (``--tanggal`` too for the editing commands): the day the records
    are judged as of. Parsed by :mod:`wksbm_cli.core.dates` in the command, after the folder's
    language is known."""
    return typer.Option(None, "--as-of", *aliases, metavar="YYYY-MM-DD", help=help)


def output_option(help: str, metavar: str = "FILE", required: bool = False) -> Any:
    """``--output``/``-o``: where to write instead of stdout (written atomically)."""
    return typer.Option(... if required else None, "--output", "-o", metavar=metavar, help=help)


def kecamatan_option(help: str, metavar: str | None = None) -> Any:
    """``--kecamatan`` (``--kapanewon`` in DIY's words): only the records of one kecamatan."""
    return typer.Option(None, "--kecamatan", "--kapanewon", metavar=metavar, help=help)


def against_tip_option(help: str) -> Any:
    """``--against-tip``: compare with a ref's tip rather than the merge base."""
    return typer.Option(False, "--against-tip", help=help)


# Flags whose meaning is the same wherever they appear.
RawCsv = Annotated[
    bool,
    typer.Option(
        "--raw-csv",
        help="CSV cells exactly as recorded, for scripts (by default a cell starting with"
        " = + - @ gets a ' in front, so that a spreadsheet cannot run it as a formula).",
    ),
]
DryRun = Annotated[
    bool,
    typer.Option("--dry-run", help="Show the change as a unified diff; write nothing."),
]
