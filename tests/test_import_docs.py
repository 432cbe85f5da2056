"""README's "Import from Excel" example, run on its own: the Bogor repository it continues is
made with the README's own `init` and `new` commands, then the section's CSV is saved and its
commands must print what the README shows. (``test_docs_examples`` runs the whole README in one
session; this keeps the import example checked even when an earlier section changes.)"""

from __future__ import annotations

import re
from pathlib import Path

from test_docs_examples import BLOCK, LOCALE, Step, _run, _steps

ROOT = Path(__file__).resolve().parent.parent


def test_readme_import_example_is_real_output(tmp_path: Path) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Import from Excel") : text.index("### `wksbm diff`")]
    lang = LOCALE["README.md"]
    setup = [
        'wksbm init wksbm-bogor --kabupaten "Kabupaten Bogor" --bahasa en --wksbm-source'
        " https://github.com/forum-wksbm/wksbm@3f2a9c4e1b7d8a6f5e4c3b2a1908f7e6d5c4b3a2",
        "cd wksbm-bogor",
        'wksbm new organisasi wksbm-leuwinutug --nama "WKSBM Leuwinutug" --kecamatan citeureup'
        ' --desa "leuwi nutug"',
    ]
    flat = re.sub(r"\s+", " ", text.replace("\\\n", " "))
    for command in setup:  # the README's own commands, so this stays the README's flow
        assert command.split(" --wksbm-source")[0] in flat, command
    cwd = tmp_path
    for command in setup:
        cwd, _ = _run(Step(command, "", command), cwd, None, lang)
    ran = 0
    for block in BLOCK.finditer(section):
        if block["lang"] == "csv":
            (cwd / block["arg"].strip()).write_text(block["body"], encoding="utf-8")
            continue
        for step in _steps(block["body"]):
            cwd, output = _run(step, cwd, None, lang)
            assert output == step.expected, f"`{step.command}`\n{output}"
            ran += 1
    assert ran == 4
