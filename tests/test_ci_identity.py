"""A problem keeps its identity (record id, rule, stable field path) across moves and edits, in
baselines and in ``wksbm diff``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ci_gitrepo import commit, git, make_repo, write

AS_OF = ("--as-of", "2025-07-01")

# A Mlati WKSBM whose record carries four problems: an unknown key, no sekretaris, no bendahara
# (warning) and no training (info).
MLATI = """\
id: wksbm-sinduadi
nama: WKSBM Kalurahan Sinduadi
jenis: wksbm
tingkat: kalurahan
wilayah: {kapanewon: Mlati, kalurahan: Sinduadi}
warna: hijau
sk:
  nomor: "7/KEP.LRH/2023"
  tanggal: 2023-05-02
  penerbit: Lurah Sinduadi
  berlaku_sampai: 2028-05-02
pengurus:
  - {jabatan: ketua, nama: Suharjono, mulai: 2023-05-02}
unsur:
  - {nama: Karang Taruna Sinduadi, kategori: lembaga}
"""

# The same organisation before anyone wrote a `pengurus:` key.
NO_PENGURUS = """\
id: wksbm-sendangadi
nama: WKSBM Kalurahan Sendangadi
jenis: wksbm
tingkat: kalurahan
wilayah: {kapanewon: Mlati, kalurahan: Sendangadi}
sk:
  nomor: "9/KEP.LRH/2023"
  tanggal: 2023-06-12
  penerbit: Lurah Sendangadi
  berlaku_sampai: 2028-06-12
unsur:
  - {nama: PKK Sendangadi, kategori: lembaga}
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_repo(
        tmp_path / "repo",
        {
            "organisasi/mlati/wksbm-sinduadi.yaml": MLATI,
            "organisasi/mlati/wksbm-sendangadi.yaml": NO_PENGURUS,
        },
    )
    monkeypatch.chdir(root)
    return root


def _validate(run_cli: Any, *args: str) -> Any:
    return run_cli("--lang", "en", "validate", "--format", "json", *AS_OF, *args)


def _baseline(repo: Path, run_cli: Any) -> None:
    written = run_cli("--lang", "en", "baseline", "write", "baseline.json")
    assert written.exit_code == 0, written.stderr
    commit(repo, "baseline")


def test_a_moved_file_keeps_its_problems_in_the_baseline(repo: Path, run_cli: Any) -> None:
    """Regression: after `git mv organisasi/mlati/x.yaml organisasi/kabupaten/` every old
    problem of the file failed `validate --baseline` as new."""
    _baseline(repo, run_cli)
    (repo / "organisasi/kabupaten").mkdir()
    git(repo, "mv", "organisasi/mlati/wksbm-sinduadi.yaml", "organisasi/kabupaten/")
    result = _validate(run_cli, "--baseline", "baseline.json")
    assert json.loads(result.stdout)["problems"] == []
    assert result.exit_code == 0


def test_adding_pengurus_keeps_missing_sekretaris(repo: Path, run_cli: Any) -> None:
    """Regression: adding `pengurus:` moved missing-sekretaris from no path to `pengurus`, and
    the baseline no longer knew it."""
    _baseline(repo, run_cli)
    text = (repo / "organisasi/mlati/wksbm-sendangadi.yaml").read_text(encoding="utf-8")
    ketua = "pengurus:\n  - {jabatan: ketua, nama: Tri Haryanto, mulai: 2023-06-12}\n"
    write(repo, {"organisasi/mlati/wksbm-sendangadi.yaml": text + ketua})
    result = _validate(run_cli, "--baseline", "baseline.json")
    assert json.loads(result.stdout)["problems"] == []
    assert result.exit_code == 0


def test_an_officer_added_above_keeps_an_item_problem(repo: Path, run_cli: Any) -> None:
    text = (repo / "organisasi/mlati/wksbm-sinduadi.yaml").read_text(encoding="utf-8")
    odd = "  - {jabatan: ketua, nama: Suharjono, mulai: 2023-05-02, hobi: catur}\n"
    text = text.replace("  - {jabatan: ketua, nama: Suharjono, mulai: 2023-05-02}\n", odd)
    write(repo, {"organisasi/mlati/wksbm-sinduadi.yaml": text})
    commit(repo, "hobi")
    _baseline(repo, run_cli)
    above = "pengurus:\n  - {jabatan: sekretaris, nama: Bambang Triyono, mulai: 2025-01-02}\n"
    write(repo, {"organisasi/mlati/wksbm-sinduadi.yaml": text.replace("pengurus:\n", above)})
    result = _validate(run_cli, "--baseline", "baseline.json")
    assert json.loads(result.stdout)["problems"] == []


def test_a_version_1_baseline_still_works_and_is_rewritten(repo: Path, run_cli: Any) -> None:
    old = {
        "version": 1,
        "tool": {"name": "wksbm", "version": "0.9.0"},
        "problems": [
            {
                "file": "organisasi/mlati/wksbm-sendangadi.yaml",
                "rule": rule,
                "record": "wksbm-sendangadi",
                "path": None,
                "count": 1,
            }
            for rule in ("missing-bendahara", "missing-ketua", "missing-sekretaris")
        ]
        + [
            {
                "file": "organisasi/mlati/wksbm-sinduadi.yaml",
                "rule": rule,
                "record": "wksbm-sinduadi",
                "path": path,
                "count": 1,
            }
            for rule, path in (
                ("missing-bendahara", "pengurus"),
                ("missing-sekretaris", "pengurus"),
                ("unknown-field", "warna"),
            )
        ],
    }
    (repo / "baseline.json").write_text(json.dumps(old), encoding="utf-8")
    (repo / "organisasi/kabupaten").mkdir()
    git(repo, "mv", "organisasi/mlati/wksbm-sinduadi.yaml", "organisasi/kabupaten/")
    result = _validate(run_cli, "--baseline", "baseline.json", "--ignore", "never-trained")
    assert json.loads(result.stdout)["problems"] == []
    assert "6 problems suppressed" in result.stderr
    again = run_cli("--lang", "en", "baseline", "write", "baseline.json", "--force")
    assert again.exit_code == 0
    doc = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert doc["version"] == 2
    assert {"record", "rule", "path", "count", "file"} == set(doc["problems"][0])


def test_diff_shows_a_move_as_a_move(repo: Path, run_cli: Any) -> None:
    """Regression: `diff` listed a moved file's problems as both new and fixed."""
    git(repo, "checkout", "-q", "-b", "pindah")
    (repo / "organisasi/kabupaten").mkdir()
    git(repo, "mv", "organisasi/mlati/wksbm-sinduadi.yaml", "organisasi/kabupaten/")
    commit(repo, "pindah ke kabupaten")
    out = run_cli("--lang", "en", "diff", "main", *AS_OF, env={"GITHUB_STEP_SUMMARY": ""})
    assert out.exit_code == 0, out.output
    assert (
        "- moved (1): `wksbm-sinduadi` (`organisasi/mlati/wksbm-sinduadi.yaml` →"
        " `organisasi/kabupaten/wksbm-sinduadi.yaml`)"
    ) in out.stdout
    assert "### Problems introduced (0)" in out.stdout
    assert "### Problems fixed (0)" in out.stdout
    assert "added" not in out.stdout and "removed" not in out.stdout


@pytest.mark.parametrize(
    ("rule", "path", "stable"),
    [
        ("missing-sekretaris", "pengurus", ""),
        ("missing-sekretaris", None, ""),
        ("sk-expired", "sk.berlaku_sampai", ""),
        ("unknown-field", "pengurus[3].hobi", "pengurus[].hobi"),
        ("multiple-ketua", "pengurus[1]", "pengurus[]"),
        ("unknown-field", "warna", "warna"),
    ],
)
def test_stable_paths(rule: str, path: str | None, stable: str) -> None:
    from wksbm_cli.check.baseline import stable_path

    assert stable_path(rule, path) == stable
