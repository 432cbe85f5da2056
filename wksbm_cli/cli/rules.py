"""``wksbm rules`` (``aturan``): the rule table, for people and for the generated docs."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from wksbm_cli.cli.common import current_lang, guarded, print_rich, write_out


class RulesFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@guarded
def rules(
    fmt: Annotated[RulesFormat, typer.Option("--format", "-f", help="Output format.")] = (
        RulesFormat.text
    ),
) -> None:
    """List every rule with its group, default severity and what it finds.

    Example: wksbm rules --format markdown > docs/rules.md
    """
    from wksbm_cli.render.figures import rules_doc

    if fmt is RulesFormat.markdown:
        write_out(rules_doc.markdown())
        return
    if fmt is RulesFormat.json:
        write_out(rules_doc.as_json())
        return
    print_rich(rules_doc.text_table(current_lang()))
