"""The indented JSON writer behind every ``--format json`` writes exactly the text
``json.dumps(..., ensure_ascii=False, indent=2)`` writes: scripts compare outputs byte for byte."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from wksbm_cli.render.safe import indented_json, json_text

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
)
keys = st.one_of(st.text(), st.integers(), st.booleans(), st.none())
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(st.text(max_size=8), inner, max_size=4),
        st.dictionaries(keys, inner, max_size=3),
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_the_same_text_as_the_standard_library(doc: Any) -> None:
    assert indented_json(doc) == json.dumps(doc, ensure_ascii=False, indent=2)


def test_a_problem_list_and_what_json_text_adds() -> None:
    doc = {"problems": [{"file": "a.yaml", "line": 1, "record": None, "waived": False}] * 2}
    assert json_text(doc) == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    assert json_text({"x": "kiri\u202ekanan"}) == '{\n  "x": "kiri\\u202ekanan"\n}\n'
