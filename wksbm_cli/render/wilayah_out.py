"""``wksbm wilayah`` output: the region, where it sits and what it holds, in the folder's terms."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.text import Text

from wksbm_cli.i18n import translate
from wksbm_cli.model.records import Config
from wksbm_cli.regions.lookup import Lookup, Place
from wksbm_cli.render.safe import json_text, visible


def _labels(config: Config) -> dict[str, str]:
    return {"provinsi": "Provinsi", "kabupaten": "Kabupaten", **config.labels}


def render_text(found: Lookup, config: Config, lang: str) -> Group:
    labels = _labels(config)
    parts: list[Any] = []
    for place in found.places:
        if parts:
            parts.append(Text(""))
        parts.extend(_place_text(place, labels, lang))
    return Group(*parts)


def _place_text(place: Place, labels: dict[str, str], lang: str) -> list[Text]:
    lines = [Text(f"{labels[place.level]} {visible(place.name)} ({place.code})", style="bold")]
    for code, name, level in place.parents:
        lines.append(Text(f"  {labels[level]} {visible(name)} ({code})"))
    if place.children:
        child_level = {"provinsi": "kabupaten", "kabupaten": "kecamatan"}.get(place.level, "desa")
        head = translate(
            "wilayah.children", lang, {"n": len(place.children), "label": labels[child_level]}
        )
        lines.append(Text(head))
        for code, name in place.children:
            lines.append(Text(f"  {code}  {visible(name)}"))
    return lines


def render_json(found: Lookup) -> str:
    data = {
        "version": 1,
        "query": found.query,
        "results": [
            {
                "kode": p.code,
                "nama": p.name,
                "tingkat": p.level,
                "induk": [{"kode": c, "nama": n, "tingkat": lv} for c, n, lv in p.parents],
                "anak": [{"kode": c, "nama": n} for c, n in p.children],
            }
            for p in found.places
        ],
        "suggestions": found.suggestions,
    }
    return json_text(data)
