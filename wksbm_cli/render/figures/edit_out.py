"""What an editing command (``pengurus``, ``sk``, ``status``, ``peserta``) did, for people and
for scripts.

Text says what changed and the completeness score before -> after; a dry run adds the unified
diff first. JSON gives scripts the same facts.
"""

from __future__ import annotations

import json
from typing import Any

from wksbm_cli.authoring.edit.session import EditReport
from wksbm_cli.i18n import translate
from wksbm_cli.render.context import Context
from wksbm_cli.render.problems.json_out import problem_json
from wksbm_cli.render.tables import percent

PROBLEM_KEYS = ("rule", "severity", "line", "message")


def _score(value: float | None) -> str:
    return "-" if value is None else percent(value)


def render_text(report: EditReport, ctx: Context) -> str:
    lang = ctx.lang
    out: list[str] = []
    if report.dry_run and report.diff:
        out.append(report.diff.rstrip("\n"))
        out.append("")
    out.append(f"{report.record} ({report.file})")
    for key, args in report.notes.items:
        out.append("  " + translate(key, lang, args))
    for s in report.scores:
        args = {"id": s.id, "before": _score(s.before), "after": _score(s.after)}
        out.append("  " + translate("edit.score", lang, args))
    for p in report.consequences:
        args = {"severity": p.severity.label, "rule": p.rule, "message": p.message(lang)}
        out.append("  " + translate("edit.consequence", lang, args))
    if not report.changed:
        out.append(translate("edit.nothing", lang))
    elif report.dry_run:
        out.append(translate("edit.dry-run", lang, {"path": report.file}))
    else:
        out.append(translate("edit.wrote", lang, {"path": report.file}))
    return "\n".join(out) + "\n"


def edit_document(report: EditReport, lang: str) -> dict[str, Any]:
    return {
        "version": 1,
        "command": report.command,
        "record": report.record,
        "kind": report.kind,
        "file": report.file,
        "dry_run": report.dry_run,
        "written": report.written,
        "changes": [c.as_json() for c in report.changes],
        "notes": [translate(key, lang, args) for key, args in report.notes.items],
        "completeness": [{"id": s.id, "before": s.before, "after": s.after} for s in report.scores],
        "new_problems": [problem_json(p, lang, PROBLEM_KEYS) for p in report.consequences],
        "diff": report.diff,
    }


def render_json(report: EditReport, ctx: Context) -> str:
    return json.dumps(edit_document(report, ctx.lang), ensure_ascii=False, indent=2) + "\n"
