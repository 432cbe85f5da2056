"""Message catalogs: one per language, keyed by message id; no user-facing text lives in rules.

``translate`` also translates a few argument values that are vocabulary (what was expected, what
was found), and appends the "did you mean" and "quote it" hints in one place, so every message
gets them the same way.
"""

from __future__ import annotations

import os
from typing import Any

from wksbm_cli.i18n.en import MESSAGES as EN
from wksbm_cli.i18n.id import MESSAGES as ID

LANGS = ("id", "en")

_WORD_ARGS = ("expected", "got", "pattern")
_PARSER_DETAIL = [False]


def show_parser_detail(on: bool) -> None:
    """``--debug``: messages about unreadable YAML also carry the parser's own (English) text."""
    _PARSER_DETAIL[0] = on


def catalog(lang: str) -> dict[str, str]:
    if lang == "en":
        return EN

    return ID


def translate(key: str, lang: str, args: dict[str, Any] | None = None) -> str:
    messages = catalog(lang)
    values = dict(args or {})
    for name in _WORD_ARGS:
        if name in values:
            values[name] = messages.get(f"word.{values[name]}", str(values[name]))
    template = messages.get(key)
    if template is None:
        base = key.split(".", 1)[0]
        template = messages.get(base, key)
    text = template.format_map(_Default(values))
    if values.get("suggestion"):
        text += messages["hint.suggestion"].format_map(_Default(values))
    if values.get("hint"):
        text += messages.get(f"hint.{values['hint']}", "")
    if _PARSER_DETAIL[0] and values.get("detail") and key.startswith(("yaml-syntax", "bad-scalar")):
        text += f" [{values['detail']}]"
    return text


class _Default(dict[str, Any]):
    """Leaves an unknown placeholder visible instead of raising: a catalog typo is not a crash."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def language_from_env(config_lang: str | None) -> str:
    """``WKSBM_LANG``, else the config's ``bahasa``, else the locale, else Indonesian."""
    env = os.environ.get("WKSBM_LANG", "").strip().lower()
    if env in LANGS:
        return env
    if config_lang in LANGS:
        return config_lang
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "").lower()
        if value.startswith("en"):
            return "en"
        if value.startswith("id") or value.startswith("in_"):
            return "id"
    return "id"
