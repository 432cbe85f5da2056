"""The plan of an import: which rows become new records, which update existing ones (and in
which fields), which change nothing, and which cannot be imported and why.

Rows are matched to records by ``id`` when the sheet has one (as ``wksbm export`` writes),
else by name and kalurahan. Names are compared as people vary them ("WKSBM Ngudi Rahayu",
"Ngudi Rahayu", "ngudi  rahayu."); a near name in the same kalurahan is listed as ambiguous
for the user to settle (add an ``id`` column), never guessed. The standard library's difflib
is enough for that comparison at these sizes, so no fuzzy-matching package is needed.

Every new or edited text is judged by the same engine as ``validate`` before anything is
written, together with the rest of the folder (so a clashing id is caught too); a row whose
record would gain an error is rejected and written nowhere.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import stat
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from wksbm_cli.authoring.edit.operations import AFTER_PENGURUS, AFTER_SK, AFTER_STATUS
from wksbm_cli.authoring.edit.splice import Editor, scalar_text
from wksbm_cli.authoring.importing import rows as rw
from wksbm_cli.authoring.importing.headers import Header, find_header, header_key
from wksbm_cli.authoring.importing.readers import Sheet
from wksbm_cli.authoring.importing.values import text
from wksbm_cli.authoring.new_record import (
    SCHEMA_FOLDER,
    NewOrganisation,
    check_id,
    organisation_path,
    slug,
)
from wksbm_cli.check.engine import check_entries, finish, rule_filter
from wksbm_cli.check.results import Options
from wksbm_cli.core.problem import Severity
from wksbm_cli.core.vocabulary import DEFAULT_STATUS
from wksbm_cli.errors import WksbmError
from wksbm_cli.i18n import Message
from wksbm_cli.load.files import Entry, decode, read_bytes, walk
from wksbm_cli.model.records import Config, Organisation
from wksbm_cli.model.schema import TINGKAT
from wksbm_cli.write import atomic_write, write_new_files

BOM = b"\xef\xbb\xbf"
NEAR = 0.85  # difflib ratio from which two names in one kalurahan may be the same organisation
_NAME_PREFIX = re.compile(
    r"^(?:wksbm|wksb|wahana kesejahteraan sosial berbasis masyarakat)\b[\s.:-]*", re.IGNORECASE
)
_OTHER_TABLES = {"organisasiid", "kegiatanid", "judul", "urutan", "jabatan"}
Note = tuple[str, dict[str, Any]]
# The sheets of ``wksbm export --format xlsx`` besides ``organisasi``: not organisation lists.
EXPORT_OTHER_SHEETS = ("README", "pengurus", "unsur", "kegiatan", "kegiatan_peserta", "narasumber")


def name_key(name: str) -> str:
    return re.sub(r"[\W_]+", "", _NAME_PREFIX.sub("", name.strip()).casefold())


def place_key(name: str | None) -> str:
    return re.sub(r"[\W_]+", "", (name or "").casefold())


@dataclass
class Change:
    field: str  # dotted path, e.g. ``sk.nomor`` or ``pengurus+``
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
    text: str = ""  # the new text (new and update)
    rel: str = ""  # path relative to the records root
    original: str = ""  # the text an update was planned from
    written: bool = False


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
class Mapping_:
    """A mapping file: header text -> field (or ``abaikan``), and the header row."""

    columns: dict[str, str] = field(default_factory=dict)
    header_row: int | None = None


# -- reading rows ---------------------------------------------------------------------------


def _sheet_header(sheet: Sheet, mapping: Mapping_) -> tuple[Header | None, SheetReport]:
    if sheet.name in EXPORT_OTHER_SHEETS:
        return None, SheetReport(sheet.name, None, {}, [], ("import.sheet-other-table", {}))
    header = find_header(sheet, mapping.columns or None, mapping.header_row)
    if header is None:
        return None, SheetReport(sheet.name, None, {}, [], ("import.sheet-no-header", {}))
    report = SheetReport(
        sheet.name,
        header.row + 1,
        {header.texts[c]: f for c, f in header.columns.items()},
        [(t, s) for _, t, s in header.unknown],
    )
    if any(header_key(t) in _OTHER_TABLES for _, t, _ in header.unknown):
        report.skipped = ("import.sheet-other-table", {})
        return None, report
    if "nama" not in header.columns.values():
        report.skipped = ("import.sheet-no-name-column", {})
        return None, report
    return header, report


def read_candidates(
    sheets: Sequence[Sheet], mapping: Mapping_, config: Config, plan: Plan
) -> list[rw.Candidate]:
    out: list[rw.Candidate] = []
    for sheet in sheets:
        header, report = _sheet_header(sheet, mapping)
        plan.sheets.append(report)
        if header is None:
            continue
        fallback = None
        if "kecamatan" not in header.columns.values():
            fallback = rw.sheet_kecamatan(sheet.name, config)
        for index in range(header.row + 1, len(sheet.rows)):
            try:
                cand = rw.read_row(sheet, header, index, config, fallback)
            except rw.Skip:
                plan.skipped_rows += 1
                continue
            except rw.Refuse as exc:
                nama = _raw_name(sheet, header, index)
                plan.items.append(
                    Item("rejected", sheet.name, index + 1, nama, reason=(exc.key, exc.args_))
                )
                continue
            plan.dropped_personal += cand.dropped
            out.append(cand)
    return out


def _raw_name(sheet: Sheet, header: Header, index: int) -> str:

    return text(rw.row_cells(sheet, header, index).get("nama")) or ""


# -- matching -------------------------------------------------------------------------------


def _where(desa: str | None, kecamatan: str | None) -> tuple[str, str]:
    return ("desa", place_key(desa)) if desa else ("kecamatan", place_key(kecamatan))


def official_place(org: Organisation, config: Config) -> tuple[str | None, str | None]:
    """The record's kecamatan and desa in official spelling (as written when not on the list)."""
    w = org.wilayah
    try:
        kec, desa, _ = rw.place(w.kecamatan, w.desa, config, [])
    except rw.Refuse:
        return w.kecamatan, w.desa
    return kec, desa


class Index:
    """Existing organisations by id and by place, names keyed once (a list of thousands)."""

    def __init__(self, orgs: Sequence[Organisation], config: Config) -> None:
        self.by_id = {o.id: o for o in orgs if o.id}
        self.by_place: dict[tuple[str, str], list[tuple[str, Organisation]]] = {}
        self.by_name: dict[tuple[tuple[str, str], str], list[Organisation]] = {}
        for o in orgs:
            kec, desa = official_place(o, config)
            where, key = _where(desa, kec), name_key(o.nama or "")
            self.by_place.setdefault(where, []).append((key, o))
            self.by_name.setdefault((where, key), []).append(o)

    def match(self, cand: rw.Candidate) -> tuple[Organisation | None, list[str]]:
        """The record this row describes, or None; a non-empty list means: ambiguous, these
        ids."""
        if cand.id:
            return self.by_id.get(cand.id), []
        key = name_key(cand.nama)
        where = _where(cand.desa, cand.kecamatan)
        exact = self.by_name.get((where, key), [])
        if len(exact) == 1:
            return exact[0], []
        if len(exact) > 1:
            return None, sorted(o.id or "" for o in exact)
        here = self.by_place.get(where, [])
        near = [o for k, o in here if difflib.SequenceMatcher(None, k, key).ratio() >= NEAR]
        return None, sorted(o.id or "" for o in near)


# -- the fields of a record -----------------------------------------------------------------


def _same_tingkat(a: Any, b: Any) -> bool:

    return bool(a) and bool(b) and TINGKAT.normalize(str(a)) == TINGKAT.normalize(str(b))


def record_data(cand: rw.Candidate, record_id: str, config: Config) -> dict[str, Any]:
    words = rw.folder_keys(config)
    data: dict[str, Any] = {"id": record_id, "nama": cand.nama, "jenis": cand.jenis}
    data["tingkat"] = cand.tingkat
    if "status" in cand.values:
        data["status"] = cand.values["status"]
    wilayah: dict[str, Any] = {}
    if cand.kecamatan:
        wilayah[words.kecamatan] = cand.kecamatan
    if cand.desa:
        wilayah[words.desa_for(cand.kode)] = cand.desa
    if cand.dusun:
        wilayah[words.dusun] = cand.dusun
    if cand.kode:
        wilayah["kode"] = cand.kode
    if wilayah:
        data["wilayah"] = wilayah
    for key in ("dibentuk", "sk"):
        if key in cand.values:
            data[key] = cand.values[key]
    if cand.officers:
        data["pengurus"] = cand.officers
    for key in ("jumlah_anggota", "kontak", "catatan"):
        if key in cand.values:
            data[key] = cand.values[key]
    return data


_SCALARS: dict[str, str] = {}
# Names, places, ids: a letter first, then letters, digits, single spaces and . ' ( ) / - : never a
# number, a date, a boolean, a key (``: ``) or a comment (`` #``) to YAML 1.1 or 1.2.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9.'()/-]*(?: [A-Za-z0-9.'()/-]+)*")
_KEYWORD = re.compile(r"y|n|yes|no|on|off|true|false|null|nan|inf|\.nan|\.inf", re.IGNORECASE)


def _scalar(value: Any) -> str:
    """``scalar_text`` of the round-trip writer, remembered per text: a list repeats the same
    places and dates thousands of times, and each costs a YAML dump."""

    if not isinstance(value, str):
        return scalar_text(value)
    if _PLAIN.fullmatch(value) and not _KEYWORD.fullmatch(value):
        return value  # what the YAML dump gives for such text, without paying for one
    if value not in _SCALARS:
        _SCALARS[value] = scalar_text(value)
    return _SCALARS[value]


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def _block(key: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, dict) and value:
        out = [f"{indent}{key}:"]
        for k, v in value.items():
            out.extend(_block(k, v, indent + "  "))
        return out
    return [f"{indent}{key}: {_flow(value)}"]


def new_text(root: str, target: str, data: Mapping[str, Any], source: str) -> str:
    """The record in the layout ``wksbm new`` and the round-trip writer use: nested mappings in
    block style, one flow mapping per officer, values quoted by the same rule."""

    schema = os.path.join(root, SCHEMA_FOLDER, "organisasi.schema.json")
    rel = os.path.relpath(schema, os.path.dirname(target)).replace(os.sep, "/")
    out = [f"# yaml-language-server: $schema={rel}", f"# Diimpor dari {source}."]
    for key, value in data.items():
        if key == "pengurus":
            out.append("pengurus:")
            out.extend(f"  - {_flow(o)}" for o in value)
        else:
            out.extend(_block(key, value, ""))
    return "\n".join(out) + "\n"


def _unique_id(base: str, suffix: str, taken: set[str], clash: bool) -> str:

    rid = base or "organisasi"
    if clash or rid in taken:
        rid = f"{rid}-{slug(suffix)}" if suffix else rid
    n, out = 2, rid
    while out in taken:
        out, n = f"{rid}-{n}", n + 1
    return out[:80].strip("-")


# -- updates --------------------------------------------------------------------------------


def _active(officer: Mapping[str, Any], day: dt.date) -> bool:
    end = officer.get("selesai")
    return not isinstance(end, dt.date) or end >= day


def plan_update(
    cand: rw.Candidate, org: Organisation, text: str, config: Config, today: dt.date
) -> tuple[str, list[Change], list[Note]]:
    """The record's text with the row's differing fields spliced in (through the round-trip
    writer), what changed, and what differs but is left for the user."""

    ed = Editor(text)
    notes: list[Note] = []
    data = ed.data
    if cand.id and cand.nama != data.get("nama"):
        ed.put((), "nama", cand.nama, ("id",))
    if "jenis" in cand.values and cand.values["jenis"] != data.get("jenis"):
        ed.put((), "jenis", cand.values["jenis"], ("nama",))
    if "tingkat" in cand.values and not _same_tingkat(cand.values["tingkat"], data.get("tingkat")):
        ed.put((), "tingkat", cand.values["tingkat"], ("jenis", "nama"))
    if "status" in cand.values and cand.values["status"] != data.get("status", DEFAULT_STATUS):
        ed.put((), "status", cand.values["status"], AFTER_STATUS)
    _update_wilayah(ed, cand, official_place(org, config), org, rw.folder_keys(config))
    if "dibentuk" in cand.values and cand.values["dibentuk"] != data.get("dibentuk"):
        ed.put((), "dibentuk", cand.values["dibentuk"], ("status", *AFTER_STATUS))
    if "sk" in cand.values:
        sk = data.get("sk")
        if isinstance(sk, dict):
            for k, value in cand.values["sk"].items():
                if sk.get(k) != value:
                    ed.put(("sk",), k, value, ("nomor", "tanggal", "penerbit"))
        else:
            ed.put((), "sk", cand.values["sk"], AFTER_SK)
    _update_officers(ed, cand, today, notes, AFTER_PENGURUS)
    if "jumlah_anggota" in cand.values and cand.values["jumlah_anggota"] != data.get(
        "jumlah_anggota"
    ):
        ed.put(
            (), "jumlah_anggota", cand.values["jumlah_anggota"], ("sasaran", "unsur", "pengurus")
        )
    if "kontak" in cand.values:
        kontak = data.get("kontak")
        alamat = cand.values["kontak"]["alamat"]
        if isinstance(kontak, dict):
            if kontak.get("alamat") != alamat:
                ed.put(("kontak",), "alamat", alamat)
        else:
            ed.put((), "kontak", {"alamat": alamat}, ("jumlah_anggota", "sasaran", "pengurus"))
    if "catatan" in cand.values and cand.values["catatan"] != data.get("catatan"):
        ed.put((), "catatan", cand.values["catatan"], ("sumber", "kontak", "jumlah_anggota"))
    if ed.changes:  # nothing spliced, nothing to re-read
        ed.verify()
    changes = [Change(".".join(str(p) for p in c.path), c.old, c.new) for c in ed.changes]
    return ed.text, changes, notes


def _update_wilayah(
    ed: Any,
    cand: rw.Candidate,
    official: tuple[str | None, str | None],
    org: Organisation,
    words: rw.Keys,
) -> None:
    raw = ed.data.get("wilayah")
    wanted = {"kecamatan": cand.kecamatan, "desa": cand.desa, "dusun": cand.dusun}
    have = {"kecamatan": official[0], "desa": official[1]}
    have["dusun"] = org.wilayah.dusun
    spelled = {
        "kecamatan": ("kapanewon", "kemantren", "kecamatan"),
        "desa": ("kalurahan", "kelurahan", "desa"),
        "dusun": ("padukuhan", "dusun"),
    }
    diff = {
        level: value
        for level, value in wanted.items()
        if value and place_key(value) != place_key(have[level])
    }
    if not diff:
        return
    if not isinstance(raw, dict):
        ed.put((), "wilayah", {getattr(words, k): v for k, v in diff.items()}, ("tingkat",))
        return
    for level, value in diff.items():
        key = next((k for k in spelled[level] if k in raw), getattr(words, level))
        ed.put(("wilayah",), key, value)


def _update_officers(
    ed: Any, cand: rw.Candidate, today: dt.date, notes: list[Note], after: Sequence[str]
) -> None:
    for officer in cand.officers:
        current = ed.data.get("pengurus")
        officers = [o for o in current if isinstance(o, dict)] if isinstance(current, list) else []
        holders = [
            (i, o)
            for i, o in enumerate(officers)
            if o.get("jabatan") == officer["jabatan"] and _active(o, today)
        ]
        same = [
            (i, o)
            for i, o in holders
            if place_key(str(o.get("nama"))) == place_key(officer["nama"])
        ]
        if same:
            i, o = same[0]
            for key in ("telepon", "email"):
                if key in officer and o.get(key) != officer[key]:
                    ed.put(("pengurus", i), key, officer[key], ("nama", "mulai", "selesai"))
            continue
        if holders:
            notes.append(
                (
                    "import.officer-differs",
                    {
                        "jabatan": officer["jabatan"],
                        "old": holders[0][1].get("nama"),
                        "new": officer["nama"],
                    },
                )
            )
            continue
        if isinstance(current, list) and current:
            ed.append(("pengurus",), officer)
        else:
            ed.put((), "pengurus", [officer], after)


# -- the whole plan ------------------------------------------------------------------------


@dataclass
class Folder:
    root: str
    shown_root: str
    config: Config


def build(
    folder: Folder,
    sheets: Sequence[Sheet],
    mapping: Mapping_,
    source: str,
    today: dt.date,
) -> Plan:
    """The plan for these sheets against the folder as it is now; nothing is written."""

    plan = Plan(source)
    config = folder.config
    cands = read_candidates(sheets, mapping, config, plan)
    if all(s.skipped for s in plan.sheets):
        raise WksbmError("import.no-list", file=source)
    entries = list(walk(folder.root))
    # The folder's own cache (as `validate` keeps it): a second import reads nothing twice.
    results = check_entries(folder.root, folder.shown_root, entries, config, today, True)
    orgs = [r.record for r in results if isinstance(r.record, Organisation)]
    index = Index(orgs, config)
    # Organisation files that do not read as a record: a row may be one of them.
    unreadable = {
        os.path.splitext(os.path.basename(r.rel))[0]: r.rel
        for r in results
        if r.kind == "organisasi" and r.record is None
    }
    taken = set(index.by_id) | {os.path.splitext(os.path.basename(e.rel))[0] for e in entries}
    bases = Counter(slug(c.nama) for c in cands if not c.id)
    seen: dict[tuple[str, str], int] = {}  # (name, place) -> first row
    updated: dict[str, int] = {}  # file -> the row that updates it
    for cand in cands:
        item = Item("new", cand.sheet, cand.row, cand.nama, notes=list(cand.notes))
        plan.items.append(item)
        key = (name_key(cand.nama), place_key(cand.desa or cand.kecamatan))
        if key in seen and not cand.id:
            _reject(item, "import.duplicate-row", row=seen[key])
            continue
        seen[key] = cand.row
        org, ambiguous = index.match(cand)
        stem = cand.id or slug(cand.nama)
        if ambiguous:
            item.action, item.candidates = "ambiguous", ambiguous
        elif org is None and stem in unreadable:
            _reject(item, "import.unreadable", file=_shown(folder, unreadable[stem]))
        elif org is None:
            _plan_new(folder, item, cand, taken, bases[slug(cand.nama)] > 1, source)
        else:
            rel = _rel(folder, org.file)
            if rel in updated:
                _reject(item, "import.duplicate-row", row=updated[rel])
                continue
            updated[rel] = cand.row
            _plan_existing(folder, item, cand, org, rel, today)
    for it in plan.items:
        it.file = _shown(folder, it.rel) if it.rel and it.action not in _REFUSED else ""
    _judge(folder, plan, results, today)
    order = {s.name: n for n, s in enumerate(plan.sheets)}
    plan.items.sort(key=lambda i: (order.get(i.sheet, 0), i.row))
    for it in plan.items:
        if it.action in _REFUSED:
            it.file = ""
    return plan


_REFUSED = ("rejected", "ambiguous")


def _reject(item: Item, key: str, **args: Any) -> None:
    item.action, item.reason, item.text = "rejected", (key, args), ""


def _shown(folder: Folder, rel: str) -> str:
    return rel if folder.shown_root in ("", ".") else f"{folder.shown_root}/{rel}"


def _rel(folder: Folder, shown: str) -> str:
    return shown if folder.shown_root in ("", ".") else shown[len(folder.shown_root) + 1 :]


def _plan_new(
    folder: Folder,
    item: Item,
    cand: rw.Candidate,
    taken: set[str],
    clash: bool,
    source: str,
) -> None:
    """A new record: its id (the sheet's, else from the name, with the kalurahan added when
    two rows or an existing file share it), its path as ``wksbm new`` lays it out, its text."""

    if cand.id:
        try:
            rid = check_id(cand.id)
        except WksbmError:
            _reject(item, "import.bad-value", column="id", value=cand.id, expected="slug")
            return
        if rid in taken:
            _reject(item, "import.id-taken", id=rid)
            return
    else:
        rid = _unique_id(slug(cand.nama), cand.desa or cand.kecamatan or "", taken, clash)
    taken.add(rid)
    spec = NewOrganisation(rid, cand.nama, cand.jenis, cand.tingkat, cand.kecamatan, cand.desa)
    target = organisation_path(folder.root, spec, None)
    item.id = rid
    item.rel = os.path.relpath(target, folder.root).replace(os.sep, "/")
    where = f"{source}, lembar {cand.sheet}, baris {cand.row}"
    item.text = new_text(folder.root, target, record_data(cand, rid, folder.config), where)


def _plan_existing(
    folder: Folder, item: Item, cand: rw.Candidate, org: Organisation, rel: str, today: dt.date
) -> None:
    """The row's differing fields spliced into the record's text, or ``unchanged``."""

    item.id, item.rel = org.id or "", rel
    data, _ = read_bytes(os.path.join(folder.root, rel), max(folder.config.ukuran_berkas_maks, 1))
    text = decode(data).text if data is not None else None
    if text is None:
        _reject(item, "import.unreadable", file=org.file)
        return
    try:
        new, changes, notes = plan_update(cand, org, text, folder.config, today)
    except WksbmError as exc:  # the round-trip writer refused: say so, write nothing
        _reject(item, "import.cannot-edit", reason=exc.as_message())
        return
    item.notes.extend(notes)
    item.changes = changes
    item.action = "update" if changes else "unchanged"
    item.text = new if changes else ""
    item.original = text


def _scratch_parent() -> str | None:
    """Memory-backed /dev/shm where there is one: the candidates are thousands of small files
    written once and read once, and on a busy disk that costs more than judging them."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def _judge(folder: Folder, plan: Plan, results: list[Any], today: dt.date) -> None:
    """Reject the new and updated records that would carry an error ``validate`` reports."""

    todo = [i for i in plan.items if i.action in ("new", "update")]
    if not todo:
        return
    allowed = rule_filter((), ())
    before = None
    if any(i.action == "update" for i in todo):
        before = finish(
            folder.root,
            folder.shown_root,
            folder.config,
            Options(as_of=today),
            results,
            allowed,
            today,
        )
    with tempfile.TemporaryDirectory(prefix="wksbm-import-", dir=_scratch_parent()) as scratch:
        for item in todo:
            path = os.path.join(scratch, *item.rel.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(item.text)
        fresh = check_entries(
            scratch,
            folder.shown_root,
            [Entry(i.rel, "organisasi") for i in todo],
            folder.config,
            today,
            False,
        )
    replaced = {r.rel: r for r in fresh}
    merged = [replaced.pop(r.rel, r) for r in results] + list(replaced.values())
    after = finish(
        folder.root, folder.shown_root, folder.config, Options(as_of=today), merged, allowed, today
    )

    def errors(problems: Sequence[Any]) -> dict[str, Counter[Any]]:
        out: dict[str, Counter[Any]] = {}
        for p in problems:
            if p.severity is Severity.ERROR and not p.waived:
                out.setdefault(p.file, Counter())[(p.rule, p.message_key, p.args)] += 1
        return out

    old = errors(before.problems) if before is not None else {}
    new = errors(after.problems)
    for item in todo:
        gained = new.get(item.file, Counter()) - old.get(item.file, Counter())
        if not gained:
            continue
        first = next(
            p
            for p in after.problems
            if p.file == item.file and (p.rule, p.message_key, p.args) in gained
        )
        problem = Message(first.message_key, dict(first.args))
        item.reason = ("import.invalid", {"rule": first.rule, "message": problem})
        item.action = "rejected"
        item.text = ""


def apply(folder: Folder, plan: Plan, update: bool) -> None:
    """Write the new records, and with ``update`` the changed ones. New files never replace an
    existing one; an updated file is replaced only if nobody changed it since it was read."""

    new = [item for item in plan.items if item.action == "new"]
    written = write_new_files(folder.root, [(item.rel, item.text) for item in new])
    for item, ok in zip(new, written, strict=True):
        if ok:
            item.written = True
        else:
            item.action = "rejected"
            item.reason = ("import.exists", {"file": item.file})
    for item in plan.items:
        path = os.path.join(folder.root, *item.rel.split("/"))
        if item.action == "update" and update:
            if not _replace(path, item, folder.root):
                item.action = "rejected"
                item.reason = ("import.changed-on-disk", {"file": item.file})
                continue
            item.written = True


def _replace(path: str, item: Item, root: str) -> bool:
    """Replace the file with the updated text, unless it changed since the plan read it (an
    editor, a ``git pull``, another command); False then, and the file is left alone."""

    with open(path, "rb") as handle:
        now = handle.read()
    if decode(now).text != item.original:
        return False
    mode = stat.S_IMODE(os.stat(path).st_mode)
    payload = (BOM if now.startswith(BOM) else b"") + item.text.encode("utf-8")
    atomic_write(path, payload, force=True, mode=mode, beneath=root)
    return True
