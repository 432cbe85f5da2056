"""Personal data: NIK, personal mobile numbers and e-mail addresses (UU 27/2022, UU 24/2013).

These rules read the file's *text*, comments included, not just parsed values: a NIK pasted
into a comment is published all the same. Diagnostics never repeat a full number: each finding
carries the clear text it matched (``Finding.private``), and the engine builds a :class:`Masker`
from them that masks that text wherever the file shows up again (source lines under any rule's
message, message arguments, paths, record values, the cache), so no renderer can leak it.
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import Any

from wksbm_cli.core.problem import Severity
from wksbm_cli.load.fastmarks import FastDocument
from wksbm_cli.load.yamldoc import Path
from wksbm_cli.rules.base import FileContext, Finding, Option, Rule

E = Severity.ERROR

# Kemendagri province codes (two digits) in use.
PROVINCES = frozenset(
    {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53}
    | {61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96}
)

_NIK = re.compile(r"(?<![\d.])(\d{16})(?![\d])")
_PHONE = re.compile(r"(?<![\w+])(?:\+62|62|0)[ .\-]?(?:\(0?\))?8[1-35-9](?:[ .\-]?\d){7,10}(?!\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_INSTITUTION = re.compile(r"\.(go|or|ac|sch|mil|desa|co)\.id$|\.(gov|org|edu)$", re.IGNORECASE)


def is_nik(digits: str) -> bool:
    """16 digits shaped as a NIK: province, kabupaten, kecamatan, birth date (+40), serial."""
    if len(digits) != 16 or not digits.isdigit():
        return False
    if int(digits[:2]) not in PROVINCES or digits[2:4] == "00" or digits[4:6] == "00":
        return False
    day, month, year = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if day > 40:
        day -= 40
    if not 1 <= month <= 12 or day < 1:
        return False
    # The century is unknown; 29 February is possible when either century allows it.
    leap = calendar.isleap(1900 + year) or calendar.isleap(2000 + year)
    longest = 29 if month == 2 and leap else calendar.monthrange(2001, month)[1]
    return day <= longest and digits[12:] != "0000"


def mask_digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    keep = 4 if len(digits) > 10 else 2
    return digits[:keep] + "*" * max(4, len(digits) - 2 * keep) + digits[-keep:]


def mask_nik(digits: str) -> str:
    return digits[:4] + "*" * 12


def mask_email(text: str) -> str:
    local, _, domain = text.partition("@")
    return f"{local[:1]}***@{domain}"


def mask_niks(text: str) -> str:
    """``text`` with every NIK masked; for values read outside the rules (a NIK is never allowed,
    not even under ``privasi: internal``)."""
    return _NIK.sub(lambda m: mask_nik(m.group(0)) if is_nik(m.group(0)) else m.group(0), text)


class Masker:
    """Replaces each clear text a privacy rule found by its masked form, as in the message.

    Every occurrence in the file is masked, whichever rule's problem shows the line: a source
    line under an ``unknown-field`` message must not repeat the NIK the ``personal-nik`` message
    masked.
    """

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.masks = dict(pairs)
        clear = sorted(self.masks, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, clear))) if clear else None

    def __bool__(self) -> bool:
        return self.pattern is not None

    def text(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: self.masks[m.group(0)], text)

    def line(self, text: str, column: int) -> tuple[str, int]:
        """The masked line, and where ``column`` (1-based, in ``text``) lands in it."""
        if self.pattern is None:
            return text, column
        out: list[str] = []
        caret = column
        last = 0
        for m in self.pattern.finditer(text):
            masked = self.masks[m.group(0)]
            if m.end() < column:
                caret += len(masked) - (m.end() - m.start())
            elif m.start() < column - 1:
                caret = len("".join(out)) + m.start() - last + 1  # inside the span: its start
            out.append(text[last : m.start()])
            out.append(masked)
            last = m.end()
        out.append(text[last:])
        return "".join(out), max(1, caret)

    def value(self, value: Any, numbers: str = "text") -> Any:
        """``value`` with every clear text masked, recursively through tuples, lists, dicts and
        record dataclasses. An integer that *is* a found number (a NIK written as a bare YAML
        number) becomes its masked text (``numbers="text"``, for message arguments) or ``None``
        (``numbers="drop"``, for record fields that must stay numbers). What holds no clear
        text is returned as the same object."""
        if self.pattern is None:
            return value
        return self._walk(value, numbers == "drop")

    def _walk(self, value: Any, drop: bool) -> Any:
        kind = type(value)
        if kind is str:
            return self.text(value) if self.pattern and self.pattern.search(value) else value
        if value is None or kind in (bool, float) or isinstance(value, dt.date):
            return value
        if kind is int:
            if value.bit_length() > 128:  # far longer than any number the rules find
                return value
            shown = str(value)
            masked = self.text(shown)
            if masked == shown:
                return value
            return None if drop else masked
        if kind is tuple or kind is list:
            items = [self._walk(v, drop) for v in value]
            same = all(a is b for a, b in zip(items, value, strict=True))
            return value if same else kind(items)
        if kind is dict:
            pairs = [(self._walk(k, drop), self._walk(v, drop)) for k, v in value.items()]
            olds = value.items()
            same = all(a is k and b is v for (a, b), (k, v) in zip(pairs, olds, strict=True))
            return value if same else dict(pairs)
        names = _FIELD_NAMES.get(kind)
        if names is None:
            if not dataclasses.is_dataclass(value) or isinstance(value, type):
                return value
            names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
        changes = {}
        for name in names:
            old = getattr(value, name)
            new = self._walk(old, drop)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


class _Locator:
    """Maps a text offset to a line/column and to the record path written at or before it."""

    def __init__(self, ctx: FileContext) -> None:
        self.text = ctx.text
        self.doc = ctx.doc
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", ctx.text)]
        self.positions: list[tuple[int, int]] = []
        self.paths: list[Path] = []

    def line_col(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def path_at(self, offset: int) -> Path:
        pos = self.line_col(offset)
        if isinstance(self.doc, FastDocument):
            return self.doc.path_at(pos)  # from a few marks: it builds them only when asked
        if not self.positions:
            items = sorted((pos, path) for path, pos in self.doc.marks.items())
            self.positions = [pos for pos, _ in items]
            self.paths = [path for _, path in items]
        index = bisect.bisect_right(self.positions, pos) - 1
        return self.paths[index] if index >= 0 else ()


#: Necessary for a match (so checking them first never hides one), and far cheaper to scan for
#: than the patterns themselves, which test a lookbehind at every character: a NIK has 16
#: digits in a row, a mobile number starts 0 8x or 62 8x, an e-mail address has an ``@``.
_DIGIT_RUNS = str.maketrans({chr(c): "0" if chr(c).isdigit() else " " for c in range(128)})
_SIXTEEN = "0" * 16
_PHONE_START = re.compile(r"(?:62|0)[ .\-]?(?:\(0?\))?8[1-35-9]")
_LOCAL_CHAR = re.compile(r"[\w.+-]")


def _may_hold(rule: str, text: str) -> bool:
    if rule == "personal-nik":
        return not text.isascii() or _SIXTEEN in text.translate(_DIGIT_RUNS)
    if rule == "personal-phone":
        return _PHONE_START.search(text) is not None
    return "@" in text


def _matches(rule: str, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``; for e-mail addresses found from each ``@`` instead of
    trying the pattern at every character. An address can only start where the run of
    address characters before its ``@`` starts (the pattern's lookbehind forbids starting
    inside one), so matching there finds what ``finditer`` finds; a run reaching back into
    the previous address cannot match (its first character follows an address character)."""
    if rule != "personal-email":
        yield from pattern.finditer(text)
        return
    done = 0
    at = text.find("@")
    while at >= 0:
        start = at
        while start > done and _LOCAL_CHAR.match(text, start - 1):
            start -= 1
        found = pattern.match(text, start) if start < at else None
        if found is not None:
            yield found
            done = found.end()
            at = text.find("@", done)
        else:
            at = text.find("@", at + 1)


def _in_kontak(ctx: FileContext, offset: int) -> bool | None:
    """Whether ``offset`` lies in the top-level ``kontak`` mapping, told from two marks: what
    :meth:`_Locator.path_at` would say, without building every position (a fast-path document
    computes positions only when asked). None where two marks cannot tell (a file with
    loader findings keeps only some)."""
    doc = ctx.doc
    data = doc.data
    if doc.issues or not isinstance(data, dict) or "kontak" not in data:
        return None
    text = ctx.text
    pos = (text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset))
    keys = list(data)
    after = keys.index("kontak") + 1
    return doc.where(("kontak",)) <= pos and (after == len(keys) or pos < doc.where((keys[after],)))


def _findings(
    ctx: FileContext, rule: str, pattern: re.Pattern[str], allow_kontak: bool
) -> Iterator[Finding]:
    if not _may_hold(rule, ctx.text):
        return
    locator: _Locator | None = None
    for match in _matches(rule, pattern, ctx.text):
        text = match.group(0)
        if rule == "personal-nik" and not is_nik(text):
            continue
        if rule == "personal-email" and _INSTITUTION.search(text):
            continue
        if allow_kontak and _in_kontak(ctx, match.start()):
            continue  # the organisation's own contact: allowed, and no locator needed
        locator = locator or _Locator(ctx)
        path = locator.path_at(match.start())
        if allow_kontak and path[:1] == ("kontak",):
            continue
        line, col = locator.line_col(match.start())
        masked = (
            mask_nik(text)
            if rule == "personal-nik"
            else mask_email(text)
            if rule == "personal-email"
            else mask_digits(text)
        )
        yield Finding(rule, path, rule, {"masked": masked}, at=(line, col), private=text)


def personal_nik(ctx: FileContext) -> Iterator[Finding]:
    """
    16 digits that parse as a NIK (region code, birth date with +40 for women, serial), anywhere
    in the file, comments and longer text included. Spreading a NIK without right is punishable
    under UU 24/2013 Pasal 95A. Never matches SK numbers or dates.

    Fails: ``catatan: NIK ketua 3404075203950001``.
    """
    yield from _findings(ctx, "personal-nik", _NIK, allow_kontak=False)


# They read the text, so they run on files that gave no record too; and whatever the selection,
# since what they find is masked everywhere the file is shown.
PERSONAL_NIK = Rule(
    "personal-nik",
    "privacy",
    E,
    personal_nik,
    "file",
    runs_without_record=True,
    finds_personal_data=True,
)


def personal_phone(ctx: FileContext) -> Iterator[Finding]:
    """
    An Indonesian mobile number in any spelling (``0812-3456-7890``, ``+62 812 3456 7890``,
    ``628123456789``) outside the organisation's own ``kontak``. Off under ``privasi: internal``.
    Landlines such as ``(0274) 868405`` are not mobile numbers.

    Fails: ``pengurus: [{jabatan: ketua, nama: X, telepon: "0812-3456-7890"}]``.
    """
    yield from _findings(ctx, "personal-phone", _PHONE, allow_kontak=True)


PRIVASI = Option("privasi", "publik", config="privasi")  # internal: contacts may be recorded

PERSONAL_PHONE = Rule(
    "personal-phone",
    "privacy",
    E,
    personal_phone,
    "file",
    options=(PRIVASI,),
    runs_without_record=True,
    finds_personal_data=True,
    off_when_internal=True,
)


def personal_email(ctx: FileContext) -> Iterator[Finding]:
    """
    A person's e-mail address outside ``kontak``. Addresses of institutions (``.go.id``,
    ``.or.id``, ``.ac.id``, ``.sch.id``, ...) are not personal. Off under ``privasi: internal``.

    Fails: ``pengurus: [{jabatan: ketua, nama: X, email: budi@gmail.com}]``.
    """
    yield from _findings(ctx, "personal-email", _EMAIL, allow_kontak=True)


PERSONAL_EMAIL = Rule(
    "personal-email",
    "privacy",
    E,
    personal_email,
    "file",
    options=(PRIVASI,),
    runs_without_record=True,
    finds_personal_data=True,
    off_when_internal=True,
)
