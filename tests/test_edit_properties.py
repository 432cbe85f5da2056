"""Property: for generated organisation records (flow and block officers, comments, blank lines,
odd quoting, CRLF, with or without a final newline) and random sequences of edits, every result
reads back as exactly the intended data, passes the schema, and keeps every comment."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from wksbm_cli.authoring.edit import operations as ops
from wksbm_cli.authoring.edit.splice import Editor, scalar_text
from wksbm_cli.errors import WksbmError
from wksbm_cli.load.yamldoc import load_document
from wksbm_cli.model.schema import ORGANISASI
from wksbm_cli.model.types import Context

NAMES = (
    "Budi Santoso",
    "Sri Wahyuni",
    "Siti Aminah",
    "Agus Salim",
    "Endang Purwanti",
    "Yuli Astuti",
    "no",
    "05",
    "Yes",
    "Ny. Suharti, S.Pd.",
    "Slamet: Riyadi",
    "Tri #2 Handayani",
    "'Anto'",
    "Ketut Sudarsana [alm]",
)
ROLES = ("ketua", "sekretaris", "bendahara", "seksi", "anggota", "wakil_ketua")
BASE = dt.date(2024, 1, 1)


def _quoted(text: str, style: int) -> str:
    if style == 1:
        return "'" + text.replace("'", "''") + "'"
    if style == 2:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return scalar_text(text)


@st.composite
def records(draw: Any) -> tuple[str, list[str]]:
    """A record's text, and the comments it holds (which every edit must keep)."""
    comments: list[str] = []
    lines: list[str] = []

    def comment(text: str) -> str:
        comments.append(text)
        return text

    for i in range(draw(st.integers(0, 2))):
        lines.append(comment(f"# sumber {i}: berita acara musyawarah"))
    lines += ["id: wksbm-sido-rukun", "nama: 'WKSBM Sido Rukun'", "jenis: wksbm"]
    lines.append("tingkat: padukuhan")
    if draw(st.booleans()):
        lines.append('wilayah: { kapanewon: Depok,  kalurahan: Condongcatur, rw: "05" }')
    else:
        lines += ["wilayah:", "  kapanewon: Depok", "  kalurahan: Condongcatur", '  rw: "05"']
    if draw(st.booleans()):
        lines.append("")
    if draw(st.booleans()):
        lines.append("status: aktif   " + comment("# per 2024"))
    sk_style = draw(st.integers(0, 2))
    if sk_style == 1:
        lines.append('sk: {nomor: "1/KEP/2023", tanggal: 2023-02-01,')
        lines.append("     berlaku_sampai: 2026-02-01}  " + comment("# salinan di balai"))
    elif sk_style == 2:
        lines += ["sk:", '  nomor: "1/KEP/2023"', "  tanggal: 2023-02-01"]
        if draw(st.booleans()):
            lines.append("  penerbit: Lurah Condongcatur   " + comment("# lurah lama"))
    n = draw(st.integers(0, 4))
    if n or draw(st.booleans()):
        lines.append("pengurus:" + ("  " + comment("# hasil musyawarah") if n else " []"))
        dash = draw(st.sampled_from(["", "  "]))
        for _ in range(n):
            role = draw(st.sampled_from(ROLES[1:]))
            name = _quoted(draw(st.sampled_from(NAMES)), draw(st.integers(0, 2)))
            start = (BASE + dt.timedelta(days=draw(st.integers(0, 300)))).isoformat()
            if draw(st.booleans()):
                spaced = draw(st.sampled_from(["", " "]))
                lines.append(
                    f"{dash}- {{{spaced}jabatan: {role}, nama: {name}, mulai: {start}{spaced}}}"
                )
            else:
                gap = draw(st.sampled_from([" ", "   "]))
                inner = " " * (len(dash) + 1 + len(gap))
                lines += [f"{dash}-{gap}jabatan: {role}", f"{inner}nama: {name}"]
                lines.append(f"{inner}mulai: {start}")
            if draw(st.booleans()):
                lines.append(f"{dash}  " + comment(f"# catatan {len(comments)}"))
            if draw(st.booleans()):
                lines.append("")
    if draw(st.booleans()):
        lines += ["catatan: >-", "  Pertemuan rutin setiap Minggu Legi.", "  Kas dikelola"]
        lines.append("  bendahara.")
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    text = eol.join(lines) + (eol if draw(st.booleans()) else "")
    return text, comments


edits = st.lists(
    st.one_of(
        st.tuples(st.just("tambah"), st.sampled_from(ROLES), st.sampled_from(NAMES)),
        st.tuples(st.just("ganti"), st.sampled_from(ROLES), st.sampled_from(NAMES)),
        st.tuples(st.just("akhiri"), st.integers(0, 6), st.integers(0, 400)),
        st.tuples(st.just("status"), st.sampled_from(ops.STATUSES), st.integers(0, 400)),
        st.tuples(st.just("sk"), st.integers(1, 99), st.integers(0, 400), st.booleans()),
    ),
    min_size=1,
    max_size=5,
)


def _apply(ed: Editor, edit: tuple[Any, ...], day: dt.date) -> None:
    notes = ops.Notes()
    kind = edit[0]
    if kind == "tambah":
        ops.add_officer(ed, edit[1], edit[2], day, notes=notes)
    elif kind == "ganti":
        ops.replace_officer(ed, edit[1], edit[2], day, notes)
    elif kind == "akhiri":
        officers = ed.data.get("pengurus") or []
        if edit[1] >= len(officers):
            return
        ops.end_officer(ed, edit[1], BASE + dt.timedelta(days=edit[2]), "pindah domisili", notes)
    elif kind == "status":
        ops.set_status(ed, edit[1], BASE + dt.timedelta(days=edit[2]), None, notes)
    else:
        day_sk = BASE + dt.timedelta(days=edit[2])
        until = day_sk + dt.timedelta(days=1095) if edit[3] else None
        issuer = "Lurah Caturtunggal" if edit[3] else None
        ops.record_sk(ed, f"{edit[1]}/KEP/2026", day_sk, until, issuer, notes)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records(), edits, st.integers(0, 800))
def test_every_edit_sequence_reads_back_as_intended(
    record: tuple[str, list[str]], sequence: list[tuple[Any, ...]], offset: int
) -> None:
    text, comments = record
    assert not load_document(text).issues
    day = BASE + dt.timedelta(days=offset)
    for edit in sequence:
        ed = Editor(text)
        try:
            _apply(ed, edit, day)
        except WksbmError:
            event(f"{edit[0]} refused")
            continue  # a refusal (second ketua, end before start, same SK) changes nothing
        event(f"{edit[0]} applied")
        ed.verify()
        doc = load_document(ed.text)
        assert not doc.issues
        assert doc.data == ed.data
        assert not list(ORGANISASI.check(doc.data, (), Context(doc.plain)))
        for line in comments:
            assert line in ed.text
        if "\r\n" in text:
            assert ed.text.count("\n") == ed.text.count("\r\n")
        # what the edit meant, judged independently of the editor's own bookkeeping
        if edit[0] == "status":
            assert doc.data["status"] == edit[1]
        if edit[0] in ("tambah", "ganti"):
            assert doc.data["pengurus"][-1]["nama"] == " ".join(edit[2].split())
            assert doc.data["pengurus"][-1]["jabatan"] == edit[1]
        text = ed.text
