"""Baselines: today's problems, recorded so that CI fails only on new ones.

A problem's identity is (record id, rule, stable field path), never its line or its file:

- the record id, so that a moved file (``git mv organisasi/mlati/x.yaml organisasi/kabupaten/``)
  keeps its problems; a file that gives no record (broken YAML) is known by its file name;
- the field path with list positions dropped (``pengurus[].telepon``), so that an officer added
  above an old problem does not make it new;
- no path at all for the rules about something absent from the record (a missing sekretaris,
  no SK, no unsur, never trained), whose path only says where to point: adding ``pengurus:``
  moves ``missing-sekretaris`` from the record to that key, but it is the same problem.

Keys carry counts: three old ``unknown-field`` problems in one place suppress three, not four.
Version 1 files (keyed by file) are still read, and converted to these identities.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from wksbm_cli import __version__
from wksbm_cli.core.problem import Problem
from wksbm_cli.errors import WksbmError
from wksbm_cli.i18n import Message
from wksbm_cli.rules.registry import RULES

Key = tuple[str, str, str]  # (record id or file name, rule, stable path)
VERSION = 2

_INDEX = re.compile(r"\[\d+\]")


def relative_file(shown_root: str, shown: str) -> str:
    prefix = "" if shown_root in ("", ".") else shown_root.rstrip("/") + "/"
    return shown[len(prefix) :] if prefix and shown.startswith(prefix) else shown


def pointer_only(rule: str) -> bool:
    """Rules about something the record lacks: at most one per record, and their path is only
    where to point (the record, or the key under which the missing thing would go)."""

    info = RULES.get(rule)
    return info is not None and info.pointer_only


def stable_path(rule: str, path: str | None) -> str:
    if not path or pointer_only(rule):
        return ""
    return _INDEX.sub("[]", path)


def owner(record: str | None, file: str) -> str:
    """Whose problem it is: the record id, else the file's name (kept across a move)."""
    return record or file.rsplit("/", 1)[-1]


def key_of(shown_root: str, problem: Problem) -> Key:
    rel = relative_file(shown_root, problem.file)
    return (owner(problem.record, rel), problem.rule, stable_path(problem.rule, problem.path))


def count_keys(shown_root: str, problems: Iterable[Problem]) -> Counter[Key]:
    return Counter(key_of(shown_root, p) for p in problems if not p.waived)


def places_of(shown_root: str, problems: Iterable[Problem]) -> dict[Key, tuple[str, str]]:
    """Where each identity is (the first file holding it, and the path as the rule gave it),
    for people reading a list."""
    out: dict[Key, tuple[str, str]] = {}
    for p in problems:
        place = (relative_file(shown_root, p.file), p.path or "")
        out.setdefault(key_of(shown_root, p), place)
    return out


def dump(shown_root: str, problems: Iterable[Problem]) -> str:
    problems = list(problems)
    counts = count_keys(shown_root, problems)
    files = {k: place[0] for k, place in places_of(shown_root, problems).items()}
    doc = {
        "version": VERSION,
        "tool": {"name": "wksbm", "version": __version__},
        "problems": [
            {
                "record": k[0],
                "rule": k[1],
                "path": k[2] or None,
                "count": n,
                "file": files.get(k, ""),
            }
            for k, n in sorted(counts.items(), key=lambda kv: (files.get(kv[0], ""), kv[0]))
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _corrupt(path: str, why: str | Message) -> WksbmError:
    return WksbmError("baseline.corrupt", path=path, reason=why)


def load(path: str) -> Counter[Key]:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(64 * 1024 * 1024)
    except FileNotFoundError:
        raise WksbmError("baseline.missing", path=path) from None
    except OSError as exc:
        raise WksbmError("baseline.unreadable", path=path, reason=exc.strerror) from None
    try:
        doc: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _corrupt(path, str(exc)) from None
    if not isinstance(doc, dict) or doc.get("version") not in (1, VERSION):
        raise _corrupt(path, Message("baseline.not-ours", {"version": VERSION}))
    items = doc.get("problems")
    if not isinstance(items, list):
        raise _corrupt(path, "no problems list")
    out: Counter[Key] = Counter()
    for item in items:
        if not isinstance(item, dict):
            raise _corrupt(path, "an entry is not an object")
        file, rule, count = item.get("file") or "", item.get("rule"), item.get("count", 1)
        record, where = item.get("record") or "", item.get("path") or ""
        if not (
            isinstance(file, str)
            and isinstance(rule, str)
            and isinstance(record, str)
            and isinstance(where, str)
            and isinstance(count, int)
            and not isinstance(count, bool)
            and count > 0
            and (file or record)
        ):
            raise _corrupt(path, "an entry lacks file or record, rule or a positive count")
        # Version 1 named the file and kept list positions: both become today's identity.
        out[(owner(record, file), rule, stable_path(rule, where))] += count
    return out


@dataclass
class Filtered:
    problems: list[Problem]
    suppressed: int


def apply(shown_root: str, problems: list[Problem], baseline: Counter[Key]) -> Filtered:
    """Drop the problems the baseline knows, at most as many per key as it counted."""
    budget = Counter(baseline)
    kept: list[Problem] = []
    suppressed = 0
    for p in problems:
        if not p.waived:
            key = key_of(shown_root, p)
            if budget[key] > 0:
                budget[key] -= 1
                suppressed += 1
                continue
        kept.append(p)
    return Filtered(kept, suppressed)
