"""README's field reference, generated from the declarations the validator uses.

Every field of every kind with whether it is required, what value it takes, the export column it
fills and its description in both languages; the mappings used inside (``wilayah``, ``sk``,
``pengurus``, ...) get a table each, once. ``python -m wksbm_cli.cli.generated --write`` puts it
into README, and a test fails when README holds another text.
"""

from __future__ import annotations

from wksbm_cli.i18n import catalog
from wksbm_cli.model.fields import field_columns
from wksbm_cli.model.schema import CONFIG, KEGIATAN, ORGANISASI, RuleSeverities
from wksbm_cli.model.types import (
    AtLeastOne,
    Choice,
    Date,
    Field,
    Integer,
    ListOf,
    SchemaType,
    Struct,
    Text,
    TextOr,
)

KINDS = (
    ("organisasi", ORGANISASI, "an organisation, `organisasi/<kecamatan>/<id>.yaml`"),
    ("kegiatan", KEGIATAN, "an event, `kegiatan/<YYYY>/<id>.yaml`"),
    ("wksbm.yaml", CONFIG, "the records folder's configuration"),
)


def md_cell(text: str) -> str:
    """Help or doc text as a Markdown table cell: one line, ``|`` escaped, and ``<``/``>``
    outside code spans written as entities (``organisasi/<kecamatan>/`` would otherwise be
    taken for an HTML tag and vanish)."""
    parts = text.replace("\n", " ").split("`")
    for i in range(0, len(parts), 2):
        parts[i] = parts[i].replace("<", "&lt;").replace(">", "&gt;")
    return "`".join(parts).replace("|", "\\|")


def _number(value: int) -> str:
    return f"{value:,}" if abs(value) >= 10_000 else str(value)  # years stay 1945, not 1,945


def _inner(schema_type: SchemaType) -> Struct | None:
    """The mapping a value is made of, if any (through lists, text-or-mapping, at-least-one)."""
    if isinstance(schema_type, ListOf):
        return _inner(schema_type.item)
    if isinstance(schema_type, TextOr | AtLeastOne):
        return schema_type.struct
    return schema_type if isinstance(schema_type, Struct) else None


def value(schema_type: SchemaType) -> str:
    """What a field takes, in words."""
    words = catalog("en")
    if isinstance(schema_type, Text):
        text = (
            words.get(f"word.{schema_type.pattern_name}", "text")
            if schema_type.pattern_name
            else "text"
        )
        if schema_type.max_length is not None:
            text += f", at most {schema_type.max_length} characters"
        return text
    if isinstance(schema_type, Choice):
        text = "one of " + ", ".join(f"`{v}`" for v in schema_type.values)
        if schema_type.synonyms:
            text += " (also " + ", ".join(f"`{k}` = `{v}`" for k, v in schema_type.synonyms.items())
            text += ")"
        return text
    if isinstance(schema_type, Date):
        return "a date, `YYYY-MM-DD`"
    if isinstance(schema_type, Integer):
        low, high = schema_type.minimum, schema_type.maximum
        if low is not None and high is not None:
            return f"a whole number, {_number(low)} to {_number(high)}"
        return "a whole number"
    if isinstance(schema_type, ListOf):
        item = schema_type.item
        if isinstance(item, Struct):
            return f"a list of mappings (`{item.title}` below)"
        if isinstance(item, AtLeastOne):
            return f"a list of mappings (`{item.struct.title}` below), each with {_one_of(item)}"
        return f"a list; each: {value(item)}"
    if isinstance(schema_type, AtLeastOne):
        return f"a mapping (`{schema_type.struct.title}` below) with {_one_of(schema_type)}"
    if isinstance(schema_type, TextOr):
        return f"text, or a mapping (`{schema_type.struct.title}` below)"
    if isinstance(schema_type, Struct):
        return f"a mapping (`{schema_type.title}` below)"
    if isinstance(schema_type, RuleSeverities):
        return "a mapping of rule id to `error`, `warning`, `info` or `off`"
    return schema_type.describe()


def _one_of(schema_type: AtLeastOne) -> str:
    return "at least " + " or ".join(f"`{k}`" for k in schema_type.keys)


def _name(field: Field) -> str:
    text = f"`{field.name}`"
    if field.synonyms:
        text += " (or " + ", ".join(f"`{s}`" for s in field.synonyms) + ")"
    return text


def _required(field: Field) -> str:
    if field.required is True:
        return "yes"
    if callable(field.required):
        return f"if `{field.required_note}`" if field.required_note else "sometimes"
    return ""


def _meaning(field: Field) -> str:
    if field.doc_en and field.doc_id:
        return f"{md_cell(field.doc_en)} / *{md_cell(field.doc_id)}*"
    return md_cell(field.doc_en or field.doc_id)


def _table(struct: Struct, columns: bool) -> list[str]:
    head = ["field", "required", "value"] + (["column"] if columns else []) + ["meaning / *arti*"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for field in struct.fields:
        cells = [_name(field), _required(field), md_cell(value(field.type))]
        if columns:
            cells.append(", ".join(f"`{c.name}`" for c in field_columns(field)))
        cells.append(_meaning(field))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _parts(struct: Struct, where: str, found: dict[str, tuple[Struct, list[str]]]) -> None:
    """Every mapping used inside ``struct``, with where it is used, in order of first use."""
    for field in struct.fields:
        inner = _inner(field.type)
        if inner is None:
            continue
        path = f"{where}.{field.name}"
        entry = found.setdefault(inner.title, (inner, []))
        entry[1].append(f"`{path}`")
        _parts(inner, path, found)


def markdown() -> str:
    lines = [
        "Required: **yes** always, **if** only under that condition. Column: the column the field"
        "\nfills in `wksbm export`, `wksbm list` and `wksbm show --format json`.",
    ]
    found: dict[str, tuple[Struct, list[str]]] = {}
    for name, struct, what in KINDS:
        lines += ["", f"#### `{name}`: {what}", "", *_table(struct, name != "wksbm.yaml")]
        _parts(struct, name, found)
    lines += ["", "#### The mappings inside"]
    for title, (struct, used) in found.items():
        lines += ["", f"**`{title}`**, in {', '.join(used)}:", "", *_table(struct, False)]
    return "\n".join(lines) + "\n"
