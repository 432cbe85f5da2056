"""Hostile input beyond the record text: planted caches, odd file names, giant numbers, bad dates,
unreadable folders and a broken cache key. Each case once crashed (exit 3), hung or passed silently.

The heavy or hang-prone cases run the CLI in a child process (``test_hostile.wksbm``) with a time
limit and, where the old failure was eating memory, an address-space cap.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFIG, GOOD_EVENT, GOOD_ORG
from hypothesis import given, settings
from hypothesis import strategies as st
from nonroot import run_cli_nonroot, shared_folder
from test_hostile import wksbm

from wksbm_cli.check.cache import CACHE_DIR, SUMMARY


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "usercache"))
    monkeypatch.delenv("WKSBM_NO_CACHE", raising=False)
    folder = tmp_path / "records"
    (folder / "organisasi" / "sleman").mkdir(parents=True)
    (folder / "wksbm.yaml").write_text(CONFIG, encoding="utf-8")
    (folder / "organisasi" / "sleman" / "wksbm-contoh.yaml").write_text(GOOD_ORG, encoding="utf-8")
    return folder


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Uji", "-c", "user.email=uji@example.invalid", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the YAML parses of per-file checks: a served-from-cache file makes none."""
    import wksbm_cli.check.file_check
    import wksbm_cli.load.yamldoc

    calls: list[int] = []
    real = wksbm_cli.load.yamldoc.load_document

    def counting(text: str, *args: Any) -> Any:
        calls.append(1)
        return real(text, *args)

    monkeypatch.setattr(wksbm_cli.check.file_check, "load_fast_or_located", counting)
    return calls


# -- the cache folder ---------------------------------------------------------------------------


@pytest.mark.parametrize("plant", ["link-to-dev-zero", "fifo"])
def test_planted_summary_is_a_miss_not_a_hang_or_a_4gb_read(
    tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch, plant: str
) -> None:
    """The run summary a link to /dev/zero (was: 3.8 GB, then MemoryError) or a FIFO (was: a
    hang), as a pull request could commit it."""
    cache = root / CACHE_DIR
    cache.mkdir()
    summary = cache / SUMMARY
    if plant == "fifo":
        os.mkfifo(summary)
    else:
        os.symlink("/dev/zero", summary)
    expected = wksbm(tmp_path, "--records", "records", "validate", "--format", "json", "--no-cache")
    monkeypatch.setenv("WKSBM_TEST_MAX_MB", "1024")
    run = wksbm(tmp_path, "--records", "records", "validate", "--format", "json", timeout=60)
    assert (run.returncode, run.stdout) == (expected.returncode, expected.stdout), run.stderr
    assert expected.returncode == 0
    assert run.peak_kb < 200 * 1024


def test_summary_over_the_size_limit_is_not_read(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wksbm_cli.check import cache as store
    from wksbm_cli.check.engine import check_entries
    from wksbm_cli.check.policy import load_config
    from wksbm_cli.load import files

    config = load_config(str(root), "records")
    entries = list(files.walk(str(root)))
    check_entries(str(root), "records", entries, config, dt.date(2026, 1, 1), True)
    assert (root / CACHE_DIR / SUMMARY).stat().st_size > 100
    whole = store.Cache.open(str(root), "records", config, dt.date(2026, 1, 1))
    assert isinstance(whole, store.Cache)
    whole.load(entries)
    assert whole.index  # read back under the real limit
    reads: list[int] = []
    real = store.read_bytes

    def bounded(path: str, limit: int) -> Any:
        reads.append(limit)
        return real(path, limit)

    monkeypatch.setattr(store, "read_bytes", bounded)
    monkeypatch.setattr(store, "LIMIT_BASE", 100)
    monkeypatch.setattr(store, "LIMIT_PER_FILE", 0)
    fresh = store.Cache.open(str(root), "records", config, dt.date(2026, 1, 1))
    assert isinstance(fresh, store.Cache)
    fresh.load(entries)
    assert reads[-1] == 100 and fresh.index == {}


def test_cache_tracked_by_git_is_ignored_and_said_once(
    tmp_path: Path, root: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache committed to the repository came from someone else's machine: CI neither reads
    it nor rewrites the tracked files, and says so in one line."""
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    args = ("--lang", "en", "--records", "records", "validate", "--format", "json")
    assert run_cli(*args).exit_code == 0
    git(tmp_path, "add", "records")
    git(tmp_path, "add", "-f", f"records/{CACHE_DIR}")
    git(tmp_path, "commit", "-q", "-m", "catatan dan cache")
    shards = sorted((root / CACHE_DIR).iterdir())
    assert root / CACHE_DIR / SUMMARY in shards
    before = {s.name: s.read_bytes() for s in shards}
    (root / "organisasi" / "sleman" / "wksbm-contoh.yaml").write_text(
        GOOD_ORG.replace("jabatan: sekretaris", "jabatan: anggota"), encoding="utf-8"
    )
    calls = _parses(monkeypatch)
    result = run_cli(*args)
    assert result.exit_code == 1
    assert "missing-sekretaris" in result.stdout
    assert len(calls) == 1  # checked afresh, not served from the committed cache
    assert result.stderr.splitlines() == [
        "note: records/.wksbm_cache is tracked by git, so it came with the checkout and is not"
        " trusted; checked every file afresh (git rm -r --cached records/.wksbm_cache to fix)"
    ]
    assert {s.name: s.read_bytes() for s in shards} == before
    assert git(tmp_path, "status", "--porcelain", "--", f"records/{CACHE_DIR}") == ""
    assert json.loads(result.stdout)["problems"]


# -- the per-user cache key ---------------------------------------------------------------------


def _secret(tmp_path: Path) -> Path:
    return tmp_path / "usercache" / "wksbm" / "secret"


@pytest.mark.parametrize("left", [b"", b"\x00" * 7], ids=["empty", "truncated"])
def test_empty_secret_left_by_a_full_disk_is_recreated(
    tmp_path: Path, root: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch, left: bytes
) -> None:
    secret = _secret(tmp_path)
    secret.parent.mkdir(parents=True)
    secret.write_bytes(left)
    args = ("--lang", "en", "--records", str(root), "validate", "--format", "json")
    first = run_cli(*args)
    assert first.exit_code == 0 and first.stderr == ""
    assert len(secret.read_bytes()) == 32
    assert secret.stat().st_mode & 0o777 == 0o600
    parses = _parses(monkeypatch)
    assert run_cli(*args).stdout == first.stdout
    assert parses == []  # the cache works again


def test_secret_that_cannot_be_made_is_said_once(tmp_path: Path, root: Path, run_cli: Any) -> None:
    (tmp_path / "usercache").write_text("a file where the folder should be\n")
    args = ("--lang", "en", "--records", str(root), "validate")
    result = run_cli(*args)
    assert result.exit_code == 0
    (line,) = result.stderr.splitlines()
    assert line.startswith("note: the result cache is off: its key ")
    assert line.endswith("usercache/wksbm/secret cannot be made (Not a directory)")
    indonesian = run_cli("--lang", "id", *args[2:])
    assert indonesian.stderr.startswith("catatan: cache hasil mati: kuncinya ")


# -- file names that are not UTF-8 --------------------------------------------------------------


def cli_bytes(cwd: Path, *args: str) -> tuple[int, bytes, bytes]:
    """The CLI in a child process, its output kept as bytes to check they are valid UTF-8."""
    env = {**os.environ, "WKSBM_LANG": "en", "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    env.pop("GITHUB_ACTIONS", None)
    proc = subprocess.run(
        [sys.executable, "-m", "wksbm_cli", "--lang", "en", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def evil_name(root: Path) -> Path:
    sleman = os.fsencode(root / "organisasi" / "sleman")
    text = GOOD_ORG.replace("wksbm-contoh", "wksbm-jahat").encode()
    with open(sleman + b"/wksbm-jahat\xff.yaml", "wb") as handle:
        handle.write(text)
    os.mkdir(sleman + b"/folder\xfe")
    with open(sleman + b"/folder\xfe/wksbm-lain.yaml", "wb") as handle:
        handle.write(text)
    return root


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "text"])
def test_name_that_is_not_utf8_is_unsafe_path_in_valid_utf8(
    tmp_path: Path, evil_name: Path, fmt: str
) -> None:
    """Cold and warm (cached) runs alike: exit 1 with the name escaped, never exit 3."""
    for _ in ("cold", "warm"):
        code, out, err = cli_bytes(tmp_path, "--records", "records", "validate", "--format", fmt)
        assert code == 1, err.decode("utf-8", "replace")
        text = out.decode("utf-8")  # strict: raises on invalid UTF-8
        shown = {
            "json": ("wksbm-jahat\\\\xff.yaml", "folder\\\\xfe"),  # a \ is \\ in JSON
            "sarif": ("wksbm-jahat%5Cxff.yaml", "folder%5Cxfe"),  # a URI
        }.get(fmt, ("wksbm-jahat\\xff.yaml", "folder\\xfe"))
        assert all(name in text for name in shown), text
        assert "wksbm-lain" not in text  # a folder with such a name is reported, not entered
        if fmt in ("json", "sarif"):
            json.loads(text)
    code, out, _ = cli_bytes(tmp_path, "--records", "records", "validate", "--format", "json")
    found = {p["file"]: (p["rule"], p["message"]) for p in json.loads(out)["problems"]}
    assert found["records/organisasi/sleman/wksbm-jahat\\xff.yaml"] == (
        "unsafe-path",
        "the name is not valid UTF-8 (shown with \\x escapes); not read; rename it",
    )
    assert found["records/organisasi/sleman/folder\\xfe"][0] == "unsafe-path"


@pytest.mark.parametrize(
    "command",
    [
        ("baseline", "write", "acuan.json"),
        ("export", "--format", "json", "--output", "ekspor.json"),
        ("export", "--format", "csv", "--output", "ekspor-csv"),
        ("export", "--format", "sqlite", "--output", "ekspor.sqlite"),
        ("list", "organisasi", "--format", "json"),
    ],
    ids=["baseline", "export-json", "export-csv", "export-sqlite", "list"],
)
def test_name_that_is_not_utf8_never_breaks_other_commands(
    tmp_path: Path, evil_name: Path, command: tuple[str, ...]
) -> None:
    cli_bytes(tmp_path, "--records", "records", "validate")  # fills the cache first
    code, out, err = cli_bytes(tmp_path, "--records", "records", *command)
    assert code in (0, 1), err.decode("utf-8", "replace")
    out.decode("utf-8")
    err.decode("utf-8")
    for written in tmp_path.glob("ekspor*"):
        files = sorted(written.iterdir()) if written.is_dir() else [written]
        for path in files:
            if path.suffix != ".sqlite":
                path.read_bytes().decode("utf-8")
    baseline = tmp_path / "acuan.json"
    if baseline.exists():
        stored = json.loads(baseline.read_bytes().decode("utf-8"))["problems"]
        jahat = next(p for p in stored if "jahat" in p["file"])
        assert (jahat["file"], jahat["rule"]) == (
            "organisasi/sleman/wksbm-jahat\\xff.yaml",
            "unsafe-path",
        )


def test_name_that_is_not_utf8_is_reported_by_changed_since(tmp_path: Path, root: Path) -> None:
    """git names a changed file with the same escapes as the walker, so the scope still holds it."""
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "catatan awal")
    with open(os.fsencode(root / "organisasi" / "sleman") + b"/wksbm-jahat\xff.yaml", "wb") as f:
        f.write(GOOD_ORG.replace("wksbm-contoh", "wksbm-jahat").encode())
    code, out, err = cli_bytes(
        tmp_path, "--records", "records", "validate", "--changed-since", "HEAD", "--format", "json"
    )
    assert code == 1, err.decode("utf-8", "replace")
    problems = json.loads(out.decode("utf-8"))["problems"]
    assert [(p["file"], p["rule"]) for p in problems] == [
        ("records/organisasi/sleman/wksbm-jahat\\xff.yaml", "unsafe-path")
    ]


# -- folders and files that cannot be read ------------------------------------------------------


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    with shared_folder() as folder:
        yield folder


def _shared_records(shared_tmp: Path) -> Path:
    records = shared_tmp / "records"
    kalasan = records / "organisasi" / "kalasan"
    kalasan.mkdir(parents=True)
    (records / "wksbm.yaml").write_text(CONFIG, encoding="utf-8")
    (kalasan / "wksbm-dharma-sembada.yaml").write_text(
        GOOD_ORG.replace("wksbm-contoh", "wksbm-dharma-sembada"), encoding="utf-8"
    )
    depok = records / "organisasi" / "depok"
    depok.mkdir()
    (depok / "wksbm-contoh.yaml").write_text(GOOD_ORG, encoding="utf-8")
    return records


def test_unreadable_folder_is_a_problem_at_the_folder(shared_tmp: Path) -> None:
    """`chmod 000 organisasi/kalasan` used to leave its records out and exit 0."""
    records = _shared_records(shared_tmp)
    (records / "organisasi" / "kalasan").chmod(0)
    run = run_cli_nonroot(shared_tmp, "--records", "records", "validate", "--format", "json")
    assert run.returncode == 1, run.stderr
    problems = [p for p in json.loads(run.stdout)["problems"] if p["severity"] == "error"]
    assert [(p["file"], p["line"], p["rule"]) for p in problems] == [
        ("records/organisasi/kalasan", 1, "unsafe-path")
    ]
    assert problems[0]["message"].startswith("permission denied")


def test_unreadable_file_says_permission_denied(shared_tmp: Path) -> None:
    records = _shared_records(shared_tmp)
    (records / "organisasi" / "kalasan" / "wksbm-dharma-sembada.yaml").chmod(0)
    run = run_cli_nonroot(shared_tmp, "--records", "records", "validate")
    assert run.returncode == 1, run.stderr
    assert "records/organisasi/kalasan/wksbm-dharma-sembada.yaml" in run.stdout
    assert "permission denied: wksbm cannot read it, so it is not checked" in run.stdout
    assert "not a regular file" not in run.stdout


# -- dates the user gives -----------------------------------------------------------------------

DATE_COMMANDS = {
    "validate": ("validate", "--as-of"),
    "diff": ("diff", "main", "--as-of"),
    "completeness": ("completeness", "--as-of"),
    "summary": ("summary", "--as-of"),
    "show": ("show", "wksbm-contoh", "--as-of"),
    "new": (
        "new", "kegiatan", "sosialisasi-wksbm", "--jenis", "sosialisasi", "--judul",
        "Sosialisasi WKSBM", "--penyelenggara", "Dinas Sosial Sleman", "--tanggal",
    ),
}  # fmt: skip
BAD_DATES = {
    "2026-13-01": "is not a real day",
    "2026-02-30": "is not a real day",
    "2026-1-1": "is not a date YYYY-MM-DD",
    "20260101": "is not a date YYYY-MM-DD",
    "2026-W01-1": "is not a date YYYY-MM-DD",
    "kemarin": "is not a date YYYY-MM-DD",
}


@pytest.mark.parametrize("value", list(BAD_DATES))
@pytest.mark.parametrize("command", list(DATE_COMMANDS))
def test_bad_date_is_a_bad_option_naming_it(
    root: Path, run_cli: Any, command: str, value: str
) -> None:
    """`validate --as-of 2026-13-01` and `diff main --as-of 2026-02-30` exited 3 ("please
    report"); `completeness --as-of 20260101` was taken as a date. All now exit 2 in one line."""
    *args, option = DATE_COMMANDS[command]
    result = run_cli("--lang", "en", "--records", str(root), *args, option, value)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"wksbm: {option}: `{value}` {BAD_DATES[value]}" + (
        "; write YYYY-MM-DD\n" if "real" in BAD_DATES[value] else "\n"
    )
    assert not (root / "kegiatan").exists()


def test_bad_date_is_named_in_indonesian_too(root: Path, run_cli: Any) -> None:
    result = run_cli("--lang", "id", "--records", str(root), "validate", "--as-of", "2026-02-30")
    assert result.exit_code == 2
    assert result.stderr == (
        "wksbm: --as-of: `2026-02-30` bukan hari yang ada di kalender; tulis YYYY-MM-DD\n"
    )


@given(st.text(max_size=14) | st.dates().map(dt.date.isoformat))
@settings(max_examples=300, deadline=None)
def test_the_date_parser_takes_exactly_yyyy_mm_dd(text: str) -> None:
    from wksbm_cli.core.dates import parse_date
    from wksbm_cli.errors import WksbmError

    try:
        day = parse_date("--as-of", text)
    except WksbmError as exc:
        message = exc.message("en")
        assert "--as-of" in message and f"`{text}`" in message
    else:
        assert day.isoformat() == text


# -- numbers ------------------------------------------------------------------------------------

GIANT_HEX = "0x" + "f" * 6000  # past Python's 4,300-digit int-to-text limit once built
HUGE = "1" + "0" * 30  # 1e30: overflows SQLite's 64-bit INTEGER


def _numbers_folder(root: Path) -> Path:
    sleman = root / "organisasi" / "sleman"
    (sleman / "wksbm-contoh.yaml").write_text(
        GOOD_ORG + f"jumlah_anggota: {GIANT_HEX}\n", encoding="utf-8"
    )
    (sleman / "wksbm-kedua.yaml").write_text(
        GOOD_ORG.replace("wksbm-contoh", "wksbm-kedua") + "jumlah_anggota: 10000001\n",
        encoding="utf-8",
    )
    kegiatan = root / "kegiatan" / "2025"
    kegiatan.mkdir(parents=True)
    (kegiatan / "2025-06-17-pelatihan.yaml").write_text(
        GOOD_EVENT.replace("jumlah: 30", f"jumlah: {HUGE}") + "tahun_anggaran: 20250\n",
        encoding="utf-8",
    )
    return root


def test_giant_numbers_are_located_invalid_values(tmp_path: Path, root: Path) -> None:
    _numbers_folder(root)
    for _ in ("cold", "warm"):
        code, out, err = cli_bytes(tmp_path, "--records", "records", "validate", "--format", "json")
        assert code == 1, err.decode("utf-8", "replace")
        found = {
            (p["file"].rsplit("/", 1)[-1], p["line"], p["column"], p["path"]): p["message"]
            for p in json.loads(out)["problems"]
            if p["rule"] == "invalid-value"
        }
        assert found == {
            ("wksbm-contoh.yaml", 17, 17, "jumlah_anggota"): (
                "`0xffffffffffffffffffffffffffffffffffffff` cannot be read as a number (longer"
                " than 40 characters; no count is that large); quote it if it is text"
            ),
            ("wksbm-kedua.yaml", 17, 1, "jumlah_anggota"): (
                "`jumlah_anggota` value 10000001 is out of range (0..10000000)"
            ),
            ("2025-06-17-pelatihan.yaml", 6, 11, "peserta.jumlah"): (
                f"`peserta.jumlah` value {HUGE} is out of range (0..10000000)"
            ),
            ("2025-06-17-pelatihan.yaml", 7, 1, "tahun_anggaran"): (
                "`tahun_anggaran` value 20250 is out of range (1945..2100)"
            ),
        }


@pytest.mark.parametrize(
    "command",
    [
        ("validate", "--format", "sarif"),
        ("show", "wksbm-contoh", "--format", "json"),
        ("show", "2025-06-17-pelatihan", "--format", "json"),
        ("list", "organisasi", "--format", "json"),
        ("list", "kegiatan", "--format", "csv"),
        ("export", "--format", "json", "--output", "ekspor.json"),
        ("export", "--format", "csv", "--output", "ekspor-csv"),
        ("export", "--format", "sqlite", "--output", "ekspor.sqlite"),
        ("summary", "--format", "json"),
        ("report", "--year", "2025", "--format", "json"),
    ],
    ids=[
        "validate-sarif",
        "show-org",
        "show-event",
        "list-json",
        "list-csv",
        "export-json",
        "export-csv",
        "export-sqlite",
        "summary",
        "report",
    ],
)
def test_giant_numbers_never_reach_an_output(
    tmp_path: Path, root: Path, command: tuple[str, ...]
) -> None:
    _numbers_folder(root)
    cli_bytes(tmp_path, "--records", "records", "validate")  # the cached run fills the cache
    code, out, err = cli_bytes(tmp_path, "--records", "records", *command)
    assert code in (0, 1), err.decode("utf-8", "replace")
    assert b"fffffffffffffffffffffffffffffffffffffffff" not in out
    assert HUGE.encode() not in out or command[0] in ("validate", "show")  # in the message
    sqlite = tmp_path / "ekspor.sqlite"
    if sqlite.exists():
        import sqlite3

        with contextlib.closing(sqlite3.connect(sqlite)) as db:
            rows = db.execute("SELECT id, jumlah_anggota FROM organisasi ORDER BY id").fetchall()
            events = db.execute("SELECT peserta_jumlah, tahun_anggaran FROM kegiatan").fetchall()
        assert rows == [("wksbm-contoh", None), ("wksbm-kedua", None)]
        assert events == [(None, None)]


def test_long_numbers_are_refused_before_int_is_called(monkeypatch: pytest.MonkeyPatch) -> None:
    from wksbm_cli.load import yamldoc

    calls: list[str] = []
    real = yamldoc._CONSTRUCTOR.construct_yaml_int

    def counting(node: Any) -> Any:
        calls.append(node.value)
        return real(node)

    monkeypatch.setattr(yamldoc._CONSTRUCTOR, "construct_yaml_int", counting)
    doc = yamldoc.load_document(f"jumlah_anggota: {'9' * 100_000}\nkecil: {'9' * 40}\n")
    assert calls == ["9" * 40]
    assert [(i.rule, i.line, i.column) for i in doc.issues] == [("invalid-value", 1, 17)]
    assert doc.data["kecil"] == int("9" * 40)
