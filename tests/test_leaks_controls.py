"""No command writes a raw terminal control or bidi override taken from a record.

ESC starts a terminal escape sequence (colours, window titles, links, a cleared screen), BEL
rings, and U+202E reverses the text after it, so a reviewer reads something else than what is
there. Text and SARIF show them as ``\\x1b``-style escapes; JSON writes them as ``\\u`` escapes,
so values still parse back exactly.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import GOOD_EVENT, GOOD_ORG

CONTROLS = ("\x1b", "\x07", "\u202e", "\x9b")
NAMA = "WKSBM \u202eurutnoC\u202c \x1b[2J\x1b]0;judul\x07 Sleman\x9b31m"
ENV = {"COLUMNS": "200", "GITHUB_ACTIONS": "", "WKSBM_LANG": "en"}


def _escaped(text: str) -> str:
    return json.dumps(text)[1:-1]


@pytest.fixture
def hostile(make_records: Callable[..., Path]) -> Path:
    org = GOOD_ORG.replace("nama: WKSBM Kalurahan Contoh", f'nama: "{_escaped(NAMA)}"') + (
        f'status: "{_escaped(NAMA)}"\n'  # invalid-value: a message that quotes the value
    )
    event = GOOD_EVENT.replace(
        "judul: Pelatihan Manajemen Organisasi WKSBM", f'judul: "{_escaped(NAMA)}"'
    )
    return make_records(
        {
            "organisasi/wksbm-contoh.yaml": org,
            "kegiatan/2025/2025-06-17-pelatihan.yaml": event,
            "organisasi/\x1b[31mmerah\u202e.yaml": "id: [rusak\n",
        }
    )


COMMANDS: list[tuple[str, ...]] = [
    ("validate",),
    ("validate", "-f", "json"),
    ("validate", "-f", "sarif"),
    ("validate", "-f", "github"),
    ("show", "wksbm-contoh"),
    ("show", "wksbm-contoh", "-f", "json"),
    ("show", "2025-06-17-pelatihan"),
    ("list", "organisasi"),
    ("list", "kegiatan", "-f", "json"),
    ("completeness",),
    ("completeness", "-f", "json"),
    ("completeness", "-f", "markdown"),
    ("summary",),
    ("summary", "-f", "json"),
    ("report", "--year", "2025"),
    ("report", "--year", "2025", "-f", "json"),
    ("report", "--year", "2025", "-f", "markdown"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_no_raw_control_reaches_the_output(
    run_cli: Callable[..., Any], hostile: Path, command: tuple[str, ...]
) -> None:
    result = run_cli("--records", str(hostile), *command, env=ENV)
    assert result.exit_code in (0, 1), result.output
    out = result.stdout + result.stderr
    assert not [c for c in CONTROLS if c in out], out
    if "json" in command:  # values still parse back exactly
        assert "\u202e" in json.dumps(json.loads(result.stdout), ensure_ascii=False)


def test_sarif_message_shows_escapes(run_cli: Callable[..., Any], hostile: Path) -> None:
    result = run_cli("--records", str(hostile), "validate", "-f", "sarif", env=ENV)
    messages = [r["message"]["text"] for r in json.loads(result.stdout)["runs"][0]["results"]]
    unknown = [m for m in messages if "`status`" in m]
    assert unknown and "\\u202eurutnoC" in unknown[0] and "\\x1b[2J" in unknown[0]


def test_the_wrote_line_escapes_the_output_path(
    run_cli: Callable[..., Any], hostile: Path, tmp_path: Path
) -> None:
    target = tmp_path / "\x1b[31mekspor\u202e.json"
    result = run_cli("--records", str(hostile), "export", "-f", "json", "-o", str(target), env=ENV)
    assert result.exit_code == 0, result.output
    assert target.exists()
    assert not [c for c in CONTROLS if c in result.stderr], result.stderr
    assert "\\x1b[31mekspor\\u202e.json" in result.stderr
