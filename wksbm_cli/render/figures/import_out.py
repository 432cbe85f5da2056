"""What ``wksbm import`` found and did, row by row, for people and for scripts."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from wksbm_cli.authoring.importing.plan import Item, Plan
from wksbm_cli.i18n import translate
from wksbm_cli.render.context import Context


@dataclass(frozen=True)
class ImportRun:
    """The plan, and how it was carried out (``--dry-run``: nothing written; ``--update``:
    changed fields of existing records written too).

    The text lists the rows that change something or say something; an unchanged row without a
    note is only counted unless ``verbose``: a re-import of a list of thousands would otherwise
    print thousands of lines to say that nothing happened. JSON lists every row."""

    plan: Plan
    dry_run: bool
    update: bool
    verbose: bool = False  # text: list the unchanged rows too


def render_text(run: ImportRun, ctx: Context) -> str:
    return _text(run.plan, ctx.lang, run.dry_run, run.update, run.verbose)


def render_json(run: ImportRun, ctx: Context) -> str:
    doc = _json(run.plan, ctx.lang, run.dry_run, run.update)
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _reason(item: Item, lang: str) -> str:
    if item.action == "ambiguous" and item.reason is None:
        return translate("import.ambiguous", lang, {"ids": ", ".join(item.candidates)})
    if item.reason is None:
        return ""
    key, args = item.reason
    return translate(key, lang, args)


def _value(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_value(v) for v in value)
    return str(value)


def _summary(plan: Plan, lang: str, dry_run: bool, update: bool) -> list[str]:
    args = {a: plan.count(a) for a in ("new", "update", "unchanged", "rejected", "ambiguous")}
    out = [translate("import.summary", lang, {"source": plan.source, **args})]
    if plan.dropped_personal:
        out.append(translate("import.dropped", lang, {"count": plan.dropped_personal}))
    if dry_run:
        out.append(translate("import.dry-run", lang))
    elif plan.count("update") and not update:
        out.append(translate("import.not-updated", lang))
    return out


def _text(plan: Plan, lang: str, dry_run: bool, update: bool, verbose: bool) -> str:
    out: list[str] = []
    skipped: dict[str, list[str]] = {}  # one line per reason, naming its sheets
    for sh in plan.sheets:
        if sh.skipped:
            skipped.setdefault(sh.skipped[0], []).append(sh.name)
    for key, names in skipped.items():
        out.append(translate(key, lang, {"sheet": ", ".join(names)}))
    for sh in plan.sheets:
        for header, hint in sh.unknown:
            args = {"sheet": sh.name, "header": header, "suggestion": hint}
            out.append(translate("import.unknown-column", lang, args))
    hidden = 0
    for item in plan.items:
        if item.action == "unchanged" and not item.notes and not verbose:
            hidden += 1
            continue
        where = f"{item.sheet}:{item.row}"
        label = translate(f"import.action.{item.action}", lang)
        head = f"{label:<12} {where:<14} {item.nama}"
        if item.file:
            head += f" -> {item.file}"
        out.append(head)
        for ch in item.changes:
            out.append(f"    {ch.field}: {_value(ch.old)} -> {_value(ch.new)}")
        for key, args in item.notes:
            out.append("    " + translate(key, lang, args))
        if reason := _reason(item, lang):
            out.append("    " + reason)
    if hidden:
        out.append(translate("import.unchanged-hidden", lang, {"count": hidden}))
    out.extend(_summary(plan, lang, dry_run, update))
    return "\n".join(out) + "\n"


def _json(plan: Plan, lang: str, dry_run: bool, update: bool) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value

    return {
        "version": 1,
        "source": plan.source,
        "dry_run": dry_run,
        "update": update,
        "counts": {
            a: plan.count(a) for a in ("new", "update", "unchanged", "rejected", "ambiguous")
        },
        "dropped_personal": plan.dropped_personal,
        "skipped_rows": plan.skipped_rows,
        "sheets": [
            {
                "name": s.name,
                "header_row": s.header_row,
                "columns": s.columns,
                "unknown_columns": [{"header": h, "suggestion": g or None} for h, g in s.unknown],
                "skipped": translate(s.skipped[0], lang, {"sheet": s.name}) if s.skipped else None,
            }
            for s in plan.sheets
        ],
        "rows": [
            {
                "action": i.action,
                "sheet": i.sheet,
                "row": i.row,
                "nama": i.nama,
                "id": i.id or None,
                "file": i.file or None,
                "written": i.written,
                "changes": [
                    {"field": c.field, "old": plain(c.old), "new": plain(c.new)} for c in i.changes
                ],
                "notes": [translate(k, lang, a) for k, a in i.notes],
                "reason": _reason(i, lang) or None,
                "candidates": i.candidates,
            }
            for i in plan.items
        ],
    }
