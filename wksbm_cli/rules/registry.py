"""The table of every rule, in one place: importing this module registers them all."""

from __future__ import annotations

from wksbm_cli.rules import (  # noqa: F401  (imported for their registrations)
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
from wksbm_cli.rules.base import REGISTRY, RuleInfo

RULES: dict[str, RuleInfo] = REGISTRY.rules

GROUP_ORDER = ("file", "yaml", "schema", "records", "completeness", "privacy")


def file_checks() -> list[RuleInfo]:
    return [r for r in RULES.values() if r.scope == "file"]


def folder_checks() -> list[RuleInfo]:
    return [r for r in RULES.values() if r.scope == "folder"]
