"""Markdown pages render record values as text: no HTML, image, link or extra table cell.

The pages are rendered here with a CommonMark parser (raw HTML allowed, as on GitHub and most
wikis, and pipe tables on) and the HTML is inspected, so the test checks what a reader would get.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import GOOD_EVENT, GOOD_ORG
from markdown_it import MarkdownIt

IMG = "<img src=x onerror=alert(document.cookie)>"
PIXEL = "![t](http://evil.example/p.png)"
LINK = "[klik](javascript:alert(1))"
SCRIPT = "<script>alert(1)</script>"
ENTITY = "&#60;img src=x onerror=alert(2)&#62;"
PIPE = "Dinas | Sosial"
TICKS = "`kode`"
HOSTILE = [IMG, PIXEL, LINK, SCRIPT, ENTITY, PIPE, TICKS]


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def hostile(make_records: Callable[..., Path]) -> Path:
    org = (
        GOOD_ORG.replace("nama: WKSBM Kalurahan Contoh", f"nama: {_quoted(IMG + ' ' + PIPE)}")
        .replace("kalurahan: Condongcatur", f"kalurahan: {_quoted(LINK)}")
        .replace("nama: Lurah Condongcatur", "nama: Lurah")
    )
    event = (
        GOOD_EVENT.replace(
            "judul: Pelatihan Manajemen Organisasi WKSBM", f"judul: {_quoted(PIXEL)}"
        )
        + f"materi: [{_quoted(SCRIPT)}, {_quoted(ENTITY)}]\n"
        + f"narasumber: [{{nama: {_quoted(TICKS)}, instansi: {_quoted(LINK)}}}]\n"
    )
    return make_records(
        {
            "organisasi/wksbm-contoh.yaml": org,
            "kegiatan/2025/2025-06-17-pelatihan.yaml": event,
            f"organisasi/{IMG.replace('/', '_')}.yaml": "id: [rusak\n",
        }
    )


COMMANDS = [
    ("completeness", "-f", "markdown", "--as-of", "2026-01-01"),
    ("summary", "-f", "markdown", "--as-of", "2026-01-01"),
    ("report", "--year", "2025", "-f", "markdown"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_values_render_as_text(
    run_cli: Callable[..., Any], hostile: Path, command: tuple[str, ...]
) -> None:
    result = run_cli("--lang", "en", "--records", str(hostile), *command)
    assert result.exit_code == 0, result.output
    html = _html(result.stdout)
    for tag in ("<img", "<a ", "<script", "<code>"):
        assert tag not in html, (tag, result.stdout)
    assert "onerror=alert(document.cookie)&gt;" in html or command[0] == "summary"
    assert all(len(set(widths)) == 1 for widths in _table_widths(result.stdout))


def _table_widths(markdown: str) -> list[list[int]]:
    """The number of cells of each row, per table: a pipe in a value must not add one."""
    tables: list[list[int]] = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            tables[-1][-1] += 1
    assert tables
    return tables


def test_report_shows_each_hostile_value_literally(
    run_cli: Callable[..., Any], hostile: Path
) -> None:
    result = run_cli(
        "--lang", "en", "--records", str(hostile), "report", "--year", "2025", "-f", "markdown"
    )
    html = _html(result.stdout)
    for value in (PIXEL, SCRIPT, TICKS, LINK):
        shown = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert shown in html, value
    assert "&amp;#60;img" in html  # the entity is shown, not decoded into a tag


def test_ordinary_names_are_left_readable() -> None:
    from wksbm_cli.render.md_escape import md_text

    for name in (
        "WKSBM Kalurahan Maguwoharjo",
        "Pelatihan Manajemen Organisasi WKSBM (Wahana Kesejahteraan Sosial Berbasis Masyarakat)",
        "Dinas Sosial P3A Kab. Sleman - Bidang Rehabilitasi",
        "Sosialisasi 2025: PKH & BPNT, 50% peserta_baru!",
        "Dra. Sri Lestari, M.Si.",
    ):
        assert md_text(name) == name


def test_one_escaping_for_text_and_code() -> None:
    from wksbm_cli.render.md_escape import md_code, md_text

    assert md_text(IMG) == "&lt;img src=x onerror=alert(document.cookie)&gt;"
    assert md_text(PIXEL) == "!\\[t\\](http://evil.example/p.png)"
    assert md_text("a | b\nc") == "a \\| b\\nc"
    assert md_text("C:\\") == "C:\\\\"  # a trailing backslash cannot escape the cell's pipe
    assert md_code("a`b\x1b") == "`a'b\\x1b`"
