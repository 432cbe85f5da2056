"""Hostile names and values reach every renderer as plain text.

File names and record values come from pull requests: a newline plus ``::error`` must not forge a
GitHub annotation, an ESC byte must not reach a terminal or a CI log, and rich markup
(``[/bold]``, ``[link=...]``) must be printed as written, never interpreted.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

VALUE = "[/bold] [link=https://x]klik[/link] \x1b[31mmerah\x1b]8;;https://x\x07"
RECORD = (
    "id: x\n"
    "nama: WKSBM Contoh\n"
    'jenis: "[/bold] [link=https://x]klik[/link] \\e[31mmerah\\e]8;;https://x\\a"\n'
    '"[/bold]\\e[2J": 1\n'
)

NAMES = [
    "dengan spasi.yaml",
    "-x.yaml",
    "--help.yaml",
    "a\n::error file=forged.yaml,line=1::forged.yaml",
    "b\r\n::warning::forged.yaml",
    "%0A::notice::persen.yaml",
    "\x1b[31mmerah\x1b[0m.yaml",
    "\u202egnp.yaml",
    unicodedata.normalize("NFC", "Kalurahan Condongcatur é.yaml"),
    unicodedata.normalize("NFD", "Kalurahan Condongcatur é.yaml"),
    "a" * 250 + ".yaml",
    "é" * 125 + ".yaml",  # 255 bytes in UTF-8
]
ENV = {"COLUMNS": "300", "GITHUB_ACTIONS": "", "WKSBM_LANG": "en"}


@pytest.fixture
def hostile(make_records: Callable[..., Path]) -> Path:
    root = make_records()
    folder = root / "organisasi"
    folder.mkdir()
    for name in NAMES:
        assert len(name.encode()) <= 255
        (folder / name).write_text(RECORD, encoding="utf-8")
    return root


def _run(run_cli: Callable[..., Any], root: Path, fmt: str, *extra: str) -> Any:
    result = run_cli(
        "--lang", "en", "--records", str(root), "validate", "--format", fmt, *extra, env=ENV
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    return result


def test_json_keeps_every_name_and_value_exact(run_cli: Callable[..., Any], hostile: Path) -> None:
    doc = json.loads(_run(run_cli, hostile, "json").stdout)
    files = {p["file"].split("/organisasi/", 1)[1] for p in doc["problems"]}
    assert files == set(NAMES)  # NFC and NFD stay two different files
    jenis = [p for p in doc["problems"] if p["rule"] == "invalid-value"]
    assert len(jenis) == len(NAMES)
    assert all("[/bold] [link=https://x]klik[/link] \x1b[31m" in p["message"] for p in jenis)


def test_github_gives_exactly_one_unforgeable_line_per_problem(
    run_cli: Callable[..., Any], hostile: Path
) -> None:
    problems = json.loads(_run(run_cli, hostile, "json").stdout)["problems"]
    out = _run(run_cli, hostile, "github").stdout
    lines = out.split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == len(problems)
    assert all(line.startswith("::error file=") for line in lines)
    assert "\x1b" not in out and "\r" not in out and "\x07" not in out
    # Every line has exactly the three properties and one "::" after them.
    for line in lines:
        props, sep, _message = line[len("::error ") :].partition("::")
        assert sep
        assert [p.split("=", 1)[0] for p in props.split(",")] == ["file", "line", "col", "title"]
    assert "a%0A%3A%3Aerror file=forged.yaml%2Cline=1%3A%3Aforged.yaml" in out
    assert "%250A%3A%3Anotice%3A%3Apersen.yaml" in out
    assert "[link=https://x]klik[/link] \\x1b[31mmerah" in out


def test_text_shows_markup_literally_and_no_escape_bytes(
    run_cli: Callable[..., Any], hostile: Path
) -> None:
    out = _run(run_cli, hostile, "text").stdout
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "[/bold] [link=https://x]klik[/link] \\x1b[31mmerah" in out
    assert "records/organisasi/\\x1b[31mmerah\\x1b[0m.yaml" in out
    assert "records/organisasi/a\\n::error file=forged.yaml,line=1::forged.yaml" in out
    assert "records/organisasi/\\u202egnp.yaml" in out
    # The source line is shown as written, markup included.
    assert '3 | jenis: "[/bold] [link=https://x]klik[/link] \\e[31mmerah' in out


def test_text_in_github_actions_adds_safe_annotations(
    run_cli: Callable[..., Any], hostile: Path
) -> None:
    result = run_cli(
        "--lang", "en", "--records", str(hostile), "validate",
        env={**ENV, "GITHUB_ACTIONS": "true"},
    )  # fmt: skip
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout
    annotations = [x for x in result.stdout.split("\n") if x.startswith("::error file=")]
    problems = json.loads(_run(run_cli, hostile, "json").stdout)["problems"]
    assert len(annotations) == len(problems)


def test_a_leading_dash_name_is_a_path_not_an_option(
    run_cli: Callable[..., Any], hostile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(hostile.parent)
    result = run_cli(
        "--lang", "en", "--records", "records", "validate", "--format", "json",
        "--", "records/organisasi/-x.yaml", env=ENV,
    )  # fmt: skip
    files = {p["file"] for p in json.loads(result.stdout)["problems"]}
    assert files == {"records/organisasi/-x.yaml"}
