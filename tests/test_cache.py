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
    _validate(run_cli, root)
    shards = sorted((root / ".wksbm_cache").glob("shard-*.json"))
    assert shards
    for i, shard in enumerate(shards):
        shard.write_bytes(os.urandom(200) if i % 2 else b"wksbm-cache 1\nnot-a-mac\n{]")
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
    shards = sorted((root / ".wksbm_cache").glob("shard-*.json"))
    before = {s.name: (s.stat().st_ino, s.stat().st_mtime_ns) for s in shards}
    _validate(run_cli, root)
    after = {s.name: (s.stat().st_ino, s.stat().st_mtime_ns) for s in shards}
    assert before == after
    (root / "organisasi/depok/wksbm-kedua.yaml").unlink()
    _validate(run_cli, root)
    stored = b"".join(s.read_bytes() for s in (root / ".wksbm_cache").glob("shard-*.json"))
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
