"""The Markdown of ``wksbm diff``: a pull request's effect on the records, for a step summary.

Ids and file names come from the pull request, so they are shown as inline code
(``md_escape.md_code``: backticks and control characters neutralised): a record cannot inject
links, HTML or headings.
"""

from __future__ import annotations

from collections import Counter

from wksbm_cli.ci.baseline import Key
from wksbm_cli.ci.diff import KindChanges, RecordsDiff
from wksbm_cli.i18n import translate
from wksbm_cli.render.md_escape import md_code as code


def _kind(lines: list[str], title: str, changes: KindChanges, lang: str) -> None:
    lines.append(f"### {title}")
    lines.append("")
    if not (changes.added or changes.changed or changes.removed):
        lines.append(translate("ci.diff.none", lang))
        lines.append("")
        return
    for label, ids in (
        ("ci.diff.added", changes.added),
        ("ci.diff.changed", changes.changed),
        ("ci.diff.removed", changes.removed),
    ):
        if ids:
            shown = ", ".join(code(i) for i in ids)
            lines.append(f"- {translate(label, lang, {'n': len(ids)})}: {shown}")
    lines.append("")


def _problems(lines: list[str], title: str, keys: Counter[Key], lang: str) -> None:
    total = sum(keys.values())
    lines.append(f"### {title} ({total})")
    lines.append("")
    if not keys:
        lines.append(translate("ci.diff.none", lang))
        lines.append("")
        return
    for (file, rule, _record, path), n in sorted(keys.items()):
        where = code(file)
        if path:
            where += f" {code(path)}"
        times = f" ×{n}" if n > 1 else ""
        lines.append(f"- {code(rule)} {translate('ci.diff.in', lang)} {where}{times}")
    lines.append("")


def render(diff: RecordsDiff, lang: str) -> str:
    lines = [f"## {translate('ci.diff.title', lang, {'ref': code(diff.ref)})}", ""]
    _kind(lines, translate("ci.diff.organisations", lang), diff.organisations, lang)
    _kind(lines, translate("ci.diff.events", lang), diff.events, lang)
    _problems(lines, translate("ci.diff.introduced", lang), diff.introduced, lang)
    _problems(lines, translate("ci.diff.fixed", lang), diff.fixed, lang)
    return "\n".join(lines)
