"""Region messages name the parent searched in, with the folder's labels."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import GOOD_ORG

NATIONAL = """\
wilayah: {provinsi: Daerah Istimewa Yogyakarta, kabupaten: Sleman, kode: "34.04"}
istilah: nasional
"""


def _messages(
    make_records: Callable[..., Any],
    run_cli: Callable[..., Any],
    wilayah: str,
    lang: str,
    config: str | None = None,
) -> list[str]:
    org = GOOD_ORG.replace("wilayah: {kapanewon: Depok, kalurahan: Condongcatur}", wilayah)
    files = {"organisasi/wksbm-contoh.yaml": org}
    root = make_records(files, config=config) if config else make_records(files)
    result = run_cli(
        "--records", str(root), "--lang", lang, "validate", "-f", "json", "--as-of", "2026-01-01"
    )
    return [
        p["message"]
        for p in json.loads(result.stdout)["problems"]
        if p["rule"].startswith("region")
    ]


@pytest.mark.parametrize(
    ("wilayah", "lang", "expected"),
    [
        (
            "wilayah: {kapanewon: Depok, kalurahan: Tirtomartani}",
            "en",
            "Kalurahan `Tirtomartani` is not in Kapanewon Depok (it is in Kalasan)",
        ),
        (
            "wilayah: {kapanewon: Depok, kalurahan: Tirtomartani}",
            "id",
            "Kalurahan `Tirtomartani` tidak ada di Kapanewon Depok (ada di Kalasan)",
        ),
        (
            "wilayah: {kapanewon: Wates}",
            "en",
            "Kapanewon `Wates` is not in Kabupaten Sleman (it is in Kulon Progo)",
        ),
        (
            "wilayah: {kapanewon: Depok, kalurahan: Condongcatr}",
            "en",
            "Kalurahan `Condongcatr` does not exist in Kapanewon Depok"
            " (did you mean `Condongcatur`?)",
        ),
        (
            "wilayah: {kapanewon: Depok, kalurahan: Condongcatr}",
            "id",
            "Kalurahan `Condongcatr` tidak ada di Kapanewon Depok (maksudnya `Condongcatur`?)",
        ),
    ],
)
def test_messages_name_the_parent(
    make_records: Callable[..., Any],
    run_cli: Callable[..., Any],
    wilayah: str,
    lang: str,
    expected: str,
) -> None:
    assert _messages(make_records, run_cli, wilayah, lang) == [expected]


def test_national_labels(make_records: Callable[..., Any], run_cli: Callable[..., Any]) -> None:
    found = _messages(
        make_records,
        run_cli,
        "wilayah: {kecamatan: Depok, desa: Tirtomartani}",
        "id",
        config=NATIONAL,
    )
    assert found == ["Desa `Tirtomartani` tidak ada di Kecamatan Depok (ada di Kalasan)"]
