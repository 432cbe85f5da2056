"""Words the renderers print around the data, in both languages."""

from __future__ import annotations

SEVERITY = {
    "id": {"error": "error", "warning": "peringatan", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}

WORDS = {
    "id": {
        "no-problems": "Tidak ada masalah di {files} berkas.",
        "summary": "{total} masalah ({error} error, {warning} peringatan, {info} info) di {files}"
        " berkas.",
        "waived": " {n} dikecualikan.",
        "waived-tag": "dikecualikan s.d. {until}",
    },
    "en": {
        "no-problems": "No problems in {files} files.",
        "summary": "{total} problems ({error} errors, {warning} warnings, {info} info) in {files}"
        " files.",
        "waived": " {n} waived.",
        "waived-tag": "waived until {until}",
    },
}
