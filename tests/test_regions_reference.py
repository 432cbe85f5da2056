from __future__ import annotations

import sys

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
