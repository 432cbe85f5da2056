"""``wksbm baseline write FILE`` (``acuan``): today's problems, for ``validate --baseline``."""

from __future__ import annotations

from typing import Annotated

import typer

from wksbm_cli.cli.common import err_console, guarded, open_folder

baseline_app = typer.Typer(
    help="Record today's problems so that CI fails only on new ones.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


@baseline_app.command("write")
@guarded
def write(
    file: Annotated[str, typer.Argument(metavar="FILE", help="Where to write the baseline.")],
    force: Annotated[bool, typer.Option(help="Replace FILE if it exists.")] = False,
) -> None:
    """Write every current (unwaived) problem to FILE, keyed by record id, rule and field path
    (not line or file, so moves and edits elsewhere keep old problems old).

    Example: wksbm baseline write .wksbm-baseline.json, then in CI:
    wksbm validate --baseline .wksbm-baseline.json
    """
    from rich.text import Text

    from wksbm_cli.check.baseline import count_keys, dump
    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.check.results import Options
    from wksbm_cli.i18n import translate
    from wksbm_cli.render.safe import visible
    from wksbm_cli.write import atomic_write

    folder = open_folder()
    result = check_folder(folder.root, folder.shown_root, folder.config, Options(records=False))
    atomic_write(file, dump(result.shown_root, result.problems), force=force)
    n = sum(count_keys(result.shown_root, result.problems).values())
    note = translate("ci.baseline-written", folder.lang, {"n": n, "file": file})
    err_console().print(Text(visible(note)))
