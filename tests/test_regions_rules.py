from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.conftest import GOOD_ORG, problems_of


def _org(wilayah: str) -> str:
    return GOOD_ORG.replace("wilayah: {kapanewon: Depok, kalurahan: Condongcatur}", wilayah)


def test_variant_passes_misplaced_fails(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    root = make_records(
        {
            "organisasi/wksbm-contoh.yaml": _org(
                "wilayah: {kapanewon: Depok, kalurahan: Condong Catur}"
            ),
            "organisasi/wksbm-salah.yaml": _org(
                "wilayah: {kapanewon: Depok, kalurahan: Tirtomartani}"
            ).replace("id: wksbm-contoh", "id: wksbm-salah"),
        }
    )
    result = run_cli(
        "--records",
        str(root),
        "--lang",
        "en",
        "validate",
        "--format",
        "json",
        "--as-of",
        "2026-01-01",
    )
    found = [p for p in problems_of(result.stdout) if p[3].startswith("region-")]
    assert found == [("wksbm-salah.yaml", 5, 29, "region-mismatch")]
