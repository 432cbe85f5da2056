"""``wksbm validate`` (``periksa``): every check of every record; the exit code is the verdict."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from wksbm_cli.cli.common import err_console, guarded, open_folder, progress_bar
from wksbm_cli.cli.options import Format, against_tip_option, as_of_option, formats_of


@guarded
@formats_of("problems")
def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Only report on these files or folders (references still resolve"
            " against the whole records folder)."
        ),
    ] = None,
    fmt: Format = "text",
    strict: Annotated[bool, typer.Option(help="Warnings fail too (exit 1).")] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            help="Only these rules (ids, groups such as privacy, or globs such as"
            " 'missing-*'); repeatable or comma-separated."
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Skip these rules (same forms as --select).")
    ] = None,
    as_of: str | None = as_of_option(
        "Judge the records as of this day (SK expiry, active officers, waivers)."
    ),
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            metavar="GITREF",
            help="Only report on records added or changed since this branch left GITREF (git"
            " merge-base GITREF HEAD), and events naming an organisation changed or deleted"
            " since; ids and references still resolve against the whole folder.",
        ),
    ] = None,
    against_tip: bool = against_tip_option(
        "With --changed-since: compare with the ref's tip instead of where this"
        " branch left it (git merge-base GITREF HEAD)."
    ),
    trust_config_changes: Annotated[
        bool,
        typer.Option(
            "--trust-config-changes",
            help="With --changed-since: judge with the severities of the changed wksbm.yaml"
            " (by default a change is judged with the base revision's, so it cannot relax the"
            " rules it is judged by).",
        ),
    ] = False,
    baseline: Annotated[
        str | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="Leave out the problems recorded in this baseline (wksbm baseline write FILE).",
        ),
    ] = None,
    per_rule: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help="Only the number of problems per rule, most frequent first (like ruff"
            " --statistics).",
        ),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            envvar="WKSBM_NO_CACHE",
            help="Check every file afresh; neither read nor write .wksbm_cache/.",
        ),
    ] = False,
) -> None:
    """Check every record: file, YAML, schema, references, completeness and privacy.

    Exit 0: no error (warnings allowed unless --strict). 1: at least one error. 2: the command
    could not run (bad option, no records folder, broken wksbm.yaml). 3: internal error.

    Example: wksbm validate --format github
    """
    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.check.results import Options
    from wksbm_cli.cli.output import context, emit, for_people
    from wksbm_cli.core.dates import parse_as_of

    folder = open_folder()  # first: its `bahasa` is the language of every message
    day = parse_as_of(as_of)
    scope = tuple(_scope(folder.root, p) for p in paths or [])
    options = Options(
        select=tuple(select or ()),
        ignore=tuple(ignore or ()),
        as_of=day,
        paths=scope,
        use_cache=not no_cache,
        records=False,
        progress=progress_bar(for_people("problems", fmt)),
    )
    if changed_since is not None:
        from wksbm_cli.check.changed import check_changed

        result = check_changed(
            folder.root,
            folder.shown_root,
            folder.config,
            options,
            changed_since,
            against_tip=against_tip,
            trust_config=trust_config_changes,
        )
    else:
        result = check_folder(folder.root, folder.shown_root, folder.config, options)
    suppressed = 0
    if baseline is not None:
        from wksbm_cli.check import baseline as baselines

        filtered = baselines.apply(result.shown_root, result.problems, baselines.load(baseline))
        result.problems = filtered.problems
        suppressed = filtered.suppressed
    ctx = context(folder, "problems", fmt, per_rule=per_rule)
    emit("problems", fmt, result, ctx)
    if for_people("problems", fmt) and os.environ.get("GITHUB_ACTIONS") == "true":
        # In a GitHub Actions log, people's output also places annotations on the files.
        emit("problems", "github", result, context(folder, "problems", "github"))
    for key, args in result.notices:
        from wksbm_cli.i18n import translate

        err_console().print(_plain_text(translate(key, folder.lang, args)))
    if baseline is not None:
        from wksbm_cli.i18n import translate

        note = translate("ci.baseline-suppressed", folder.lang, {"n": suppressed, "file": baseline})
        err_console().print(_plain_text(note))
    counts = result.counts()
    failed = counts["error"] > 0 or (strict and counts["warning"] > 0)
    raise typer.Exit(1 if failed else 0)


def _scope(root: str, path: str) -> str:
    from wksbm_cli.errors import WksbmError

    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, root)
    if rel.startswith(".."):
        raise WksbmError("validate.outside", path=path, folder=os.path.relpath(root))
    if not os.path.lexists(absolute):
        raise WksbmError("validate.no-such-path", path=path)
    return "" if rel == "." else rel.replace(os.sep, "/")


def _plain_text(text: str) -> object:
    from rich.text import Text

    from wksbm_cli.render.safe import visible

    return Text(visible(text))
