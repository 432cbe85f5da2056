"""``wksbm import``: Dinas workbooks and PSKS exports in, records out, exactly as planned."""

from __future__ import annotations

import datetime as dt
import difflib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from import_books import EXISTING, EXISTING_REL, dinas_workbook, serial

from wksbm_cli.authoring.importing import values

CONFIG = """\
wilayah: {provinsi: Daerah Istimewa Yogyakarta, kabupaten: Sleman, kode: "34.04"}
istilah: diy
bahasa: en
privasi: publik
aturan: {missing-sekretaris: warning}
"""


@pytest.fixture
def folder(make_records: Any, tmp_path: Path, monkeypatch: Any) -> Path:
    monkeypatch.chdir(tmp_path)
    root: Path = make_records({EXISTING_REL: EXISTING}, config=CONFIG)
    dinas_workbook(tmp_path / "dinas.xlsx")
    return root


def _run(run_cli: Any, *args: str) -> Any:
    return run_cli("--lang", "en", "--records", "records", *args)


def _plan(result: Any) -> list[tuple[str, str, int, str]]:
    doc = json.loads(result.stdout)
    return [(r["action"], r["sheet"], r["row"], r["id"] or r["reason"]) for r in doc["rows"]]


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*.yaml"))
    }


def test_dry_run_plans_every_row_and_writes_nothing(folder: Path, run_cli: Any) -> None:
    before = _tree(folder)
    result = _run(run_cli, "import", "dinas.xlsx", "--dry-run", "--format", "json")
    assert result.exit_code == 1  # one row is rejected
    assert _plan(result) == [
        ("new", "Kalasan", 6, "wksbm-ngudi-rahayu-tirtomartani"),
        ("new", "Kalasan", 7, "wksbm-ngudi-rahayu-purwomartani"),
        ("new", "Kalasan", 9, "wksbm-sido-mulyo"),
        ("new", "Depok", 2, "wksbm-manunggal"),
        ("update", "Depok", 3, "wksbm-bina-sejahtera"),
        (
            "rejected",
            "Depok",
            4,
            "Kalurahan `Condongcatuur` is not in the official list (did you mean `Condongcatur`?)",
        ),
    ]
    doc = json.loads(result.stdout)
    assert doc["counts"] == {"new": 4, "update": 1, "unchanged": 0, "rejected": 1, "ambiguous": 0}
    assert doc["dropped_personal"] == 4  # two phones on Kalasan, a phone and an e-mail on Depok
    assert doc["skipped_rows"] == 2  # the empty row and the totals row
    assert doc["sheets"][0]["header_row"] == 5
    assert doc["rows"][2]["notes"] == ["Kapanewon `Kalsan` read as Kalasan (where Selomartani is)"]
    assert doc["rows"][4]["changes"] == [{"field": "jumlah_anggota", "old": 20, "new": 25}]
    assert _tree(folder) == before


def test_written_records_are_exactly_these(folder: Path, run_cli: Any) -> None:
    result = _run(run_cli, "import", "dinas.xlsx")
    assert result.exit_code == 1
    tree = _tree(folder)
    assert tree["organisasi/kalasan/wksbm-ngudi-rahayu-purwomartani.yaml"] == (
        "# yaml-language-server: $schema=../../schemas/organisasi.schema.json\n"
        "# Diimpor dari dinas.xlsx, lembar Kalasan, baris 7.\n"
        "id: wksbm-ngudi-rahayu-purwomartani\n"
        "nama: WKSBM Ngudi Rahayu\n"
        "jenis: wksbm\n"
        "tingkat: kalurahan\n"
        "wilayah:\n"
        "  kapanewon: Kalasan\n"
        "  kalurahan: Purwomartani\n"
        '  kode: "34.04.10.2001"\n'
        "sk:\n"
        '  nomor: "7/KPTS/2023"\n'
        "  tanggal: 2025-06-17\n"
        "pengurus:\n"
        "  - {jabatan: ketua, nama: Ngatijo}\n"
        "  - {jabatan: sekretaris, nama: Wartini}\n"
    )
    tirto = yaml.safe_load(tree["organisasi/kalasan/wksbm-ngudi-rahayu-tirtomartani.yaml"])
    assert tirto["sk"] == {"nomor": "12/KEP/2024", "tanggal": dt.date(2024, 6, 17)}
    manunggal = yaml.safe_load(tree["organisasi/depok/wksbm-manunggal.yaml"])
    assert manunggal["sk"] == {
        "nomor": "45/KEP/2024",
        "tanggal": dt.date(2024, 3, 3),
        "penerbit": "Lurah Condongcatur",
    }
    assert manunggal["jumlah_anggota"] == 30
    assert "0812" not in "".join(tree.values())  # privasi: publik, phones never written
    assert "gmail" not in "".join(tree.values())
    assert tree[EXISTING_REL] == EXISTING  # changed field reported, not written without --update
    assert _run(run_cli, "validate").exit_code == 0


def test_update_writes_only_the_changed_line_and_keeps_the_comment(
    folder: Path, run_cli: Any
) -> None:
    _run(run_cli, "import", "dinas.xlsx", "--update")
    assert (folder / EXISTING_REL).read_text(encoding="utf-8") == EXISTING.replace(
        "jumlah_anggota: 20", "jumlah_anggota: 25"
    )


def test_importing_twice_changes_nothing(folder: Path, run_cli: Any) -> None:
    _run(run_cli, "import", "dinas.xlsx", "--update")
    once = _tree(folder)
    result = _run(run_cli, "import", "dinas.xlsx", "--update", "--format", "json")
    assert _tree(folder) == once
    assert json.loads(result.stdout)["counts"] == {
        "new": 0,
        "update": 0,
        "unchanged": 5,
        "rejected": 1,
        "ambiguous": 0,
    }


def test_the_text_plan_counts_unchanged_rows_and_lists_them_with_verbose(
    folder: Path, run_cli: Any
) -> None:
    """A re-import says what changed or needs a look; the rows that change nothing are a
    count (a list of thousands would bury the rejected row), listed with --verbose."""
    _run(run_cli, "import", "dinas.xlsx", "--update")
    lines = _run(run_cli, "import", "dinas.xlsx", "--update").stdout.splitlines()
    unchanged = [line for line in lines if line.startswith("unchanged    ")]
    # only the row with a note (the misspelt kapanewon) is listed; the rejected row still is
    assert unchanged == [
        "unchanged    Kalasan:9      WKSBM Sido Mulyo"
        " -> records/organisasi/kalasan/wksbm-sido-mulyo.yaml"
    ]
    assert any(line.startswith("rejected     ") for line in lines)
    assert "unchanged rows not listed: 4 (--verbose lists every row)" in lines
    assert "dinas.xlsx: 0 new, 0 updated, 5 unchanged, 1 rejected, 0 ambiguous" in lines
    verbose = _run(run_cli, "import", "dinas.xlsx", "--update", "--verbose").stdout.splitlines()
    assert len([line for line in verbose if line.startswith("unchanged    ")]) == 5
    assert not any(line.startswith("unchanged rows not listed") for line in verbose)
    doc = json.loads(_run(run_cli, "import", "dinas.xlsx", "--format", "json").stdout)
    assert [r["action"] for r in doc["rows"]].count("unchanged") == 5
    indonesian = run_cli("--lang", "id", "--records", "records", "import", "dinas.xlsx")
    assert "baris tetap yang tidak dicantumkan: 4 (--verbose mencantumkan semua baris)" in (
        indonesian.stdout.splitlines()
    )


def test_round_trip_export_edit_two_cells_import_changes_two_lines(
    folder: Path, run_cli: Any, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    _run(run_cli, "import", "dinas.xlsx")
    before = _tree(folder)
    assert _run(run_cli, "export", "--format", "xlsx", "--output", "wksbm.xlsx").exit_code == 0
    book = load_workbook(tmp_path / "wksbm.xlsx")
    sheet = book["organisasi"]
    names = [c.value for c in sheet[1]]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    for row in sheet.iter_rows(min_row=2):
        cells = dict(zip(names, row, strict=True))
        if cells["id"].value == "wksbm-manunggal":
            assert isinstance(cells["sk_tanggal"].value, dt.datetime)  # a date, not text
            cells["jumlah_anggota"].value = 34
        if cells["id"].value == "wksbm-ngudi-rahayu-tirtomartani":
            cells["sk_nomor"].value = "13/KEP/2024"
    book.save(tmp_path / "wksbm.xlsx")
    result = _run(run_cli, "import", "wksbm.xlsx", "--update")
    assert result.exit_code == 0, result.stdout
    after = _tree(folder)
    changed = [
        line
        for rel in before
        for line in difflib.unified_diff(before[rel].splitlines(), after[rel].splitlines(), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == [
        "-jumlah_anggota: 30",
        "+jumlah_anggota: 34",
        '-  nomor: "12/KEP/2024"',
        '+  nomor: "13/KEP/2024"',
    ]


def test_csv_with_semicolons_in_cp1252_and_an_ambiguous_name(
    folder: Path, run_cli: Any, tmp_path: Path
) -> None:
    text = (
        "Nama WKSBM;Desa/Kel.;Kecamatan;Ketua;Tgl SK;Keterangan\r\n"
        "WKSBM Bina Sejahtra;Caturtunggal;Depok;Bambang Riyadi;;\r\n"
        "WKSBM Karya Bhakti;Maguwoharjo;Depok;Siti Aminah;1 Agustus 2024;Pembina: Pak Lurah\r\n"
    )
    (tmp_path / "daftar.csv").write_bytes(text.encode("cp1252"))
    result = _run(run_cli, "import", "daftar.csv", "--dry-run", "--format", "json")
    doc = json.loads(result.stdout)
    assert [(r["action"], r["candidates"]) for r in doc["rows"]] == [
        ("ambiguous", ["wksbm-bina-sejahtera"]),
        ("new", []),
    ]
    assert doc["sheets"][0]["unknown_columns"] == []
    assert result.exit_code == 1


def test_unknown_header_gets_did_you_mean_and_a_mapping_fixes_it(
    folder: Path, run_cli: Any, tmp_path: Path
) -> None:
    (tmp_path / "daftar.csv").write_text(
        "Nama WKSBM,Kelurahn,Kapanewon,Ketua\nWKSBM Karya Bhakti,Maguwoharjo,Depok,Siti Aminah\n",
        encoding="utf-8",
    )
    result = _run(run_cli, "import", "daftar.csv", "--dry-run")
    assert "column `Kelurahn` not recognised" in result.stdout
    assert "(did you mean `desa`?)" in result.stdout
    assert _run(run_cli, "import", "daftar.csv", "--write-mapping", "peta.yaml").exit_code == 0
    draft = (tmp_path / "peta.yaml").read_text(encoding="utf-8")
    assert "  Kelurahn: abaikan  # ?  # desa?\n" in draft
    again = _run(run_cli, "import", "daftar.csv", "--write-mapping", "peta.yaml")
    assert again.exit_code == 2
    assert "peta.yaml already exists; left untouched (choose another name)" in again.stderr
    (tmp_path / "peta.yaml").write_text(draft.replace("Kelurahn: abaikan", "Kelurahn: desa"))
    result = _run(run_cli, "import", "daftar.csv", "--mapping", "peta.yaml", "--format", "json")
    assert result.exit_code == 0, result.stdout
    written = yaml.safe_load(
        (folder / "organisasi/depok/wksbm-karya-bhakti.yaml").read_text(encoding="utf-8")
    )
    assert written["wilayah"] == {
        "kapanewon": "Depok",
        "kalurahan": "Maguwoharjo",
        "kode": "34.04.07.2002",
    }


def test_indonesian_alias_and_messages(folder: Path, run_cli: Any) -> None:
    result = run_cli("--lang", "id", "--records", "records", "impor", "dinas.xlsx", "--dry-run")
    assert "dinas.xlsx: 4 baru, 1 diperbarui, 0 tetap, 1 ditolak, 0 meragukan" in result.stdout
    assert "uji coba: tidak ada yang ditulis" in result.stdout


def test_a_file_that_is_not_a_workbook_is_one_line_exit_2(folder: Path, run_cli: Any) -> None:
    Path("rusak.xlsx").write_bytes(b"not a zip")
    result = _run(run_cli, "import", "rusak.xlsx")
    assert result.exit_code == 2
    assert "rusak.xlsx: could not be read" in result.stderr


@given(st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 12, 31)))
def test_excel_serials_read_back_as_their_dates(day: dt.date) -> None:
    assert values.parse_date(serial(day)) == day
    assert values.parse_date(float(serial(day))) == day


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("17 Juni 2025", dt.date(2025, 6, 17)),
        ("1 Agustus 2024", dt.date(2024, 8, 1)),
        ("3 Nopember 2023", dt.date(2023, 11, 3)),
        ("17/06/2025", dt.date(2025, 6, 17)),
        ("2025-06-17", dt.date(2025, 6, 17)),
    ],
)
def test_written_dates(written: str, day: dt.date) -> None:
    assert values.parse_date(written) == day


def test_a_date_that_cannot_be_read_is_an_error_not_a_guess() -> None:
    with pytest.raises(values.BadValue):
        values.parse_date("Juni 2025")


@settings(deadline=None)  # the first call imports the YAML emitter
@given(st.text(alphabet="AaBbYyNnOo019.,:#'()/- \"", max_size=12))
def test_the_quoting_shortcut_writes_what_the_yaml_dump_writes(written: str) -> None:
    from wksbm_cli.authoring.edit.splice import scalar_text
    from wksbm_cli.authoring.new_record import scalar

    assert scalar_text(written) == scalar(written)


def test_export_of_the_bundled_records_imports_back_unchanged(
    tmp_path: Path, monkeypatch: Any, run_cli: Any
) -> None:
    """Regression: a data row holding "kabupaten" was taken for a second header row, and a
    record without ``tingkat`` or ``jenis`` got the importer's defaults written into it."""
    import shutil

    shutil.copytree(Path(__file__).parent.parent / "records", tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    before = _tree(tmp_path / "records")
    assert _run(run_cli, "export", "-f", "xlsx", "-o", "semua.xlsx").exit_code == 0
    result = _run(run_cli, "import", "semua.xlsx", "--update", "--format", "json")
    assert result.exit_code == 0, result.stdout
    doc = json.loads(result.stdout)
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "semua.xlsx")
    rows = {name: book[name].max_row - 1 for name in book.sheetnames if name != "README"}
    assert rows["organisasi"] == len(list((tmp_path / "records/organisasi").rglob("*.yaml")))
    assert rows["kegiatan"] == 2 and rows["narasumber"] > 0
    # every row of every table matched to its record and found unchanged
    assert doc["counts"]["unchanged"] == sum(rows.values())
    assert {s["name"]: s["skipped"] for s in doc["sheets"]} == {
        "README": "README: the notes of wksbm export; nothing to import",
        **{name: None for name in rows},
    }
    assert _tree(tmp_path / "records") == before


def test_phones_go_to_the_ketua_in_an_internal_folder(
    make_records: Any, tmp_path: Path, monkeypatch: Any, run_cli: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    root = make_records({}, config=CONFIG.replace("publik", "internal"))
    dinas_workbook(tmp_path / "dinas.xlsx")
    result = _run(run_cli, "import", "dinas.xlsx", "--sheet", "Kalasan", "--format", "json")
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["dropped_personal"] == 0
    data = yaml.safe_load(
        (root / "organisasi/kalasan/wksbm-sido-mulyo.yaml").read_text(encoding="utf-8")
    )
    assert data["pengurus"][0] == {
        "jabatan": "ketua",
        "nama": "Heru Santoso",
        "telepon": "0813-2765-4410",
    }


def test_a_row_that_would_not_validate_is_rejected_and_written_nowhere(
    make_records: Any, tmp_path: Path, monkeypatch: Any, run_cli: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    root = make_records({}, config=CONFIG.replace("aturan: {missing-sekretaris: warning}\n", ""))
    dinas_workbook(tmp_path / "dinas.xlsx")
    result = _run(run_cli, "import", "dinas.xlsx", "--sheet", "Depok", "--format", "json")
    assert result.exit_code == 1
    rows = json.loads(result.stdout)["rows"]
    assert rows[0]["action"] == "rejected"
    assert rows[0]["reason"] == (
        "the record would not validate: missing-sekretaris: this WKSBM has no active sekretaris"
    )
    assert not (root / "organisasi/depok/wksbm-manunggal.yaml").exists()


def test_an_officer_who_differs_is_reported_not_replaced(folder: Path, run_cli: Any) -> None:
    path = folder / EXISTING_REL
    path.write_text(EXISTING.replace("Bambang Riyadi", "Agus Salim"), encoding="utf-8")
    result = _run(run_cli, "import", "dinas.xlsx", "--sheet", "Depok", "--update")
    assert "ketua: the record has Agus Salim, the sheet Bambang Riyadi; not changed" in (
        result.stdout
    )
    assert "Bambang" not in path.read_text(encoding="utf-8")


def test_an_unknown_sheet_names_the_sheets(folder: Path, run_cli: Any) -> None:
    result = _run(run_cli, "import", "dinas.xlsx", "--sheet", "Sleman")
    assert result.exit_code == 2
    assert "no sheet `Sleman`; the sheets are: Kalasan, Depok" in result.stderr


def test_a_mapping_naming_an_unknown_field_gets_did_you_mean(
    folder: Path, run_cli: Any, tmp_path: Path
) -> None:
    (tmp_path / "peta.yaml").write_text("kolom:\n  Kelurahn: dessa\n", encoding="utf-8")
    result = _run(run_cli, "import", "dinas.xlsx", "--mapping", "peta.yaml")
    assert result.exit_code == 2
    assert "column `Kelurahn`: field `dessa` is not known (did you mean `desa`?)" in (result.stderr)


def test_a_record_changed_after_the_plan_is_not_overwritten(folder: Path) -> None:
    from wksbm_cli.authoring.importing import plan as pl
    from wksbm_cli.authoring.importing.readers import read_sheets
    from wksbm_cli.check.policy import load_config

    config = load_config(str(folder), "records")
    where = pl.Folder(str(folder), "records", config)
    sheets = read_sheets("dinas.xlsx", "Depok")
    plan = pl.build(where, sheets, pl.Mapping_(), "dinas.xlsx", dt.date(2026, 1, 1))
    meanwhile = EXISTING.replace("Sri Wahyuni", "Sri Wahyuningsih")
    (folder / EXISTING_REL).write_text(meanwhile, encoding="utf-8")
    pl.apply(where, plan, update=True)
    assert (folder / EXISTING_REL).read_text(encoding="utf-8") == meanwhile
    item = next(i for i in plan.items if i.id == "wksbm-bina-sejahtera")
    assert item.action == "rejected" and item.reason is not None
    assert item.reason[0] == "import.changed-on-disk"


def _ods(path: Path, sheets: dict[str, list[list[str]]]) -> None:
    """A minimal OpenDocument spreadsheet, as LibreOffice Calc saves one (text cells only)."""
    import zipfile
    from xml.sax.saxutils import escape

    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    body = ""
    for name, rows in sheets.items():
        body += f'<table:table table:name="{escape(name)}">'
        for row in rows:
            body += "<table:table-row>"
            for cell in row:
                body += (
                    f'<table:table-cell office:value-type="string"><text:p>{escape(cell)}'
                    "</text:p></table:table-cell>"
                    if cell
                    else "<table:table-cell/>"
                )
            body += "</table:table-row>"
        body += "</table:table>"
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
        f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)


def test_ods_sheet_named_after_a_kapanewon_gives_it_to_its_rows(
    folder: Path, run_cli: Any, tmp_path: Path
) -> None:
    _ods(
        tmp_path / "berbah.ods",
        {
            "Berbah": [
                ["REKAP WKSBM KAPANEWON BERBAH", "", ""],
                ["Nama WKSBM", "Kalurahan", "Ketua"],
                ["WKSBM Guyub Rukun", "Tegaltirto", "Sutrisno"],
            ]
        },
    )
    result = _run(run_cli, "import", "berbah.ods", "--format", "json")
    assert result.exit_code == 0, result.stdout
    data = yaml.safe_load(
        (folder / "organisasi/berbah/wksbm-guyub-rukun.yaml").read_text(encoding="utf-8")
    )
    assert data["wilayah"]["kapanewon"] == "Berbah"
    assert data["wilayah"]["kalurahan"] == "Tegaltirto"


def test_a_file_without_any_list_is_said_once_exit_2(
    folder: Path, run_cli: Any, tmp_path: Path
) -> None:
    (tmp_path / "catatan.csv").write_text("Rapat koordinasi\nHadir: 12 orang\n", encoding="utf-8")
    result = _run(run_cli, "import", "catatan.csv")
    assert result.exit_code == 2
    assert "catatan.csv: no sheet holds a list of organisations" in result.stderr


def test_places_resolve_in_a_kabupaten_whose_name_is_also_a_kota() -> None:
    """Regression: the kabupaten name from wksbm.yaml ("Bogor": a kabupaten and a kota) was
    resolved with every row, stopped there, and left a misspelt kecamatan as written."""
    from wksbm_cli.authoring.importing.rows import place
    from wksbm_cli.model.records import Config, Wilayah

    config = Config(
        wilayah=Wilayah(provinsi="Jawa Barat", kabupaten="Bogor", kode="32.01"),
        istilah="nasional",
    )
    notes: list[tuple[str, dict[str, Any]]] = []
    assert place("Citeurep", "Puspanegara", config, notes) == (
        "Citeureup",
        "Puspanegara",
        "32.01.03.1006",
    )
    assert notes[0][0] == "import.region-corrected"


def test_a_record_that_is_not_valid_yaml_yet_is_left_alone_with_the_reason(
    folder: Path, run_cli: Any
) -> None:
    broken = EXISTING.replace("jumlah_anggota: 20", "jumlah_anggota: [20")
    (folder / EXISTING_REL).write_text(broken, encoding="utf-8")
    result = run_cli(
        "--lang", "id", "--records", "records", "impor", "dinas.xlsx", "--sheet", "Depok",
        "--update", "--format", "json",
    )  # fmt: skip
    rows = json.loads(result.stdout)["rows"]
    assert (folder / EXISTING_REL).read_text(encoding="utf-8") == broken
    assert [(r["action"], r["reason"]) for r in rows if r["nama"] == "WKSBM Bina Sejahtera"] == [
        (
            "rejected",
            "records/organisasi/depok/wksbm-bina-sejahtera.yaml tidak dapat dibaca;"
            " perbaiki dulu (wksbm validate)",
        )
    ]


_CELL = (
    st.text(alphabet="abcdeéABCÉ 0123456789./-;,\t\"'", min_size=1, max_size=8)
    .map(str.strip)
    .filter(bool)
)
_HEADER = ["No.", "Nama WKSBM", "Desa/Kel.", "Kecamatan", "Ketua"]


@settings(deadline=None)
@given(
    st.lists(st.lists(_CELL, min_size=5, max_size=5), min_size=1, max_size=6),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_csv_reads_back_whatever_separator_and_encoding_excel_chose(
    rows: list[list[str]], sep: str, encoding: str
) -> None:
    """A list saved by a spreadsheet program: a header row, then cells that may hold commas,
    semicolons, tabs or quotes (quoted where the separator needs it). The separator and the
    encoding are found from the file alone. The one change: a ``'`` before a formula character
    is the guard ``export --format csv`` writes, not part of the value."""
    import csv
    import io
    import tempfile

    from wksbm_cli.authoring.importing.readers import read_csv

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\r\n").writerows([_HEADER, *rows])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "daftar.csv"
        path.write_bytes(buffer.getvalue().encode(encoding))
        unguarded = [
            [c[1:] if c[:1] == "'" and c[1:2] in ("=", "+", "-", "@", "\t", "\r") else c for c in r]
            for r in rows
        ]
        assert read_csv(str(path)).rows == [_HEADER, *unguarded]


def test_a_semicolon_list_with_commas_in_its_addresses() -> None:
    """Regression: rows whose addresses hold as many commas as the row has semicolons tied the
    old width score, and the comma won."""
    from wksbm_cli.authoring.importing.readers import sniff_separator

    text = (
        "Nama WKSBM;Alamat;Ketua\r\n"
        "WKSBM Ngudi Rahayu;Krajan, Tirtomartani, Kalasan, Sleman;Suparno\r\n"
        "WKSBM Sido Mulyo;Jetis, Selomartani, Kalasan, Sleman;Heru Santoso\r\n"
    )
    assert sniff_separator(text) == ";"


def test_xlsx_export_keeps_formula_like_text_as_text(
    make_records: Any, tmp_path: Path, monkeypatch: Any, run_cli: Any
) -> None:
    """A record's text that starts with "=" is a string cell in the workbook, never a formula
    Excel would run, and it imports back unchanged."""
    from openpyxl import load_workbook

    monkeypatch.chdir(tmp_path)
    hostile = EXISTING.replace(
        "nama: WKSBM Bina Sejahtera", 'nama: "=HYPERLINK(\\"http://contoh.id\\",\\"klik\\")"'
    )
    make_records({EXISTING_REL: hostile}, config=CONFIG)
    assert _run(run_cli, "export", "-f", "xlsx", "-o", "semua.xlsx").exit_code == 0
    cell = load_workbook(tmp_path / "semua.xlsx")["organisasi"]["B2"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://contoh.id","klik")'
    result = _run(run_cli, "import", "semua.xlsx", "--update", "--format", "json")
    assert json.loads(result.stdout)["counts"]["unchanged"] == 3  # the record, its 2 officers
