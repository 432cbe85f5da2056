"""Property tests: no record text or bytes can crash a check or yield an unlocated problem.

The default profile keeps the suite fast. A long fuzz run uses the ``fuzz`` profile::

    HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_properties.py -p no:cacheprovider

or ``python benchmarks/fuzz.py --minutes 30``, which loops the same properties for a set time.
"""

from __future__ import annotations

import os
import string
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wksbm_cli.check.engine import check_folder
from wksbm_cli.check.results import Options
from wksbm_cli.i18n import catalog, translate
from wksbm_cli.model.records import Config
from wksbm_cli.rules.registry import RULES

settings.register_profile(
    "default",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "fuzz",
    max_examples=200_000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

KEYS = [
    "id",
    "nama",
    "jenis",
    "tingkat",
    "wilayah",
    "kapanewon",
    "kalurahan",
    "sk",
    "nomor",
    "tanggal",
    "berlaku_sampai",
    "pengurus",
    "jabatan",
    "mulai",
    "selesai",
    "unsur",
    "kontak",
    "telepon",
    "email",
    "peserta",
    "organisasi",
    "pengecualian",
    "aturan",
    "sampai",
    "<<",
    "on",
    "no",
    "? x",
    "",
]
SCALARS = [
    "wksbm-contoh",
    "WKSBM Contoh",
    "ketua",
    "2023-03-01",
    "2023-02-30",
    "2025-06-17 10:00",
    "0217654321",
    "08123456789",
    "+62 812-3456-7890",
    "3404075507950003",
    "budi@gmail.com",
    "12/KEP.LRH/2023",
    "no",
    "yes",
    "~",
    "null",
    "1e999",
    "0x1F",
    "0o17",
    "1_000",
    "9" * 40,
    ".inf",
    "-.nan",
    "[/bold]",
    "[link=https://x]x[/link]",
    "\x1b[31mred\x1b[0m",
    "{x}",
    "%s",
    "\u202eevil",
]
PIECES = [
    "&a ",
    "*a",
    "!!python/object/apply:os.system ",
    "!!str ",
    "!x ",
    "! ",
    "!!int ",
    "!!timestamp ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "- ",
    "? ",
    ": ",
    "#",
    '"',
    "'",
    "|",
    ">",
    "\t",
    "---",
    "...",
    "%YAML 1.1",
    "\\",
    "\r",
    "\u2028",
    "\x85",
    "\ufeff",
]


@st.composite
def _scalar(draw: Callable[..., Any]) -> str:
    base = draw(st.sampled_from(SCALARS) | st.text(string.printable, max_size=12))
    quote = draw(st.sampled_from(["", '"', "'"]))
    if quote == '"':
        return '"' + base.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if quote == "'":
        return "'" + base.replace("'", "''") + "'"
    return base


def _value(depth: int) -> st.SearchStrategy[str]:
    leaf = _scalar()
    if depth <= 0:
        return leaf
    inner = _value(depth - 1)
    flow_list = st.lists(inner, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]")
    flow_map = st.lists(st.tuples(st.sampled_from(KEYS), inner), max_size=4).map(
        lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}"
    )
    return leaf | flow_list | flow_map


@st.composite
def _line(draw: Callable[..., Any]) -> str:
    indent = " " * draw(st.integers(0, 8))
    dash = draw(st.sampled_from(["", "", "- "]))
    prop = draw(st.sampled_from(["", "", "", *PIECES[:8]]))
    kind = draw(st.integers(0, 5))
    value = draw(_value(2))
    key = draw(st.sampled_from(KEYS))
    if kind == 0:
        body = f"{key}:"
    elif kind <= 3:
        body = f"{key}: {prop}{value}"
    elif kind == 4:
        body = f"{prop}{value}"
    else:
        body = "# " + value
    return indent + dash + body


@st.composite
def yamlish(draw: Callable[..., Any]) -> str:
    """Record-like YAML: mostly well-formed lines, then a few pieces spliced in anywhere."""
    lines = draw(st.lists(_line(), max_size=14))
    text = "\n".join(lines) + draw(st.sampled_from(["\n", "", "\r\n"]))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
    return text


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _assert_located(problems: list[Any], data: bytes) -> None:
    try:
        lines = len(data.decode("utf-8-sig").splitlines())
    except UnicodeDecodeError:
        lines = data.count(b"\n") + 1
    for p in problems:
        assert p.file, p
        assert 1 <= p.line <= lines + 1, (p, lines)
        assert p.column >= 1, p
        assert p.rule in RULES, p
        args = dict(p.args)
        for lang in ("id", "en"):
            messages = catalog(lang)
            template = messages.get(p.message_key) or messages[p.message_key.split(".", 1)[0]]
            missing = _placeholders(template) - set(args)
            assert not missing, (p, lang, missing)
            assert translate(p.message_key, lang, args).strip(), (p, lang)


#: How many inputs went through ``_check_bytes`` (benchmarks/fuzz.py reports it).
CHECKED = [0]


def _check_bytes(data: bytes, config: Config | None = None) -> list[Any]:
    CHECKED[0] += 1
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "records"
        (root / "organisasi").mkdir(parents=True)
        (root / "organisasi" / "wksbm-contoh.yaml").write_bytes(data)
        result = check_folder(str(root), "records", config or Config(), Options(as_of=_AS_OF))
    _assert_located(result.problems, data)
    return result.problems


_AS_OF = __import__("datetime").date(2026, 1, 1)


@given(yamlish())
def test_yamlish_text_is_always_judged_and_located(text: str) -> None:
    _check_bytes(text.encode("utf-8"))


@given(st.binary(max_size=400))
def test_arbitrary_bytes_are_always_judged_and_located(data: bytes) -> None:
    _check_bytes(data)


@given(yamlish())
def test_internal_privacy_setting_never_breaks_a_check(text: str) -> None:
    _check_bytes(text.encode("utf-8"), Config(privasi="internal"))


@settings(max_examples=40)
@given(st.one_of(yamlish().map(lambda t: t.encode("utf-8")), st.binary(max_size=200)))
def test_cli_never_exits_3(run_cli: Callable[..., Any], data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "records"
        (root / "organisasi").mkdir(parents=True)
        (root / "organisasi" / "wksbm-contoh.yaml").write_bytes(data)
        for fmt in ("json", "github", "text"):
            result = run_cli(
                "--lang", "en", "--records", str(root), "validate", "--format", fmt,
                "--as-of", "2026-01-01",
            )  # fmt: skip
            assert result.exit_code in (0, 1), (fmt, result.output)
