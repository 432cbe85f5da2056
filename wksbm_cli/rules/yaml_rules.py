"""Rules about YAML itself, found by the located loader in the same pass that reads the file."""

from wksbm_cli.core.problem import Severity
from wksbm_cli.rules.base import REGISTRY

E = Severity.ERROR

REGISTRY.declare(
    "yaml-syntax",
    "yaml",
    E,
    "Kesalahan sintaks YAML",
    "YAML syntax error",
    """
    Anything the YAML parser cannot read: bad indentation, tabs, an unclosed quote, a second
    document (``---``), or nesting deeper than any record needs.

    Fails::

        nama: "WKSBM Condongcatur
    """,
)
REGISTRY.declare(
    "duplicate-key",
    "yaml",
    E,
    "Kunci ganda",
    "Duplicate key",
    """
    YAML parsers silently keep the last of two equal keys. Reported at the second occurrence,
    naming the first line; also when two synonyms (``kecamatan`` and ``kapanewon``) both appear.

    Fails::

        nama: A
        nama: B
    """,
)
REGISTRY.declare(
    "yaml-alias",
    "yaml",
    E,
    "Anchor, alias, atau kunci gabung",
    "Anchor, alias or merge key",
    """
    Anchors (``&a``), aliases (``*a``) and merge keys (``<<``) are refused before anything is
    expanded, which also closes "billion laughs" alias bombs.

    Fails::

        a: &x [1, 2]
        b: *x
    """,
)
REGISTRY.declare(
    "yaml-tag",
    "yaml",
    E,
    "Tag YAML eksplisit",
    "Explicit YAML tag",
    """
    Explicit tags (``!!python/object``, ``!!str``) are never constructed; records need none.

    Fails: ``nama: !!str WKSBM``. Passes: ``nama: "WKSBM"``.
    """,
)
REGISTRY.declare(
    "not-a-mapping",
    "yaml",
    E,
    "Isi teratas bukan pemetaan",
    "Top level is not a mapping",
    """
    A record is one mapping of keys to values. An empty file, a comment-only file, a list or a
    single value at the top is reported.
    """,
)


# libyaml's messages, in our words. The parser's English ("while scanning a quoted scalar found
# unexpected end of stream") is kept in the problem's ``detail`` argument and shown only under
# ``--debug``; people read what went wrong and what to do, in their language.
SYNTAX_PATTERNS: tuple[tuple[str, str, str, bool], ...] = (
    # (context contains, problem contains, message key, point at where the context opened).
    # Both spellings: libyaml's (C loader) and PyYAML's pure-Python scanner's.
    ("quoted scalar", "end of stream", "yaml-syntax.unclosed-quote", True),
    ("flow mapping", "", "yaml-syntax.unclosed-bracket", True),
    ("flow sequence", "", "yaml-syntax.unclosed-bracket", True),
    ("", "tab character", "yaml-syntax.tab", False),
    ("", "found character '\\t'", "yaml-syntax.tab", False),
    ("", "cannot start any token", "yaml-syntax.reserved-char", False),
    ("", "unknown escape character", "yaml-syntax.bad-escape", False),
    ("simple key", "could not find expected ':'", "yaml-syntax.missing-colon", True),
    ("", "mapping values are not allowed", "yaml-syntax.mapping-values", False),
    ("block", "expected <block end>", "yaml-syntax.indentation", False),
    ("block", "did not find expected", "yaml-syntax.indentation", False),
    ("", "end of stream", "yaml-syntax.unexpected-end", False),
)


def syntax_message(context: str, problem: str, char: str) -> tuple[str, dict[str, str], bool]:
    """The message key (and arguments) for one of libyaml's errors, and whether the problem is
    best shown where its context opened (the quote or bracket never closed). ``char`` is the
    character at the problem's position (libyaml does not always name it)."""
    if char == "\t":
        return "yaml-syntax.tab", {}, False
    for in_context, in_problem, key, at_context in SYNTAX_PATTERNS:
        if in_context in context and in_problem in problem:
            args: dict[str, str] = {}
            if key == "yaml-syntax.reserved-char":
                args["char"] = char
            elif key == "yaml-syntax.unclosed-bracket":
                args["open"] = "{" if "mapping" in context else "["
            return key, args, at_context
    return "yaml-syntax", {}, False


def scalar_message(kind: str, detail: str) -> str:
    """The message key for a date or number the parser recognised but could not build
    (``2025-13-01``: Python says "month must be in 1..12")."""
    if kind != "date":
        return "bad-scalar.number.long" if detail.startswith("too long") else "bad-scalar.number"
    for word in ("month", "day", "year"):
        if detail.startswith(word):
            return f"bad-scalar.date.{word}"
    if detail.startswith(("hour", "minute", "second")):
        return "bad-scalar.date.time"
    return "bad-scalar.date"
