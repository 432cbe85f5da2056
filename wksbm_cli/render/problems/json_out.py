"""``--format json``: the shape fixed by the CLI contract (add keys freely, change none).

:func:`problem_json` is the one place a problem becomes JSON: ``validate``, ``show`` and the
editing commands list problems with different sets of keys, but a key means the same everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wksbm_cli import __version__
from wksbm_cli.check.results import CheckResult
from wksbm_cli.core.problem import Problem
from wksbm_cli.render.context import Context
from wksbm_cli.render.safe import json_text


def problem_json(p: Problem, lang: str, keys: Sequence[str] | None = None) -> dict[str, Any]:
    """Every key (``waived_until`` only for a waived problem), or only ``keys``, in that order."""
    doc = {
        "file": p.file,
        "line": p.line,
        "column": p.column,
        "rule": p.rule,
        "severity": p.severity.label,
        "message": p.message(lang),
        "record": p.record,
        "path": p.path,
        "waived": p.waived,
        **({"waived_until": dict(p.extra).get("until")} if p.waived else {}),
    }
    return doc if keys is None else {key: doc[key] for key in keys}


def problems_document(result: CheckResult, lang: str) -> dict[str, Any]:
    return {
        "version": 1,
        "tool": {"name": "wksbm", "version": __version__},
        "lang": lang,
        "records_root": result.shown_root,
        "files": result.files,
        "problems": [problem_json(p, lang) for p in result.problems],
        "counts": result.counts(),
        "waived": result.waived,
    }


def render(result: CheckResult, ctx: Context) -> str:
    return json_text(problems_document(result, ctx.lang))
