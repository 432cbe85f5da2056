"""Where each node of a YAML document sits in its text: character offsets of every scalar,
mapping and sequence, and whether it is written in flow (``{...}``/``[...]``) or block style.

Built from PyYAML's parser events, whose marks count characters of the decoded text (a CRLF is
two), so a splice at those offsets touches exactly the node and nothing around it. libyaml's parser
(PyYAML's C extension) gives the same events and marks as the pure-Python one at a tenth of the
cost, and an import re-reads a record after every change it splices in; the two differ only where
this module corrects or avoids it (``CLoader``): an empty value in a flow mapping, which libyaml
marks at the next token and the pure parser right after the colon, and the few texts in which
they were found to disagree (``ODD``), which keep the pure parser, so an edit is refused or made
exactly as before. ``tests/test_edit_spans_engines.py`` compares the two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from wksbm_cli.errors import WksbmError
from wksbm_cli.load.yamldoc import Path


@dataclass
class Node:
    kind: str  # scalar | map | seq
    start: int
    end: int
    flow: bool = False
    style: str | None = None  # scalar style: None (plain), "'", '"', "|", ">"
    value: str = ""
    entries: list[tuple[Node, Node]] = field(default_factory=list)  # map: (key, value)
    items: list[Node] = field(default_factory=list)  # seq

    def get(self, key: str) -> Node | None:
        for k, v in self.entries:
            if k.value == key:
                return v
        return None

    def key_node(self, key: str) -> Node | None:
        for k, _ in self.entries:
            if k.value == key:
                return k
        return None


def _not_editable(detail: str) -> WksbmError:
    return WksbmError("edit.not-editable", detail=detail)


#: libyaml's parser where PyYAML has it; None where only the pure-Python parser is installed.
CLoader: type[Any] | None = getattr(yaml, "CSafeLoader", None)
#: Texts holding any of these keep the pure parser: a tab (the two disagree on what is YAML), a
#: byte order mark (counted differently), ``!`` and ``?`` (an empty tagged value, an explicit
#: key or a ``?`` in a flow: marked differently, or refused by the pure parser alone), and a
#: block scalar header with a ``#`` stuck to it (``|#``: the same). Records rarely have them;
#: they only cost speed.
ODD = ("\t", "\ufeff", "!", "?")
ODD_HEADER = re.compile(r"[|>][-+0-9]*#")


def parse_spans(text: str, loader: type[Any] | None = None) -> Node:
    """The top mapping of a record. The loader has already judged the file, so anything odd
    here (an alias, a second document) stops the edit instead of guessing. ``loader`` picks the
    parser (tests compare them); by default libyaml's, unless the text has one of ``ODD``."""
    if loader is None:
        odd = any(c in text for c in ODD) or ODD_HEADER.search(text) is not None
        loader = CLoader if CLoader is not None and not odd else yaml.SafeLoader
    stack: list[Node] = []
    pending_key: list[Node | None] = []
    root: Node | None = None
    try:
        events: list[Any] = list(yaml.parse(text, Loader=loader))
    except yaml.YAMLError as exc:
        raise _not_editable(str(exc).splitlines()[0]) from None
    for ev in events:
        if isinstance(ev, yaml.AliasEvent):
            raise _not_editable("alias")
        if isinstance(ev, yaml.ScalarEvent):
            start, end = _index(ev.start_mark), _index(ev.end_mark)
            style = ev.style or None  # libyaml says "" for plain, the pure parser None
            if start == end and not ev.value and style is None and stack and stack[-1].flow:
                start = end = _empty_value_at(text, start, stack[-1], pending_key[-1])
            node = Node("scalar", start, end, style=style, value=ev.value)
            _attach(node, stack, pending_key)
        elif isinstance(ev, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            kind = "map" if isinstance(ev, yaml.MappingStartEvent) else "seq"
            node = Node(
                kind, _index(ev.start_mark), _index(ev.start_mark), flow=bool(ev.flow_style)
            )
            _attach(node, stack, pending_key)
            stack.append(node)
            pending_key.append(None)
        elif isinstance(ev, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            node = stack.pop()
            pending_key.pop()
            node.end = _index(ev.end_mark)
            if not stack:
                if root is not None:
                    raise _not_editable("more than one document")
                root = node
    if root is None or root.kind != "map":
        raise _not_editable("the top is not a mapping")
    return root


def _empty_value_at(text: str, at: int, parent: Node, owner: Node | None) -> int:
    """Where the pure parser marks an empty value in a flow mapping: right after the colon
    that follows its key ``owner`` (libyaml marks the token after it). Anything else is left
    where the parser put it."""
    if parent.kind != "map" or owner is None:
        return at
    i = owner.end
    while i < len(text) and text[i] in " \r\n":
        i += 1
    return i + 1 if i < at and text[i] == ":" else at


def _index(mark: Any) -> int:
    return int(mark.index) if mark is not None else 0


def _attach(node: Node, stack: list[Node], pending_key: list[Node | None]) -> None:
    if not stack:
        if node.kind == "scalar":
            raise _not_editable("the top is not a mapping")
        return
    parent = stack[-1]
    if parent.kind == "seq":
        parent.items.append(node)
        return
    key = pending_key[-1]
    if key is None:
        if node.kind != "scalar":
            raise _not_editable("a key that is not text")
        pending_key[-1] = node
    else:
        parent.entries.append((key, node))
        pending_key[-1] = None


def find(root: Node, path: Path) -> Node | None:
    node: Node | None = root
    for part in path:
        if node is None:
            return None
        if isinstance(part, int):
            node = node.items[part] if node.kind == "seq" and part < len(node.items) else None
        else:
            node = node.get(part) if node.kind == "map" else None
    return node


def content_end(text: str, node: Node) -> int:
    """Where the node's own text ends. A block scalar's mark runs on past its line break (and
    any blank lines after it); this stops at its last character instead."""
    if node.kind == "scalar" and node.style in ("|", ">"):
        end = node.end
        while end > node.start and text[end - 1] in " \t\r\n":
            end -= 1
        return end
    if node.kind == "map" and not node.flow and node.entries:
        return content_end(text, node.entries[-1][1])
    if node.kind == "seq" and not node.flow and node.items:
        return content_end(text, node.items[-1])
    return node.end
