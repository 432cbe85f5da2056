"""Looking a region up by code or by name, for the volunteer writing a record.

A code is looked up anywhere in the country; a name only inside the configured region (its
kecamatan and desa), where the forgiving comparison of ``names`` applies and an unknown name gets
the closest official names instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wksbm_cli.model.records import Config
from wksbm_cli.regions import reference
from wksbm_cli.regions.names import display, match, suggest
from wksbm_cli.regions.resolve import LEVELS, children_of, folder_scope

_CODE = re.compile(r"^\d\d(?:\.\d\d){0,2}(?:\.\d{4})?$")


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    level: str  # national key: provinsi | kabupaten | kecamatan | desa
    parents: tuple[tuple[str, str, str], ...] = ()  # (code, name, level), outermost first
    children: tuple[tuple[str, str], ...] = ()  # (code, name)


@dataclass
class Lookup:
    """``places`` found (a desa name may exist in two kecamatan), else ``suggestions``."""

    query: str
    places: list[Place] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


def is_code(text: str) -> bool:
    return bool(_CODE.match(text.strip()))


def _level_of(code: str) -> int:
    return code.count(".") + 1


def _table(folder: str, code: str) -> dict[str, str]:
    return reference.villages(folder, code[:5]) if _level_of(code) == 4 else reference.base(folder)


def place(folder: str, code: str) -> Place | None:
    """The region with this code, its parents and its direct children; None if unknown."""
    name = _table(folder, code).get(code)
    if name is None:
        return None
    depth = _level_of(code)
    parts = code.split(".")
    parents = []
    for d in range(1, depth):
        pcode = ".".join(parts[:d])
        pname = reference.base(folder).get(pcode, pcode)
        parents.append((pcode, display(pname, d), LEVELS[d - 1]))
    if depth == 3:
        kids = children_of(reference.villages(folder, code[:5]), code)
    elif depth < 3:
        kids = children_of(reference.base(folder), code)
    else:
        kids = {}
    children = tuple(sorted(((c, display(n, depth + 1)) for c, n in kids.items()), key=_by_name))
    return Place(code, display(name, depth), LEVELS[depth - 1], tuple(parents), children)


def _by_name(item: tuple[str, str]) -> tuple[str, str]:
    return (item[1].casefold(), item[0])


def scope(config: Config) -> str | None:
    """The configured region's code, or None without reference data for it."""
    folder = reference.data_dir()
    if folder is None or not (config.wilayah.kode or config.wilayah.kabupaten):
        return None
    return folder_scope(folder, config)


def lookup(query: str, config: Config) -> Lookup | None:
    """None when there is no reference data (package missing, or the configured region
    unknown while a name needs it)."""
    folder = reference.data_dir()
    if folder is None:
        return None
    text = query.strip()
    out = Lookup(text)
    if is_code(text):
        found = place(folder, text)
        if found is not None:
            out.places.append(found)
        return out
    area = (
        folder_scope(folder, config) if (config.wilayah.kode or config.wilayah.kabupaten) else None
    )
    if area is None:
        return None
    base = reference.base(folder)
    kec = {c: n for c, n in base.items() if c.startswith(area + ".") and _level_of(c) == 3}
    desa = {
        c: n
        for c, n in reference.villages(folder, area[:5]).items()
        if c.startswith(area + ".") and _level_of(c) == 4
    }
    for code in [*match(text, 3, kec), *match(text, 4, desa)]:
        found = place(folder, code)
        if found is not None:
            out.places.append(found)
    if not out.places:
        for name in [*suggest(text, 3, kec), *suggest(text, 4, desa)]:
            if name not in out.suggestions:
                out.suggestions.append(name)
    return out
