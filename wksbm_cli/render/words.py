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
        "no-problems": "No problems; {files} files checked.",
        "summary": "{total} problems ({error} errors, {warning} warnings, {info} info);"
        " {files} files checked.",
        "waived": " {n} waived.",
        "waived-tag": "waived until {until}",
        "statistics": "{count} × {rule} ({severity})",
        "fixable-none": "",
    },
}
