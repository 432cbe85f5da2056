"""The result cache: reused only while nothing it depends on changed, and never trusted blindly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import wksbm_cli
import wksbm_cli.check.file_check
from tests.conftest import CONFIG, GOOD_EVENT, GOOD_ORG

Run = Callable[..., Any]


@pytest.fixture(autouse=True)
def _own_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "usercache"))
    monkeypatch.delenv("WKSBM_NO_CACHE", raising=False)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts calls of the YAML loader made by per-file checks."""
    calls: list[int] = []
    real = wksbm_cli.check.file_check.load_fast_or_located

    def counting(text: str, *args: Any) -> Any:
        calls.append(1)
        return real(text, *args)

    monkeypatch.setattr(wksbm_cli.check.file_check, "load_fast_or_located", counting)
    return calls


def _files() -> dict[str, str]:
    second = GOOD_ORG.replace("wksbm-contoh", "wksbm-kedua")
    return {
        "organisasi/depok/wksbm-contoh.yaml": GOOD_ORG,
        "organisasi/depok/wksbm-kedua.yaml": second,
        "kegiatan/2025/2025-06-17-pelatihan.yaml": GOOD_EVENT,
    }


def _validate(run_cli: Run, root: Path, *extra: str) -> Any:
    return run_cli(
        "--lang", "en", "--records", str(root), "validate", "--format", "json",
        "--as-of", "2026-01-01", *extra,
    )  # fmt: skip


def _rules(result: Any) -> list[tuple[str, str]]:
    return [
        (p["file"].rsplit("/", 1)[-1], p["rule"]) for p in json.loads(result.stdout)["problems"]
    ]


def test_warm_run_parses_nothing(
    make_records: Callable[..., Path], run_cli: Run, parses: list[int]
) -> None:
    root = make_records(_files())
    first = _validate(run_cli, root)
    assert len(parses) == 3
    assert (root / ".wksbm_cache" / ".gitignore").read_text() == "*\n"
    parses.clear()
    second = _validate(run_cli, root)
    assert parses == []
    assert second.stdout == first.stdout and second.exit_code == first.exit_code
    assert second.stdout == _validate(run_cli, root, "--no-cache").stdout


def test_edited_file_is_checked_again(
    make_records: Callable[..., Path], run_cli: Run, parses: list[int]
) -> None:
    root = make_records(_files())
    _validate(run_cli, root)
    target = root / "organisasi/depok/wksbm-kedua.yaml"
    target.write_text(target.read_text().replace("jabatan: sekretaris", "jabatan: anggota"))
    parses.clear()
    result = _validate(run_cli, root)
    assert len(parses) == 1
    assert ("wksbm-kedua.yaml", "missing-sekretaris") in _rules(result)
    assert result.exit_code == 1


def test_same_size_same_mtime_edit_is_caught(
    make_records: Callable[..., Path], run_cli: Run
) -> None:
    """An edit in the same clock tick as the check keeps size and mtime: such recent files are
    hashed rather than trusted on their stat."""
    root = make_records(_files())
    target = root / "organisasi/depok/wksbm-kedua.yaml"
    os.utime(target)  # modified just now, i.e. within the racy window of the first run
    _validate(run_cli, root)
    before = os.stat(target)
    target.write_text(target.read_text().replace("sekretaris", "sekretarix"))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert ("wksbm-kedua.yaml", "invalid-value") in _rules(_validate(run_cli, root))


def test_config_edit_invalidates(
    make_records: Callable[..., Path], run_cli: Run, parses: list[int]
) -> None:
    root = make_records(_files())
    _validate(run_cli, root)
    (root / "wksbm.yaml").write_text(CONFIG + "jabatan_disarankan: [bendahara, wakil_ketua]\n")
    parses.clear()
    result = _validate(run_cli, root)
    assert len(parses) == 3
    assert ("wksbm-contoh.yaml", "missing-wakil_ketua") in _rules(result)


def test_as_of_day_invalidates(make_records: Callable[..., Path], run_cli: Run) -> None:
    root = make_records(_files())
    assert "sk-expired" not in {r for _, r in _rules(_validate(run_cli, root))}
    late = run_cli(
        "--lang", "en", "--records", str(root), "validate", "--format", "json",
        "--as-of", "2100-01-01",
    )  # fmt: skip
    assert "sk-expired" in {r for _, r in _rules(late)}


def test_tool_upgrade_invalidates(
    make_records: Callable[..., Path],
    run_cli: Run,
    parses: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = make_records(_files())
    _validate(run_cli, root)
    monkeypatch.setattr(wksbm_cli, "__version__", "99.0.0")
    parses.clear()
    _validate(run_cli, root)
    assert len(parses) == 3


def test_corrupt_cache_is_rebuilt(
    make_records: Callable[..., Path], run_cli: Run, parses: list[int]
) -> None:
    root = make_records(_files())
    expected = _validate(run_cli, root, "--no-cache").stdout
    summary = root / ".wksbm_cache" / "summary"
    for corrupt in (os.urandom(200), b"wksbm-summary 2\nnot-a-mac\n{]"):
        _validate(run_cli, root)
        assert summary.is_file()
        summary.write_bytes(corrupt)
        parses.clear()
        assert _validate(run_cli, root).stdout == expected
        assert len(parses) == 3
        parses.clear()
        assert _validate(run_cli, root).stdout == expected
        assert parses == []  # rebuilt


def test_foreign_cache_is_not_trusted(
    make_records: Callable[..., Path], run_cli: Run, parses: list[int], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """A cache written under another user's secret (e.g. committed to the repo) is ignored,
    even when it claims a broken record is clean."""
    root = make_records(_files())
    _validate(run_cli, root)
    target = root / "organisasi/depok/wksbm-kedua.yaml"
    target.write_text(target.read_text().replace("jabatan: sekretaris", "jabatan: anggota"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    parses.clear()
    result = _validate(run_cli, root)
    assert len(parses) == 3
    assert ("wksbm-kedua.yaml", "missing-sekretaris") in _rules(result)


def test_no_cache_option_and_env(make_records: Callable[..., Path], run_cli: Run) -> None:
    root = make_records(_files())
    _validate(run_cli, root, "--no-cache")
    assert not (root / ".wksbm_cache").exists()
    run_cli(
        "--lang", "en", "--records", str(root), "validate", "--as-of", "2026-01-01",
        env={"WKSBM_NO_CACHE": "1"},
    )  # fmt: skip
    assert not (root / ".wksbm_cache").exists()


def test_unusable_cache_place_is_skipped(make_records: Callable[..., Path], run_cli: Run) -> None:
    root = make_records(_files())
    (root / ".wksbm_cache").write_text("not a folder")
    expected = _validate(run_cli, root, "--no-cache")
    result = _validate(run_cli, root)
    assert result.stdout == expected.stdout and result.exit_code == expected.exit_code
    assert (root / ".wksbm_cache").read_text() == "not a folder"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_root_runs_without_cache(make_records: Callable[..., Path], run_cli: Run) -> None:
    root = make_records(_files())
    root.chmod(0o555)
    try:
        assert _validate(run_cli, root).exit_code == 0
        assert not (root / ".wksbm_cache").exists()
    finally:
        root.chmod(0o755)


def test_cache_serves_other_working_folders(
    make_records: Callable[..., Path],
    run_cli: Run,
    parses: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = make_records(_files())
    _validate(run_cli, root)
    monkeypatch.chdir(root)
    parses.clear()
    inside = run_cli("--lang", "en", "validate", "--format", "json", "--as-of", "2026-01-01")
    assert parses == []
    files = {p["file"] for p in json.loads(inside.stdout)["problems"]}
    assert files and all(not f.startswith(str(root)) and ".." not in f for f in files)
    assert (
        inside.stdout
        == run_cli(
            "--lang", "en", "validate", "--format", "json", "--as-of", "2026-01-01", "--no-cache"
        ).stdout
    )


def test_concurrent_runs_do_not_corrupt(
    make_records: Callable[..., Path], run_cli: Run, parses: list[int]
) -> None:
    files = _files()
    for i in range(40):
        files[f"organisasi/sleman/wksbm-n{i}.yaml"] = GOOD_ORG.replace(
            "wksbm-contoh", f"wksbm-n{i}"
        )
    root = make_records(files)
    expected = _validate(run_cli, root, "--no-cache").stdout
    cmd = [
        sys.executable, "-m", "wksbm_cli", "--lang", "en", "--records", str(root), "validate",
        "--format", "json", "--as-of", "2026-01-01",
    ]  # fmt: skip
    for _ in range(2):
        procs = [
            subprocess.Popen(cmd, stdout=subprocess.PIPE, env=dict(os.environ)) for _ in range(3)
        ]
        outs = [p.communicate(timeout=60)[0].decode() for p in procs]
        assert all(out == expected for out in outs)
    parses.clear()
    assert _validate(run_cli, root).stdout == expected
    assert parses == []


def test_settled_warm_run_writes_nothing(make_records: Callable[..., Path], run_cli: Run) -> None:
    root = make_records(_files())
    for path in root.rglob("*.yaml"):  # edited an hour ago: old enough to trust on their stat
        old = path.stat().st_mtime_ns - 3600 * 10**9
        os.utime(path, ns=(old, old))
    _validate(run_cli, root)
    summary = root / ".wksbm_cache" / "summary"
    before = (summary.stat().st_ino, summary.stat().st_mtime_ns)
    _validate(run_cli, root)
    assert (summary.stat().st_ino, summary.stat().st_mtime_ns) == before
    (root / "organisasi/depok/wksbm-kedua.yaml").unlink()
    _validate(run_cli, root)
    stored = summary.read_bytes()
    assert b"wksbm-kedua" not in stored and b"wksbm-contoh" in stored


def test_a_changed_module_invalidates_the_cache() -> None:
    """A rule or message edited without a version bump must not replay stale results."""
    from wksbm_cli.check import cache as store

    first = store.code_fingerprint()
    store.code_fingerprint.cache_clear()
    module = Path(store.__file__)
    stat = module.stat()
    try:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert store.code_fingerprint() != first
    finally:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        store.code_fingerprint.cache_clear()
    assert store.code_fingerprint() == first


@pytest.fixture
def folder_rule_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts the runs of the folder rules (duplicate ids, references, never trained)."""
    from wksbm_cli.check import engine

    runs: list[str] = []
    real = engine.folder_checks

    def counting(*args: Any) -> Any:
        runs.append("folder")
        return real(*args)

    monkeypatch.setattr(engine, "folder_checks", counting)
    return runs


def _settle(root: Path) -> None:
    """Files edited an hour ago: old enough to be trusted on their stat."""
    for path in root.rglob("*.yaml"):
        old = path.stat().st_mtime_ns - 3600 * 10**9
        os.utime(path, ns=(old, old))


def test_unchanged_folder_is_replayed_whole(
    make_records: Callable[..., Path], run_cli: Run, parses: list[int], folder_rule_runs: list[str]
) -> None:
    """Nothing added, removed or changed: the run summary answers, without parsing a file or
    running a folder rule, and says exactly what a fresh run says (paths narrowed too)."""
    files = _files()
    files["organisasi/depok/wksbm-kedua.yaml"] = files["organisasi/depok/wksbm-kedua.yaml"].replace(
        "jabatan: sekretaris", "jabatan: anggota"
    )
    root = make_records(files)
    _settle(root)
    first = _validate(run_cli, root)
    assert folder_rule_runs and len(parses) == 3
    parses.clear()
    folder_rule_runs.clear()
    second = _validate(run_cli, root)
    assert (parses, folder_rule_runs) == ([], [])
    assert (second.stdout, second.exit_code) == (first.stdout, first.exit_code)
    assert ("wksbm-kedua.yaml", "missing-sekretaris") in _rules(second)
    narrowed = _validate(run_cli, root, str(root / "organisasi/depok/wksbm-contoh.yaml"))
    assert (parses, folder_rule_runs) == ([], [])
    expected = _validate(
        run_cli, root, str(root / "organisasi/depok/wksbm-contoh.yaml"), "--no-cache"
    )
    assert narrowed.stdout == expected.stdout
    assert json.loads(narrowed.stdout)["files"] == 1


def test_partial_change_rechecks_that_file_and_reruns_folder_rules(
    make_records: Callable[..., Path], run_cli: Run, parses: list[int], folder_rule_runs: list[str]
) -> None:
    """An organisation deleted: no file is parsed again, yet the event naming it now has an
    unknown reference, found by the folder rules on the facts kept in the summary."""
    root = make_records(_files())
    _settle(root)
    _validate(run_cli, root)
    (root / "organisasi/depok/wksbm-contoh.yaml").unlink()
    parses.clear()
    folder_rule_runs.clear()
    warm = _validate(run_cli, root)
    assert parses == [] and folder_rule_runs == ["folder"]
    assert ("2025-06-17-pelatihan.yaml", "unknown-reference") in _rules(warm)
    assert warm.stdout == _validate(run_cli, root, "--no-cache").stdout
    event = root / "kegiatan/2025/2025-06-17-pelatihan.yaml"
    event.write_text(GOOD_EVENT.replace("wksbm-contoh", "wksbm-kedua"))
    parses.clear()
    fixed = _validate(run_cli, root)
    assert len(parses) == 1
    assert fixed.stdout == _validate(run_cli, root, "--no-cache").stdout
    assert "unknown-reference" not in {r for _, r in _rules(fixed)}


def test_rule_selection_is_part_of_the_key(
    make_records: Callable[..., Path], run_cli: Run, parses: list[int]
) -> None:
    root = make_records(_files())
    _settle(root)
    _validate(run_cli, root)
    parses.clear()
    only = _validate(run_cli, root, "--select", "missing-*")
    assert len(parses) == 3  # another selection: judged afresh, never replayed
    assert only.stdout == _validate(run_cli, root, "--select", "missing-*", "--no-cache").stdout


def test_metadata_change_is_checked_again(
    make_records: Callable[..., Path], run_cli: Run, parses: list[int]
) -> None:
    """The stat a file is trusted on includes its ctime: a mode change (or a file put back
    with its old size and mtime) is read again."""
    root = make_records(_files())
    _settle(root)
    _validate(run_cli, root)
    target = root / "organisasi/depok/wksbm-kedua.yaml"
    target.chmod(0o600)
    parses.clear()
    _validate(run_cli, root)
    assert len(parses) == 1


def test_validate_keeps_no_whole_records(make_records: Callable[..., Path], run_cli: Run) -> None:
    """The summary holds problems and the compact facts: no officer, decree or name."""
    root = make_records(_files())
    _validate(run_cli, root)
    stored = (root / ".wksbm_cache" / "summary").read_bytes()
    assert b"wksbm-contoh" in stored
    for text in (b"Contoh Ketua", b"12/KEP.LRH/2023", b"Karang Taruna Contoh"):
        assert text not in stored


def test_commands_that_need_records_keep_them_in_the_summary(
    make_records: Callable[..., Path], run_cli: Run, parses: list[int]
) -> None:
    """``validate`` stores no whole record; a caller that needs them (the import plan) checks
    the files once, stores their records, and reads them back after that; ``validate`` keeps
    them when it rewrites the summary, without decoding them."""
    import datetime as dt

    from wksbm_cli.check.engine import check_entries
    from wksbm_cli.check.policy import load_config
    from wksbm_cli.load.files import walk
    from wksbm_cli.model.records import Organisation

    root = make_records(_files())
    _settle(root)
    first = _validate(run_cli, root)
    config = load_config(str(root), "records")
    today = dt.date(2026, 1, 1)

    def records() -> list[Any]:
        entries = list(walk(str(root)))
        return check_entries(str(root), "records", entries, config, today, True, records=True)

    parses.clear()
    assert sum(isinstance(r.record, Organisation) for r in records()) == 2
    assert len(parses) == 3
    parses.clear()
    again = records()
    assert parses == [] and sum(isinstance(r.record, Organisation) for r in again) == 2
    (root / "organisasi/depok/wksbm-kedua.yaml").touch()
    assert _validate(run_cli, root).stdout == first.stdout
    assert len(parses) == 1
    parses.clear()
    assert sum(isinstance(r.record, Organisation) for r in records()) == 2
    assert len(parses) == 1  # the touched file: validate stored it without its record
