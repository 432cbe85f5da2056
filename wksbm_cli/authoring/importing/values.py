"""Cells turned into record values: dates, counts, officers' names, SK text.

Dates arrive as real dates (a formatted cell), as Excel serial numbers (a cell someone
re-formatted as a number, or a CSV), as ISO text, as ``17/06/2025`` (day first, as Indonesia
writes it) or as ``17 Juni 2025``. A value that cannot be read is an error for its row, never
a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from wksbm_cli.authoring.importing.readers import Cell

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01, Lotus's leap-year bug included
SERIAL_RANGE = (1, 2958465)  # up to 9999-12-31

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("januari", "january", "jan"),
        ("februari", "pebruari", "february", "feb", "peb"),
        ("maret", "march", "mar"),
        ("april", "apr"),
        ("mei", "may"),
        ("juni", "june", "jun"),
        ("juli", "july", "jul"),
        ("agustus", "august", "agu", "ags", "agt", "aug"),
        ("september", "sept", "sep"),
        ("oktober", "october", "okt", "oct"),
        ("november", "nopember", "nov", "nop"),
        ("desember", "december", "des", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

_WORDS = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class BadValue(ValueError):
    """A cell that cannot become the value its column asks for; ``kind`` names what was
    expected (a catalog word)."""

    def __init__(self, written: str, kind: str) -> None:
        super().__init__(written)
        self.written = written
        self.kind = kind


def blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and cell.strip() in ("", "-", "–", "—"))


def text(cell: Cell) -> str | None:
    """Text with whitespace tidied; a whole number read as ``25.0`` written back as ``25``."""
    if blank(cell):
        return None
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return " ".join(str(cell).split()) or None


def serial_date(number: float) -> dt.date:
    return EXCEL_EPOCH + dt.timedelta(days=int(number))


def parse_date(cell: Cell) -> dt.date | None:
    if blank(cell):
        return None
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if SERIAL_RANGE[0] <= cell <= SERIAL_RANGE[1]:
            return serial_date(cell)
        raise BadValue(str(cell), "date")
    written = text(cell) or ""
    try:
        return _date_text(written)
    except ValueError:
        raise BadValue(written, "date") from None


def _date_text(written: str) -> dt.date:
    if written.isdigit() and 20000 <= int(written) <= 80000:  # a serial number saved as text
        return serial_date(int(written))
    if m := _ISO.fullmatch(written):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.fullmatch(written):
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    if m := _WORDS.fullmatch(written):
        month = MONTHS.get(m[2].casefold())
        if month is None:
            raise ValueError(written)
        return dt.date(int(m[3]), month, int(m[1]))
    raise ValueError(written)


def find_date(written: str) -> dt.date | None:
    """The first date inside free text (``... tanggal 17 Juni 2025``), if any."""
    for pattern in (_WORDS, _DMY, _ISO):
        for m in pattern.finditer(written):
            try:
                return _date_text(m[0])
            except ValueError:
                continue
    return None


def parse_count(cell: Cell) -> int | None:
    """``25``, ``25.0``, ``"25 orang"`` -> 25."""
    if blank(cell):
        return None
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if float(cell).is_integer() and cell >= 0:
            return int(cell)
        raise BadValue(str(cell), "integer")
    m = re.fullmatch(r"(\d+)\s*(?:orang|org|anggota|kk)?\.?", text(cell) or "", re.IGNORECASE)
    if m is None:
        raise BadValue(text(cell) or "", "integer")
    return int(m[1])


def person_name(cell: Cell) -> str | None:
    """An officer's name; placeholders such as ``-``, ``belum ada`` or ``kosong`` are none."""
    name = text(cell)
    if name is None or name.casefold() in ("belum ada", "kosong", "tidak ada", "n/a", "na"):
        return None
    return name


def phone_text(cell: Cell) -> str | None:
    """A phone number as text; one read as a number (leading 0 lost) gets it back."""
    if blank(cell):
        return None
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        digits = str(int(cell))
        return "0" + digits if digits.startswith("8") else digits
    return text(cell)


@dataclass(frozen=True)
class Legalitas:
    nomor: str | None
    tanggal: dt.date | None
    penerbit: str | None


_SK = re.compile(
    r"^(?:SK|Surat\s+Keputusan|Keputusan)\s*(?P<penerbit>.*?)\s*"
    r"(?:No\.?|Nomor|Nmr\.?)\s*:?\s*(?P<nomor>[^\s,;]+)"
    r"(?:[\s,;]+(?:tanggal|tgl\.?|tertanggal)?\s*:?\s*(?P<tanggal>.+))?$",
    re.IGNORECASE,
)
_NONE = {"belum", "belum ada", "tidak ada", "proses", "dalam proses", "tidak"}


def parse_legalitas(written: str) -> Legalitas | None:
    """``SK Lurah Sardonoharjo No. 12/KEP/2024 tanggal 17 Juni 2024`` -> nomor, tanggal,
    penerbit. None when the text does not read as an SK."""
    tidy = " ".join(written.split())
    if tidy.casefold() in _NONE:
        return None
    m = _SK.match(tidy)
    if m is None:
        return None
    day = find_date(m["tanggal"]) if m["tanggal"] else None
    if m["tanggal"] and day is None:
        return None
    penerbit = m["penerbit"].strip(" ,:") or None
    return Legalitas(m["nomor"].rstrip("."), day, penerbit)
