"""The one "did you mean" of wksbm, for misspelt keys, values and rule ids."""

from __future__ import annotations

import difflib


def did_you_mean(word: str, candidates: list[str] | tuple[str, ...]) -> str:
    """The closest candidate, or "" if none is close: a typo, not a different word."""
    found = difflib.get_close_matches(word.lower(), list(candidates), n=1, cutoff=0.7)
    return found[0] if found else ""
