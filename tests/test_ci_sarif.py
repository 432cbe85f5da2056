"""``--format sarif`` validates against the official OASIS SARIF 2.1.0 schema (vendored in
tests/data, errata01 version, ``id`` checked below) and carries every rule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import GOOD_EVENT, GOOD_ORG

from wksbm_cli.rules.registry import RULES

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["id"] == (
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def _sarif(make_records: Any, run_cli: Any, tmp_path: Path) -> tuple[int, dict[str, Any]]:
    bad_org = GOOD_ORG.replace("tingkat: kalurahan", "tingkat: 50%").replace(
        "  - {jabatan: sekretaris, nama: Contoh Sekretaris}\n", ""
    )
    root = make_records(
        {
            "organisasi/wksbm-contoh.yaml": bad_org,
            "kegiatan/2025/2025-06-17-pelatihan.yaml": GOOD_EVENT.replace(
                "[wksbm-contoh]", "[wksbm-contoh, tidak-ada]"
            ),
        }
    )
    result = run_cli(
        "--lang",
        "en",
        "--records",
        str(root),
        "validate",
        "--format",
        "sarif",
        "--as-of",
        "2025-07-01",
        env={"GITHUB_WORKSPACE": str(tmp_path)},
    )
    return result.exit_code, json.loads(result.stdout)


def test_sarif_is_valid_and_complete(
    validator: jsonschema.Draft4Validator, make_records: Any, run_cli: Any, tmp_path: Path
) -> None:
    code, doc = _sarif(make_records, run_cli, tmp_path)
    assert code == 1
    errors = sorted(validator.iter_errors(doc), key=str)
    assert not errors, errors[0]
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "wksbm"
    assert [r["id"] for r in driver["rules"]] == sorted(RULES)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert {"invalid-value", "missing-sekretaris", "unknown-reference"} <= set(by_rule)
    ref = by_rule["unknown-reference"]
    assert ref["level"] == "error"
    assert "tidak-ada" in ref["message"]["text"]
    location = ref["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "records/kegiatan/2025/2025-06-17-pelatihan.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"]["startLine"] == 6
    assert driver["rules"][ref["ruleIndex"]]["id"] == "unknown-reference"
    assert "`50%`" in by_rule["invalid-value"]["message"]["text"]


def test_the_schema_check_can_fail(
    validator: jsonschema.Draft4Validator, make_records: Any, run_cli: Any, tmp_path: Path
) -> None:
    _, doc = _sarif(make_records, run_cli, tmp_path)
    doc["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(doc))
    del doc["version"]
    assert list(validator.iter_errors(doc))


def test_clean_folder_has_no_results(
    validator: jsonschema.Draft4Validator, make_records: Any, run_cli: Any
) -> None:
    root = make_records({"organisasi/wksbm-contoh.yaml": GOOD_ORG})
    result = run_cli(
        "--lang",
        "id",
        "--records",
        str(root),
        "validate",
        "--format",
        "sarif",
        "--as-of",
        "2025-01-01",
        "--ignore",
        "never-trained",
    )
    doc = json.loads(result.stdout)
    assert result.exit_code == 0
    assert doc["runs"][0]["results"] == []
    assert not list(validator.iter_errors(doc))
