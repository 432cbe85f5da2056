"""One Problem type for every finding, from a file that cannot be opened to a missing sekretaris.

A problem keeps its message as a catalog key plus arguments rather than as text, so that the same
result can be rendered in Indonesian or English, and so that tests can assert both languages.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import IntEnum
from typing import Any

from wksbm_cli.i18n import translate


class Severity(IntEnum):
    """Ordered so that ``max()`` gives the worst severity and filters compare naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


# The severities as written in wksbm.yaml (``aturan``), worst first, and ``off``.
SEVERITY_WORDS = (*(s.label for s in sorted(Severity, reverse=True)), "off")


@dataclass(frozen=True, slots=True)
class Problem:
    """A located finding. ``line`` and ``column`` are 1-based and point at the key or item."""

    file: str
    line: int
    column: int
    rule: str
    severity: Severity
    message_key: str
    args: tuple[tuple[str, Any], ...] = ()
    record: str | None = None
    path: str | None = None
    waived: bool = False
    extra: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    source: str = field(default="", compare=False)  # the text of the line, for display
    # Where the caret goes in ``source`` (1-based; 0: at ``column``): masking personal data
    # earlier on the line can shorten it.
    caret: int = field(default=0, compare=False)

    def message(self, lang: str) -> str:

        return translate(self.message_key, lang, dict(self.args))

    def with_severity(self, severity: Severity) -> Problem:
        return replace(self, severity=severity)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.rule)


def make_args(**kwargs: Any) -> tuple[tuple[str, Any], ...]:
    """Problems are hashable values; their arguments are kept as a sorted tuple of pairs."""
    return tuple(sorted(kwargs.items()))
