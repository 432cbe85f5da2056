"""README's "Import from Excel" example is run as written: the CSV block becomes the file, each
``$ wksbm ...`` line runs in a fresh Sleman records folder, and the output shown under it must be
what the program prints.

Regenerate the outputs with ``WKSBM_UPDATE_GOLDEN=1 pytest tests/test_import_docs.py``.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent.parent
START, END = "<!-- import -->", "<!-- /import -->"
CONFIG = """\
wilayah: {provinsi: Daerah Istimewa Yogyakarta, kabupaten: Sleman, kode: "34.04"}
istilah: diy
privasi: publik
"""


def _replay(section: str, run: Any, folder: Path) -> str:
    lines = section.splitlines(keepends=True)
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if line.strip() == "```csv":
            end = lines.index("```\n", i)
            (folder / "daftar-wksbm.csv").write_text("".join(lines[i:end]), encoding="utf-8")
        if line.startswith("$ "):
            words = shlex.split(line[2:])
            assert words[0] == "wksbm"
            result = run("--lang", "en", "--records", "records", *words[1:])
            assert result.exit_code == 0, result.output
            out.append(result.stdout)
            while i < len(lines) and not lines[i].startswith(("$ ", "```")):
                i += 1  # the documented output, replaced by the real one
    return "".join(out)


def test_readme_import_example_runs_as_written(
    tmp_path: Path, monkeypatch: Any, run_cli: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "wksbm.yaml").write_text(CONFIG, encoding="utf-8")
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start = text.index(START) + len(START) + 1
    end = text.index(END, start)
    replayed = _replay(text[start:end], run_cli, tmp_path)
    if os.environ.get("WKSBM_UPDATE_GOLDEN"):
        readme.write_text(text[:start] + replayed + text[end:], encoding="utf-8")
    assert replayed == text[start:end]
