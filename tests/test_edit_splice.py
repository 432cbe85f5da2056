"""The splicer on the layouts people actually write: folded text, empty values, flow mappings
spread over lines, indentless lists, and text that YAML 1.1 would misread."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from wksbm_cli.authoring.edit import operations as ops
from wksbm_cli.authoring.edit.splice import Editor, scalar_text
from wksbm_cli.errors import WksbmError

DAY = dt.date(2026, 2, 1)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("no", '"no"'),
        ("05", '"05"'),
        ("0812 2745 6610", '"0812 2745 6610"'),
        ("1:30", '"1:30"'),
        ("Siti Aminah", "Siti Aminah"),
        ("RT 05: Gejayan", "'RT 05: Gejayan'"),
        ("baris\nkedua", '"baris\\nkedua"'),
        (DAY, "2026-02-01"),
    ],
)
def test_scalars_read_back_as_written_under_yaml_1_1(value: object, written: str) -> None:
    assert scalar_text(value) == written
    assert yaml.safe_load(f"k: {written}")["k"] == value


def test_reason_appended_to_a_folded_catatan() -> None:
    text = (
        "id: wksbm-x\n"
        "pengurus:\n"
        "  - jabatan: sekretaris\n"
        "    nama: Sri Wahyuni\n"
        "    catatan: >-\n"
        "      Dipilih ulang\n"
        "      pada 2023.\n"
        "\n"
        "# akhir berkas\n"
    )
    ed = Editor(text)
    ops.end_officer(ed, 0, DAY, "mengundurkan diri", ops.Notes())
    ed.verify()
    assert ed.data["pengurus"][0]["catatan"] == "Dipilih ulang pada 2023.; mengundurkan diri"
    assert ed.text.endswith("\n\n# akhir berkas\n")
    assert "    selesai: 2026-02-01\n" in ed.text


def test_an_empty_value_is_filled_in_place() -> None:
    ed = Editor("id: wksbm-x\nstatus:\nnama: WKSBM X\n")
    ops.set_status(ed, "vakum", DAY, None, ops.Notes())
    ed.verify()
    assert ed.text == "id: wksbm-x\nstatus: vakum\nstatus_sejak: 2026-02-01\nnama: WKSBM X\n"


def test_a_flow_mapping_over_two_lines_gets_its_key_inside() -> None:
    text = "pengurus:\n- {jabatan: ketua, nama: Budi Santoso,\n   mulai: 2023-03-12}  # lama\n"
    ed = Editor(text)
    ops.end_officer(ed, 0, DAY, None, ops.Notes())
    ed.verify()
    assert ed.text == (
        "pengurus:\n- {jabatan: ketua, nama: Budi Santoso,\n"
        "   mulai: 2023-03-12, selesai: 2026-02-01}  # lama\n"
    )


def test_an_empty_flow_list_receives_the_first_officer() -> None:
    ed = Editor("id: wksbm-x\npengurus: []  # belum ada\n")
    ops.add_officer(ed, "ketua", "Siti Aminah", DAY, notes=ops.Notes())
    ed.verify()
    assert ed.text == (
        "id: wksbm-x\npengurus: [{jabatan: ketua, nama: Siti Aminah, mulai: 2026-02-01}]"
        "  # belum ada\n"
    )


def test_a_record_without_officers_gets_the_list_after_sk() -> None:
    ed = Editor("id: wksbm-x\nsk: {nomor: '1/2023'}\nunsur: []\n")
    ops.add_officer(ed, "ketua", "Siti Aminah", DAY, notes=ops.Notes())
    ed.verify()
    assert ed.text == (
        "id: wksbm-x\nsk: {nomor: '1/2023'}\npengurus:\n"
        "  - {jabatan: ketua, nama: Siti Aminah, mulai: 2026-02-01}\nunsur: []\n"
    )


def test_status_reason_removed_when_the_status_changes_again() -> None:
    ed = Editor("id: wksbm-x\nstatus: vakum\nstatus_alasan: belum ada pengurus\nnama: X\n")
    ops.set_status(ed, "aktif", DAY, None, ops.Notes())
    ed.verify()
    assert ed.text == "id: wksbm-x\nstatus: aktif\nstatus_sejak: 2026-02-01\nnama: X\n"


def test_participants_into_a_flow_peserta() -> None:
    ed = Editor("id: 2025-06-17-x\npeserta: {jumlah: 30}\n")
    ops.add_participants(ed, ["wksbm-a", "wksbm-b"], ["wksbm-a", "wksbm-b"], ops.Notes())
    ed.verify()
    assert ed.text == "id: 2025-06-17-x\npeserta: {jumlah: 30, organisasi: [wksbm-a, wksbm-b]}\n"


def test_a_file_that_is_not_valid_yaml_is_not_touched() -> None:
    with pytest.raises(WksbmError):
        Editor("id: wksbm-x\nnama: [unclosed\n")


def test_a_record_from_wksbm_new_keeps_its_commented_template_in_place() -> None:
    from wksbm_cli.authoring import new_record as nr
    from wksbm_cli.core.terms import terms

    org = nr.NewOrganisation(
        "wksbm-ngudi-rahayu", "WKSBM Ngudi Rahayu", "wksbm", "kalurahan", "Depok", "Condongcatur"
    )
    words = terms("34.04", "diy")
    text = nr.organisation_text("/r", "/r/organisasi/depok/x.yaml", org, words)
    ed = Editor(text)
    ops.add_officer(ed, "ketua", "Siti Aminah", DAY, notes=ops.Notes())
    ed.verify()
    lines = ed.text.splitlines()
    at = lines.index("pengurus:")
    assert lines[at - 1].startswith('  # kode: "34.04.07.2003"')  # wilayah's own comments first
    assert lines[at + 1] == "  - {jabatan: ketua, nama: Siti Aminah, mulai: 2026-02-01}"
    assert lines[at + 2].startswith("# status: aktif")
    assert [x for x in lines if x.lstrip().startswith("#")] == [
        x for x in text.splitlines() if x.lstrip().startswith("#")
    ]
