"""Every generated file is what `python -m wksbm_cli.cli.generated --write` makes of it.

One check for all of them: docs/rules.md, the JSON Schemas in records/schemas/ and README's
generated sections (commands, output formats, fields, the score, the CI files `wksbm init`
writes). Regenerate with `python -m wksbm_cli.cli.generated --write`.
"""

from __future__ import annotations

import shutil
from enum import StrEnum
from pathlib import Path
from types import SimpleNamespace
from typing import Annotated, Any, Literal

import pytest
import typer
import typer.main

from wksbm_cli.cli import generated

ROOT = Path(__file__).resolve().parent.parent


def test_every_generated_file_is_up_to_date() -> None:
    stale = generated.stale(ROOT)
    assert not stale, (
        f"stale: {', '.join(stale)}; regenerate with: python -m wksbm_cli.cli.generated --write"
    )


def test_generated_covers_rules_schemas_and_readme() -> None:
    assert set(generated.expected(ROOT)) == {
        "docs/rules.md",
        "records/schemas/organisasi.schema.json",
        "records/schemas/kegiatan.schema.json",
        "records/schemas/wksbm.schema.json",
        "README.md",
    }


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    shutil.copy(ROOT / "README.md", root / "README.md")
    shutil.copy(ROOT / "docs" / "rules.md", root / "docs" / "rules.md")
    shutil.copytree(ROOT / "records" / "schemas", root / "records" / "schemas")
    return root


def test_check_names_stale_files_with_a_diff_and_write_fixes_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(tmp_path)
    readme = (root / "README.md").read_text(encoding="utf-8")
    edited = readme.replace("| `wksbm validate` | `periksa` |", "| `wksbm validate` | `cek` |")
    assert edited != readme
    (root / "README.md").write_text(edited.replace("## Quick start", "## Quick  start"), "utf-8")
    (root / "docs" / "rules.md").write_text("# Rules\n", encoding="utf-8")
    (root / "records" / "schemas" / "wksbm.schema.json").unlink()

    assert generated.main(["--check", "--root", str(root)]) == 1
    out, err = capsys.readouterr()
    assert "stale: docs/rules.md, records/schemas/wksbm.schema.json, README.md" in err
    assert "-| `wksbm validate` | `cek` |" in out and "+| `wksbm validate` | `periksa` |" in out

    assert generated.main(["--write", "--root", str(root)]) == 0
    assert generated.main(["--check", "--root", str(root)]) == 0
    assert (root / "docs" / "rules.md").read_text(encoding="utf-8") == (
        ROOT / "docs" / "rules.md"
    ).read_text(encoding="utf-8")
    # Text outside the markers is the author's: left as it was.
    assert "## Quick  start" in (root / "README.md").read_text(encoding="utf-8")


def test_a_readme_without_a_section_marker_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(tmp_path)
    broken = (root / "README.md").read_text(encoding="utf-8")
    broken = broken.replace("<!-- /generated:fields -->\n", "")
    (root / "README.md").write_text(broken, "utf-8")
    assert generated.main(["--write", "--root", str(root)]) == 2
    assert "<!-- generated:fields -->" in capsys.readouterr().err
    assert (root / "README.md").read_text(encoding="utf-8") == broken  # untouched


class Colour(StrEnum):
    text = "text"
    json = "json"


def _tiny_app() -> Any:
    """Two commands whose --format is an enum and a list of literal values."""
    app = typer.Typer()

    @app.command("paint")
    def paint(
        fmt: Annotated[Colour, typer.Option("--format", "-f")] = Colour.text,
    ) -> None:
        """Paint the records. And more words."""

    @app.command("dump")
    def dump(fmt: Annotated[Literal["csv", "yaml"], typer.Option("--format")]) -> None:
        """Dump them (as files). Then stop."""

    return typer.main.get_command(app)


def test_formats_come_from_the_click_parameters() -> None:
    text = generated.formats_section(_tiny_app())
    assert "| `wksbm paint` | `text` (default), `json` |" in text
    assert "| `wksbm dump` | `csv`, `yaml` (required) |" in text


def test_formats_of_a_click_choice() -> None:
    """Typer releases built on the click package keep choices on a ``click.Choice`` type."""
    param = SimpleNamespace(type=SimpleNamespace(choices=["sqlite", "csv"]))
    assert generated.format_choices(param) == ["sqlite", "csv"]


def test_commands_come_from_the_app() -> None:
    text = generated.commands_section(_tiny_app())
    assert "| `wksbm paint` |  | Paint the records. |" in text
    assert "| `wksbm dump` |  | Dump them (as files). |" in text


def test_every_command_of_wksbm_is_listed_with_its_alias() -> None:
    text = generated.commands_section()
    for row in (
        "| `wksbm validate` | `periksa` | Check every record",
        "| `wksbm baseline write` | `acuan write` |",
        "| `wksbm pengurus ganti` | `officers replace` |",
        "| `wksbm status` |  | Change an organisation's status. | *Ubah status organisasi.* |",
        # an HTML-like <kecamatan> would vanish from the rendered page
        "Write a new record: organisasi/&lt;kecamatan&gt;/&lt;ID&gt;.yaml",
    ):
        assert row in text, row
    assert "| `wksbm report` | `text` (default), `markdown`, `csv`, `json`, `html`, `pdf` |" in (
        generated.formats_section()
    )
