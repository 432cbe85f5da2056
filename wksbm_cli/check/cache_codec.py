"""Per-file results as plain JSON data, and back.

JSON rather than pickle: unpickling runs whatever the bytes say, and a cache folder can end up in
someone else's hands (a committed ``.wksbm_cache/``, a shared checkout). Decoding here only ever
builds the record and problem types listed below, from scalars, and rejects anything else.

Every non-scalar value is a list whose first item names its type (``["d", "2025-06-17"]`` for a
date, ``["t", ...]`` for a tuple, ``["c", "Officer", ...]`` for a record type), so nothing is
ambiguous. The shown file path is left out and put back on decoding: the same cache then serves
runs started from different working folders.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from wksbm_cli.check.results import FileResult
from wksbm_cli.core.problem import Problem, Severity
from wksbm_cli.model import records as _records

_CLASSES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (
        _records.Organisation,
        _records.Event,
        _records.Wilayah,
        _records.Officer,
        _records.Decree,
        _records.Waiver,
        _records.Organiser,
        _records.Venue,
        _records.Speaker,
        _records.Reference,
    )
}
_FIELDS = {name: tuple(f.name for f in dataclasses.fields(cls)) for name, cls in _CLASSES.items()}
_WITH_FILE = ("Organisation", "Event")
_SEVERITIES = {int(s): s for s in Severity}
_SCALARS = frozenset((str, int, float, bool, type(None)))


class Unsupported(ValueError):
    """A value this codec does not know: that file is simply not cached."""


def encode_value(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int, float)):
        if isinstance(value, int) and not isinstance(value, bool) and type(value) is not int:
            raise Unsupported(type(value).__name__)  # IntEnum and kin would lose their type
        return value
    if isinstance(value, tuple):
        return ["t", *(encode_value(v) for v in value)]
    if isinstance(value, list):
        return ["l", *(encode_value(v) for v in value)]
    if isinstance(value, dt.datetime):
        return ["T", value.isoformat()]
    if isinstance(value, dt.date):
        return ["d", value.isoformat()]
    if isinstance(value, dict):
        return ["m", *([encode_value(k), encode_value(v)] for k, v in value.items())]
    name = type(value).__name__
    if name in _CLASSES and type(value) is _CLASSES[name]:
        values = [getattr(value, f) for f in _FIELDS[name]]
        if name in _WITH_FILE:
            values[_FIELDS[name].index("file")] = None
        return ["c", name, *(encode_value(v) for v in values)]
    raise Unsupported(name)


def decode_value(data: Any, file: str) -> Any:
    # The hot path of a warm run (about a hundred values per record): scalars are passed through
    # inline rather than by a call each.
    if type(data) is not list:
        if data is None or type(data) in _SCALARS:
            return data
        raise ValueError("not a value")
    tag = data[0]
    if tag == "t":
        return tuple(v if type(v) in _SCALARS else decode_value(v, file) for v in data[1:])
    if tag == "c":
        name = data[1]
        cls = _CLASSES[name]
        values = [v if type(v) in _SCALARS else decode_value(v, file) for v in data[2:]]
        if len(values) != len(_FIELDS[name]):
            raise ValueError(f"{name}: wrong number of fields")
        if name in _WITH_FILE:
            values[_FIELDS[name].index("file")] = file
        return cls(*values)
    if tag == "d":
        return dt.date.fromisoformat(data[1])
    if tag == "l":
        return [decode_value(v, file) for v in data[1:]]
    if tag == "T":
        return dt.datetime.fromisoformat(data[1])
    if tag == "m":
        return {decode_value(k, file): decode_value(v, file) for k, v in data[1:]}
    raise ValueError(f"unknown tag {tag!r}")


def _encode_problem(p: Problem) -> list[Any]:
    return [
        p.line,
        p.column,
        p.rule,
        int(p.severity),
        p.message_key,
        encode_value(p.args),
        p.record,
        p.path,
        p.waived,
        encode_value(p.extra),
        p.source,
        p.caret,
    ]


def _decode_problem(data: list[Any], file: str) -> Problem:
    line, column, rule, severity, key, args, record, path, waived, extra, source, caret = data
    if not (isinstance(line, int) and isinstance(column, int) and isinstance(rule, str)):
        raise ValueError("bad problem")
    if not isinstance(caret, int):
        raise ValueError("bad problem")
    if not (isinstance(key, str) and isinstance(source, str) and isinstance(waived, bool)):
        raise ValueError("bad problem")
    return Problem(
        file,
        line,
        column,
        rule,
        _SEVERITIES[severity],
        key,
        decode_value(args, file),
        record,
        path,
        waived,
        decode_value(extra, file),
        source,
        caret,
    )


def encode(result: FileResult) -> list[Any]:
    """Raises ``Unsupported`` for a result holding a value this codec cannot round-trip."""
    return [
        result.kind,
        [_encode_problem(p) for p in result.problems],
        encode_value(result.record),
        [[list(path), list(pos)] for path, pos in result.marks.items()],
        [[n, text] for n, text in result.lines.items()],
        result.digest,
        [[line, column, caret] for (line, column), caret in result.carets.items()],
    ]


def decode(data: Any, rel: str, file: str) -> FileResult:
    """Raises (ValueError, KeyError, TypeError...) on anything malformed; callers treat any
    exception as a cache miss."""
    kind, problems, record, marks, lines, digest, carets = data
    if kind not in (None, "organisasi", "kegiatan") or not isinstance(digest, str):
        raise ValueError("bad result")
    rec = decode_value(record, file)
    if rec is not None and not isinstance(rec, (_records.Organisation, _records.Event)):
        raise ValueError("bad record")
    return FileResult(
        rel,
        kind,
        [_decode_problem(p, file) for p in problems],
        rec,
        {tuple(path): (pos[0], pos[1]) for path, pos in marks},
        {int(n): str(text) for n, text in lines},
        digest,
        {(int(line), int(column)): int(caret) for line, column, caret in carets},
    )
