"""What a check returns, shared by the engine, its worker pool and the cache: options in, one
``FileResult`` per file and one ``CheckResult`` per folder out."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wksbm_cli.core.problem import Problem
from wksbm_cli.model.facts import Facts
from wksbm_cli.model.records import (
    Config,
    Event,
    Organisation,
    Record,
)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Options:
    """How to judge: rule selection, the day to judge as of, and which paths to report on."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    as_of: dt.date | None = None
    paths: tuple[str, ...] = ()  # relative to the records root, "/" separated; () = all
    use_cache: bool = False  # per-file results kept in .wksbm_cache/ (the CLI turns it on)
    # Whole records for the commands that print them; validate needs only facts and problems.
    records: bool = True
    # Called with (files done, files in all) as files are checked: the CLI draws a progress bar
    # from it on a terminal; the library itself never prints.
    progress: Progress | None = field(default=None, compare=False)


@dataclass(slots=True)
class FileResult:
    """One file's verdict. ``facts`` is all the folder step needs of its record; ``record``
    (the whole record) is kept only when the caller asked for records."""

    rel: str
    kind: str | None
    problems: list[Problem]
    facts: Facts | None = None
    record: Record | None = None
    digest: str = ""  # blake2b of the file's bytes, for the cache ("" when it was not read)


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass
class CheckResult:
    root: str
    shown_root: str
    config: Config
    files: int
    problems: list[Problem]
    organisations: list[Organisation]
    events: list[Event]
    unreadable: dict[str, str]  # display path -> the rule that kept the record out
    #: One-line notes about the run itself (message id, arguments), e.g. why the cache is off.
    notices: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for p in self.problems:
            if not p.waived:
                out[p.severity.label] += 1
        return out

    @property
    def waived(self) -> int:
        return sum(1 for p in self.problems if p.waived)


def shown_path(shown_root: str, rel: str) -> str:
    return rel if shown_root in ("", ".") else f"{shown_root}/{rel}"
