"""``wksbm wilayah`` output: the region, where it sits and what it holds, in the folder's terms."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from wksbm_cli.core.terms import full_name, group_word, word
from wksbm_cli.i18n import translate
from wksbm_cli.regions.lookup import Lookup, Place
from wksbm_cli.render.context import Context
from wksbm_cli.render.safe import json_text, visible
from wksbm_cli.render.tables import Column, FitTable


def render_text(found: Lookup, ctx: Context) -> Group | None:
    """None when nothing was found: the CLI says so on stderr, stdout stays empty."""
    if not found.places:
        return None
    parts: list[Any] = []
    for place in found.places:
        if parts:
            parts.append(Text(""))
        parts.extend(_place_text(place, ctx.config.istilah, ctx.lang))
    return Group(*parts)


def _place_text(place: Place, istilah: str, lang: str) -> list[Any]:
    """Each region under its own level's word: ``Kota Bogor``, ``6 Kecamatan``, and DIY's
    words (``istilah: diy``) only for places inside DIY."""
    lines: list[Any] = [
        Text(f"{visible(full_name(place.code, place.name, istilah))} ({place.code})", "bold")
    ]
    for code, name, _level in place.parents:
        lines.append(Text(f"  {visible(full_name(code, name, istilah))} ({code})"))
    if place.children:
        label = group_word([code for code, _ in place.children], istilah)
        head = translate("wilayah.children", lang, {"n": len(place.children), "label": label})
        lines.append(Text(head))
        kode = "Kode" if lang == "id" else "Code"
        # "3 Kalurahan:" already says what the rows are: no header line.
        table = FitTable([Column(kode, whole=True), Column(label)], show_header=False)
        table.add_group(None, [[Text(code), Text(visible(name))] for code, name in place.children])
        lines.append(Padding(table, (0, 0, 0, 2)))
    return lines


def render_json(found: Lookup, ctx: Context) -> str:
    config = ctx.config
    data = {
        "version": 1,
        "query": found.query,
        "results": [
            {
                "kode": p.code,
                "nama": p.name,
                "tingkat": p.level,
                "sebutan": word(p.code, config.istilah),
                "induk": [{"kode": c, "nama": n, "tingkat": lv} for c, n, lv in p.parents],
                "anak": [{"kode": c, "nama": n} for c, n in p.children],
            }
            for p in found.places
        ],
        "suggestions": found.suggestions,
    }
    return json_text(data)
