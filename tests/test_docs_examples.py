"""The examples in README and docs/panduan.md are the program's real output.

Every ```console block is a terminal session: ``$ wksbm ...`` lines are run in order (in one
scratch folder per document; ``$ cd DIR`` moves), and the lines after each command must be
exactly what it prints (stdout and stderr as a terminal shows them); ``$ cat FILE`` shows a file
the program wrote. A block preceded by
``<!-- answers: [...] -->`` feeds those answers to the prompts of its ``--interactive``
command; a ```yaml block preceded by ``<!-- example-file: PATH -->`` is written to PATH first,
as the volunteer would save it. Regenerate the outputs with ``WKSBM_UPDATE_GOLDEN=1``.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wksbm_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
DOCS = {"README.md": ROOT / "README.md", "panduan": ROOT / "docs" / "panduan.md"}
BLOCK = re.compile(
    r"(?:<!-- (?P<kind>answers|example-file): (?P<arg>.*?) -->\n+)?"
    r"```(?P<lang>console|yaml)\n(?P<body>.*?)```",
    re.S,
)
ENV = {"WKSBM_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "100", "NO_COLOR": "1"}
LOCALE = {"README.md": "en_US.UTF-8", "panduan": "id_ID.UTF-8"}  # the reader's terminal


@dataclass
class Step:
    command: str
    expected: str
    raw: str  # as written, continuation lines and all


def _steps(body: str) -> list[Step]:
    steps: list[Step] = []
    lines = body.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.startswith("$ "):
            raise AssertionError(f"console block must start with `$ `: {line!r}")
        command = line[2:].rstrip("\n")
        raw = line
        while command.endswith("\\"):
            i += 1
            raw += lines[i]
            command = command[:-1] + " " + lines[i].strip()
        i += 1
        out = []
        while i < len(lines) and not lines[i].startswith("$ "):
            out.append(lines[i])
            i += 1
        steps.append(Step(command, "".join(out), raw))
    return steps


def _run(step: Step, cwd: Path, answers: list[str] | None, lang: str) -> tuple[Path, str]:
    args = shlex.split(step.command)
    if args[0] == "cd":
        return (cwd / args[1]).resolve(), ""
    if args[0] == "cat":  # a file the program wrote, shown as it is
        return cwd, (cwd / args[1]).read_text(encoding="utf-8")
    assert args[0] == "wksbm", step.command
    feed = "".join(a + "\n" for a in answers) if answers and "--interactive" in args else None
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(
            app, args[1:], input=feed, env={**ENV, "LANG": lang}, catch_exceptions=False
        )
    finally:
        os.chdir(old)
    return cwd, result.output


@pytest.mark.parametrize("doc", list(DOCS))
def test_examples_are_real_output(doc: str, tmp_path: Path) -> None:
    path = DOCS[doc]
    text = path.read_text(encoding="utf-8")
    cwd = tmp_path
    update = os.environ.get("WKSBM_UPDATE_GOLDEN") == "1"
    pieces: list[str] = []
    last = 0
    ran = 0
    for block in BLOCK.finditer(text):
        if block["lang"] == "yaml":
            if block["kind"] == "example-file":
                target = cwd / block["arg"].strip()
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(block["body"], encoding="utf-8")
            continue
        answers = json.loads(block["arg"]) if block["kind"] == "answers" else None
        body = []
        for step in _steps(block["body"]):
            cwd, output = _run(step, cwd, answers, LOCALE[doc])
            ran += 1
            shown = step.raw + output
            if not update:
                assert output == step.expected, f"{doc}: `{step.command}`\n{output}"
            body.append(shown)
        pieces.append(text[last : block.start("body")] + "".join(body))
        last = block.end("body")
    assert ran >= 5, f"{doc}: the examples were not found"
    if update:
        path.write_text("".join(pieces) + text[last:], encoding="utf-8")


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def test_no_wksbm_example_escapes_the_test() -> None:
    """A `wksbm` command shown in a ```sh block of these sections is not run: write it as a
    ```console block instead."""
    readme = DOCS["README.md"].read_text(encoding="utf-8")
    sections = [
        _section(readme, "### `wksbm init`", "### `wksbm schema`"),
        _section(readme, "### `wksbm wilayah`", "## Use in CI"),
        DOCS["panduan"].read_text(encoding="utf-8"),
    ]
    for section in sections:
        for block in re.findall(r"```(?:sh|text)\n(.*?)```", section, re.S):
            assert not re.search(r"^\s*wksbm ", block, re.M), block
