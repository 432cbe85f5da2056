"""What the editing commands (``pengurus``, ``sk``, ``status``, ``peserta``) share: their common
options, the effective date, and how a finished edit is printed.

Text output says what changed and the completeness score before -> after; ``--dry-run`` adds the
unified diff and writes nothing; ``--format json`` gives scripts the same facts.
"""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wksbm_cli.cli.common import write_out

if TYPE_CHECKING:
    from wksbm_cli.authoring.edit.session import EditReport


class EditFormat(StrEnum):
    text = "text"
    json = "json"


DryRun = Annotated[
    bool,
    typer.Option("--dry-run", help="Show the change as a unified diff; write nothing."),
]
Format = Annotated[EditFormat, typer.Option("--format", "-f", help="Output format.")]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        "--tanggal",
        metavar="YYYY-MM-DD",
        help="The day the change takes effect, and the day the record is judged on"
        " (default: today).",
    ),
]


def day(option: str, value: str | None, default: dt.date) -> dt.date:
    from wksbm_cli.core.dates import parse_date

    return default if value is None else parse_date(option, value.strip())


def effective(value: str | None) -> dt.date:
    return day("--as-of", value, dt.date.today())


def text_value(value: str | None) -> str | None:
    """An option's text, whitespace tidied; empty counts as not given."""
    if value is None:
        return None
    tidy = " ".join(value.split())
    return tidy or None


def _score(value: float | None) -> str:
    from wksbm_cli.render.tables import percent

    return "-" if value is None else percent(value)


def show(report: EditReport, fmt: EditFormat, lang: str) -> None:
    from wksbm_cli.i18n import translate

    if fmt is EditFormat.json:
        write_out(json.dumps(as_json(report, lang), ensure_ascii=False, indent=2) + "\n")
        return
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
    write_out("\n".join(out) + "\n")


def as_json(report: EditReport, lang: str) -> dict[str, Any]:
    from wksbm_cli.i18n import translate

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
        "new_problems": [
            {
                "rule": p.rule,
                "severity": p.severity.label,
                "line": p.line,
                "message": p.message(lang),
            }
            for p in report.consequences
        ],
        "diff": report.diff,
    }
