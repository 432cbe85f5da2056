"""The fast YAML path's own behaviour: when it is used, what it refuses, that it never prints,
and that positions are computed only when asked for. (Agreement with the located loader is
tests/test_fastyaml_diff.py.)"""

from __future__ import annotations

import datetime as dt
import pickle
import sys
import threading
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import GOOD_EVENT, GOOD_ORG
from wksbm_cli.load import fastyaml
from wksbm_cli.load.fastmarks import FastDocument, LazyMarks
from wksbm_cli.load.fastscan import prescan
from wksbm_cli.load.yamldoc import Document, load_document

needs_ryml = pytest.mark.skipif(not fastyaml.available(), reason="rapidyaml is not installed")


@pytest.fixture
def fast_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path on from the first file, whatever WKSBM_YAML the suite runs with."""
    monkeypatch.setenv(fastyaml.ENV, "fast")


def table_size(marks: Any) -> int:
    """How many marks a LazyMarks holds so far, without filling it."""
    return dict.__len__(marks)


@needs_ryml
def test_an_ordinary_record_is_read_fast_with_yaml_11_meanings(fast_on: None) -> None:
    doc = fastyaml.load_fast_or_located(
        "id: x\ntanggal: 2025-06-17\ntelepon: 0217654321\nok: no\nq: '0812'\nw: 1:30\n"
    )
    assert isinstance(doc, FastDocument)
    assert doc.data == {
        "id": "x",
        "tanggal": dt.date(2025, 6, 17),
        "telepon": 0o217654321,
        "ok": False,
        "q": "0812",
        "w": 90,
    }
    assert doc.plain == {
        ("tanggal",): "2025-06-17",
        ("telepon",): "0217654321",
        ("ok",): "no",
        ("w",): "1:30",
    }
    assert doc.issues == []


@needs_ryml
def test_positions_are_computed_only_when_asked(fast_on: None) -> None:
    doc = fastyaml.load_fast_or_located(GOOD_EVENT)
    assert isinstance(doc.marks, LazyMarks)
    assert ("peserta", "organisasi", 0) in doc.marks
    assert ("peserta", "organisasi", 1) not in doc.marks
    assert table_size(doc.marks) == 0
    assert doc.where(()) == (1, 1)
    assert doc.where(("peserta", "organisasi", 0)) == (6, 36)
    assert doc.where(("peserta", "nope")) == (6, 1)
    assert table_size(doc.marks) == 0  # still nothing filled: computed from ryml's offsets
    assert doc.marks[("tanggal",)] == (4, 1)  # any other read: the located loader's table
    assert table_size(doc.marks) == len(load_document(GOOD_EVENT).marks)
    assert dict(doc.marks) == load_document(GOOD_EVENT).marks


@needs_ryml
def test_marks_pickle_as_the_located_table(fast_on: None) -> None:
    doc = fastyaml.load_fast_or_located(GOOD_ORG)
    copy = pickle.loads(pickle.dumps(doc.marks))
    assert type(copy) is dict
    assert copy == load_document(GOOD_ORG).marks


@pytest.mark.parametrize(
    "text",
    [
        "a: b: c\n",  # refused by ryml, which prints on the C++ side
        "a: [\n  1\n]\n",  # ditto: libyaml takes it
        "- [a\n",
        "a: 'x\n",
        "{a: 1, a: 2}\n",
    ],
)
def test_nothing_reaches_stderr(
    text: str, capfd: pytest.CaptureFixture[str], fast_on: None
) -> None:
    doc = fastyaml.load_fast_or_located(text)
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    assert type(doc) is Document
    assert doc.issues == load_document(text).issues


@needs_ryml
def test_ryml_refusals_and_findings_go_to_the_located_loader(fast_on: None) -> None:
    for text in [
        "a: b: c\n",  # ryml refuses it
        "nama: A\nnama: B\n",  # duplicate key: JSON keeps one
        "tanggal: 2025-06-31\n",  # yamldoc reports it
        "angka: " + "1" * 50 + "\n",
        "a: +1\n",  # not valid JSON
        "- a\n",  # not a mapping
        "a: ]x\n",  # ryml takes it as text, libyaml refuses it
        "nan: 1\n",  # JSON would call the key .nan
    ]:
        assert fastyaml.load_fast(text) is None, text
        assert type(fastyaml.load_fast_or_located(text)) is Document


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "<<: {a: 1}\n",
        "a:\tb\n",
        "a: 1\rb: 2\n",
        "a: x\x85y\n",
        "a: x\u2028y\n",
        "a: \ufeffx\n",
        "a: @x\n",
        "? a\n: b\n",
        'a: "\\ud800"\n',
        "a: |1\n  x\n",
        "a: | # c-d\n  x\n",
        "a: |\n  x",
        "- 'x' -\n",
        "a: 'multi\n  line': x\n",
        "a: {b\n  : c}\n",
        "a: [b:, c]\n",
        "[a]: b\n",
        "a: " + "[" * 49 + "]" * 49 + "\n",
        "k" + " " * 900 + ": v\n",
    ],
)
def test_prescan_refuses(text: str) -> None:
    assert not prescan(text, text.encode("utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        GOOD_ORG,
        GOOD_EVENT,
        "email: budi@desa.id\nurl: https://a.id/?q=1&r=2\nnama: PKK & Karang Taruna!\n",
        "nama: Ma'ruf\ncatatan: 'it''s'\n",
        "a: >-\n  x\n  y\nb: |\n  z\n",
        "a: 1\r\nb: 2\r\n",
        "nama: Désa Ümbul 🙂\n",
        "a: [1, [2, {b: 3}]]\n",
    ],
)
def test_prescan_lets_ordinary_records_through(text: str) -> None:
    assert prescan(text, text.encode("utf-8"))


def test_located_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fastyaml.ENV, "located")
    assert not fastyaml.enabled()
    assert type(fastyaml.load_fast_or_located(GOOD_ORG)) is Document


@pytest.fixture
def fresh_ryml(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Any], None]]:
    """Replace what ``import ryml`` finds, for one test; the real one comes back after."""
    monkeypatch.setenv(fastyaml.ENV, "fast")

    def install(module: Any) -> None:
        monkeypatch.setitem(sys.modules, "ryml", module)
        monkeypatch.setattr(fastyaml, "_state", {})

    yield install


@pytest.mark.parametrize(
    "module",
    [None, types.SimpleNamespace(version="0.14.0"), types.SimpleNamespace(version="0.15.9")],
    ids=["missing", "other-series", "broken"],
)
def test_without_a_working_ryml_the_located_loader_reads(
    fresh_ryml: Callable[[Any], None], module: Any
) -> None:
    fresh_ryml(module)  # None: ``import ryml`` raises ImportError
    assert not fastyaml.available()
    doc = fastyaml.load_fast_or_located(GOOD_ORG)
    assert type(doc) is Document
    assert doc.data == load_document(GOOD_ORG).data


@needs_ryml
def test_not_while_another_thread_may_write_to_stderr(fast_on: None) -> None:
    assert fastyaml.load_fast(GOOD_ORG) is not None
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert fastyaml.load_fast(GOOD_ORG) is None
        assert type(fastyaml.load_fast_or_located(GOOD_ORG)) is Document
    finally:
        stop.set()
        other.join()


@needs_ryml
def test_validate_reads_records_through_the_fast_path(
    make_records: Callable[..., Path],
    run_cli: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
    fast_on: None,
) -> None:
    root = make_records(
        {
            "organisasi/depok/wksbm-contoh.yaml": GOOD_ORG,
            "kegiatan/2025/2025-06-17-pelatihan.yaml": GOOD_EVENT,
        }
    )
    fast: list[bool] = []
    real = fastyaml.load_fast

    def counting(text: str) -> Any:
        doc = real(text)
        fast.append(doc is not None)
        return doc

    monkeypatch.setattr(fastyaml, "load_fast", counting)
    result = run_cli("--records", str(root), "validate", "--no-cache")
    assert result.exit_code == 0, result.stdout
    assert fast == [True, True]


@needs_ryml
def test_a_few_files_do_not_import_ryml(monkeypatch: pytest.MonkeyPatch) -> None:
    """Importing ryml costs about what the fast path saves on a hundred files: a process reads
    its first WARMUP files with the located loader, unless a pool's parent prepared ryml."""
    monkeypatch.delenv(fastyaml.ENV, raising=False)
    monkeypatch.setattr(fastyaml, "_state", {})
    monkeypatch.setattr(fastyaml, "_calls", [0])
    kinds = [type(fastyaml.load_fast_or_located(GOOD_ORG)) for _ in range(fastyaml.WARMUP + 2)]
    assert kinds == [Document] * fastyaml.WARMUP + [FastDocument] * 2
    monkeypatch.setattr(fastyaml, "_state", {})
    monkeypatch.setattr(fastyaml, "_calls", [0])
    fastyaml.prepare()
    assert type(fastyaml.load_fast_or_located(GOOD_ORG)) is FastDocument


@needs_ryml
def test_json_is_written_into_our_buffer(monkeypatch: pytest.MonkeyPatch, fast_on: None) -> None:
    """``ryml.emit_json`` never frees the text it returns (2 KB lost per record file); the fast
    path has ryml write into a buffer of its own, grown for a big file."""
    ryml = fastyaml._ryml()

    def leaking(*args: Any) -> Any:
        raise AssertionError("ryml.emit_json leaks its buffer")

    monkeypatch.setattr(ryml, "emit_json", leaking)
    monkeypatch.setattr(fastyaml, "_out", [bytearray(16)])
    big = "a:\n" + "".join(f"  - x{i}: {i}\n    y: b\n" for i in range(2000))
    doc = fastyaml.load_fast_or_located(big)
    assert isinstance(doc, FastDocument)
    assert doc.data == load_document(big).data
    assert len(fastyaml._out[0]) > len(big)


@needs_ryml
def test_an_allowed_contact_address_needs_no_positions(fast_on: None) -> None:
    """The privacy rules tell a ``kontak`` address from two marks: a fast document keeps its
    positions unbuilt, and a personal address elsewhere is still found where it is."""
    from wksbm_cli.model.records import Config
    from wksbm_cli.rules.base import FileContext
    from wksbm_cli.rules.privacy import personal_email

    def findings(text: str) -> tuple[list[Any], Any]:
        doc = fastyaml.load_fast_or_located(text)
        ctx = FileContext(
            "o.yaml", "organisasi", "o", text, doc, None, Config(), dt.date.today(), ()
        )
        return [(f.path, f.at) for f in personal_email(ctx)], doc.marks

    allowed = GOOD_ORG + "kontak:\n  email: wksbm.contoh@gmail.com\nstatus: aktif\n"
    found, marks = findings(allowed)
    assert found == [] and table_size(marks) == 0
    personal = allowed.replace("Contoh Sekretaris}", "Contoh Sekretaris, email: budi@gmail.com}")
    found, _ = findings(personal)
    assert found == [(("pengurus", 1, "email"), (13, 59))]
    for text in (allowed, personal):  # the located loader's document: the same answers
        ctx = FileContext(
            "o.yaml",
            "organisasi",
            "o",
            text,
            load_document(text),
            None,
            Config(),
            dt.date.today(),
            (),
        )
        assert [(f.path, f.at) for f in personal_email(ctx)] == findings(text)[0]


@needs_ryml
def test_without_a_stderr_to_move_the_located_loader_reads(
    monkeypatch: pytest.MonkeyPatch, fast_on: None
) -> None:
    """A process started with fd 2 closed: ryml is not run (it could print over a file that
    took fd 2), and nothing raises."""

    def closed(fd: int) -> int:
        raise OSError(9, "Bad file descriptor")

    monkeypatch.setattr(fastyaml.os, "dup", closed)
    doc = fastyaml.load_fast_or_located(GOOD_ORG)
    assert type(doc) is Document
    assert doc.data == load_document(GOOD_ORG).data
