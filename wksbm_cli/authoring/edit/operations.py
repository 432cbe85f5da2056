"""The everyday edits, as changes to one record through an ``Editor``: officers replaced, added
and ended, a new SK (the old one kept in ``sk_riwayat``), a status change, new participants.

Each function checks the request against the record first (a second active ketua, an end before
the start, an SK already recorded) and refuses with a message that says what to do instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from wksbm_cli.authoring.edit.splice import Editor
from wksbm_cli.core.suggest import did_you_mean
from wksbm_cli.core.vocabulary import DEFAULT_STATUS, STATUSES
from wksbm_cli.errors import WksbmError
from wksbm_cli.model.schema import JABATAN

# Where a new key goes: after the first of these that the mapping has (else at its end).
AFTER_STATUS = ("tingkat", "jenis", "nama", "id")
AFTER_SK = ("dibentuk", "status_alasan", "status_sejak", "status", "wilayah", "tingkat", "jenis")
AFTER_PENGURUS = ("sk_riwayat", "sk", *AFTER_SK)
AFTER_PESERTA = ("tahun_anggaran", "sumber_dana", "dasar", "tempat", "penyelenggara")
OFFICER_KEYS = ("jabatan", "nama", "bidang", "mulai", "selesai", "telepon", "email", "catatan")
SK_KEYS = ("nomor", "tanggal", "penerbit", "berlaku_sampai")


@dataclass
class Notes:
    """What happened, as catalog keys with arguments, for the command to print."""

    items: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def add(self, key: str, **args: Any) -> None:
        self.items.append((key, args))


def _officers(ed: Editor) -> list[dict[str, Any]]:
    value = ed.data.get("pengurus")
    return [o if isinstance(o, dict) else {} for o in value] if isinstance(value, list) else []


def _active(officer: dict[str, Any], day: dt.date) -> bool:
    """As the model judges it: active while ``selesai`` is absent or not before ``day``."""
    end = officer.get("selesai")
    return not isinstance(end, dt.date) or end >= day


def holders(ed: Editor, jabatan: str, day: dt.date, nama: str | None = None) -> list[int]:
    out = []
    for i, o in enumerate(_officers(ed)):
        if o.get("jabatan") != jabatan or not _active(o, day):
            continue
        if nama is not None and _fold(str(o.get("nama", ""))) != _fold(nama):
            continue
        out.append(i)
    return out


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def check_jabatan(jabatan: str) -> str:

    if jabatan not in JABATAN:
        hint = did_you_mean(jabatan, JABATAN)
        raise WksbmError(
            "edit.bad-jabatan", value=jabatan, choices=", ".join(JABATAN), suggestion=hint
        )
    return jabatan


def add_officer(
    ed: Editor,
    jabatan: str,
    nama: str,
    mulai: dt.date,
    *,
    bidang: str | None = None,
    selesai: dt.date | None = None,
    telepon: str | None = None,
    email: str | None = None,
    catatan: str | None = None,
    notes: Notes,
) -> int:
    """A new officer at the end of ``pengurus`` (created when the record has none)."""
    check_jabatan(jabatan)
    nama = " ".join(nama.split())
    if not nama:
        raise WksbmError("edit.empty-name")
    if jabatan == "ketua":
        current = holders(ed, "ketua", mulai)
        if current:
            who = str(_officers(ed)[current[0]].get("nama", "?"))
            raise WksbmError("edit.second-ketua", nama=who, id=str(ed.data.get("id", "")))
    officer: dict[str, Any] = {"jabatan": jabatan, "nama": nama}
    if bidang:
        officer["bidang"] = bidang
    officer["mulai"] = mulai
    if selesai is not None:
        if selesai < mulai:
            raise WksbmError(
                "edit.end-before-start",
                nama=nama,
                mulai=mulai.isoformat(),
                sampai=selesai.isoformat(),
            )
        officer["selesai"] = selesai
    if telepon:
        officer["telepon"] = telepon
    if email:
        officer["email"] = email
    if catatan:
        officer["catatan"] = catatan
    pengurus = ed.data.get("pengurus")
    if isinstance(pengurus, list) and pengurus:
        ed.append(("pengurus",), officer)
    elif isinstance(pengurus, list) or "pengurus" in ed.data:
        ed.set(("pengurus",), [officer])
    else:
        ed.add((), "pengurus", [officer], after=AFTER_PENGURUS)
    index = len(_officers(ed)) - 1
    notes.add("edit.note.added", jabatan=jabatan, nama=nama, mulai=mulai.isoformat())
    return index


def end_officer(
    ed: Editor,
    index: int,
    sampai: dt.date,
    alasan: str | None,
    notes: Notes,
) -> None:
    """Sets ``selesai`` (after ``mulai``, as people write it); a reason goes into the officer's
    ``catatan``, after any note already there."""
    officer = _officers(ed)[index]
    start = officer.get("mulai")
    if isinstance(start, dt.date) and sampai < start:
        raise WksbmError(
            "edit.end-before-start",
            nama=str(officer.get("nama", "?")),
            mulai=start.isoformat(),
            sampai=sampai.isoformat(),
        )
    ed.put(("pengurus", index), "selesai", sampai, after=("mulai", "bidang", "nama", "jabatan"))
    if alasan:
        old = officer.get("catatan")
        text = f"{old}; {alasan}" if isinstance(old, str) and old.strip() else alasan
        ed.put(("pengurus", index), "catatan", text)
    notes.add(
        "edit.note.ended",
        jabatan=str(officer.get("jabatan", "?")),
        nama=str(officer.get("nama", "?")),
        sampai=sampai.isoformat(),
    )


def find_officer(ed: Editor, jabatan: str | None, nama: str | None, day: dt.date) -> int:
    """The one active officer that ``--jabatan``/``--nama`` name; several or none is refused,
    with the names to choose from."""
    if jabatan is not None:
        check_jabatan(jabatan)
    found = [
        i
        for i, o in enumerate(_officers(ed))
        if _active(o, day)
        and (jabatan is None or o.get("jabatan") == jabatan)
        and (nama is None or _fold(str(o.get("nama", ""))) == _fold(nama))
    ]
    if len(found) == 1:
        return found[0]
    active = [o for o in _officers(ed) if _active(o, day)]
    listed = ", ".join(f"{o.get('jabatan', '?')} {o.get('nama', '?')}" for o in active) or "-"
    key = "edit.officer-none" if not found else "edit.officer-several"
    raise WksbmError(key, jabatan=jabatan or "-", nama=nama or "-", active=listed)


def replace_officer(
    ed: Editor,
    jabatan: str,
    nama: str,
    mulai: dt.date,
    notes: Notes,
    *,
    sampai: dt.date | None = None,
    alasan: str | None = None,
    bidang: str | None = None,
    telepon: str | None = None,
    email: str | None = None,
    catatan: str | None = None,
) -> None:
    """The musyawarah chose someone new: the current holder's term ends on ``sampai`` (by
    default the day before ``mulai``), then the new holder is added. A role several people hold
    at once (seksi, anggota) is refused: end one with ``akhiri`` and add with ``tambah``."""
    check_jabatan(jabatan)
    current = holders(ed, jabatan, mulai)
    if len(current) > 1 and jabatan != "ketua":
        names = ", ".join(str(_officers(ed)[i].get("nama", "?")) for i in current)
        raise WksbmError("edit.replace-several", jabatan=jabatan, names=names)
    if any(_fold(str(_officers(ed)[i].get("nama", ""))) == _fold(nama) for i in current):
        raise WksbmError("edit.already-holds", jabatan=jabatan, nama=nama)
    end = sampai if sampai is not None else mulai - dt.timedelta(days=1)
    for i in current:
        end_officer(ed, i, end, alasan, notes)
    if not current:
        notes.add("edit.note.no-holder", jabatan=jabatan)
    add_officer(
        ed,
        jabatan,
        nama,
        mulai,
        bidang=bidang,
        telepon=telepon,
        email=email,
        catatan=catatan,
        notes=notes,
    )


def record_sk(
    ed: Editor,
    nomor: str,
    tanggal: dt.date,
    berlaku_sampai: dt.date | None,
    penerbit: str | None,
    notes: Notes,
) -> None:
    """The new SK becomes ``sk``; the one it replaces moves to the end of ``sk_riwayat``."""
    nomor = nomor.strip()
    if not nomor:
        raise WksbmError("edit.empty-nomor")
    if berlaku_sampai is not None and berlaku_sampai < tanggal:
        raise WksbmError(
            "edit.sk-order", tanggal=tanggal.isoformat(), sampai=berlaku_sampai.isoformat()
        )
    new: dict[str, Any] = {"nomor": nomor, "tanggal": tanggal}
    if penerbit:
        new["penerbit"] = penerbit
    if berlaku_sampai is not None:
        new["berlaku_sampai"] = berlaku_sampai
    old = ed.data.get("sk")
    if isinstance(old, dict) and old:
        if str(old.get("nomor", "")).strip() == nomor:
            raise WksbmError("edit.sk-same", nomor=nomor)
        old_day = old.get("tanggal")
        if isinstance(old_day, dt.date) and tanggal < old_day:
            raise WksbmError(
                "edit.sk-older", tanggal=tanggal.isoformat(), current=old_day.isoformat()
            )
        kept = {k: old[k] for k in SK_KEYS if k in old}
        history = ed.data.get("sk_riwayat")
        if isinstance(history, list) and history:
            ed.append(("sk_riwayat",), kept)
        elif "sk_riwayat" in ed.data:
            ed.set(("sk_riwayat",), [kept])
        else:
            ed.add((), "sk_riwayat", [kept], after=("sk",))
        notes.add("edit.note.sk-kept", nomor=str(old.get("nomor", "?")))
        _replace_sk_fields(ed, new)
    elif "sk" in ed.data:
        ed.set(("sk",), new)
    else:
        ed.add((), "sk", new, after=AFTER_SK)
    notes.add("edit.note.sk", nomor=nomor, tanggal=tanggal.isoformat())


def _replace_sk_fields(ed: Editor, new: dict[str, Any]) -> None:
    """Field by field, so the mapping keeps its layout (flow or block, one line or several) and
    the comments on its lines; a field the new SK lacks is removed, not carried over."""
    current = ed.data["sk"]
    for i, key in enumerate(SK_KEYS):
        if key in new:
            before = tuple(reversed(SK_KEYS[:i]))
            ed.put(("sk",), key, new[key], after=before)
        elif key in current:
            ed.remove(("sk",), key)


def set_status(ed: Editor, status: str, sejak: dt.date, alasan: str | None, notes: Notes) -> None:
    """``status`` with ``status_sejak`` (the day it took effect) and ``status_alasan``; a reason
    left from an earlier status is removed, since it no longer explains the new one."""
    if status not in STATUSES:
        hint = did_you_mean(status, STATUSES)
        raise WksbmError(
            "edit.bad-status", value=status, choices=", ".join(STATUSES), suggestion=hint
        )
    current = ed.data.get("status", DEFAULT_STATUS)
    if current == status and ed.data.get("status_sejak") == sejak:
        raise WksbmError("edit.same-status", status=status)
    ed.put((), "status", status, after=AFTER_STATUS)
    ed.put((), "status_sejak", sejak, after=("status",))
    if alasan:
        ed.put((), "status_alasan", alasan, after=("status_sejak", "status"))
    elif "status_alasan" in ed.data and current != status:
        ed.remove((), "status_alasan")
    notes.add("edit.note.status", old=str(current), new=status, sejak=sejak.isoformat())


def add_participants(
    ed: Editor, org_ids: Sequence[str], known: Sequence[str], notes: Notes
) -> list[str]:
    """Appends organisation ids to ``peserta.organisasi``; ids already listed are skipped,
    unknown ids are refused with a "did you mean"."""

    unknown = [i for i in org_ids if i not in known]
    if unknown:
        hints = [f"{i} ({h}?)" if (h := did_you_mean(i, list(known))) else i for i in unknown]
        raise WksbmError("edit.unknown-org", ids=", ".join(hints))
    peserta = ed.data.get("peserta")
    listed = peserta.get("organisasi") if isinstance(peserta, dict) else None
    present = list(listed) if isinstance(listed, list) else []
    added: list[str] = []
    for org in org_ids:
        if org in present or org in added:
            notes.add("edit.note.already-participant", id=org)
            continue
        added.append(org)
    if not added:
        return added
    if isinstance(listed, list) and listed:
        for org in added:
            ed.append(("peserta", "organisasi"), org)
    elif isinstance(peserta, dict) and "organisasi" in peserta:
        ed.set(("peserta", "organisasi"), added)
    elif isinstance(peserta, dict) and peserta:
        ed.add(("peserta",), "organisasi", added, after=("jumlah",))
    elif "peserta" in ed.data:
        ed.set(("peserta",), {"organisasi": added})
    else:
        ed.add((), "peserta", {"organisasi": added}, after=AFTER_PESERTA)
    for org in added:
        notes.add("edit.note.participant", id=org)
    return added
