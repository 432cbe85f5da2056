"""Baselines: today's problems, recorded so that CI fails only on new ones.

A problem is keyed by its file (relative to the records root), rule, record id and path inside
the record, never by line number, so adding a line above an old problem does not make it new.
Keys carry counts: three old ``unknown-field`` problems in one place suppress three, not four.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from wksbm_cli import __version__
from wksbm_cli.diagnostics import Problem
from wksbm_cli.errors import WksbmError

Key = tuple[str, str, str, str]


def relative_file(shown_root: str, shown: str) -> str:
    prefix = "" if shown_root in ("", ".") else shown_root.rstrip("/") + "/"
    return shown[len(prefix) :] if prefix and shown.startswith(prefix) else shown


def key_of(shown_root: str, problem: Problem) -> Key:
    return (
        relative_file(shown_root, problem.file),
        problem.rule,
        problem.record or "",
        problem.path or "",
    )


def count_keys(shown_root: str, problems: Iterable[Problem]) -> Counter[Key]:
    return Counter(key_of(shown_root, p) for p in problems if not p.waived)


def dump(shown_root: str, problems: Iterable[Problem]) -> str:
    counts = count_keys(shown_root, problems)
    doc = {
        "version": 1,
        "tool": {"name": "wksbm", "version": __version__},
        "problems": [
            {"file": k[0], "rule": k[1], "record": k[2] or None, "path": k[3] or None, "count": n}
            for k, n in sorted(counts.items())
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _corrupt(path: str, why: str) -> WksbmError:
    return WksbmError(
        f"berkas baseline {path} rusak: {why}", f"baseline file {path} is corrupt: {why}"
    )


def load(path: str) -> Counter[Key]:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(64 * 1024 * 1024)
    except FileNotFoundError:
        raise WksbmError(
            f"berkas baseline tidak ada: {path}", f"baseline file not found: {path}"
        ) from None
    except OSError as exc:
        raise WksbmError(
            f"berkas baseline {path} tidak terbaca: {exc.strerror}",
            f"cannot read baseline file {path}: {exc.strerror}",
        ) from None
    try:
        doc: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _corrupt(path, str(exc)) from None
    if not isinstance(doc, dict) or doc.get("version") != 1:
        raise _corrupt(path, "not a wksbm baseline (version 1)")
    items = doc.get("problems")
    if not isinstance(items, list):
        raise _corrupt(path, "no problems list")
    out: Counter[Key] = Counter()
    for item in items:
        if not isinstance(item, dict):
            raise _corrupt(path, "an entry is not an object")
        file, rule, count = item.get("file"), item.get("rule"), item.get("count", 1)
        record, where = item.get("record") or "", item.get("path") or ""
        if not (
            isinstance(file, str)
            and isinstance(rule, str)
            and isinstance(record, str)
            and isinstance(where, str)
            and isinstance(count, int)
            and not isinstance(count, bool)
            and count > 0
        ):
            raise _corrupt(path, "an entry lacks file, rule or a positive count")
        out[(file, rule, record, where)] += count
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
