"""``wksbm wilayah`` output: the region, where it sits and what it holds, in the folder's terms."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from wksbm_cli.i18n import translate
from wksbm_cli.model.records import Config
from wksbm_cli.regions.lookup import Lookup, Place
from wksbm_cli.render.safe import visible
from wksbm_cli.render.tables import Column, FitTable


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


def _place_text(place: Place, labels: dict[str, str], lang: str) -> list[Any]:
    lines: list[Any] = [
        Text(f"{labels[place.level]} {visible(place.name)} ({place.code})", style="bold")
    ]
    for code, name, level in place.parents:
        lines.append(Text(f"  {labels[level]} {visible(name)} ({code})"))
    if place.children:
        child_level = {"provinsi": "kabupaten", "kabupaten": "kecamatan"}.get(place.level, "desa")
        head = translate(
            "wilayah.children", lang, {"n": len(place.children), "label": labels[child_level]}
        )
        lines.append(Text(head))
        kode = "Kode" if lang == "id" else "Code"
        # "3 Kalurahan:" already says what the rows are: no header line.
        table = FitTable([Column(kode, whole=True), Column(labels[child_level])], show_header=False)
        table.add_group(None, [[Text(code), Text(visible(name))] for code, name in place.children])
        lines.append(Padding(table, (0, 0, 0, 2)))
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
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
