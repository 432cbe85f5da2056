"""``wksbm import`` of every sheet of ``wksbm export --format xlsx``: officers, unsur, events,
participants and speakers edited in Excel come back as exactly the edited lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from ci_gitrepo import git
from hypothesis import given, settings
from hypothesis import strategies as st
from import_tables import (
    BINA,
    BINA_REL,
    CONFIG,
    FILES,
    NGUDI_REL,
    PELATIHAN,
    PELATIHAN_REL,
    RAKOR_REL,
    append_row,
    find_row,
    sheet_rows,
    write,
)

import wksbm_cli.check.file_check as file_check

PELATIHAN_ID = "2025-06-17-pelatihan-manajemen-organisasi-depok"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: Any, run_cli: Any) -> Path:
    """The records folder, committed in its own git repository, and its export."""
    root = tmp_path / "records"
    root.mkdir()
    write(root, {"wksbm.yaml": CONFIG, **FILES})
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.invalid")
    git(root, "config", "commit.gpgsign", "false")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    monkeypatch.chdir(tmp_path)
    assert _run(run_cli, "export", "-f", "xlsx", "-o", "wksbm.xlsx").exit_code == 0
    return root


def _run(run_cli: Any, *args: str) -> Any:
    return run_cli("--lang", "en", "--records", "records", *args)


def _book(tmp_path: Path) -> Any:
    from openpyxl import load_workbook

    return load_workbook(tmp_path / "wksbm.xlsx")


def _rows(result: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(result.stdout)["rows"]
    return rows


def _changed(rows: list[dict[str, Any]]) -> list[tuple[str, int, str, list[Any]]]:
    return [
        (
            r["sheet"],
            r["row"],
            r["action"],
            [(c["field"], c["old"], c["new"]) for c in r["changes"]],
        )
        for r in rows
        if r["action"] != "unchanged"
    ]


def _edit_three_cells(tmp_path: Path) -> None:
    book = _book(tmp_path)
    officer = find_row(book, "pengurus", organisasi_id="wksbm-bina-sejahtera", urutan=2)
    officer["nama"].value = "Sri Wahyuningsih"
    rakor = find_row(book, "kegiatan", id="rakor-forum-wksbm-kalasan")
    assert isinstance(rakor["tanggal"].value, dt.datetime)  # a date in Excel, not text
    rakor["tanggal"].value = dt.datetime(2025, 8, 6)
    append_row(
        book,
        "narasumber",
        kegiatan_id=PELATIHAN_ID,
        nama="Lilia Ciptaningsih",
        instansi="Forum Komunikasi WKSBM Kabupaten Sleman",
        materi="penguatan kelembagaan; praktik baik WKSBM di Sleman",
    )
    book.save(tmp_path / "wksbm.xlsx")


def test_round_trip_changes_exactly_the_edited_lines_and_again_nothing(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    """The issue's "done when": a name in pengurus, a date in kegiatan and a new row in
    narasumber; comments, key order and every other line stay as they were."""
    _edit_three_cells(tmp_path)
    result = _run(run_cli, "import", "wksbm.xlsx", "--update")
    assert result.exit_code == 0, result.stdout
    assert git(repo, "diff", "--numstat").splitlines() == [
        f"3\t0\t{PELATIHAN_REL}",
        f"1\t1\t{RAKOR_REL}",
        f"1\t1\t{BINA_REL}",
    ]
    diff = [
        line
        for line in git(repo, "diff", "-U0").splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert diff == [
        "+  - nama: Lilia Ciptaningsih",
        "+    instansi: Forum Komunikasi WKSBM Kabupaten Sleman",
        "+    materi: [penguatan kelembagaan, praktik baik WKSBM di Sleman]",
        "-tanggal: 2025-08-05  # diundur dari 4 Agustus",
        "+tanggal: 2025-08-06  # diundur dari 4 Agustus",
        "-  - {jabatan: sekretaris, nama: Sri Wahyuni}",
        "+  - {jabatan: sekretaris, nama: Sri Wahyuningsih}",
    ]
    assert _run(run_cli, "validate").exit_code == 0
    once = git(repo, "diff")
    again = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert again.exit_code == 0
    assert git(repo, "diff") == once
    counts = json.loads(again.stdout)["counts"]
    assert counts == {"new": 0, "update": 0, "unchanged": 15, "rejected": 0, "ambiguous": 0}


def test_dry_run_plans_the_edits_and_writes_nothing(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    _edit_three_cells(tmp_path)
    result = _run(run_cli, "import", "wksbm.xlsx", "--dry-run", "--format", "json")
    assert result.exit_code == 0, result.stdout
    rows = _rows(result)
    assert _changed(rows) == [
        ("pengurus", 3, "update", [("pengurus.1.nama", "Sri Wahyuni", "Sri Wahyuningsih")]),
        ("kegiatan", 3, "update", [("tanggal", "2025-08-05", "2025-08-06")]),
        (
            "narasumber",
            3,
            "update",
            [
                (
                    "narasumber.1",
                    None,
                    {
                        "nama": "Lilia Ciptaningsih",
                        "instansi": "Forum Komunikasi WKSBM Kabupaten Sleman",
                        "materi": ["penguatan kelembagaan", "praktik baik WKSBM di Sleman"],
                    },
                )
            ],
        ),
    ]
    officer = next(r for r in rows if r["sheet"] == "pengurus" and r["row"] == 3)
    assert officer["id"] == "wksbm-bina-sejahtera"
    assert officer["file"] == f"records/{BINA_REL}"
    assert not officer["written"]
    sheets = {s["name"]: s for s in json.loads(result.stdout)["sheets"]}
    assert sheets["pengurus"]["header_row"] == 1
    assert sheets["pengurus"]["columns"]["organisasi_id"] == "organisasi_id"
    assert git(repo, "status", "--porcelain") == ""
    text = _run(run_cli, "import", "wksbm.xlsx", "--dry-run").stdout
    assert "update       pengurus:3     Sri Wahyuningsih -> records/" + BINA_REL in text
    assert "    pengurus.1.nama: Sri Wahyuni -> Sri Wahyuningsih" in text
    assert "wksbm.xlsx: 0 new, 3 updated, 12 unchanged, 0 rejected, 0 ambiguous" in text
    assert text.rstrip().endswith("dry run: nothing written")


def test_without_update_changes_are_reported_not_written(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    _edit_three_cells(tmp_path)
    result = _run(run_cli, "import", "wksbm.xlsx")
    assert result.exit_code == 0
    assert "changed fields were not written; add --update to write them" in result.stdout
    assert git(repo, "status", "--porcelain") == ""


def test_a_deleted_row_or_an_emptied_cell_removes_nothing_and_says_so(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    book = _book(tmp_path)
    officers = book["pengurus"]
    for n, row in enumerate(sheet_rows(book, "pengurus"), start=2):
        if row["nama"].value == "Tri Handayani":
            officers.delete_rows(n)
            break
    find_row(book, "pengurus", nama="Bambang Riyadi")["mulai"].value = None
    peserta = book["kegiatan_peserta"]
    for n, row in enumerate(sheet_rows(book, "kegiatan_peserta"), start=2):
        if row["organisasi_id"].value == "wksbm-bina-sejahtera":
            peserta.delete_rows(n)
            break
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert result.exit_code == 0, result.stdout
    assert git(repo, "status", "--porcelain") == ""
    notes = {(r["sheet"], r["row"]): r["notes"] for r in _rows(result) if r["notes"]}
    assert notes == {
        ("pengurus", 2): [
            "pengurus 3 of wksbm-bina-sejahtera (bendahara Tri Handayani) is not in the sheet:"
            " kept (deleting a row deletes nothing)",
            "mulai is empty in the sheet: the record's `2023-01-10` kept (an emptied cell"
            " removes nothing)",
        ],
    }
    # every participant row of that event was deleted: the event is not in the sheet at all,
    # which is what trimming a sheet to the rows one edits looks like; nothing to say
    assert all(r["id"] != PELATIHAN_ID for r in _rows(result) if r["sheet"] == "kegiatan_peserta")


def test_a_participant_left_out_of_an_events_rows_is_kept_and_noted(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    (repo / RAKOR_REL).write_text(
        (repo / RAKOR_REL)
        .read_text(encoding="utf-8")
        .replace("[wksbm-ngudi-rahayu]", "[wksbm-ngudi-rahayu, wksbm-bina-sejahtera]"),
        encoding="utf-8",
    )
    git(repo, "commit", "-qam", "two participants")
    assert _run(run_cli, "export", "-f", "xlsx", "-o", "wksbm.xlsx", "--force").exit_code == 0
    book = _book(tmp_path)
    sheet = book["kegiatan_peserta"]
    for n, row in enumerate(sheet_rows(book, "kegiatan_peserta"), start=2):
        if (row["kegiatan_id"].value, row["organisasi_id"].value) == (
            "rakor-forum-wksbm-kalasan",
            "wksbm-bina-sejahtera",
        ):
            sheet.delete_rows(n)
            break
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert result.exit_code == 0
    row = next(r for r in _rows(result) if r["nama"] == "wksbm-ngudi-rahayu")
    assert row["notes"] == [
        "wksbm-bina-sejahtera took part in rakor-forum-wksbm-kalasan by the record but is not in"
        " the sheet: kept (deleting a row deletes nothing)"
    ]
    assert git(repo, "status", "--porcelain") == ""


def test_a_new_officer_is_added_at_the_end_once(repo: Path, tmp_path: Path, run_cli: Any) -> None:
    book = _book(tmp_path)
    append_row(
        book,
        "pengurus",
        organisasi_id="wksbm-ngudi-rahayu",
        jabatan="bendahara",
        nama="Wagiyem",
        mulai=dt.datetime(2025, 1, 5),
    )
    append_row(
        book, "unsur", organisasi_id="wksbm-ngudi-rahayu", urutan=7, nama="PKK Tirtomartani",
        kategori="lembaga",
    )  # fmt: skip
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert result.exit_code == 0, result.stdout
    text = (repo / NGUDI_REL).read_text(encoding="utf-8")
    assert text.endswith(
        "  - jabatan: sekretaris\n"
        "    nama: Sri Lestari\n"
        "  - jabatan: bendahara\n"
        "    nama: Wagiyem\n"
        "    mulai: 2025-01-05\n"
        "unsur:\n"
        "  - {nama: PKK Tirtomartani, kategori: lembaga}\n"
    )
    unsur = next(r for r in _rows(result) if r["sheet"] == "unsur" and r["nama"].startswith("PKK"))
    assert unsur["notes"] == ["urutan 7 added as 1 (new rows go at the end)"]
    once = git(repo, "diff")
    again = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert json.loads(again.stdout)["counts"]["update"] == 0
    assert git(repo, "diff") == once


def test_a_row_moved_to_another_urutan_is_ambiguous_never_guessed(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    book = _book(tmp_path)
    find_row(book, "pengurus", nama="Bambang Riyadi")["nama"].value = "Sri Wahyuni"
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert result.exit_code == 1
    row = next(r for r in _rows(result) if r["action"] == "ambiguous")
    assert (row["sheet"], row["row"]) == ("pengurus", 2)
    assert row["reason"] == (
        "urutan 1 of wksbm-bina-sejahtera is ketua Bambang Riyadi in the record, and ketua Sri"
        " Wahyuni is its urutan 2: rows are matched by urutan, so keep it as exported (add new"
        " rows at the end)"
    )
    assert git(repo, "status", "--porcelain") == ""


def test_rows_naming_no_record_are_rejected_with_did_you_mean(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    book = _book(tmp_path)
    find_row(book, "pengurus", nama="Suparno")["organisasi_id"].value = "wksbm-ngudi-rahayo"
    append_row(book, "narasumber", kegiatan_id="rakor-forum-wksbm-kalasn", nama="Sutrisno")
    append_row(
        book, "kegiatan_peserta", kegiatan_id=PELATIHAN_ID, organisasi_id="wksbm-bina-sejahtra"
    )
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--update")
    assert result.exit_code == 1
    out = result.stdout
    assert (
        "rejected     pengurus:5     Suparno\n"
        "    organisasi_id `wksbm-ngudi-rahayo` names no record (did you mean"
        " `wksbm-ngudi-rahayu`?)"
    ) in out
    assert (
        "rejected     narasumber:3   Sutrisno\n"
        "    kegiatan_id `rakor-forum-wksbm-kalasn` names no record (did you mean"
        " `rakor-forum-wksbm-kalasan`?)"
    ) in out
    assert (
        "    organisasi_id `wksbm-bina-sejahtra` names no record (did you mean"
        " `wksbm-bina-sejahtera`?)"
    ) in out
    assert "wksbm.xlsx: 0 new, 0 updated, 13 unchanged, 3 rejected, 0 ambiguous" in out
    assert git(repo, "status", "--porcelain") == ""
    indonesian = run_cli(
        "--lang", "id", "--records", "records", "impor", "wksbm.xlsx", "--dry-run"
    ).stdout
    assert (
        "organisasi_id `wksbm-ngudi-rahayo` tidak menunjuk catatan mana pun (maksudnya"
        " `wksbm-ngudi-rahayu`?)"
    ) in indonesian


def test_a_new_event_with_its_speakers_and_participants(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    book = _book(tmp_path)
    append_row(
        book,
        "kegiatan",
        id="bimtek-pendataan-ppks",
        judul="Bimbingan Teknis Pendataan PPKS",
        jenis="bimtek",
        tanggal=dt.datetime(2025, 9, 10),
        tanggal_selesai=dt.datetime(2025, 9, 11),
        penyelenggara="Dinas Sosial Kabupaten Sleman",
        tempat="Aula Dinas Sosial",
        sumber_dana="apbd_kabupaten",
        tahun_anggaran=2025,
        peserta_jumlah=40,
    )
    append_row(
        book,
        "narasumber",
        kegiatan_id="bimtek-pendataan-ppks",
        nama="Eko Prasetyo",
        instansi="Pusdatin Kemensos",
        materi="aplikasi SIKS-NG",
    )
    for org in ("wksbm-bina-sejahtera", "wksbm-ngudi-rahayu"):
        append_row(book, "kegiatan_peserta", kegiatan_id="bimtek-pendataan-ppks", organisasi_id=org)
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--format", "json")
    assert result.exit_code == 0, result.stdout
    made = repo / "kegiatan/2025/2025-09-10-bimtek-pendataan-ppks.yaml"
    assert made.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../../schemas/kegiatan.schema.json\n"
        "# Diimpor dari wksbm.xlsx, lembar kegiatan, baris 4.\n"
        'id: "2025-09-10-bimtek-pendataan-ppks"\n'
        "judul: Bimbingan Teknis Pendataan PPKS\n"
        "jenis: bimtek\n"
        "tanggal: 2025-09-10\n"
        "tanggal_selesai: 2025-09-11\n"
        "penyelenggara: Dinas Sosial Kabupaten Sleman\n"
        "tempat: Aula Dinas Sosial\n"
        "sumber_dana: apbd_kabupaten\n"
        "tahun_anggaran: 2025\n"
        "peserta:\n"
        "  jumlah: 40\n"
        "  organisasi: [wksbm-bina-sejahtera, wksbm-ngudi-rahayu]\n"
        "narasumber:\n"
        "  - {nama: Eko Prasetyo, instansi: Pusdatin Kemensos, materi: [aplikasi SIKS-NG]}\n"
    )
    new = [(r["sheet"], r["action"]) for r in _rows(result) if r["action"] != "unchanged"]
    assert new == [
        ("kegiatan", "new"),
        ("kegiatan_peserta", "new"),
        ("kegiatan_peserta", "new"),
        ("narasumber", "new"),
    ]
    event = next(r for r in _rows(result) if r["sheet"] == "kegiatan" and r["action"] == "new")
    assert event["notes"] == [
        "id written as 2025-09-10-bimtek-pendataan-ppks: an event's id starts with its first"
        " day, as `wksbm new` names it"
    ]
    assert _run(run_cli, "validate").exit_code == 0
    again = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert json.loads(again.stdout)["counts"] == {
        "new": 0,
        "update": 0,
        "unchanged": 18,
        "rejected": 0,
        "ambiguous": 0,
    }


def test_a_new_event_like_one_on_the_same_day_is_ambiguous(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    book = _book(tmp_path)
    append_row(
        book,
        "kegiatan",
        judul="Pelatihan Manajemen Organisasi WKSBM.",
        jenis="pelatihan",
        tanggal="17 Juni 2025",
        penyelenggara="Kapanewon Depok",
    )
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--format", "json")
    assert result.exit_code == 1
    row = next(r for r in _rows(result) if r["action"] == "ambiguous")
    assert row["candidates"] == [PELATIHAN_ID]
    assert row["reason"] == f"may be the same as {PELATIHAN_ID}; add an id column to say which"
    assert not list(
        (repo / "kegiatan/2025").glob("2025-06-17-pelatihan-manajemen-organisasi-wksbm*")
    )


def test_a_date_the_id_carries_is_refused_with_what_to_do(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    book = _book(tmp_path)
    find_row(book, "kegiatan", id=PELATIHAN_ID)["tanggal"].value = dt.datetime(2025, 6, 18)
    find_row(book, "kegiatan", id=PELATIHAN_ID)["peserta_jumlah"].value = 32
    find_row(book, "pengurus", nama="Suparno")["mulai"].value = dt.datetime(2022, 5, 2)
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert result.exit_code == 1
    assert _changed(_rows(result)) == [
        ("pengurus", 5, "update", [("pengurus.0.mulai", "2022-05-01", "2022-05-02")]),
        ("kegiatan", 2, "rejected", []),
    ]
    event = next(r for r in _rows(result) if r["sheet"] == "kegiatan" and r["row"] == 2)
    assert event["reason"] == (
        f"tanggal 2025-06-18: the id `{PELATIHAN_ID}` starts with another day, and an event's id"
        " and file name carry its first day; rename the file and its id by hand, then import"
        " again"
    )
    assert (repo / PELATIHAN_REL).read_text(encoding="utf-8") == PELATIHAN  # no part of the row
    assert git(repo, "diff", "--numstat").splitlines() == [f"1\t1\t{NGUDI_REL}"]


def test_a_row_that_would_not_validate_is_rejected_the_records_other_rows_land(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    book = _book(tmp_path)
    find_row(book, "pengurus", nama="Bambang Riyadi")["selesai"].value = dt.datetime(2022, 1, 1)
    find_row(book, "pengurus", nama="Sri Wahyuni")["nama"].value = "Sri Wahyuningsih"
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert result.exit_code == 1
    rows = _rows(result)
    bad = next(r for r in rows if r["nama"] == "Bambang Riyadi")
    assert bad["action"] == "rejected"
    assert bad["reason"].startswith("the record would not validate: date-order: ")
    assert (repo / BINA_REL).read_text(encoding="utf-8") == BINA.replace(
        "Sri Wahyuni}", "Sri Wahyuningsih}"
    )


def test_a_value_outside_the_choices_gets_did_you_mean(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    book = _book(tmp_path)
    find_row(book, "pengurus", nama="Sri Lestari")["jabatan"].value = "sekertaris"
    find_row(book, "unsur", nama="Karang Taruna Tunas Muda")["kategori"].value = "Lembaga"
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert result.exit_code == 1
    row = next(r for r in _rows(result) if r["action"] == "rejected")
    assert row["reason"] == (
        "jabatan: `sekertaris` is not one of the listed values (did you mean `sekretaris`?)"
    )
    assert git(repo, "status", "--porcelain") == ""  # "Lembaga" is the same kategori


def test_the_csv_tables_of_an_export_import_one_by_one(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    assert _run(run_cli, "export", "-f", "csv", "-o", "tabel").exit_code == 0
    path = tmp_path / "tabel" / "pengurus.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Tri Handayani", "Tri Handayani Putri"),
        encoding="utf-8",
    )
    result = _run(run_cli, "import", "tabel/pengurus.csv", "--update")
    assert result.exit_code == 0, result.stdout
    assert git(repo, "diff", "--numstat").splitlines() == [f"1\t1\t{BINA_REL}"]
    assert "Tri Handayani Putri}" in (repo / BINA_REL).read_text(encoding="utf-8")


def test_personal_fields_follow_privasi(repo: Path, tmp_path: Path, run_cli: Any) -> None:
    """In an internal folder the export carries officers' phones and an edited one is
    written; in a public folder a phone column typed into the sheet is never read."""
    config = repo / "wksbm.yaml"
    config.write_text(CONFIG.replace("privasi: publik", "privasi: internal"), encoding="utf-8")
    with_phone = BINA.replace("nama: Sri Wahyuni}", 'nama: Sri Wahyuni, telepon: "0812-1111-2222"}')
    (repo / BINA_REL).write_text(with_phone, encoding="utf-8")
    git(repo, "commit", "-qam", "internal")
    assert _run(run_cli, "export", "-f", "xlsx", "-o", "wksbm.xlsx", "--force").exit_code == 0
    book = _book(tmp_path)
    find_row(book, "pengurus", nama="Sri Wahyuni")["telepon"].value = "0812-1111-3333"
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--update")
    assert result.exit_code == 0, result.stdout
    assert git(repo, "diff", "--numstat").splitlines() == [f"1\t1\t{BINA_REL}"]
    assert '"0812-1111-3333"' in (repo / BINA_REL).read_text(encoding="utf-8")
    git(repo, "checkout", "-q", ".")
    config.write_text(CONFIG, encoding="utf-8")
    public = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert json.loads(public.stdout)["dropped_personal"] == 1
    assert json.loads(public.stdout)["counts"]["update"] == 0
    assert "3333" not in public.stdout
    assert git(repo, "diff", "--numstat", "--", BINA_REL) == ""


def test_the_written_records_read_back_as_planned(repo: Path, tmp_path: Path, run_cli: Any) -> None:
    _edit_three_cells(tmp_path)
    _run(run_cli, "import", "wksbm.xlsx", "--update")
    data = yaml.safe_load((repo / PELATIHAN_REL).read_text(encoding="utf-8"))
    assert [s["nama"] for s in data["narasumber"]] == ["Supartini", "Lilia Ciptaningsih"]
    assert data["narasumber"][1]["materi"] == [
        "penguatan kelembagaan",
        "praktik baik WKSBM di Sleman",
    ]


_NAME = st.one_of(
    st.sampled_from(["no", "Yes", "0812 3456", "12:30", "- Sri", "Sri # Wahyuni", "[Sri]", "null"]),
    st.text(alphabet="abcSWéÄ 0123'\"#:-,[]{}&*!|>%@`?", min_size=1, max_size=16),
).filter(lambda s: s.strip() and not s.strip().startswith("="))


@settings(max_examples=10, deadline=None)
@given(name=_NAME)
def test_whatever_name_is_typed_it_is_written_on_its_own_line_and_reads_back(name: str) -> None:
    """A name typed into the pengurus sheet, quotes, colons, hashes and YAML words included,
    changes one line, reads back as typed (spaces tidied) and imports again as unchanged."""
    import tempfile

    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from wksbm_cli.authoring.importing import values
    from wksbm_cli.cli import app
    from wksbm_cli.load.yamldoc import load_document

    runner = CliRunner()

    def run(cwd: Path, *args: str) -> Any:
        return runner.invoke(
            app, ["--lang", "en", "--records", str(cwd / "records"), *args], catch_exceptions=False
        )

    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        write(cwd / "records", {"wksbm.yaml": CONFIG, BINA_REL: BINA})
        book_path = str(cwd / "w.xlsx")
        assert run(cwd, "export", "-f", "xlsx", "-o", book_path).exit_code == 0
        book = load_workbook(book_path)
        find_row(book, "pengurus", nama="Sri Wahyuni")["nama"].value = name
        book.save(book_path)
        result = run(cwd, "import", book_path, "--update", "--format", "json")
        typed = values.text(name)  # spaces tidied; "-" is an empty cell, as Dinas lists use it
        text = (cwd / "records" / BINA_REL).read_text(encoding="utf-8")
        if typed in (None, "Sri Wahyuni"):
            assert text == BINA
            return
        assert result.exit_code == 0, result.stdout
        before, after = BINA.splitlines(), text.splitlines()
        assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [11]
        assert load_document(text).data["pengurus"][1]["nama"] == typed
        assert yaml.safe_load(text)["pengurus"][1]["nama"] == typed
        again = run(cwd, "import", book_path, "--update", "--format", "json")
        assert json.loads(again.stdout)["counts"]["update"] == 0


def test_csv_cells_made_inert_by_the_export_import_back_as_the_records_text(
    make_records: Any, tmp_path: Path, monkeypatch: Any, run_cli: Any
) -> None:
    """Regression: the leading ``'`` that ``export --format csv`` puts before text that could
    start a formula was read back as part of the name, and ``--update`` wrote it."""
    monkeypatch.chdir(tmp_path)
    hostile = BINA.replace(
        "nama: WKSBM Bina Sejahtera", 'nama: "=HYPERLINK(\\"http://contoh.id\\",\\"klik\\")"'
    ).replace("nama: Tri Handayani", 'nama: "-Tri Handayani"')
    root = make_records({BINA_REL: hostile}, config=CONFIG)
    assert _run(run_cli, "export", "-f", "csv", "-o", "tabel").exit_code == 0
    assert "'=HYPERLINK" in (tmp_path / "tabel/organisasi.csv").read_text(encoding="utf-8")
    for table in ("organisasi", "pengurus"):
        result = _run(run_cli, "import", f"tabel/{table}.csv", "--update", "--format", "json")
        assert json.loads(result.stdout)["counts"]["update"] == 0, result.stdout
    assert (root / BINA_REL).read_text(encoding="utf-8") == hostile


def test_a_generated_folder_exports_and_imports_back_unchanged(
    tmp_path: Path, monkeypatch: Any, run_cli: Any
) -> None:
    """Every row of every table of a benchmark folder (40 organisations of 40-80 lines, their
    events) finds its record and changes nothing; a rename in each table changes one line."""
    from openpyxl import load_workbook

    from benchmarks.generate import generate

    root = tmp_path / "records"
    generate(str(root), 40, seed=5)
    monkeypatch.chdir(tmp_path)
    before = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    assert _run(run_cli, "export", "-f", "xlsx", "-o", "wksbm.xlsx").exit_code == 0
    result = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert result.exit_code == 0, result.stdout
    book = load_workbook(tmp_path / "wksbm.xlsx")
    rows = sum(book[n].max_row - 1 for n in book.sheetnames if n != "README")
    assert json.loads(result.stdout)["counts"]["unchanged"] == rows
    assert {p: p.read_bytes() for p in root.rglob("*.yaml")} == before
    for table in ("pengurus", "unsur", "narasumber"):
        first = sheet_rows(book, table)[0]
        first["nama"].value = f"{first['nama'].value} Baru"
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert result.exit_code == 0, result.stdout
    changed = {}
    for path, old in before.items():
        new = path.read_bytes().splitlines()
        if new != old.splitlines():
            assert len(new) == len(old.splitlines()), path  # replaced lines, none added
            changed[path] = [a for a, b in zip(old.splitlines(), new, strict=True) if a != b]
    assert sorted(len(lines) for lines in changed.values()) in ([1, 1, 1], [1, 2])


def test_a_new_organisation_with_its_officers_from_two_sheets(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    """A WKSBM typed into the organisasi sheet with its officers in pengurus is one new file
    that validates (without its officers it would not: no ketua); an existing record edited
    in two sheets is written once with both lines changed."""
    book = _book(tmp_path)
    append_row(
        book,
        "organisasi",
        id="wksbm-maguwo-sejahtera",
        nama="WKSBM Maguwo Sejahtera",
        kecamatan="Depok",
        desa="Maguwoharjo",
    )
    for urutan, (jabatan, nama) in enumerate((("ketua", "Joko Susilo"), ("sekretaris", "Ani")), 1):
        append_row(
            book,
            "pengurus",
            organisasi_id="wksbm-maguwo-sejahtera",
            urutan=urutan,
            jabatan=jabatan,
            nama=nama,
        )
    find_row(book, "organisasi", id="wksbm-bina-sejahtera")["jumlah_anggota"].value = 24
    find_row(book, "pengurus", nama="Tri Handayani")["mulai"].value = dt.datetime(2023, 1, 10)
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert result.exit_code == 0, result.stdout
    made = (repo / "organisasi/depok/wksbm-maguwo-sejahtera.yaml").read_text(encoding="utf-8")
    assert made.endswith(
        "pengurus:\n  - {jabatan: ketua, nama: Joko Susilo}\n  - {jabatan: sekretaris, nama: Ani}\n"
    )
    assert git(repo, "diff", "--numstat").splitlines() == [f"2\t2\t{BINA_REL}"]
    assert (repo / BINA_REL).read_text(encoding="utf-8") == BINA.replace(
        "nama: Tri Handayani}", "nama: Tri Handayani, mulai: 2023-01-10}"
    ).replace("jumlah_anggota: 20", "jumlah_anggota: 24")
    assert _run(run_cli, "validate").exit_code == 0
    new = [(r["sheet"], r["action"]) for r in _rows(result) if r["action"] != "unchanged"]
    assert new == [
        ("organisasi", "update"),
        ("organisasi", "new"),
        ("pengurus", "update"),
        ("pengurus", "new"),
        ("pengurus", "new"),
    ]


def test_a_row_for_an_event_file_that_does_not_read_is_left_alone(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    broken = PELATIHAN.replace("jumlah: 30", "jumlah: [30")
    (repo / PELATIHAN_REL).write_text(broken, encoding="utf-8")
    book = _book(tmp_path)
    find_row(book, "kegiatan", id=PELATIHAN_ID)["judul"].value = "Pelatihan Manajemen WKSBM"
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert result.exit_code == 1
    rows = [r for r in _rows(result) if r["action"] == "rejected"]
    assert {(r["sheet"], r["reason"]) for r in rows} == {
        (sheet, f"records/{PELATIHAN_REL} cannot be read; fix it first (wksbm validate)")
        for sheet in ("kegiatan", "kegiatan_peserta", "narasumber")
    }
    assert (repo / PELATIHAN_REL).read_text(encoding="utf-8") == broken
    assert not list((repo / "kegiatan").rglob("*pelatihan-manajemen-wksbm*"))


def test_a_name_replaced_by_another_persons_is_written_with_a_note(
    repo: Path, tmp_path: Path, run_cli: Any
) -> None:
    """A row is its officer: a new name in it is a correction and is written, but a name with
    nothing in common with the old one gets a note saying how a successor is recorded."""
    book = _book(tmp_path)
    find_row(book, "pengurus", nama="Bambang Riyadi")["nama"].value = "Agus Salim"
    find_row(book, "pengurus", nama="Sri Wahyuni")["nama"].value = "Sri Wahyuni S."
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--update", "--format", "json")
    assert result.exit_code == 0, result.stdout
    notes = {r["nama"]: r["notes"] for r in _rows(result) if r["action"] == "update"}
    assert notes == {
        "Agus Salim": [
            "Bambang Riyadi -> Agus Salim: another person? A successor is a new row (with"
            " mulai), and the old officer's row gets selesai"
        ],
        "Sri Wahyuni S.": [],
    }
    assert git(repo, "diff", "--numstat").splitlines() == [f"2\t2\t{BINA_REL}"]


def test_a_rejected_row_gets_its_own_file_judged_again_not_every_file(
    repo: Path, tmp_path: Path, run_cli: Any, monkeypatch: Any
) -> None:
    """After a row is rejected, only its record's text is composed and judged again; the other
    changed records keep their judgement (a file's result depends on its text alone)."""
    judged: list[str] = []
    real = file_check.load_fast_or_located

    def counting(text: str, *args: Any) -> Any:
        judged.append(text)
        return real(text, *args)

    monkeypatch.setattr(file_check, "load_fast_or_located", counting)
    book = _book(tmp_path)
    find_row(book, "pengurus", nama="Bambang Riyadi")["selesai"].value = dt.datetime(2022, 1, 1)
    find_row(book, "pengurus", nama="Suparno")["nama"].value = "Suparno Hadi"
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--dry-run", "--format", "json")
    assert result.exit_code == 1
    rows = _rows(result)
    assert next(r for r in rows if r["nama"] == "Bambang Riyadi")["action"] == "rejected"
    assert next(r for r in rows if r["nama"] == "Suparno Hadi")["action"] == "update"
    assert sum("Suparno Hadi" in text for text in judged) == 1
