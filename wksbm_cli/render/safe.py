"""Making untrusted text safe to show: record values and file names come from pull requests.

A value may hold terminal escape codes, a newline that forges a CI annotation, bidirectional
overrides that reorder what a reviewer sees, or rich markup (``[link=...]``, ``[/bold]``).
Renderers never interpret markup (they build rich ``Text`` objects); this module replaces every
control and bidi character with a visible escape.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Controls, bidi overrides, line separators, and what no page may hold: noncharacters (U+FDD0..
# U+FDEF, U+xFFFE/U+xFFFF of every plane) and lone surrogates (a file name read with
# surrogateescape). HTML parsers refuse those, so a kecamatan named U+FFFE broke the report page.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
    "\ud800-\udfff\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    )
    + "]"
)


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    if char == "\t":
        return "\\t"
    if char == "\n":
        return "\\n"
    if char == "\r":
        return "\\r"
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """``text`` with every control or bidi character shown as an escape, on one line."""
    return _UNSAFE.sub(_escape, text)


# What JSON leaves raw with ensure_ascii=False (it escapes U+0000-U+001F itself).
_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_text(doc: Any) -> str:
    """``doc`` as indented UTF-8 JSON whose text holds no control or bidi character: they are
    written as ``\\u`` escapes, so values parse back exactly and a terminal showing the output is
    never reordered or driven by it."""
    text = indented_json(doc)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"


_STRING = json.encoder.encode_basestring  # the C function json itself uses, ensure_ascii off
_CONSTANTS = {True: "true", False: "false"}


def indented_json(doc: Any) -> str:
    """``json.dumps(doc, ensure_ascii=False, indent=2)``, the same text, several times faster:
    with ``indent`` the standard library encodes through nested Python generators (1.4 s of a
    2.9 s run printing 37,000 problems); here each container is one join and each plain value
    one C call. Anything else (a float, a subclass, a non-text key) is left to ``json.dumps``."""
    parts: list[str] = []
    _encode(doc, "\n", parts)
    return "".join(parts)


def _encode(value: Any, newline: str, out: list[str]) -> None:
    kind = type(value)
    if kind is str:
        out.append(_STRING(value))
    elif value is None:
        out.append("null")
    elif kind is bool:
        out.append(_CONSTANTS[value])
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is dict and all(type(k) is str for k in value):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            out.append(separator)
            out.append(_STRING(key))
            out.append(": ")
            _encode(item, inner, out)
            separator = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _encode(item, inner, out)
            separator = "," + inner
        out.append(newline + "]")
    else:  # JSON strings hold no raw newline, so re-indenting the standard text is exact
        out.append(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline))
