from __future__ import annotations

from wksbm_cli.regions import reference
from wksbm_cli.regions.names import display, match, suggest


def _depok() -> dict[str, str]:
    folder = reference.data_dir()
    assert folder is not None
    return {
        c: n for c, n in reference.villages(folder, "34.04").items() if c.startswith("34.04.07.")
    }


def test_three_spellings_one_kalurahan() -> None:
    desa = _depok()
    for written in (
        "Condongcatur",
        "Condong Catur",
        "kalurahan condong-catur",
        "Desa Condongcatur",
    ):
        assert match(written, 4, desa) == ["34.04.07.2003"], written


def test_misspelt_gets_suggestion_not_match() -> None:
    desa = _depok()
    assert match("Condongcatuur", 4, desa) == []
    assert suggest("Condongcatuur", 4, desa)[0] == "Condongcatur"


def test_misspelt_prefix_is_suggested() -> None:
    folder = reference.data_dir()
    assert folder is not None
    kec = {c: n for c, n in reference.base(folder).items() if c.startswith("34.04.")}
    assert match("Kapanewon Depok", 3, kec) == ["34.04.07"]
    assert match("Kapenewon Depok", 3, kec) == []
    assert "Depok" in suggest("Kapenewon Depok", 3, kec)


def test_kabupaten_display() -> None:
    assert display("Kabupaten Sleman", 2) == "Sleman"
    assert display("Kota Yogyakarta", 2) == "Kota Yogyakarta"
