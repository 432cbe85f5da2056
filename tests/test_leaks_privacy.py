"""Personal data the privacy rules find never comes out of wksbm in clear, in any output.

A message masks the number (``3404************``); the source line under it, the line under
another rule's message, message arguments, paths, record values, baselines and the cache must
mask it the same way. Only an export of a ``privasi: internal`` folder hands out phone numbers
and e-mail addresses, on purpose; a NIK never comes out.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFIG, GOOD_EVENT, GOOD_ORG
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from wksbm_cli.cli import app
from wksbm_cli.rules.privacy import PROVINCES, is_nik

ORG = "organisasi/wksbm-contoh.yaml"
EVENT = "kegiatan/2025/2025-06-17-pelatihan.yaml"
INTERNAL = CONFIG.replace("privasi: publik", "privasi: internal")

NIK = "3404071203850002"  # a man born 12-03-1985, Depok (Sleman)
PHONE = "0812-3456-7890"
EMAIL = "budi.santoso85@gmail.com"

# Every command and format that shows record data or problems (export is checked separately).
COMMANDS: list[tuple[str, ...]] = [
    ("validate",),
    ("validate", "-f", "json"),
    ("validate", "-f", "github"),
    ("validate", "-f", "sarif"),
    ("validate", "--no-cache"),
    ("show", "wksbm-contoh"),
    ("show", "wksbm-contoh", "-f", "json"),
    ("show", "2025-06-17-pelatihan"),
    ("list", "organisasi"),
    ("list", "organisasi", "-f", "json"),
    ("list", "organisasi", "-f", "csv"),
    ("list", "kegiatan", "-f", "csv"),
    ("completeness",),
    ("completeness", "-f", "markdown"),
    ("completeness", "-f", "json"),
    ("completeness", "-f", "csv"),
    ("summary",),
    ("summary", "-f", "markdown"),
    ("summary", "-f", "json"),
    ("report", "--year", "2025"),
    ("report", "--year", "2025", "-f", "markdown"),
    ("report", "--year", "2025", "-f", "json"),
    ("report", "--year", "2025", "-f", "csv"),
]


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "usercache"))
    monkeypatch.delenv("WKSBM_NO_CACHE", raising=False)


def _write(root: Path, files: dict[str, str], config: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "wksbm.yaml").write_text(config, encoding="utf-8")
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _outputs(root: Path, commands: list[tuple[str, ...]] = COMMANDS) -> Iterator[tuple[str, str]]:
    """(command, everything it printed), then (file, text) of every file wksbm wrote."""
    runner = CliRunner()
    env = {"COLUMNS": "200", "GITHUB_ACTIONS": "", "WKSBM_LANG": "en"}
    for command in commands:
        args = ["--records", str(root), *command]
        if command[0] in ("validate", "show", "completeness", "summary"):
            args += ["--as-of", "2026-01-01"]
        result = runner.invoke(app, args, env=env, catch_exceptions=False)
        assert result.exit_code in (0, 1), (command, result.output)
        yield " ".join(command), result.stdout + result.stderr
    base = root.parent / "acuan.json"
    result = runner.invoke(
        app, ["--records", str(root), "baseline", "write", str(base), "--force"], env=env
    )
    assert result.exit_code == 0, result.output
    for folder, _, names in os.walk(root.parent):
        for name in names:
            path = Path(folder, name)
            if path.suffix == ".yaml" or "usercache" in path.parts:
                continue
            yield str(path.relative_to(root.parent)), path.read_text("utf-8", "replace")


def _assert_never_shown(root: Path, clear: str) -> None:
    for where, text in _outputs(root):
        assert clear not in text, f"{clear} printed by {where}:\n{text}"


# --- realistic values ----------------------------------------------------------------------

niks = st.builds(
    lambda prov, kab, kec, day, female, month, year, serial: (
        f"{prov:02d}{kab:02d}{kec:02d}{day + 40 * female:02d}{month:02d}{year:02d}{serial:04d}"
    ),
    st.sampled_from(sorted(PROVINCES)),
    st.integers(1, 79),
    st.integers(1, 40),
    st.integers(1, 28),
    st.booleans(),
    st.integers(1, 12),
    st.integers(0, 99),
    st.integers(1, 9999),
).filter(is_nik)

_mobile = st.tuples(st.sampled_from("12356789"), st.integers(10_000_000, 99_999_999))


def _spell(prefix_digit: str, rest: int, style: int) -> str:
    body = f"8{prefix_digit}{rest}"  # 8x + 8 digits: 0812-3456-7890 has 11 digits after 0
    groups = f"{body[:3]} {body[3:7]} {body[7:]}"
    return [
        f"0{body[:3]}-{body[3:7]}-{body[7:]}",
        f"+62 {groups}",
        f"62{body}",
        f"0{body}",
        f"0{body[:3]}.{body[3:7]}.{body[7:]}",
    ][style]


phones = st.builds(
    lambda mobile, style: _spell(mobile[0], mobile[1], style), _mobile, st.integers(0, 4)
)
emails = st.builds(
    lambda name, number, domain: f"{name}{number}@{domain}",
    st.sampled_from(["budi.santoso", "sri_lestari", "wahyu.nugroho", "dewi-rahayu", "agus"]),
    st.integers(10, 99999),
    st.sampled_from(["gmail.com", "yahoo.com", "outlook.com", "ymail.com"]),
)


def _org_with(value: str, place: str) -> str:
    quoted = json.dumps(value)
    if place == "catatan":
        return GOOD_ORG + f"catatan: Hubungi ketua di {value} untuk undangan\n"
    if place == "telepon":
        return GOOD_ORG.replace("nama: Contoh Ketua,", f"nama: Contoh Ketua, telepon: {quoted},", 1)
    if place == "kontak":
        return GOOD_ORG + f"kontak: {{telepon: {quoted}}}\n"
    if place == "comment":
        return GOOD_ORG.replace("pengurus:\n", f"pengurus:  # ketua: {value}\n", 1)
    assert place == "key"
    return GOOD_ORG + f"{quoted}: pengurus lama\n"


PLACES = ["catatan", "telepon", "comment", "key"]
kinds_and_values = st.one_of(
    st.tuples(st.just("nik"), niks),
    st.tuples(st.just("phone"), phones),
    st.tuples(st.just("email"), emails),
)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    kind_value=kinds_and_values,
    place=st.sampled_from([*PLACES, "kontak"]),
)
def test_no_output_holds_the_full_value(kind_value: tuple[str, str], place: str) -> None:
    kind, value = kind_value
    if place == "kontak" and kind != "nik":
        place = "catatan"  # an organisation's own phone and e-mail belong in kontak
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "records"
        _write(root, {ORG: _org_with(value, place), EVENT: GOOD_EVENT}, CONFIG)
        _assert_never_shown(root, value)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    kind_value=kinds_and_values,
    place=st.sampled_from(PLACES),
)
def test_no_checked_result_holds_the_full_value(kind_value: tuple[str, str], place: str) -> None:
    """The cause: everything the engine keeps from a file (problems in both languages, their
    source lines, paths, record values) is masked before any renderer sees it."""
    from wksbm_cli.check.engine import check_folder
    from wksbm_cli.check.policy import load_config
    from wksbm_cli.check.results import Options

    _, value = kind_value
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "records"
        _write(root, {ORG: _org_with(value, place), EVENT: GOOD_EVENT}, CONFIG)
        config = load_config(str(root), "records")
        result = check_folder(str(root), "records", config, Options(as_of=None))
    kept = [repr(result.organisations), repr(result.events)]
    for p in result.problems:
        kept += [p.message("en"), p.message("id"), p.source, p.path or "", p.record or ""]
    assert any("personal-" in p.rule for p in result.problems)
    assert all(value not in text for text in kept)


@settings(max_examples=60, deadline=None)
@given(
    kind_value=kinds_and_values,
    place=st.sampled_from(PLACES),
)
def test_validate_masks_the_facts_it_keeps_as_the_whole_record_would(
    kind_value: tuple[str, str], place: str
) -> None:
    """``validate`` keeps a file's facts, not its record, and masks only those: the facts are
    exactly those of the masked record, and hold no clear value."""
    from wksbm_cli.check.file_check import check_file
    from wksbm_cli.check.policy import load_config
    from wksbm_cli.load.files import walk

    _, value = kind_value
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "records"
        # and where facts come from: a waiver's reason, an event's reference
        org = _org_with(value, place) + (
            "pengecualian:\n  - {aturan: missing-ketua, sampai: 2099-01-01,"
            f" alasan: 'ketua {value}'}}\n"
        )
        event = GOOD_EVENT.replace("[wksbm-contoh]", f"[wksbm-contoh, '{value}']")
        _write(root, {ORG: org, EVENT: event}, CONFIG)
        config = load_config(str(root), "records")
        day = dt.date(2026, 1, 1)
        for entry in walk(str(root)):
            whole = check_file(str(root), "records", entry, config, day, keep_record=True)
            facts = check_file(str(root), "records", entry, config, day, keep_record=False)
            assert facts.facts == whole.facts and facts.problems == whole.problems
            assert facts.facts is not None and value not in repr(facts.facts)


@pytest.mark.parametrize("place", [*PLACES, "kontak"])
def test_a_nik_never_leaves_an_internal_folder_not_even_by_export(
    tmp_path: Path, place: str
) -> None:
    root = tmp_path / "records"
    _write(root, {ORG: _org_with(NIK, place), EVENT: GOOD_EVENT}, INTERNAL)
    _assert_never_shown(root, NIK)
    runner = CliRunner()
    for fmt, target in (("json", "x.json"), ("csv", "tabel"), ("sqlite", "x.db")):
        out = tmp_path / target
        result = runner.invoke(app, ["--records", str(root), "export", "-f", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        files = [out] if out.is_file() else sorted(out.iterdir())
        for path in files:
            assert NIK.encode() not in path.read_bytes(), path


def test_an_internal_export_keeps_phone_and_email_on_purpose(tmp_path: Path) -> None:
    org = GOOD_ORG.replace(
        "nama: Contoh Ketua,", f'nama: Contoh Ketua, telepon: "{PHONE}", email: {EMAIL},', 1
    )
    root = tmp_path / "records"
    _write(root, {ORG: org, EVENT: GOOD_EVENT}, INTERNAL)
    out = tmp_path / "x.json"
    args = ["--records", str(root), "export", "-f", "json", "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    row = json.loads(out.read_text())["tables"]["pengurus"][0]
    assert (row["telepon"], row["email"]) == (PHONE, EMAIL)


def test_a_public_export_holds_no_personal_data(tmp_path: Path) -> None:
    org = GOOD_ORG.replace(
        "nama: Contoh Ketua,", f'nama: "Contoh Ketua {NIK}", telepon: "{PHONE}",', 1
    )
    root = tmp_path / "records"
    _write(root, {ORG: org, EVENT: GOOD_EVENT}, CONFIG)
    out = tmp_path / "tabel"
    args = ["--records", str(root), "export", "-f", "csv", "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = "".join(p.read_text() for p in sorted(out.iterdir()))
    assert NIK not in text and PHONE not in text
    assert "Contoh Ketua 3404************" in text


# --- the exact cases of the report --------------------------------------------------------


def _validate(root: Path, *extra: str) -> str:
    result = CliRunner().invoke(
        app,
        ["--records", str(root), "validate", "--as-of", "2026-01-01", *extra],
        env={"COLUMNS": "200", "WKSBM_LANG": "en", "GITHUB_ACTIONS": ""},
    )
    assert result.exit_code == 1, result.output
    return str(result.stdout)


def test_the_source_line_is_masked_as_in_the_message(tmp_path: Path) -> None:
    root = tmp_path / "records"
    _write(root, {ORG: GOOD_ORG + f"catatan: NIK ketua {NIK}\n"}, CONFIG)
    out = _validate(root, "--select", "privacy")
    assert "looks like a NIK (3404************)" in out
    assert "17 | catatan: NIK ketua 3404************\n" in out
    assert NIK not in out


def test_another_rules_snippet_and_arguments_are_masked_too(tmp_path: Path) -> None:
    """A NIK used as a key: ``unknown-field`` names the key and shows the line."""
    root = tmp_path / "records"
    _write(root, {ORG: GOOD_ORG + f"{NIK}: ketua\n"}, CONFIG)
    doc = json.loads(_validate(root, "-f", "json"))
    unknown = [p for p in doc["problems"] if p["rule"] == "unknown-field"]
    assert unknown[0]["message"] == "unknown field `3404************`"
    assert unknown[0]["path"] == "3404************"
    out = _validate(root)
    assert "17 | 3404************: ketua" in out
    assert NIK not in json.dumps(doc) + out


def test_the_caret_stays_under_its_value_after_a_shorter_mask(tmp_path: Path) -> None:
    org = GOOD_ORG.replace(
        "{jabatan: ketua, nama: Contoh Ketua,",
        f'{{jabatan: ketua, telepon: "{PHONE}", email: {EMAIL}, nama: Contoh Ketua,',
    )
    root = tmp_path / "records"
    _write(root, {ORG: org}, CONFIG)
    lines = _validate(root, "--select", "personal-email").splitlines()
    at = next(i for i, line in enumerate(lines) if "| " in line and "b***@gmail.com" in line)
    source, caret = lines[at], lines[at + 1]
    assert source.index("b***@gmail.com") == caret.index("^")


def test_the_cache_stores_only_masked_text(tmp_path: Path) -> None:
    root = tmp_path / "records"
    _write(root, {ORG: GOOD_ORG + f"catatan: {NIK} / {PHONE} / {EMAIL}\n"}, CONFIG)
    first = _validate(root)
    shards = list((root / ".wksbm_cache").glob("*"))
    assert shards
    for shard in shards:
        data = shard.read_bytes()
        assert NIK.encode() not in data and PHONE.encode() not in data
        assert EMAIL.encode() not in data
    assert _validate(root) == first  # the warm run replays the same masked text


def test_masker_line_moves_the_caret_by_the_masks_before_it() -> None:
    from wksbm_cli.rules.privacy import Masker

    masker = Masker([(PHONE, "0812****7890"), (NIK, "3404************")])
    line = f'a: "{PHONE}", b: {NIK}, c: x'
    masked, caret = masker.line(line, line.index("c:") + 1)
    assert masked == 'a: "0812****7890", b: 3404************, c: x'
    assert masked[caret - 1 :].startswith("c:")
    masked, caret = masker.line(line, line.index(NIK) + 3)  # inside a span: at its start
    assert masked[caret - 1 :].startswith("3404****")


def test_diff_names_no_personal_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., Any]
) -> None:
    """A pull request adding a NIK as a key: the diff lists the new problem by its path."""
    from ci_gitrepo import commit, git, make_repo, write

    root = make_repo(tmp_path / "repo", {ORG: GOOD_ORG, EVENT: GOOD_EVENT})
    monkeypatch.chdir(root)
    git(root, "checkout", "-q", "-b", "pr")
    write(root, {ORG: GOOD_ORG + f'{NIK}: ketua\n"{PHONE}": bendahara\n'})
    commit(root, "pr")
    result = run_cli(
        "--lang", "en", "diff", "main", "--as-of", "2025-07-01", env={"GITHUB_STEP_SUMMARY": ""}
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "`3404************`" in result.stdout and "`0812****7890`" in result.stdout
    assert NIK not in result.stdout and PHONE not in result.stdout


def test_report_history_masks_past_commits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., Any]
) -> None:
    """The completeness change reads records from git objects, without the rules: a past
    version's personal data is masked the same way (and ids still match today's)."""
    from ci_gitrepo import make_repo

    org_id = f"wksbm-{NIK}"
    org = GOOD_ORG.replace("id: wksbm-contoh", f"id: {org_id}")
    root = make_repo(tmp_path / "repo", {f"organisasi/{org_id}.yaml": org})
    (root / f"organisasi/{org_id}.yaml").write_text(org + "# diubah\n", encoding="utf-8")
    monkeypatch.chdir(root)
    year = str(dt.date.today().year)
    for fmt in ("markdown", "json"):
        result = run_cli("--lang", "en", "report", "--year", year, "-f", fmt)
        assert result.exit_code == 0, result.output
        assert "wksbm-3404************" in result.stdout
        assert NIK not in result.stdout


def test_a_long_line_is_masked_before_it_is_cut(tmp_path: Path) -> None:
    """Source lines are cut at 200 characters; a NIK across the cut must not show its start."""
    root = tmp_path / "records"
    catatan = "catatan: " + "x" * 178 + " " + NIK + " lanjut\n"  # 12 digits before the cut
    _write(root, {ORG: GOOD_ORG + catatan}, CONFIG)
    out = _validate(root, "-f", "json") + _validate(root)
    assert NIK[:12] not in out


@pytest.mark.parametrize("how", [("--ignore", "privacy"), ("--select", "unknown-field")])
def test_hiding_the_privacy_problems_does_not_unmask(tmp_path: Path, how: tuple[str, str]) -> None:
    root = tmp_path / "records"
    config = CONFIG + "aturan: {personal-nik: off}\n"
    _write(root, {ORG: GOOD_ORG + f"{NIK}: ketua\n"}, config)
    out = _validate(root, *how) + _validate(root, "-f", "json", *how)
    assert "3404************" in out and NIK not in out
