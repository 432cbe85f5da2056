"""The located loader's words for what libyaml reports: a message key and its arguments for
each parser error, so people read what went wrong in their language. The rules these findings
belong to (``yaml-syntax``, ``invalid-value``) are declared in ``wksbm_cli.rules``."""

from __future__ import annotations

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
