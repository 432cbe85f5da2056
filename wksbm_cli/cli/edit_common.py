"""What the editing commands (``pengurus``, ``sk``, ``status``, ``peserta``) share: the effective
date, tidy option text, and the way a finished edit is shown (``render/figures/edit_out.py``:
what changed and the completeness score before -> after; ``--dry-run`` adds the unified diff and
writes nothing; ``--format json`` gives scripts the same facts).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from wksbm_cli.cli.options import as_of_option

if TYPE_CHECKING:
    from wksbm_cli.authoring.edit.session import EditReport
    from wksbm_cli.cli.common import Folder

AS_OF = as_of_option(
    "The day the change takes effect, and the day the record is judged on (default: today).",
    "--tanggal",
)


def day(option: str, value: str | None, default: dt.date) -> dt.date:
    from wksbm_cli.core.dates import parse_date

    return default if value is None else parse_date(option, value.strip())


def effective(value: str | None) -> dt.date:
    return day("--as-of", value, dt.date.today())


def text_value(value: str | None) -> str | None:
    """An option's text, whitespace tidied; empty counts as not given."""
    if value is None:
        return None
    tidy = " ".join(value.split())
    return tidy or None


def show(report: EditReport, fmt: str, folder: Folder) -> None:
    from wksbm_cli.cli.output import context, emit

    emit("edit", fmt, report, context(folder))
