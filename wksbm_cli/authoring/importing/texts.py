"""The text of a record an import makes, in the layout ``wksbm new`` and the round-trip writer
use: nested mappings in block style, one flow mapping per list item, values quoted by the same
rule: the writer is the round-trip writer's own ``block_lines``, so that a later edit of the
file splices in the same style.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from wksbm_cli.authoring.edit.splice import block_lines
from wksbm_cli.authoring.new_record import SCHEMA_FOLDER


def record_text(root: str, target: str, kind: str, data: Mapping[str, Any], source: str) -> str:
    """A new record of ``kind`` (organisasi, kegiatan) with its schema line for the editor and a
    comment saying which spreadsheet row it came from."""

    schema = os.path.join(root, SCHEMA_FOLDER, f"{kind}.schema.json")
    rel = os.path.relpath(schema, os.path.dirname(target)).replace(os.sep, "/")
    out = [f"# yaml-language-server: $schema={rel}", f"# Diimpor dari {source}."]
    for key, value in data.items():
        out.extend(block_lines(key, value, ""))
    return "\n".join(out) + "\n"
