"""The table of every rule, id -> :class:`~wksbm_cli.rules.base.Rule`, listed here one by one.

Nothing registers itself: a rule exists when it is in ``TABLE``. Each entry is declared in the
module that finds it (or, for the rules the loader and the schema find, in the module that
documents them, whose ``detected_by`` names the code). Its summary is ``rule.<id>`` in both
message catalogs. The order is the order the checks run in.

Adding a rule: declare it next to its check, add it to ``TABLE``, add ``rule.<id>`` and its
messages to ``i18n/en.py`` and ``i18n/id.py``, give it a case in ``tests/test_rules.py``, then
regenerate what is made from the table: ``python -m wksbm_cli.cli.generated --write``
(``docs/rules.md``, and the JSON Schemas, whose ``aturan:`` lists the rule ids) and
``WKSBM_UPDATE_GOLDEN=1 pytest tests/test_terminal_golden.py tests/test_format_golden.py`` (the
``wksbm rules`` tables and the SARIF rule list). CONTRIBUTING.md has the recipe.
"""

from __future__ import annotations

from collections.abc import Collection

from wksbm_cli.rules import (
    completeness_rules,
    file_rules,
    policy_rules,
    privacy,
    record_rules,
    region_rules,
    schema_rules,
    waivers,
    yaml_rules,
)
from wksbm_cli.rules.base import GROUPS, SCHEMA_CHECK, Rule

TABLE: tuple[Rule, ...] = (
    # completeness
    *completeness_rules.MISSING_JABATAN,  # missing-<jabatan>: one per position of the schema
    completeness_rules.MULTIPLE_KETUA,
    completeness_rules.SK_MISSING,
    completeness_rules.SK_EXPIRED,
    completeness_rules.NO_UNSUR,
    completeness_rules.NEVER_TRAINED,
    # files, found by the walker and the reader
    file_rules.UNEXPECTED_FILE,
    file_rules.UNSAFE_PATH,
    file_rules.FILE_TOO_LARGE,
    file_rules.ENCODING,
    # the policy a change is judged by, found by check.changed
    policy_rules.CONFIG_RELAXED,
    # personal data
    privacy.PERSONAL_NIK,
    privacy.PERSONAL_PHONE,
    privacy.PERSONAL_EMAIL,
    # records
    record_rules.ID_MISMATCH,
    record_rules.DATE_ORDER,
    record_rules.DUPLICATE_ID,
    record_rules.UNKNOWN_REFERENCE,
    region_rules.REGION_UNKNOWN,
    region_rules.REGION_MISMATCH,
    # the schema, found by model.types
    schema_rules.UNKNOWN_FIELD,
    schema_rules.MISSING_FIELD,
    schema_rules.WRONG_TYPE,
    schema_rules.INVALID_VALUE,
    waivers.WAIVER_EXPIRED,
    # YAML, found by the located loader
    yaml_rules.YAML_SYNTAX,
    yaml_rules.DUPLICATE_KEY,
    yaml_rules.YAML_ALIAS,
    yaml_rules.YAML_TAG,
    yaml_rules.NOT_A_MAPPING,
)


def _by_id(table: tuple[Rule, ...]) -> dict[str, Rule]:
    out: dict[str, Rule] = {}
    for rule in table:
        if rule.id in out:
            raise ValueError(f"rule {rule.id} is in the table twice")
        out[rule.id] = rule
    return out


RULES: dict[str, Rule] = _by_id(TABLE)

GROUP_ORDER = GROUPS

Selection = Collection[str] | None
"""The rule ids whose findings can be reported in a run; None: every rule."""


def _runs(rule: Rule, wanted: Selection) -> bool:
    return wanted is None or rule.finds_personal_data or any(r in wanted for r in rule.reported)


def _checks(scope: str, wanted: Selection) -> list[Rule]:
    """The rules whose checks run, in table order, each check once (rules may share one): a
    check runs when a rule it reports is wanted, or when it finds personal data, which must be
    masked whatever is reported."""
    seen: dict[object, Rule] = {}
    for rule in RULES.values():
        if rule.scope == scope and rule.check not in seen and _runs(rule, wanted):
            seen[rule.check] = rule
    return list(seen.values())


def file_checks(wanted: Selection = None) -> list[Rule]:
    return _checks("file", wanted)


def folder_checks(wanted: Selection = None) -> list[Rule]:
    return _checks("folder", wanted)


def found_by(rule_id: str) -> tuple[str, ...]:
    """Where a rule is found, as ``module.function`` names: its own check or ``detected_by``,
    then the checks of other rules that report it too."""
    own = RULES[rule_id].found_by
    others = tuple(
        name
        for rule in RULES.values()
        if rule_id in rule.reports
        for name in rule.found_by
        if name not in own
    )
    return own + others


def runs_schema(wanted: Selection = None) -> bool:
    """Whether the schema check can report anything the run wants."""
    return wanted is None or any(
        r in RULES and SCHEMA_CHECK in RULES[r].detected_by for r in wanted
    )
