"""JSON Schema export: valid schemas that accept every bundled record and reject bad ones."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from wksbm_cli.model.jsonschema import all_schemas
from wksbm_cli.rules.registry import RULES

RECORDS = Path(__file__).resolve().parent.parent / "records"


def _plain(value: Any) -> Any:
    """YAML dates become ISO strings, as an editor's language server sees them."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(all_schemas(RULES)[kind])


def test_schemas_are_valid_draft_2020_12() -> None:
    for doc in all_schemas(RULES).values():
        jsonschema.Draft202012Validator.check_schema(doc)
        assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_bundled_record_validates(tmp_path: Path) -> None:
    copy = tmp_path / "records"
    shutil.copytree(RECORDS, copy)
    files = sorted(copy.rglob("*.yaml"))
    assert len(files) >= 7
    for path in files:
        kind = "wksbm" if path.name == "wksbm.yaml" else path.relative_to(copy).parts[0]
        data = _plain(yaml.safe_load(path.read_text(encoding="utf-8")))
        errors = list(_validator(kind).iter_errors(data))
        assert not errors, (path.name, [e.message for e in errors])


GOOD = {"id": "wksbm-x", "nama": "WKSBM X", "jenis": "wksbm", "tingkat": "desa", "wilayah": {}}


@pytest.mark.parametrize(
    "change",
    [
        {"jenis": "paguyuban"},  # not in the enum
        {"nama": "  "},  # blank
        {"nmaa": "typo"},  # unknown key
        {"dibentuk": 2024},  # not a date string
        {"wilayah": {"kecamatan": "Depok", "kapanewon": "Depok"}},  # two synonyms
        {"pengecualian": [{"aturan": "missing-ketua", "sampai": "2026-01-01"}]},  # no alasan
        {"id": "Bad Id"},
    ],
)
def test_bad_organisations_are_rejected(change: dict[str, Any]) -> None:
    assert _validator("organisasi").is_valid(GOOD)
    assert not _validator("organisasi").is_valid({**GOOD, **change})


def test_wksbm_needs_tingkat_and_wilayah_but_a_forum_does_not() -> None:
    bare = {"id": "x", "nama": "X", "jenis": "wksbm"}
    assert not _validator("organisasi").is_valid(bare)
    assert _validator("organisasi").is_valid({**bare, "jenis": "forum"})


def test_waivers_and_descriptions_are_in_the_schema() -> None:
    props = all_schemas(RULES)["organisasi"]["properties"]
    waiver = props["pengecualian"]["items"]
    assert waiver["required"] == ["aturan", "sampai", "alasan"]
    assert waiver["properties"]["sampai"]["format"] == "date"
    assert "Nama organisasi." in props["nama"]["description"]
    assert "Name of the organisation." in props["nama"]["description"]
    assert "kegiatan" in all_schemas(RULES)
    event = {"id": "2025-01-02-x", "judul": "X", "jenis": "rapat", "tanggal": "2025-01-02"}
    assert not _validator("kegiatan").is_valid(event)  # penyelenggara missing
    assert _validator("kegiatan").is_valid({**event, "penyelenggara": "Dinsos"})


def test_schema_command_prints_and_writes(run_cli: Any, tmp_path: Path) -> None:
    out = run_cli("--lang", "en", "schema")
    assert out.exit_code == 0
    assert set(json.loads(out.stdout)["schemas"]) == {"organisasi", "kegiatan", "wksbm"}
    one = run_cli("--lang", "en", "schema", "--kind", "kegiatan")
    assert list(json.loads(one.stdout)["schemas"]) == ["kegiatan"]
    target = tmp_path / "schemas"
    assert run_cli("--lang", "en", "schema", "--output", str(target)).exit_code == 0
    names = sorted(p.name for p in target.iterdir())
    assert names == ["kegiatan.schema.json", "organisasi.schema.json", "wksbm.schema.json"]
    (target / "wksbm.schema.json").write_text("{}", encoding="utf-8")
    again = run_cli("--lang", "en", "schema", "--output", str(target))
    assert again.exit_code == 2
    assert (target / "wksbm.schema.json").read_text(encoding="utf-8") == "{}"
    forced = run_cli("--lang", "en", "schema", "--output", str(target), "--force")
    assert forced.exit_code == 0
    assert json.loads((target / "wksbm.schema.json").read_text(encoding="utf-8"))["title"]
