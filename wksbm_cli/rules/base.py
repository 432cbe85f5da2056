"""What a rule is: an id, a group, a default severity, a two-language summary, and its docstring.

Rules come in three scopes. ``declared`` rules are found by the loader or the schema checker (a
rule still needs an entry here, so that severities, docs and SARIF know it); ``file`` rules look
at one record (its typed form, its located document and its text); ``folder`` rules look across
all records' compact facts (duplicate ids, references, who was never trained).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wksbm_cli.core.problem import Severity
from wksbm_cli.load.yamldoc import Path

if TYPE_CHECKING:
    from wksbm_cli.load.yamldoc import Document
    from wksbm_cli.model.facts import Facts
    from wksbm_cli.model.records import Config, Record


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's raw result. The engine locates it, names the file and applies severities."""

    rule: str
    path: Path
    message_key: str
    args: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity | None = None  # None: the rule's default
    file: str | None = None  # folder rules name the file; file rules don't need to
    at: tuple[int, int] | None = None  # an exact line/column when the path is not precise enough
    private: str | None = None  # personal data found (clear text): masked wherever it is shown


@dataclass(frozen=True, slots=True)
class FileContext:
    """Everything a file rule may look at. ``text`` is the decoded file, comments included."""

    rel: str
    kind: str
    stem: str
    text: str
    doc: Document
    record: Record | None
    config: Config
    today: dt.date


@dataclass(frozen=True, slots=True)
class FolderContext:
    """The folder's records as compact facts (never whole records: see ``model.facts``)."""

    organisations: list[Facts]
    events: list[Facts]
    config: Config
    today: dt.date
    root: str = ""  # the records folder, for rules that read wksbm.yaml itself
    shown_root: str = ""


FileCheck = Callable[[FileContext], Iterable[Finding]]
FolderCheck = Callable[[FolderContext], Iterable[Finding]]


@dataclass(frozen=True)
class RuleInfo:
    id: str
    group: str
    severity: Severity
    summary_id: str
    summary_en: str
    doc: str
    scope: str = "declared"  # declared | file | folder
    check: Callable[..., Iterable[Finding]] | None = None

    def summary(self, lang: str) -> str:
        return self.summary_id if lang == "id" else self.summary_en


class Registry:
    """The single table of rules; ``RULES`` in :mod:`wksbm_cli.rules.registry` is its view."""

    def __init__(self) -> None:
        self.rules: dict[str, RuleInfo] = {}

    def add(self, info: RuleInfo) -> None:
        if info.id in self.rules:
            raise ValueError(f"rule {info.id} registered twice")
        self.rules[info.id] = info

    def declare(
        self,
        rule_id: str,
        group: str,
        severity: Severity,
        summary_id: str,
        summary_en: str,
        doc: str,
    ) -> None:
        self.add(RuleInfo(rule_id, group, severity, summary_id, summary_en, _dedent(doc)))

    def file_rule(
        self, rule_id: str, group: str, severity: Severity, summary_id: str, summary_en: str
    ) -> Callable[[FileCheck], FileCheck]:
        def wrap(fn: FileCheck) -> FileCheck:
            self.add(
                RuleInfo(
                    rule_id,
                    group,
                    severity,
                    summary_id,
                    summary_en,
                    _dedent(fn.__doc__ or ""),
                    "file",
                    fn,
                )
            )
            return fn

        return wrap

    def folder_rule(
        self, rule_id: str, group: str, severity: Severity, summary_id: str, summary_en: str
    ) -> Callable[[FolderCheck], FolderCheck]:
        def wrap(fn: FolderCheck) -> FolderCheck:
            self.add(
                RuleInfo(
                    rule_id,
                    group,
                    severity,
                    summary_id,
                    summary_en,
                    _dedent(fn.__doc__ or ""),
                    "folder",
                    fn,
                )
            )
            return fn

        return wrap


def _dedent(text: str) -> str:
    import inspect

    return inspect.cleandoc(text)


REGISTRY = Registry()
