"""Writes a new records repository: every file through ``atomic_write``, none overwritten."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from wksbm_cli import __version__
from wksbm_cli.regions.kabupaten import Kabupaten
from wksbm_cli.regions.terms import terms
from wksbm_cli.scaffold.source import Source
from wksbm_cli.scaffold.templates import files
from wksbm_cli.write import FileExists, atomic_write


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


def create(folder: str, answers: Answers) -> Outcome:
    outcome = Outcome()
    for rel, text in files(values(answers), answers.source):
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
