"""A pull request cannot switch rules off for itself: a change of ``wksbm.yaml`` is listed rule by
rule in ``diff`` and the step summary, and ``--changed-since`` judges with the base's severities."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ci_gitrepo import commit, git, make_repo, org, write
from conftest import CONFIG

from wksbm_cli.model.records import Config

AS_OF = ("--as-of", "2025-07-01")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_repo(
        tmp_path / "repo",
        {
            "organisasi/wksbm-caturtunggal.yaml": org("wksbm-caturtunggal"),
            "organisasi/wksbm-sinduadi.yaml": org("wksbm-sinduadi"),
        },
    )
    monkeypatch.chdir(root)
    git(root, "checkout", "-q", "-b", "longgar")
    return root


def _self_serving_change(repo: Path) -> None:
    """The pull request of the issue: `invalid-value: off`, then `jenis: bad`."""
    write(repo, {"wksbm.yaml": CONFIG + "aturan:\n  invalid-value: off\n"})
    bad = org("wksbm-sinduadi").replace("jenis: wksbm", "jenis: bad")
    write(repo, {"organisasi/wksbm-sinduadi.yaml": bad})
    commit(repo, "longgarkan aturan")


def _problems(result: Any) -> list[tuple[str, int, str, str]]:
    doc = json.loads(result.stdout)
    return [(p["file"], p["line"], p["rule"], p["severity"]) for p in doc["problems"]]


def test_a_change_cannot_turn_off_the_rule_it_breaks(repo: Path, run_cli: Any) -> None:
    """Regression: this change passed `validate --changed-since main` with exit 0."""
    _self_serving_change(repo)
    result = run_cli("--lang", "en", "validate", "-f", "json", *AS_OF, "--changed-since", "main")
    found = _problems(result)
    assert ("organisasi/wksbm-sinduadi.yaml", 3, "invalid-value", "error") in found
    # Located at the `invalid-value: off` line of the `aturan:` entry (line 6 of wksbm.yaml).
    assert ("wksbm.yaml", 6, "config-relaxed", "warning") in found
    assert result.exit_code == 1
    text = run_cli("--lang", "en", "validate", *AS_OF, "--changed-since", "main")
    assert "this change relaxes `invalid-value` from error to off" in " ".join(text.stdout.split())


def test_trusting_config_changes_judges_with_the_new_severities(repo: Path, run_cli: Any) -> None:
    _self_serving_change(repo)
    result = run_cli(
        "--lang",
        "en",
        "validate",
        "-f",
        "json",
        *AS_OF,
        "--changed-since",
        "main",
        "--trust-config-changes",
    )
    found = _problems(result)
    assert not [p for p in found if p[2] == "invalid-value"]
    assert ("wksbm.yaml", 6, "config-relaxed", "warning") in found  # still visible
    assert result.exit_code == 0


def test_diff_and_step_summary_list_the_relaxed_rule(
    repo: Path, run_cli: Any, tmp_path: Path
) -> None:
    """Regression: the summary said "introduced (0), fixed (...)" without naming wksbm.yaml."""
    _self_serving_change(repo)
    summary = tmp_path / "summary.md"
    out = run_cli("--lang", "en", "diff", "main", *AS_OF, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert out.exit_code == 0, out.output
    expected = (
        "### Rules changed by this change\n\n"
        "This change edits `wksbm.yaml`.\n\n"
        "Relaxed (1):\n\n"
        "- `invalid-value`: `error` → `off` (`aturan.invalid-value`)\n"
    )
    assert expected in out.stdout
    assert expected in summary.read_text(encoding="utf-8")
    indonesian = run_cli("--lang", "id", "diff", "main", *AS_OF, env={"GITHUB_STEP_SUMMARY": ""})
    assert "Dilonggarkan (1):" in indonesian.stdout


def test_tightened_roles_and_waivers_are_listed(repo: Path, run_cli: Any) -> None:
    config = CONFIG + (
        "jabatan_wajib: [ketua]\n"  # sekretaris no longer required: error -> off
        "jabatan_disarankan: [bendahara, sekretaris]\n"  # ... but recommended: warning
        "aturan: {never-trained: error}\n"  # default info -> error
    )
    write(repo, {"wksbm.yaml": config})
    waiver = "pengecualian:\n  - {aturan: missing-bendahara, sampai: 2026-03-31, alasan: musdes}\n"
    write(repo, {"organisasi/wksbm-caturtunggal.yaml": org("wksbm-caturtunggal") + waiver})
    commit(repo, "aturan baru")
    out = run_cli("--lang", "en", "diff", "main", *AS_OF, env={"GITHUB_STEP_SUMMARY": ""})
    assert (
        "Relaxed (1):\n\n- `missing-sekretaris`: `error` → `warning` (`jabatan_disarankan`)\n"
    ) in out.stdout
    assert "Tightened (1):\n\n- `never-trained`: `info` → `error` (`aturan.never-trained`)\n" in (
        out.stdout
    )
    assert (
        "Waived in records (1):\n\n- `missing-bendahara` in `wksbm-caturtunggal` until 2026-03-31\n"
    ) in out.stdout


def test_an_edit_of_wksbm_yaml_that_changes_no_rule_says_so(repo: Path, run_cli: Any) -> None:
    write(repo, {"wksbm.yaml": CONFIG + "# catatan\n"})
    commit(repo, "komentar")
    out = run_cli("--lang", "en", "diff", "main", *AS_OF, env={"GITHUB_STEP_SUMMARY": ""})
    assert "This change edits `wksbm.yaml`.\n\nNo rule is judged differently." in out.stdout


def test_no_config_change_no_policy_section(repo: Path, run_cli: Any) -> None:
    out = run_cli("--lang", "en", "diff", "main", *AS_OF, env={"GITHUB_STEP_SUMMARY": ""})
    assert "Rules changed" not in out.stdout


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (
            Config(aturan=(("unknown-field", "off"),)),
            [("unknown-field", "error", "off", ("aturan", "unknown-field"))],
        ),
        (
            Config(jabatan_wajib=("ketua",), jabatan_disarankan=("bendahara",)),
            [("missing-sekretaris", "error", "off", ("jabatan_wajib",))],
        ),
    ],
)
def test_policy_changes(after: Config, expected: list[tuple[object, ...]]) -> None:
    from wksbm_cli.check.policy import policy_changes

    found = [(c.rule, c.before, c.after, c.where) for c in policy_changes(Config(), after)]
    assert found == expected


def test_a_broken_base_config_is_exit_2_unless_trusted(
    tmp_path: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo(tmp_path / "rusak", {"organisasi/wksbm-depok.yaml": org("wksbm-depok")})
    monkeypatch.chdir(root)
    write(root, {"wksbm.yaml": CONFIG + "aturan: [\n"})
    commit(root, "wksbm.yaml rusak")
    git(root, "checkout", "-q", "-b", "perbaikan")
    write(root, {"wksbm.yaml": CONFIG})
    commit(root, "perbaiki wksbm.yaml")
    result = run_cli("--lang", "en", "validate", *AS_OF, "--changed-since", "main")
    assert result.exit_code == 2
    assert result.stderr.startswith("wksbm: main:wksbm.yaml:")
    trusted = run_cli(
        "--lang", "en", "validate", *AS_OF, "--changed-since", "main", "--trust-config-changes"
    )
    assert trusted.exit_code == 0, trusted.output


def _publish_a_phone_as_internal(repo: Path) -> None:
    """A pull request that publishes an officer's mobile number and, to pass, declares the
    repository internal (which switches the personal-data rules off)."""
    write(repo, {"wksbm.yaml": CONFIG.replace("privasi: publik", "privasi: internal")})
    phone = org("wksbm-sinduadi").replace(
        "pengurus:\n",
        'pengurus:\n  - {jabatan: bendahara, nama: Agus Salim, telepon: "0812-3456-7890"}\n',
    )
    write(repo, {"organisasi/wksbm-sinduadi.yaml": phone})
    commit(repo, "privasi internal")


def test_privasi_internal_cannot_excuse_the_change_that_sets_it(repo: Path, run_cli: Any) -> None:
    """Regression: `privasi: internal` plus a phone number passed `--changed-since` (exit 0) and
    `diff` said "No rule is judged differently"."""
    _publish_a_phone_as_internal(repo)
    result = run_cli("--lang", "en", "validate", "-f", "json", *AS_OF, "--changed-since", "main")
    found = _problems(result)
    assert any(p[2] == "personal-phone" and p[3] == "error" for p in found), found
    # Located at the `privasi: internal` line (line 4 of wksbm.yaml).
    assert ("wksbm.yaml", 4, "config-relaxed", "warning") in found
    assert result.exit_code == 1
    trusted = run_cli(
        "--lang", "en", "validate", *AS_OF, "--changed-since", "main", "--trust-config-changes"
    )
    assert trusted.exit_code == 0, trusted.output
    out = run_cli("--lang", "en", "diff", "main", *AS_OF, env={"GITHUB_STEP_SUMMARY": ""})
    assert "- `personal-phone`: `error` → `off` (`privasi`)\n" in out.stdout
    assert "- `personal-email`: `error` → `off` (`privasi`)\n" in out.stdout


def test_a_change_cannot_waive_the_problem_it_brings(repo: Path, run_cli: Any) -> None:
    """Regression: a pull request that adds a phone number and a `pengecualian` for
    `personal-phone` in the same record passed `validate --changed-since main` (exit 0)."""
    excuse = (
        "pengecualian:\n"
        "  - {aturan: personal-phone, sampai: 2027-12-31, alasan: izin ketua}\n"
        "catatan: HP ketua 0812-2764-3190\n"
    )
    write(repo, {"organisasi/wksbm-sinduadi.yaml": org("wksbm-sinduadi") + excuse})
    commit(repo, "nomor ketua dengan pengecualian")
    result = run_cli("--lang", "en", "validate", "-f", "json", *AS_OF, "--changed-since", "main")
    found = _problems(result)
    assert any(p[2] == "personal-phone" and p[3] == "error" for p in found), found
    waiver_line = org("wksbm-sinduadi").count("\n") + 2  # the item under `pengecualian:`
    assert ("organisasi/wksbm-sinduadi.yaml", waiver_line, "config-relaxed", "warning") in found
    assert result.exit_code == 1
    trusted = run_cli(
        "--lang", "en", "validate", *AS_OF, "--changed-since", "main", "--trust-config-changes"
    )
    assert trusted.exit_code == 0, trusted.output
    assert "adds or extends a waiver of `personal-phone`" in " ".join(trusted.stdout.split())


def test_a_waiver_already_on_the_base_still_counts(repo: Path, run_cli: Any) -> None:
    """Only what the change adds is distrusted: a waiver merged before keeps working, and
    editing another line of its record does not re-open it."""
    waiver = "pengecualian:\n  - {aturan: missing-sekretaris, sampai: 2026-03-31, alasan: musdes}\n"
    no_sekretaris = org("wksbm-sinduadi").replace(
        "  - {jabatan: sekretaris, nama: Contoh Sekretaris}\n", ""
    )
    git(repo, "checkout", "-q", "main")
    write(repo, {"organisasi/wksbm-sinduadi.yaml": no_sekretaris + waiver})
    commit(repo, "pengecualian disetujui")
    git(repo, "checkout", "-q", "-b", "ubah-catatan")
    edited = no_sekretaris.replace("nama: ", "nama: Sinduadi ", 1) + waiver
    write(repo, {"organisasi/wksbm-sinduadi.yaml": edited})
    commit(repo, "ubah nama")
    result = run_cli("--lang", "en", "validate", "-f", "json", *AS_OF, "--changed-since", "main")
    found = _problems(result)
    assert not [p for p in found if p[2] == "config-relaxed"], found
    assert result.exit_code == 0, found
