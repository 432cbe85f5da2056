"""Options that name a day or a year, parsed in one place so every command spells them alike."""

from __future__ import annotations

import datetime as dt

from wksbm_cli.errors import WksbmError


def parse_day(value: str | None) -> dt.date:
    """``--as-of YYYY-MM-DD``; today when absent. A bad date is a bad option (exit 2)."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise WksbmError(
            f"--as-of harus tanggal YYYY-MM-DD, bukan {value!r}",
            f"--as-of must be a date YYYY-MM-DD, not {value!r}",
        ) from None


def parse_year(value: str | None) -> int:
    if value is None:
        raise WksbmError(
            "sebutkan tahunnya: --tahun YYYY (atau --year)",
            "give the year: --year YYYY (or --tahun)",
        )
    text = value.strip()
    if not (text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2999):
        raise WksbmError(
            f"--tahun harus berupa tahun seperti 2025, bukan {value!r}",
            f"--year must be a year such as 2025, not {value!r}",
        )
    return int(text)
