"""Forgiving comparison of region names: the spellings people write map to one official name.

Case, spaces, hyphens and dots are ignored, and so is a leading level word ("Kab.", "Kapanewon",
"Kalurahan"...). A misspelt level word ("Kapenewon Depok") is *not* forgiven silently: it gets a
"did you mean" instead, so the record is fixed rather than guessed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

PREFIXES: dict[int, tuple[str, ...]] = {
    1: ("provinsi", "prov"),
    2: ("kabupaten", "kab", "kota administrasi", "kota adm", "kota"),
    3: ("kecamatan", "kec", "kapanewon", "kemantren", "distrik"),
    4: ("kalurahan", "kelurahan", "desa", "kel"),
}
_DROP = re.compile(r"[\s.\-]+")


# Short forms that name a level rather than drop it: "Kab. Bogor" is the kabupaten, not the kota.
_ABBREVIATIONS: dict[int, dict[str, str]] = {2: {"kab": "kabupaten"}}


def key(name: str) -> str:
    """``"Condong Catur"`` and ``"condong-catur"`` -> ``"condongcatur"``; accents a keyboard
    added (``"Bógor"``) are dropped, since official names have none."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return _DROP.sub("", plain.casefold())


def keys(name: str, level: int) -> list[str]:
    """The written name as is, then without a leading level word ("Kota Gede" stays Kotagede)."""
    low = name.casefold().strip()
    out = [key(low)]
    for short, word in _ABBREVIATIONS.get(level, {}).items():
        for sep in (" ", "."):
            if low.startswith(short + sep):
                out.append(key(word + low[len(short) + 1 :]))
    for prefix in PREFIXES.get(level, ()):
        for sep in (" ", "."):
            if low.startswith(prefix + sep):
                out.append(key(low[len(prefix) + 1 :]))
    return out


def display(official: str, level: int) -> str:
    """The official name as people write it in a record: title case, no "Kabupaten"."""
    name = official.title() if official.isupper() else official
    if level == 2 and name.startswith("Kabupaten "):
        name = name[len("Kabupaten ") :]
    return name


def match(name: str, level: int, candidates: dict[str, str]) -> list[str]:
    """Codes among ``candidates`` (code -> official name) that ``name`` spells."""
    return match_in(name, level, spellings(level, candidates))


def spellings(level: int, candidates: dict[str, str]) -> dict[str, list[str]]:
    """Every accepted spelling of the candidates -> their codes (build once, ask many times)."""
    table: dict[str, list[str]] = {}
    for code, official in candidates.items():
        for k in {key(official), key(display(official, level)), *keys(official, level)}:
            table.setdefault(k, []).append(code)
    return table


def match_in(name: str, level: int, table: dict[str, list[str]]) -> list[str]:
    """``match`` against a table from ``spellings``."""
    for k in keys(name, level):
        if k in table:
            return sorted(set(table[k]))
    return []


def suggest(name: str, level: int, candidates: dict[str, str], n: int = 3) -> list[str]:
    """The closest official names (difflib), also trying the name without its first word."""
    shown = {key(display(o, level)): display(o, level) for o in candidates.values()}
    tries = [key(name)]
    words = name.split(maxsplit=1)
    if len(words) == 2:
        tries.append(key(words[1]))
    found: list[str] = []
    for t in tries:
        for k in difflib.get_close_matches(t, list(shown), n=n, cutoff=0.6):
            if shown[k] not in found:
                found.append(shown[k])
    return found[:n]
