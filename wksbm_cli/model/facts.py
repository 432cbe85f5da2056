"""The compact facts of one record: all that the folder rules, the waivers and
``--changed-since`` read once the file itself is gone, and where a folder finding on it points.

A whole record (officers, decrees, venues) is a few KB of objects per file; at 10^5 files that
is most of a run's memory and most of what a worker pickles back, while the cross-record rules
read a handful of fields. So workers and the run summary carry these, and whole records only go
to the commands that print them.
"""

from __future__ import annotations

from dataclasses import dataclass

from wksbm_cli.load.yamldoc import Path
from wksbm_cli.model.records import Event, Record, Reference, Waiver

#: Where a folder finding lands: (line, column, the masked source line, caret; 0 = at column).
Spot = tuple[int, int, str, int]

NOWHERE: Spot = (1, 1, "", 0)


@dataclass(frozen=True, slots=True)
class Facts:
    """One record's id, kind and cross-record fields. ``file`` is the shown path, as in
    problems; ``spots`` locate the top, the id and each reference (personal data masked)."""

    kind: str  # organisasi | kegiatan
    id: str | None
    file: str
    jenis: str | None = None
    status: str | None = None
    references: tuple[Reference, ...] = ()
    peserta_organisasi: tuple[str, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    spots: tuple[tuple[Path, Spot], ...] = ()

    def spot(self, path: Path) -> Spot:
        """The spot of ``path``, or of its nearest located ancestor."""
        table = dict(self.spots)
        while path not in table and path:
            path = path[:-1]
        return table.get(path, NOWHERE)

    def source_at(self, line: int, column: int) -> tuple[str, int]:
        """The source line shown under a finding at (line, column), and its caret there."""
        source = ""
        for _, (at_line, at_column, text, caret) in self.spots:
            if at_line == line:
                source = text
                if at_column == column:
                    return text, caret
        return source, 0


def spot_paths(record: Record) -> list[Path]:
    """The paths whose positions a record's facts keep."""
    keep: list[Path] = [(), ("id",)]
    if isinstance(record, Event):
        keep.extend(ref.path for ref in record.references)
    return keep


def facts_of(record: Record, spots: dict[Path, Spot]) -> Facts:
    if isinstance(record, Event):
        return Facts(
            "kegiatan",
            record.id,
            record.file,
            jenis=record.jenis,
            references=record.references,
            peserta_organisasi=record.peserta_organisasi,
            waivers=record.waivers,
            spots=tuple(spots.items()),
        )
    return Facts(
        "organisasi",
        record.id,
        record.file,
        jenis=record.jenis,
        status=record.status,
        waivers=record.waivers,
        spots=tuple(spots.items()),
    )
