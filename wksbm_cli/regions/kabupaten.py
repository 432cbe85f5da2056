"""Choosing the kabupaten/kota of a new records folder from a code or a name.

Bogor is both a kabupaten (32.01) and a kota (32.71): a bare name can mean two places, so the
caller gets every match and decides (ask on a terminal, refuse otherwise) instead of a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wksbm_cli.core.terms import is_kota
from wksbm_cli.regions import reference
from wksbm_cli.regions.names import display, match, suggest
from wksbm_cli.regions.resolve import children_of, codes_at_level

_KAB_CODE = re.compile(r"^\d\d\.\d\d$")


@dataclass(frozen=True)
class Kabupaten:
    code: str  # "32.01"
    official: str  # "Kabupaten Bogor", "Kota Bogor"
    provinsi: str  # "Jawa Barat"

    @property
    def name(self) -> str:
        """As written in ``wksbm.yaml``: ``Bogor`` for the kabupaten, ``Kota Bogor`` for the kota,
        so that the name alone already tells them apart."""
        return display(self.official, 2)

    @property
    def full(self) -> str:
        """``Kabupaten Bogor`` / ``Kota Bogor``."""
        if is_kota(self.code) or self.official.startswith("Kabupaten "):
            return self.official
        return f"Kabupaten {self.official}"


@dataclass
class Found:
    matches: list[Kabupaten] = field(default_factory=list)
    suggestions: list[Kabupaten] = field(default_factory=list)
    provinsi_unknown: bool = False
    provinsi_suggestions: list[str] = field(default_factory=list)


def is_kabupaten_code(text: str) -> bool:
    return bool(_KAB_CODE.match(text.strip()))


def by_code(code: str) -> Kabupaten | None:
    """None when the code is not a kabupaten/kota, or without the region data."""
    folder = reference.data_dir()
    code = code.strip()
    if folder is None or not is_kabupaten_code(code):
        return None
    base = reference.base(folder)
    if code not in base:
        return None
    return Kabupaten(code, base[code], display(base[code[:2]], 1))


def by_name(name: str, provinsi: str | None = None) -> Found | None:
    """Every kabupaten/kota the name spells (inside ``provinsi`` when given), else the closest
    official ones. None without the region data."""
    folder = reference.data_dir()
    if folder is None:
        return None
    base = reference.base(folder)
    out = Found()
    pool = codes_at_level(base, 2)
    if provinsi:
        provinces = match(provinsi, 1, children_of(base, ""))
        if len(provinces) != 1:
            out.provinsi_unknown = True
            out.provinsi_suggestions = suggest(provinsi, 1, children_of(base, ""))
            return out
        pool = children_of(base, provinces[0])
    codes = match(name, 2, pool)
    out.matches = [k for c in codes if (k := by_code(c)) is not None]
    if not out.matches:
        for wanted in suggest(name, 2, pool, n=4):  # closest first
            for code, official in sorted(pool.items()):
                if display(official, 2) == wanted and (found := by_code(code)) is not None:
                    out.suggestions.append(found)
    return out


def provinsi_code(name: str) -> str | None:
    folder = reference.data_dir()
    if folder is None:
        return None
    hits = match(name, 1, children_of(reference.base(folder), ""))
    return hits[0] if len(hits) == 1 else None
