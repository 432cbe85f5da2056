"""``wksbm validate`` through Typer's CliRunner: formats, exit codes, options, failures."""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CONFIG, GOOD_EVENT, GOOD_ORG, problems_of
from wksbm_cli.rules.registry import RULES

ORG = "organisasi/depok/wksbm-contoh.yaml"
EVENT = "kegiatan/2025/2025-06-17-pelatihan.yaml"
GOLDEN = Path(__file__).parent / "golden"

BROKEN = {
    ORG: GOOD_ORG.replace("jabatan: sekretaris", "jabatan: anggota")
    + "catatan: hubungi 0812-3456-7890\n",
    EVENT: GOOD_EVENT.replace("jenis: pelatihan", "jenis: pelatihn"),
    "organisasi/lain/wksbm-dua.yaml": "id: wksbm-dua\nnama: WKSBM Dua\njenis: wksbm\n"
    "tingkat: dusun\nwilayah: {kapanewon: Depok, rw: 05}\n",
}


def test_clean_folder_exits_0(make_records: Callable[..., Path], run_cli: Any) -> None:
    root = make_records({ORG: GOOD_ORG, EVENT: GOOD_EVENT})
    result = run_cli("--records", str(root), "--lang", "en", "validate")
    assert result.exit_code == 0
    assert "No problems; 2 files checked." in result.stdout


def test_errors_exit_1_and_json_shape(make_records: Callable[..., Path], run_cli: Any) -> None:
    root = make_records(BROKEN)
    result = run_cli(
        "--records",
        str(root),
        "--lang",
        "en",
        "validate",
        "--format",
        "json",
        "--as-of",
        "2026-11-23",
    )
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert set(doc) >= {"version", "records_root", "files", "problems", "counts"}
    assert doc["version"] == 1 and doc["files"] == 3
    first = doc["problems"][0]
    assert set(first) >= {"file", "line", "column", "rule", "severity", "message", "record", "path"}
    assert problems_of(result.stdout) == [
        ("2025-06-17-pelatihan.yaml", 3, 1, "invalid-value"),
        ("wksbm-contoh.yaml", 11, 1, "missing-sekretaris"),
        ("wksbm-contoh.yaml", 17, 18, "personal-phone"),
        ("wksbm-dua.yaml", 1, 1, "missing-bendahara"),
        ("wksbm-dua.yaml", 1, 1, "missing-ketua"),
        ("wksbm-dua.yaml", 1, 1, "missing-sekretaris"),
        ("wksbm-dua.yaml", 1, 1, "never-trained"),
        ("wksbm-dua.yaml", 1, 1, "no-unsur"),
        ("wksbm-dua.yaml", 1, 1, "sk-missing"),
        ("wksbm-dua.yaml", 5, 29, "wrong-type"),
    ]
    counts = doc["counts"]
    assert counts == {"error": 6, "warning": 3, "info": 1}
    phone = next(p for p in doc["problems"] if p["rule"] == "personal-phone")
    assert "3456" not in phone["message"] and "0812****7890" in phone["message"]
    assert phone["record"] == "wksbm-contoh" and phone["path"] == "catatan"


def test_github_lines_are_exact(make_records: Callable[..., Path], run_cli: Any) -> None:
    root = make_records({ORG: GOOD_ORG.replace("jenis: wksbm", "jenis: wksmb"), EVENT: GOOD_EVENT})
    result = run_cli("--records", str(root), "--lang", "en", "validate", "--format", "github")
    assert result.exit_code == 1
    shown = os.path.relpath(root).replace(os.sep, "/")
    assert result.stdout == (
        f"::error file={shown}/organisasi/depok/wksbm-contoh.yaml,line=3,col=1,"
        "title=invalid-value::`jenis` value `wksmb` is not allowed; allowed: wksbm, forum,"
        " lembaga (did you mean `wksbm`?)\n"
    )


def test_strict_makes_warnings_fail(make_records: Callable[..., Path], run_cli: Any) -> None:
    text = GOOD_ORG.replace("  - {jabatan: bendahara, nama: Contoh Bendahara}\n", "")
    root = make_records({ORG: text, EVENT: GOOD_EVENT})
    base = ("--records", str(root), "--lang", "en", "validate")
    assert run_cli(*base).exit_code == 0
    assert run_cli(*base, "--strict").exit_code == 1


def test_select_and_ignore(make_records: Callable[..., Path], run_cli: Any) -> None:
    root = make_records(BROKEN)
    base = ("--records", str(root), "--lang", "en", "validate", "-f", "json")
    only = run_cli(*base, "--select", "privacy")
    assert {p[3] for p in problems_of(only.stdout)} == {"personal-phone"}
    globbed = run_cli(*base, "--ignore", "missing-*,never-trained", "--ignore", "privacy")
    assert {p[3] for p in problems_of(globbed.stdout)} == {
        "invalid-value",
        "wrong-type",
        "sk-missing",
        "no-unsur",
    }


def test_unknown_rule_exits_2_with_suggestion(
    make_records: Callable[..., Path], run_cli: Any
) -> None:
    root = make_records({ORG: GOOD_ORG})
    result = run_cli("--records", str(root), "--lang", "en", "validate", "--select", "sk-mising")
    assert result.exit_code == 2
    assert "unknown rule: sk-mising (did you mean sk-missing?)" in result.stderr


def test_paths_limit_the_report_but_references_resolve(
    make_records: Callable[..., Path], run_cli: Any
) -> None:
    root = make_records(
        {ORG: GOOD_ORG, EVENT: GOOD_EVENT, **{k: v for k, v in BROKEN.items() if "dua" in k}}
    )
    result = run_cli(
        "--records",
        str(root),
        "--lang",
        "en",
        "validate",
        "-f",
        "json",
        str(root / "kegiatan"),
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["problems"] == []
    assert json.loads(result.stdout)["files"] == 1


def test_path_outside_the_folder_exits_2(
    make_records: Callable[..., Path], run_cli: Any, tmp_path: Path
) -> None:
    root = make_records({ORG: GOOD_ORG})
    result = run_cli("--records", str(root), "--lang", "en", "validate", str(tmp_path))
    assert result.exit_code == 2
    assert "is outside the records folder" in result.stderr


def test_missing_records_folder_exits_2(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli("--records", str(tmp_path / "nowhere"), "--lang", "en", "validate")
    assert result.exit_code == 2
    assert result.stderr.startswith("wksbm: no records folder:")
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("istilah: dyi\n", "wksbm.yaml:1:1: `istilah` value `dyi` is not allowed"),
        ("bahasa: [id\n", "wksbm.yaml:1:9: a `[` opens here and is never closed"),
        ("aturan: {sk-mising: off}\n", "no rule is called `sk-mising`"),
        ("- a\n", "must be a mapping"),
    ],
)
def test_broken_config_exits_2_with_one_line(
    make_records: Callable[..., Path], run_cli: Any, config: str, message: str
) -> None:
    root = make_records({ORG: GOOD_ORG}, config=config)
    result = run_cli("--records", str(root), "--lang", "en", "validate")
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_internal_fault_exits_3_naming_the_rule(
    make_records: Callable[..., Path], run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(ctx: object) -> list[object]:
        raise ZeroDivisionError("boom")

    monkeypatch.setitem(RULES, "no-unsur", dataclasses.replace(RULES["no-unsur"], check=broken))
    root = make_records({ORG: GOOD_ORG})
    result = run_cli("--records", str(root), "--lang", "en", "validate")
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "internal error in rule no-unsur" in lines[0]
    debug = run_cli("--records", str(root), "--lang", "en", "--debug", "validate")
    assert debug.exit_code == 3 and "Traceback" in debug.stderr


def test_language_follows_option_env_and_config(
    make_records: Callable[..., Path], run_cli: Any
) -> None:
    text = GOOD_ORG.replace("jabatan: sekretaris", "jabatan: anggota")
    root = make_records(
        {ORG: text, EVENT: GOOD_EVENT}, config=CONFIG.replace("bahasa: en", "bahasa: id")
    )
    by_config = run_cli("--records", str(root), "validate", "-f", "json")
    assert "tidak punya sekretaris" in by_config.stdout
    by_env = run_cli("--records", str(root), "validate", "-f", "json", env={"WKSBM_LANG": "en"})
    assert "has no active sekretaris" in by_env.stdout
    by_option = run_cli("--records", str(root), "--lang", "en", "validate", "-f", "json")
    assert "has no active sekretaris" in by_option.stdout


def test_global_options_also_after_the_command(
    make_records: Callable[..., Path], run_cli: Any
) -> None:
    root = make_records({ORG: GOOD_ORG.replace("jenis: wksbm", "jenis: wksmb")})
    result = run_cli("validate", "--records", str(root), "--lang", "en", "-f", "json")
    assert result.exit_code == 1
    assert "did you mean `wksbm`" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["validate", "--records", "R", "-f", "json"],
            ["--records", "R", "validate", "-f", "json"],
        ),
        (["--lang", "en", "report", "--lang=id"], ["--lang=id", "--lang", "en", "report"]),
        (["new", "organisasi", "x", "--debug"], ["--debug", "new", "organisasi", "x"]),
        (["--records", "validate", "validate"], ["--records", "validate", "validate"]),
        (["validate", "--", "--records"], ["validate", "--", "--records"]),
    ],
)
def test_global_options_are_hoisted(args: list[str], expected: list[str]) -> None:
    from wksbm_cli.cli.common import hoist_global_options

    assert hoist_global_options(args) == expected


def test_alias_periksa(make_records: Callable[..., Path], run_cli: Any) -> None:
    root = make_records({ORG: GOOD_ORG, EVENT: GOOD_EVENT})
    assert run_cli("--records", str(root), "periksa").exit_code == 0


def test_github_actions_adds_annotations_to_text(
    make_records: Callable[..., Path], run_cli: Any
) -> None:
    root = make_records({ORG: GOOD_ORG.replace("jenis: wksbm", "jenis: wksmb")})
    result = run_cli(
        "--records", str(root), "--lang", "en", "validate", env={"GITHUB_ACTIONS": "true"}
    )
    assert "error invalid-value" in result.stdout
    assert "::error file=" in result.stdout


def test_finds_the_folder_upward(make_records: Callable[..., Path], run_cli: Any) -> None:
    root = make_records({ORG: GOOD_ORG, EVENT: GOOD_EVENT})
    cwd = os.getcwd()
    os.chdir(root / "organisasi")
    try:
        result = run_cli("--lang", "en", "validate", "-f", "json")
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["records_root"] == ".."


def test_text_output_golden(make_records: Callable[..., Path], run_cli: Any) -> None:
    """The people's format, as README shows it: grouped by file, caret, counts, 80 columns."""
    root = make_records(BROKEN)
    cwd = os.getcwd()
    os.chdir(root.parent)
    try:
        result = run_cli("--lang", "en", "validate", "--as-of", "2026-11-23")
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1
    golden = GOLDEN / "validate_text_en.txt"
    if os.environ.get("WKSBM_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(result.stdout)
    assert result.stdout == golden.read_text()
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_markup_and_escapes_in_values_are_shown_as_text(
    make_records: Callable[..., Path], run_cli: Any
) -> None:
    nasty = GOOD_ORG.replace("jenis: wksbm", 'jenis: "[/bold][link=https://x]\\e[31mwksbm"')
    root = make_records({ORG: nasty, EVENT: GOOD_EVENT})
    result = run_cli("--records", str(root), "--lang", "en", "validate")
    assert result.exit_code == 1
    assert "[/bold][link=https://x]\\x1b[31mwksbm" in result.stdout
    assert "\x1b" not in result.stdout


def test_english_count_line_agrees_in_number(
    make_records: Callable[..., Path], run_cli: Any
) -> None:
    """Regression: one file with one problem read "1 problems (1 errors, ...) in 1 files"."""
    org = GOOD_ORG.replace("  - {jabatan: sekretaris, nama: Contoh Sekretaris}\n", "")
    root = make_records({"organisasi/wksbm-contoh.yaml": org})
    result = run_cli(
        "--records", str(root), "--lang", "en", "validate", "--select", "missing-sekretaris"
    )
    assert result.stdout.strip().splitlines()[-1] == (
        "1 problem (1 error, 0 warnings, 0 info); 1 file checked."
    )
    clean = make_records({"organisasi/wksbm-contoh.yaml": GOOD_ORG})
    result = run_cli("--records", str(clean), "--lang", "en", "validate", "--select", "yaml")
    assert result.stdout.strip().splitlines()[-1] == "No problems; 1 file checked."
