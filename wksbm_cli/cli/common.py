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
from typer.core import TyperCommand, TyperGroup

from wksbm_cli.cli import quick_params
from wksbm_cli.cli.click_api import (
    Abort,
    ClickException,
    Context,
    HelpFormatter,
    NoArgsIsHelpError,
)
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
    color: str = "auto"
    quiet: bool = False


_LANG: list[str] = []


_STATE = [State()]


def reset_state(new: State) -> None:
    """Called by the global callback on every invocation (tests run many in one process)."""
    _STATE[0] = new
    _LANG.clear()


def state() -> State:
    return _STATE[0]


GLOBAL_VALUE_OPTIONS = ("--records", "--lang", "--color")
GLOBAL_FLAGS = ("--debug", "--no-debug", "--quiet", "-q")


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


# ---------------------------------------------------------------------------------------------
# One language per run, help and usage errors included
# ---------------------------------------------------------------------------------------------

_ARGV: list[list[str]] = [[]]
_UI_LANG: list[str] = []


def ui_lang() -> str:
    """The language of the run's own words (help pages, usage errors), settled like the
    messages' (``--lang``, ``WKSBM_LANG``, the config's ``bahasa``, the locale) but before any
    option is parsed, and without reading YAML (``--help`` stays lean)."""
    if _LANG:
        return _LANG[0]
    if state().lang:
        return str(state().lang)
    if not _UI_LANG:
        _UI_LANG.append(_scan_lang(_ARGV[0]))
    return _UI_LANG[0]


def _option_value(args: list[str], name: str) -> str | None:
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _scan_lang(args: list[str]) -> str:
    from wksbm_cli.i18n import LANGS, language_from_env

    given = (_option_value(args, "--lang") or "").strip().lower()
    if given in LANGS:
        return given
    records = _option_value(args, "--records") or os.environ.get("WKSBM_RECORDS") or None
    return language_from_env(_peek_bahasa(records))


def _peek_bahasa(records: str | None) -> str | None:
    """The config's ``bahasa`` by a line scan of wksbm.yaml: a top-level ``bahasa: id`` is all
    help needs, and a broken config is reported by the command itself, not by ``--help``."""
    import re

    here = os.getcwd()
    candidates = [os.path.join(records, "wksbm.yaml")] if records else []
    if not records:
        folder = here
        while True:
            candidates.append(os.path.join(folder, "wksbm.yaml"))
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        candidates.append(os.path.join(here, "records", "wksbm.yaml"))
    for path in candidates:
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                text = handle.read(65536)
        except OSError:
            continue
        found = re.search(r"^bahasa:[ \t]*[\"']?(id|en)\b", text, re.MULTILINE)
        return found.group(1) if found else None
    return None


def cli_word(key: str, **args: Any) -> str:
    from wksbm_cli.i18n import translate

    return translate(f"cli.{key}", ui_lang(), args)


def localise_error(message: str) -> str:
    """Click's and Typer's English usage errors in the run's language (and without pydantic's
    "Value error," prefix in either)."""
    import re

    text = message.replace("Value error, ", "")
    rules: list[tuple[str, Callable[[re.Match[str]], str]]] = [
        (
            r"No such option: (\S+)(?: Did you mean (\S+?)\?)?(?: \(Possible options: (.*)\))?$",
            lambda m: (
                cli_word("err.no-such-option", name=m[1])
                + (cli_word("err.did-you-mean", suggestion=m[2]) if m[2] else "")
                + (cli_word("err.possible", options=m[3]) if m[3] else "")
            ),
        ),
        (
            r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)$",
            lambda m: cli_word("err.extra-args", args=m[1]),
        ),
        (
            r"Missing (argument|option|parameter):? '?([^'.]*)'?\.?(?:\s*Choose from:\s*(.*))?$",
            lambda m: (
                cli_word(f"err.missing-{m[1]}", name=m[2])
                + (cli_word("err.choose-from", choices=re.sub(r",\s+", ", ", m[3])) if m[3] else "")
            ),
        ),
        (
            r"Option '([^']*)' requires (?:an argument|(\d+) arguments)\.$",
            lambda m: cli_word("err.requires-value", name=m[1]),
        ),
        (
            r"Option '([^']*)' does not take a value\.$",
            lambda m: cli_word("err.no-value", name=m[1]),
        ),
        (
            r"No such command '([^']*)'\.(?: Did you mean (.*)\?)?$",
            lambda m: (
                cli_word("err.no-such-command", name=m[1])
                + (cli_word("err.did-you-mean", suggestion=m[2]) if m[2] else "")
            ),
        ),
        (r"Missing command\.$", lambda m: cli_word("err.missing-command")),
        (
            r"Invalid value for (.+?): (.*)$",
            lambda m: cli_word("err.invalid-value", hint=m[1], detail=_value_detail(m[2])),
        ),
        (r"Invalid value: (.*)$", lambda m: _value_detail(m[1])),
    ]
    for pattern, build in rules:
        found = re.match(pattern, text, re.DOTALL)
        if found:
            return build(found)
    return text


def _value_detail(text: str) -> str:
    import re

    found = re.match(r"(.*) is not one of (.*)\.$", text, re.DOTALL)
    if found:
        return cli_word("err.not-one-of", value=found[1], choices=found[2])
    if text.startswith("Input should be a valid integer"):
        return cli_word("err.not-integer")
    return text


def _localise_usage(usage: str) -> str:
    return (
        usage.replace("Usage:", cli_word("usage"), 1)
        .replace("[OPTIONS]", cli_word("options-metavar"))
        .replace("COMMAND [ARGS]...", cli_word("command-metavar"))
    )


def localise_command(command: Any, path: str) -> None:
    """Make a command's help readable in the run's language: Indonesian help from the catalog
    (the English stays in the definitions), human metavars instead of ``<str>``, no word cut
    inside ``a|b|c``. Applied when the help page is drawn, to every command a group hands out,
    so a command added later is covered without touching its module."""
    from wksbm_cli.i18n.help_id import HELP

    lang = ui_lang()
    if getattr(command, "_wksbm_localised", None) == lang:
        return
    command._wksbm_localised = lang
    if lang == "id":
        text = HELP.get(path)
        if text is not None:
            if path == "completeness":
                from wksbm_cli.figures.completeness import definition

                text = text.replace("{definition}", "\n\n".join(definition("id")))
            command.help = text
            command.short_help = None
    for param in command.params:
        key = f"{path}.{param_key(param)}"
        if lang == "id" and key in HELP:
            param.help = HELP[key]
        if getattr(param, "help", None):
            param.help = _unbreakable_choices(param.help)
        _human_metavar(param)


def param_key(param: Any) -> str:
    """An option by its first long name (``--format``), an argument by its name."""
    longs = [o for o in getattr(param, "opts", ()) if o.startswith("--")]
    return longs[0] if longs else str(param.name)


def _unbreakable_choices(text: str) -> str:
    import re

    # "pelatihan|bimtek|penyuluhan" is one long word to a text wrapper: it would be cut inside
    # a word ("penyuluha / n"). Spaces around the bars let it wrap between the choices.
    return re.sub(r"(?<=\w)\|(?=\w)", " | ", text)


def _human_metavar(param: Any) -> None:
    if param.metavar is not None or getattr(param, "is_flag", False):
        return
    choices = getattr(getattr(param, "type", None), "choices", None)
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None and getattr(descriptor, "is_choice", False):
        choices = descriptor.choices
    if choices:
        param.metavar = "|".join(str(getattr(c, "value", c)) for c in choices)
    elif param.param_type_name == "argument":
        param.metavar = str(param.name).upper()
    else:
        name = param_key(param).lstrip("-").replace("-", "_").upper()
        param.metavar = name


def _localise_tree(command: Any, path: str) -> Any:
    """Give a sub-command our classes (so its help page and errors speak the run's language)."""
    if isinstance(command, TyperGroup) and not isinstance(command, WksbmGroup):
        command.__class__ = WksbmGroup
    elif isinstance(command, TyperCommand) and not isinstance(command, WksbmCommand):
        command.__class__ = WksbmCommand
    command._wksbm_path = path
    quick_params.install(command)
    return command


class WksbmFormatter(HelpFormatter):
    """Click's help formatter with our words for its headings and fixed phrases."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", cli_word("options-metavar")).replace(
            "COMMAND [ARGS]...", cli_word("command-metavar")
        )
        super().write_usage(prog, args, prefix=cli_word("usage") + " ")

    def section(self, name: str) -> Any:
        return super().section(cli_word(f"section.{name}"))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        import re

        words = {
            "[default: ": "[" + cli_word("default") + ": ",
            "[env var: ": "[" + cli_word("env-var") + ": ",
            "[required]": "[" + cli_word("required") + "]",
            "Show this message and exit.": cli_word("help-option"),
        }
        out = []
        for first, second in rows:
            # Typer adds the Python type (``<str>``, ``<list[str]>``) after an argument's name.
            first = re.sub(r" <[^<>]*>$", "", first)
            for english, ours in words.items():
                second = second.replace(english, ours)
            second = re.sub(r"\[" + re.escape(cli_word("default")) + r": no-[\w-]+\]", "", second)
            out.append((first, second.strip()))
        super().write_dl(out, col_max=col_max, col_spacing=col_spacing)


class WksbmContext(Context):
    formatter_class = WksbmFormatter


class WksbmCommand(TyperCommand):
    context_class = WksbmContext

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            quick_params.install_one(option)
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        localise_command(self, getattr(self, "_wksbm_path", self.name or ""))
        super().format_help(ctx, formatter)

    def get_usage(self, ctx: Any) -> str:
        localise_command(self, getattr(self, "_wksbm_path", self.name or ""))
        return _localise_usage(super().get_usage(ctx))


ALIASES: dict[str, str] = {}  # alias -> command, filled where the commands are registered


class WksbmGroup(TyperGroup):
    context_class = WksbmContext

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            quick_params.install_one(option)
        return option

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(list(args)))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is None:
            return None
        base = getattr(self, "_wksbm_path", "")
        name = ALIASES.get(cmd_name, cmd_name) if not base else cmd_name
        return _localise_tree(command, f"{base} {name}".strip())

    def get_usage(self, ctx: Any) -> str:
        return _localise_usage(super().get_usage(ctx))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        localise_command(self, getattr(self, "_wksbm_path", ""))
        super().format_help(ctx, formatter)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Every command with its aliases (``validate, periksa``), its help in the run's
        language."""
        aliases: dict[str, list[str]] = {}
        if not getattr(self, "_wksbm_path", ""):
            for alias, command in ALIASES.items():
                aliases.setdefault(command, []).append(alias)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            localise_command(command, command._wksbm_path)
            rows.append((", ".join([name, *aliases.get(name, [])]), command))
        if rows:
            limit = formatter.width - 6 - max(len(label) for label, _ in rows)
            with formatter.section("Commands"):
                formatter.write_dl([(label, c.get_short_help_str(limit)) for label, c in rows])

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Click's main, with usage errors shown in the run's language."""
        reset_state(State())
        quick_params.install(self)
        from wksbm_cli.i18n import show_parser_detail

        show_parser_detail(False)
        argv = kwargs.get("args", args[0] if args else None)
        _ARGV[0] = list(sys.argv[1:] if argv is None else argv)
        _UI_LANG.clear()
        standalone = kwargs.pop("standalone_mode", True)
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except NoArgsIsHelpError as exc:
            if not standalone:
                raise
            exc.show()
            sys.exit(exc.exit_code)
        except ClickException as exc:
            if not standalone:
                raise
            _show_error(exc)
            sys.exit(exc.exit_code)
        except Abort:
            if not standalone:
                raise
            sys.stderr.write(cli_word("aborted") + "\n")
            sys.exit(1)
        if not standalone:
            return result
        sys.exit(result if isinstance(result, int) else 0)


def _show_error(exc: Any) -> None:
    ctx = getattr(exc, "ctx", None)
    lines = []
    if ctx is not None:
        lines.append(_localise_usage(ctx.get_usage()))
        if ctx.command.get_help_option(ctx) is not None:
            command = f"{ctx.command_path} {ctx.help_option_names[0]}"
            lines.append(cli_word("try", command=command))
        lines.append("")
    lines.append(f"{cli_word('error')}: {localise_error(exc.format_message())}")
    sys.stderr.write(_visible("\n".join(lines)) + "\n")
    sys.stderr.flush()


def _visible(text: str) -> str:
    from wksbm_cli.render.safe import visible

    return "\n".join(visible(line) for line in text.split("\n"))


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


def _colour() -> dict[str, Any]:
    """``--color never`` drops colour (boxes stay on a terminal); ``--color always`` draws for
    a terminal even in a pipe; ``auto`` leaves it to the terminal and ``NO_COLOR``."""
    choice = state().color
    if choice == "never":
        return {"color_system": None}
    if choice == "always":
        return {"force_terminal": True}
    return {}


def out_console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, emoji=False, **_colour())


def err_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True, emoji=False, **_colour())


@dataclass
class Folder:
    root: str
    shown_root: str
    config: Config
    lang: str


def open_folder() -> Folder:
    """Find the records folder, read its config and settle the language (option, env, config,
    locale): the start of every command that reads records."""
    from wksbm_cli.check.policy import load_config
    from wksbm_cli.i18n import language_from_env
    from wksbm_cli.model.config import find_root

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
    from rich.padding import Padding
    from rich.table import Table

    if hasattr(renderable, "boxed"):  # FitTable, Dashboard: they draw boxes only when asked
        renderable.boxed = False
    elif isinstance(renderable, Padding):
        _without_boxes(renderable.renderable)
    elif isinstance(renderable, Table):
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
    crop = not getattr(renderable, "fits_width", False)  # laid out to the width already
    try:
        if console.is_terminal:
            console.print(renderable, crop=crop)
            return
        _without_boxes(renderable)
        with console.capture() as captured:  # rich flushes stdout when the capture ends
            console.print(renderable, crop=crop)
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


# ---------------------------------------------------------------------------------------------
# Progress of long runs
# ---------------------------------------------------------------------------------------------

PROGRESS_MIN_FILES = 300


def progress_bar(wanted: bool = True) -> Callable[[int, int], None] | None:
    """A callback for the library's ``Options.progress`` that draws files checked / total, the
    rate and the time left on stderr, for runs of more than a few hundred files; ``None`` (no
    bar at all) unless stderr is a terminal, outside CI, in a people's format, not ``--quiet``.
    The bar removes itself when the last file is done."""
    if not wanted or state().quiet or os.environ.get("CI"):
        return None
    console = err_console()
    if not console.is_terminal:
        return None
    live: list[Any] = []

    def update(done: int, total: int) -> None:
        if total < PROGRESS_MIN_FILES:
            return
        if not live:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            bar = Progress(
                TextColumn(cli_word("progress.checking")),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn(cli_word("progress.files")),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            task = bar.add_task("", total=total, rate="")
            bar.start()
            live.extend([bar, task])
        bar, task = live[0], live[1]
        speed = bar.tasks[0].speed
        rate = cli_word("progress.rate", rate=f"{speed:.0f}") if speed else ""
        bar.update(task, completed=done, total=total, rate=rate, refresh=True)
        if done >= total:
            bar.stop()

    return update
