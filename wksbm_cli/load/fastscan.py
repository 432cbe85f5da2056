"""The fast YAML path's pre-scan: text that rapidyaml and libyaml might read differently.

Why: rapidyaml reads YAML 1.2 and is more forgiving than libyaml (YAML 1.1) in places: it takes
``]x`` or ``: x`` as text or keys, a quoted key over two lines, ``x:,`` in a flow, where libyaml
stops with a syntax error; it has no YAML 1.1 line breaks (NEL, LS, PS). The fast path must give
the located loader's answer or none, so anything of that kind goes to the located loader. Each
test here was found by running both loaders on a corpus and on millions of mutated records (see
``tests/test_fastyaml_diff.py``); all are substring tests, byte translations or a regex run
only where a suspicious character occurs, so an ordinary record costs a few microseconds.

Refused: control characters, TAB, a lone CR, NEL/LS/PS/BOM and other characters libyaml
refuses; document markers and directives; merge keys; anchors, aliases, tags and reserved
indicators (``@``, backtick, ``%``) and complex keys where a node starts; a quoted scalar followed
by ``-``/``?`` or a quoted key that does not open on its line; backslash escapes; block scalars
with a comment or indentation indicator on their header, or at the end of a file without a line
break; flow collections over several lines, as keys, with ``x:,``, or more than 48 brackets;
keys of more than 200 characters and runs of 800 spaces (libyaml's limit for keys is 1,024).
"""

from __future__ import annotations

import re

#: Bytes of an ordinary file: CR LF, printable ASCII, and every byte of a multi-byte character.
#: TAB and other control characters change how libyaml reads a line, or are refused by it.
_PLAIN_BYTES = b"\r\n" + bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))
#: The bytes worth a closer look; one ``bytes.translate`` keeps only these, in order.
_WATCHED = bytes(range(0x20)) + b"\x7f" + b"<\\\"'|>[]{}%&*!@`?"
_UNWATCHED = bytes(b for b in range(0x100) if b not in b"\n" + _WATCHED)
#: UTF-8 of the non-ASCII characters libyaml refuses or reads as line breaks (C1 controls, NEL,
#: LS, PS, U+FEFF, U+FFFE/F); only where one of these byte strings occurs does the regex run.
_ODD_UTF8 = (b"\xc2", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\xef\xbb\xbf", b"\xef\xbf")
_ODD_CHAR = re.compile("[\x80-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
#: Indicators ryml and libyaml may read differently where a node starts: anchors ``&``, aliases
#: ``*``, tags ``!``, directives and reserved ``%``, ``@``, backtick, complex keys ``?``.
_NODE_START_CHARS = "&*!%@`?"
#: What may stand before a node on its line, spaces apart (or the start of the text).
_BEFORE_NODE = frozenset("\n[{,:-?")
_BLANK = frozenset(("", " ", "\n", "\r"))
#: A quote opens a scalar only after one of these (``Ma'ruf`` is plain text).
_QUOTE_AFTER = frozenset(" \n[{,:-?")
#: A flow collection used as a key (``[a]: b``, ``{a: 1}: b``).
_FLOW_KEY = re.compile(r"[\]}][ ]*:")
#: ``x:,`` or ``x:]``: an error to libyaml, an empty value to ryml.
_COLON_IN_FLOW = re.compile(r":[,?\[\]{}]")
_FLOW_TOKEN = re.compile(r"[\[\]{}'\"#\n]")
#: A block scalar header on its own: ``|``, ``>-``, ``|+`` and the line break.
_BLOCK_HEADER = re.compile(r"[-+]?[ ]*\r?\n")
#: libyaml gives up on a key that ends 1,024 characters after it starts (ryml does not): keys
#: longer than MAX_KEY are refused by the fast path itself, and so is a run of spaces this long.
MAX_KEY = 200
_LONG_SPACE = " " * 800
#: Flow brackets: ryml's emitter recurses, and the located loader stops at 64 levels anyway.
MAX_FLOW = 48


def prescan(text: str, src: bytes) -> bool:
    """True when ``text`` (``src``: its UTF-8 bytes) holds nothing the fast path might read
    differently from the located loader."""
    seen = src.translate(None, _UNWATCHED)
    if seen.translate(None, _PLAIN_BYTES):
        return False  # a control character
    if b"\r" in seen and text.count("\r") != text.count("\r\n"):
        return False  # a lone CR is a line break to libyaml
    if not src.isascii() and any(odd in src for odd in _ODD_UTF8) and _ODD_CHAR.search(text):
        return False
    if text.startswith(("---", "...", "%")) or "\n---" in text or "\n..." in text:
        return False  # a document marker or a directive
    if (b"<" in seen and "<<" in text) or (b"\\" in seen and b'"' in seen):
        return False  # a merge key; escapes (ryml builds "\ud800" where libyaml refuses it)
    if (b"|" in seen or b">" in seen) and not _block_headers_plain(text):
        return False
    for char in _NODE_START_CHARS:
        if ord(char) in seen and not _never_starts_node(text, char):
            return False
    if (b"'" in seen or b'"' in seen) and not _quotes_end_cleanly(text):
        return False
    flow = seen.count(b"[") + seen.count(b"{")
    if flow > MAX_FLOW:
        return False
    if (flow or b"]" in seen or b"}" in seen) and not _flows_plain(text):
        return False
    return _LONG_SPACE not in text


def _starts_node(text: str, at: int) -> bool:
    """Whether the character at ``at`` stands where a node could start."""
    before = at - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    return before < 0 or text[before] in _BEFORE_NODE


def _never_starts_node(text: str, char: str) -> bool:
    """``char`` never stands where a node starts (an ``@`` in an e-mail address is fine)."""
    at = text.find(char)
    while at >= 0:
        if _starts_node(text, at):
            return False
        at = text.find(char, at + 1)
    return True


def _block_headers_plain(text: str) -> bool:
    """Every block scalar header stands alone on its line: ryml reads a comment after it
    (``| # a-b``), an indentation indicator (``|1``) or text (``|2 x``) unlike libyaml; and the
    file ends with a line break (libyaml keeps none after the last line, ryml adds one)."""
    for char in "|>":
        at = text.find(char)
        while at >= 0:
            if _starts_node(text, at) and not (
                text.endswith("\n") and _BLOCK_HEADER.match(text, at + 1)
            ):
                return False
            at = text.find(char, at + 1)
    return True


def _quotes_end_cleanly(text: str) -> bool:
    """No quote is followed by an indicator that ryml reads as a new entry (``- 'x' -``), and
    every quoted key opens on its own line (libyaml refuses a key over lines, ryml reads it)."""
    end = len(text)
    for quote in "'\"":
        at = text.find(quote)
        while at >= 0:
            after = at + 1
            while after < end and text[after] == " ":
                after += 1
            if (
                after < end
                and text[after] in "-?:"
                and text[after + 1 : after + 2] in _BLANK
                and (text[after] != ":" or not _opens_on_its_line(text, at, quote))
            ):
                return False
            at = text.find(quote, at + 1)
    return True


def _opens_on_its_line(text: str, close: int, quote: str) -> bool:
    """Whether the quote at ``close`` has its opening quote earlier on the same line."""
    segment = text[text.rfind("\n", 0, close) + 1 : close]
    if quote == '"':
        segment = segment.replace("\\\\", "").replace('\\"', "")
    return segment.count(quote) % 2 == 1


def _flows_plain(text: str) -> bool:
    """Flow collections that both parsers read alike: on one line (libyaml refuses a key over
    lines, ``{a\\n: 1}``, ryml reads it), not used as keys, without ``x:,``."""
    if _FLOW_KEY.search(text) is not None or _COLON_IN_FLOW.search(text) is not None:
        return False
    depth = 0
    pos = 0
    search = _FLOW_TOKEN.search
    while (match := search(text, pos)) is not None:
        char = match.group()
        at = match.start()
        pos = at + 1
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == "\n":
            if depth:
                return False
        elif char == "#":
            if at == 0 or text[at - 1] in " \n":
                end = text.find("\n", pos)
                pos = len(text) if end < 0 else end
        elif at == 0 or text[at - 1] in _QUOTE_AFTER:
            close = _quote_close(text, pos, char)
            if close < 0 or (depth and "\n" in text[at:close]):
                return False
            pos = close + 1
    return True


def _quote_close(text: str, pos: int, quote: str) -> int:
    """The offset of the quote closing the scalar whose body starts at ``pos`` (-1: none)."""
    while True:
        end = text.find(quote, pos)
        if end < 0:
            return -1
        if quote == "'":
            if text.startswith("''", end):
                pos = end + 2
                continue
            return end
        slashes = 0
        while end - 1 - slashes >= pos and text[end - 1 - slashes] == "\\":
            slashes += 1
        if slashes % 2 == 0:
            return end
        pos = end + 1
