"""The renderer registry: every entry resolves, every ``--format`` offers exactly its subject's
formats, and renderers learn nothing from the environment (the CLI hands them a Context)."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from pathlib import Path
from typing import Any

import typer.main

import wksbm_cli
from wksbm_cli.cli import app
from wksbm_cli.render import registry

RENDER = Path(wksbm_cli.__file__).parent / "render"

#: Which subject each command draws (export writes files through export/, not renderers).
SUBJECTS = {
    "validate": "problems",
    "completeness": "completeness",
    "summary": "summary",
    "report": "report",
    "list": "list",
    "show": "show",
    "wilayah": "wilayah",
    "rules": "rules",
    "sk": "edit",
    "status": "edit",
    "pengurus ganti": "edit",
    "pengurus tambah": "edit",
    "pengurus akhiri": "edit",
    "peserta tambah": "edit",
    "import": "import",
}


def _commands(command: Any, path: str = "") -> dict[str, Any]:
    out = {path: command} if path else {}
    for name, sub in getattr(command, "commands", {}).items():
        if sub.hidden:
            continue
        out.update(_commands(sub, f"{path} {name}".strip()))
    return out


def _format_choices(command: Any) -> tuple[str, ...] | None:
    for param in command.params:
        if "--format" in getattr(param, "opts", ()):
            descriptor = param.type_descriptor
            assert descriptor.is_choice, param
            return tuple(str(getattr(c, "value", c)) for c in descriptor.choices)
    return None


def test_every_entry_resolves_to_a_renderer_of_data_and_context() -> None:
    seen = set()
    for entry in registry.RENDERERS:
        key = (entry.subject, entry.format)
        assert key not in seen, f"{key} registered twice"
        seen.add(key)
        assert entry.kind in ("text", "people", "bytes"), entry
        assert entry.target.startswith("wksbm_cli.render."), entry
        parameters = inspect.signature(entry.function()).parameters
        assert len(parameters) == 2, entry.target  # (data, ctx)
        if entry.check is not None:
            assert callable(registry.resolve(entry.check)), entry.check


def test_every_format_option_offers_its_subjects_formats_in_the_registrys_order() -> None:
    commands = _commands(typer.main.get_command(app))
    offered = {path: _format_choices(c) for path, c in commands.items()}
    with_format = {path for path, choices in offered.items() if choices is not None}
    assert with_format - {"export"} == set(SUBJECTS)
    for path, subject in SUBJECTS.items():
        assert offered[path] == registry.formats(subject), path
    assert set(registry.subjects()) - set(SUBJECTS.values()) == {"diff"}


def test_renderers_read_no_environment_and_run_no_git() -> None:
    """Presentation choices come in the Context; only the CLI looks at the environment."""
    bad = []
    for path in sorted(RENDER.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv"):
                bad.append(f"{path.name}:{node.lineno}: os.{node.attr}")
            if isinstance(node, ast.ImportFrom) and node.module == "wksbm_cli.load.git":
                bad.append(f"{path.name}:{node.lineno}: imports load.git")
    assert bad == []


def test_the_registry_imports_no_renderer() -> None:
    """The CLI reads the table at start-up; renderers load when a command draws."""
    code = (
        "import sys, wksbm_cli.render.registry as r; r.formats('report'); "
        "print(sorted(m for m in sys.modules if m.startswith(('rich', 'wksbm_cli.render.'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "['wksbm_cli.render.registry']"
