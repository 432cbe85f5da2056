"""The fast YAML path against the located loader, the reference: same data, same plain texts,
same marks wherever a consumer reads one, and the same problems from whole folders.

Inputs: the vendored corpus of YAML spec cases (``tests/data/yaml_corpus``, valid and invalid),
the hostile inputs of the other test files, hypothesis-made records full of YAML 1.1 traps,
mutations of all of these, and the benchmark generator's folders. Where the fast path declines
(returns None) the located loader reads the file, so agreement is required only where it answers.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import VARIANTS, generate
from tests.conftest import CONFIG, GOOD_EVENT, GOOD_ORG
from tests.test_hostile import BAD_BYTES, billion_laughs, merge_bomb
from tests.test_hostile_input import GIANT_HEX, HUGE
from wksbm_cli.load import fastyaml
from wksbm_cli.load.fastmarks import FastDocument, LazyMarks
from wksbm_cli.load.files import decode
from wksbm_cli.load.yamldoc import Document, load_document
from wksbm_cli.load.yamldoc import Path as DocPath

ROOT = Path(__file__).parent.parent
CORPUS = sorted((Path(__file__).parent / "data" / "yaml_corpus").glob("*.yaml"))

needs_ryml = pytest.mark.skipif(not fastyaml.available(), reason="rapidyaml is not installed")
pytestmark = needs_ryml


def _same(a: Any, b: Any) -> bool:
    """Equal values of equal types, keys in the same order (NaN equals NaN)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def _paths(data: Any, path: DocPath = ()) -> Iterator[DocPath]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*path, index))


def check(text: str) -> Document | None:
    """Both loaders on ``text``: the fast document (or None) after every comparison."""
    fast = fastyaml.load_fast(text)
    if fast is None:
        return None
    ref = load_document(text)
    assert ref.issues == [], (text, ref.issues)
    assert fast.issues == []
    assert _same(fast.data, ref.data), (text, fast.data, ref.data)
    assert fast.plain == ref.plain, text
    marks = fast.marks
    assert isinstance(marks, LazyMarks)
    assert set(ref.marks) == set(_paths(ref.data)), text  # what ``in`` answers from the data
    for path, mark in ref.marks.items():
        assert path in marks, (text, path)
        located = marks.locate(path)
        assert located in (None, mark), (text, path, located, mark)
        assert fast.where(path) == mark, (text, path)
        assert fast.where((*path, "nope", 3)) == ref.where((*path, "nope", 3))
    assert ("no such key",) not in marks and (0, 0, 0) not in marks
    assert isinstance(fast, FastDocument)
    items = sorted((pos, path) for path, pos in ref.marks.items())  # the privacy locator's way
    positions = [pos for pos, _ in items]
    for line, column in {(1, 1), *positions}:
        for pos in ((line, column - 1), (line, column), (line, column + 1), (line + 1, 0)):
            index = bisect.bisect_right(positions, pos) - 1
            assert fast.path_at(pos) == (items[index][1] if index >= 0 else ()), (text, pos)
    assert dict(marks.items()) == ref.marks  # every other read: the located loader's own
    return fast


# -- (a) the vendored corpus --------------------------------------------------------------------


@pytest.mark.parametrize("case", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus(case: Path) -> None:
    text = case.read_bytes().decode("utf-8")
    check(text)
    check(text.replace("\r\n", "\n").replace("\n", "\r\n"))
    check(text + "\n# akhir\n")


def test_corpus_is_read_by_the_fast_path_where_ordinary() -> None:
    """Not a vacuous test: plain records, flows, quotes and block scalars do go fast."""
    fast = {p.stem.split("-", 1)[1] for p in CORPUS if check(p.read_text("utf-8")) is not None}
    assert {
        "record-organisation",
        "record-event",
        "spec-invoice-like",
        "flow-nested",
        "single-quoted",
        "literal-chomping",
        "folded-chomping",
        "plain-multiline",
        "record-many-dates",
        "crlf",
    } <= fast
    assert len(fast) >= 60


# -- (b) hostile inputs -------------------------------------------------------------------------


def _hostile() -> dict[str, str]:
    texts = {
        "laughs": billion_laughs(),
        "merge": merge_bomb(),
        "flow-deep": "[" * 10**5,
        "map-deep": "{a: " * 10**4,
        "block-deep": "anggota:\n  - " + "[" * 5000 + "\n",
        "dashes-deep": "- " * 5000 + "x\n",
        "indent-deep": "".join(" " * i + f"tingkat{i}:\n" for i in range(200)),
        "giant-hex": GOOD_ORG + f"jumlah_anggota: {GIANT_HEX}\n",
        "huge": GOOD_EVENT.replace("jumlah: 30", f"jumlah: {HUGE}") + "tahun_anggaran: 20250\n",
        "python-tags": 'id: !!python/object/apply:os.system ["true"]\nnama: !!python/name:os.x\n',
        "long-line": "nama: " + "y" * 20000 + "\n",
        "config": CONFIG,
    }
    for name, (data, _, _) in BAD_BYTES.items():
        decoded = decode(data)
        if decoded.text is not None:
            texts[name] = decoded.text
    for folder in ("records", "tests/cases", "tests/golden"):
        for path in sorted((ROOT / folder).rglob("*.yaml")):
            texts[str(path.relative_to(ROOT))] = path.read_text("utf-8")
    return texts


HOSTILE = _hostile()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_inputs(name: str) -> None:
    check(HOSTILE[name])


# -- (c) hypothesis: records full of YAML 1.1 traps ---------------------------------------------

TRAPS = [
    "0", "00", "017", "0217654321", "09", "09.5", "0o17", "0x1F", "0b101", "1_000", "1_0.5",
    "+1", "-1", "+0", "-0", "-.5", ".5", "5.", "1e5", "1.0e+5", "1.5E-3", "12e03",
    ".inf", "-.inf", "+.inf", ".Inf", ".NaN", ".nan", "nan", "inf", "-inf", "infinity",
    "1:30", "190:20:30", "-1:30", "1:30.5", "yes", "no", "Yes", "NO", "on", "off", "On", "OFF",
    "true", "False", "TRUE", "y", "n", "~", "null", "Null", "NULL", "", "=", "<<",
    "2025-06-17", "2025-06-31", "2025-02-29", "2025-6-7", "2025-06-17 10:00",
    "2025-06-17T10:00:00Z", "2001-12-14 21:59:43.10 -5", "0812-3456-7890", "34.04",
    "34.04.01", "3404071234560001", "1" * 45, "0x" + "f" * 50, "Désa Ümbul", "日本", "🙂",
    "x:y", "a#b", "a, b", "wksbm-a", "-x", "--", "x-", "a\\b", "it's", "Ma'ruf",
    'say "hi"', "\u00a0x", "x ", " x", "%x", "@x", "]x", "a: b", "- a", "? a", "#x", "|", ">",
]  # fmt: skip
WORDS = ["WKSBM Depok", "ketua", "Balai Padukuhan, Kalitirto", "https://a.id/b?c=d", "x@y.id"]
KEYS = ["id", "nama", "a", "b", "on", "no", "1", "2025-01-01", "~", "null", "x y", "é", "nan"]
ESCAPES = ["\\t", "\\n", "\\x41", "\\u00e9", "\\U0001F600", "\\N", "\\_", "\\/", "\\ ", "\\0"]


@st.composite
def _scalar(draw: st.DrawFn, indent: int) -> str:
    value = draw(
        st.sampled_from(TRAPS)
        | st.sampled_from(WORDS)
        | st.text(st.sampled_from("ab1.:-# '\"é"), max_size=6)
    )
    style = draw(st.sampled_from(["plain", "plain", "single", "double", "block", "flow"]))
    if style == "plain":
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    if style == "double":
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return '"' + draw(st.sampled_from(["", *ESCAPES])) + escaped + '"'
    if style == "block":
        pad = " " * (indent + 2)
        lines = draw(st.lists(st.sampled_from(TRAPS), min_size=1, max_size=3))
        header = draw(st.sampled_from(["|", "|-", "|+", ">", ">-", ">+"]))
        return header + "\n" + "\n".join(pad + line if line else "" for line in lines)
    items = draw(st.lists(st.sampled_from(["a", "1", "'x'", "no", "[]", "{}", "{a: 1}"])))
    return "[" + ", ".join(items) + "]"


@st.composite
def _mapping(draw: st.DrawFn, indent: int = 0, depth: int = 0) -> str:
    out = []
    for key in draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=5, unique=True)):
        head = " " * indent + draw(st.sampled_from([key, key, f"'{key}'", f'"{key}"'])) + ":"
        comment = draw(st.sampled_from(["", "", " # c", "  # x: y"]))
        kinds = ["scalar", "scalar", "map", "seq"] if depth < 3 else ["scalar"]
        kind = draw(st.sampled_from(kinds))
        if kind == "scalar":
            out.append(f"{head} {draw(_scalar(indent))}{comment}\n")
        elif kind == "map":
            step = draw(st.sampled_from([2, 4]))
            out.append(f"{head}{comment}\n" + draw(_mapping(indent + step, depth + 1)))
        else:
            step = draw(st.sampled_from([0, 2]))
            out.append(f"{head}{comment}\n")
            for _ in range(draw(st.integers(1, 3))):
                dash = " " * (indent + step) + "- "
                if draw(st.booleans()):
                    out.append(dash + draw(_mapping(indent + step + 2, depth + 1)).lstrip(" "))
                else:
                    out.append(dash + draw(_scalar(indent + step)) + "\n")
        out.append(draw(st.sampled_from(["", "", "", "\n", "# komentar\n"])))
    return "".join(out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=_mapping(),
    crlf=st.booleans(),
    bom=st.booleans(),
    final_newline=st.sampled_from([True, True, False]),
)
def test_made_up_records(body: str, crlf: bool, bom: bool, final_newline: bool) -> None:
    text = body if final_newline else body.rstrip("\n")
    if crlf:
        text = text.replace("\n", "\r\n")
    data = ("\ufeff" if bom else "") + text
    decoded = decode(data.encode("utf-8"))
    assert decoded.text is not None
    check(decoded.text)


# -- mutations: where the two parsers were found to disagree ------------------------------------

SEEDS = [p.read_text("utf-8") for p in CORPUS if p.stat().st_size < 2000] + [GOOD_ORG, GOOD_EVENT]
PIECES = [
    *":-[]{},#'\"|>?&*!% \n\tab01.~+eE_xo",
    "  ", "- ", ": ", "\n  ", "\n- ", "''", '""', "yes", "no", "1:2", ".inf", "2025-06-31",
    "\\", "\\u00e9", "\r\n", "...", "---", "nan", "0o7", "09", "1_0", "é", "\u00a0",
]  # fmt: skip


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_inputs(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(SEEDS))
    if data.draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        how = data.draw(st.sampled_from(["insert", "insert", "delete", "repeat"]))
        if how == "insert":
            text = text[:at] + data.draw(st.sampled_from(PIECES)) + text[at:]
        elif how == "delete":
            text = text[:at] + text[at + data.draw(st.integers(1, 3)) :]
        else:
            end = min(len(text), at + data.draw(st.integers(1, 10)))
            text = text[:at] + text[at:end] * 2 + text[end:]
    check(text)


# -- (d) benchmark folders, file by file and through the CLI ------------------------------------


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("bench")
    out = {}
    for variant in VARIANTS:
        out[variant] = base / variant
        generate(str(out[variant]), 40, variant=variant, problems=True)
    return out


@pytest.mark.parametrize("variant", VARIANTS)
def test_benchmark_files(bench: dict[str, Path], variant: str) -> None:
    files = sorted(bench[variant].rglob("*.yaml"))
    fast = [path for path in files if check(path.read_text("utf-8")) is not None]
    assert len(fast) >= 0.9 * len(files)  # the ordinary record does go fast


def _problems(run_cli: Callable[..., Any], root: Path, **env: str) -> list[Any]:
    result = run_cli(
        "--lang", "en", "--records", str(root), "validate", "--format", "json",
        "--no-cache", "--as-of", "2026-01-01", env=env,
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.stdout
    return list(json.loads(result.stdout)["problems"])


@pytest.mark.parametrize("variant", VARIANTS)
def test_whole_folders_give_the_same_problems(
    bench: dict[str, Path],
    variant: str,
    run_cli: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = bench[variant]
    for path, text in [
        ("organisasi/aneh/flow.yaml", GOOD_ORG.replace("wksbm-contoh", "wksbm-flow")),
        ("organisasi/aneh/crlf.yaml", GOOD_ORG.replace("wksbm-contoh", "wksbm-crlf")),
        ("organisasi/aneh/rusak.yaml", "id: wksbm-rusak\nnama: ]x\n"),
        ("organisasi/aneh/jangkar.yaml", "id: &a wksbm-jangkar\nnama: *a\n"),
        ("organisasi/aneh/ganda.yaml", "id: wksbm-ganda\nid: wksbm-ganda\n"),
        ("organisasi/aneh/tanggal.yaml", "id: wksbm-tanggal\ndibentuk: 2025-02-30\n"),
        ("organisasi/aneh/hp.yaml", GOOD_ORG.replace("Contoh Ketua", "Ketua 0812-3456-7890")),
    ]:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.replace("\n", "\r\n") if "crlf" in path else text
        target.write_bytes(data.encode("utf-8"))
    calls = {"fast": 0}
    real = fastyaml.load_fast

    def counting(text: str) -> Any:
        doc = real(text)
        calls["fast"] += doc is not None
        return doc

    monkeypatch.setattr(fastyaml, "load_fast", counting)
    located = _problems(run_cli, root, WKSBM_YAML="located")
    assert calls["fast"] == 0
    fast = _problems(run_cli, root, WKSBM_YAML="fast")
    assert calls["fast"] > 30  # the fast path did read most files
    assert fast == located
    assert {p["rule"] for p in fast} >= {"yaml-syntax", "yaml-alias", "duplicate-key"}
