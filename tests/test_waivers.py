"""Waivers (``pengecualian``): shown as waived and not counted until ``sampai``, then again."""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import GOOD_ORG

NO_SEKRETARIS = GOOD_ORG.replace("  - {jabatan: sekretaris, nama: Contoh Sekretaris}\n", "")
WAIVED = NO_SEKRETARIS + (
    "pengecualian:\n"
    "  - {aturan: missing-sekretaris, sampai: 2026-09-30, alasan: pemilihan September}\n"
)


def _validate(run_cli: Any, root: Any, *extra: str) -> tuple[int, dict[str, Any]]:
    out = run_cli("--lang", "en", "--records", str(root), "validate", "-f", "json", *extra)
    return out.exit_code, json.loads(out.stdout)


def test_waived_problem_is_shown_and_not_counted(make_records: Any, run_cli: Any) -> None:
    root = make_records({"organisasi/depok/wksbm-contoh.yaml": WAIVED})
    code, doc = _validate(run_cli, root, "--as-of", "2026-09-30")
    assert code == 0
    [problem] = [p for p in doc["problems"] if p["rule"] == "missing-sekretaris"]
    assert problem["waived"] is True and problem["waived_until"] == "2026-09-30"
    assert doc["counts"]["error"] == 0 and doc["waived"] == 1
    text = run_cli("--lang", "en", "--records", str(root), "validate", "--as-of", "2026-09-01")
    assert "waived" in text.stdout


def test_after_sampai_it_counts_again(make_records: Any, run_cli: Any) -> None:
    root = make_records({"organisasi/depok/wksbm-contoh.yaml": WAIVED})
    code, doc = _validate(run_cli, root, "--as-of", "2026-10-01")
    assert code == 1
    rules = {p["rule"]: p for p in doc["problems"]}
    assert rules["missing-sekretaris"]["waived"] is False
    assert rules["waiver-expired"]["severity"] == "error"
    assert rules["waiver-expired"]["line"] == 17  # the waiver item (line 17)


def test_unwaived_record_fails_on_the_same_day(make_records: Any, run_cli: Any) -> None:
    root = make_records({"organisasi/depok/wksbm-contoh.yaml": NO_SEKRETARIS})
    code, _ = _validate(run_cli, root, "--as-of", "2026-09-30")
    assert code == 1


def test_a_waiver_of_an_unknown_rule_is_reported(make_records: Any, run_cli: Any) -> None:
    typo = WAIVED.replace("aturan: missing-sekretaris", "aturan: missing-sekretari")
    root = make_records({"organisasi/depok/wksbm-contoh.yaml": typo})
    code, doc = _validate(run_cli, root, "--as-of", "2026-09-01")
    assert code == 1
    [bad] = [p for p in doc["problems"] if p["rule"] == "invalid-value"]
    assert "missing-sekretaris" in bad["message"] and bad["path"] == "pengecualian[0].aturan"


def test_show_lists_a_records_problems_as_validate_does(make_records: Any, run_cli: Any) -> None:
    """One JSON shape for a problem: ``show`` left out ``record`` and the waiver's end."""
    root = make_records({"organisasi/depok/wksbm-contoh.yaml": WAIVED})
    _, doc = _validate(run_cli, root, "--as-of", "2026-09-30")
    out = run_cli(
        "--lang",
        "en",
        "--records",
        str(root),
        "show",
        "wksbm-contoh",
        "--as-of",
        "2026-09-30",
        "-f",
        "json",
    )
    shown = json.loads(out.stdout)["problems"]
    assert shown == [p for p in doc["problems"] if p["record"] == "wksbm-contoh"]
    assert any(p.get("waived_until") == "2026-09-30" for p in shown)
