"""``list``, ``show`` and ``export``: rows, relations, and tables whose keys join."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from tests.conftest import CONFIG, GOOD_EVENT, GOOD_ORG

PHONE_ORG = GOOD_ORG.replace(
    "{jabatan: sekretaris, nama: Contoh Sekretaris}",
    "{jabatan: sekretaris, nama: Contoh Sekretaris, telepon: '081234567890'}",
)
EVENT = GOOD_EVENT + "narasumber:\n  - {nama: Supartini, instansi: Yayasan Sayap Ibu}\n"


def _root(make_records: Any, config: str = CONFIG) -> Path:
    root: Path = make_records(
        {
            "organisasi/depok/wksbm-contoh.yaml": GOOD_ORG,
            "kegiatan/2025/2025-06-17-pelatihan.yaml": EVENT,
        },
        config=config,
    )
    return root


def test_sqlite_export_counts_and_joins(make_records: Any, run_cli: Any, tmp_path: Path) -> None:
    root = _root(make_records)
    db = tmp_path / "out.db"
    result = run_cli(
        "--lang", "en", "--records", str(root), "export", "-f", "sqlite", "-o", str(db)
    )
    assert result.exit_code == 0, result.output
    con = sqlite3.connect(db)
    counts = {
        t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("organisasi", "pengurus", "unsur", "kegiatan", "kegiatan_peserta", "narasumber")
    }
    assert counts == {
        "organisasi": 1, "pengurus": 3, "unsur": 1, "kegiatan": 1, "kegiatan_peserta": 1,
        "narasumber": 1,
    }  # fmt: skip
    joined = con.execute(
        "SELECT k.id, o.nama, p.nama FROM kegiatan k"
        " JOIN kegiatan_peserta kp ON kp.kegiatan_id = k.id"
        " JOIN organisasi o ON o.id = kp.organisasi_id"
        " JOIN pengurus p ON p.organisasi_id = o.id AND p.jabatan = 'ketua'"
    ).fetchall()
    assert joined == [("2025-06-17-pelatihan", "WKSBM Kalurahan Contoh", "Contoh Ketua")]
    cols = [r[1] for r in con.execute("PRAGMA table_info(pengurus)")]
    assert "telepon" not in cols  # privasi: publik
    con.close()
    again = run_cli("--lang", "en", "--records", str(root), "export", "-f", "sqlite", "-o", str(db))
    assert again.exit_code == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".wksbm")] == []


def test_personal_fields_only_under_internal(
    make_records: Any, run_cli: Any, tmp_path: Path
) -> None:
    root: Path = make_records(
        {"organisasi/depok/wksbm-contoh.yaml": PHONE_ORG},
        config=CONFIG.replace("privasi: publik", "privasi: internal"),
    )
    out = tmp_path / "all.json"
    result = run_cli("--lang", "en", "--records", str(root), "export", "-f", "json", "-o", str(out))
    assert result.exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["version"] == 1
    assert doc["tables"]["pengurus"][1]["telepon"] == "081234567890"


def test_csv_and_json_export(make_records: Any, run_cli: Any, tmp_path: Path) -> None:
    root = _root(make_records)
    folder = tmp_path / "csv"
    assert run_cli("--records", str(root), "export", "-f", "csv", "-o", str(folder)).exit_code == 0
    header = (folder / "kegiatan_peserta.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "kegiatan_id,organisasi_id"
    assert (
        (folder / "pengurus.csv")
        .read_text(encoding="utf-8")
        .startswith("organisasi_id,urutan,jabatan,nama,mulai,selesai\n")
    )
    assert run_cli("--records", str(root), "export", "-f", "csv", "-o", str(folder)).exit_code == 2
    forced = run_cli("--records", str(root), "export", "-f", "csv", "-o", str(folder), "--force")
    assert forced.exit_code == 0
    out = tmp_path / "all.json"
    assert run_cli("--records", str(root), "export", "-f", "json", "-o", str(out)).exit_code == 0
    tables = json.loads(out.read_text(encoding="utf-8"))["tables"]
    assert set(tables) == {
        "organisasi", "pengurus", "unsur", "kegiatan", "kegiatan_peserta", "narasumber",
    }  # fmt: skip
    assert tables["organisasi"][0]["kecamatan"] == "Depok"


def test_list_filters_and_formats(make_records: Any, run_cli: Any) -> None:
    root = _root(make_records)
    base = ("--lang", "en", "--records", str(root), "list")
    doc = json.loads(run_cli(*base, "organisasi", "--format", "json").stdout)
    assert [o["id"] for o in doc["organizations"]] == ["wksbm-contoh"]
    none = json.loads(run_cli(*base, "organisasi", "--kecamatan", "Kalasan", "-f", "json").stdout)
    assert none["organizations"] == []
    events = run_cli(*base, "kegiatan", "--year", "2025", "--format", "csv").stdout
    assert events.splitlines()[1].startswith("2025-06-17-pelatihan,2025-06-17,pelatihan,")
    assert run_cli(*base, "kegiatan", "--year", "2024", "-f", "csv").stdout.count("\n") == 1
    text = run_cli("--lang", "id", "--records", str(root), "daftar", "organisasi").stdout
    assert "Kapanewon" in text and "wksbm-contoh" in text
    assert run_cli(*base, "organisasi", "--status", "hidup").exit_code == 2


def test_show_organisation_and_event(make_records: Any, run_cli: Any) -> None:
    root = _root(make_records)
    base = ("--lang", "en", "--records", str(root))
    doc = json.loads(run_cli(*base, "show", "wksbm-contoh", "--format", "json").stdout)
    assert doc["kind"] == "organisasi"
    assert [e["id"] for e in doc["events"]] == ["2025-06-17-pelatihan"]
    assert doc["completeness"]["roles"] == {"ketua": True, "sekretaris": True, "bendahara": True}
    assert doc["completeness"]["sk"] == "valid"
    event = json.loads(run_cli(*base, "lihat", "2025-06-17-pelatihan", "-f", "json").stdout)
    assert event["organizations"] == [
        {"id": "wksbm-contoh", "nama": "WKSBM Kalurahan Contoh", "known": True}
    ]
    text = run_cli(*base, "show", "wksbm-contoh").stdout
    assert "Events taken part in" in text and "2025-06-17-pelatihan" in text
    assert run_cli(*base, "show", "tidak-ada").exit_code == 2


def test_show_keeps_markup_and_escapes_as_text(make_records: Any, run_cli: Any) -> None:
    org = GOOD_ORG.replace("nama: WKSBM Kalurahan Contoh", 'nama: "[bold]X\\u001b[31m"')
    root: Path = make_records({"organisasi/depok/wksbm-contoh.yaml": org})
    text = run_cli("--lang", "en", "--records", str(root), "show", "wksbm-contoh").stdout
    assert "[bold]X\\x1b[31m" in text
