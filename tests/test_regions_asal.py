"""``peserta.asal``: desa names anywhere in the folder's kabupaten, whatever the venue."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tests.conftest import GOOD_EVENT, GOOD_ORG

EVENT = "kegiatan/2025/2025-06-17-pelatihan.yaml"
GUNUNGKIDUL = 'wilayah: {kabupaten: Gunungkidul, kode: "34.03"}\nistilah: diy\n'


def _event(asal: str, tempat: str = "") -> str:
    text = GOOD_EVENT.replace(
        "peserta: {jumlah: 30, organisasi: [wksbm-contoh]}",
        f"peserta: {{jumlah: 30, organisasi: [wksbm-contoh], asal: {asal}}}",
    )
    return text + (f"tempat: {tempat}\n" if tempat else "")


def _problems(
    make_records: Callable[..., Any], run_cli: Callable[..., Any], event: str, **kw: Any
) -> list[tuple[int, str, str]]:
    root = make_records({"organisasi/wksbm-contoh.yaml": GOOD_ORG, EVENT: event}, **kw)
    result = run_cli(
        "--records", str(root), "--lang", "en", "validate", "-f", "json", "--as-of", "2026-01-01"
    )
    return [
        (p["line"], p["rule"], p["message"])
        for p in json.loads(result.stdout)["problems"]
        if p["rule"].startswith("region-")
    ]


def test_asal_is_judged_at_the_kabupaten_not_the_venue(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    """A kabupaten-level training in a Depok hall draws participants from every kapanewon:
    Sendangadi (Mlati) and Tirtomartani (Kalasan) are no region-mismatch."""
    event = _event(
        "[Condong Catur, Sendangadi, Tirtomartani, Maguwohardjo]",
        "{nama: Balai Kalurahan Condongcatur, wilayah: {kapanewon: Depok}}",
    )
    assert _problems(make_records, run_cli, event) == [
        (
            6,
            "region-unknown",
            "Kalurahan `Maguwohardjo` does not exist in Kabupaten Sleman"
            " (did you mean `Maguwoharjo`, `Sukoharjo`, `Pandowoharjo`?)",
        ),
    ]


def test_asal_anywhere_in_the_kabupaten_without_tempat(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    event = _event("[Tirtomartani, Condongcatur, Tirtomartanni]")
    assert _problems(make_records, run_cli, event) == [
        (
            6,
            "region-unknown",
            "Kalurahan `Tirtomartanni` does not exist in Kabupaten Sleman"
            " (did you mean `Tirtomartani`, `Minomartani`, `Bimomartani`?)",
        )
    ]


def test_asal_in_two_kecamatan_is_accepted(
    make_records: Callable[..., Any], run_cli: Callable[..., Any]
) -> None:
    org = GOOD_ORG.replace(
        "wilayah: {kapanewon: Depok, kalurahan: Condongcatur}",
        "wilayah: {kapanewon: Wonosari, kalurahan: Kepek}",
    )
    root = make_records(
        {"organisasi/wksbm-contoh.yaml": org, EVENT: _event("[Kepek, Kepekk]")},
        config=GUNUNGKIDUL,
    )
    result = run_cli(
        "--records", str(root), "--lang", "en", "validate", "-f", "json", "--as-of", "2026-01-01"
    )
    found = [p for p in json.loads(result.stdout)["problems"] if p["rule"].startswith("region")]
    assert [p["rule"] for p in found] == ["region-unknown"]
    assert "`Kepekk`" in found[0]["message"]
