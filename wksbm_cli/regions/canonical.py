"""Accepted spellings shown and counted under the official name: a post-pass over the records.

Applied by the engine after the files are read, only while region rules are enabled, so that
summaries, reports and exports never split one kalurahan into three spellings.
"""

from __future__ import annotations

from dataclasses import replace

from wksbm_cli.model.records import Config, Event, Organisation
from wksbm_cli.regions.resolve import canonical_wilayah


def canonical_records(
    organisations: list[Organisation], events: list[Event], config: Config
) -> tuple[list[Organisation], list[Event]]:
    orgs = [replace(o, wilayah=canonical_wilayah(o.wilayah, config)) for o in organisations]
    evs = [
        replace(e, tempat=replace(e.tempat, wilayah=canonical_wilayah(e.tempat.wilayah, config)))
        if e.tempat is not None and e.tempat.wilayah is not None
        else e
        for e in events
    ]
    return orgs, evs
