"""Per-file results as plain JSON data, and back: the run summary's entries, and what workers
send back to the main process (lists of scalars pickle in a fraction of the bytes and time of
dataclasses).

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
from wksbm_cli.load.yamldoc import Path
from wksbm_cli.model import records as _records
from wksbm_cli.model.facts import Facts, Spot

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


def encode_problem(p: Problem) -> list[Any]:
    return [
        p.line,
        p.column,
        p.rule,
        int(p.severity),
        p.message_key,
        [[k, encode_value(v)] for k, v in p.args],
        p.record,
        p.path,
        p.waived,
        [[k, v] for k, v in p.extra],
        p.source,
        p.caret,
    ]


def decode_problem(data: list[Any], file: str) -> Problem:
    line, column, rule, severity, key, args, record, path, waived, extra, source, caret = data
    if not (type(line) is int and type(column) is int and type(caret) is int):
        raise ValueError("bad problem")
    if not (type(rule) is str and type(key) is str and type(source) is str):
        raise ValueError("bad problem")
    if type(waived) is not bool:
        raise ValueError("bad problem")
    return Problem(
        file,
        line,
        column,
        rule,
        _SEVERITIES[severity],
        key,
        tuple((str(k), v if type(v) in _SCALARS else decode_value(v, file)) for k, v in args),
        record,
        path,
        waived,
        tuple((str(k), str(v)) for k, v in extra),
        source,
        caret,
    )


def encode_facts(facts: Facts | None) -> list[Any] | None:
    if facts is None:
        return None
    return [
        facts.kind,
        facts.id,
        facts.jenis,
        facts.status,
        [[r.target, list(r.path)] for r in facts.references],
        list(facts.peserta_organisasi),
        [[w.index, w.aturan, w.sampai.isoformat(), w.alasan] for w in facts.waivers],
        [[list(path), *spot] for path, spot in facts.spots],
    ]


_KINDS = {"organisasi": "organisasi", "kegiatan": "kegiatan"}
#: Shared copies of the short words and paths every record repeats (a kind, a status, ("id",)):
#: at 10^5 records one copy each instead of one per record. Bounded: words up to 32 characters
#: and paths up to three parts, of which a folder has a few hundred at most.
_SHARED: dict[Any, Any] = {}


def _shared(value: Any) -> Any:
    if value is None or len(_SHARED) > 4096:
        return value
    return _SHARED.setdefault(value, value)


def decode_facts(data: Any, file: str) -> Facts | None:
    """Facts from their encoding. What is read here was written by this code under the same
    key (the summary's keyed hash, or a worker): the checks catch a format that is not this
    one, and any exception is a miss."""
    if data is None:
        return None
    kind, rec_id, jenis, status, refs, peserta, waivers, spots = data
    if kind not in _KINDS or not (rec_id is None or type(rec_id) is str):
        raise ValueError("bad facts")
    reference = _records.Reference
    located: list[tuple[Path, Spot]] = []
    previous: Spot | None = None
    for path, line, column, source, caret in spots:
        spot = (line, column, source, caret)
        if spot == previous:  # the top and the id are often on the same line
            spot = previous
        previous = spot
        located.append((_shared(tuple(path)) if len(path) < 4 else tuple(path), spot))
    return Facts(
        _KINDS[kind],
        rec_id,
        file,
        _shared(jenis) if jenis is None or len(jenis) <= 32 else jenis,
        _shared(status) if status is None or len(status) <= 32 else status,
        tuple([reference(target, tuple(path)) for target, path in refs]),
        tuple(peserta),
        tuple(
            [
                _records.Waiver(index, rule, dt.date.fromisoformat(until), alasan)
                for index, rule, until, alasan in waivers
            ]
        ),
        tuple(located),
    )


def encode(result: FileResult, record: bool = False) -> list[Any]:
    """Plain lists and scalars (JSON, and cheap to pickle): the problems and facts, and with
    ``record`` the whole record too. Raises ``Unsupported`` for a value this codec cannot
    round-trip."""
    out = [
        result.kind,
        result.digest,
        [encode_problem(p) for p in result.problems],
        encode_facts(result.facts),
    ]
    if record:
        out.append(encode_value(result.record))
    return out


def decode(data: Any, rel: str, file: str, record: bool = True) -> FileResult:
    """Raises (ValueError, KeyError, TypeError...) on anything malformed; callers treat any
    exception as a cache miss. ``record=False`` leaves a stored whole record undecoded."""
    kind, digest, problems, facts = data[:4]
    if kind not in (None, "organisasi", "kegiatan") or not isinstance(digest, str):
        raise ValueError("bad result")
    rec = decode_value(data[4], file) if record and len(data) > 4 else None
    if rec is not None and not isinstance(rec, (_records.Organisation, _records.Event)):
        raise ValueError("bad record")
    return FileResult(
        rel,
        kind,
        [decode_problem(p, file) for p in problems],
        decode_facts(facts, file),
        rec,
        digest,
    )
