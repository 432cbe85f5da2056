"""Each schema type's ``ok`` (the plain test that spares a container the generator of every valid
value) may only say True where ``check`` finds nothing: otherwise a problem would go unseen."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wksbm_cli.model.schema import CONFIG, KEGIATAN, ORGANISASI
from wksbm_cli.model.types import Context, SchemaType, Struct


def _types() -> list[SchemaType]:
    seen: dict[int, SchemaType] = {}

    def walk(t: Any) -> None:
        if not isinstance(t, SchemaType) or id(t) in seen:
            return
        seen[id(t)] = t
        for f in dataclasses.fields(t):
            value = getattr(t, f.name)
            for item in value if isinstance(value, tuple) else (value,):
                walk(item.type if hasattr(item, "type") and hasattr(item, "synonyms") else item)

    for root in (ORGANISASI, KEGIATAN, CONFIG):
        walk(root)
    return list(seen.values())


TYPES = _types()


def _samples(t: SchemaType) -> list[Any]:
    """Values near each type's edges, valid and not."""
    out: list[Any] = [None, True, 0, -1, 10**6, "", " ", "x", "aktif", "ketua", 1.5]
    out += [dt.date(2025, 6, 17), "2025-06-17", "2025-02-30", [], {}, ["x"], {"nama": "x"}]
    for name in ("values", "synonyms"):
        out += list(getattr(t, name, ()) or ())
    for name in ("minimum", "maximum"):
        bound = getattr(t, name, None)
        if bound is not None:
            out += [bound - 1, bound, bound + 1]
    if getattr(t, "max_length", None):
        out += ["a" * t.max_length, "a" * (t.max_length + 1)]  # type: ignore[attr-defined]
    return out


def test_the_walk_finds_every_kind_of_type() -> None:
    kinds = {type(t).__name__ for t in TYPES}
    assert {"Text", "Choice", "Date", "Integer", "ListOf", "Struct"} <= kinds
    assert sum(isinstance(t, Struct) for t in TYPES) > 5


@pytest.mark.parametrize("schema_type", TYPES, ids=[type(t).__name__ for t in TYPES])
def test_ok_only_where_check_finds_nothing(schema_type: SchemaType) -> None:
    for value in _samples(schema_type):
        if schema_type.ok(value):
            assert list(schema_type.check(value, ("x",), Context())) == [], value


@settings(max_examples=300, deadline=None)
@given(
    index=st.integers(0, len(TYPES) - 1),
    value=st.one_of(
        st.text(max_size=40),
        st.integers(),
        st.dates().map(str),
        st.dates(),
        st.booleans(),
        st.none(),
        st.from_regex(r"[0-9]{1,4}(/[A-Z.]{1,8}){0,3}/[0-9]{4}", fullmatch=True),
    ),
)
def test_ok_never_hides_a_problem(index: int, value: Any) -> None:
    schema_type = TYPES[index]
    if schema_type.ok(value):
        assert list(schema_type.check(value, ("x",), Context())) == []


def test_a_valid_organisation_needs_no_check_of_its_plain_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The shortcut is taken: a valid value of a text, choice or date field is not given to
    its ``check`` at all (this is where the schema check's time went)."""
    calls: list[str] = []
    texts = [t for t in TYPES if type(t).__name__ in ("Text", "Choice", "Date")]
    originals = {type(t): type(t).check for t in texts}

    def counting(real: Any) -> Any:
        def check(self: Any, value: Any, path: Any, ctx: Any) -> Any:
            calls.append(type(self).__name__)
            return real(self, value, path, ctx)

        return check

    data = {
        "id": "wksbm-contoh",
        "nama": "WKSBM Contoh",
        "jenis": "wksbm",
        "tingkat": "kalurahan",
        "wilayah": {"kapanewon": "Depok", "kalurahan": "Condongcatur"},
        "sk": {"nomor": "12/KEP/2023", "tanggal": dt.date(2023, 3, 1)},
    }
    for kind, real in originals.items():
        monkeypatch.setattr(kind, "check", counting(real))
    found = list(ORGANISASI.check(data, (), Context()))
    assert found == [] and calls == []
