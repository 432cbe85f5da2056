"""From the renderer registry to the user: the one way a command's output is drawn and written.

A command builds its data, then calls :func:`emit` with its subject and the chosen format; the
registry (``render/registry.py``) picks the renderer, and what it returns decides the way out:
text is written byte-exact, a rich renderable is drawn for a terminal (plain in a pipe or a
file), bytes go only to a file. With ``--output`` everything is written atomically and a line on
stderr says where. No command branches on its format.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from wksbm_cli.cli.common import current_lang, err_console, print_rich, state, write_out

if TYPE_CHECKING:
    from wksbm_cli.cli.common import Folder
    from wksbm_cli.render.context import Context


def for_people(subject: str, fmt: str) -> bool:
    """True for the formats drawn for a person at a terminal (a progress bar may show)."""
    from wksbm_cli.render.registry import renderer

    return renderer(subject, fmt).kind == "people"


def context(folder: Folder | None, subject: str = "", fmt: str = "", **choices: Any) -> Context:
    """The run's presentation choices: the folder's language and words, ``--quiet``, and what
    only the CLI may look up (environment, git) when the renderer needs it."""
    from wksbm_cli.render.context import Context
    from wksbm_cli.render.registry import renderer

    if folder is not None:
        choices.setdefault("lang", folder.lang)
        choices.setdefault("config", folder.config)
        choices.setdefault("shown_root", folder.shown_root)
    else:
        choices.setdefault("lang", current_lang())
    choices.setdefault("quiet", state().quiet)
    choices.setdefault("browser", os.environ.get("WKSBM_BROWSER", "").strip())
    if subject and renderer(subject, fmt).repo_paths and "repo_root" not in choices:
        choices["repo_root"] = repository_root()
    return Context(**choices)


def repository_root() -> str | None:
    """Where CI annotations' paths start: ``GITHUB_WORKSPACE``, else the git work tree."""
    from wksbm_cli.load.git import repository_root as find

    return find(os.getcwd(), os.environ.get("GITHUB_WORKSPACE") or None)


def prepare(subject: str, fmt: str, ctx: Context, output: str | None, force: bool) -> None:
    """Before any work, refuse what cannot end well (exit 2): an existing FILE without
    ``--force``, a binary format without ``--output``, and what the renderer's own check
    refuses (PDF: no browser)."""
    from wksbm_cli.errors import WksbmError
    from wksbm_cli.render.registry import renderer, resolve
    from wksbm_cli.write import FileExists

    if output is not None and not force and os.path.lexists(output):
        raise FileExists(output)
    chosen = renderer(subject, fmt)
    if chosen.kind == "bytes" and output is None:
        raise WksbmError("out.needs-output", format=fmt)
    if chosen.check is not None:
        resolve(chosen.check)(ctx)


def text_of(subject: str, fmt: str, data: Any, ctx: Context) -> str:
    """The text a text renderer returns, for a command that writes it somewhere else too."""
    from wksbm_cli.render.registry import render

    drawn = render(subject, fmt, data, ctx)
    if not isinstance(drawn, str):
        raise TypeError(f"{subject} {fmt} does not render to text")
    return drawn


def emit(
    subject: str,
    fmt: str,
    data: Any,
    ctx: Context,
    output: str | None = None,
    force: bool = False,
) -> None:
    """Render ``data`` and write it: to stdout, or atomically to ``output``."""
    from wksbm_cli.render.registry import render

    drawn = render(subject, fmt, data, ctx)
    if drawn is None:
        return
    if output is None:
        if isinstance(drawn, str):
            write_out(drawn)
        elif isinstance(drawn, bytes):  # prepare() refuses this; a renderer's slip, not a user's
            raise TypeError(f"{subject} {fmt} is binary and needs a file")
        else:
            print_rich(drawn)
        return
    from rich.text import Text

    from wksbm_cli.i18n import translate
    from wksbm_cli.render.plain import plain_text
    from wksbm_cli.render.safe import visible
    from wksbm_cli.write import atomic_write

    if not isinstance(drawn, (str, bytes)):
        drawn = plain_text(drawn)
    atomic_write(output, drawn, force=force)
    err_console().print(Text(visible(translate("rep.written", ctx.lang, {"path": output}))))
