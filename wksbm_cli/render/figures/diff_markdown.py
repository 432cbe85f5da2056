"""The Markdown of ``wksbm diff``: a pull request's effect on the records, for a step summary.

Ids and file names come from the pull request, so they are shown as inline code
(``md_escape.md_code``: backticks and control characters neutralised): a record cannot inject
links, HTML or headings.
"""

from __future__ import annotations

from collections import Counter

from wksbm_cli.check.baseline import Key
from wksbm_cli.figures.diff import KindChanges, RecordsDiff
from wksbm_cli.i18n import translate
from wksbm_cli.render.context import Context
from wksbm_cli.render.md_escape import md_code as code


def _kind(lines: list[str], title: str, changes: KindChanges, lang: str) -> None:
    lines.append(f"### {title}")
    lines.append("")
    if not (changes.added or changes.changed or changes.removed or changes.moved):
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
    if changes.moved:
        moves = ", ".join(f"{code(i)} ({code(old)} → {code(new)})" for i, old, new in changes.moved)
        lines.append(f"- {translate('ci.diff.moved', lang, {'n': len(changes.moved)})}: {moves}")
    lines.append("")


def _problems(
    lines: list[str], title: str, keys: Counter[Key], diff: RecordsDiff, lang: str
) -> None:
    total = sum(keys.values())
    lines.append(f"### {title} ({total})")
    lines.append("")
    if not keys:
        lines.append(translate("ci.diff.none", lang))
        lines.append("")
        return
    shown = []
    for key, n in keys.items():
        file, path = diff.places.get(key, (key[0], key[2]))
        shown.append((file, key[1], path, n))
    for file, rule, path, n in sorted(shown):
        where = code(file)
        if path:
            where += f" {code(path)}"
        times = f" ×{n}" if n > 1 else ""
        lines.append(f"- {code(rule)} {translate('ci.diff.in', lang)} {where}{times}")
    lines.append("")


def _policy(lines: list[str], diff: RecordsDiff, lang: str) -> None:
    """Every rule a change of wksbm.yaml judges differently, and every waiver it adds: a pull
    request cannot quietly switch off the rules it is judged by."""
    if not (diff.config_changed or diff.policy or diff.waivers):
        return
    lines.append(f"### {translate('ci.diff.policy', lang)}")
    lines.append("")
    if diff.config_changed:
        lines.append(translate("ci.diff.config-changed", lang, {"file": code("wksbm.yaml")}))
        lines.append("")
    for title, changes in (
        ("ci.diff.relaxed", diff.relaxed),
        ("ci.diff.tightened", diff.tightened),
    ):
        if not changes:
            continue
        lines.append(f"{translate(title, lang, {'n': len(changes)})}:")
        lines.append("")
        for c in changes:
            key = ".".join(c.where)
            lines.append(f"- {code(c.rule)}: {code(c.before)} → {code(c.after)} ({code(key)})")
        lines.append("")
    if diff.waivers:
        lines.append(f"{translate('ci.diff.waived', lang, {'n': len(diff.waivers)})}:")
        lines.append("")
        for w in diff.waivers:
            until = translate("ci.diff.until", lang, {"date": w.until.isoformat()})
            lines.append(
                f"- {code(w.rule)} {translate('ci.diff.in', lang)} {code(w.record)} {until}"
            )
        lines.append("")
    if diff.config_changed and not diff.policy:
        lines.append(translate("ci.diff.policy-same", lang))
        lines.append("")


def render(diff: RecordsDiff, ctx: Context) -> str:
    """The Markdown summary, ending with a newline (also appended to GITHUB_STEP_SUMMARY)."""
    lang = ctx.lang
    lines = [f"## {translate('ci.diff.title', lang, {'ref': code(diff.ref)})}", ""]
    if diff.base:
        key = "ci.diff.base-tip" if diff.against_tip else "ci.diff.base"
        lines.append(translate(key, lang, {"commit": code(diff.base[:10])}))
        lines.append("")
    _policy(lines, diff, lang)
    _kind(lines, translate("ci.diff.organisations", lang), diff.organisations, lang)
    _kind(lines, translate("ci.diff.events", lang), diff.events, lang)
    _problems(lines, translate("ci.diff.introduced", lang), diff.introduced, diff, lang)
    _problems(lines, translate("ci.diff.fixed", lang), diff.fixed, diff, lang)
    return "\n".join(lines) + "\n"
