"""The "after the musyawarah" walkthrough in README.md (English) and docs/panduan.md
(Indonesian) is run as written: its first YAML block is the record before, each ``$ wksbm ...``
line in a console block is run in a fresh records folder, and the output shown under it, and the
record shown after, must be what the program gives.

Regenerate the outputs with ``WKSBM_UPDATE_GOLDEN=1 pytest tests/test_edit_docs.py``.
"""

from __future__ import annotations

import os
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parent.parent
CASE = Path(__file__).parent / "cases" / "edit"
RECORD = "records/organisasi/depok/wksbm-sido-rukun.yaml"
START, END = "<!-- musyawarah -->", "<!-- /musyawarah -->"


def _section(text: str) -> tuple[int, int]:
    start = text.index(START) + len(START) + 1
    return start, text.index(END, start)


def _replay(section: str, run: Any, record: Path) -> str:
    """The section with every command's output and the final record as the program gives them."""
    lines = section.splitlines(keepends=True)
    out: list[str] = []
    yaml_blocks = [i for i, line in enumerate(lines) if line.strip() == "```yaml"]
    first, last = yaml_blocks[0], yaml_blocks[-1]
    i = 0
    in_console = False
    while i < len(lines):
        line = lines[i]
        if i == first:
            end = lines.index("```\n", i + 1)
            record.parent.mkdir(parents=True, exist_ok=True)
            record.write_text("".join(lines[i + 1 : end]), encoding="utf-8")
            out.extend(lines[i : end + 1])
            i = end + 1
            continue
        if i == last:
            end = lines.index("```\n", i + 1)
            out.append(line)
            out.append(record.read_text(encoding="utf-8"))
            out.append("```\n")
            i = end + 1
            continue
        if line.strip() == "```console":
            in_console = True
            out.append(line)
            i += 1
            continue
        if in_console and line.startswith("```"):
            in_console = False
            out.append(line)
            i += 1
            continue
        if in_console and line.startswith("$ "):
            command = [line]
            while command[-1].rstrip("\n").endswith("\\"):
                i += 1
                command.append(lines[i])
            out.extend(command)
            words = shlex.split(" ".join(c.rstrip("\n").rstrip("\\") for c in command)[2:])
            assert words[0] == "wksbm"
            result = run(*words[1:])
            assert result.exit_code == 0, result.output
            out.append(result.stdout)
            i += 1
            while i < len(lines) and not lines[i].startswith(("$ ", "```")):
                i += 1  # the documented output, replaced by the real one
            continue
        out.append(line)
        i += 1
    return "".join(out)


@pytest.mark.parametrize(("doc", "lang"), [("README.md", "en"), ("docs/panduan.md", "id")])
def test_the_walkthrough_runs_as_documented(
    doc: str, lang: str, tmp_path: Path, monkeypatch: Any, run_cli: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WKSBM_RECORDS", raising=False)
    (tmp_path / "records").mkdir()
    shutil.copy(CASE / "wksbm.yaml", tmp_path / "records" / "wksbm.yaml")
    path = ROOT / doc
    text = path.read_text(encoding="utf-8")
    start, end = _section(text)

    def run(*args: str) -> Any:
        return run_cli(*args, env={"WKSBM_LANG": lang})

    actual = _replay(text[start:end], run, tmp_path / RECORD)
    if os.environ.get("WKSBM_UPDATE_GOLDEN") == "1":
        path.write_text(text[:start] + actual + text[end:], encoding="utf-8")
    assert actual == text[start:end], f"{doc}: regenerate with WKSBM_UPDATE_GOLDEN=1"
