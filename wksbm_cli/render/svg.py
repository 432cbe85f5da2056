"""A small SVG writer for the printable report's two charts: horizontal bars and month columns.

Why our own and not a chart library (measured in a scratch venv, Python 3.11): pygal adds 1.3 MB
plus two dependencies, takes ~90 ms to import and its SVG links a tooltip script on an external
host by default; vl-convert (Vega-Lite) is 84 MB and ~0.8 s per chart; matplotlib with numpy
and Pillow is ~170 MB and ~1 s to import. Bars and twelve columns need none of that.

Every text node and attribute value goes through :func:`esc`: labels are record values
(kecamatan names), which may carry markup or bidi controls.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from wksbm_cli.render.safe import visible

BAR = "#2f6f9f"
TRACK = "#e4ebf1"
INK = "#1d2329"
GRID = "#c9d2da"


def esc(value: object) -> str:
    """Text safe in an HTML or SVG text node and in a quoted attribute, on one line."""
    return html.escape(visible(str(value)), quote=True)


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # 0..maximum
    text: str  # shown after the bar, e.g. "67% (2 of 3)"


def _open(ident: str, width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg class="chart" id="{esc(ident)}"'
        f' viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' role="img" aria-labelledby="{esc(ident)}-t {esc(ident)}-d">',
        f'<title id="{esc(ident)}-t">{esc(title)}</title>',
        f'<desc id="{esc(ident)}-d">{esc(desc)}</desc>',
    ]


def bar_chart(
    ident: str,
    bars: Sequence[Bar],
    *,
    maximum: float,
    title: str,
    desc: str,
    width: int = 720,
) -> str:
    """One horizontal bar per item, a label on the left and ``text`` on the right."""
    row, top, label_w, text_w = 26, 8, 170, 210
    track_w = width - label_w - text_w
    height = top * 2 + row * max(1, len(bars))
    out = _open(ident, width, height, title, desc)
    for index, item in enumerate(bars):
        y = top + index * row
        share = 0.0 if maximum <= 0 else max(0.0, min(1.0, item.value / maximum))
        out.append(
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end" font-size="13"'
            f' fill="{INK}">{esc(_short(item.label, 22))}</text>'
        )
        out.append(
            f'<rect x="{label_w}" y="{y + 4}" width="{track_w}" height="18" fill="{TRACK}"/>'
        )
        if share > 0:
            out.append(
                f'<rect x="{label_w}" y="{y + 4}" width="{_num(track_w * share)}" height="18"'
                f' fill="{BAR}"/>'
            )
        out.append(
            f'<text x="{label_w + track_w + 8}" y="{y + 17}" font-size="13"'
            f' fill="{INK}">{esc(item.text)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)


def column_chart(
    ident: str,
    columns: Sequence[tuple[str, int]],
    *,
    title: str,
    desc: str,
    width: int = 640,
    height: int = 220,
) -> str:
    """One column per label (the months of a year), whole-number gridlines, the count above
    every column that is not zero."""
    left, right, top, bottom = 34, 8, 16, 26
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = max(1, *(v for _, v in columns)) if columns else 1
    step = max(1, -(-top_value // 4))
    ceiling = step * -(-top_value // step)
    out = _open(ident, width, height, title, desc)
    for tick in range(0, ceiling + 1, step):
        y = top + plot_h - plot_h * tick / ceiling
        out.append(
            f'<line x1="{left}" y1="{_num(y)}" x2="{width - right}" y2="{_num(y)}"'
            f' stroke="{GRID}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{_num(y + 4)}" text-anchor="end" font-size="11"'
            f' fill="{INK}">{tick}</text>'
        )
    slot = plot_w / max(1, len(columns))
    for index, (label, value) in enumerate(columns):
        x = left + index * slot
        centre = _num(x + slot / 2)
        if value > 0:
            h = plot_h * value / ceiling
            out.append(
                f'<rect x="{_num(x + slot * 0.18)}" y="{_num(top + plot_h - h)}"'
                f' width="{_num(slot * 0.64)}" height="{_num(h)}" fill="{BAR}"/>'
            )
            out.append(
                f'<text x="{centre}" y="{_num(top + plot_h - h - 4)}" text-anchor="middle"'
                f' font-size="12" fill="{INK}">{value}</text>'
            )
        out.append(
            f'<text x="{centre}" y="{height - 8}" text-anchor="middle" font-size="12"'
            f' fill="{INK}">{esc(label)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)
