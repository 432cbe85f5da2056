"""A YAML loader that keeps the line and column of every key and item.

Why not ``yaml.safe_load``: it forgets positions, lets the last duplicate key win, expands alias
bombs, recurses (libyaml's composer segfaults past ~10^5 levels, the pure one raises RecursionError
from 1,000), and raises bare ValueErrors on impossible dates. Here the document is built from the
parser's *event* stream, in one loop with an explicit stack: nesting is bounded before anything
deep is built, aliases are refused before they could be expanded, explicit tags are never
constructed, and every scalar is resolved by YAML 1.1 rules one at a time, so a failure is located
at that scalar.

The depth limit is ours whatever libyaml does: libyaml 0.2.6 scans up to a line ahead for a
possible key and stops at 1,000 open flow brackets with its own syntax error before the parser
hands over a single event. So a file holding more ``[``/``{`` than the limit is pre-scanned for
flow nesting; if it goes past the limit, only the text up to that bracket is parsed, which puts
the ``too-deep`` problem where it belongs on every libyaml version and on the pure-Python parser.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from wksbm_cli.load.yaml_messages import scalar_message, syntax_message

Path = tuple[str | int, ...]

#: Records are a few levels deep; anything far beyond that is an attack or an accident.
MAX_DEPTH = 64
#: An unquoted whole number longer than this (a 16-digit NIK fits twice) is not built at all:
#: 6,000 hex digits would make an int that Python refuses to print, and every conversion costs.
MAX_NUMBER_CHARS = 40

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ENGINE = "libyaml" if _Loader is not yaml.SafeLoader else "pure-python"

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
STR_TAG = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"

RESOLVERS: dict[str | None, list[tuple[str, Any]]] = yaml.resolver.Resolver.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@dataclass(frozen=True, slots=True)
class LoadIssue:
    """A finding of the loader, before it is tied to a file and a severity."""

    rule: str
    line: int
    column: int
    message_key: str
    args: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None


@dataclass(slots=True)
class BadScalar:
    """Stands in for a scalar that could not be constructed; already reported, never re-judged."""

    text: str


@dataclass(slots=True)
class Document:
    """Plain Python data plus positions, so that rules work on ordinary dicts and lists.

    ``marks`` maps a path (``("pengurus", 2, "telepon")``) to the 1-based line and column of the
    key (for a mapping entry) or of the item (for a sequence item); ``()`` is the top.
    ``plain`` keeps the source text of unquoted scalars that YAML 1.1 turned into something other
    than text (``no`` -> False, ``0217654321`` -> an octal int), so messages can say "quote it".
    """

    data: Any = None
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    plain: dict[Path, str] = field(default_factory=dict)
    issues: list[LoadIssue] = field(default_factory=list)

    def where(self, path: Path) -> tuple[int, int]:
        """The position of ``path``, or of its nearest located ancestor."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    @property
    def usable(self) -> bool:
        return isinstance(self.data, dict)


class _Skip:
    """Marks a mapping slot whose key was rejected, so its value is parsed but not kept."""


_SKIP = _Skip()
_NO_KEY = object()


@dataclass(slots=True)
class _Frame:
    container: dict[str, Any] | list[Any]
    path: Path | None
    key: Any = _NO_KEY
    seen: dict[str, int] = field(default_factory=dict)


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def resolve_plain(text: str) -> str:
    """The YAML 1.1 tag an unquoted scalar gets, exactly as PyYAML's SafeLoader decides it."""
    resolvers = RESOLVERS.get(text[:1] if text else "", [])
    for tag, regexp in resolvers:
        if regexp.match(text):
            return tag
    return STR_TAG


def construct_plain(text: str, tag: str) -> Any:
    """Build one unquoted scalar; raises ValueError (and kin) for impossible values."""
    if tag in (STR_TAG, _MERGE):
        return text
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return _CONSTRUCTOR.bool_values[text.lower()]
    node = yaml.ScalarNode(tag, text)
    if tag == _INT:
        if len(text) > MAX_NUMBER_CHARS:  # checked before int(): no unbounded conversion
            raise ValueError(f"too long: more than {MAX_NUMBER_CHARS} characters")
        return _CONSTRUCTOR.construct_yaml_int(node)
    if tag == _FLOAT:
        return _CONSTRUCTOR.construct_yaml_float(node)
    if tag == _TIMESTAMP:
        return _CONSTRUCTOR.construct_yaml_timestamp(node)
    return text


def _offset_to_pos(text: str, offset: int) -> tuple[int, int]:
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.split("\n", line)
    if len(lines) < line:
        return ""
    row = lines[line - 1]
    return row[col - 1] if 0 < col <= len(row) else ""


def _codepoint(char: Any) -> str:
    code = char if isinstance(char, int) else ord(str(char)[:1] or "\0")
    return f"U+{code:04X}"


def _events(text: str) -> Iterator[Any]:
    loader = _Loader(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


_FLOW_TOKEN = re.compile(r"[\[\]{}#'\"]")
_QUOTE_AFTER = frozenset(" \t\r\n[{,:")


def flow_cut(text: str, max_depth: int) -> int | None:
    """The end of the bracket that opens flow level ``max_depth + 1``, or None if none does.

    A heuristic pre-scan (quotes and comments skipped, block scalars not understood) used only
    to find where to stop parsing. It costs two ``str.count`` calls on an ordinary file. When it
    over-counts (brackets inside a ``|`` block), the caller parses the whole text anyway.
    """
    if text.count("[") + text.count("{") <= max_depth:
        return None
    depth = 0
    pos = 0
    search = _FLOW_TOKEN.search
    while (match := search(text, pos)) is not None:
        char = match.group()
        at = match.start()
        before = text[at - 1] if at else "\n"
        pos = at + 1
        if char in "[{":
            depth += 1
            if depth > max_depth:
                return pos
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == "#":
            if before in " \t\r\n":
                end = text.find("\n", pos)
                pos = len(text) if end < 0 else end + 1
        elif before in _QUOTE_AFTER:
            pos = _quote_end(text, pos, char)
    return None


def _quote_end(text: str, pos: int, quote: str) -> int:
    """The offset just past the quoted scalar whose body starts at ``pos``."""
    while True:
        end = text.find(quote, pos)
        if end < 0:
            return len(text)
        if quote == "'":
            if text.startswith("''", end):
                pos = end + 2
                continue
            return end + 1
        if _backslashes(text, end) % 2 == 0:
            return end + 1
        pos = end + 1


def _backslashes(text: str, end: int) -> int:
    count = 0
    while end - count - 1 >= 0 and text[end - count - 1] == "\\":
        count += 1
    return count


def load_document(text: str, max_depth: int = MAX_DEPTH) -> Document:
    """Parse one record file. Never raises for any input text; problems end up in ``issues``."""
    cut = flow_cut(text, max_depth)
    if cut is not None:
        head = _load(text[:cut], max_depth)
        if any(issue.message_key == "too-deep" for issue in head.issues):
            return head
    return _load(text, max_depth)


def _load(text: str, max_depth: int) -> Document:
    doc = Document()
    try:
        _build(text, doc, max_depth)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark) if mark is not None else (1, 1)
        key, args, at_context = syntax_message(
            str(exc.context or ""), str(exc.problem or ""), _char_at(text, line, col)
        )
        if exc.context_mark is not None and ("end of stream" in str(exc.problem) or at_context):
            # an unclosed quote or bracket, a key without its colon: point at where it opened
            line, col = _pos(exc.context_mark)
        detail = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        tab = _char_at(text, line, col) == "\t" or "\\t" in detail
        hint = "tab" if tab and key != "yaml-syntax.tab" else ""
        doc.issues.append(
            LoadIssue("yaml-syntax", line, col, key, {**args, "detail": detail, "hint": hint})
        )
        doc.data = None
    except yaml.reader.ReaderError as exc:
        line, col = _offset_to_pos(text, exc.position)
        doc.issues.append(
            LoadIssue(
                "yaml-syntax", line, col, "yaml-syntax.char", {"code": _codepoint(exc.character)}
            )
        )
        doc.data = None
    except yaml.YAMLError as exc:
        doc.issues.append(
            LoadIssue("yaml-syntax", 1, 1, "yaml-syntax", {"detail": str(exc), "hint": ""})
        )
        doc.data = None
    return doc


def _build(text: str, doc: Document, max_depth: int) -> None:
    stack: list[_Frame] = []
    documents = 0
    root_set = False
    marks = doc.marks
    issues = doc.issues

    def place(value: Any, line: int, col: int) -> Path | None:
        """Put a finished value where the parser is; returns its path (None if discarded)."""
        nonlocal root_set
        if not stack:
            doc.data = value
            root_set = True
            marks[()] = (line, col)
            return ()
        top = stack[-1]
        container = top.container
        if isinstance(container, list):
            if top.path is None:
                container.append(value)
                return None
            path = (*top.path, len(container))
            container.append(value)
            marks[path] = (line, col)
            return path
        key = top.key
        top.key = _NO_KEY
        if key is _SKIP:
            return None
        assert isinstance(key, str)
        container[key] = value
        return None if top.path is None else (*top.path, key)

    def take_key(ev: Any) -> bool:
        """If the enclosing mapping waits for a key, consume this scalar as that key."""
        if not stack or not isinstance(stack[-1].container, dict) or stack[-1].key is not _NO_KEY:
            return False
        top = stack[-1]
        line, col = _pos(ev.start_mark)
        key = ev.value
        if ev.tag is not None or ev.anchor is not None:
            check_props(ev, top.path)
        if key == "<<" and ev.implicit[0]:
            issues.append(LoadIssue("yaml-alias", line, col, "yaml-alias.merge", {}, top.path))
            top.key = _SKIP
            return True
        if key in top.seen:
            issues.append(
                LoadIssue(
                    "duplicate-key",
                    line,
                    col,
                    "duplicate-key",
                    {"key": key, "first": top.seen[key]},
                    None if top.path is None else (*top.path, key),
                )
            )
            top.key = _SKIP
            return True
        top.seen[key] = line
        if top.path is not None:
            marks[(*top.path, key)] = (line, col)
        top.key = key
        return True

    def check_props(ev: Any, path: Path | None) -> None:
        line, col = _pos(ev.start_mark)
        if ev.anchor is not None:
            issues.append(
                LoadIssue("yaml-alias", line, col, "yaml-alias.anchor", {"name": ev.anchor}, path)
            )
        if ev.tag is not None and not (isinstance(ev, yaml.ScalarEvent) and ev.tag == "!"):
            issues.append(LoadIssue("yaml-tag", line, col, "yaml-tag", {"tag": ev.tag}, path))

    def complex_key(ev: Any) -> bool:
        """A mapping or sequence used as a key: reported, and the entry dropped."""
        if stack and isinstance(stack[-1].container, dict) and stack[-1].key is _NO_KEY:
            line, col = _pos(ev.start_mark)
            issues.append(LoadIssue("wrong-type", line, col, "complex-key", {}, stack[-1].path))
            return True
        return False

    skip_depth = 0
    for ev in _events(text):
        if skip_depth:
            if isinstance(ev, yaml.CollectionStartEvent):
                skip_depth += 1
            elif isinstance(ev, yaml.CollectionEndEvent):
                skip_depth -= 1
                if skip_depth == 0:
                    stack[-1].key = _SKIP
            if len(stack) + skip_depth > max_depth:
                line, col = _pos(ev.start_mark)
                issues.append(LoadIssue("yaml-syntax", line, col, "too-deep", {"max": max_depth}))
                doc.data = None
                return
            continue
        if isinstance(ev, yaml.ScalarEvent):
            if take_key(ev):
                continue
            line, col = _pos(ev.start_mark)
            path_here = _child_path(stack)
            if ev.tag is not None or ev.anchor is not None:
                check_props(ev, path_here)
            if ev.tag is not None and ev.tag != "!":
                value: Any = ev.value
            elif ev.implicit[0]:
                tag = resolve_plain(ev.value)
                try:
                    value = construct_plain(ev.value, tag)
                except Exception as exc:  # ValueError, OverflowError... from odd scalars
                    kind = "date" if tag == _TIMESTAMP else "number"
                    issues.append(
                        LoadIssue(
                            "invalid-value",
                            line,
                            col,
                            scalar_message(kind, str(exc)),
                            {"text": ev.value[:40], "detail": str(exc)[:80]},
                            path_here,
                        )
                    )
                    value = BadScalar(ev.value)
                    tag = STR_TAG
                path = place(value, line, col)
                if tag != STR_TAG and path is not None:
                    doc.plain[path] = ev.value
                continue
            else:
                value = ev.value
            place(value, line, col)
        elif isinstance(ev, yaml.CollectionStartEvent):
            line, col = _pos(ev.start_mark)
            if len(stack) >= max_depth:
                issues.append(LoadIssue("yaml-syntax", line, col, "too-deep", {"max": max_depth}))
                doc.data = None
                return
            if complex_key(ev):
                skip_depth = 1
                continue
            path_here = _child_path(stack)
            if ev.tag is not None or ev.anchor is not None:
                check_props(ev, path_here)
            container: dict[str, Any] | list[Any] = (
                {} if isinstance(ev, yaml.MappingStartEvent) else []
            )
            path = place(container, line, col)
            stack.append(_Frame(container, path))
        elif isinstance(ev, yaml.CollectionEndEvent):
            stack.pop()
        elif isinstance(ev, yaml.AliasEvent):
            line, col = _pos(ev.start_mark)
            if take_key_alias(stack):
                issues.append(
                    LoadIssue("yaml-alias", line, col, "yaml-alias.alias", {"name": ev.anchor})
                )
                continue
            issues.append(
                LoadIssue(
                    "yaml-alias",
                    line,
                    col,
                    "yaml-alias.alias",
                    {"name": ev.anchor},
                    _child_path(stack),
                )
            )
            place(None, line, col)
        elif isinstance(ev, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                line, col = _pos(ev.start_mark)
                issues.append(LoadIssue("yaml-syntax", line, col, "several-documents", {}))
                return
    if not root_set:
        doc.data = None


def take_key_alias(stack: list[_Frame]) -> bool:
    """An alias used as a mapping key: the entry is dropped (its value still gets parsed)."""
    if stack and isinstance(stack[-1].container, dict) and stack[-1].key is _NO_KEY:
        stack[-1].key = _SKIP
        return True
    return False


def _child_path(stack: list[_Frame]) -> Path | None:
    """The path the next value will get, for locating issues found before it is placed."""
    if not stack:
        return ()
    top = stack[-1]
    if top.path is None:
        return None
    if isinstance(top.container, list):
        return (*top.path, len(top.container))
    if isinstance(top.key, str):
        return (*top.path, top.key)
    return top.path


def is_date(value: Any) -> bool:
    """True for a calendar date; a datetime (``2025-06-17 10:00``) is not a date here."""
    return isinstance(value, _dt.date) and not isinstance(value, _dt.datetime)
