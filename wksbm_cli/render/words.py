"""Words the renderers print around the data, in both languages.

Indonesian output says "galat" for the ``error`` severity (the term of the Indonesian software
glossaries), everywhere: problems, counts, the summary and the rules table. The severity ids
themselves (``error``/``warning``/``info``) stay in JSON, SARIF and ``--format github``.
"""

from __future__ import annotations

SEVERITY = {
    "id": {"error": "galat", "warning": "peringatan", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}

WORDS = {
    "id": {
        "no-problems": "Tidak ada masalah; {files} berkas diperiksa.",
        "summary": "{total} masalah ({error} galat, {warning} peringatan, {info} info);"
        " {files} berkas diperiksa.",
        "waived": " {n} dikecualikan.",
        "waived-tag": "dikecualikan s.d. {until}",
        "statistics": "{count} × {rule} ({severity})",
        "fixable-none": "",
    },
    "en": {
        "no-problems": "No problems; {files} {files_word} checked.",
        "summary": "{total} {total_word} ({error} {error_word}, {warning} {warning_word},"
        " {info} info); {files} {files_word} checked.",
        "waived": " {n} waived.",
        "waived-tag": "waived until {until}",
        "statistics": "{count} × {rule} ({severity})",
        "fixable-none": "",
    },
}


# English nouns that take an -s after any number but 1 (Indonesian nouns do not change).
_PLURAL_EN = {"total": "problem", "error": "error", "warning": "warning", "files": "file"}


def count_words(lang: str, counts: dict[str, int]) -> dict[str, str]:
    """``{name}_word`` for each count: "1 problem", "2 problems"; "" in Indonesian."""
    if lang != "en":
        return {f"{name}_word": "" for name in _PLURAL_EN}
    return {
        f"{name}_word": noun if counts.get(name) == 1 else noun + "s"
        for name, noun in _PLURAL_EN.items()
    }
