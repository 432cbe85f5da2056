"""The people's format: problems grouped by file, the source line with a caret, counts at the end.

It builds rich renderables and never parses markup, so a record value like ``[/bold]`` or
``[link=...]`` is shown as it is written. Colour and width follow the console the CLI made.
"""

from __future__ import annotations

from collections import Counter

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from wksbm_cli.check.results import CheckResult
from wksbm_cli.core.problem import Problem
from wksbm_cli.i18n import translate
from wksbm_cli.render.context import Context
from wksbm_cli.render.safe import visible
from wksbm_cli.render.tables import Column, FitTable
from wksbm_cli.render.words import SEVERITY, count_words

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _snippet(problem: Problem) -> Text:
    source = visible(problem.source.expandtabs(4))
    gutter = f"{problem.line} | "
    text = Text(gutter, style="dim")
    text.append(source)
    column = problem.caret or problem.column
    caret_at = len(visible(problem.source[: column - 1].expandtabs(4)))
    text.append("\n" + " " * (len(gutter) - 2) + "| ", style="dim")
    text.append(" " * caret_at + "^", style="bold")
    return text


def render_problems(result: CheckResult, lang: str) -> list[RenderableType]:
    out: list[RenderableType] = []
    current = None
    table: Table | None = None
    problems = result.problems
    for index, p in enumerate(problems):
        if p.file != current:
            if table is not None:
                out.append(table)
            current = p.file
            out.append(Text(visible(p.file), style="bold underline"))
            table = Table.grid(padding=(0, 1))
            table.add_column(justify="right", no_wrap=True, width=8)
            table.add_column()
        assert table is not None
        label = SEVERITY[lang][p.severity.label]
        body = Text()
        if p.waived:
            until = dict(p.extra).get("until", "")
            body.append(translate("problems.waived-tag", lang, {"until": until}), style="dim")
        else:
            body.append(label, style=STYLE[p.severity.label])
        body.append(f" {p.rule}", style="bold" if not p.waived else "dim")
        body.append(": ")
        body.append(visible(p.message(lang)), style="dim" if p.waived else "")
        table.add_row(Text(f"{p.line}:{p.column}", style="dim"), body)
        following = problems[index + 1] if index + 1 < len(problems) else None
        same_line_next = (
            following is not None
            and following.file == p.file
            and following.line == p.line
            and following.column == p.column
            and not following.waived
        )
        if p.source and not p.waived and not same_line_next:
            table.add_row("", _snippet(p))
    if table is not None:
        out.append(table)
    out.append(Text(""))
    out.append(summary_line(result, lang))
    return out


def summary_line(result: CheckResult, lang: str) -> Text:
    counts = result.counts()
    total = sum(counts.values())
    numbers = {"total": total, "files": result.files, **counts}
    args: dict[str, object] = {**numbers, **count_words(lang, numbers)}
    if total == 0:
        line = Text(translate("problems.none", lang, args), style="green")
    else:
        style = "bold red" if counts["error"] else "yellow" if counts["warning"] else "cyan"
        line = Text(translate("problems.summary", lang, args), style=style)
    if result.waived:
        line.append(translate("problems.waived", lang, {"n": result.waived}), style="dim")
    return line


def statistics(result: CheckResult, lang: str) -> RenderableType:
    """Problems per rule, most frequent first (``ruff --statistics``): where to start when a
    folder has thousands of problems. Waived problems are not counted."""
    counts = Counter((p.rule, p.severity.label) for p in result.problems if not p.waived)
    table = FitTable(
        [
            Column(translate("problems.col.count", lang), whole=True, right=True),
            Column(translate("problems.col.rule", lang), whole=True),
            Column(translate("problems.col.severity", lang)),
        ]
    )
    rows = [
        [Text(str(n)), Text(rule, style="bold"), Text(SEVERITY[lang][sev], style=STYLE[sev])]
        for (rule, sev), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    table.add_group(None, rows)
    parts: list[RenderableType] = [table, Text("")] if rows else []
    return Group(*parts, summary_line(result, lang))


def render(result: CheckResult, ctx: Context) -> RenderableType:
    """Problems by file; ``quiet``: the count line alone; ``per_rule``: counts per rule."""
    if ctx.quiet:
        return summary_line(result, ctx.lang)
    if ctx.per_rule:
        return statistics(result, ctx.lang)
    return Group(*render_problems(result, ctx.lang))
