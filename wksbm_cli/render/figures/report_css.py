"""The printable report's style sheet: screen and A4 portrait print in one inline ``<style>``.

System fonts only (the page must open offline and print the same without web fonts). For print:
every section after the first starts a page, table headers repeat on every page, rows and cards
do not split, and the page number goes in the bottom margin box (browsers without ``@page``
margin boxes simply leave it out).
"""

from __future__ import annotations

import re

_CSS = """
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans",
    "DejaVu Sans", Arial, sans-serif;
  font-size: 15px; line-height: 1.45; color: #1d2329; background: #fff;
}
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
header h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
.lead, .note { color: #4a5560; }
.note { font-size: .92rem; }
section { margin: 0 0 2rem; }
h2 { font-size: 1.3rem; margin: 1.2rem 0 .6rem; border-bottom: 2px solid #2f6f9f;
  padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
ul.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
  gap: .75rem; padding: 0; margin: .5rem 0 1rem; list-style: none; }
.card { border: 1px solid #c9d2da; border-left: 5px solid #2f6f9f; border-radius: 4px;
  padding: .55rem .8rem; }
.card .v { display: block; font-size: 1.9rem; font-weight: 700; line-height: 1.2; }
.card .k { font-size: .9rem; color: #4a5560; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0 .3rem; }
th, td { border: 1px solid #c9d2da; padding: .28rem .45rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
.w { overflow-wrap: anywhere; }
.tw { overflow-x: auto; }
th { background: #eef3f7; font-weight: 600; }
.d { white-space: nowrap; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: .4rem 0 .6rem; }
figcaption { font-weight: 600; margin-bottom: .3rem; }
svg.chart { display: block; width: 100%; max-width: 720px; height: auto;
  font-family: inherit; }
ul.plain { margin: .3rem 0 1rem; padding-left: 1.2rem; }
a { color: #1f5c88; overflow-wrap: anywhere; }
.sev-error { color: #9b1c1c; font-weight: 600; }
.sev-warning { color: #7a4d00; }
@media screen and (max-width: 40rem) {
  html { font-size: 14px; }
  body { padding: .75rem; }
  th, td { padding: .2rem .3rem; }
}
@page {
  size: A4 portrait;
  margin: 16mm 14mm 18mm 14mm;
  @top-right { content: RUNNING_TITLE; font-size: 8.5pt; color: #4a5560; }
  @bottom-center { content: PAGE_WORDS; font-size: 9pt; color: #4a5560; }
}
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  ul.cards { grid-template-columns: repeat(5, 1fr); gap: .5rem; }
  section { break-before: page; margin: 0; }
  header + section { break-before: auto; }
  h2, h3, figcaption, caption { break-after: avoid; }
  thead { display: table-header-group; }
  .tw { overflow: visible; }
  tr, .card, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _css_string(text: str) -> str:
    """A CSS string literal; anything but plain printable text is written as a CSS escape, so
    no value can end the string, the rule or the style element."""
    out = []
    for char in text:
        if char.isalnum() or char in " .,:;-()/'":
            out.append(char)
        else:
            out.append(f"\\{ord(char):x} ")
    return '"' + "".join(out) + '"'


def page_content(words: str) -> str:
    """A CSS ``content`` value from a catalog template such as ``"Page {page} of {pages}"``."""
    parts: list[str] = []
    for piece in re.split(r"(\{page\}|\{pages\})", words):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append(_css_string(piece))
    return " ".join(parts) or '""'


def stylesheet(page_words: str, title: str = "") -> str:
    """The style sheet; ``title`` runs in the top margin of every printed page."""
    css = _CSS.replace("PAGE_WORDS", page_content(page_words))
    return css.replace("RUNNING_TITLE", _css_string(" ".join(title.split()))).strip() + "\n"
