"""``--changed-since``: which records a pull request is judged on, and by which rules.

A pull request is judged on the files it added or modified since it left the base branch (git
merge-base REF HEAD; ``against_tip`` compares with REF's tip instead), plus every event that
names an organisation it changed, renamed or deleted (that event may now point at nothing). Ids
and references are still resolved against the whole folder, so every file is read; only the
report is narrowed, through ``Options.paths``.

A pull request that edits ``wksbm.yaml`` is judged with the base revision's severities
(``aturan:`` and the role lists) unless ``trust_config`` is set: it cannot switch off the rules
it is judged by. Every relaxation is reported as a ``config-relaxed`` warning on its line. A
waiver (``pengecualian``) that the change adds to a record, or whose ``sampai`` it extends, is a
relaxation too: without ``trust_config`` the record is judged without it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from wksbm_cli.check.engine import Scope, check_entries, finish, rule_filter, wanted_rules
from wksbm_cli.check.policy import PolicyChange, config_from_bytes, policy_changes, with_policy_of
from wksbm_cli.check.results import CheckResult, FileResult, Options, shown_path
from wksbm_cli.core.problem import Problem, Severity, make_args
from wksbm_cli.errors import WksbmError
from wksbm_cli.load import git
from wksbm_cli.load.files import CONFIG_NAME, read_text, shown_name, walk
from wksbm_cli.load.yamldoc import load_document
from wksbm_cli.model.records import Config, Waiver

# Options.paths == () means "everything"; a path no record can have means "nothing".
NOTHING = ("\0",)


def _stem(rel: str) -> str:
    return rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _relaxation_problems(
    root: str, shown_root: str, config: Config, relaxed: list[PolicyChange], trusted: bool
) -> list[Problem]:
    """One located warning per relaxed rule, at its key in today's ``wksbm.yaml``."""
    import os

    shown = shown_path(shown_root, CONFIG_NAME)
    read = read_text(os.path.join(root, CONFIG_NAME), 256 * 1024)
    doc = load_document(read.text) if read.text is not None else None
    out = []
    for c in relaxed:
        line, column = doc.where(c.where) if doc is not None else (1, 1)
        source = ""
        if read.text is not None:
            lines = read.text.splitlines()
            source = lines[line - 1][:200] if 0 < line <= len(lines) else ""
        out.append(
            Problem(
                file=shown,
                line=line,
                column=column,
                rule="config-relaxed",
                severity=Severity.WARNING,
                message_key="config-relaxed.trusted" if trusted else "config-relaxed",
                args=make_args(rule=c.rule, before=c.before, after=c.after),
                path=".".join(c.where),
                source=source,
            )
        )
    return out


def _base_waivers(data: object) -> dict[str, str]:
    """A committed record's waivers: rule -> the latest ``sampai`` (ISO text) it had."""
    out: dict[str, str] = {}
    items = data.get("pengecualian") if isinstance(data, dict) else None
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("aturan"), str):
            until = str(item.get("sampai", ""))
            out[item["aturan"]] = max(out.get(item["aturan"], ""), until)
    return out


def _added_waivers(
    root: str, base: str, results: list[FileResult], changes: git.Changes
) -> dict[str, list[Waiver]]:
    """Per changed file, the waivers the change adds or extends (a later ``sampai``) compared
    with the same record at ``base`` (found under its old name when the file was moved)."""
    waiving = [
        r for r in results if r.rel in changes.changed and r.facts is not None and r.facts.waivers
    ]
    if not waiving:
        return {}
    old_name = {_stem(rel): rel for rel in changes.deleted}
    wanted = {r.rel: old_name.get(_stem(r.rel), r.rel) for r in waiving}
    committed = git.show_files(root, base, sorted(set(wanted.values())))
    out: dict[str, list[Waiver]] = {}
    for r in waiving:
        assert r.facts is not None
        before: dict[str, str] = {}
        data = committed.get(wanted[r.rel])
        if data is not None:
            before = _base_waivers(load_document(data.decode("utf-8", "replace")).data)
        added = [w for w in r.facts.waivers if w.sampai.isoformat() > before.get(w.aturan, "")]
        if added:
            out[r.rel] = added
    return out


def _waiver_problems(
    root: str, shown_root: str, added: dict[str, list[Waiver]], trusted: bool
) -> list[Problem]:
    """One located warning per added or extended waiver, at its item in the record."""
    import os

    out = []
    for rel, waivers in sorted(added.items()):
        read = read_text(os.path.join(root, rel), 1024 * 1024)
        doc = load_document(read.text) if read.text is not None else None
        lines = read.text.splitlines() if read.text is not None else []
        for w in waivers:
            line, column = doc.where(("pengecualian", w.index)) if doc is not None else (1, 1)
            out.append(
                Problem(
                    file=shown_path(shown_root, rel),
                    line=line,
                    column=column,
                    rule="config-relaxed",
                    severity=Severity.WARNING,
                    message_key="config-relaxed.waiver-trusted"
                    if trusted
                    else "config-relaxed.waiver",
                    args=make_args(rule=w.aturan, date=w.sampai.isoformat()),
                    path=f"pengecualian[{w.index}]",
                    source=lines[line - 1][:200] if 0 < line <= len(lines) else "",
                )
            )
    return out


def check_changed(
    root: str,
    shown_root: str,
    config: Config,
    options: Options,
    ref: str,
    against_tip: bool = False,
    trust_config: bool = False,
) -> CheckResult:
    base = git.base_commit(root, ref, against_tip)
    changes = git.changes_from(root, base)
    # Named as the walker names them: a path that is not UTF-8 is shown with \xff escapes.
    changes.changed = {shown_name(rel) for rel in changes.changed}
    changes.deleted = {shown_name(rel) for rel in changes.deleted}
    allowed = rule_filter(options.select, options.ignore)
    today = options.as_of or dt.date.today()
    config_edited = CONFIG_NAME in changes.changed or CONFIG_NAME in changes.deleted
    relaxed: list[PolicyChange] = []
    judged = config
    if config_edited:
        shown = f"{ref}:{shown_path(shown_root, CONFIG_NAME)}"
        try:
            base_config = config_from_bytes(git.show_config(root, base), shown)
        except WksbmError:
            if not trust_config:
                raise  # no base severities to judge by: say so rather than guess
            base_config = config  # a change repairing a broken base, trusted as asked
        relaxed = [c for c in policy_changes(base_config, config) if c.relaxed]
        if not trust_config:
            judged = with_policy_of(config, base_config)
    # The same cached, parallel per-file step as a full run: only the report is narrowed.
    notices: list[tuple[str, dict[str, Any]]] = []
    results = check_entries(
        root,
        shown_root,
        list(walk(root)),
        judged,
        today,
        options.use_cache,
        notices=notices,
        wanted=wanted_rules(allowed, judged),
        records=options.records,
    )
    touched_orgs = {
        r.facts.id
        for r in results
        if r.facts is not None
        and r.facts.kind == "organisasi"
        and r.facts.id
        and r.rel in changes.changed
    }
    # A file's name is its record's id (the id-mismatch rule), so the name of a deleted, renamed
    # or edited organisation file is the id it had before, which events may still name.
    touched_orgs |= {
        _stem(rel) for rel in changes.deleted | changes.changed if rel.startswith("organisasi/")
    }
    events = {
        r.rel
        for r in results
        if r.facts is not None and any(link.target in touched_orgs for link in r.facts.references)
    }
    added = _added_waivers(root, base, results, changes)
    if added and not trust_config:
        # Judged as if the change had not waived anything: a pull request cannot excuse itself.
        for r in results:
            if r.rel in added and r.facts is not None:
                keep = tuple(w for w in r.facts.waivers if w not in added[r.rel])
                r.facts = replace(r.facts, waivers=keep)
    scope = changes.changed | events
    if config_edited:
        # New severities or regions change the verdict on every record.
        scope = {r.rel for r in results}
    if options.paths:
        wanted = Scope(options.paths)
        scope = {rel for rel in scope if rel in wanted}
    paths = tuple(sorted(scope)) or NOTHING
    result = finish(
        root, shown_root, judged, replace(options, paths=paths), results, allowed, today
    )
    result.notices = notices
    level = dict(judged.aturan).get("config-relaxed")
    if (relaxed or added) and "config-relaxed" in allowed and level != "off":
        found = _relaxation_problems(root, shown_root, config, relaxed, trust_config)
        found += _waiver_problems(root, shown_root, added, trust_config)
        if level is not None:
            found = [p.with_severity(Severity.parse(level)) for p in found]
        result.problems = sorted([*result.problems, *found], key=lambda p: p.sort_key)
    return result
