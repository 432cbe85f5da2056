"""The HTML report in a real browser: screenshots at 1280x800, A4 PDF pages, no overflow.

Uses a headless Chromium or Chrome (``.ci/run`` installs Debian's ``chromium`` when missing) and
poppler-utils (``pdfinfo``, ``pdftotext``, ``pdftoppm``); skipped, with the reason printed by
``-ra``, only when they are not on the machine. Pixels are read with the small PNG decoder
below, so the test needs no imaging library.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_report_html import BUNDLED, build_history

from wksbm_cli.render.pdf import find_browser, html_to_pdf, run_browser

pytestmark = pytest.mark.browser

SECTIONS = ("glance", "completeness", "change", "trainings", "problems", "sources")

MEASURE = """<script>
const d = document.documentElement;
const box = (e) => { const r = e.getBoundingClientRect();
  return {id: e.id, x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height}; };
const wide = [...document.body.querySelectorAll("*")]
  .filter((e) => e.getBoundingClientRect().right > d.clientWidth + 0.5)
  .map((e) => e.tagName + "#" + e.id + "." + e.className);
const out = document.createElement("pre");
out.id = "wksbm-measure";
out.textContent = JSON.stringify({scrollWidth: d.scrollWidth, clientWidth: d.clientWidth,
  scrollHeight: d.scrollHeight, wide: wide.slice(0, 5),
  charts: [...document.querySelectorAll("svg.chart")].map(box),
  sections: [...document.querySelectorAll("section")].map(box)});
document.body.appendChild(out);
</script>
"""


@pytest.fixture(scope="module")
def browser() -> str:
    found = find_browser()
    if found is None:
        pytest.skip("no Chromium or Chrome on this machine (.ci/run installs Debian's chromium)")
    for tool in ("pdfinfo", "pdftotext", "pdftoppm"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} (poppler-utils) is not installed")
    return found


def _up(line: bytearray, prev: bytearray) -> bytearray:
    """Bytewise (line + prev) mod 256 on the whole row at once (SIMD within a big integer)."""
    n = len(line)
    a, b = int.from_bytes(line, "big"), int.from_bytes(prev, "big")
    low, high = int.from_bytes(b"\x7f" * n, "big"), int.from_bytes(b"\x80" * n, "big")
    return bytearray((((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(n, "big"))


def read_png(data: bytes, limit: int | None = None) -> tuple[int, int, int, list[bytes]]:
    """Width, height, channels and unfiltered rows (the first ``limit`` of them) of an 8-bit,
    non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, []
    width = height = depth = kind = interlace = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        name, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if name == b"IHDR":
            width, height, depth, kind, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif name == b"IDAT":
            chunks.append(body)
        elif name == b"IEND":
            break
    assert depth == 8 and interlace == 0, (depth, interlace)
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[kind]
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    prev = bytearray(stride)
    rows = []
    for y in range(height if limit is None else min(height, limit)):
        start = y * (stride + 1)
        method, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if method == 2:
            line = _up(line, prev)
        for i in range(stride) if method in (1, 3, 4) else ():
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            if method == 1:
                line[i] = (line[i] + a) & 255
            elif method == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            else:
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def area_stats(png: bytes, box: tuple[int, int, int, int], step: int = 1) -> tuple[float, int]:
    """Grey-level variance and the number of bar-blue pixels inside ``box`` (x, y, w, h),
    looking at every ``step``-th pixel each way."""
    x0, y0, w, h = box
    width, _, channels, rows = read_png(png, limit=y0 + h)
    greys: list[int] = []
    blue = 0
    for y in range(max(0, y0), min(len(rows), y0 + h), step):
        row = rows[y]
        for x in range(max(0, x0), min(width, x0 + w), step):
            r, g, b = (row[x * channels : x * channels + 3] + b"\0\0")[:3]
            if channels < 3:
                g = b = r
            greys.append((r * 3 + g * 6 + b) // 10)
            blue += abs(r - 0x2F) < 40 and abs(g - 0x6F) < 40 and abs(b - 0x9F) < 40
    mean = sum(greys) / max(1, len(greys))
    return sum((v - mean) ** 2 for v in greys) / max(1, len(greys)), blue


def page_text(cli: Callable[..., Any], root: Path) -> str:
    out = cli("--records", str(root), "report", "--tahun", "2025", "-f", "html")
    assert out.exit_code == 0, out.output
    return str(out.stdout)


def measure(browser: str, page: Path, size: tuple[int, int]) -> dict[str, Any]:
    probe = page.with_name(page.stem + "-probe.html")
    probe.write_text(
        page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"), "utf-8"
    )
    done = run_browser(browser, f"--window-size={size[0]},{size[1]}", "--dump-dom", probe.as_uri())
    found = re.search(r'<pre id="wksbm-measure">(.*?)</pre>', done.stdout.decode("utf-8"), re.S)
    assert found, done.stderr.decode("utf-8", "replace")[-500:]
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result


def screenshot(browser: str, url: str, target: Path) -> bytes:
    run_browser(
        browser, "--window-size=1280,800", "--hide-scrollbars", f"--screenshot={target}", url
    )
    return target.read_bytes()


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]


def pdf_page_texts(pdf: Path, pages: int) -> list[str]:
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, pages + 1)
    ]


@pytest.fixture(scope="module")
def pages(browser: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    from typer.testing import CliRunner

    from wksbm_cli.cli import app

    def cli(*args: str) -> Any:
        return CliRunner().invoke(app, list(args), catch_exceptions=False)

    work = tmp_path_factory.mktemp("browser")
    out: dict[str, tuple[Path, str]] = {}
    for name, root in (("bundled", BUNDLED), ("history", build_history(work / "repo"))):
        text = page_text(cli, root)
        page = work / f"laporan-{name}.html"
        page.write_text(text, encoding="utf-8")
        out[name] = (page, text)
    return out


@pytest.mark.parametrize("name", ["bundled", "history"])
def test_no_horizontal_overflow(
    browser: str, pages: dict[str, tuple[Path, str]], name: str
) -> None:
    page, _ = pages[name]
    for size in ((1280, 800), (390, 844)):
        found = measure(browser, page, size)
        assert found["scrollWidth"] == found["clientWidth"], (size, found["wide"])
        assert [c["id"] for c in found["charts"]] == ["chart-regions", "chart-months"]
        assert all(c["w"] <= found["clientWidth"] for c in found["charts"])
        assert [s["id"] for s in found["sections"]] == list(SECTIONS)


def test_screenshots_show_the_charts(
    browser: str, pages: dict[str, tuple[Path, str]], tmp_path: Path
) -> None:
    page, text = pages["history"]
    top = screenshot(browser, page.as_uri(), tmp_path / "top.png")
    assert struct.unpack(">II", top[16:24]) == (1280, 800)  # IHDR width and height
    assert area_stats(top, (0, 0, 1280, 400), step=4)[0] > 100  # not a blank page
    for section, chart_id in (("completeness", "chart-regions"), ("trainings", "chart-months")):
        # A copy that hides what comes before the section brings its chart into the first
        # 800 pixels (headless screenshots ignore a #fragment's scroll).
        hide = f"<style>header, section:not(#{section}) {{ display: none; }}</style></head>"
        copy = tmp_path / f"{section}.html"
        copy.write_text(text.replace("</head>", hide), encoding="utf-8")
        found = measure(browser, copy, (1280, 800))
        chart = next(c for c in found["charts"] if c["id"] == chart_id)
        box = (int(chart["x"]), int(chart["y"]), int(chart["w"]), int(chart["h"]))
        assert box[1] >= 0 and box[1] + box[3] <= 800, box
        shot = screenshot(browser, copy.as_uri(), tmp_path / f"{section}.png")
        variance, blue = area_stats(shot, box)
        assert variance > 200, (section, variance)
        assert blue > 300, (section, blue)  # the bars are drawn, in colour


@pytest.mark.parametrize("name", ["bundled", "history"])
def test_a4_pdf_pages(
    browser: str, pages: dict[str, tuple[Path, str]], name: str, tmp_path: Path
) -> None:
    _, text = pages[name]
    pdf = tmp_path / "laporan.pdf"
    pdf.write_bytes(html_to_pdf(text, browser))
    count = pdf_pages(pdf)
    assert len(SECTIONS) <= count <= len(SECTIONS) + 4
    size = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", size.stdout)
    texts = pdf_page_texts(pdf, count)
    for number, words in enumerate(texts, start=1):
        assert f"Halaman {number} dari {count}" in words  # page numbers in the margin box
    headings = (
        "Sekilas setahun",
        "Kelengkapan per Kapanewon",
        "Perubahan kelengkapan selama 2025",
        "Pelatihan dan kegiatan pada 2025",
        "Masalah yang masih terbuka",
        "Sumber",
    )
    starts = [
        next(i for i, t in enumerate(texts) if re.search(rf"^\s*{h}\s*$", t, re.M))
        for h in headings
    ]
    assert starts == sorted(set(starts)), starts  # every section on a page of its own
    # no table row clipped away: every open problem's severity word is printed
    problems = "\n".join(texts[starts[4] : starts[5]])
    for severity, word in (("error", "galat"), ("warning", "peringatan"), ("info", "info")):
        rows = text.count(f'<span class="sev-{severity}">')
        assert len(re.findall(rf"\b{word}\b", problems)) >= rows + 1, severity
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == count
    for image in images:
        assert area_stats(image.read_bytes(), (0, 0, 10_000, 10_000))[0] > 20
    charts = [starts[1], starts[3]]  # the pages that hold the two charts
    for index in charts:
        _, blue = area_stats(images[index].read_bytes(), (0, 0, 10_000, 10_000))
        assert blue > 40, (index, blue)  # printed in colour (print-color-adjust)


def test_pdf_format_writes_the_file(browser: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from wksbm_cli.cli import app

    target = tmp_path / "laporan-2025.pdf"
    args = ["--records", str(BUNDLED), "report", "--tahun", "2025", "-f", "pdf", "-o", str(target)]
    out = CliRunner().invoke(app, args, env={"WKSBM_BROWSER": browser})
    assert out.exit_code == 0, out.output
    assert target.read_bytes().startswith(b"%PDF") and pdf_pages(target) >= len(SECTIONS)
    again = CliRunner().invoke(app, args, env={"WKSBM_BROWSER": browser})
    assert again.exit_code == 2 and "--force" in again.output  # never overwritten silently
