"""Options of completeness, summary and report: spellings, filters, --output, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import GOOD_ORG

Make = Callable[..., Path]
Run = Callable[..., Any]


def _folder(make_records: Make) -> Path:
    other = (
        GOOD_ORG.replace("wksbm-contoh", "wksbm-lain")
        .replace(
            "{kapanewon: Depok, kalurahan: Condongcatur}",
            "{kapanewon: Moyudan, kalurahan: Sumberagung}",
        )
        .replace("  - {jabatan: bendahara, nama: Contoh Bendahara}\n", "")
    )
    return make_records(
        {"organisasi/wksbm-contoh.yaml": GOOD_ORG, "organisasi/wksbm-lain.yaml": other}
    )


def test_help_shows_the_score_definition(run_cli: Run) -> None:
    from wksbm_cli.figures.completeness import CHECKS

    out = run_cli("completeness", "--help", env={"COLUMNS": "200"}).stdout
    for check in CHECKS:
        assert f"{check.id} ({check.weight})" in out


def test_kecamatan_filter_ignores_case_and_spaces(make_records: Make, run_cli: Run) -> None:
    root = _folder(make_records)
    out = run_cli(
        "--records", str(root), "--lang", "en", "lengkap", "--kecamatan", " moyu dan", "-f", "json"
    )
    assert [o["id"] for o in json.loads(out.stdout)["organizations"]] == ["wksbm-lain"]


def test_unknown_kecamatan_is_a_bad_option(make_records: Make, run_cli: Run) -> None:
    root = _folder(make_records)
    result = run_cli("--records", str(root), "--lang", "en", "completeness", "--kecamatan", "Depk")
    assert result.exit_code == 2
    assert "did you mean Depok?" in result.stderr


def test_incomplete_filter(make_records: Make, run_cli: Run) -> None:
    root = _folder(make_records)
    out = run_cli("--records", str(root), "completeness", "--incomplete", "-f", "csv").stdout
    ids = [line.split(",")[0] for line in out.splitlines()[1:]]
    assert ids == ["wksbm-contoh", "wksbm-lain"]  # neither trained: both below 1
    assert out.splitlines()[0].startswith("id,nama,jenis,tingkat,kecamatan,desa,status,ketua,")


def test_year_and_tahun_work_on_both_names(make_records: Make, run_cli: Run) -> None:
    root = _folder(make_records)
    for name in ("report", "laporan"):
        for option in ("--year", "--tahun"):
            result = run_cli("--records", str(root), name, option, "2024", "-f", "json")
            assert result.exit_code == 0
            assert json.loads(result.stdout)["year"] == 2024


def test_bad_or_missing_year_exits_2(make_records: Make, run_cli: Run) -> None:
    root = _folder(make_records)
    for args in (("--year", "24"), ("--year", "dua"), ()):
        result = run_cli("--records", str(root), "--lang", "en", "report", *args)
        assert result.exit_code == 2
        assert "year" in result.stderr


def test_bad_format_exits_2(make_records: Make, run_cli: Run) -> None:
    root = _folder(make_records)
    assert run_cli("--records", str(root), "summary", "-f", "xml").exit_code == 2


def test_output_refuses_to_overwrite_without_force(
    make_records: Make, run_cli: Run, tmp_path: Path
) -> None:
    root = _folder(make_records)
    target = tmp_path / "laporan.md"
    base = ("--records", str(root), "--lang", "en", "report", "--year", "2025")
    first = run_cli(*base, "-f", "markdown", "--output", str(target))
    assert first.exit_code == 0 and first.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("# WKSBM activity report 2025\n")
    target.write_text("keep me", encoding="utf-8")
    again = run_cli(*base, "-f", "markdown", "--output", str(target))
    assert again.exit_code == 2
    assert "already exists" in again.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    forced = run_cli(*base, "-f", "json", "--output", str(target), "--force")
    assert forced.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["year"] == 2025
    text = run_cli(*base, "--output", str(tmp_path / "plain.txt"))
    assert text.exit_code == 0
    plain = (tmp_path / "plain.txt").read_text(encoding="utf-8")
    assert "\x1b[" not in plain and "WKSBM activity report 2025" in plain
    assert [p.name for p in tmp_path.iterdir() if ".wksbm-" in p.name] == []


def test_readme_shows_the_current_definition_and_report(
    tmp_path: Path, monkeypatch: Any, run_cli: Run
) -> None:
    import shutil

    from wksbm_cli.figures.completeness import definition

    repo = Path(__file__).parents[1]
    readme = (repo / "README.md").read_text(encoding="utf-8")
    for lang in ("en", "id"):
        for line in definition(lang):
            assert f"- {line}\n" in readme
    shown = readme.split("<!-- laporan-2025 -->\n````markdown\n", 1)[1].split("\n````", 1)[0]
    shutil.copytree(repo / "records", tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    result = run_cli(
        "--records", "records", "--lang", "id", "laporan", "--tahun", "2025", "-f", "markdown"
    )
    # the completeness-change section depends on where the folder is (git or not)
    cut = "## Perubahan kelengkapan"
    assert shown.split(cut)[0] == result.stdout.split(cut)[0]


def test_bad_as_of_exits_2(make_records: Make, run_cli: Run) -> None:
    root = _folder(make_records)
    for command in ("completeness", "summary"):
        result = run_cli("--records", str(root), "--lang", "id", command, "--as-of", "2025-02-30")
        assert result.exit_code == 2
        assert "--as-of: `2025-02-30` bukan hari yang ada di kalender" in result.stderr
