"""Words the renderers print around the data, in both languages, read from the catalogs.

Indonesian output says "galat" for the ``error`` severity (the term of the Indonesian software
glossaries), everywhere: problems, counts, the summary, the rules table and the HTML report. The
severity ids themselves (``error``/``warning``/``info``) stay in JSON, SARIF and
``--format github``.
"""

from __future__ import annotations

from wksbm_cli.core.problem import Severity
from wksbm_cli.i18n import LANGS, translate

SEVERITIES = tuple(s.label for s in sorted(Severity, reverse=True))  # worst first
SEVERITY = {lang: {s: translate(f"severity.{s}", lang) for s in SEVERITIES} for lang in LANGS}

# What the counts of a summary line count. English nouns take an -s after any number but 1;
# Indonesian nouns do not change, so its catalog gives the same word for one and for more.
COUNTED = ("total", "error", "warning", "files")


def count_words(lang: str, counts: dict[str, int]) -> dict[str, str]:
    """``{name}_word`` for each count: "1 problem", "2 problems"; "1 masalah", "2 masalah"."""
    out = {}
    for name in COUNTED:
        number = "one" if counts.get(name) == 1 else "other"
        out[f"{name}_word"] = translate(f"count.{name}.{number}", lang)
    return out
