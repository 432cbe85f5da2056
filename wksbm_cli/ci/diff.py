"""``wksbm diff GITREF``: what a change does to the records, for a pull request's summary.

The records at GITREF are read from git objects (``ls-tree`` and ``show``, never a checkout) into
a temporary folder and judged by the same engine, so "problems fixed" and "problems introduced"
compare like with like. Records are matched by id, so a moved file is not an add and a remove.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field

from wksbm_cli import git
from wksbm_cli.ci.baseline import Key, count_keys, relative_file
from wksbm_cli.engine import CheckResult, Options, check_folder
from wksbm_cli.errors import WksbmError
from wksbm_cli.load.config import load_config
from wksbm_cli.load.files import CONFIG_NAME, YAML_SUFFIXES
from wksbm_cli.model.records import Config

Snapshot = dict[str, tuple[str, bytes]]  # id -> (file relative to root, content)


@dataclass
class KindChanges:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass
class RecordsDiff:
    ref: str
    organisations: KindChanges
    events: KindChanges
    fixed: Counter[Key]
    introduced: Counter[Key]


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
    return KindChanges(
        added=sorted(set(after) - set(before)),
        changed=sorted(i for i in set(after) & set(before) if after[i][1] != before[i][1]),
        removed=sorted(set(before) - set(after)),
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


def diff_records(
    root: str, shown_root: str, config: Config, ref: str, options: Options
) -> RecordsDiff:
    commit = git.resolve(root, ref)
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
        base_config = config
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
    return RecordsDiff(
        ref=ref,
        organisations=_compare(orgs_before, orgs_now),
        events=_compare(events_before, events_now),
        fixed=keys_before - keys_now,
        introduced=keys_now - keys_before,
    )


def _files_of(result: CheckResult) -> list[str]:
    return [r.file for r in result.organisations] + [r.file for r in result.events]
