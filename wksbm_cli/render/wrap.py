"""Wrapping styled text exactly as rich wraps a ``Text``, at a fraction of its cost.

A long report (tens of thousands of problems) spent most of its time in rich's per-cell
machinery: spans divided and re-joined, every word measured in cells. Here text is plain
strings with a style name per piece; lines are broken with rich's own word splitter (a faster
equivalent for printable ASCII, which is one cell a character), then trimmed as
``Text.rstrip_end`` and ``Text.truncate`` trim them, so the result is what rich prints.
"""

from __future__ import annotations

import itertools
import re

from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size

Piece = tuple[str, str]  # text and style name


def wrap(pieces: list[Piece], width: int, cell: bool = True) -> list[list[Piece]]:
    """``pieces`` as lines of at most ``width`` cells, broken where rich breaks a ``Text``:
    at newlines, then between words, trailing spaces past the width dropped. In a table
    ``cell`` (rich's default overflow there) a word longer than the line is cut with "…";
    elsewhere it is folded onto the next lines."""
    lines: list[list[Piece]] = []
    for paragraph in _paragraphs(pieces):
        plain = "".join(text for text, _ in paragraph)
        if len(plain) <= width if plain.isascii() else cell_len(plain) <= width:
            lines.append(paragraph)
            continue
        divide = _divide_ascii if plain.isascii() else divide_line
        cuts = [0, *divide(plain, width, fold=not cell), len(plain)]
        for a, b in itertools.pairwise(cuts):
            text = plain[a:b]
            fitted = _fit(text, width, "…" if cell else "")
            same = len(fitted)
            if text[:same] != fitted:  # an ellipsis, or a wide character cut in half
                same = next(i for i, (x, y) in enumerate(zip(text, fitted, strict=False)) if x != y)
            line = _slice(paragraph, a, a + same)
            if same < len(fitted):
                line.append((fitted[same:], _style_at(paragraph, a + same)))
            lines.append(line)
    return lines


_WORD = re.compile(r"\s*\S+\s*")


_OTHER_SPACE = re.compile(r"[\t\n\r\x0b\x0c]")


def _divide_spaced(text: str, width: int) -> list[int] | None:
    """:func:`_divide_ascii` for the usual line, whose words are separated by spaces only and
    all fit the width: a line ends before the first word whose end passes the width, found
    with two string searches per line instead of a look at every word. None: another case."""
    if (
        _OTHER_SPACE.search(text)
        or len(text) - len(text.lstrip(" ")) + len(text.lstrip(" ").split(" ", 1)[0]) > width
        or max(map(len, text.split(" "))) > width
    ):
        return None
    breaks: list[int] = []
    end = len(text.rstrip(" "))
    start = 0
    while start + width < end:
        edge = start + width
        if text[edge] != " " and text[edge - 1] != " ":
            start = text.rfind(" ", start, edge) + 1  # the word the edge cuts moves down
        else:
            start = edge
            while text[start] == " ":
                start += 1
        breaks.append(start)
    return breaks


def _divide_ascii(text: str, width: int, fold: bool = True) -> list[int]:
    """``rich._wrap.divide_line`` for printable ASCII text (one cell a character), where it
    spends most of its time measuring cells."""
    quick = _divide_spaced(text, width)
    if quick is not None:
        return quick
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            if fold:
                chunks = [word[i : i + width] for i in range(0, len(word), width)]
                for number, chunk in enumerate(chunks):
                    if start:
                        breaks.append(start)
                    if number == len(chunks) - 1:
                        offset = len(chunk)
                    else:
                        start += len(chunk)
            else:
                if start:
                    breaks.append(start)
                offset = len(word)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def _paragraphs(pieces: list[Piece]) -> list[list[Piece]]:
    """The pieces of each line, where a piece holds a newline."""
    if not any("\n" in text for text, _ in pieces):
        return [pieces]
    out: list[list[Piece]] = [[]]
    for text, name in pieces:
        first, *rest = text.split("\n")
        if first:
            out[-1].append((first, name))
        for part in rest:
            out.append([(part, name)] if part else [])
    return out


def wrap_plain(text: str, width: int, cell: bool) -> list[str]:
    """One line of unstyled text wrapped as :func:`wrap` wraps it."""
    if len(text) <= width if text.isascii() else cell_len(text) <= width:
        return [text]
    if text.isascii() and "\n" not in text:  # what wrap() gives, without styled pieces
        cuts = [0, *_divide_ascii(text, width, fold=not cell), len(text)]
        ellipsis = "…" if cell else ""
        return [_fit(text[a:b], width, ellipsis) for a, b in itertools.pairwise(cuts)]
    return ["".join(t for t, _ in line) for line in wrap([(text, "")], width, cell)]


def _fit(text: str, width: int, ellipsis: str) -> str:
    """A wrapped line as rich keeps it (``Text.rstrip_end`` then ``Text.truncate``): trailing
    whitespace past ``width`` characters dropped, then cut to ``width`` cells, ending in
    ``ellipsis`` when one is given."""
    excess = len(text) - width
    if excess > 0:
        trailing = len(text) - len(text.rstrip())
        text = text[: len(text) - min(trailing, excess)]
    if cell_len(text) > width:
        text = set_cell_size(text, width - len(ellipsis)) + ellipsis
    return text


def _style_at(pieces: list[Piece], offset: int) -> str:
    """The style of the piece holding the character at ``offset`` of the joined text."""
    for text, name in pieces:
        if offset < len(text):
            return name
        offset -= len(text)
    return pieces[-1][1] if pieces else ""


def _slice(pieces: list[Piece], start: int, end: int) -> list[Piece]:
    """The part of the styled pieces between two offsets of their joined text."""
    out: list[Piece] = []
    offset = 0
    for text, name in pieces:
        a, b = max(start, offset), min(end, offset + len(text))
        if a < b:
            out.append((text[a - offset : b - offset], name))
        offset += len(text)
        if offset >= end:
            break
    return out
