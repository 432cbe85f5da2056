"""The building blocks of the record schema: each knows how to check a value and describe itself.

One declaration serves three readers: the validator (``check``), the JSON Schema export for editors
(``json_schema``) and the generated docs (``describe``). Keeping all three on the same object is
what stops the documentation from describing fields the validator rejects.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from wksbm_cli.core.suggest import did_you_mean
from wksbm_cli.load.yamldoc import BadScalar, Path, is_date


@dataclass(frozen=True, slots=True)
class SchemaIssue:
    rule: str
    path: Path
    message_key: str
    args: dict[str, Any]


class Context:
    """What a check needs besides the value: the unquoted source text of converted scalars, and
    the rule ids ``aturan:`` may name (the rules table sits above this layer, so the caller that
    knows it passes its ids in)."""

    def __init__(
        self, plain: Mapping[Path, str] | None = None, rule_ids: Collection[str] = ()
    ) -> None:
        self.plain = plain or {}
        self.rule_ids = rule_ids


def field_name(path: Path) -> str:
    """``("pengurus", 2, "telepon")`` -> ``pengurus[2].telepon`` (0-based, as in JSON tools)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def _type_word(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, dt.datetime):
        return "datetime"
    if is_date(value):
        return "date"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    return "other"


def wrong_type(path: Path, expected: str, value: Any, ctx: Context) -> SchemaIssue:
    raw = ctx.plain.get(path, "")
    key = "wrong-type.quote" if raw and expected in ("text", "choice") else "wrong-type"
    return SchemaIssue(
        "wrong-type",
        path,
        key,
        {"field": field_name(path), "expected": expected, "got": _type_word(value), "raw": raw},
    )


class SchemaType:
    """Base of all schema types. ``expected`` is the catalog word for "what was expected"."""

    expected = "value"

    def check(self, value: Any, path: Path, ctx: Context) -> Iterator[SchemaIssue]:
        raise NotImplementedError

    def ok(self, value: Any) -> bool:
        """True only where :meth:`check` would find nothing: a plain test that spares a
        container the generator of each of its many valid values. False: ask ``check``."""
        return False

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def describe(self) -> str:
        return self.expected


@dataclass(frozen=True)
class Text(SchemaType):
    pattern: str | None = None
    max_length: int | None = None
    pattern_name: str = ""  # catalog word naming the pattern for messages
    expected = "text"

    @cached_property
    def _compiled(self) -> re.Pattern[str] | None:
        return re.compile(self.pattern) if self.pattern is not None else None

    def ok(self, value: Any) -> bool:
        if type(value) is not str or not value.strip():
            return False
        if self.max_length is not None and len(value) > self.max_length:
            return False
        return self._compiled is None or self._compiled.fullmatch(value) is not None

    def check(self, value: Any, path: Path, ctx: Context) -> Iterator[SchemaIssue]:
        if not isinstance(value, str):
            yield wrong_type(path, "text", value, ctx)
            return
        if not value.strip():
            yield SchemaIssue(
                "invalid-value", path, "invalid-value.blank", {"field": field_name(path)}
            )
            return
        if self.max_length is not None and len(value) > self.max_length:
            yield SchemaIssue(
                "invalid-value",
                path,
                "invalid-value.too-long",
                {"field": field_name(path), "max": self.max_length},
            )
        if self._compiled is not None and not self._compiled.fullmatch(value):
            yield SchemaIssue(
                "invalid-value",
                path,
                "invalid-value.pattern",
                {"field": field_name(path), "value": value[:60], "pattern": self.pattern_name},
            )

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.pattern is not None:
            out["pattern"] = f"^(?:{self.pattern})$"
        else:
            out["pattern"] = r"\S"  # blank text is rejected by the validator too
        if self.max_length is not None:
            out["maxLength"] = self.max_length
        return out


@dataclass(frozen=True)
class Choice(SchemaType):
    """One of a fixed set of snake_case values; ``synonyms`` map accepted spellings to a value."""

    values: tuple[str, ...]
    synonyms: Mapping[str, str] = field(default_factory=dict)
    expected = "choice"

    def normalize(self, value: str) -> str:
        return self.synonyms.get(value, value)

    @cached_property
    def _allowed(self) -> frozenset[str]:
        return frozenset((*self.values, *self.synonyms))

    def ok(self, value: Any) -> bool:
        return type(value) is str and value in self._allowed

    def check(self, value: Any, path: Path, ctx: Context) -> Iterator[SchemaIssue]:
        if not isinstance(value, str):
            yield wrong_type(path, "choice", value, ctx)
            return
        allowed = (*self.values, *self.synonyms)
        if value in allowed:
            return
        yield SchemaIssue(
            "invalid-value",
            path,
            "invalid-value.choice",
            {
                "field": field_name(path),
                "value": value[:60],
                "allowed": ", ".join(self.values),
                "suggestion": did_you_mean(value, allowed),
            },
        )

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": [*self.values, *self.synonyms]}

    def describe(self) -> str:
        text = " | ".join(f"`{v}`" for v in self.values)
        if self.synonyms:
            text += " (" + ", ".join(f"`{k}` = `{v}`" for k, v in self.synonyms.items()) + ")"
        return text


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def as_date(value: Any) -> dt.date | None:
    """A record date: a YAML date, or a quoted ``YYYY-MM-DD`` text (as editors write them)."""
    if is_date(value):
        return value  # type: ignore[no-any-return]
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class Date(SchemaType):
    expected = "date"

    def ok(self, value: Any) -> bool:
        return as_date(value) is not None

    def check(self, value: Any, path: Path, ctx: Context) -> Iterator[SchemaIssue]:
        if as_date(value) is not None:
            return
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            yield SchemaIssue(
                "invalid-value",
                path,
                "invalid-value.date",
                {"field": field_name(path), "value": value},
            )
            return
        yield wrong_type(path, "date", value, ctx)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date"}

    def describe(self) -> str:
        return "date `YYYY-MM-DD`"


@dataclass(frozen=True)
class Integer(SchemaType):
    """A whole number within a declared range. Every count has one: a value past it is a typo or
    an attack (``1e30``-sized numbers overflow SQLite's 64-bit INTEGER, 5,000-digit ones break
    Python's int-to-text limit), and it is reported at its line and kept out of the record."""

    minimum: int | None = None
    maximum: int | None = None
    expected = "integer"

    def accepts(self, value: Any) -> bool:
        """True for an int this field may hold (the records keep only such values)."""
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        low = self.minimum is not None and value < self.minimum
        high = self.maximum is not None and value > self.maximum
        return not (low or high)

    def ok(self, value: Any) -> bool:
        return self.accepts(value)

    def check(self, value: Any, path: Path, ctx: Context) -> Iterator[SchemaIssue]:
        if isinstance(value, bool) or not isinstance(value, int):
            yield wrong_type(path, "integer", value, ctx)
            return
        if not self.accepts(value):
            yield SchemaIssue(
                "invalid-value",
                path,
                "invalid-value.range",
                {
                    "field": field_name(path),
                    "value": value,
                    "min": "" if self.minimum is None else self.minimum,
                    "max": "" if self.maximum is None else self.maximum,
                },
            )

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return out


@dataclass(frozen=True)
class ListOf(SchemaType):
    item: SchemaType
    expected = "list"

    def check(self, value: Any, path: Path, ctx: Context) -> Iterator[SchemaIssue]:
        if not isinstance(value, list):
            yield wrong_type(path, "list", value, ctx)
            return
        item = self.item
        for index, element in enumerate(value):
            if isinstance(element, BadScalar) or item.ok(element):
                continue
            yield from item.check(element, (*path, index), ctx)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.item.json_schema()}

    def describe(self) -> str:
        return f"list of {self.item.describe()}"


Required = bool | Callable[[Mapping[str, Any]], bool]


@dataclass(frozen=True)
class TableColumn:
    """One column of the record tables that ``list``, ``show`` and ``export`` print.

    ``source`` is the attribute path on the typed record (``sk.nomor`` reads ``record.sk.nomor``;
    a missing part gives an empty cell); ``kind`` (text, integer, date) sets the SQL type and the
    spreadsheet's date format; ``label`` is the catalog key of its heading; ``shown`` puts it on
    a line of ``show``."""

    name: str
    source: str
    kind: str = "text"
    label: str = ""
    shown: bool = False


@dataclass(frozen=True)
class Field:
    """One key of a mapping. ``synonyms`` are other accepted names; only one of them may appear.

    Besides what the validator and the JSON Schema read, a field says once how people meet it:
    ``label`` (catalog key of its name in ``show`` and ``list``), ``example`` (what follows
    ``name:`` in the commented-out line of a ``wksbm new`` record: a value and/or ``# hint``,
    further lines indented; ``$desa`` and ``$kecamatan`` become the folder's region words),
    ``export`` (True: one column named after the field and read from the record's attribute of
    that name; or the columns of a mapping, see ``model.fields.sub_columns``), ``shown`` (a line
    of ``show``) and ``export_after`` (a column placed after another, where the published
    column order differs from the schema's)."""

    name: str
    type: SchemaType
    required: Required = False
    synonyms: tuple[str, ...] = ()
    doc_id: str = ""
    doc_en: str = ""
    required_note: str = ""  # e.g. "for jenis: wksbm", shown in docs
    # The condition behind a callable ``required`` in a form JSON Schema can state: (key, value).
    required_if: tuple[str, str] | None = None
    label: str = ""
    example: str = ""
    export: bool | tuple[TableColumn, ...] = False
    shown: bool = False
    export_after: str = ""


@dataclass(frozen=True)
class Struct(SchemaType):
    """A mapping with known keys. Unknown keys are errors: a typo must never pass silently."""

    fields: tuple[Field, ...]
    title: str = ""
    expected = "mapping"

    @cached_property
    def _names(self) -> dict[str, Field]:
        """Every accepted key (names and synonyms) and its field; made once, read per file."""
        out: dict[str, Field] = {}
        for f in self.fields:
            out[f.name] = f
            for syn in f.synonyms:
                out[syn] = f
        return out

    @cached_property
    def _may_be_required(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.required)

    def normalize(self, value: Mapping[str, Any]) -> dict[str, Any]:
        """The mapping with synonyms replaced by the canonical key (first one found wins)."""
        names = self._names
        out: dict[str, Any] = {}
        for key, item in value.items():
            f = names.get(key)
            if f is not None and f.name not in out:
                out[f.name] = item
        return out

    def check(self, value: Any, path: Path, ctx: Context) -> Iterator[SchemaIssue]:
        if not isinstance(value, dict):
            yield wrong_type(path, "mapping", value, ctx)
            return
        names = self._names
        present: dict[str, str] = {}
        for key, item in value.items():
            f = names.get(key)
            if f is None:
                yield SchemaIssue(
                    "unknown-field",
                    (*path, key),
                    "unknown-field",
                    {
                        "field": field_name((*path, key)),
                        "suggestion": did_you_mean(key, list(names)),
                    },
                )
                continue
            if f.name in present:
                yield SchemaIssue(
                    "duplicate-key",
                    (*path, key),
                    "duplicate-key.synonym",
                    {"key": key, "other": present[f.name]},
                )
                continue
            present[f.name] = key
            if isinstance(item, BadScalar) or f.type.ok(item):
                continue
            yield from f.type.check(item, (*path, key), ctx)
        canonical: dict[str, Any] | None = None
        for f in self._may_be_required:
            if f.name in present:
                continue
            if callable(f.required):
                if canonical is None:
                    canonical = self.normalize(value)
                needed = f.required(canonical)
            else:
                needed = True
            if needed:
                yield SchemaIssue(
                    "missing-field",
                    path,
                    "missing-field",
                    {"field": field_name((*path, f.name)), "note": f.required_note},
                )

    def json_schema(self) -> dict[str, Any]:
        props: dict[str, Any] = {}
        required: list[str] = []
        for f in self.fields:
            sub = f.type.json_schema()
            if f.doc_id or f.doc_en:
                sub = {"description": f"{f.doc_id}\n\n{f.doc_en}".strip(), **sub}
            props[f.name] = sub
            for syn in f.synonyms:
                props[syn] = {**sub, "description": f"= {f.name}. " + sub.get("description", "")}
            if f.required is True:
                required.append(f.name)
        out: dict[str, Any] = {"type": "object"}
        if self.title:
            out["title"] = self.title
        out["properties"] = props
        out["additionalProperties"] = False
        if required:
            out["required"] = required
        groups = [(f.name, *f.synonyms) for f in self.fields if f.synonyms]
        rules: list[dict[str, Any]] = [
            {"not": {"required": [a, b]}}
            for names in groups
            for i, a in enumerate(names)
            for b in names[i + 1 :]
        ]
        conditions: dict[tuple[str, str], list[str]] = {}
        for f in self.fields:
            if f.required_if is not None:
                conditions.setdefault(f.required_if, []).append(f.name)
        for (key, value), names in conditions.items():
            rules.append(
                {
                    "if": {"properties": {key: {"const": value}}, "required": [key]},
                    "then": {"required": names},
                }
            )
        if rules:
            out["allOf"] = rules
        return out


@dataclass(frozen=True)
class TextOr(SchemaType):
    """Either a short text or a mapping with details (``penyelenggara``, ``tempat``)."""

    struct: Struct
    text: Text = field(default_factory=Text)
    expected = "text-or-mapping"

    def check(self, value: Any, path: Path, ctx: Context) -> Iterator[SchemaIssue]:
        if isinstance(value, dict):
            yield from self.struct.check(value, path, ctx)
        elif isinstance(value, str):
            yield from self.text.check(value, path, ctx)
        else:
            yield wrong_type(path, "text-or-mapping", value, ctx)

    def json_schema(self) -> dict[str, Any]:
        return {"oneOf": [self.text.json_schema(), self.struct.json_schema()]}

    def describe(self) -> str:
        return "text, or mapping"


@dataclass(frozen=True)
class AtLeastOne(SchemaType):
    """A struct where at least one of ``keys`` must be present (a speaker: nama or instansi)."""

    struct: Struct
    keys: tuple[str, ...]
    expected = "mapping"

    def check(self, value: Any, path: Path, ctx: Context) -> Iterator[SchemaIssue]:
        yield from self.struct.check(value, path, ctx)
        if isinstance(value, dict) and not any(k in value for k in self.keys):
            yield SchemaIssue(
                "missing-field",
                path,
                "missing-field.one-of",
                {"field": field_name(path), "keys": " / ".join(self.keys)},
            )

    def json_schema(self) -> dict[str, Any]:
        return {**self.struct.json_schema(), "anyOf": [{"required": [k]} for k in self.keys]}
