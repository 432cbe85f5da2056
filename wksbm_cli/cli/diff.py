"""``wksbm diff GITREF`` (``perubahan``): what a change does to the records, as Markdown."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from wksbm_cli.cli.common import guarded, open_folder, write_out
from wksbm_cli.cli.options import against_tip_option, as_of_option


@guarded
def diff(
    ref: Annotated[str, typer.Argument(metavar="GITREF", help="The base to compare with.")],
    as_of: str | None = as_of_option("Judge both sides as of this day."),
    against_tip: bool = against_tip_option(
        "Compare with GITREF's tip instead of where this branch left it"
        " (git merge-base GITREF HEAD)."
    ),
) -> None:
    """Organisations and events added, changed, moved and removed since GITREF (matched by id),
    the problems fixed and introduced (matched by record id, rule and field path, so a moved
    file keeps its problems), and every rule a change of wksbm.yaml relaxes or tightens, as
    Markdown. The base is git merge-base GITREF HEAD (what this branch started from; changes
    made on GITREF later are not this branch's), or GITREF itself with --against-tip. When
    GITHUB_STEP_SUMMARY is set, the summary is also appended to that file, so it shows on the
    run's page.

    Example: wksbm diff origin/main
    """
    from wksbm_cli.check.results import Options
    from wksbm_cli.cli.output import context, text_of
    from wksbm_cli.core.dates import parse_as_of
    from wksbm_cli.figures.diff import diff_records

    folder = open_folder()  # first: its `bahasa` is the language of every message
    options = Options(as_of=parse_as_of(as_of))
    result = diff_records(folder.root, folder.shown_root, folder.config, ref, options, against_tip)
    text = text_of("diff", "markdown", result, context(folder))
    write_out(text)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        # GitHub's own file, shared by every step: appended to, never replaced.
        try:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            from wksbm_cli.errors import WksbmError

            raise WksbmError("diff.summary-failed", path=summary, reason=exc.strerror) from None
