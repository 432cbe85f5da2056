"""The plan's vocabulary: one item per spreadsheet row, what it changes, and the sheets read.

Kept apart from ``plan`` (organisation lists) so that ``tables`` (the other sheets of ``wksbm
export``) and ``compose`` (one text per file, judged and written) share it without a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wksbm_cli.model.records import Config

Note = tuple[str, dict[str, Any]]
REFUSED = ("rejected", "ambiguous")


@dataclass
class Change:
    field: str  # dotted path, e.g. ``sk.nomor`` or ``pengurus.1.nama``
    old: Any
    new: Any


@dataclass
class Item:
    action: str  # new | update | unchanged | rejected | ambiguous
    sheet: str
    row: int
    nama: str = ""
    id: str = ""
    file: str = ""  # shown path, "/" separated
    changes: list[Change] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    reason: Note | None = None
    candidates: list[str] = field(default_factory=list)  # ids, for ambiguous rows
    text: str = ""  # the new text of its file (new and update)
    rel: str = ""  # path relative to the records root
    original: str = ""  # the text an update was planned from
    written: bool = False
    kind: str = "organisasi"  # of the record it writes: organisasi | kegiatan


@dataclass
class SheetReport:
    name: str
    header_row: int | None  # 1-based
    columns: dict[str, str]  # header as written -> field
    unknown: list[tuple[str, str]]  # header, suggestion
    skipped: Note | None = None


@dataclass
class Plan:
    source: str
    sheets: list[SheetReport] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    dropped_personal: int = 0
    skipped_rows: int = 0

    def count(self, action: str) -> int:
        return sum(1 for i in self.items if i.action == action)


@dataclass
class Folder:
    root: str
    shown_root: str
    config: Config


def reject(item: Item, key: str, **args: Any) -> None:
    item.action, item.reason, item.text = "rejected", (key, args), ""


def shown(folder: Folder, rel: str) -> str:
    return rel if folder.shown_root in ("", ".") else f"{folder.shown_root}/{rel}"


def rel_of(folder: Folder, shown_path: str) -> str:
    prefix = folder.shown_root
    return shown_path if prefix in ("", ".") else shown_path[len(prefix) + 1 :]
