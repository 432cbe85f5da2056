"""A fast path in front of the located YAML loader, for the ordinary record file.

Why: the located loader (:mod:`wksbm_cli.load.yamldoc`) builds a document from PyYAML's event
stream, a Python object per event, and costs about as much as libyaml's own ``yaml.load``.
Nearly every record file is plain block YAML without a problem; for those rapidyaml (``ryml``,
C++) parses the text and writes it as JSON, which ``json.loads`` turns into dicts and lists in C.
What JSON cannot say is put right from ryml's tree: YAML 1.1 resolution (``2025-06-17`` a date,
``017`` octal, ``1e5`` text, ``no`` false) is decided by yamldoc's own ``resolve_plain`` and
``construct_plain`` from the scalar's source text, only for scalars where quoting matters.

The located loader stays the reference; this path gives its answer or none:

- :mod:`wksbm_cli.load.fastscan` refuses text that the two parsers might read differently;
- anything ryml refuses, or reads otherwise (duplicate keys, numbers JSON cannot carry, deep
  nesting, ``]x`` as text), and any scalar yamldoc would report (an impossible date, a number
  too long) sends the text to the located loader: a file with a loader finding is always read,
  and reported, by the located loader;
- positions are computed when asked for (:mod:`wksbm_cli.load.fastmarks`).

A process reads its first WARMUP files with the located loader before it imports ryml (a pool's
forked workers inherit it from the parent, see :func:`prepare`). ``WKSBM_YAML=located`` turns
the fast path off, ``WKSBM_YAML=fast`` uses it from the first file. Without ryml 0.15 (no wheel
for the platform, a broken install) the located loader is used, silently. ryml's C++ side prints
parse errors on the process's stderr: while it parses, file descriptor 2 points at the null
device, which is done only when no other Python thread could be writing to stderr at that moment
(a progress bar's refresh thread); with one running, the located loader reads the file.
"""

from __future__ import annotations

import importlib
import json
import os
import threading
from typing import Any

from wksbm_cli.load.fastmarks import FastDocument, LazyMarks, address
from wksbm_cli.load.fastscan import MAX_KEY, prescan
from wksbm_cli.load.yamldoc import (
    MAX_DEPTH,
    RESOLVERS,
    STR_TAG,
    Document,
    Path,
    construct_plain,
    load_document,
    resolve_plain,
)

#: ``WKSBM_YAML=located`` reads every file with the located loader; ``fast`` uses the fast path
#: from a process's first file on (by default the first WARMUP files are read by the located
#: loader: importing ryml costs about as much as the fast path saves on a hundred files).
ENV = "WKSBM_YAML"
WARMUP = 100
#: The ryml series this module was checked against (its node flags and its JSON).
RYML_SERIES = "0.15."
#: Containers nested deeper are left to the located loader (and its limit, MAX_DEPTH).
MAX_NESTING = MAX_DEPTH // 2

_state: dict[str, Any] = {}


def _ryml() -> Any:
    """The ryml module, or None when it is missing, broken or of another series."""
    if "ryml" not in _state:
        module: Any = None
        try:
            candidate = importlib.import_module("ryml")
            if str(getattr(candidate, "version", "")).startswith(RYML_SERIES):
                _self_test(candidate)
                module = candidate
        except Exception:  # ImportError, a missing shared library, an API that moved
            module = None
        _state["ryml"] = module
    return _state["ryml"]


def _self_test(ryml: Any) -> None:
    """What this module relies on, tried once: node order, flags, views, JSON."""

    buf = bytearray(b"a: '1'\nb:\n  - 2\n")
    tree = ryml.parse_in_place(buf)
    if not (tree.size() == 4 and tree.is_map(0) and tree.is_seq(2)):
        raise RuntimeError("ryml: unexpected tree")
    if not (tree.type(1) & ryml.VAL_SQUO and tree.type(3) & ryml.VAL_PLAIN):
        raise RuntimeError("ryml: unexpected flags")
    if address(tree.key(2)) - address(buf) != 7:
        raise RuntimeError("ryml: views are not into the buffer")
    if json.loads(_emit_json(ryml, tree)) != {"a": "1", "b": [2]}:
        raise RuntimeError("ryml: unexpected JSON")


def available() -> bool:
    """Whether ryml is installed and works in this process."""
    return _ryml() is not None


def _mode() -> str:
    return os.environ.get(ENV, "").strip().lower()


def enabled() -> bool:
    """Whether the fast path may read files in this process (ryml available, not turned off)."""
    return _mode() != "located" and available()


def prepare() -> None:
    """Import ryml now, unless the fast path is off: a pool's forked workers then share it
    and read every file fast from the first."""
    if _mode() != "located":
        available()


_calls = [0]


def load_fast_or_located(text: str) -> Document:
    """The engine's loader: the fast path where it can vouch for the text, else the located
    loader. Both give the same data, plain texts, issues and marks."""
    mode = _mode()
    if mode != "located":
        if "ryml" not in _state and mode != "fast" and _calls[0] < WARMUP:
            _calls[0] += 1  # a few files: not worth importing ryml
        elif available():
            doc = load_fast(text)
            if doc is not None:
                return doc
    return load_document(text)


_null: list[int] = []
#: The buffer ryml writes JSON into, grown as needed: ``ryml.emit_json`` never frees its own.
_out = [bytearray(1 << 16)]


def _parse_quietly(ryml: Any, buf: bytearray) -> tuple[Any, bytes] | None:
    """ryml's tree and JSON, with fd 2 on the null device meanwhile; None if ryml refuses (or
    if fd 2 cannot be moved: no stderr at all, a sandbox without the null device)."""
    try:
        if not _null:
            _null.append(os.open(os.devnull, os.O_WRONLY))
        saved = os.dup(2)
    except OSError:
        return None
    try:
        os.dup2(_null[0], 2)
        try:
            tree = ryml.parse_in_place(buf)
            return tree, _emit_json(ryml, tree)
        finally:
            os.dup2(saved, 2)
    except Exception:  # ryml's refusal (ExceptionParse...), or fd 2 that would not move
        return None
    finally:
        os.close(saved)


def _emit_json(ryml: Any, tree: Any) -> bytes:
    try:
        view = ryml.emit_json_in_place(tree, _out[0])
    except IndexError:  # a bigger file than any before
        _out[0] = bytearray(ryml.compute_json_length(tree) * 2)
        view = ryml.emit_json_in_place(tree, _out[0])
    try:
        return bytes(view)
    finally:
        view.release()


class _Refused(Exception):
    """The fast path cannot vouch for this text: the located loader reads it."""


def load_fast(text: str) -> Document | None:
    """The document as :func:`load_document` builds it, or None where only it can say."""
    ryml = _ryml() if threading.active_count() == 1 else None
    if ryml is None:
        return None
    try:
        src = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    if not prescan(text, src):
        return None
    buf = bytearray(src)  # ryml parses in place and its views point into it: kept with marks
    parsed = _parse_quietly(ryml, buf)
    if parsed is None:
        return None
    tree, emitted = parsed
    try:
        data = json.loads(emitted, strict=False)
        if not isinstance(data, dict) or not tree.is_map(0):
            return None  # not a mapping: the located loader says what it is
        plain: dict[Path, str] = {}
        if _Fixer(ryml, tree, plain).mapping(data, (), 1, 0) + 1 != tree.size():
            return None  # a duplicate key (JSON keeps one) or a node JSON does not show
    except (_Refused, ValueError, TypeError, RecursionError, OverflowError):
        return None

    return FastDocument(data, LazyMarks(text, src, buf, tree, data, ryml), plain, [])


# -- YAML 1.1 scalars ---------------------------------------------------------------------------


def _widest(first: str) -> int:
    """A length from which a plain scalar starting with ``first`` can only be text, read from
    the resolvers' own patterns (``yes``, ``False``, ``null``: 5 characters at most)."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        widest = max(
            int(_parser.parse(regexp.pattern, regexp.flags).getwidth()[1])
            for _, regexp in RESOLVERS[first]
        )
    except Exception:  # another Python's regex internals: look at every such scalar
        return 1 << 62
    return min(widest, 1 << 62) + 2  # "$" also matches before a final line break


#: Characters that cannot start a plain scalar for libyaml (``]x``, ``,x``, ``%x``...), some of
#: which ryml takes as text; ``-`` can, before a non-blank.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
#: What ryml's JSON writes for plain ``nan``, ``.NaN``, ``inf``, ``-Infinity``... (as values
#: they resolve to floats and are read from the source; as keys they are refused).
_FLOAT_WORDS = frozenset({".nan", ".inf", "-.inf"})
#: Keys worth a look: perhaps an indicator ryml let through, or a rewritten float word.
_ODD_KEY = _INDICATORS | {"."}
#: For each first character worth a look, the length from which a scalar needs none: YAML 1.1
#: resolvers (``Tirtoadi`` is never a boolean) and indicators (always looked at).
_LOOK: dict[str, int] = {first: _widest(first) for first in RESOLVERS if first is not None}
_LOOK.update(dict.fromkeys(_INDICATORS, 1 << 62))

_BAD = object()
#: Source text of a plain scalar -> (tag, value): dates and numbers repeat across records.
_MEMO: dict[str, tuple[str, Any]] = {}
_MEMO_MAX = 1 << 16


def _resolved(text: str) -> tuple[str, Any]:
    """yamldoc's tag and value for an unquoted ``text`` (``_BAD`` where it reports one).
    Values are immutable (text, numbers, dates), so one may serve every document."""
    hit = _MEMO.get(text)
    if hit is None:
        tag = resolve_plain(text)
        value: Any = text
        if tag != STR_TAG:
            try:
                value = construct_plain(text, tag)
            except Exception:  # the located loader reports it, located
                value = _BAD
        if len(_MEMO) >= _MEMO_MAX:
            _MEMO.clear()
        hit = _MEMO[text] = (tag, value)
    return hit


class _Fixer:
    """Walks the JSON data in document order, which is ryml's node order (node ids count
    along), and puts right every scalar whose YAML 1.1 meaning JSON cannot carry."""

    __slots__ = ("key_plain", "plain", "quoted", "tree", "val_plain")

    def __init__(self, ryml: Any, tree: Any, plain: dict[Path, str]) -> None:
        self.tree = tree
        self.plain = plain
        self.val_plain: int = ryml.VAL_PLAIN
        self.key_plain: int = ryml.KEY_PLAIN
        self.quoted: int = ryml.VAL_SQUO | ryml.VAL_DQUO | ryml.VAL_LITERAL | ryml.VAL_FOLDED

    def mapping(self, data: dict[str, Any], path: Path, depth: int, node: int) -> int:
        """Fix ``data`` (node ``node``) in place; returns the id of its last descendant."""
        if depth > MAX_NESTING:
            raise _Refused
        look = _LOOK
        for key, value in data.items():
            node += 1
            if not key or key[0] in _ODD_KEY or len(key) > MAX_KEY:
                self.key(node, key)
            kind = type(value)
            if kind is str:
                if len(value) < look.get(value[:1], 0):
                    data[key] = self.text(node, value, (*path, key))
            elif kind is dict:
                node = self.mapping(value, (*path, key), depth + 1, node)
            elif kind is list:
                node = self.sequence(value, (*path, key), depth + 1, node)
            else:
                data[key] = self.other(node, (*path, key))
        return node

    def sequence(self, data: list[Any], path: Path, depth: int, node: int) -> int:
        """As :meth:`mapping`, for a list."""
        if depth > MAX_NESTING:
            raise _Refused
        look = _LOOK
        for index, value in enumerate(data):
            node += 1
            kind = type(value)
            if kind is str:
                if len(value) < look.get(value[:1], 0):
                    data[index] = self.text(node, value, (*path, index))
            elif kind is dict:
                node = self.mapping(value, (*path, index), depth + 1, node)
            elif kind is list:
                node = self.sequence(value, (*path, index), depth + 1, node)
            else:
                data[index] = self.other(node, (*path, index))
        return node

    def key(self, node: int, key: str) -> None:
        """An empty key (``: x``) or an unquoted one starting with an indicator (``]x: 1``) is
        an error to libyaml, not to ryml; JSON writes the key ``nan`` as ``.nan``."""
        if not key or key in _FLOAT_WORDS or len(key) > MAX_KEY:
            raise _Refused  # a long key: libyaml gives up on keys of 1,024 characters
        if key[0] in _INDICATORS and self.tree.type(node) & self.key_plain:
            raise _Refused

    def text(self, node: int, value: str, path: Path) -> Any:
        """A scalar JSON gave as text: it stays text unless it was unquoted and resolves."""
        first = value[:1]
        if first in _INDICATORS:
            if self.tree.type(node) & self.quoted:
                return value
            if first != "-" or value[1:2] in ("", " "):
                raise _Refused  # an unquoted "]x", "%x" or "-": libyaml refuses it
        tag, built = _resolved(value)
        if tag == STR_TAG:
            return value
        flags = self.tree.type(node)
        if flags & self.quoted:
            return value
        if value in _FLOAT_WORDS or built is _BAD or not flags & self.val_plain:
            return self.source(node, flags, path)  # JSON writes .NaN as .nan, inf as .inf
        self.plain[path] = value  # otherwise JSON gives a plain scalar's text as written
        return built

    def other(self, node: int, path: Path) -> Any:
        """A number, true/false or null: JSON rewrote it (``-.5``, ``1e5``), read the source."""
        flags = self.tree.type(node)
        if flags & self.quoted:
            raise _Refused
        return self.source(node, flags, path)

    def source(self, node: int, flags: int, path: Path) -> Any:
        """What yamldoc builds from the source text of the unquoted scalar ``node``."""
        if not flags & self.val_plain:
            raise _Refused
        view = self.tree.val(node)
        text = "" if view is None else bytes(view).decode("utf-8")
        tag, built = _resolved(text)
        if built is _BAD:
            raise _Refused
        if tag != STR_TAG:
            self.plain[path] = text
        return built
