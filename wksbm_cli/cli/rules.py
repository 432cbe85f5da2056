"""``wksbm rules`` (``aturan``): the rule table, for people and for the generated docs."""

from __future__ import annotations

from wksbm_cli.cli.common import guarded
from wksbm_cli.cli.options import Format, formats_of


@guarded
@formats_of("rules")
def rules(fmt: Format = "text") -> None:
    """List every rule with its group, default severity and what it finds.

    Example: wksbm rules --format markdown > docs/rules.md
    """
    from wksbm_cli.cli.output import context, emit

    emit("rules", fmt, None, context(None))
