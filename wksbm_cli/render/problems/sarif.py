"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Every rule of the rule table is listed (id, summary, its documentation, default level) so that a
viewer can explain an alert; results point at files relative to the repository root
(``%SRCROOT%``), with 1-based line and column as SARIF counts them.
"""

from __future__ import annotations

from typing import Any

from wksbm_cli import __version__
from wksbm_cli.check.results import CheckResult
from wksbm_cli.render.context import Context
from wksbm_cli.render.problems.github import repo_path
from wksbm_cli.render.safe import json_text, visible
from wksbm_cli.rules.registry import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="/-._~")


def sarif_document(result: CheckResult, lang: str, repo_root: str | None) -> dict[str, Any]:
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for rule_id in sorted(RULES):
        info = RULES[rule_id]
        index[rule_id] = len(rules)
        doc = info.doc.strip() or info.summary("en")
        rules.append(
            {
                "id": rule_id,
                "name": rule_id,
                "shortDescription": {"text": info.summary("en")},
                "fullDescription": {"text": doc},
                "help": {"text": f"{info.summary(lang)}\n\n{doc}"},
                "defaultConfiguration": {"level": LEVEL[info.severity.label]},
                "properties": {"tags": [info.group]},
            }
        )
    results: list[dict[str, Any]] = []
    for p in result.problems:
        if p.waived:
            continue
        entry: dict[str, Any] = {
            "ruleId": p.rule,
            "level": LEVEL[p.severity.label],
            # As in the github format: a viewer shows the text as is, so controls and bidi
            # overrides from a record value are shown as escapes.
            "message": {"text": visible(p.message(lang))},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {
                            "uri": _uri(repo_path(p.file, repo_root)),
                            "uriBaseId": "%SRCROOT%",
                        },
                        "region": {"startLine": p.line, "startColumn": p.column},
                    }
                }
            ],
        }
        if p.rule in index:
            entry["ruleIndex"] = index[p.rule]
        if p.record or p.path:
            entry["properties"] = {"record": p.record, "path": p.path}
        results.append(entry)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "wksbm",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def render(result: CheckResult, ctx: Context) -> str:
    return json_text(sarif_document(result, ctx.lang, ctx.repo_root))
