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

The other sheets of ``wksbm export`` (officers, unsur, events, participants, speakers) are
recognised by ``tables`` and planned by ``lists`` and ``events``; ``compose`` gives every file
one text, whichever sheets change it, and judges and writes it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from wksbm_cli.authoring.edit.operations import AFTER_PENGURUS, AFTER_SK, AFTER_STATUS
from wksbm_cli.authoring.edit.splice import Editor
from wksbm_cli.authoring.importing import events as ev
from wksbm_cli.authoring.importing import lists as ls
from wksbm_cli.authoring.importing import rows as rw
from wksbm_cli.authoring.importing import tables as tb
from wksbm_cli.authoring.importing.compose import Files, apply, compose, judge
from wksbm_cli.authoring.importing.context import Context
from wksbm_cli.authoring.importing.headers import Header, find_header, header_key
from wksbm_cli.authoring.importing.items import (
    REFUSED,
    Change,
    Folder,
    Item,
    Note,
    Plan,
    SheetReport,
    reject,
    rel_of,
    shown,
)
from wksbm_cli.authoring.importing.readers import Sheet
from wksbm_cli.authoring.importing.texts import record_text
from wksbm_cli.authoring.importing.values import text
from wksbm_cli.authoring.new_record import (
    NewOrganisation,
    check_id,
    organisation_path,
    slug,
)
from wksbm_cli.check.engine import check_entries
from wksbm_cli.core.vocabulary import DEFAULT_STATUS
from wksbm_cli.errors import WksbmError
from wksbm_cli.load.files import walk
from wksbm_cli.model.records import Config, Organisation
from wksbm_cli.model.schema import TINGKAT

# Re-exported: the command and the benchmarks know the plan by this module.
__all__ = ["Change", "Folder", "Item", "Mapping_", "Plan", "SheetReport", "apply", "build"]

NEAR = 0.85  # difflib ratio from which two names in one kalurahan may be the same organisation
_NAME_PREFIX = re.compile(
    r"^(?:wksbm|wksb|wahana kesejahteraan sosial berbasis masyarakat)\b[\s.:-]*", re.IGNORECASE
)
_OTHER_TABLES = {"organisasiid", "kegiatanid", "judul", "urutan", "jabatan"}


def name_key(name: str) -> str:
    return re.sub(r"[\W_]+", "", _NAME_PREFIX.sub("", name.strip()).casefold())


def place_key(name: str | None) -> str:
    return re.sub(r"[\W_]+", "", (name or "").casefold())


@dataclass
class Mapping_:
    """A mapping file: header text -> field (or ``abaikan``), and the header row."""

    columns: dict[str, str] = field(default_factory=dict)
    header_row: int | None = None


# -- reading rows ---------------------------------------------------------------------------


def _sheet_header(sheet: Sheet, mapping: Mapping_) -> tuple[Header | None, SheetReport]:
    if sheet.name == tb.README:
        return None, SheetReport(sheet.name, None, {}, [], ("import.sheet-readme", {}))
    if sheet.name in tb.TABLES:  # named as an export's table, without its columns
        return None, SheetReport(sheet.name, None, {}, [], ("import.sheet-table-columns", {}))
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


def update_organisation(
    ed: Editor, cand: rw.Candidate, org: Organisation, config: Config, today: dt.date
) -> list[Note]:
    """The row's differing fields spliced into the record (through the round-trip writer);
    returns what differs but is left for the user."""

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
    return notes


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
    tables, lists = tb.detect_all(sheets, plan)
    cands = read_candidates(lists, mapping, config, plan)
    sheet_order = {s.name: n for n, s in enumerate(sheets)}
    plan.sheets.sort(key=lambda s: sheet_order.get(s.name, 0))
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
    files = Files(folder)
    made: dict[str, str] = {}  # id -> file, of the organisations this import makes
    for cand in cands:
        item = Item("new", cand.sheet, cand.row, cand.nama, notes=list(cand.notes))
        plan.items.append(item)
        key = (name_key(cand.nama), place_key(cand.desa or cand.kecamatan))
        if key in seen and not cand.id:
            reject(item, "import.duplicate-row", row=seen[key])
            continue
        seen[key] = cand.row
        org, ambiguous = index.match(cand)
        stem = cand.id or slug(cand.nama)
        if ambiguous:
            item.action, item.candidates = "ambiguous", ambiguous
        elif org is None and stem in unreadable:
            reject(item, "import.unreadable", file=shown(folder, unreadable[stem]))
        elif org is None:
            _plan_new(files, item, cand, taken, bases[slug(cand.nama)] > 1, source)
            if item.action == "new":
                made[item.id] = item.rel
        else:
            rel = rel_of(folder, org.file)
            if rel in updated:
                reject(item, "import.duplicate-row", row=updated[rel])
                continue
            updated[rel] = cand.row
            _plan_existing(files, item, cand, org, rel, today)
    if tables:
        context = Context(folder, plan, files, source, today, results, made)
        rows = tb.rows_by_table(tables, plan)
        ls.plan_list(context, ls.PENGURUS, rows["pengurus"])
        ls.plan_list(context, ls.UNSUR, rows["unsur"])
        ev.plan_events(context, rows["kegiatan"])
        ev.plan_participants(context, rows["kegiatan_peserta"])
        ls.plan_list(context, ls.NARASUMBER, rows["narasumber"])
    for fp in files.plans.values():
        compose(fp)
    judge(folder, files, results, today)
    for it in plan.items:
        it.file = shown(folder, it.rel) if it.rel and it.action not in REFUSED else ""
    plan.items.sort(key=lambda i: (sheet_order.get(i.sheet, 0), i.row))
    return plan


def _plan_new(
    files: Files,
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
            reject(item, "import.bad-value", column="id", value=cand.id, expected="slug")
            return
        if rid in taken:
            reject(item, "import.id-taken", id=rid)
            return
    else:
        rid = _unique_id(slug(cand.nama), cand.desa or cand.kecamatan or "", taken, clash)
    taken.add(rid)
    root = files.folder.root
    spec = NewOrganisation(rid, cand.nama, cand.jenis, cand.tingkat, cand.kecamatan, cand.desa)
    target = organisation_path(root, spec, None)
    item.id = rid
    rel = os.path.relpath(target, root).replace(os.sep, "/")
    where = f"{source}, lembar {cand.sheet}, baris {cand.row}"
    data = record_data(cand, rid, files.folder.config)
    files.new(rel, "organisasi", record_text(root, target, "organisasi", data, where), item)


def _plan_existing(
    files: Files, item: Item, cand: rw.Candidate, org: Organisation, rel: str, today: dt.date
) -> None:
    """The row's differing fields, to be spliced into the record's text (or ``unchanged``)."""

    item.id = org.id or ""
    fp = files.existing(rel, "organisasi")
    if fp is None:
        reject(item, "import.unreadable", file=org.file)
        return
    config = files.folder.config

    def run(ed: Editor) -> list[Note]:
        return update_organisation(ed, cand, org, config, today)

    files.step(fp, item, run)
