"""What every command shares: global state, the one error handler, consoles, the records folder.

All failures become exit codes here and nowhere else: 2 for a command that cannot run as asked
(``WksbmError``, bad options; a failed write, to a file or to stdout, is ``WriteFailed``), 3 for a
bug (``InternalError`` or anything unexpected, one line; ``--debug`` shows the traceback). No
input ever ends in a bare traceback.
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from typer.core import TyperGroup

from wksbm_cli.errors import InternalError, WksbmError, WriteFailed

if TYPE_CHECKING:
    from rich.console import Console

    from wksbm_cli.model.records import Config

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class State:
    records: str | None = None
    lang: str | None = None
    debug: bool = False


_LANG: list[str] = []


_STATE = [State()]


def reset_state(new: State) -> None:
    """Called by the global callback on every invocation (tests run many in one process)."""
    _STATE[0] = new
    _LANG.clear()


def state() -> State:
    return _STATE[0]


GLOBAL_VALUE_OPTIONS = ("--records", "--lang")
GLOBAL_FLAGS = ("--debug", "--no-debug")


def hoist_global_options(args: list[str]) -> list[str]:
    """Move global options written after the command name (``wksbm validate --records X``,
    where people tend to type them) in front of it, so every command accepts them alike."""
    front: list[str] = []
    rest: list[str] = []
    seen_command = False
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest.extend(args[index:])
            break
        name = arg.split("=", 1)[0]
        if seen_command and name in GLOBAL_VALUE_OPTIONS:
            if "=" in arg or index + 1 >= len(args):
                front.append(arg)
            else:
                front.extend(args[index : index + 2])
                index += 1
        elif seen_command and arg in GLOBAL_FLAGS:
            front.append(arg)
        else:
            if not arg.startswith("-") and not seen_command and not _is_value(args, index):
                seen_command = True
            rest.append(arg)
        index += 1
    return front + rest


def _is_value(args: list[str], index: int) -> bool:
    """True when ``args[index]`` is the value of a global option before the command."""
    return index > 0 and args[index - 1] in GLOBAL_VALUE_OPTIONS


class WksbmGroup(TyperGroup):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(list(args)))


def guarded(fn: F) -> F:
    """Turns every failure of a command into one line and the contract's exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        st = state()
        lang = st.lang or "en"
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except WksbmError as exc:
            if isinstance(exc, WriteFailed) and exc.path is None:
                _silence_stdout()
            if not getattr(exc, "quiet", False):
                err_console().print(_plain(f"wksbm: {exc.message(current_lang())}"))
            raise typer.Exit(2) from None
        except InternalError as exc:
            if st.debug:
                traceback.print_exception(exc.original)
            err_console().print(_plain(_internal_line(exc.stage, exc.original, lang)))
            raise typer.Exit(3) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:
            if st.debug:
                traceback.print_exception(exc)
            err_console().print(_plain(_internal_line("wksbm", exc, lang)))
            raise typer.Exit(3) from None

    return wrapper  # type: ignore[return-value]


def _silence_stdout() -> None:
    """After stdout failed (a closed pipe, /dev/full), what is left in its buffer must not fail
    again when Python flushes it at exit (a second message and exit code 120)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _internal_line(stage: str, exc: BaseException, lang: str) -> str:
    detail = f"{type(exc).__name__}: {exc}"[:200]
    if current_lang() == "id":
        return f"wksbm: kesalahan internal di {stage}: {detail} (laporkan; --debug untuk jejak)"
    return f"wksbm: internal error in {stage}: {detail} (please report; --debug shows the trace)"


def set_lang(lang: str) -> None:
    _LANG[:] = [lang]


def current_lang() -> str:
    if _LANG:
        return _LANG[0]
    st = state()
    if st.lang:
        return st.lang
    from wksbm_cli.i18n import language_from_env

    return language_from_env(None)


def _plain(text: str) -> Any:
    from rich.text import Text

    from wksbm_cli.render.safe import visible

    return Text(visible(text))


def out_console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, emoji=False)


def err_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


@dataclass
class Folder:
    root: str
    shown_root: str
    config: Config
    lang: str


def open_folder() -> Folder:
    """Find the records folder, read its config and settle the language (option, env, config,
    locale): the start of every command that reads records."""
    from wksbm_cli.i18n import language_from_env
    from wksbm_cli.load.config import find_root, load_config

    st = state()
    set_lang(st.lang or language_from_env(None))
    explicit = st.records or os.environ.get("WKSBM_RECORDS") or None
    root = find_root(explicit)
    shown_root = os.path.relpath(root).replace(os.sep, "/")
    config = load_config(root, shown_root)
    lang = st.lang or language_from_env(config.bahasa)
    set_lang(lang)
    return Folder(root, shown_root, config, lang)


def _without_boxes(renderable: Any) -> None:
    """Piped output has no box drawing (CLI contract): tables keep aligned columns only."""
    from rich.console import Group
    from rich.table import Table

    if isinstance(renderable, Table):
        renderable.box = None
        renderable.show_edge = False
        for column in renderable.columns:
            for cell in column._cells:
                _without_boxes(cell)
    elif isinstance(renderable, Group):
        for child in renderable.renderables:
            _without_boxes(child)


def print_rich(renderable: Any) -> None:
    """Print for people. Piped output gets no colour, no boxes and no trailing padding."""
    console = out_console()
    try:
        if console.is_terminal:
            console.print(renderable)
            return
        _without_boxes(renderable)
        with console.capture() as captured:  # rich flushes stdout when the capture ends
            console.print(renderable)
    except OSError as exc:
        raise WriteFailed(None, exc) from exc
    write_out("\n".join(line.rstrip() for line in captured.get().split("\n")))


def run(app: Callable[[], Any]) -> None:
    """The program's entry: stdout failing outside a command (``--help``, ``--version`` into
    /dev/full or a closed pipe) ends like a failing command, exit 2 and at most one line."""
    try:
        app()
    except OSError as exc:
        failed = WriteFailed(None, exc)
        _silence_stdout()
        if not failed.quiet:
            err_console().print(_plain(f"wksbm: {failed.message(current_lang())}"))
        raise SystemExit(2) from None


def write_out(text: str) -> None:
    """Machine formats go to stdout byte-exact, without rich's wrapping or markup. Every write to
    stdout ends here, so a closed pipe or a full disk is handled once (exit 2)."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        raise WriteFailed(None, exc) from exc
