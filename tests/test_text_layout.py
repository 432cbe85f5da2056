"""The text format is laid out line by line (linear in the problems) and must print exactly what
the rich tables it replaced printed: same characters on every line, same style on every
character. The tables are kept here as the reference."""

from __future__ import annotations

import io
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from wksbm_cli.check.results import CheckResult
from wksbm_cli.core.problem import Problem, Severity
from wksbm_cli.i18n import translate
from wksbm_cli.model.records import Config
from wksbm_cli.render.context import Context
from wksbm_cli.render.problems.text import STYLE, render, summary_line
from wksbm_cli.render.safe import visible
from wksbm_cli.render.words import SEVERITY


def _reference_snippet(problem: Problem) -> Text:
    source = visible(problem.source.expandtabs(4))
    gutter = f"{problem.line} | "
    text = Text(gutter, style="dim")
    text.append(source)
    column = problem.caret or problem.column
    caret_at = len(visible(problem.source[: column - 1].expandtabs(4)))
    text.append("\n" + " " * (len(gutter) - 2) + "| ", style="dim")
    text.append(" " * caret_at + "^", style="bold")
    return text


def _reference(result: CheckResult, lang: str) -> RenderableType:
    """The renderer before it was made linear: a rich grid table per file."""
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
        body = Text()
        if p.waived:
            until = dict(p.extra).get("until", "")
            body.append(translate("problems.waived-tag", lang, {"until": until}), style="dim")
        else:
            body.append(SEVERITY[lang][p.severity.label], style=STYLE[p.severity.label])
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
            table.add_row("", _reference_snippet(p))
    if table is not None:
        out.append(table)
    out.append(Text(""))
    out.append(summary_line(result, lang))
    return Group(*out)


def _printed(renderable: RenderableType, width: int, colour: bool) -> str:
    console = Console(
        width=width,
        file=io.StringIO(),
        force_terminal=colour,
        color_system="truecolor" if colour else None,
        highlight=False,
        emoji=False,
    )
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def _plain(text: str) -> list[str]:
    return [line.rstrip() for line in text.split("\n")]


def _styled_cells(text: str) -> list[tuple[str, str]]:
    """Every character that is not a space, with the SGR codes in force when it is printed."""
    out: list[tuple[str, str]] = []
    current = ""
    for match in re.finditer(r"\x1b\[([0-9;]*)m|(.)", text, re.S):
        if match.group(1) is not None:
            current = "" if match.group(1) in ("", "0") else match.group(1)
        elif not match.group(2).isspace():
            out.append((match.group(2), current))
    return out


def _check_same(problems: list[Problem], widths: tuple[int, ...] = (10, 40, 80, 120)) -> None:
    result = CheckResult("r", "records", Config(), 7, problems, [], [], {})
    for lang in ("en", "id"):
        for width in widths:
            new, old = render(result, Context(lang=lang)), _reference(result, lang)
            assert _plain(_printed(new, width, False)) == _plain(_printed(old, width, False))
            coloured_new, coloured_old = _printed(new, width, True), _printed(old, width, True)
            assert _styled_cells(coloured_new) == _styled_cells(coloured_old)


def _problem(file: str, line: int, column: int, **kw: Any) -> Problem:
    values: dict[str, Any] = {
        "rule": "unknown-field",
        "severity": Severity.WARNING,
        "message_key": "unknown-field",
        "args": (("field", "x"),),
    }
    values.update(kw)
    return Problem(file, line, column, **values)


def test_crafted_cases_print_as_the_tables_did() -> None:
    long_allowed = "pelatihan, bimtek, penyuluhan, sosialisasi, rapat, lainnya"
    wide = "東京都" * 14
    _check_same(
        [
            _problem(
                "records/organisasi/depok/wksbm-contoh.yaml", 3, 1, rule="invalid-value",
                severity=Severity.ERROR, message_key="invalid-value.choice",
                args=(("allowed", long_allowed), ("field", "jenis"), ("suggestion", "pelatihan"),
                      ("value", "pelatihn")),
                source="jenis: pelatihn",
            ),
            _problem("records/organisasi/depok/wksbm-contoh.yaml", 17, 18, rule="personal-phone",
                     severity=Severity.ERROR, message_key="personal-phone",
                     args=(("masked", "0812****7890"),),
                     source="catatan: hubungi 0812****7890 " + "x" * 150, caret=18),
            _problem("records/organisasi/depok/wksbm-contoh.yaml", 17, 18,
                     source="catatan: hubungi 0812****7890"),
            _problem("records/organisasi/lain/wksbm-dua.yaml", 2, 1, waived=True,
                     extra=(("until", "2026-09-30"), ("reason", "x")), source="id: wksbm-dua"),
            _problem("records/organisasi/lain/wksbm-dua.yaml", 123456, 123, source="\tk:\tv"),
            _problem("records/organisasi/lain/wksbm-dua.yaml", 1234567, 1),
            _problem("records/organisasi/" + "sangat-panjang-" * 8 + "x.yaml", 5, 29,
                     source="wilayah: {kapanewon: Depok, rw: 05}"),
            _problem("records/organisasi/wide/東京都.yaml", 2, 3, args=(("field", wide),),
                     source="東京都: " + wide + wide, caret=3),
            _problem("records/organisasi/bad\x1b[31m.yaml", 2, 3,
                     args=(("field", "[bold]x\x1b"),), source="a\x1b[2Jb [link=x]y[/link]"),
            _problem("records/organisasi/longword.yaml", 2, 3, args=(("field", "y" * 300),),
                     source="z" * 10),
        ]
    )  # fmt: skip


def test_no_problems_prints_the_count_line_only() -> None:
    _check_same([])


_words = st.text(
    alphabet=st.sampled_from(list("abc xyz-/.:`'東é\u0301 ")) | st.characters(codec="utf-8"),
    max_size=160,
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["organisasi/a.yaml", "organisasi/b" * 30 + ".yaml", "k/東京.yaml"]),
            st.integers(1, 10**7),
            st.integers(1, 300),
            _words,
            _words,
            st.booleans(),
        ),
        max_size=6,
    ),
    st.sampled_from([10, 23, 57, 80, 133]),
)
def test_any_problems_print_as_the_tables_did(
    rows: list[tuple[str, int, int, str, str, bool]], width: int
) -> None:
    problems = [
        _problem(
            file, line, column, args=(("field", field),), source=source, waived=waived,
            extra=(("until", "2026-01-01"),) if waived else (),
        )
        for file, line, column, field, source, waived in sorted(rows)
    ]  # fmt: skip
    _check_same(problems, (width,))


@settings(max_examples=500, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab cdef  ghijk.-/"), max_size=80),  # printable
    width=st.integers(1, 40),
    fold=st.booleans(),
)
def test_line_breaks_are_riches_own(text: str, width: int, fold: bool) -> None:
    """The quick line breaker (spaces only, every word fits) and the general one agree with
    rich's ``divide_line`` wherever they are used."""
    from rich._wrap import divide_line

    from wksbm_cli.render.wrap import _divide_ascii, wrap, wrap_plain

    assert _divide_ascii(text, width, fold) == divide_line(text, width, fold=fold)
    if "\n" not in text and len(text) > width:
        for cell in (True, False):
            pieces = ["".join(t for t, _ in line) for line in wrap([(text, "")], width, cell)]
            assert wrap_plain(text, width, cell) == pieces
