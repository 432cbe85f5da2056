"""Where each node of a YAML document sits in its text: character offsets of every scalar,
mapping and sequence, and whether it is written in flow (``{...}``/``[...]``) or block style.

Built from PyYAML's pure-Python parser events, whose marks count characters of the decoded text
(a CRLF is two), so a splice at those offsets touches exactly the node and nothing around it.
"""

from __future__ import annotations

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


def parse_spans(text: str) -> Node:
    """The top mapping of a record. The loader has already judged the file, so anything odd
    here (an alias, a second document) stops the edit instead of guessing."""
    stack: list[Node] = []
    pending_key: list[Node | None] = []
    root: Node | None = None
    try:
        events: list[Any] = list(yaml.parse(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise _not_editable(str(exc).splitlines()[0]) from None
    for ev in events:
        if isinstance(ev, yaml.AliasEvent):
            raise _not_editable("alias")
        if isinstance(ev, yaml.ScalarEvent):
            node = Node(
                "scalar", _index(ev.start_mark), _index(ev.end_mark), style=ev.style, value=ev.value
            )
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
