"""The text of a record an import makes, in the layout ``wksbm new`` and the round-trip writer
use: nested mappings in block style, one flow mapping per list item, values quoted by the same
rule (``scalar_text``), so that a later edit of the file splices in the same style.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

from wksbm_cli.authoring.edit.splice import scalar_text
from wksbm_cli.authoring.new_record import SCHEMA_FOLDER

_SCALARS: dict[str, str] = {}
# Names, places, ids: a letter first, then letters, digits, single spaces and . ' ( ) / - : never a
# number, a date, a boolean, a key (``: ``) or a comment (`` #``) to YAML 1.1 or 1.2.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9.'()/-]*(?: [A-Za-z0-9.'()/-]+)*")
_KEYWORD = re.compile(r"y|n|yes|no|on|off|true|false|null|nan|inf|\.nan|\.inf", re.IGNORECASE)


def scalar_cached(value: Any) -> str:
    """``scalar_text`` of the round-trip writer, remembered per text: a list repeats the same
    places and dates thousands of times, and each costs a YAML dump."""

    if not isinstance(value, str):
        return scalar_text(value)
    if _PLAIN.fullmatch(value) and not _KEYWORD.fullmatch(value):
        return value  # what the YAML dump gives for such text, without paying for one
    if value not in _SCALARS:
        _SCALARS[value] = scalar_text(value)
    return _SCALARS[value]


def flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar_cached(value)


def block(key: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, dict) and value:
        out = [f"{indent}{key}:"]
        for k, v in value.items():
            out.extend(block(k, v, indent + "  "))
        return out
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return [f"{indent}{key}:"] + [f"{indent}  - {flow(v)}" for v in value]
    return [f"{indent}{key}: {flow(value)}"]


def record_text(root: str, target: str, kind: str, data: Mapping[str, Any], source: str) -> str:
    """A new record of ``kind`` (organisasi, kegiatan) with its schema line for the editor and a
    comment saying which spreadsheet row it came from."""

    schema = os.path.join(root, SCHEMA_FOLDER, f"{kind}.schema.json")
    rel = os.path.relpath(schema, os.path.dirname(target)).replace(os.sep, "/")
    out = [f"# yaml-language-server: $schema={rel}", f"# Diimpor dari {source}."]
    for key, value in data.items():
        out.extend(block(key, value, ""))
    return "\n".join(out) + "\n"
