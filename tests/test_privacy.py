"""Privacy rules: NIK anywhere, personal mobile numbers and e-mails, always masked."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFIG, GOOD_ORG

NIK_W = "3404075507950003"  # a woman born 15-07-1995 (day 55 = 15 + 40)


def _org(extra: str) -> str:
    return GOOD_ORG + extra


def _check(
    run_cli: Callable[..., Any], make_records: Callable[..., Path], extra: str, config: str = CONFIG
) -> list[dict[str, Any]]:
    root = make_records({"organisasi/wksbm-contoh.yaml": _org(extra)}, config=config)
    result = run_cli(
        "--lang", "en", "--records", str(root), "validate", "--format", "json",
        "--as-of", "2026-01-01", "--select", "privacy",
    )  # fmt: skip
    return [p for p in json.loads(result.stdout)["problems"] if p["rule"].startswith("personal")]


@pytest.mark.parametrize(
    ("extra", "line", "column"),
    [
        (f"catatan: NIK ketua {NIK_W} jangan disebar\n", 17, 20),
        (f"# ketua {NIK_W}\n", 17, 9),
        (f'catatan: "nik:{NIK_W}."\n', 17, 15),
        ("catatan: 3404071507950003\n", 17, 10),  # a man, 15-07-1995
        ("catatan: 3404072902000001\n", 17, 10),  # 29 February 2000
    ],
)
def test_nik_found_anywhere(
    run_cli: Callable[..., Any],
    make_records: Callable[..., Path],
    extra: str,
    line: int,
    column: int,
) -> None:
    found = _check(run_cli, make_records, extra)
    assert [(p["rule"], p["line"], p["column"]) for p in found] == [("personal-nik", line, column)]
    assert "3404************" in found[0]["message"]


@pytest.mark.parametrize(
    "text",
    [
        "12/KEP.LRH/2023",
        "188.4/123/2024",
        "400.9.2.2/0045/2025",
        "2023-03-01",
        "3404073202950001",  # 32 Februari
        "3404071513950001",  # month 13
        "3404077207950001",  # women's day 72 - 40 = 32
        "3404071507950000",  # serial 0000
        "9904071507950001",  # no province 99
        "3400071507950001",  # kabupaten 00
        "34040715079500011",  # 17 digits
        "1234.5678.9012.3456",
        "Rp 1.500.000.000.000.000",
    ],
)
def test_nik_never_matches_sk_numbers_dates_or_invalid(
    run_cli: Callable[..., Any], make_records: Callable[..., Path], text: str
) -> None:
    assert _check(run_cli, make_records, f'catatan: "{text}"\n') == []


@pytest.mark.parametrize(
    "phone",
    [
        "08123456789",
        "0812-3456-7890",
        "0812 3456 7890",
        "0812.3456.7890",
        "+62 812 3456 7890",
        "+62-812-3456-7890",
        "62 812 3456 7890",
        "628123456789",
    ],
)
def test_mobile_numbers_in_any_spelling(
    run_cli: Callable[..., Any], make_records: Callable[..., Path], phone: str
) -> None:
    found = _check(run_cli, make_records, f'catatan: "hubungi {phone} ya"\n')
    assert [(p["rule"], p["line"], p["column"]) for p in found] == [("personal-phone", 17, 19)]
    digits = "".join(c for c in phone if c.isdigit())
    assert digits not in found[0]["message"].replace("-", "")
    assert "*" in found[0]["message"]


@pytest.mark.parametrize("text", ["(0274) 868405", "0274-868405", "021 7654321", "2023-03-01"])
def test_landlines_and_dates_are_not_mobiles(
    run_cli: Callable[..., Any], make_records: Callable[..., Path], text: str
) -> None:
    assert _check(run_cli, make_records, f'catatan: "kantor {text}"\n') == []


def test_organisation_kontak_is_allowed(
    run_cli: Callable[..., Any], make_records: Callable[..., Path]
) -> None:
    extra = 'kontak: {telepon: "0812-3456-7890", email: forum.wksbm@gmail.com}\n'
    assert _check(run_cli, make_records, extra) == []


def test_personal_email_outside_kontak(
    run_cli: Callable[..., Any], make_records: Callable[..., Path]
) -> None:
    found = _check(run_cli, make_records, "catatan: tanya budi.santoso@gmail.com\n")
    assert [p["rule"] for p in found] == ["personal-email"]
    assert "budi.santoso" not in found[0]["message"]
    assert _check(run_cli, make_records, "catatan: dinsos@slemankab.go.id\n") == []


def test_internal_turns_phone_and_email_off_but_not_nik(
    run_cli: Callable[..., Any], make_records: Callable[..., Path]
) -> None:
    extra = f'catatan: "08123456789 budi@gmail.com {NIK_W}"\n'
    internal = CONFIG.replace("privasi: publik", "privasi: internal")
    assert sorted(p["rule"] for p in _check(run_cli, make_records, extra)) == [
        "personal-email",
        "personal-nik",
        "personal-phone",
    ]
    found = _check(run_cli, make_records, extra, internal)
    assert [(p["rule"], p["severity"]) for p in found] == [("personal-nik", "error")]


def test_no_format_ever_prints_the_full_number(
    run_cli: Callable[..., Any], make_records: Callable[..., Path]
) -> None:
    root = make_records(
        {"organisasi/wksbm-contoh.yaml": _org('catatan: "08123456789 budi@gmail.com"\n')}
    )
    for fmt in ("text", "json", "github"):
        result = run_cli(
            "--lang", "id", "--records", str(root), "validate", "--format", fmt,
            "--as-of", "2026-01-01", env={"COLUMNS": "300", "GITHUB_ACTIONS": ""},
        )  # fmt: skip
        assert result.exit_code == 1
        messages = "\n".join(
            x for x in result.stdout.splitlines() if "personal" in x and " | " not in x
        )
        assert "personal-phone" in messages
        assert "08123456789" not in messages and "budi@" not in messages
