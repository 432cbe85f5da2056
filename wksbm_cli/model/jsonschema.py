"""JSON Schema (draft 2020-12) of the record kinds and the config, for editors.

The documents are generated from the same declarations the validator uses (``model/schema.py``),
so an editor with the YAML language server completes and checks exactly what ``wksbm validate``
accepts; only the cross-record and completeness rules are beyond what a schema can say.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from wksbm_cli.model.schema import CONFIG, FORMAT_VERSION, KEGIATAN, ORGANISASI
from wksbm_cli.model.types import Struct
from wksbm_cli.write import atomic_write_set

DIALECT = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("organisasi", "kegiatan", "wksbm")
FILE_NAMES = {kind: f"{kind}.schema.json" for kind in KINDS}

_SOURCES: dict[str, tuple[Struct, str, str, str]] = {
    "organisasi": (
        ORGANISASI,
        "Organisasi WKSBM",
        "Satu organisasi: WKSBM, forum WKSBM, atau lembaga mitra.",
        "One organisation: a WKSBM, a forum of WKSBM, or a partner institution.",
    ),
    "kegiatan": (
        KEGIATAN,
        "Kegiatan",
        "Satu kegiatan: pelatihan, bimtek, penyuluhan, sosialisasi, rapat.",
        "One event: a training, technical guidance, outreach or meeting.",
    ),
    "wksbm": (
        CONFIG,
        "wksbm.yaml",
        "Konfigurasi folder catatan.",
        "Configuration of a records folder.",
    ),
}


def schema_of(kind: str, rule_ids: Collection[str]) -> dict[str, Any]:
    """The schema document of one kind (``organisasi``, ``kegiatan`` or ``wksbm``); ``rule_ids``
    are the names ``aturan:`` accepts (the rules table lives above this layer)."""
    struct, title, doc_id, doc_en = _SOURCES[kind]
    body = struct.json_schema()
    body.pop("title", None)
    if kind == "wksbm":
        body["properties"]["aturan"]["propertyNames"]["enum"] = sorted(rule_ids)
    return {
        "$schema": DIALECT,
        "$id": f"urn:wksbm:schema:{kind}:{FORMAT_VERSION}",
        "title": title,
        "description": f"{doc_id}\n\n{doc_en}",
        **body,
    }


def all_schemas(
    rule_ids: Collection[str], kinds: tuple[str, ...] = KINDS
) -> dict[str, dict[str, Any]]:
    return {kind: schema_of(kind, rule_ids) for kind in kinds}


def dumps(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def combined(rule_ids: Collection[str], kinds: tuple[str, ...] = KINDS) -> str:
    """One JSON document holding the chosen schemas (what ``wksbm schema`` prints)."""
    return dumps({"version": 1, "schemas": all_schemas(rule_ids, kinds)})


def write_schemas(
    folder: str, rule_ids: Collection[str], kinds: tuple[str, ...] = KINDS, *, force: bool = False
) -> list[str]:
    """Write one ``<kind>.schema.json`` per kind into ``folder`` (created if missing), as a set:
    all or nothing, none replaced without ``force``. Returns the paths written."""
    files: dict[str, bytes | str] = {
        FILE_NAMES[kind]: dumps(schema_of(kind, rule_ids)) for kind in kinds
    }
    return atomic_write_set(folder, files, force=force)
