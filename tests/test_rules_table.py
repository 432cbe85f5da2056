"""The rule table is the one place a rule exists: every rule in it is complete (summary in both
catalogs, docs, group, severity, a pointer to the code that finds it), and every rule id the code
emits is in it, with messages in both catalogs."""

from __future__ import annotations

import ast
import dataclasses
import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import wksbm_cli
from tests.conftest import CONFIG, GOOD_ORG
from tests.test_rules import CASES, run
from wksbm_cli.core.problem import Severity
from wksbm_cli.i18n import LANGS, catalog
from wksbm_cli.model.records import Config
from wksbm_cli.rules.base import GROUPS, SCOPES, Rule
from wksbm_cli.rules.registry import RULES, TABLE, found_by

PACKAGE = Path(wksbm_cli.__file__).parent


def catalog_gaps(rules: Iterable[Rule]) -> list[str]:
    """What the catalogs lack for ``rules``: a one-line ``rule.<id>`` summary in each language."""
    gaps = []
    for rule in rules:
        for lang in LANGS:
            text = catalog(lang).get(f"rule.{rule.id}", "")
            if not text.strip() or "\n" in text:
                gaps.append(f"{lang}: rule.{rule.id}")
    return gaps


def test_every_rule_has_a_summary_in_both_catalogs() -> None:
    assert catalog_gaps(TABLE) == []


def test_a_rule_without_catalog_entries_is_caught() -> None:
    """Before the table test, a rule missing from the catalogs printed ``warning sk-too-old:
    sk-too-old`` and no test failed."""
    rule = Rule("sk-too-old", "completeness", Severity.WARNING, detected_by=("x.y",), doc="d")
    assert catalog_gaps([rule]) == ["id: rule.sk-too-old", "en: rule.sk-too-old"]
    assert rule.summary("en") == "sk-too-old"  # what the user would have seen


def test_no_summary_is_left_outside_the_table() -> None:
    for lang in LANGS:
        stray = {k[5:] for k in catalog(lang) if k.startswith("rule.")} - RULES.keys()
        assert stray == set(), f"{lang}: summaries of rules that do not exist"


@pytest.mark.parametrize("rule", TABLE, ids=lambda r: r.id)
def test_every_rule_is_declared_completely(rule: Rule) -> None:
    assert rule.group in GROUPS
    assert rule.scope in SCOPES
    assert isinstance(rule.severity, Severity)
    assert rule.doc.strip(), "the docstring is the rule's user documentation"
    assert rule.doc == rule.doc.strip() and not rule.doc.startswith(" ")
    assert all(r in RULES and r != rule.id for r in rule.reports)
    assert RULES[rule.id] is rule


def test_the_table_and_the_dict_agree_and_ids_are_unique() -> None:
    assert [r.id for r in TABLE] == list(RULES)
    assert len({r.id for r in TABLE}) == len(TABLE)


def _resolve(dotted: str) -> Any:
    """``package.module.Name.attr`` -> the object, importing the longest module prefix."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            obj = getattr(obj, name)
        return obj
    raise AssertionError(f"{dotted} names nothing")


@pytest.mark.parametrize("rule", TABLE, ids=lambda r: r.id)
def test_detected_by_points_at_real_code(rule: Rule) -> None:
    for name in found_by(rule.id):
        assert callable(_resolve(name)), name


def test_options_state_the_defaults_the_code_uses() -> None:
    defaults = Config()
    for rule in TABLE:
        for option in rule.options:
            if option.config:
                assert getattr(defaults, option.config) == option.default, (rule.id, option)
            else:
                assert _resolve(option.source) == option.default, (rule.id, option)


def test_rules_sharing_a_check_agree_on_how_it_runs() -> None:
    by_check: dict[object, list[Rule]] = {}
    for rule in TABLE:
        if rule.check is not None:
            by_check.setdefault(rule.check, []).append(rule)
    for rules in by_check.values():
        first = rules[0]
        for other in rules[1:]:
            for name in ("scope", "runs_without_record", "finds_personal_data", "doc"):
                assert getattr(other, name) == getattr(first, name), (other.id, name)


# Every rule id and message key the code emits, found in the source: the constructors of
# findings, loader and schema issues, problems, and the walker's and reader's refusals (whose
# message key starts with the rule id).
#: constructor -> (position of the rule id, position of the message key); -1: none
EMITTERS = {
    "Finding": (0, 2),
    "LoadIssue": (0, 3),
    "SchemaIssue": (0, 2),
    "make_problem": (3, 4),
    "Problem": (-1, -1),
    "Entry": (-1, 2),
    "ReadResult": (-1, 1),
}
KEYWORDS = {"rule": "rule", "message_key": "key", "issue": "key"}


def _literals(node: ast.expr | None) -> list[str]:
    """The strings an argument can be: a literal, either side of ``a if c else b``, or the
    fixed start of an f-string (``missing-{role}`` -> ``missing-``, marked by a trailing *)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    if isinstance(node, ast.JoinedStr) and node.values:
        head = node.values[0]
        if isinstance(head, ast.Constant) and isinstance(head.value, str):
            return [head.value + "*"]
    return []


def emitted() -> Iterator[tuple[str, int, str, str]]:
    """(module, line, "rule" or "key", text) for every literal rule id and message key."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if "i18n" in path.parts:
            continue
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else ""
            if name not in EMITTERS:
                continue
            rule_at, key_at = EMITTERS[name]
            found: list[tuple[str, ast.expr | None]] = []
            for what, at in (("rule", rule_at), ("key", key_at)):
                if 0 <= at < len(node.args):
                    found.append((what, node.args[at]))
            found += [(KEYWORDS[k.arg], k.value) for k in node.keywords if k.arg in KEYWORDS]
            for what, arg in found:
                for text in _literals(arg):
                    yield module, node.lineno, what, text


def _rule_of(what: str, text: str) -> str:
    return text if what == "rule" else text.split(".", 1)[0]


def test_the_scan_finds_what_it_should() -> None:
    found = {(m.rsplit(".", 1)[-1], w, t) for m, _, w, t in emitted()}
    assert ("yamldoc", "rule", "yaml-syntax") in found
    assert ("types", "rule", "unknown-field") in found
    assert ("files", "key", "unsafe-path.symlink") in found
    assert ("changed", "rule", "config-relaxed") in found
    assert ("completeness_rules", "rule", "missing-*") in found
    assert ("region_rules", "rule", "region-mismatch") in found


def test_every_rule_id_the_code_emits_is_in_the_table() -> None:
    unknown = []
    for module, line, what, text in emitted():
        rule = _rule_of(what, text)
        if rule.endswith("*"):
            if not any(r.startswith(rule[:-1]) for r in RULES):
                unknown.append(f"{module}:{line}: {text}")
        elif what == "rule" and rule not in RULES:
            unknown.append(f"{module}:{line}: {text}")
    assert unknown == []


def test_the_table_names_the_code_outside_rules_that_finds_each_rule() -> None:
    """A reader goes from the table to the code: a rule found in the loader, the schema or the
    check layer lists that module in ``detected_by``."""
    unnamed = []
    for module, line, what, text in emitted():
        rule = _rule_of(what, text)
        if module.startswith("wksbm_cli.rules.") or rule not in RULES:
            continue
        if not any(name.startswith(module + ".") for name in found_by(rule)):
            unnamed.append(f"{module}:{line}: {rule}")
    assert unnamed == []


def test_every_message_key_the_code_emits_is_in_both_catalogs() -> None:
    """``translate`` falls back to the key's rule id, then to the key itself: a key neither
    catalog knows would be shown as is."""
    missing = []
    for module, line, what, text in emitted():
        if what != "key" or text.endswith("*"):
            continue
        for lang in LANGS:
            messages = catalog(lang)
            if text not in messages and text.split(".", 1)[0] not in messages:
                missing.append(f"{module}:{line}: {lang}: {text}")
    assert missing == []


# Each check reports only the rules that name it (its own id, ``reports``, or the rules sharing
# it): the selection runs a check when one of those is wanted, so a check reporting another
# rule would lose it when only that rule is selected.


def _owners() -> dict[str, set[str]]:
    """Per check (named by the first rule that has it), the rules it may report."""
    owners: dict[str, set[str]] = {}
    first: dict[object, str] = {}
    for rule in TABLE:
        if rule.check is not None:
            name = first.setdefault(rule.check, rule.id)
            owners.setdefault(name, set()).update(rule.reported)
    return owners


@pytest.fixture
def reported(monkeypatch: pytest.MonkeyPatch) -> dict[str, set[str]]:
    """Every check wrapped (once, however many rules share it) to record the rules of its
    findings, keyed by the first rule that has it."""
    seen: dict[str, set[str]] = {}
    wrappers: dict[object, Callable[..., Any]] = {}
    for rule in TABLE:
        if rule.check is None:
            continue
        if rule.check not in wrappers:
            found = seen.setdefault(rule.id, set())

            def wrapped(ctx: Any, original: Any = rule.check, found: set[str] = found) -> Any:
                out = list(original(ctx))
                found.update(f.rule for f in out)
                return out

            wrappers[rule.check] = wrapped
        monkeypatch.setitem(RULES, rule.id, dataclasses.replace(rule, check=wrappers[rule.check]))
    return seen


ORG = "organisasi/depok/wksbm-contoh.yaml"
CONFIG_OF = 'wilayah: {{provinsi: Daerah Istimewa Yogyakarta, kabupaten: {}, kode: "34.04"}}\n'
# Beyond the cases of test_rules: each region check finding both region rules, and the waiver
# check finding a waiver that names no rule.
EXTRA: list[tuple[dict[str, str], str]] = [
    (
        {
            ORG: GOOD_ORG.replace("kalurahan: Condongcatur", "kalurahan: Tirtomartani"),
            ORG.replace("contoh", "lain"): GOOD_ORG.replace("Condongcatur", "Tidakada").replace(
                "id: wksbm-contoh", "id: wksbm-lain"
            ),
        },
        CONFIG_OF.format("Bantul"),
    ),
    ({ORG: GOOD_ORG}, CONFIG_OF.format("Slemen")),
    ({ORG: GOOD_ORG + "pengecualian:\n  - {aturan: no-such-rule, sampai: 2020-01-01}\n"}, CONFIG),
]


def test_each_check_reports_only_the_rules_that_name_it(
    reported: dict[str, set[str]], make_records: Callable[..., Path]
) -> None:
    for _rule, failing, _where, _passing in CASES:
        run(make_records(failing))
    for files, config in EXTRA:
        run(make_records(files, config))
    assert all(reported.values()), "every check finds something in the cases"
    assert (
        reported["region-unknown"]
        == reported["region-mismatch"]
        == {
            "region-unknown",
            "region-mismatch",
        }
    )
    assert reported["waiver-expired"] == {"waiver-expired", "invalid-value"}
    owners = _owners()
    for name, rules in reported.items():
        assert rules <= owners[name], (name, rules - owners[name])


def test_a_malformed_declaration_is_refused_at_import() -> None:
    with pytest.raises(ValueError, match="names what detects it"):
        Rule("x", "file", Severity.ERROR, doc="d")
    with pytest.raises(ValueError, match="have a check"):
        Rule("x", "file", Severity.ERROR, scope="file", doc="d")
    with pytest.raises(ValueError, match="group"):
        Rule("x", "nowhere", Severity.ERROR, detected_by=("a.b",), doc="d")
