"""Targeted text splicing: set, add, append or remove one value by rewriting only its own lines.

Why not a round-trip YAML library (ruamel.yaml): it re-emits the whole document, and in its
round-trip mode (0.19.1, checked) it still drops blank lines, respaces flow mappings
(``{ a: 1,  b: 2 }``), re-indents sequences and mixes CRLF with LF. Records carry comments and
layout that reviewers rely on in diffs, so this module splices new text in at the character
offsets the parser reports (``spans``) and leaves every other byte alone. Each operation also
updates the data it is meant to produce; ``Editor.verify`` re-reads the new text with the
project's own loader and refuses the edit unless it reads back exactly as intended.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from wksbm_cli.authoring.edit.spans import Node, content_end, find, parse_spans
from wksbm_cli.authoring.new_record import scalar
from wksbm_cli.errors import WksbmError
from wksbm_cli.load.fastyaml import load_fast_or_located
from wksbm_cli.load.yamldoc import Path

INDENT = "  "

_SCALARS: dict[str, str] = {}
# Names, places, ids: a letter first, then letters, digits, single spaces and . ' ( ) / - : never a
# number, a date, a boolean, a key (``: ``) or a comment (`` #``) to YAML 1.1 or 1.2.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9.'()/-]*(?: [A-Za-z0-9.'()/-]+)*")
_KEYWORD = re.compile(r"y|n|yes|no|on|off|true|false|null|nan|inf|\.nan|\.inf", re.IGNORECASE)
# Characters a YAML scalar cannot hold as they are: C0 controls, DEL, NEL, line/para separators.
_CONTROL = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")


def scalar_text(value: Any) -> str:
    """One scalar that YAML 1.1 and 1.2 readers alike read back as this value: dates plain,
    numbers plain, text quoted whenever it could read as anything else (``"05"``, ``"no"``,
    ``"0812..."``), the rule ``wksbm new`` uses."""

    if isinstance(value, bool):
        raise TypeError("no booleans in records")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _CONTROL.search(text):
        return json.dumps(text, ensure_ascii=False)  # one line, escapes for control characters
    if _PLAIN.fullmatch(text) and not _KEYWORD.fullmatch(text):
        return text  # what the YAML dump gives for such text, without paying for one
    quoted = _SCALARS.get(text)
    if quoted is None:  # an import repeats the same places and dates thousands of times
        if len(_SCALARS) > 100_000:
            _SCALARS.clear()
        quoted = _SCALARS[text] = scalar(text)
    return quoted


def flow_text(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow_text(v) for v in value) + "]"
    return scalar_text(value)


def block_lines(key: str, value: Any, indent: str) -> list[str]:
    """``key: value`` as written in block style: mappings nested, lists of mappings one flow
    mapping per item (as the bundled records and ``wksbm new`` write officers), the rest inline."""
    if isinstance(value, dict) and value:
        out = [f"{indent}{key}:"]
        for k, v in value.items():
            out.extend(block_lines(k, v, indent + INDENT))
        return out
    if isinstance(value, list) and value and any(isinstance(v, dict) for v in value):
        return [f"{indent}{key}:"] + [f"{indent}{INDENT}- {flow_text(v)}" for v in value]
    return [f"{indent}{key}: {flow_text(value)}"]


def path_text(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@dataclass(frozen=True)
class Change:
    """One change to the data: ``set`` (old -> new), ``add`` (a new key), ``append`` (a new
    list item) or ``remove``."""

    action: str
    path: Path
    old: Any = None
    new: Any = None

    def as_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "path": path_text(self.path),
            "old": _plain(self.old),
            "new": _plain(self.new),
        }


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class Editor:
    """A record's text and the data it should read as, changed together."""

    def __init__(self, text: str) -> None:
        # The engine's own loader: the same data as the located loader, at a fraction of its
        # cost (an import opens an editor on every record a row matches). The document is
        # fresh and the editor its only holder, so its data is changed in place, not copied.
        doc = load_fast_or_located(text)
        if not isinstance(doc.data, dict) or doc.issues:
            raise WksbmError("edit.not-yaml")
        self.original = text
        self.text = text
        self.data: dict[str, Any] = doc.data
        self.eol = "\r\n" if "\r\n" in text else "\n"
        self.changes: list[Change] = []

    # -- reading -------------------------------------------------------------------------

    def value(self, path: Path) -> Any:
        node: Any = self.data
        for part in path:
            if isinstance(part, int):
                if not isinstance(node, list) or part >= len(node):
                    return None
                node = node[part]
            else:
                if not isinstance(node, dict):
                    return None
                node = node.get(part)
        return node

    def _root(self) -> Node:
        return parse_spans(self.text)

    def _node(self, path: Path) -> Node:
        node = find(self._root(), path)
        if node is None:
            raise _bug(f"no node at {path_text(path)}")
        return node

    # -- text helpers --------------------------------------------------------------------

    def _line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def _column(self, index: int) -> int:
        return index - self._line_start(index)

    def _splice(self, start: int, end: int, new: str) -> None:
        self.text = self.text[:start] + new + self.text[end:]

    def _insert_lines_after(self, index: int, lines: Sequence[str], column: int = -1) -> None:
        """New whole lines after the line holding ``index``, in the file's own line ending.

        Comment lines right below that are indented deeper than ``column`` belong to the entry
        above (``wksbm new`` leaves optional keys commented out inside ``wilayah``), so the new
        lines go after them."""
        newline = self.text.find("\n", index)
        while newline != -1:
            following = self.text.find("\n", newline + 1)
            line = self.text[newline + 1 : len(self.text) if following == -1 else following]
            body = line.lstrip(" ")
            if not body.startswith("#") or len(line) - len(body) <= column:
                break
            newline = following
        block = self.eol.join(lines)
        if newline == -1:  # the last line has no line break: keep it that way
            self._splice(len(self.text), len(self.text), self.eol + block)
        else:
            self._splice(newline + 1, newline + 1, block + self.eol)

    # -- operations ----------------------------------------------------------------------

    def set(self, path: Path, value: Any) -> None:
        """Give an existing key a new value."""
        parent_path, key = path[:-1], path[-1]
        parent = self._node(parent_path)
        node = find(parent, (key,))
        key_node = parent.key_node(str(key)) if isinstance(key, str) else None
        if node is None:
            raise _bug(f"no value at {path_text(path)}")
        old = self.value(path)
        if node.kind == "scalar" and node.style is None and node.value == "" and key_node:
            colon = self.text.index(":", key_node.end) + 1
            self._splice(colon, colon, " " + scalar_text(value))
        elif node.kind == "scalar" or (isinstance(value, dict | list) and (node.flow or not value)):
            self._splice(node.start, content_end(self.text, node), _inline(value))
        elif node.kind == "map" and isinstance(value, dict):
            first = node.entries[0][0]
            start = self._line_start(first.start)
            if self.text[start : first.start].strip():
                raise _bug(f"{path_text(path)} shares its line")
            indent = " " * (first.start - start)
            lines = [line for k, v in value.items() for line in block_lines(k, v, indent)]
            end_index = content_end(self.text, node)
            newline = self.text.find("\n", end_index)
            end = len(self.text) if newline == -1 else newline + 1
            tail = self.eol if newline != -1 else ""
            self._splice(start, end, self.eol.join(lines) + tail)
        else:
            raise _bug(f"cannot rewrite {path_text(path)} in place")
        container = self.value(parent_path)
        container[key] = copy.deepcopy(value)
        self.changes.append(Change("set", path, copy.deepcopy(old), copy.deepcopy(value)))

    def add(self, map_path: Path, key: str, value: Any, after: Sequence[str] = ()) -> None:
        """A new key in a mapping, placed after the first of ``after`` that is present (else
        last), so a new ``selesai`` sits after ``mulai`` as a person would write it."""
        node = self._node(map_path)
        if node.kind != "map":
            raise _bug(f"{path_text(map_path)} is not a mapping")
        anchor = next((v for k in after for kn, v in node.entries if kn.value == k), None)
        if anchor is None and node.entries:
            anchor = node.entries[-1][1]
        if node.flow:
            if anchor is None:
                self._splice(node.start + 1, node.start + 1, f"{key}: {flow_text(value)}")
            else:
                at = anchor.end
                self._splice(at, at, f", {key}: {flow_text(value)}")
        else:
            assert anchor is not None  # a block mapping has at least one entry
            first = node.entries[0][0]
            indent = " " * self._column(first.start)
            self._insert_lines_after(
                content_end(self.text, anchor), block_lines(key, value, indent), len(indent)
            )
        container = self.value(map_path)
        container[key] = copy.deepcopy(value)
        self.changes.append(Change("add", (*map_path, key), None, copy.deepcopy(value)))

    def put(self, map_path: Path, key: str, value: Any, after: Sequence[str] = ()) -> None:
        container = self.value(map_path)
        if isinstance(container, dict) and key in container:
            if container[key] != value:
                self.set((*map_path, key), value)
        else:
            self.add(map_path, key, value, after)

    def append(self, seq_path: Path, value: Any) -> None:
        """One more item at the end of an existing list, in the style of its last item."""
        node = self._node(seq_path)
        if node.kind != "seq":
            raise _bug(f"{path_text(seq_path)} is not a list")
        if node.flow:
            if node.items:
                self._splice(node.items[-1].end, node.items[-1].end, f", {flow_text(value)}")
            else:
                self._splice(node.start + 1, node.start + 1, flow_text(value))
        else:
            last = node.items[-1]
            dash = " " * self._column(node.start)
            if isinstance(value, dict) and value and last.kind == "map" and not last.flow:
                inner = " " * self._column(last.entries[0][0].start)
                gap = " " * max(1, len(inner) - len(dash) - 1)
                items = list(value.items())
                lines = [f"{dash}-{gap}{items[0][0]}: {flow_text(items[0][1])}"]
                lines += [f"{inner}{k}: {flow_text(v)}" for k, v in items[1:]]
            else:
                lines = [f"{dash}- {flow_text(value)}"]
            self._insert_lines_after(content_end(self.text, last), lines, len(dash))
        container = self.value(seq_path)
        index = len(container)
        container.append(copy.deepcopy(value))
        self.changes.append(Change("append", (*seq_path, index), None, copy.deepcopy(value)))

    def remove(self, map_path: Path, key: str) -> None:
        node = self._node(map_path)
        keys = [k for k, _ in node.entries]
        index = next(i for i, k in enumerate(keys) if k.value == key)
        key_node, value_node = node.entries[index]
        if node.flow:
            if index > 0:
                start, end = node.entries[index - 1][1].end, value_node.end
            elif len(keys) > 1:
                start, end = key_node.start, keys[1].start
            else:
                start, end = key_node.start, value_node.end
            self._splice(start, end, "")
        else:
            start = self._line_start(key_node.start)
            if self.text[start : key_node.start].strip():
                raise _bug(f"{key} shares its line")
            value_end = content_end(self.text, value_node)
            newline = self.text.find("\n", value_end)
            end = len(self.text) if newline == -1 else newline + 1
            # A comment after the removed value is the volunteer's note: it stays, on its own line.
            tail = self.text[value_end:end].strip()
            kept = ""
            if tail.startswith("#"):
                kept = (
                    self.text[start : key_node.start] + tail + (self.eol if newline != -1 else "")
                )
            self._splice(start, end, kept)
        container = self.value(map_path)
        old = container.pop(key)
        self.changes.append(Change("remove", (*map_path, key), old, None))

    def verify(self) -> None:
        """The new text must read back, through the loader every command uses, as exactly the
        data the operations meant; anything else is a bug here, and nothing is written."""
        doc = load_fast_or_located(self.text)
        if doc.issues or doc.data != self.data:
            raise _bug("the edited text does not read back as intended")


def _inline(value: Any) -> str:
    return flow_text(value)


def _bug(detail: str) -> WksbmError:
    return WksbmError("edit.abandoned", detail=detail)
