"""``--changed-since``: which records a pull request is judged on.

A pull request is judged on the files it added or modified, plus every event that names an
organisation it changed, renamed or deleted (that event may now point at nothing). Ids and
references are still resolved against the whole folder, so every file is read; only the report
is narrowed, through ``Options.paths``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from wksbm_cli import git
from wksbm_cli.engine import CheckResult, Options, check_entries, finish, rule_filter
from wksbm_cli.load.files import shown_name, walk
from wksbm_cli.model.records import Config, Event, Organisation

# Options.paths == () means "everything"; a path no record can have means "nothing".
NOTHING = ("\0",)


def _stem(rel: str) -> str:
    return rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def check_changed(
    root: str, shown_root: str, config: Config, options: Options, ref: str
) -> CheckResult:
    changes = git.changes_since(root, ref)
    # Named as the walker names them: a path that is not UTF-8 is shown with \xff escapes.
    changes.changed = {shown_name(rel) for rel in changes.changed}
    changes.deleted = {shown_name(rel) for rel in changes.deleted}
    allowed = rule_filter(options.select, options.ignore)
    today = options.as_of or dt.date.today()
    # The same cached, parallel per-file step as a full run: only the report is narrowed.
    notices: list[tuple[str, dict[str, Any]]] = []
    results = check_entries(
        root, shown_root, list(walk(root)), config, today, options.use_cache, notices
    )
    touched_orgs = {
        r.record.id
        for r in results
        if isinstance(r.record, Organisation) and r.record.id and r.rel in changes.changed
    }
    # A file's name is its record's id (the id-mismatch rule), so the name of a deleted, renamed
    # or edited organisation file is the id it had before, which events may still name.
    touched_orgs |= {
        _stem(rel) for rel in changes.deleted | changes.changed if rel.startswith("organisasi/")
    }
    events = {
        r.rel
        for r in results
        if isinstance(r.record, Event)
        and any(link.target in touched_orgs for link in r.record.references)
    }
    scope = changes.changed | events
    if "wksbm.yaml" in changes.changed:
        # New severities or regions change the verdict on every record.
        scope = {r.rel for r in results}
    if options.paths:
        wanted = options.paths
        scope = {
            rel
            for rel in scope
            if any(rel == w or rel.startswith(w.rstrip("/") + "/") or w == "" for w in wanted)
        }
    paths = tuple(sorted(scope)) or NOTHING
    result = finish(
        root, shown_root, config, replace(options, paths=paths), results, allowed, today
    )
    result.notices = notices
    return result
