"""``wksbm diff GITREF``: what a change does to the records, for a pull request's summary.

The records at the base are read from git objects (``ls-tree`` and ``show``, never a checkout)
into a temporary folder and judged by the same engine, so "problems fixed" and "problems
introduced" compare like with like. The base is the merge-base of GITREF and HEAD (what the
branch started from), unless ``against_tip`` asks for GITREF itself: a file main deleted after
the branch started is then not "added" by the branch.

Records are matched by id and problems by (record id, rule, stable path), so a moved file is a
move, not an add and a remove, and its old problems stay old. A change of ``wksbm.yaml`` is
listed rule by rule (relaxed or tightened), and so are the waivers a change adds to records.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field

from wksbm_cli.check.baseline import Key, count_keys, places_of, relative_file
from wksbm_cli.check.engine import check_folder
from wksbm_cli.check.policy import PolicyChange, load_config, policy_changes
from wksbm_cli.check.results import CheckResult, Options
from wksbm_cli.errors import WksbmError
from wksbm_cli.load import git
from wksbm_cli.load.files import CONFIG_NAME, YAML_SUFFIXES
from wksbm_cli.model.records import Config, Record

Snapshot = dict[str, tuple[str, bytes]]  # id -> (file relative to root, content)


@dataclass
class KindChanges:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    moved: list[tuple[str, str, str]] = field(default_factory=list)  # id, from, to


@dataclass(frozen=True)
class WaiverAdded:
    record: str
    rule: str
    until: dt.date


@dataclass
class RecordsDiff:
    ref: str
    organisations: KindChanges
    events: KindChanges
    fixed: Counter[Key]
    introduced: Counter[Key]
    base: str = ""  # the commit compared with
    against_tip: bool = False  # base is the ref's tip, not the merge-base
    places: dict[Key, tuple[str, str]] = field(default_factory=dict)  # key -> (file, path)
    config_changed: bool = False
    policy: list[PolicyChange] = field(default_factory=list)
    waivers: list[WaiverAdded] = field(default_factory=list)

    @property
    def relaxed(self) -> list[PolicyChange]:
        return [c for c in self.policy if c.relaxed]

    @property
    def tightened(self) -> list[PolicyChange]:
        return [c for c in self.policy if not c.relaxed]


def _snapshot(result: CheckResult, read: dict[str, bytes]) -> tuple[Snapshot, Snapshot]:
    orgs: Snapshot = {}
    events: Snapshot = {}
    for records, target in ((result.organisations, orgs), (result.events, events)):
        for record in records:
            if record.id:
                rel = relative_file(result.shown_root, record.file)
                target.setdefault(record.id, (rel, read.get(rel, b"")))
    return orgs, events


def _compare(before: Snapshot, after: Snapshot) -> KindChanges:
    both = set(after) & set(before)
    return KindChanges(
        added=sorted(set(after) - set(before)),
        changed=sorted(i for i in both if after[i][1] != before[i][1]),
        removed=sorted(set(before) - set(after)),
        moved=sorted((i, before[i][0], after[i][0]) for i in both if after[i][0] != before[i][0]),
    )


def _read_tree(root: str, files: list[str]) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for rel in files:
        try:
            with open(os.path.join(root, rel), "rb") as handle:
                out[rel] = handle.read()
        except OSError:
            continue
    return out


def _waivers(records: list[Record]) -> set[tuple[str, str, dt.date]]:
    return {
        (r.id, w.aturan, w.sampai)
        for r in records
        if r.id and hasattr(r, "waivers")
        for w in r.waivers
    }


def diff_records(
    root: str,
    shown_root: str,
    config: Config,
    ref: str,
    options: Options,
    against_tip: bool = False,
) -> RecordsDiff:
    commit = git.base_commit(root, ref, against_tip)
    now = check_folder(root, shown_root, config, options)
    base_files = [
        rel for rel in git.tree_files(root, commit) if rel.lower().endswith(YAML_SUFFIXES)
    ]
    with tempfile.TemporaryDirectory(prefix="wksbm-diff-") as tmp:
        wanted = [rel for rel in base_files if ".." not in rel.split("/")]
        base_bytes = git.show_files(root, commit, wanted)
        for rel, data in base_bytes.items():
            target = os.path.join(tmp, *rel.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(data)
        base_config = Config()
        if CONFIG_NAME in base_bytes:
            try:
                base_config = load_config(tmp, shown_root)
            except WksbmError:
                base_config = config
        before = check_folder(tmp, shown_root, base_config, options)
    now_files = [relative_file(shown_root, f) for f in _files_of(now)]
    now_bytes = _read_tree(root, now_files)
    orgs_before, events_before = _snapshot(before, base_bytes)
    orgs_now, events_now = _snapshot(now, now_bytes)
    keys_before = count_keys(shown_root, before.problems)
    keys_now = count_keys(shown_root, now.problems)
    places = places_of(shown_root, before.problems)
    places.update(places_of(shown_root, now.problems))
    config_now = _read_tree(root, [CONFIG_NAME]).get(CONFIG_NAME)
    added_waivers = _waivers([*now.organisations, *now.events]) - _waivers(
        [*before.organisations, *before.events]
    )
    return RecordsDiff(
        ref=ref,
        organisations=_compare(orgs_before, orgs_now),
        events=_compare(events_before, events_now),
        fixed=keys_before - keys_now,
        introduced=keys_now - keys_before,
        base=commit,
        against_tip=against_tip,
        places=places,
        config_changed=config_now != base_bytes.get(CONFIG_NAME),
        policy=policy_changes(base_config, config),
        waivers=[WaiverAdded(*w) for w in sorted(added_waivers)],
    )


def _files_of(result: CheckResult) -> list[str]:
    return [r.file for r in result.organisations] + [r.file for r in result.events]
