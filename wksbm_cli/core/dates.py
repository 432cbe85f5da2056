"""Options that name a day or a year, parsed in one place so every command spells them alike."""

from __future__ import annotations

import datetime as dt
import re

from wksbm_cli.errors import WksbmError

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(option: str, value: str) -> dt.date:
    """The one parser of a day the user gives (``--as-of``, ``--tanggal``): exactly
    ``YYYY-MM-DD`` and a real day. Anything else is a bad option (exit 2) naming the option and
    the value. ``date.fromisoformat`` alone would take ``20260101`` and ``2026-W01-1`` too."""
    if _DAY.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise WksbmError("date.not-a-day", option=option, value=value) from None
    raise WksbmError("date.not-a-date", option=option, value=value)


def parse_as_of(value: str | None) -> dt.date | None:
    """``--as-of``; None when absent (the library then judges as of today)."""
    return None if value is None else parse_date("--as-of", value)


def parse_day(value: str | None) -> dt.date:
    """``--as-of``; today when absent."""
    return dt.date.today() if value is None else parse_date("--as-of", value)


def parse_year(value: str | None) -> int:
    if value is None:
        raise WksbmError("year.missing")
    text = value.strip()
    if not (text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2999):
        raise WksbmError("rep.bad-year", value=repr(value))
    return int(text)
