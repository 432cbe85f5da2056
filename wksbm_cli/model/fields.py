"""What the declared fields give the record tables: their columns, in order.

A field is declared once in ``model/schema.py``; ``export``, ``list``, ``show``, the ``wksbm new``
template and README's field list read these declarations instead of keeping lists of their own,
so a new field is one declaration (plus its attribute on the typed record and its label in the
catalogs) and shows up everywhere it should.
"""

from __future__ import annotations

from wksbm_cli.model.types import Date, Field, Integer, SchemaType, Struct, TableColumn


def kind_of(schema_type: SchemaType) -> str:
    """The column kind of a value: ``integer`` and ``date`` are typed in exports, all else text."""
    if isinstance(schema_type, Integer):
        return "integer"
    if isinstance(schema_type, Date):
        return "date"
    return "text"


def sub_columns(
    struct: Struct, source: str, prefix: str = "", shown: tuple[str, ...] = ()
) -> tuple[TableColumn, ...]:
    """One column per field of a mapping: ``sub_columns(SK, "sk", prefix="sk_")`` is sk_nomor
    (read from ``record.sk.nomor``), sk_tanggal, ... Fields named in ``shown`` are lines of
    ``show``, headed by their own label."""
    return tuple(
        TableColumn(
            prefix + f.name,
            f"{source}.{f.name}",
            kind_of(f.type),
            label=f.label,
            shown=f.name in shown,
        )
        for f in struct.fields
    )


def field_columns(field: Field) -> tuple[TableColumn, ...]:
    if field.export is True:
        return (TableColumn(field.name, field.name, kind_of(field.type), field.label, field.shown),)
    if field.export is False:
        return ()
    return field.export


def display_order(struct: Struct) -> list[Field]:
    """The fields in the order tables and ``show`` list them: the schema's, except a field with
    ``export_after`` comes right after the field holding that column."""
    out = [f for f in struct.fields if not f.export_after]
    for f in struct.fields:
        if f.export_after:
            at = next(
                i
                for i, g in enumerate(out)
                if any(c.name == f.export_after for c in field_columns(g))
            )
            out.insert(at + 1, f)
    return out


def table_columns(struct: Struct) -> tuple[TableColumn, ...]:
    """Every column the record kind's table has, in order (without the ``file`` column, which
    is where the record was read, not a field)."""
    return tuple(c for f in display_order(struct) for c in field_columns(f))
