"""``wksbm schema``: JSON Schema of the records and the config, for editors."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from wksbm_cli.cli.common import current_lang, err_console, guarded, write_out
from wksbm_cli.cli.options import output_option


class SchemaKind(StrEnum):
    organisasi = "organisasi"
    kegiatan = "kegiatan"
    wksbm = "wksbm"


@guarded
def schema(
    output: str | None = output_option(
        "Write organisasi.schema.json, kegiatan.schema.json and wksbm.schema.json"
        " into DIR instead of printing one document.",
        metavar="DIR",
    ),
    kind: Annotated[
        SchemaKind | None, typer.Option("--kind", help="Only the schema of this kind.")
    ] = None,
    force: Annotated[bool, typer.Option(help="Replace existing schema files.")] = False,
) -> None:
    """JSON Schema (draft 2020-12) of organisasi, kegiatan and wksbm.yaml, for editors with the
    YAML language server (VS Code: the YAML extension by Red Hat).

    Without --output: one JSON document {"version": 1, "schemas": {...}} on stdout.
    Exit 2 when a file exists and --force is not given. The files are written as a set: on a
    full disk or any other failure none of them is changed.

    Example: wksbm schema --output schemas
    """
    from rich.text import Text

    from wksbm_cli.i18n import translate
    from wksbm_cli.model.jsonschema import KINDS, combined, write_schemas
    from wksbm_cli.render.safe import visible
    from wksbm_cli.rules.registry import RULES

    kinds = (kind.value,) if kind is not None else KINDS
    if output is None:
        write_out(combined(RULES, kinds))
        return
    for path in write_schemas(output, RULES, kinds, force=force):
        line = translate("schema.wrote", current_lang(), {"path": path})
        err_console().print(Text(visible(line)))
