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


def test_check_folder_counts_one_kalurahan(make_records: Callable[..., Any]) -> None:
    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.model.records import Config, Wilayah

    files = {
        f"organisasi/wksbm-{i}.yaml": _org(
            f"wilayah: {{kapanewon: Depok, kalurahan: {name}}}"
        ).replace("id: wksbm-contoh", f"id: wksbm-{i}")
        for i, name in enumerate(("Condongcatur", "Condong Catur", "condong-catur"))
    }
    root = make_records(files)
    config = Config(wilayah=Wilayah(kabupaten="Sleman", kode="34.04"))
    result = check_folder(str(root), "records", config)
    assert {o.wilayah.desa for o in result.organisations} == {"Condongcatur"}
