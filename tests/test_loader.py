"""The located YAML loader: exact positions, and every odd input becomes a located issue."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wksbm_cli.load import yamldoc
from wksbm_cli.load.files import decode
from wksbm_cli.load.yamldoc import BadScalar, load_document


def issues(text: str) -> list[tuple[str, int, int]]:
    return [(i.rule, i.line, i.column) for i in load_document(text).issues]


def test_positions_of_keys_and_items() -> None:
    doc = load_document("a: 1\nb:\n  - x\n  - {c: 2}\n")
    assert doc.data == {"a": 1, "b": ["x", {"c": 2}]}
    assert doc.marks[("a",)] == (1, 1)
    assert doc.marks[("b",)] == (2, 1)
    assert doc.marks[("b", 0)] == (3, 5)
    assert doc.marks[("b", 1)] == (4, 5)
    assert doc.marks[("b", 1, "c")] == (4, 6)


def test_where_falls_back_to_nearest_ancestor() -> None:
    doc = load_document("x:\n  y: 1\n")
    assert doc.where(("x", "y", "z")) == (2, 3)
    assert doc.where(("nope",)) == (1, 1)


def test_columns_count_characters_not_bytes() -> None:
    doc = load_document("nama: Désa Ümbul\nx: [é, ü]\n")
    assert doc.marks[("x", 1)] == (2, 8)


def test_duplicate_key_at_second_occurrence_naming_first_line() -> None:
    doc = load_document("nama: A\nid: x\nnama: B\n")
    assert [(i.rule, i.line, i.column, i.args["first"]) for i in doc.issues] == [
        ("duplicate-key", 3, 1, 1)
    ]
    assert doc.data["nama"] == "A"


def test_duplicate_key_in_flow_mapping() -> None:
    assert issues("{a: 1, a: 2}") == [("duplicate-key", 1, 8)]


def test_anchor_alias_and_merge_are_refused_unexpanded() -> None:
    doc = load_document("a: &x [1]\nb: *x\n<<: {c: 1}\n")
    assert [(i.rule, i.message_key, i.line, i.column) for i in doc.issues] == [
        ("yaml-alias", "yaml-alias.anchor", 1, 4),
        ("yaml-alias", "yaml-alias.alias", 2, 4),
        ("yaml-alias", "yaml-alias.merge", 3, 1),
    ]
    assert doc.data == {"a": [1], "b": None}


def test_billion_laughs_is_not_expanded() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):
        refs = ",".join([f"*a{n - 1}"] * 9)
        lines.append(f"a{n}: &a{n} [{refs}]")
    doc = load_document("\n".join(lines))
    assert sum(1 for i in doc.issues if i.rule == "yaml-alias") == 10 + 81
    assert all(v is None for v in doc.data["a9"])


def test_explicit_tags_are_reported_and_never_constructed() -> None:
    doc = load_document("a: !!python/object/apply:os.system [echo hi]\nb: !!str 5\n")
    assert [(i.rule, i.line, i.column) for i in doc.issues] == [
        ("yaml-tag", 1, 4),
        ("yaml-tag", 2, 4),
    ]
    assert doc.data["b"] == "5"


def test_impossible_date_is_located_not_raised() -> None:
    doc = load_document("tanggal: 2025-06-31\n")
    assert [(i.rule, i.message_key, i.line, i.column) for i in doc.issues] == [
        ("invalid-value", "bad-scalar.date.day", 1, 10)
    ]
    assert isinstance(doc.data["tanggal"], BadScalar)


def test_yaml_11_conversions_keep_their_source_text() -> None:
    doc = load_document("t: 0217654321\nok: no\nj: 1:30\nd: 2025-06-17\nq: '0812'\n")
    assert doc.data == {
        "t": 0o217654321,
        "ok": False,
        "j": 90,
        "d": dt.date(2025, 6, 17),
        "q": "0812",
    }
    assert doc.plain == {
        ("t",): "0217654321",
        ("ok",): "no",
        ("j",): "1:30",
        ("d",): "2025-06-17",
    }


def test_keys_are_kept_as_written() -> None:
    assert load_document("on: 1\nno: 2\n").data == {"on": 1, "no": 2}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\na: 1\n---\nb: 2\n", [("yaml-syntax", 3, 1)]),
        ("a:\n\t- b\n", [("yaml-syntax", 2, 1)]),
        ('nama: "tidak ditutup\n', [("yaml-syntax", 1, 7)]),
        ("a: \x00\n", [("yaml-syntax", 1, 4)]),
        ("? [a]\n: b\n", [("wrong-type", 1, 3)]),
    ],
)
def test_syntax_problems_are_located(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert issues(text) == expected


def test_tab_gets_a_hint() -> None:
    (issue,) = load_document("a:\n\t- b\n").issues
    assert issue.message_key == "yaml-syntax.tab"  # the message itself is about the tab


@pytest.fixture(params=["libyaml", "pure-python"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both parsers PyYAML may use: the depth limit must not depend on which one is installed."""
    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML was built without libyaml here")
        monkeypatch.setattr(yamldoc, "_Loader", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(yamldoc, "_Loader", yaml.SafeLoader)
    return str(request.param)


def deep_issues(text: str) -> list[tuple[str, int, int]]:
    doc = load_document(text)
    assert doc.data is None
    return [(i.message_key, i.line, i.column) for i in doc.issues]


@pytest.mark.parametrize("depth", [65, 999, 1001, 100_000])
def test_deep_flow_nesting_stops_at_our_limit(engine: str, depth: int) -> None:
    # libyaml 0.2.6 gives up at 1,000 flow levels with its own syntax error; ours comes first.
    assert deep_issues("[" * depth) == [("too-deep", 1, 65)]
    assert deep_issues("{a: " * depth) == [("too-deep", 1, 257)]


def test_deep_nesting_is_counted_with_the_block_levels_around_it(engine: str) -> None:
    assert deep_issues("anggota:\n  - " + "[" * 5000 + "\n") == [("too-deep", 2, 67)]
    assert deep_issues("- " * 5000 + "x\n") == [("too-deep", 1, 129)]
    lines = "".join(" " * i + f"tingkat{i}:\n" for i in range(200))
    assert deep_issues(lines) == [("too-deep", 65, 65)]


@pytest.mark.parametrize(
    "text",
    [
        "catatan: '" + "[" * 2000 + "'\n",
        'catatan: "' + "{" * 2000 + '\\" ]"\n',
        "catatan: |\n  " + "[" * 2000 + "\nnama: WKSBM Kalasan\n",
        "# " + "[" * 2000 + "\nnama: WKSBM Kalasan\n",
        "nama: WKSBM Kalasan\ncatatan: [" + "[], " * 500 + "[]]\n",
    ],
    ids=["single-quoted", "double-quoted", "block-scalar", "comment", "many-shallow"],
)
def test_many_brackets_that_are_not_deep_load_in_full(engine: str, text: str) -> None:
    doc = load_document(text)
    assert doc.issues == []
    assert isinstance(doc.data, dict) and doc.data


def test_ordinary_files_are_not_pre_scanned() -> None:
    # The pre-scan only starts when the brackets alone could exceed the limit.
    assert yamldoc.flow_cut("anggota: [" + "[], " * 30 + "]\n", yamldoc.MAX_DEPTH) is None


#: Text before the brackets, and the block levels it opens.
HEADS = {"": 0, "nama: WKSBM Depok\nanggota: ": 1, "- ": 1, "a:\n  b: ": 2}


@given(
    head=st.sampled_from(list(HEADS)),
    depth=st.integers(min_value=1, max_value=3000) | st.integers(min_value=60, max_value=66),
    opener=st.sampled_from(["[", "{a: ", "[ ", "{"]),
)
@settings(max_examples=100, deadline=None)
@example(head="nama: WKSBM Depok\nanggota: ", depth=63, opener="[")
@example(head="nama: WKSBM Depok\nanggota: ", depth=64, opener="[")
@example(head="a:\n  b: ", depth=62, opener="{a: ")
@example(head="a:\n  b: ", depth=63, opener="{a: ")
@example(head="", depth=1001, opener="[")
def test_nesting_is_too_deep_exactly_past_the_limit(head: str, depth: int, opener: str) -> None:
    doc = load_document(head + opener * depth)
    deep = [i for i in doc.issues if i.message_key == "too-deep"]
    levels = HEADS[head] + depth
    assert bool(deep) == (levels > yamldoc.MAX_DEPTH)
    assert {i.rule for i in doc.issues} <= {"yaml-syntax", "wrong-type"}  # `{{`: a complex key


@pytest.mark.parametrize("text", ["", "# only a comment\n", "   \n"])
def test_empty_documents_have_no_data(text: str) -> None:
    doc = load_document(text)
    assert doc.data is None and doc.issues == []


def test_decode_accepts_bom_and_crlf() -> None:
    result = decode(b"\xef\xbb\xbfa: 1\r\nb: 2\r\n")
    assert result.text is not None
    assert load_document(result.text).data == {"a": 1, "b": 2}


def test_decode_locates_invalid_utf8() -> None:
    result = decode(b"a: 1\nb: caf\xe9\n")
    assert (result.issue, result.line, result.column) == ("encoding", 2, 7)


def test_decode_names_utf16() -> None:
    assert decode("a: 1".encode("utf-16")).issue == "encoding.utf16"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
@example("\r{")
@example("-\x850")
def test_any_text_never_raises(text: str) -> None:
    doc = load_document(text)
    # YAML's line breaks (CR LF, CR, LF, NEL, LS, PS) number the lines; an error at the end of
    # the text may sit one line past the last.
    lines = len(re.findall("\r\n|[\r\n\x85\u2028\u2029]", text)) + 2
    for issue in doc.issues:
        assert 1 <= issue.line <= lines
        assert issue.column >= 1


_yamlish = st.recursive(
    st.one_of(
        st.sampled_from(["a", "no", "0812", "1:30", "2025-06-31", "~", "&x a", "*x", "!!str a"]),
        st.text(alphabet="ab:-[]{}#&*!'\" \n\t,?|>", max_size=12),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.lists(st.tuples(inner, inner), max_size=4).map(
            lambda kv: "\n".join(f"{k}: {v}" for k, v in kv)
        ),
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_yamlish)
def test_yaml_like_text_never_raises(text: str) -> None:
    load_document(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_never_raise(data: bytes) -> None:
    result = decode(data)
    if result.text is not None:
        load_document(result.text)
