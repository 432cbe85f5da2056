"""The people's format: problems grouped by file, the source line with a caret, counts at the end.

It builds rich renderables and never parses markup, so a record value like ``[/bold]`` or
``[link=...]`` is shown as it is written. Colour and width follow the console the CLI made.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from wksbm_cli.check.results import CheckResult
from wksbm_cli.core.problem import Problem
from wksbm_cli.i18n import translate
from wksbm_cli.render.context import Context
from wksbm_cli.render.safe import visible
from wksbm_cli.render.tables import Column, FitTable
from wksbm_cli.render.words import SEVERITY, count_words
from wksbm_cli.render.wrap import Piece, wrap, wrap_plain

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


#: Width of the position column ("12:3", right-aligned); the message starts one column after.
POSITION = 8


def _position(problem: Problem) -> str:
    text = f"{problem.line}:{problem.column}"
    return text.rjust(POSITION) if len(text) <= POSITION else text[: POSITION - 1] + "…"


def _snippet(problem: Problem) -> list[Piece]:
    """The source line under a message, with a caret under the column."""
    source = visible(problem.source.expandtabs(4))
    gutter = f"{problem.line} | "
    column = problem.caret or problem.column
    caret_at = len(visible(problem.source[: column - 1].expandtabs(4)))
    return [  # all of it dim, as rich's Text(gutter, style="dim") with the rest appended
        (gutter + source + "\n" + " " * (len(gutter) - 2) + "| " + " " * caret_at, "dim"),
        ("^", "bold dim"),
    ]


def _message(problem: Problem, lang: str) -> list[Piece]:
    out: list[Piece] = []
    if problem.waived:
        until = dict(problem.extra).get("until", "")
        out.append((translate("problems.waived-tag", lang, {"until": until}), "dim"))
    else:
        out.append((SEVERITY[lang][problem.severity.label], STYLE[problem.severity.label]))
    out.append((f" {problem.rule}", "bold" if not problem.waived else "dim"))
    out.append((": ", ""))
    out.append((visible(problem.message(lang)), "dim" if problem.waived else ""))
    return out


class ProblemLines:
    """Problems grouped by file: the file's name, then for each problem its position (right-
    aligned in eight columns) and message, and the source line with a caret under it.

    Laid out line by line, in time linear in the problems: rich's tables measure and render
    every cell several times over (60,000 problems took 32 s). Lines wrap exactly as rich
    wraps a ``Text`` in a table cell (its own word splitter; a word longer than the line cut
    with "…"; a file name longer than the line folded), so the output is the table's, less
    the spaces that padded its cells."""

    def __init__(self, problems: list[Problem], lang: str) -> None:
        self.problems = problems
        self.lang = lang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        width = max(1, options.max_width)
        if console.color_system is None:  # styles print as nothing: plain text, in chunks
            chunk: list[str] = []
            for plain in self.plain_lines(width):
                chunk.append(plain)
                if len(chunk) == 64:  # rich splits a segment at its newlines: keep them short
                    chunk.append("")
                    yield Segment("\n".join(chunk))
                    chunk.clear()
            if chunk:
                chunk.append("")
                yield Segment("\n".join(chunk))
            return
        styles: dict[str, Style | None] = {"": None}
        for line in self.lines(width):
            for text, name in line:
                if text:
                    if name not in styles:
                        styles[name] = console.get_style(name)
                    yield Segment(text, styles[name])
            yield NEW_LINE

    def blocks(self) -> Iterator[tuple[str, Problem]]:
        """What is shown, in order: ("file", p) when the file changes, ("message", p), and
        ("snippet", p) unless the next problem points at the same place."""
        problems = self.problems
        current = None
        for index, p in enumerate(problems):
            if p.file != current:
                current = p.file
                yield "file", p
            yield "message", p
            following = problems[index + 1] if index + 1 < len(problems) else None
            same_line_next = (
                following is not None
                and following.file == p.file
                and following.line == p.line
                and following.column == p.column
                and not following.waived
            )
            if p.source and not p.waived and not same_line_next:
                yield "snippet", p

    def lines(self, width: int) -> Iterator[list[Piece]]:
        """Each line of the output as styled pieces."""
        inner = max(1, width - POSITION - 1)
        indent = [(" " * (width - inner), "")]
        for kind, p in self.blocks():
            if kind == "file":
                yield from wrap([(visible(p.file), "bold underline")], width, cell=False)
                continue
            if kind == "message":
                lead, pieces = [(_position(p), "dim"), (" ", "")], _message(p, self.lang)
            else:
                lead, pieces = indent, _snippet(p)
            for number, line in enumerate(wrap(pieces, inner)):
                yield (lead if number == 0 else indent) + line

    def plain_lines(self, width: int) -> Iterator[str]:
        """The lines of :meth:`lines` without styles or trailing spaces, made without cutting
        styled pieces: most lines need no wrapping at all."""
        inner = max(1, width - POSITION - 1)
        indent = " " * (width - inner)
        for kind, p in self.blocks():
            if kind == "file":
                yield from wrap_plain(visible(p.file), width, cell=False)
            elif kind == "message":
                body = "".join(text for text, _ in _message(p, self.lang))
                first, *rest = wrap_plain(body, inner, cell=True)
                yield f"{_position(p)} {first}".rstrip()
                for line in rest:
                    yield (indent + line).rstrip()
            else:
                snippet = "".join(text for text, _ in _snippet(p))
                for paragraph in snippet.split("\n"):
                    for line in wrap_plain(paragraph, inner, cell=True):
                        yield (indent + line).rstrip()


NEW_LINE = Segment.line()


class LaidOut(Group):
    """Renderables whose every line already fits the width they are given (the problem lines
    are laid out here, a ``Text`` wraps itself), so printing need not split and crop them
    again: rich does that line by line, a third of the time of a long report."""

    fits_width = True


def render_problems(result: CheckResult, lang: str) -> list[RenderableType]:
    out: list[RenderableType] = []
    if result.problems:
        out.append(ProblemLines(result.problems, lang))
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
    return LaidOut(*render_problems(result, ctx.lang))
