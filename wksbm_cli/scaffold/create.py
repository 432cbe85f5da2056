"""Writes a new records repository: every file through ``atomic_write``, none overwritten."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from wksbm_cli import __version__
from wksbm_cli.scaffold.templates import FILES
from wksbm_cli.write import FileExists, atomic_write


@dataclass(frozen=True)
class Answers:
    kabupaten: str
    provinsi: str
    istilah: str  # diy | nasional
    bahasa: str  # id | en


@dataclass
class Outcome:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # existed already; left as they were


def _yaml_scalar(text: str) -> str:
    """A flow-mapping value that YAML reads back as the same string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def create(folder: str, answers: Answers) -> Outcome:
    values = {
        "kabupaten": answers.kabupaten,
        "provinsi": answers.provinsi,
        "istilah": answers.istilah,
        "bahasa": answers.bahasa,
        "version": __version__,
    }
    outcome = Outcome()
    for rel, template in FILES:
        target = os.path.join(folder, *rel.split("/"))
        if os.path.lexists(target):
            outcome.skipped.append(rel)
            continue
        if rel == "wksbm.yaml":
            text = template.format(
                **{
                    **values,
                    "kabupaten": _yaml_scalar(answers.kabupaten),
                    "provinsi": _yaml_scalar(answers.provinsi),
                }
            )
        else:
            text = template.format(**values) if template else ""
        os.makedirs(folder, exist_ok=True)
        try:
            atomic_write(target, text, beneath=folder)  # a linked .github is refused, not followed
        except FileExists:
            outcome.skipped.append(rel)
            continue
        outcome.created.append(rel)
    return outcome
