"""``report --format html``: a valid, self-contained page whose every figure is the JSON report's.

The page is rendered from the bundled records and from a generated repository whose history
spans 2024-2026 (an officer replaced, an organisation dissolved, one formed, an SK running out).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import html5lib
import pytest
from conftest import CONFIG
from hypothesis import given, settings
from hypothesis import strategies as st

from wksbm_cli.figures.yearly_extra import (
    add_months,
    as_of_day,
    dissolved,
    replaced,
    sk_expiring,
)
from wksbm_cli.model.records import Decree, Officer, Organisation, Wilayah
from wksbm_cli.render.figures.report_css import page_content, stylesheet
from wksbm_cli.render.svg import Bar, bar_chart, column_chart, esc

BUNDLED = Path(__file__).resolve().parent.parent / "records"

SVG = "{http://www.w3.org/2000/svg}svg"
CONFIG_ID = CONFIG.replace("bahasa: en", "bahasa: id")


def _org(
    oid: str,
    nama: str,
    kapanewon: str,
    kalurahan: str,
    *,
    pengurus: str,
    status: str = "aktif",
    dibentuk: str = "2019-05-20",
    sk_until: str = "2028-05-20",
) -> str:
    return (
        textwrap.dedent(
            f"""\
        id: {oid}
        nama: {nama}
        jenis: wksbm
        tingkat: kalurahan
        status: {status}
        dibentuk: {dibentuk}
        wilayah: {{kapanewon: {kapanewon}, kalurahan: {kalurahan}}}
        sk:
          nomor: "188/{oid[-4:].upper()}/KEP/2023"
          tanggal: 2023-05-20
          penerbit: Lurah {kalurahan}
          berlaku_sampai: {sk_until}
        pengurus:
        """
        )
        + textwrap.indent(textwrap.dedent(pengurus), "  ")
        + textwrap.dedent(
            f"""\
        unsur:
          - {{nama: Karang Taruna {kalurahan}, kategori: lembaga}}
        sumber:
          - https://{kalurahan.lower()}-sleman.desa.id/berita/wksbm
        """
        )
    )


OFFICERS = """\
- {jabatan: ketua, nama: Sri Wahyuni, mulai: 2023-05-20}
- {jabatan: sekretaris, nama: Bambang Riyadi, mulai: 2023-05-20}
- {jabatan: bendahara, nama: Endang Lestari, mulai: 2023-05-20}
"""
REPLACED = """\
- {jabatan: ketua, nama: Sri Wahyuni, mulai: 2023-05-20, selesai: 2025-05-31}
- {jabatan: ketua, nama: Agus Prasetyo, mulai: 2025-06-01}
- {jabatan: sekretaris, nama: Bambang Riyadi, mulai: 2023-05-20}
- {jabatan: bendahara, nama: Endang Lestari, mulai: 2023-05-20}
"""


def _event(day: str, judul: str, kapanewon: str, jumlah: int | None, orgs: list[str]) -> str:
    count = f"jumlah: {jumlah}, " if jumlah is not None else ""
    return textwrap.dedent(
        f"""\
        id: {day}-{judul.lower().replace(" ", "-")}
        judul: {judul}
        jenis: pelatihan
        tanggal: {day}
        penyelenggara: {{nama: Dinas Sosial Kabupaten Sleman}}
        tempat: {{nama: Balai Kalurahan, wilayah: {{kapanewon: {kapanewon}}}}}
        peserta: {{{count}organisasi: [{", ".join(orgs)}]}}
        sumber: [https://slemankab.go.id/berita/{day}]
        """
    )


CONDONG = "organisasi/depok/wksbm-condongcatur.yaml"
SUMBER = "organisasi/moyudan/wksbm-sumberagung.yaml"
MAGUWO = "organisasi/depok/wksbm-maguwoharjo.yaml"
TIRTO = "organisasi/kalasan/wksbm-tirtomartani.yaml"


def _git(repo: Path, *args: str, when: str) -> None:
    env = dict(os.environ)
    env.update(
        {
            "GIT_AUTHOR_NAME": "Operator Dinsos",
            "GIT_AUTHOR_EMAIL": "operator@example.org",
            "GIT_COMMITTER_NAME": "Operator Dinsos",
            "GIT_COMMITTER_EMAIL": "operator@example.org",
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
        }
    )
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _commit(repo: Path, files: dict[str, str], when: str) -> None:
    for rel, text in files.items():
        target = repo / "records" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    _git(repo, "add", "-A", when=when)
    _git(repo, "commit", "-q", "-m", f"catatan per {when[:10]}", when=when)


def build_history(repo: Path) -> Path:
    """A records repository with commits in 2024, 2025 and 2026; returns the records folder."""
    repo.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main", when="2024-02-01T09:00:00+07:00")
    condong = _org(
        "wksbm-condongcatur",
        "WKSBM Kalurahan Condongcatur",
        "Depok",
        "Condongcatur",
        pengurus=OFFICERS,
        sk_until="2026-03-31",
    )
    sumber = _org(
        "wksbm-sumberagung",
        "WKSBM Kalurahan Sumberagung",
        "Moyudan",
        "Sumberagung",
        pengurus=OFFICERS,
    )
    tirto = _org(
        "wksbm-tirtomartani",
        "WKSBM Kalurahan Tirtomartani",
        "Kalasan",
        "Tirtomartani",
        pengurus=OFFICERS,
    )
    _commit(
        repo,
        {"wksbm.yaml": CONFIG_ID, CONDONG: condong, SUMBER: sumber, TIRTO: tirto},
        "2024-02-01T09:00:00+07:00",
    )
    _commit(
        repo,
        {
            "kegiatan/2024/2024-08-20-sosialisasi.yaml": _event(
                "2024-08-20", "Sosialisasi", "Moyudan", 20, ["wksbm-sumberagung"]
            )
        },
        "2024-09-01T10:00:00+07:00",
    )
    maguwo = _org(
        "wksbm-maguwoharjo",
        "WKSBM Kalurahan Maguwoharjo",
        "Depok",
        "Maguwoharjo",
        pengurus=OFFICERS,
        dibentuk="2025-04-10",
    )
    _commit(
        repo,
        {
            CONDONG: condong.replace(
                textwrap.indent(OFFICERS, "  "), textwrap.indent(REPLACED, "  ")
            ),
            MAGUWO: maguwo,
            "kegiatan/2025/2025-03-12-bimtek.yaml": _event(
                "2025-03-12", "Bimtek", "Depok", 25, ["wksbm-condongcatur"]
            ),
            "kegiatan/2025/2025-06-17-pelatihan.yaml": _event(
                "2025-06-17", "Pelatihan", "Depok", 30, ["wksbm-condongcatur", "wksbm-maguwoharjo"]
            ),
            "kegiatan/2025/2025-06-24-rapat.yaml": _event("2025-06-24", "Rapat", "Depok", None, []),
        },
        "2025-06-02T09:00:00+07:00",
    )
    _commit(
        repo,
        {
            SUMBER: sumber.replace("status: aktif", "status: bubar"),
            "kegiatan/2025/2025-11-05-penguatan.yaml": _event(
                "2025-11-05", "Penguatan", "Kalasan", 18, ["wksbm-maguwoharjo"]
            ),
        },
        "2025-11-20T15:00:00+07:00",
    )
    _commit(
        repo,
        {
            "kegiatan/2026/2026-02-10-evaluasi.yaml": _event(
                "2026-02-10", "Evaluasi", "Kalasan", 22, ["wksbm-tirtomartani"]
            )
        },
        "2026-02-12T09:00:00+07:00",
    )
    return repo / "records"


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_history(tmp_path_factory.mktemp("html") / "repo")


def parse_strict(text: str) -> Any:
    """The page as an element tree; html5lib in strict mode raises on any parse error."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(text)


def figures(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter():
        path = element.get("data-figure")
        if path is not None:
            assert path not in found or path.startswith("page."), path
            found[path] = "".join(element.itertext()).strip()
    return found


def json_value(doc: Any, path: str) -> Any:
    value = doc
    for part in path.split("."):
        value = value[part]
    return len(value) if isinstance(value, list) else value


def render(run_cli: Callable[..., Any], root: Path, *args: str) -> tuple[str, dict[str, Any]]:
    page = run_cli("--records", str(root), *args, "report", "--tahun", "2025", "-f", "html")
    assert page.exit_code == 0, page.output
    doc = run_cli("--records", str(root), *args, "report", "--tahun", "2025", "-f", "json")
    return page.stdout, json.loads(doc.stdout)


def sumber_urls(root: Path) -> set[str]:
    urls: set[str] = set()
    for path in root.rglob("*.yaml"):
        urls.update(re.findall(r"https?://[^\s\],]+", path.read_text(encoding="utf-8")))
    return urls


def assert_self_contained(text: str, root: Path) -> None:
    for needle in ("<script", "<link", "<img", "<iframe", "@import", "url(", "@font-face"):
        assert needle not in text.lower(), needle
    allowed = sumber_urls(root)
    for url in re.findall(r"""(?:https?:)?//[^\s"'<>)]+""", text):
        assert url in allowed, url


def assert_same_figures(tree: Any, doc: dict[str, Any]) -> dict[str, str]:
    shown = figures(tree)
    for path, text in shown.items():
        if not path.startswith("page."):
            assert int(text) == json_value(doc, path), path
    for must in (
        "totals.events",
        "totals.event_days",
        "totals.participants",
        "organizations.active",
        "organizations.trained",
        "organizations.not_trained",
        "organizations.formed",
        *(f"by_month.{m:02d}" for m in range(1, 13)),
    ):
        assert must in shown, must
    return shown


def test_bundled_records_page(run_cli: Callable[..., Any]) -> None:
    text, doc = render(run_cli, BUNDLED)
    tree = parse_strict(text)
    assert tree.get("lang") == "id"
    assert_self_contained(text, BUNDLED)
    shown = assert_same_figures(tree, doc)
    summary = run_cli(
        "--records", str(BUNDLED), "summary", "--as-of", "2025-12-31", "--format", "json"
    )
    organisations = json.loads(summary.stdout)["organizations"]
    assert int(shown["page.organisations"]) == organisations["total"]
    assert int(shown["page.complete"]) == organisations["complete"]
    assert "Kelengkapan per Kapanewon" in text  # the folder's region terms (istilah: diy)
    validate = run_cli("--records", str(BUNDLED), "validate", "--format", "json")
    problems = json.loads(validate.stdout)["counts"]
    for severity in ("error", "warning", "info"):
        assert int(shown[f"page.problems.{severity}"]) == problems[severity]
    # two charts, each with a name, a description and a table of the same figures after it
    charts = list(tree.iter(SVG))
    assert len(charts) == 2
    for chart in charts:
        assert chart.get("role") == "img" and chart.get("aria-labelledby")
    assert text.count("<caption>") >= 2


def test_generated_history_page(history: Path, run_cli: Callable[..., Any]) -> None:
    text, doc = render(run_cli, history)
    tree = parse_strict(text)
    assert_self_contained(text, history)
    shown = assert_same_figures(tree, doc)
    assert doc["completeness_history"]["not_computed"] == []
    for key in ("organizations", "complete", "scored"):
        for side in ("start", "end"):
            path = f"completeness_history.{side}.{key}"
            assert int(shown[path]) == doc["completeness_history"][side][key]
    assert shown["totals.events"] == "4" and shown["totals.participants"] == "73"
    assert [shown[f"by_month.{m:02d}"] for m in (3, 6, 11)] == ["1", "2", "1"]
    assert shown["page.dissolved"] == "1" and shown["page.replaced"] == "1"
    assert shown["page.sk_expiring"] == "1"  # condongcatur's SK ends 2026-03-31
    assert shown["page.organisations"] == "4"
    assert shown["page.never_trained"] == "0"  # tirtomartani trains in 2026
    assert shown["organizations.not_trained"] == "1"
    assert "Sri Wahyuni" in text and "Agus Prasetyo" in text
    assert "WKSBM Kalurahan Sumberagung (wksbm-sumberagung)" in text
    summary = run_cli(
        "--records", str(history), "summary", "--as-of", "2025-12-31", "--format", "json"
    )
    assert int(shown["page.complete"]) == json.loads(summary.stdout)["organizations"]["complete"]


def test_a_shallow_clone_shows_what_it_has(
    history: Path, tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    """Two commits deep: the end of 2025 is there, the start is not. The page shows the end,
    names the missing figures and why, and leaves out what needs both ends."""
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", history.parent.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )
    text, doc = render(run_cli, clone / "records")
    tree = parse_strict(text)
    shown = assert_same_figures(tree, doc)
    assert doc["completeness_history"]["start"] is None
    assert shown["completeness_history.end.organizations"] == "4"
    assert "completeness_history.start.organizations" not in shown
    notes = [e.get("data-note") for e in tree.iter() if e.get("data-note")]
    assert notes == ["shallow"]
    assert "Tidak dihitung: awal tahun, skor yang berubah." in text
    assert "page.dissolved" not in shown and "page.replaced" not in shown


def test_english_page_and_national_terms(
    make_records: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    root = make_records(
        {
            TIRTO: _org(
                "wksbm-tirtomartani",
                "WKSBM Tirtomartani",
                "Kalasan",
                "Tirtomartani",
                pengurus=OFFICERS,
            )
        },
        config=CONFIG.replace("istilah: diy", "istilah: nasional"),
    )
    out = run_cli("--records", str(root), "report", "--year", "2025", "-f", "html")
    assert out.exit_code == 0
    tree = parse_strict(out.stdout)
    assert tree.get("lang") == "en"
    assert "Completeness by Kecamatan" in out.stdout
    assert "Page " in out.stdout and "counter(pages)" in out.stdout
    note = [e for e in tree.iter() if e.get("data-note")]
    assert [e.get("data-note") for e in note] == ["no-git"]


HOSTILE = 'Ketua <script>alert(1)</script> "Bu Sri" & \u202eevil\u202c'


def test_hostile_values_are_escaped(
    make_records: Callable[..., Path], run_cli: Callable[..., Any]
) -> None:
    org = _org(
        "wksbm-tirtomartani",
        'WKSBM "Tirto" <b>martani</b>',
        "Kalasan",
        "Tirtomartani",
        pengurus=OFFICERS,
    ).replace(
        "  - https://tirtomartani-sleman.desa.id/berita/wksbm",
        "  - 'javascript:alert(1)'\n  - 'https://x.example/\"><script>alert(2)</script>'",
    )
    event = _event("2025-05-05", "Pelatihan", "Kalasan", 12, ["wksbm-tirtomartani"]).replace(
        "judul: Pelatihan", f"judul: '{HOSTILE}'"
    )
    odd = _org(
        "wksbm-x",
        "WKSBM X",
        "'\"><svg onload=alert(3)>\u202e'",
        "Tirtomartani",
        pengurus=OFFICERS,
    )
    root = make_records(
        {TIRTO: org, "kegiatan/2025/2025-05-05-pelatihan.yaml": event, "organisasi/x.yaml": odd}
    )
    out = run_cli("--records", str(root), "report", "--year", "2025", "-f", "html")
    assert out.exit_code == 0
    text = out.stdout
    tree = parse_strict(text)
    assert "<script" not in text and "<b>" not in text
    assert len(list(tree.iter(SVG))) == 2  # a kecamatan name did not open a third
    for element in tree.iter():
        assert not any(str(name).lower().startswith("on") for name in element.attrib)
    assert "\u202e" not in text and "\\u202e" in text
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert hrefs == [  # the other organisation's own source, and the event's
        "https://tirtomartani-sleman.desa.id/berita/wksbm",
        "https://slemankab.go.id/berita/2025-05-05",
    ]
    assert "javascript:alert(1)" in text  # shown as text, never as a link
    titles = ["".join(td.itertext()) for td in tree.iter("td")]
    assert any(
        HOSTILE.replace("\u202e", "\\u202e").replace("\u202c", "\\u202c") in t for t in titles
    )


def test_pdf_needs_a_browser_and_a_file(
    make_records: Callable[..., Path], run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    root = make_records({})
    target = tmp_path / "laporan.pdf"
    out = run_cli(
        "--records",
        str(root),
        "report",
        "--year",
        "2025",
        "-f",
        "pdf",
        "-o",
        str(target),
        env={"WKSBM_BROWSER": str(tmp_path / "no-such-browser")},
    )
    assert out.exit_code == 2
    assert "needs Chromium or Google Chrome" in out.output
    assert not target.exists()
    out = run_cli("--records", str(root), "report", "--year", "2025", "-f", "pdf")
    assert out.exit_code == 2 and "give --output FILE" in out.output


def test_svg_writer_escapes_and_scales() -> None:
    chart = bar_chart(
        "c",
        [Bar("<Depok>", 0.5, "50% & more"), Bar("x" * 40, 3.0, "")],
        maximum=1.0,
        title='T "q"',
        desc="D",
    )
    assert "&lt;Depok&gt;" in chart and "50% &amp; more" in chart and "T &quot;q&quot;" in chart
    assert 'width="170"' in chart  # half of the 340-unit track
    assert chart.count('width="340"') == 3  # two tracks, and a bar over the maximum clamped
    assert "x" * 21 + "…" in chart
    months = column_chart("m", [("Jan", 0), ("Feb", 3)], title="t", desc="d")
    assert months.count("<rect") == 1 and ">3</text>" in months
    assert esc("\u202e<") == "\\u202e&lt;"


def test_page_numbers_in_css() -> None:
    assert page_content("Halaman {page} dari {pages}") == (
        '"Halaman " counter(page) " dari " counter(pages)'
    )
    assert page_content('a"b') == '"a\\22 b"'
    css = stylesheet("{page}", 'Laporan "2025"</style><script>\u202e')
    assert "</style>" not in css and "<" not in css and "\u202e" not in css
    assert 'content: "Laporan \\22 2025\\22 \\3c /style\\3e \\3c script\\3e \\202e "' in css


def _organisation(
    oid: str, status: str, officers: tuple[Officer, ...], until: str | None
) -> Organisation:
    sk = Decree("1/KEP/2024", None, None, dt.date.fromisoformat(until)) if until else None
    return Organisation(
        id=oid,
        file=f"organisasi/{oid}.yaml",
        nama=oid,
        jenis="wksbm",
        tingkat="kalurahan",
        wilayah=Wilayah(),
        has_wilayah=True,
        status=status,
        dibentuk=None,
        sk=sk,
        pengurus=officers,
        unsur=(),
    )


def test_extra_figures() -> None:
    assert add_months(dt.date(2025, 8, 31), 6) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)
    assert as_of_day(2025, dt.date(2026, 1, 5)) == dt.date(2025, 12, 31)
    assert as_of_day(2025, dt.date(2025, 7, 1)) == dt.date(2025, 7, 1)
    day = dt.date(2025, 12, 31)
    orgs = [
        _organisation("a", "aktif", (), "2025-12-31"),  # ends today: not "within"
        _organisation("b", "aktif", (), "2026-06-30"),  # the last day counted
        _organisation("c", "aktif", (), "2026-07-01"),
        _organisation("d", "bubar", (), "2026-01-10"),
    ]
    assert [e.id for e in sk_expiring(orgs, day)] == ["b"]
    ketua = Officer(0, "ketua", "Sri Wahyuni", None, None)
    before = [_organisation("a", "aktif", (ketua,), None), _organisation("b", "aktif", (), None)]
    after = [
        _organisation("a", "aktif", (Officer(0, "ketua", "Agus Prasetyo", None, None),), None),
        _organisation("b", "bubar", (ketua,), None),  # a role filled is not a replacement
        _organisation("c", "bubar", (), None),  # added already dissolved
    ]
    assert dissolved(before, after) == ["b"]
    assert [(r.id, r.before, r.after) for r in replaced(before, after, 2025)] == [
        ("a", ("Sri Wahyuni",), ("Agus Prasetyo",))
    ]


CASE = Path(__file__).parent / "cases" / "reports"
GOLDEN = Path(__file__).parent / "golden" / "reports" / "report-2025-id.html"


def test_golden_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., Any]
) -> None:
    """The whole page for the report fixtures (copied out of this repository, so the change
    section is the no-git note). Regenerate with WKSBM_UPDATE_GOLDEN=1 and review the diff."""
    import shutil

    shutil.copytree(CASE, tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    out = run_cli(
        "--records", "records", "--lang", "id", "laporan", "--tahun", "2025", "-f", "html"
    )
    assert out.exit_code == 0, out.output
    parse_strict(out.stdout)
    if os.environ.get("WKSBM_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(out.stdout, encoding="utf-8")
    assert out.stdout == GOLDEN.read_text(encoding="utf-8")


def test_an_unknown_history_note_gets_the_generic_words(make_records: Callable[..., Path]) -> None:
    """A reason for the missing history that this page has no words for yet (the history part
    may grow new ones) still gives an honest note, never a bare catalog key."""
    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.check.policy import load_config
    from wksbm_cli.figures.yearly import yearly
    from wksbm_cli.figures.yearly_extra import year_extra
    from wksbm_cli.render.figures.report_html import render_html

    root = make_records(
        {TIRTO: _org("wksbm-t", "WKSBM T", "Kalasan", "Tirtomartani", pengurus=OFFICERS)}
    )
    config = load_config(str(root), "records")
    result = check_folder(str(root), "records", config)
    report = yearly(result, 2025)
    report.change_note = "history-partial"
    extra = year_extra(result, report, dt.date(2026, 1, 10))
    for lang, words in (
        ("en", "The git history for 2025 is missing"),
        ("id", "Riwayat git untuk 2025 tidak tersedia"),
    ):
        page = render_html(report, extra, config, lang)
        parse_strict(page)
        assert f'data-note="history-partial">{words}' in page
        assert "rep.report" not in page


def test_a_browser_that_fails_is_a_clear_exit_2(
    make_records: Callable[..., Path], run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\necho 'Trace/breakpoint trap: no display' >&2\nexit 5\n")
    fake.chmod(0o755)
    root = make_records({})
    target = tmp_path / "laporan.pdf"
    out = run_cli(
        "--records",
        str(root),
        "report",
        "--year",
        "2025",
        "-f",
        "pdf",
        "-o",
        str(target),
        env={"WKSBM_BROWSER": str(fake)},
    )
    assert out.exit_code == 2
    assert "the browser could not print the PDF: Trace/breakpoint trap: no display" in out.output
    assert not target.exists()


@given(st.text(max_size=40))
@settings(max_examples=150, deadline=None)
def test_any_label_comes_back_as_the_same_text(label: str) -> None:
    """Whatever a kecamatan is called, the chart's text node reads back as that name (made
    visible, truncated) and the page still parses without error."""
    from wksbm_cli.render.safe import visible

    chart = bar_chart("c", [Bar(label, 0.5, label)], maximum=1.0, title=label, desc=label)
    tree = parse_strict(f"<!DOCTYPE html><html lang=id><title>t</title><body>{chart}</body>")
    svg = next(tree.iter(SVG))
    texts = ["".join(e.itertext()) for e in svg.iter("{http://www.w3.org/2000/svg}text")]
    shown = visible(label)
    assert texts[-1] == shown
    assert texts[0] == visible(label if len(label) <= 22 else label[:21] + "…")
    assert len(list(svg.iter())) == 7  # svg, title, desc, 2 text, 2 rect: nothing injected


@pytest.mark.parametrize("label", ["\ufffe", "Depok\uffff", "\ufdd0", "\U0010fffe", "x\udcff"])
def test_a_noncharacter_in_a_name_is_shown_escaped_and_the_page_parses(label: str) -> None:
    """Regression (found by the property above): U+FFFE in a kecamatan's name went into the page
    raw, and an HTML parser refuses the whole page."""
    chart = bar_chart("c", [Bar(label, 0.5, label)], maximum=1.0, title=label, desc=label)
    tree = parse_strict(f"<!DOCTYPE html><html lang=id><title>t</title><body>{chart}</body>")
    svg = next(tree.iter(SVG))
    texts = ["".join(e.itertext()) for e in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "\\u" in texts[-1] or "\\U" in texts[-1]
