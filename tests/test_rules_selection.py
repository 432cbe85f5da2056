"""A rule that cannot be reported is not run: ``--select``/``--ignore`` and ``aturan: {rule: off}``
reach the per-file checks (in every worker) and the folder checks, the schema check is skipped
when none of its rules is wanted, and the cache keeps results of one selection from another.
Rules whose findings feed masking still run, and what is reported never changes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CONFIG, GOOD_EVENT, GOOD_ORG
from tests.test_rules import CASES
from wksbm_cli.check import file_check, parallel
from wksbm_cli.check.cache import Cache
from wksbm_cli.check.engine import check_folder, rule_filter, wanted_rules
from wksbm_cli.check.policy import load_config
from wksbm_cli.check.results import CheckResult, Options
from wksbm_cli.model.records import Config
from wksbm_cli.model.types import Struct
from wksbm_cli.rules.registry import RULES, TABLE

DAY = dt.date(2026, 1, 1)
ORG = "organisasi/depok/wksbm-contoh.yaml"
# Every file check and folder check has something to look at: records, an event, a broken file.
FILES = {
    ORG: GOOD_ORG.replace("  - {jabatan: sekretaris, nama: Contoh Sekretaris}\n", ""),
    "organisasi/depok/wksbm-lain.yaml": GOOD_ORG.replace("id: wksbm-contoh", "id: wksbm-x"),
    "kegiatan/2025/2025-06-17-pelatihan.yaml": GOOD_EVENT,
    "organisasi/depok/rusak.yaml": "- daftar\n",
}


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Calls of every rule check (keyed by the first rule that has it) and of the records'
    schema check."""
    counted: Counter[str] = Counter()
    wrappers: dict[object, Callable[..., Any]] = {}
    for rule in TABLE:
        if rule.check is None:
            continue
        if rule.check not in wrappers:

            def wrapped(ctx: Any, original: Any = rule.check, name: str = rule.id) -> Any:
                counted[name] += 1
                return original(ctx)

            wrappers[rule.check] = wrapped
        monkeypatch.setitem(RULES, rule.id, dataclasses.replace(rule, check=wrappers[rule.check]))

    class Counting:
        def __init__(self, schema: Struct) -> None:
            self.schema = schema

        def check(self, *args: Any) -> Any:
            counted["schema"] += 1
            return self.schema.check(*args)

    for name in ("ORGANISASI", "KEGIATAN"):
        monkeypatch.setattr(file_check, name, Counting(getattr(file_check, name)))
    return counted


def _check(root: Path, config: str | None = None, **options: Any) -> CheckResult:
    loaded = load_config(str(root), "records")
    return check_folder(str(root), "records", loaded, Options(as_of=DAY, **options))


def test_unselected_rules_are_not_run(
    make_records: Callable[..., Path], calls: Counter[str]
) -> None:
    root = make_records(FILES)
    _check(root)
    everything = dict(calls)
    firsts: dict[object, str] = {}
    for rule in TABLE:
        if rule.check is not None:
            firsts.setdefault(rule.check, rule.id)  # missing-<jabatan> share one check
    assert set(everything) == {*firsts.values(), "schema"}
    calls.clear()
    result = _check(root, select=("id-mismatch",))
    assert {p.rule for p in result.problems} == {"id-mismatch"}
    # id-mismatch's check, and the personal-data checks, whose findings are masked everywhere
    assert set(calls) == {"id-mismatch", "personal-nik", "personal-phone", "personal-email"}
    assert calls["id-mismatch"] == everything["id-mismatch"]


def test_ignored_groups_and_globs_are_not_run(
    make_records: Callable[..., Path], calls: Counter[str]
) -> None:
    root = make_records(FILES)
    _check(root, ignore=("completeness", "region-*", "schema"))
    assert calls["schema"]  # duplicate-key is still wanted: the schema finds synonyms twice
    calls.clear()
    _check(root, ignore=("completeness", "region-*", "schema", "duplicate-key"))
    assert "missing-pelindung" not in calls and "never-trained" not in calls
    assert "region-unknown" not in calls and "region-mismatch" not in calls
    assert "schema" not in calls
    assert calls["id-mismatch"] and calls["duplicate-id"] and calls["personal-nik"]


def test_rules_turned_off_in_aturan_are_not_run(
    make_records: Callable[..., Path], calls: Counter[str]
) -> None:
    aturan = "aturan:\n  date-order: off\n  unknown-reference: off\n  sk-missing: off\n"
    root = make_records(FILES, CONFIG + aturan)
    _check(root)
    assert "date-order" not in calls and "unknown-reference" not in calls
    assert "sk-missing" not in calls
    assert calls["id-mismatch"] and calls["duplicate-id"] and calls["schema"]


def test_a_check_runs_for_every_rule_it_reports(
    make_records: Callable[..., Path], calls: Counter[str]
) -> None:
    """The waiver check also finds waivers naming no rule (invalid-value); the region checks
    report each other's rule; the schema also finds synonyms given twice (duplicate-key)."""
    root = make_records(FILES)
    _check(root, select=("invalid-value",))
    assert calls["waiver-expired"] and calls["schema"]
    calls.clear()
    _check(root, select=("region-mismatch",))
    assert calls["region-unknown"] and calls["region-mismatch"]
    calls.clear()
    _check(root, select=("duplicate-key",))
    assert calls["schema"] and not calls["waiver-expired"]
    calls.clear()
    _check(root, select=("missing-sekretaris",))
    assert set(calls) == {"missing-pelindung", "personal-nik", "personal-phone", "personal-email"}


def test_workers_get_the_selection(
    make_records: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the pool (forked workers), a deselected rule's check is not run either: here it
    would fail the run."""
    files = {f"organisasi/k/wksbm-n{i}.yaml": GOOD_ORG.replace("contoh", f"n{i}") for i in range(9)}
    root = make_records(files)

    def boom(ctx: Any) -> Iterator[Any]:
        raise KeyError("must not run")

    monkeypatch.setitem(RULES, "date-order", dataclasses.replace(RULES["date-order"], check=boom))
    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    monkeypatch.setattr(parallel, "MIN_CHUNK", 2)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    result = _check(root, ignore=("date-order",))
    assert result.files == 9


def test_personal_data_is_masked_when_privacy_rules_are_not_reported(
    make_records: Callable[..., Path],
) -> None:
    nik = "3404075203950001"
    root = make_records({ORG: GOOD_ORG + f"nik_ketua: {nik}\n"})
    result = _check(root, ignore=("privacy",))
    [unknown] = [p for p in result.problems if p.rule == "unknown-field"]
    assert nik not in unknown.source and "3404*" in unknown.source


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_a_selection_reports_exactly_what_it_filtered_before(
    case: Any, make_records: Callable[..., Path]
) -> None:
    rule, failing, _where, _passing = case
    root = make_records(failing)
    full = _check(root).problems
    for select in ((rule,), (RULES[rule].group,)):
        allowed = rule_filter(select, ())
        assert _check(root, select=select).problems == [p for p in full if p.rule in allowed]
    ignored = _check(root, ignore=(rule,)).problems
    assert ignored == [p for p in full if p.rule != rule]


def test_the_selection_is_part_of_the_cache_key(
    make_records: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "usercache"))
    monkeypatch.delenv("WKSBM_NO_CACHE", raising=False)
    root = make_records(FILES)
    first = _check(root, use_cache=True, select=("id-mismatch",))
    assert {p.rule for p in first.problems} == {"id-mismatch"}
    # The same files under every rule: not served the results made without the others.
    full = _check(root, use_cache=True)
    assert {"missing-sekretaris", "not-a-mapping", "id-mismatch"} <= {p.rule for p in full.problems}
    assert _check(root, use_cache=True).problems == full.problems == _check(root).problems

    def key(wanted: Any) -> str:
        cache = Cache.open(str(root), "records", Config(), DAY, wanted)
        assert isinstance(cache, Cache)
        return cache.key

    assert key(None) != key(frozenset({"id-mismatch"})) != key(frozenset({"date-order"}))
    assert key(frozenset({"id-mismatch"})) == key(["id-mismatch"])


def test_every_rule_selected_is_one_selection() -> None:
    """However it is spelt, a run of every rule has one cache key (None)."""
    assert wanted_rules(rule_filter((), ()), Config()) is None
    assert wanted_rules(rule_filter(("*",), ()), Config()) is None
    off = Config(aturan=(("date-order", "off"),))
    assert wanted_rules(rule_filter((), ()), off) == frozenset(RULES) - {"date-order"}
