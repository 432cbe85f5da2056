"""One language per run: help pages, usage errors, labels, severities and YAML messages.

A run in Indonesian shows no English word of ours (and a run in English none of a few
Indonesian ones), over the main commands on the bundled records, on a folder of broken YAML and
on bad command lines. Record content (names, titles) and identifiers (rule ids, record ids,
paths, option names) are left out before the check: they are the same in both languages.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main

from wksbm_cli.cli import app
from wksbm_cli.cli.common import param_key
from wksbm_cli.i18n.help_id import HELP
from wksbm_cli.rules.registry import RULES

ROOT = Path(__file__).parent.parent
BUNDLED = ROOT / "records"
BROKEN = Path(__file__).parent / "cases" / "broken_yaml"

ENGLISH_WORDS = (
    r"\berrors?\b",
    r"\bwarnings?\b",
    r"Value error",
    r"\bGot\b",
    r"while scanning",
    r"while parsing",
    r"\bfound\b",
    r"\bexpected\b",
    r"\bUsage\b",
    r"\bOptions\b",
    r"\bArguments\b",
    r"\bCommands\b",
    r"\bTry\b",
    r"\bShow\b",
    r"\bdefault\b",
    r"\brequired\b",
    r"\bmissing\b",
    r"\bSummary\b",
    r"\bproblems?\b",
    r"\bfiles\b",
    r"\bmust\b",
    r"\bmonth\b",
    r"\bnot\b",
    r"\bthe\b",
)
INDONESIAN_WORDS = (
    r"\bgalat\b",
    r"\bperingatan\b",
    r"\bmasalah\b",
    r"\bberkas\b",
    r"\bPenggunaan\b",
    r"\bOpsi\b",
    r"\bRingkasan\b",
    r"\bKelengkapan\b",
    r"\bMenurut\b",
    r"\btidak\b",
    r"\bbukan\b",
)


def _words_of_ours(text: str, record_values: set[str]) -> str:
    """The text with what is not ours to translate taken out."""
    text = re.sub(r"(?m)^\s+[\w-]+(, [\w-]+)?(?=\s{2})", " ", text)  # command names in help
    text = re.sub(r"\S*[/\\]\S*", " ", text)  # paths
    for rule in sorted(RULES, key=len, reverse=True):
        text = text.replace(rule, " ")
    text = re.sub(r"(?<![\w-])\w[\w.]*-[\w.-]+", " ", text)  # record ids, missing-<jabatan>
    text = re.sub(r"--?[\w-]+", " ", text)  # options
    text = re.sub(r"`[^`]*`", " ", text)  # quoted values and keys
    text = re.sub(r"'[^']*'", " ", text)  # quoted values in usage errors
    for value in sorted(record_values, key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def _record_values(folder: Path) -> set[str]:
    """Names, titles and other free text written in the records (any language)."""
    values: set[str] = set()
    for path in folder.rglob("*.yaml"):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if ":" in line and not line.lstrip().startswith("#"):
                value = line.split(":", 1)[1].strip().strip("\"'{}[]")
                if len(value) > 3:
                    values.add(value)
                    values.update(v.strip() for v in value.split(",") if len(v.strip()) > 3)
    return values


def _runs(folder: Path) -> list[list[str]]:
    return [
        ["validate"],
        ["validate", "--statistics"],
        ["completeness"],
        ["summary"],
        ["report", "--year", "2025"],
        ["list", "organisasi"],
        ["list", "kegiatan"],
        ["rules"],
        ["validate", "--format", "xml"],
        ["validate", "--no-such-option"],
        ["list"],
        ["list", "organisasi", "extra", "words"],
        ["list", "organisasi", "--year", "dua-ribu"],
        ["nosuchcommand"],
        ["validate", "--format"],
        ["--help"],
        ["validate", "--help"],
        ["completeness", "--help"],
        ["new", "--help"],
        ["baseline", "write", "--help"],
    ]


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("lang")
    shutil.copytree(BUNDLED, base / "bundled")
    shutil.copytree(BROKEN, base / "broken")
    return {"bundled": base / "bundled", "broken": base / "broken"}


def _offending(text: str, patterns: tuple[str, ...]) -> list[str]:
    hits = []
    for line in text.splitlines():
        for pattern in patterns:
            if re.search(pattern, line, re.IGNORECASE):
                hits.append(f"{pattern!r} in {line.strip()!r}")
    return hits


@pytest.mark.parametrize("which", ["bundled", "broken"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_one_language_per_run(
    which: str, lang: str, folders: dict[str, Path], run_cli: Callable[..., Any]
) -> None:
    folder = folders[which]
    values = _record_values(folder)
    deny = ENGLISH_WORDS if lang == "id" else INDONESIAN_WORDS
    found: list[str] = []
    for args in _runs(folder):
        result = run_cli("--records", str(folder), "--lang", lang, *args, env={"COLUMNS": "100"})
        ours = _words_of_ours(result.stdout + "\n" + result.stderr, values)
        found += [f"wksbm {' '.join(args)}: {hit}" for hit in _offending(ours, deny)]
    assert not found, "\n".join(found)


def _commands() -> Iterator[tuple[str, Any]]:
    root = typer.main.get_command(app)

    def walk(command: Any, path: str) -> Iterator[tuple[str, Any]]:
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            if not sub.hidden:
                yield from walk(sub, f"{path} {name}".strip())

    yield from walk(root, "")


def test_every_command_and_option_has_indonesian_help() -> None:
    """A new command or option needs its Indonesian help in wksbm_cli/i18n/help_id.py."""
    missing = []
    for path, command in _commands():
        if command.help and path not in HELP:
            missing.append(repr(path))
        for param in command.params:
            key = f"{path}.{param_key(param)}"
            if getattr(param, "help", None) and key not in HELP:
                missing.append(repr(key))
    assert not missing, "no Indonesian help in wksbm_cli/i18n/help_id.py HELP for: " + ", ".join(
        missing
    )


def test_catalog_has_no_stale_help_keys() -> None:
    known = {""} | {"--help"}
    for path, command in _commands():
        known.add(path)
        known.update(f"{path}.{param_key(p)}" for p in command.params)
    assert not sorted(set(HELP) - known)


@pytest.mark.parametrize(
    ("how", "expect"),
    [
        (["--lang", "id"], "Opsi:"),
        (["--lang", "en"], "Options:"),
    ],
)
def test_help_follows_lang_option(how: list[str], expect: str, run_cli: Callable[..., Any]) -> None:
    for args in ([*how, "--help"], [*how, "validate", "--help"], ["validate", "--help", *how]):
        assert expect in run_cli(*args).stdout, args


def test_help_follows_env_and_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., Any]
) -> None:
    (tmp_path / "wksbm.yaml").write_text("istilah: diy\nbahasa: id\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert "Penggunaan:" in run_cli("summary", "--help").stdout
    assert "Usage:" in run_cli("summary", "--help", env={"WKSBM_LANG": "en"}).stdout
    (tmp_path / "wksbm.yaml").write_text("bahasa: en\n", encoding="utf-8")
    assert "Usage:" in run_cli("--help").stdout


def test_alias_has_the_command_help_and_is_listed(run_cli: Callable[..., Any]) -> None:
    top = run_cli("--lang", "id", "--help").stdout
    assert "validate, periksa" in top
    assert "completeness, lengkap" in top
    alias = run_cli("--lang", "id", "periksa", "--help").stdout
    command = run_cli("--lang", "id", "validate", "--help").stdout
    assert "Alias of" not in alias
    assert alias.split("\n", 1)[1] == command.split("\n", 1)[1]


def test_help_has_human_metavars_and_no_cut_words(run_cli: Callable[..., Any]) -> None:
    for lang in ("id", "en"):
        for path, _ in _commands():
            out = run_cli("--lang", lang, *path.split(), "--help", env={"COLUMNS": "80"}).stdout
            assert not re.search(r"<(str|int|float|bool|list\[\w+\])>|\{kind\}", out), (path, out)
            assert "penyuluha\n" not in out


@pytest.mark.parametrize(
    ("args", "indonesian", "english"),
    [
        (["validate", "a", "--foo"], "tidak ada opsi --foo", "no such option --foo"),
        (
            ["list", "organisasi", "x", "y"],
            "argumen lebih yang tidak diharapkan: x y",
            "unexpected extra arguments: x y",
        ),
        (
            ["validate", "--format", "xml"],
            "'xml' bukan salah satu dari 'text', 'json', 'github', 'sarif'",
            "'xml' is not one of 'text', 'json', 'github', 'sarif'",
        ),
        (["list"], "pilih salah satu: organisasi, kegiatan", "choose one of: organisasi, kegiatan"),
        (["validatee"], "tidak ada perintah 'validatee'", "no such command 'validatee'"),
        (["validate", "--format"], "opsi --format memerlukan nilai", "option --format needs a"),
        (["--lang", "fr", "validate"], "pakai id atau en", "use id or en"),
    ],
)
def test_usage_errors_in_both_languages(
    args: list[str], indonesian: str, english: str, run_cli: Callable[..., Any]
) -> None:
    lang_id = run_cli(*args, env={"WKSBM_LANG": "id"})
    assert lang_id.exit_code == 2
    assert indonesian in lang_id.stderr
    assert lang_id.stderr.splitlines()[-1].startswith("Galat: ")
    lang_en = run_cli(*args, env={"WKSBM_LANG": "en"})
    assert lang_en.exit_code == 2
    assert english in lang_en.stderr
    assert "Value error" not in lang_en.stderr


def test_yaml_messages_in_both_languages_parser_text_only_under_debug(
    folders: dict[str, Path], run_cli: Callable[..., Any]
) -> None:
    broken = str(folders["broken"])
    wide = {"COLUMNS": "300"}
    plain = run_cli("--records", broken, "--lang", "id", "validate", "--no-cache", env=wide).stdout
    assert "tanda kutip dibuka di sini tetapi tidak pernah ditutup" in plain
    assert "bulan harus 1 sampai 12" in plain
    assert "tab tidak boleh dipakai" in plain
    assert "while scanning" not in plain
    english = run_cli("--records", broken, "--lang", "en", "validate", "--no-cache", env=wide)
    english = english.stdout
    assert "a quote opens here and is never closed" in english
    assert "the month must be 1 to 12" in english
    debug = run_cli(
        "--records", broken, "--lang", "en", "--debug", "validate", "--no-cache", env=wide
    )
    assert "while scanning a quoted scalar" in debug.stdout
    assert "month must be in 1..12" in debug.stdout
