"""Hostile records: bombs, deep nesting, huge files, bad bytes, tags, links and special files.

Records come from pull requests, so every input here is one an attacker could send. Heavy inputs
run the real CLI in a subprocess: a segfault or a hang there fails the test (negative return
code, timeout) instead of killing pytest, and the child reports its own peak memory.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFIG, GOOD_ORG

TIMEOUT = 120  # generous: only a hang gets near it
PEAK_LIMIT_KB = 200 * 1024

_MEASURE = """
import os, resource, sys
sys.argv = ["wksbm", *sys.argv[1:]]
if os.environ.get("WKSBM_TEST_MAX_MB"):  # fail fast instead of eating the machine's memory
    cap = int(os.environ["WKSBM_TEST_MAX_MB"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
if os.environ.get("WKSBM_TEST_YAML") == "pure-python":
    import yaml
    from wksbm_cli.load import yamldoc
    yamldoc._Loader = yaml.SafeLoader
try:
    from wksbm_cli.cli import main
    main()
finally:
    # VmHWM is this program's own peak; ru_maxrss also counts the parent's (the test runner's)
    # peak, which Linux carries over at exec, so a large test process would fail the limit.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        with open("/proc/self/status") as status:
            peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        pass
    sys.stderr.write(f"\\nPEAK_RSS_KB={peak}\\n")
"""


class Run:
    def __init__(self, proc: subprocess.CompletedProcess[str]) -> None:
        self.returncode = proc.returncode
        lines = proc.stderr.splitlines()
        peaks = [x for x in lines if x.startswith("PEAK_RSS_KB=")]
        self.peak_kb = int(peaks[-1].split("=", 1)[1]) if peaks else -1
        self.stderr = "\n".join(x for x in lines if x and not x.startswith("PEAK_RSS_KB="))
        self.stdout = proc.stdout


def wksbm(cwd: Path, *args: str, timeout: float = TIMEOUT) -> Run:
    """The CLI in a child process, with a time limit; returns its output and peak RSS."""
    env = {**os.environ, "WKSBM_LANG": "en", "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    env.pop("GITHUB_ACTIONS", None)
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, "--lang", "en", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )
    return Run(proc)


def validate_json(cwd: Path, root: Path) -> tuple[Run, list[dict[str, Any]]]:
    run = wksbm(cwd, "--records", str(root), "validate", "--format", "json")
    assert run.returncode >= 0, f"killed by signal {-run.returncode}"
    problems = json.loads(run.stdout)["problems"] if run.stdout else []
    return run, problems


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "records"
    (folder / "organisasi").mkdir(parents=True)
    (folder / "wksbm.yaml").write_text(CONFIG, encoding="utf-8")
    return folder


def rules_of(problems: list[dict[str, Any]], name: str) -> list[tuple[int, int, str]]:
    return [(p["line"], p["column"], p["rule"]) for p in problems if p["file"].endswith(name)]


# -- bombs and nesting --------------------------------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def merge_bomb(levels: int = 12) -> str:
    lines = ["m0: &m0 {x: 1, y: 2}"]
    for i in range(1, levels + 1):
        refs = ", ".join([f"*m{i - 1}"] * 8)
        lines.append(f"m{i}: &m{i}\n  <<: [{refs}]\n  k{i}: v")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("bomb", [billion_laughs(), merge_bomb()], ids=["laughs", "merge"])
def test_alias_bombs_are_refused_before_expansion(tmp_path: Path, root: Path, bomb: str) -> None:
    (root / "organisasi" / "bom.yaml").write_text(bomb, encoding="utf-8")
    run, problems = validate_json(tmp_path, root)
    assert run.returncode == 1
    found = rules_of(problems, "bom.yaml")
    assert (1, 4 if "lol" in bomb else 5, "yaml-alias") in found  # the first anchor, located
    assert run.peak_kb < PEAK_LIMIT_KB, run.peak_kb
    if "<<" in bomb:
        merges = [p for p in problems if p["rule"] == "yaml-alias" and "<<" in p["message"]]
        assert merges and merges[0]["line"] == 3


@pytest.mark.parametrize("engine", ["libyaml", "pure-python"])
@pytest.mark.parametrize("depth", [10**5, 10**6])
def test_deep_nesting_is_a_located_syntax_error_not_a_segfault(
    tmp_path: Path, root: Path, depth: int, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our limit (64 levels, located where it is passed) holds whichever parser PyYAML uses:
    libyaml 0.2.6 would otherwise stop first, at 1,000 flow levels, with its own message."""
    monkeypatch.setenv("WKSBM_TEST_YAML", engine)
    (root / "organisasi" / "dalam.yaml").write_text("[" * depth, encoding="utf-8")
    (root / "organisasi" / "dalam-map.yaml").write_text("{a: " * depth, encoding="utf-8")
    (root / "organisasi" / "dalam-blok.yaml").write_text(
        "anggota:\n  - " + "[" * depth, encoding="utf-8"
    )
    (root / "wksbm.yaml").write_text(
        CONFIG.replace("bahasa", "ukuran_berkas_maks: 5000000\nbahasa")
    )
    run, problems = validate_json(tmp_path, root)
    assert run.returncode == 1, run.stderr
    assert rules_of(problems, "dalam.yaml") == [(1, 65, "yaml-syntax")]
    assert rules_of(problems, "dalam-map.yaml") == [(1, 257, "yaml-syntax")]
    assert rules_of(problems, "dalam-blok.yaml") == [(2, 67, "yaml-syntax")]
    deep = [p for p in problems if p["file"].endswith(("dalam.yaml", "dalam-map.yaml"))]
    assert all("more than 64 levels" in p["message"] for p in deep), deep
    assert run.peak_kb < PEAK_LIMIT_KB


def test_huge_files_are_refused_by_size_unread(tmp_path: Path, root: Path) -> None:
    big = root / "organisasi" / "besar.yaml"
    with big.open("wb") as handle:
        line = b"nama: " + b"x" * 1000 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    (root / "organisasi" / "baris.yaml").write_bytes(b"nama: " + b"y" * (10 * 1024 * 1024))
    run, problems = validate_json(tmp_path, root)
    assert run.returncode == 1
    assert rules_of(problems, "besar.yaml") == [(1, 1, "file-too-large")]
    assert rules_of(problems, "baris.yaml") == [(1, 1, "file-too-large")]
    # Neither file was read: a 50 MiB read alone would push the peak past this.
    assert run.peak_kb < 45 * 1024 + 60 * 1024, run.peak_kb


# -- bytes and encodings ------------------------------------------------------------------------

BAD_BYTES = {
    "acak.yaml": (bytes(range(1, 256)) * 4, "encoding", (2, 118)),  # 0x80 after "\n" at 0x0a
    "nul.yaml": (b"id: wksbm\x00x\n", "yaml-syntax", (1, 10)),
    "bom16.yaml": ("id: x\n".encode("utf-16"), "encoding", (1, 1)),
    "le16.yaml": ("id: x\n".encode("utf-16-le"), "encoding", (1, 1)),
    "be16.yaml": ("id: x\n".encode("utf-16-be"), "encoding", (1, 1)),
    "latin1.yaml": ("id: x\nnama: Pak Dé\n".encode("latin-1"), "encoding", (2, 12)),
    "ctrl.yaml": (b"id: x\nnama: a\x07b\n", "yaml-syntax", (2, 8)),
}


def test_bad_bytes_get_a_located_encoding_or_syntax_problem(
    run_cli: Callable[..., Any], root: Path
) -> None:
    for name, (data, _, _) in BAD_BYTES.items():
        (root / "organisasi" / name).write_bytes(data)
    result = run_cli("--lang", "en", "--records", str(root), "validate", "--format", "json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    for name, (_, rule, (line, col)) in BAD_BYTES.items():
        assert rules_of(problems, name) == [(line, col, rule)], name
    acak = next(p for p in problems if p["file"].endswith("acak.yaml"))
    assert acak["message"] == "not valid UTF-8 (byte 0x80); save the file as UTF-8"
    assert "0x" not in next(p for p in problems if "le16" in p["file"])["message"]


def test_python_tags_are_refused_and_never_constructed(tmp_path: Path, root: Path) -> None:
    marker = tmp_path / "DIJALANKAN"
    (root / "organisasi" / "tag.yaml").write_text(
        f'id: !!python/object/apply:os.system ["touch {marker}"]\n'
        f"nama: !!python/name:os.system\n"
        f'jenis: !!python/object/new:subprocess.Popen [["touch", "{marker}"]]\n',
        encoding="utf-8",
    )
    run, problems = validate_json(tmp_path, root)
    assert run.returncode == 1
    tags = [(line, col) for line, col, rule in rules_of(problems, "tag.yaml") if rule == "yaml-tag"]
    assert tags == [(1, 5), (2, 7), (3, 8)]
    assert not marker.exists()


# -- links and special files --------------------------------------------------------------------

SECRET = "RAHASIA-3404075507950003-JANGAN-TAMPIL"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    outside = tmp_path / "luar"
    outside.mkdir()
    (outside / "rahasia.yaml").write_text(f"id: {SECRET}\nnama: {SECRET}\n", encoding="utf-8")
    return outside


def all_formats(cwd: Path, *args: str) -> Iterator[tuple[str, Run]]:
    for fmt in ("text", "json", "github"):
        yield fmt, wksbm(cwd, *args, "validate", "--format", fmt)


def test_links_are_reported_never_followed(tmp_path: Path, root: Path, secret: Path) -> None:
    org = root / "organisasi"
    (org / "wksbm-contoh.yaml").write_text(GOOD_ORG, encoding="utf-8")
    os.symlink(secret / "rahasia.yaml", org / "tautan.yaml")
    os.symlink(secret, org / "folder")  # a folder outside, holding a record
    os.symlink("..", org / "putaran")  # a loop
    os.symlink(org / "putaran", org / "putaran2")  # a chain into the loop
    os.symlink("/dev/zero", org / "nol.yaml")
    os.symlink("/etc/passwd", root / "kegiatan.yaml")
    os.symlink(secret, root / "kegiatan")  # a whole kind folder that is a link
    os.symlink(org / "tidak-ada.yaml", org / "patah.yaml")  # dangling
    for fmt, run in all_formats(tmp_path, "--records", str(root)):
        assert run.returncode == 1, (fmt, run.stderr)
        assert SECRET not in run.stdout + run.stderr, fmt
        assert "root:" not in run.stdout  # nothing of /etc/passwd
    run, problems = validate_json(tmp_path, root)
    unsafe = sorted(
        p["file"].split("records/", 1)[1] for p in problems if p["rule"] == "unsafe-path"
    )
    assert unsafe == [
        "kegiatan",
        "kegiatan.yaml",
        "organisasi/folder",
        "organisasi/nol.yaml",
        "organisasi/patah.yaml",
        "organisasi/putaran",
        "organisasi/putaran2",
        "organisasi/tautan.yaml",
    ]
    assert all((p["line"], p["column"]) == (1, 1) for p in problems if p["rule"] == "unsafe-path")


def test_fifo_and_socket_never_hang(tmp_path: Path, root: Path) -> None:
    org = root / "organisasi"
    os.mkfifo(org / "pipa.yaml")
    os.mkfifo(org / "pipa-tanpa-akhiran")
    sock_path = org / "soket.yaml"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(sock_path))
        sock.listen(1)
        run, problems = validate_json(tmp_path, root)
    finally:
        sock.close()
    assert run.returncode == 1
    found = {p["file"].rsplit("/", 1)[1]: p["message"] for p in problems}
    assert found == {
        "pipa.yaml": "not a regular file (a fifo); not opened",
        "pipa-tanpa-akhiran": "not a regular file (a fifo); not opened",
        "soket.yaml": "not a regular file (a socket); not opened",
    }


def test_records_root_that_is_a_link_stops_with_one_line(tmp_path: Path, root: Path) -> None:
    os.symlink(root, tmp_path / "tautan")
    run = wksbm(tmp_path, "--records", "tautan", "validate", "--format", "json")
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == "wksbm: records folder tautan is a symbolic link; pass the real folder"


# -- hostile wksbm.yaml -------------------------------------------------------------------------


def _config_cases(tmp: Path, secret: Path) -> dict[str, Callable[[Path], object]]:
    def write(data: bytes) -> Callable[[Path], object]:
        return lambda p: p.write_bytes(data)

    return {
        "link-outside": lambda p: os.symlink(secret / "rahasia.yaml", p),
        "link-dev-zero": lambda p: os.symlink("/dev/zero", p),
        "fifo": lambda p: os.mkfifo(p),
        "folder": lambda p: p.mkdir(),
        "too-large": write(b"bahasa: en\n" + b"# " + b"x" * (300 * 1024) + b"\n"),
        "deep": write(b"[" * 10**5),
        "bomb": write(billion_laughs().encode()),
        "merge": write(merge_bomb().encode()),
        "tag": write(f'bahasa: !!python/object/apply:os.system ["touch {tmp}/X"]\n'.encode()),
        "bytes": write(bytes(range(256))),
        "nul": write(b"bahasa: en\x00\n"),
        "utf16": write("bahasa: en\n".encode("utf-16")),
        "secret-value": write(f"bahasa: {SECRET}\n".encode()),
    }


CONFIG_CASES = list(_config_cases(Path("/"), Path("/")))


@pytest.mark.parametrize("case", CONFIG_CASES)
def test_hostile_config_stops_with_one_line(
    tmp_path: Path, root: Path, secret: Path, case: str
) -> None:
    config = root / "wksbm.yaml"
    config.unlink()
    _config_cases(tmp_path, secret)[case](config)
    run = wksbm(tmp_path, "--records", str(root), "validate", "--format", "json")
    assert run.returncode == 2, (case, run.stderr)
    assert run.stdout == ""
    assert len(run.stderr.splitlines()) == 1, run.stderr
    assert run.stderr.startswith(f"wksbm: {root.relative_to(tmp_path)}/wksbm.yaml"), run.stderr
    if case != "secret-value":
        assert SECRET not in run.stderr
    assert not (tmp_path / "X").exists()
    assert run.peak_kb < PEAK_LIMIT_KB


def test_config_value_is_shown_escaped_at_most(tmp_path: Path, root: Path) -> None:
    (root / "wksbm.yaml").write_text('bahasa: "\\e[31m[/bold]"\n', encoding="utf-8")
    run = wksbm(tmp_path, "--records", str(root), "validate")
    assert run.returncode == 2
    assert "\x1b" not in run.stderr
    assert "[/bold]" in run.stderr
