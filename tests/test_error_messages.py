"""Errors that stop a command carry a message key and arguments, like problems, and are put in
words where they are shown: in the run's language, with nested reasons in that language too."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from wksbm_cli.errors import WksbmError, WriteFailed
from wksbm_cli.i18n import Joined, Message, maybe


def test_an_error_is_put_in_words_in_either_language() -> None:
    error = WksbmError("git.unknown-ref", ref="origin/utama")
    assert error.message("en") == "unknown git ref: origin/utama"
    assert error.message("id") == "ref git tidak dikenal: origin/utama"
    assert str(error) == error.message("en")  # tracebacks under --debug stay readable


def test_nested_messages_follow_the_language_of_the_line_around_them() -> None:
    error = WksbmError(
        "error.at", where="--kecamatan", message=Message("region.no-data", {"region": "34.04"})
    )
    assert error.message("en").startswith("--kecamatan: no official region list for `34.04`")
    assert error.message("id").startswith("--kecamatan: tidak ada daftar wilayah resmi")
    joined = WksbmError(
        "init.ambiguous",
        name="Bogor",
        choices=Joined(("Kabupaten Bogor (32.01)", "Kota Bogor (32.71)"), "init.or"),
        codes=Joined(("32.01", "32.71"), "init.or"),
    )
    assert "32.01 or 32.71" in joined.message("en")
    assert "32.01 atau 32.71" in joined.message("id")


def test_did_you_mean_without_backticks() -> None:
    error = WksbmError("select.unknown-rule", name="sk-mising", maybe=maybe("sk-missing"))
    assert error.message("en") == "unknown rule: sk-mising (did you mean sk-missing?)"
    assert error.message("id") == "aturan tidak dikenal: sk-mising (maksudnya sk-missing?)"
    assert WksbmError("select.unknown-rule", name="x", maybe=maybe(None)).message("en") == (
        "unknown rule: x"
    )


def test_errors_survive_a_trip_through_pickle(tmp_path: Path) -> None:
    """Raised in a pool worker, an error crosses a process boundary: subclasses take other
    arguments than the key, so the state is rebuilt, not the constructor called again."""
    plain = WksbmError("new.id-taken", id="wksbm-a", other="organisasi/a.yaml")
    failed = WriteFailed(str(tmp_path / "x"), FileNotFoundError(2, "No such file"))
    for error in (plain, failed):
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error)
        assert back.message("id") == error.message("id")
        assert back.message("en") == error.message("en")
    assert pickle.loads(pickle.dumps(failed)).path == failed.path


def test_a_broken_config_from_git_reads_like_one_on_disk(tmp_path: Path) -> None:
    """The copy read from a commit (``--changed-since``) is judged and worded as on disk: the
    first problem by line and how many more."""
    from wksbm_cli.model.config import config_from_bytes, load_config

    text = "bahasa: id\nbahasa: en\nprivasi: publik\nprivasi: publik\n"
    (tmp_path / "wksbm.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(WksbmError) as on_disk:
        load_config(str(tmp_path), "main:", rule_ids=())
    with pytest.raises(WksbmError) as from_git:
        config_from_bytes(text.encode(), "main:/wksbm.yaml", rule_ids=())
    for lang in ("en", "id"):
        assert from_git.value.message(lang) == on_disk.value.message(lang)
    assert from_git.value.message("en").endswith("(and 1 more)")


def test_a_foreign_baseline_is_reported_in_indonesian(tmp_path: Path) -> None:
    """Regression: the reason was English in both languages."""
    from wksbm_cli.check.baseline import load

    path = tmp_path / "baseline.json"
    path.write_text('{"version": 99, "problems": []}', encoding="utf-8")
    with pytest.raises(WksbmError) as caught:
        load(str(path))
    assert caught.value.message("id") == (
        f"berkas baseline {path} rusak: bukan baseline wksbm (versi 1 atau 2)"
    )
    assert caught.value.message("en") == (
        f"baseline file {path} is corrupt: not a wksbm baseline (version 1 or 2)"
    )
