"""The editing commands' behaviour: refusals that say what to do, personal data, a file
changed meanwhile, a failed or interrupted write, aliases, JSON, YAML 1.1-safe values."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import CONFIG

ORG = """\
# WKSBM Ngudi Rahayu, Kalurahan Caturtunggal (berita acara musyawarah 2023).
id: wksbm-ngudi-rahayu
nama: WKSBM Ngudi Rahayu
jenis: wksbm
tingkat: kalurahan
wilayah: {kapanewon: Depok, kalurahan: Caturtunggal}
pengurus:
  - {jabatan: ketua, nama: Sugeng Widodo, mulai: 2023-04-01}
  - {jabatan: sekretaris, nama: Endang Purwanti, mulai: 2023-04-01}
  - {jabatan: seksi, nama: Tri Handayani, bidang: lansia}
  - {jabatan: seksi, nama: Agus Salim, bidang: disabilitas}
"""

EVENT = """\
id: 2025-07-01-pelatihan-wksbm-moyudan
judul: Pelatihan WKSBM Kapanewon Moyudan
jenis: pelatihan
tanggal: 2025-07-01
penyelenggara: {nama: Dinas Sosial Kabupaten Sleman}
"""

REL = "organisasi/depok/wksbm-ngudi-rahayu.yaml"
EVENT_REL = "kegiatan/2025/2025-07-01-pelatihan-wksbm-moyudan.yaml"


@pytest.fixture
def folder(make_records: Any, tmp_path: Path, monkeypatch: Any) -> Path:
    monkeypatch.chdir(tmp_path)
    root: Path = make_records({REL: ORG, EVENT_REL: EVENT})
    return root


def _run(run_cli: Any, *args: str, lang: str = "en") -> Any:
    return run_cli("--lang", lang, "--records", "records", *args)


def _data(root: Path, rel: str = REL) -> Any:
    return yaml.safe_load((root / rel).read_text(encoding="utf-8"))


def test_second_active_ketua_is_refused_with_the_way_out(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "pengurus", "tambah", "wksbm-ngudi-rahayu", "--jabatan", "ketua",
               "--nama", "Siti Aminah")  # fmt: skip
    assert out.exit_code == 2
    assert "already has an active ketua (Sugeng Widodo)" in out.stderr
    assert "wksbm pengurus ganti wksbm-ngudi-rahayu --jabatan ketua" in out.stderr
    assert (folder / REL).read_text(encoding="utf-8") == ORG


def test_ganti_ends_the_old_term_the_day_before(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "pengurus", "ganti", "wksbm-ngudi-rahayu", "--jabatan", "ketua",
               "--nama", "Siti Aminah", "--mulai", "2026-02-01")  # fmt: skip
    assert out.exit_code == 0, out.output
    officers = _data(folder)["pengurus"]
    assert officers[0]["selesai"].isoformat() == "2026-01-31"
    assert officers[-1] == {
        "jabatan": "ketua",
        "nama": "Siti Aminah",
        "mulai": officers[-1]["mulai"],
    }
    assert officers[-1]["mulai"].isoformat() == "2026-02-01"


def test_ganti_of_a_role_held_by_several_is_refused(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "pengurus", "ganti", "wksbm-ngudi-rahayu", "--jabatan", "seksi",
               "--nama", "Rina Kusuma")  # fmt: skip
    assert out.exit_code == 2
    assert "Tri Handayani, Agus Salim" in out.stderr and "pengurus akhiri" in out.stderr


def test_akhiri_by_name_and_default_end_day(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "pengurus", "akhiri", "wksbm-ngudi-rahayu", "--nama", "agus  salim",
               "--as-of", "2026-03-01")  # fmt: skip
    assert out.exit_code == 0, out.output
    agus = _data(folder)["pengurus"][3]
    assert agus["selesai"].isoformat() == "2026-02-28"  # the day before the effective day


def test_akhiri_that_matches_several_asks_for_a_name(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "pengurus", "akhiri", "wksbm-ngudi-rahayu", "--jabatan", "seksi")
    assert out.exit_code == 2 and "give --nama too" in out.stderr


def test_akhiri_before_the_start_is_refused(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "pengurus", "akhiri", "wksbm-ngudi-rahayu", "--jabatan", "ketua",
               "--sampai", "2022-12-31", "--as-of", "2023-01-01")  # fmt: skip
    assert out.exit_code == 2 and "cannot end before" in out.stderr


def test_unknown_jabatan_gets_did_you_mean(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "pengurus", "tambah", "wksbm-ngudi-rahayu", "--jabatan", "bendahra",
               "--nama", "Sri Lestari")  # fmt: skip
    assert out.exit_code == 2 and "did you mean `bendahara`" in out.stderr


def test_unknown_record_gets_did_you_mean_in_indonesian(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "status", "wksbm-ngudi-rahyu", "vakum", lang="id")
    assert out.exit_code == 2
    assert "tidak ada organisasi dengan id `wksbm-ngudi-rahyu`" in out.stderr
    assert "maksudnya `wksbm-ngudi-rahayu`" in out.stderr


def test_values_stay_text_for_yaml_1_1_readers(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "pengurus", "tambah", "wksbm-ngudi-rahayu", "--jabatan", "anggota",
               "--nama", "no", "--bidang", "05", "--catatan", "1:30")  # fmt: skip
    assert out.exit_code == 0, out.output
    added = _data(folder)["pengurus"][-1]  # PyYAML reads YAML 1.1
    assert (added["nama"], added["bidang"], added["catatan"]) == ("no", "05", "1:30")
    assert '{jabatan: anggota, nama: "no", bidang: "05"' in (folder / REL).read_text("utf-8")


def test_personal_phone_refused_in_a_public_folder(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "pengurus", "tambah", "wksbm-ngudi-rahayu", "--jabatan", "bendahara",
               "--nama", "Sri Lestari", "--telepon", "0812-2745-6610")  # fmt: skip
    assert out.exit_code == 2
    assert "privasi: publik" in out.stderr and "0812****6610" in out.stderr
    assert "0812-2745-6610" not in out.output
    assert (folder / REL).read_text(encoding="utf-8") == ORG


def test_personal_email_refused_in_indonesian(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "pengurus", "tambah", "wksbm-ngudi-rahayu", "--jabatan", "bendahara",
               "--nama", "Sri Lestari", "--email", "sri.lestari@gmail.com", lang="id")  # fmt: skip
    assert out.exit_code == 2 and "e-mail pribadi" in out.stderr and "s***@gmail.com" in out.stderr


def test_personal_phone_allowed_in_an_internal_folder(
    make_records: Any, tmp_path: Path, monkeypatch: Any, run_cli: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    root = make_records({REL: ORG}, config=CONFIG.replace("publik", "internal"))
    out = _run(run_cli, "pengurus", "tambah", "wksbm-ngudi-rahayu", "--jabatan", "bendahara",
               "--nama", "Sri Lestari", "--telepon", "0812-2745-6610")  # fmt: skip
    assert out.exit_code == 0, out.output
    assert _data(root)["pengurus"][-1]["telepon"] == "0812-2745-6610"


def test_a_nik_is_never_written_even_when_its_rule_is_off(
    make_records: Any, tmp_path: Path, monkeypatch: Any, run_cli: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    config = CONFIG.replace("publik", "internal") + "aturan: {personal-nik: 'off'}\n"
    root = make_records({REL: ORG}, config=config)
    out = _run(run_cli, "pengurus", "tambah", "wksbm-ngudi-rahayu", "--jabatan", "anggota",
               "--nama", "Rina", "--catatan", "NIK 3404075708900003")  # fmt: skip
    assert out.exit_code == 2 and "never writes a NIK" in out.stderr
    assert "3404075708900003" not in out.output
    assert (root / REL).read_text(encoding="utf-8") == ORG


def test_sk_keeps_the_old_one_in_history(folder: Path, run_cli: Any) -> None:
    first = _run(run_cli, "sk", "wksbm-ngudi-rahayu", "--nomor", "3/KEP.LRH/2023",
                 "--tanggal", "2023-04-01", "--berlaku-sampai", "2026-04-01")  # fmt: skip
    assert first.exit_code == 0, first.output
    second = _run(run_cli, "decree", "wksbm-ngudi-rahayu", "--nomor", "9/KEP.LRH/2026",
                  "--tanggal", "2026-04-02", "--penerbit", "Lurah Caturtunggal")  # fmt: skip
    assert second.exit_code == 0, second.output
    data = _data(folder)
    assert data["sk"]["nomor"] == "9/KEP.LRH/2026"
    assert [s["nomor"] for s in data["sk_riwayat"]] == ["3/KEP.LRH/2023"]
    again = _run(run_cli, "sk", "wksbm-ngudi-rahayu", "--nomor", "9/KEP.LRH/2026",
                 "--tanggal", "2026-04-02")  # fmt: skip
    assert again.exit_code == 2 and "already the current SK" in again.stderr


def test_status_json_for_scripts(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "status", "wksbm-ngudi-rahayu", "vakum", "--sejak", "2026-01-15",
               "--alasan", "tidak ada kegiatan", "--format", "json",
               "--as-of", "2026-02-01")  # fmt: skip
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    assert doc["version"] == 1 and doc["written"] is True and doc["record"] == "wksbm-ngudi-rahayu"
    assert [c["path"] for c in doc["changes"]] == ["status", "status_sejak", "status_alasan"]
    assert doc["changes"][1]["new"] == "2026-01-15"
    assert doc["completeness"][0]["id"] == "wksbm-ngudi-rahayu"
    assert doc["diff"].startswith("--- a/records/organisasi/depok/wksbm-ngudi-rahayu.yaml")
    data = _data(folder)
    assert (data["status"], data["status_alasan"]) == ("vakum", "tidak ada kegiatan")


def test_peserta_adds_a_list_and_skips_known(folder: Path, run_cli: Any) -> None:
    args = ("participants", "add", "2025-07-01-pelatihan-wksbm-moyudan", "wksbm-ngudi-rahayu")
    out = _run(run_cli, *args)
    assert out.exit_code == 0, out.output
    assert _data(folder, EVENT_REL)["peserta"] == {"organisasi": ["wksbm-ngudi-rahayu"]}
    again = _run(run_cli, *args)
    assert again.exit_code == 0 and "already a participant" in again.stdout
    assert "nothing changed" in again.stdout


def test_peserta_unknown_org_gets_did_you_mean(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "peserta", "tambah", "2025-07-01-pelatihan-wksbm-moyudan",
               "wksbm-ngudi-rahaya")  # fmt: skip
    assert out.exit_code == 2 and "wksbm-ngudi-rahaya (wksbm-ngudi-rahayu?)" in out.stderr


def test_edit_of_a_file_changed_meanwhile_is_refused(
    folder: Path, run_cli: Any, monkeypatch: Any
) -> None:
    from wksbm_cli.authoring.edit import session

    theirs = ORG.replace("Sugeng Widodo", "Sugeng Widada")
    real = session._file_result

    def concurrent(target: Any, text: str) -> Any:
        (folder / REL).write_text(theirs, encoding="utf-8")  # someone saves meanwhile
        return real(target, text)

    monkeypatch.setattr(session, "_file_result", concurrent)
    out = _run(run_cli, "pengurus", "tambah", "wksbm-ngudi-rahayu", "--jabatan", "bendahara",
               "--nama", "Sri Lestari")  # fmt: skip
    assert out.exit_code == 2 and "changed on disk" in out.stderr
    assert (folder / REL).read_text(encoding="utf-8") == theirs


def _leftovers(root: Path) -> list[str]:
    return [p.name for p in (root / "organisasi" / "depok").iterdir() if p.name.startswith(".")]


def test_full_disk_leaves_the_old_file_whole(folder: Path, run_cli: Any, monkeypatch: Any) -> None:
    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    out = _run(run_cli, "pengurus", "tambah", "wksbm-ngudi-rahayu", "--jabatan", "bendahara",
               "--nama", "Sri Lestari")  # fmt: skip
    assert out.exit_code == 2
    assert "the old file is unchanged" in out.stderr and "No space left" in out.stderr
    assert (folder / REL).read_text(encoding="utf-8") == ORG
    assert _leftovers(folder) == []


def test_ctrl_c_while_writing_leaves_the_old_file_whole(
    folder: Path, run_cli: Any, monkeypatch: Any
) -> None:
    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    out = _run(run_cli, "status", "wksbm-ngudi-rahayu", "bubar")
    assert out.exit_code == 130
    assert (folder / REL).read_text(encoding="utf-8") == ORG
    assert _leftovers(folder) == []


def test_a_byte_order_mark_and_missing_final_newline_are_kept(folder: Path, run_cli: Any) -> None:
    (folder / REL).write_bytes(b"\xef\xbb\xbf" + ORG.rstrip("\n").encode("utf-8"))
    out = _run(run_cli, "pengurus", "tambah", "wksbm-ngudi-rahayu", "--jabatan", "bendahara",
               "--nama", "Sri Lestari", "--mulai", "2026-02-01")  # fmt: skip
    assert out.exit_code == 0, out.output
    data = (folder / REL).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + ORG.encode("utf-8"))
    assert data.endswith(b"\n  - {jabatan: bendahara, nama: Sri Lestari, mulai: 2026-02-01}")


def test_help_lists_the_commands(run_cli: Any) -> None:
    out = run_cli("pengurus", "--help")
    assert out.exit_code == 0
    assert all(word in out.stdout for word in ("ganti", "tambah", "akhiri"))
    assert "replace" not in out.stdout  # the English aliases stay hidden


def test_ganti_takes_the_old_holders_last_day_and_reason(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "officers", "replace", "wksbm-ngudi-rahayu", "--jabatan", "sekretaris",
               "--nama", "Dwi Lestari", "--mulai", "2026-02-10", "--sampai", "2026-01-31",
               "--alasan", "pindah domisili")  # fmt: skip
    assert out.exit_code == 0, out.output
    officers = _data(folder)["pengurus"]
    assert officers[1]["selesai"].isoformat() == "2026-01-31"
    assert officers[1]["catatan"] == "pindah domisili"
    assert officers[-1]["nama"] == "Dwi Lestari"


def test_tambah_with_a_fixed_term(folder: Path, run_cli: Any) -> None:
    out = _run(run_cli, "pengurus", "tambah", "wksbm-ngudi-rahayu", "--jabatan", "bendahara",
               "--nama", "Sri Lestari", "--mulai", "2026-02-01",
               "--sampai", "2029-01-31")  # fmt: skip
    assert out.exit_code == 0, out.output
    added = _data(folder)["pengurus"][-1]
    assert (added["mulai"].isoformat(), added["selesai"].isoformat()) == (
        "2026-02-01",
        "2029-01-31",
    )


def test_an_edit_that_would_add_an_error_is_refused(folder: Path, monkeypatch: Any) -> None:
    """Through the library: an operation gone wrong (here a made-up jenis) never reaches disk."""
    from wksbm_cli.authoring.edit import operations as ops
    from wksbm_cli.authoring.edit.session import conclude, open_record
    from wksbm_cli.authoring.edit.splice import Editor
    from wksbm_cli.check.policy import load_config
    from wksbm_cli.errors import WksbmError

    root = str(folder)
    config = load_config(root, "records")
    target = open_record(
        root, "records", config, "wksbm-ngudi-rahayu", dt.date(2026, 2, 1), "organisasi"
    )
    ed = Editor(target.text)
    ed.set(("jenis",), "paguyuban")
    with pytest.raises(WksbmError) as caught:
        conclude(target, ed, "test", ops.Notes(), dry_run=False)
    assert "would add the problem invalid-value" in caught.value.message("en")
    assert (folder / REL).read_text(encoding="utf-8") == ORG
