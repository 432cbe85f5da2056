"""The yearly report as ``wksbm report`` shows it: the year's figures with how completeness
changed over the year (read from git, or why it could not be), and the printable page's extra
figures, built only when a format asks for them (they read two more commits).

The CLI parses options and calls :func:`year_report`; every format draws the same
:class:`Report`, so a figure is computed in one place whatever the format.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from wksbm_cli.check.baseline import relative_file
from wksbm_cli.check.results import CheckResult
from wksbm_cli.figures.history import year_history
from wksbm_cli.figures.yearly import YearReport, yearly
from wksbm_cli.figures.yearly_extra import YearExtra, year_extra
from wksbm_cli.model.records import Record


@dataclass
class Report:
    figures: YearReport
    result: CheckResult
    today: dt.date

    @functools.cached_property
    def page(self) -> YearExtra:
        """What the printable page (HTML, PDF) adds: computed on first use."""
        return year_extra(self.result, self.figures, self.today, current_records(self.result))


def current_records(result: CheckResult) -> dict[str, Record]:
    """The records read from the work tree, by path inside the records folder, so that reading
    a past commit does not parse again the files git knows unchanged."""
    records: list[Record] = [*result.organisations, *result.events]
    return {relative_file(result.shown_root, r.file): r for r in records}


def year_report(result: CheckResult, year: int, today: dt.date) -> Report:
    figures = yearly(result, year)
    history = year_history(
        result.root, result.config, year, current_records(result), result.shown_root
    )
    figures.history = history
    figures.change = history.change
    figures.change_note = history.note
    return Report(figures, result, today)
