"""What a rule is: one :class:`Rule` declaration in the module that finds it, listed in the table
of :mod:`wksbm_cli.rules.registry`.

A rule states its id, group, default severity, tunables (:class:`Option`), its user docs (the
docstring of its check, or ``doc``; ``docs/rules.md`` is generated from them) and how it is
found. Rules come in three scopes. ``file`` rules look at one record (its typed form, its
located document and its text); ``folder`` rules look across all records' compact facts
(duplicate ids, references, who was never trained); ``declared`` rules are found by the loader,
the schema check or the change check, which ``detected_by`` names, so that a reader can go from
the table to the code. Its one-line summary lives in the message catalogs as ``rule.<id>``.

The attributes below the check say how the check layer treats the rule, so that it names no
rule itself: adding a rule never means editing ``check/``.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wksbm_cli.core.problem import Severity
from wksbm_cli.i18n import catalog
from wksbm_cli.load.yamldoc import Path

if TYPE_CHECKING:
    from wksbm_cli.load.yamldoc import Document
    from wksbm_cli.model.facts import Facts
    from wksbm_cli.model.records import Config, Record

GROUPS = ("file", "yaml", "schema", "records", "completeness", "privacy")
SCOPES = ("file", "folder", "declared")

#: The located YAML loader, which finds the YAML rules in the pass that reads a file.
LOADER = "wksbm_cli.load.yamldoc.load_document"
#: The schema check the check layer runs on every record; it is skipped when no selected rule
#: names it in ``detected_by``.
SCHEMA_CHECK = "wksbm_cli.model.types.Struct.check"


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
    rule_ids: Collection[str]  # every rule of the table, for the rules a record names


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


@dataclass(frozen=True, slots=True)
class Option:
    """A tunable of a rule and its default. ``config`` names the ``wksbm.yaml`` key that sets it;
    an option without one is a constant of the code, named by ``source`` (``module.NAME``)."""

    name: str
    default: Any
    config: str = ""
    source: str = ""


@dataclass(frozen=True)
class Rule:
    """One rule, declared once in the module that finds it."""

    id: str
    group: str  # one of GROUPS
    severity: Severity  # the default; wksbm.yaml's ``aturan:`` changes it per folder
    check: Callable[..., Iterable[Finding]] | None = None  # a FileCheck or a FolderCheck
    scope: str = "declared"  # one of SCOPES: what ``check`` is given
    detected_by: tuple[str, ...] = ()  # where a declared rule is found: ``module.function``
    doc: str = ""  # the user docs; empty: the check's docstring
    options: tuple[Option, ...] = ()
    # Other rules the check reports besides ``id``: it runs when any of them is selected.
    reports: tuple[str, ...] = ()
    # The check also runs on a file that gave no record (it reads the text).
    runs_without_record: bool = False
    # Its findings carry personal data in clear, which is masked wherever the file is shown:
    # the check runs whatever the selection, and on past snapshots too.
    finds_personal_data: bool = False
    # Not run under ``privasi: internal`` (a repository that may hold contact details).
    off_when_internal: bool = False
    # A waiver (``pengecualian``) may accept its problems.
    waivable: bool = True
    # Reads the official region list; when no selected rule does, records keep their region
    # names as written instead of being made canonical against the list.
    needs_regions: bool = False
    # About something the record lacks: its path only says where to point, so a baseline keys
    # it by record and rule alone.
    pointer_only: bool = False
    # ``missing-<jabatan>``: the position whose absence it reports; its level follows the role
    # lists of wksbm.yaml (``jabatan_wajib``: error, ``jabatan_disarankan``: warning).
    jabatan: str = ""
    # Rules documented together under one heading (``missing-<jabatan>``).
    family: str = ""

    def __post_init__(self) -> None:
        if self.group not in GROUPS or self.scope not in SCOPES:
            raise ValueError(f"rule {self.id}: group {self.group!r}, scope {self.scope!r}")
        if (self.check is None) != (self.scope == "declared"):
            raise ValueError(f"rule {self.id}: file and folder rules have a check, others none")
        if self.scope == "declared" and not self.detected_by:
            raise ValueError(f"rule {self.id}: a declared rule names what detects it")
        text = self.doc or (self.check.__doc__ if self.check is not None else "") or ""
        object.__setattr__(self, "doc", inspect.cleandoc(text))

    def summary(self, lang: str) -> str:
        """The one-line title, from the message catalog of ``lang`` (``rule.<id>``)."""
        return catalog(lang).get(f"rule.{self.id}", self.id)

    @property
    def found_by(self) -> tuple[str, ...]:
        """Where the rule is found, as ``module.function`` names."""
        if self.check is None:
            return self.detected_by
        name = getattr(self.check, "__qualname__", "")
        return (f"{self.check.__module__}.{name}", *self.detected_by)

    @property
    def reported(self) -> tuple[str, ...]:
        """Every rule id its check may report."""
        return (self.id, *self.reports)
