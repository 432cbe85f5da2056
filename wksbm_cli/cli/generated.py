"""Every generated file of this repository, made by one command, checked for drift by one test.

    python -m wksbm_cli.cli.generated --write   # regenerate what is stale
    python -m wksbm_cli.cli.generated --check   # exit 1, naming each stale file with a diff

What it makes: ``docs/rules.md`` (``render/figures/rules_doc.py``), the JSON Schemas that editors
read in ``records/schemas/`` (``model/jsonschema.py``; ``wksbm init`` writes the same documents
into a new repository), and the README sections between ``<!-- generated:NAME -->`` and
``<!-- /generated:NAME -->``: the commands (names, aliases and one-line help from the Typer app),
the output formats (each command's ``--format`` choices, read from its Click parameter), the
fields (``model/schema.py``), the completeness score (``figures/completeness.py``) and the CI
files ``wksbm init`` writes (``authoring/repository/templates.py``). Text outside the markers
is left alone; ``tests/test_generated.py`` runs ``--check``.

This is a contributors' tool: its own messages are English only.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import typer.main

from wksbm_cli.authoring.repository import source, templates
from wksbm_cli.cli import app
from wksbm_cli.cli.common import ALIASES
from wksbm_cli.errors import WksbmError
from wksbm_cli.figures.completeness import definition
from wksbm_cli.i18n.help_id import HELP
from wksbm_cli.model.jsonschema import FILE_NAMES, KINDS, dumps, schema_of
from wksbm_cli.render.figures import fields_doc, rules_doc
from wksbm_cli.render.figures.fields_doc import md_cell
from wksbm_cli.rules.registry import RULES
from wksbm_cli.write import atomic_write

ROOT = Path(__file__).resolve().parents[2]
#: The source given to ``wksbm init`` in README's examples (an example address and commit).
EXAMPLE_SOURCE = "https://github.com/forum-wksbm/wksbm@3f2a9c4e1b7d8a6f5e4c3b2a1908f7e6d5c4b3a2"
_MARKER = re.compile(r"<!-- generated:([a-z-]+) -->\n(.*?)<!-- /generated:\1 -->\n", re.S)


def _click_app() -> Any:
    return typer.main.get_command(app)


def _first_sentence(text: str) -> str:
    """The first sentence of a help text's first paragraph (a full stop inside brackets, as in
    "(e.g. ...)", does not end it)."""
    paragraph = " ".join((text or "").split("\n\n", 1)[0].split())
    depth = 0
    for i, char in enumerate(paragraph):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "." and depth == 0 and paragraph[i + 1 : i + 2] in ("", " "):
            return paragraph[: i + 1]
    return paragraph


def _shortened(text: str, level: int) -> str:
    line = _first_sentence(text)
    if level >= 1:
        line = re.sub(r" \([^()]*\)", "", line)
    if level >= 2 and ": " in line:
        line = line.split(": ", 1)[0] + "."
    return line


def summaries(english: str, indonesian: str, limit: int = 150) -> tuple[str, str]:
    """A command's help in both languages as one line of a table each: the first sentence;
    when the English one is long, both without their bracketed asides, and when still long,
    both up to their first colon ("The yearly report: ..."), so the two say the same."""
    level = next((n for n in (0, 1) if len(_shortened(english, n)) <= limit), 2)
    return _shortened(english, level), _shortened(indonesian, level)


def _leaves(group: Any, path: str, alias: str) -> Iterator[tuple[str, str, Any]]:
    """(path, alias path, command) of every command a user can run, in the order of
    ``--help``; an alias is a hidden command with the same function (or, at the top, a name in
    ``ALIASES``)."""
    ctx = group.context_class(group)
    names = group.list_commands(ctx)
    commands = {name: group.get_command(ctx, name) for name in names}
    for name in names:
        command = commands[name]
        if command.hidden:
            continue
        if not path:
            other = next((a for a, target in ALIASES.items() if target == name), "")
        else:
            target = getattr(command.callback, "__wrapped__", None)
            other = next(
                (
                    n
                    for n, c in commands.items()
                    if c.hidden and getattr(c.callback, "__wrapped__", 0) is target
                ),
                "",
            )
        own = f"{path} {name}".strip()
        other_path = f"{alias} {other or name}".strip() if (alias or other) else ""
        if hasattr(command, "commands"):
            yield from _leaves(command, own, other_path)
        else:
            yield own, other_path, command


def commands_section(group: Any = None) -> str:
    lines = [
        "| command | alias | what it does | *kegunaan* |",
        "|---|---|---|---|",
    ]
    for path, alias, command in _leaves(group or _click_app(), "", ""):
        english, indonesian = summaries(command.help or "", HELP.get(path, ""))
        cells = [f"`wksbm {path}`", f"`{alias}`" if alias else "", english, f"*{indonesian}*"]
        lines.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def format_choices(param: Any) -> list[str]:
    """The values a Click parameter accepts: a ``click.Choice`` type, or the choices Typer
    keeps on the parameter (an enum's values)."""
    choices = getattr(getattr(param, "type", None), "choices", None)
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None and getattr(descriptor, "is_choice", False):
        choices = descriptor.choices
    return [str(getattr(c, "value", c)) for c in choices or ()]


def formats_section(group: Any = None) -> str:
    lines = ["| command | `--format` (`-f`) |", "|---|---|"]
    for path, _alias, command in _leaves(group or _click_app(), "", ""):
        for param in command.params:
            if "--format" not in getattr(param, "opts", ()):
                continue
            default = getattr(param, "default", None)
            default = str(getattr(default, "value", default)) if default is not None else None
            shown = [
                f"`{c}` (default)" if c == default else f"`{c}`" for c in format_choices(param)
            ]
            required = " (required)" if default is None else ""
            lines.append(f"| `wksbm {path}` | {', '.join(shown)}{required} |")
    return "\n".join(lines) + "\n"


def fields_section() -> str:
    return fields_doc.markdown()


def score_section() -> str:
    english = "\n".join(f"- {line}" for line in definition("en"))
    indonesian = "\n".join(f"- {line}" for line in definition("id"))
    return f"{english}\n\nBahasa Indonesia:\n\n{indonesian}\n"


def _ci_file(rel: str) -> Callable[[], str]:
    def section() -> str:
        text = dict(templates.ci_files(source.parse(EXAMPLE_SOURCE)))[rel]
        return f"```yaml\n{text}```\n"

    return section


SECTIONS: dict[str, Callable[[], str]] = {
    "commands": commands_section,
    "formats": formats_section,
    "score": score_section,
    "init-github": _ci_file(".github/workflows/wksbm.yml"),
    "init-gitlab": _ci_file(".gitlab-ci.yml"),
    "init-pre-commit": _ci_file(".pre-commit-config.yaml"),
    "fields": fields_section,
}


class MissingMarker(Exception):
    """README lacks a section's markers: nothing can be generated into it."""


def readme(text: str) -> str:
    """README with every generated section filled in; text outside the markers unchanged."""
    found = {match.group(1) for match in _MARKER.finditer(text)}
    missing = sorted(set(SECTIONS) - found)
    if missing:
        raise MissingMarker(
            ", ".join(f"<!-- generated:{m} --> ... <!-- /generated:{m} -->" for m in missing)
        )

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in SECTIONS:
            return match.group(0)
        return f"<!-- generated:{name} -->\n{SECTIONS[name]()}<!-- /generated:{name} -->\n"

    return _MARKER.sub(fill, text)


def expected(root: Path) -> dict[str, str]:
    """Every generated file as it should be: path relative to ``root`` -> text."""
    out = {"docs/rules.md": rules_doc.markdown()}
    for kind in KINDS:
        out[f"records/schemas/{FILE_NAMES[kind]}"] = dumps(schema_of(kind, RULES))
    out["README.md"] = readme((root / "README.md").read_text(encoding="utf-8"))
    return out


def stale(root: Path) -> dict[str, tuple[str, str]]:
    """Each file whose text differs from what it should be: path -> (now, expected)."""
    out: dict[str, tuple[str, str]] = {}
    for rel, text in expected(root).items():
        path = root / rel
        now = path.read_text(encoding="utf-8") if path.is_file() else ""
        if now != text:
            out[rel] = (now, text)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m wksbm_cli.cli.generated",
        description="Regenerate (--write) or check (--check, the default) every generated file:"
        " docs/rules.md, records/schemas/*.schema.json and README's generated sections.",
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="rewrite the stale files")
    action.add_argument("--check", action="store_true", help="exit 1 if any file is stale")
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the repository (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    try:
        found = stale(args.root)
        if args.write:
            for rel, (_now, text) in found.items():
                atomic_write(str(args.root / rel), text, force=True)
                print(f"wrote {rel}")
            return 0
    except (OSError, MissingMarker, WksbmError) as exc:
        print(f"generated: {exc}", file=sys.stderr)
        return 2
    for rel, (now, text) in found.items():
        diff = difflib.unified_diff(
            now.splitlines(keepends=True), text.splitlines(keepends=True), f"a/{rel}", f"b/{rel}"
        )
        sys.stdout.writelines(diff)
    if found:
        print(
            "stale: "
            + ", ".join(found)
            + "\nregenerate with: python -m wksbm_cli.cli.generated --write",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
