"""Writes a new records repository: every file through ``atomic_write``, none overwritten."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from wksbm_cli import __version__
from wksbm_cli.authoring.repository.source import Source
from wksbm_cli.authoring.repository.templates import files
from wksbm_cli.core.terms import terms
from wksbm_cli.regions.kabupaten import Kabupaten
from wksbm_cli.write import FileExists, UnsafeTarget, atomic_write


@dataclass(frozen=True)
class Answers:
    kabupaten: Kabupaten
    istilah: str  # diy | nasional
    bahasa: str  # id | en
    source: Source | None = None  # where CI installs wksbm from; None: CI says what to fill in


@dataclass
class Outcome:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # existed already; left as they were


def _yaml_scalar(text: str) -> str:
    """A flow-mapping value that YAML reads back as the same string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def values(answers: Answers) -> dict[str, str]:
    kab = answers.kabupaten
    words = terms(kab.code, answers.istilah)
    return {
        "kabupaten": _yaml_scalar(kab.name),
        "provinsi": _yaml_scalar(kab.provinsi),
        "kode": kab.code,
        "full": kab.full,
        "provinsi_name": kab.provinsi,
        "istilah": answers.istilah,
        "bahasa": answers.bahasa,
        "version": __version__,
        "kecamatan_key": words.kecamatan_key,
        "kecamatan_word": words.kecamatan,
        "desa_word": words.desa,
        "kecamatan_word_id": words.kecamatan.lower(),
        "desa_word_id": words.desa.lower(),
    }


def _refuse_links(folder: str, rels: list[str]) -> None:
    """A link (or a file) where a folder of the repository goes stops ``init`` before its first
    write, so that "nothing written" is true and no half-made repository is left."""
    for rel in rels:
        path = folder
        for part in rel.split("/")[:-1]:
            path = os.path.join(path, part)
            if os.path.islink(path) or (os.path.lexists(path) and not os.path.isdir(path)):
                raise UnsafeTarget(os.path.relpath(path).replace(os.sep, "/"))


def create(folder: str, answers: Answers) -> Outcome:
    outcome = Outcome()
    planned = files(values(answers), answers.source)
    _refuse_links(folder, [rel for rel, _ in planned])
    for rel, text in planned:
        target = os.path.join(folder, *rel.split("/"))
        if os.path.lexists(target):
            outcome.skipped.append(rel)
            continue
        os.makedirs(folder, exist_ok=True)
        try:
            atomic_write(target, text, beneath=folder)  # a linked .github is refused, not followed
        except FileExists:
            outcome.skipped.append(rel)
            continue
        outcome.created.append(rel)
    return outcome
