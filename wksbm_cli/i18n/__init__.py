"""Message catalogs: one per language, keyed by message id; no user-facing text lives in rules.

``translate`` also translates a few argument values that are vocabulary (what was expected, what
was found), and appends the "did you mean" and "quote it" hints in one place, so every message
gets them the same way. An argument may itself be a :class:`Message` (a reason inside an error
line) or a :class:`Joined` list: it is put in words in the same language as the message around
it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
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


@dataclass(frozen=True, slots=True)
class Message:
    """A message not yet in words: a catalog key and its arguments, so that whoever shows it
    chooses the language (an error raised deep down, a reason nested in another message)."""

    key: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return translate(self.key, lang, self.args)


@dataclass(frozen=True, slots=True)
class Joined:
    """Items joined by a word of the catalog (`` or ``/`` atau ``), in the message's language."""

    items: tuple[str, ...]
    separator_key: str

    def text(self, lang: str) -> str:
        return translate(self.separator_key, lang).join(self.items)


def maybe(name: str | None) -> Message | str:
    """`` (did you mean NAME?)`` after a name that is not known, or nothing; unlike the
    ``suggestion`` argument of problems, NAME is not in backticks."""
    return Message("hint.maybe", {"name": name}) if name else ""


def translate(key: str, lang: str, args: Mapping[str, Any] | None = None) -> str:
    messages = catalog(lang)
    values = dict(args or {})
    for name, value in values.items():
        if isinstance(value, (Message, Joined)):
            values[name] = value.text(lang)
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
