"""Every rule of the foundation with a failing and a passing record, at exact positions.

Each case is (files of a tiny records folder, rule id, expected (file, line, column) list for
that rule) and a fixed version of the same files in which that rule must be silent.
"""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CONFIG, GOOD_EVENT, GOOD_ORG
from wksbm_cli.check.engine import check_folder
from wksbm_cli.check.policy import load_config
from wksbm_cli.check.results import Options
from wksbm_cli.rules.registry import RULES

TODAY = dt.date(2026, 11, 23)
ORG = "organisasi/depok/wksbm-contoh.yaml"
EVENT = "kegiatan/2025/2025-06-17-pelatihan.yaml"


def run(root: Path, as_of: dt.date = TODAY) -> list[tuple[str, int, int, str]]:
    config = load_config(str(root), "records")
    result = check_folder(str(root), "records", config, Options(as_of=as_of))
    return [(p.file.split("/", 1)[1], p.line, p.column, p.rule) for p in result.problems]


def org(**changes: str) -> str:
    """GOOD_ORG with some top-level lines replaced (key -> full replacement text)."""
    lines = GOOD_ORG.splitlines()
    out: list[str] = []
    skip = False
    for line in lines:
        key = line.split(":", 1)[0]
        if not line.startswith(" ") and key in changes:
            out.append(changes.pop(key))
            skip = True
            continue
        if skip and line.startswith(" "):
            continue
        skip = False
        out.append(line)
    out.extend(v for v in changes.values())
    return "\n".join(x for x in out if x) + "\n"


CASES: list[tuple[str, dict[str, str], list[tuple[str, int, int]], dict[str, str]]] = [
    (
        "unexpected-file",
        {"lain/catatan.yaml": "a: 1\n"},
        [("lain/catatan.yaml", 1, 1)],
        {"lain/catatan.md": "a: 1\n"},
    ),
    (
        "yaml-syntax",
        {ORG: GOOD_ORG + 'catatan: "tidak ditutup\n'},
        [(ORG, 17, 10)],
        {ORG: GOOD_ORG + 'catatan: "ditutup"\n'},
    ),
    (
        "duplicate-key",
        {ORG: GOOD_ORG + "nama: Lagi\n"},
        [(ORG, 17, 1)],
        {ORG: GOOD_ORG},
    ),
    (
        "yaml-alias",
        {ORG: org(nama="nama: &n WKSBM", catatan="catatan: *n")},
        [(ORG, 2, 7), (ORG, 17, 10)],
        {ORG: org(nama="nama: WKSBM", catatan="catatan: WKSBM")},
    ),
    (
        "yaml-tag",
        {ORG: org(nama="nama: !!str WKSBM")},
        [(ORG, 2, 7)],
        {ORG: org(nama='nama: "WKSBM"')},
    ),
    ("not-a-mapping", {ORG: "- a\n- b\n"}, [(ORG, 1, 1)], {ORG: GOOD_ORG}),
    (
        "unknown-field",
        {ORG: org(wilayah="wilayah: {kapenewon: Depok, kalurahan: Condongcatur}")},
        [(ORG, 5, 11)],
        {ORG: org(wilayah="wilayah: {kapanewon: Depok, kalurahan: Condongcatur}")},
    ),
    (
        "missing-field",
        {ORG: org(tingkat="")},
        [(ORG, 1, 1)],
        {ORG: org(tingkat="tingkat: desa")},
    ),
    (
        "wrong-type",
        {ORG: org(wilayah="wilayah: {kapanewon: Depok, kalurahan: Condongcatur, rw: 05}")},
        [(ORG, 5, 54)],
        {ORG: org(wilayah='wilayah: {kapanewon: Depok, kalurahan: Condongcatur, rw: "05"}')},
    ),
    (
        "invalid-value",
        {ORG: org(jenis="jenis: wksmb")},
        [(ORG, 3, 1)],
        {ORG: org(jenis="jenis: wksbm")},
    ),
    (
        "id-mismatch",
        {ORG: org(id="id: wksbm-lain")},
        [(ORG, 1, 1)],
        {ORG: GOOD_ORG},
    ),
    (
        "duplicate-id",
        {ORG: GOOD_ORG, "organisasi/zz/wksbm-contoh.yaml": GOOD_ORG},
        [("organisasi/zz/wksbm-contoh.yaml", 1, 1)],
        {ORG: GOOD_ORG},
    ),
    (
        "unknown-reference",
        {ORG: GOOD_ORG, EVENT: GOOD_EVENT.replace("[wksbm-contoh]", "[wksbm-contho]")},
        [(EVENT, 6, 36)],
        {ORG: GOOD_ORG, EVENT: GOOD_EVENT},
    ),
    (
        "date-order",
        {ORG: GOOD_ORG, EVENT: GOOD_EVENT + "tanggal_selesai: 2025-06-16\n"},
        [(EVENT, 7, 1)],
        {ORG: GOOD_ORG, EVENT: GOOD_EVENT + "tanggal_selesai: 2025-06-18\n"},
    ),
    (
        "missing-sekretaris",
        {ORG: GOOD_ORG.replace("jabatan: sekretaris", "jabatan: anggota")},
        [(ORG, 11, 1)],
        {ORG: GOOD_ORG},
    ),
    (
        "missing-ketua",
        {ORG: GOOD_ORG.replace("mulai: 2023-03-01}", "selesai: 2026-01-01}")},
        [(ORG, 11, 1)],
        {ORG: GOOD_ORG.replace("mulai: 2023-03-01}", "selesai: 2026-12-31}")},
    ),
    (
        "missing-bendahara",
        {ORG: GOOD_ORG.replace("  - {jabatan: bendahara, nama: Contoh Bendahara}\n", "")},
        [(ORG, 11, 1)],
        {ORG: GOOD_ORG},
    ),
    (
        "multiple-ketua",
        {ORG: GOOD_ORG.replace("jabatan: bendahara", "jabatan: ketua")},
        [(ORG, 14, 5)],
        {ORG: GOOD_ORG},
    ),
    (
        "sk-missing",
        {ORG: org(sk="")},
        [(ORG, 1, 1)],
        {ORG: GOOD_ORG},
    ),
    (
        "sk-expired",
        {ORG: GOOD_ORG.replace("2099-03-01", "2026-03-01")},
        [(ORG, 10, 3)],
        {ORG: GOOD_ORG},
    ),
    (
        "no-unsur",
        {ORG: org(unsur="")},
        [(ORG, 1, 1)],
        {ORG: GOOD_ORG},
    ),
    (
        "never-trained",
        {ORG: GOOD_ORG},
        [(ORG, 1, 1)],
        {ORG: GOOD_ORG, EVENT: GOOD_EVENT},
    ),
    (
        "personal-nik",
        {ORG: GOOD_ORG + "# NIK ketua: 3404074101900001\n"},
        [(ORG, 17, 14)],
        {ORG: GOOD_ORG + "# SK 188.4/123/2024, tanggal 20250617\n"},
    ),
    (
        "personal-phone",
        {ORG: GOOD_ORG + 'catatan: "hubungi 0812-3456-7890"\n'},
        [(ORG, 17, 19)],
        {ORG: GOOD_ORG + 'kontak: {telepon: "0812-3456-7890"}\ncatatan: "Telp (0274) 868405"\n'},
    ),
    (
        "personal-email",
        {ORG: GOOD_ORG + "catatan: surel budi.santoso@gmail.com\n"},
        [(ORG, 17, 16)],
        {ORG: GOOD_ORG + "kontak: {email: wksbm@gmail.com}\ncatatan: dinsos@slemankab.go.id\n"},
    ),
    (
        "waiver-expired",
        {
            ORG: GOOD_ORG
            + "pengecualian:\n  - {aturan: sk-missing, sampai: 2026-09-30, alasan: menunggu}\n"
        },
        [(ORG, 18, 26)],
        {
            ORG: GOOD_ORG
            + "pengecualian:\n  - {aturan: sk-missing, sampai: 2026-12-31, alasan: menunggu}\n"
        },
    ),
]


@pytest.mark.parametrize(
    ("rule", "failing", "expected", "passing"), CASES, ids=[c[0] for c in CASES]
)
def test_rule_fails_then_passes(
    make_records: Callable[..., Path],
    tmp_path: Path,
    rule: str,
    failing: dict[str, str],
    expected: list[tuple[str, int, int]],
    passing: dict[str, str],
) -> None:
    root = make_records(failing)
    found = [(f, line, col) for f, line, col, r in run(root) if r == rule]
    assert found == expected
    for rel in failing:
        (root / rel).unlink()
    root = make_records(passing)
    assert [p for p in run(root) if p[3] == rule] == []


def test_good_folder_is_clean(make_records: Callable[..., Path]) -> None:
    root = make_records({ORG: GOOD_ORG, EVENT: GOOD_EVENT})
    assert run(root) == []


def test_every_rule_has_a_case_or_a_dedicated_test() -> None:
    covered = {c[0] for c in CASES} | {"unsafe-path", "file-too-large", "encoding"}
    covered |= {"region-unknown", "region-mismatch"}  # tests/test_regions*.py
    covered |= {"config-relaxed"}  # tests/test_ci_policy.py
    roles = {r for r in RULES if r.startswith("missing-")} - {
        "missing-field",
        "missing-ketua",
        "missing-sekretaris",
        "missing-bendahara",
    }
    assert set(RULES) - covered - roles == set()


def test_unsafe_path_symlink_and_fifo_are_never_opened(
    make_records: Callable[..., Path], tmp_path: Path
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("rahasia: sangat-rahasia\n")
    root = make_records({ORG: GOOD_ORG})
    (root / "organisasi" / "link.yaml").symlink_to(secret)
    os.mkfifo(root / "organisasi" / "pipe.yaml")
    found = [p for p in run(root) if p[3] == "unsafe-path"]
    assert found == [
        ("organisasi/link.yaml", 1, 1, "unsafe-path"),
        ("organisasi/pipe.yaml", 1, 1, "unsafe-path"),
    ]


def test_file_too_large_uses_the_configured_limit(make_records: Callable[..., Path]) -> None:
    root = make_records({ORG: GOOD_ORG}, config=CONFIG + "ukuran_berkas_maks: 1024\n")
    (root / "organisasi" / "besar.yaml").write_text("a: " + "x" * 2000 + "\n")
    assert [p for p in run(root) if p[3] == "file-too-large"] == [
        ("organisasi/besar.yaml", 1, 1, "file-too-large")
    ]


def test_encoding_points_at_the_bad_byte(make_records: Callable[..., Path]) -> None:
    root = make_records({ORG: GOOD_ORG})
    (root / "organisasi" / "latin1.yaml").write_bytes(b"id: latin1\nnama: Caf\xe9\n")
    assert [p for p in run(root) if p[3] == "encoding"] == [
        ("organisasi/latin1.yaml", 2, 10, "encoding")
    ]


def test_waiver_hides_a_problem_until_its_date(make_records: Callable[..., Path]) -> None:
    text = GOOD_ORG + textwrap.dedent(
        """\
        pengecualian:
          - {aturan: missing-sekretaris, sampai: 2026-09-30, alasan: pemilihan September}
        """
    )
    root = make_records(
        {ORG: text.replace("jabatan: sekretaris", "jabatan: anggota"), EVENT: GOOD_EVENT}
    )
    config = load_config(str(root), "records")
    before = check_folder(str(root), "records", config, Options(as_of=dt.date(2026, 9, 1)))
    assert [(p.rule, p.waived) for p in before.problems] == [("missing-sekretaris", True)]
    assert before.counts()["error"] == 0
    after = check_folder(str(root), "records", config, Options(as_of=dt.date(2026, 10, 1)))
    assert [(p.rule, p.waived) for p in after.problems] == [
        ("missing-sekretaris", False),
        ("waiver-expired", False),
    ]


def test_wrong_type_hint_quotes_the_source_text(make_records: Callable[..., Path]) -> None:
    root = make_records({ORG: org(status="status: no"), EVENT: GOOD_EVENT})
    config = load_config(str(root), "records")
    result = check_folder(str(root), "records", config, Options(as_of=TODAY))
    (problem,) = result.problems
    assert problem.rule == "wrong-type"
    assert problem.message("en") == (
        "`status` must be one of the listed values, but YAML read no as a yes/no value;"
        ' put it in quotes: "no"'
    )
    assert problem.path == "status"


def test_did_you_mean_for_keys_and_values(make_records: Callable[..., Path]) -> None:
    root = make_records({ORG: org(jenis="jenis: wksmb", catatn="catatn: x"), EVENT: GOOD_EVENT})
    config = load_config(str(root), "records")
    result = check_folder(str(root), "records", config, Options(as_of=TODAY))
    messages = sorted(p.message("en") for p in result.problems)
    assert messages == [
        "`jenis` value `wksmb` is not allowed; allowed: wksbm, forum, lembaga"
        " (did you mean `wksbm`?)",
        "unknown field `catatn` (did you mean `catatan`?)",
    ]


def test_forum_and_bubar_are_not_judged_on_roles(make_records: Callable[..., Path]) -> None:
    forum = "id: forum-x\nnama: Forum X\njenis: forum\n"
    bubar = org(status="status: bubar", pengurus="", sk="", unsur="").replace(
        "wksbm-contoh", "wksbm-bubar"
    )
    root = make_records({"organisasi/forum-x.yaml": forum, "organisasi/wksbm-bubar.yaml": bubar})
    assert run(root) == []


def test_config_severity_override_and_off(make_records: Callable[..., Path]) -> None:
    text = GOOD_ORG.replace("jabatan: sekretaris", "jabatan: anggota")
    cfg = CONFIG + "aturan:\n  missing-sekretaris: warning\n  never-trained: off\n"
    root = make_records({ORG: text, EVENT: GOOD_EVENT}, config=cfg)
    config = load_config(str(root), "records")
    result = check_folder(str(root), "records", config, Options(as_of=TODAY))
    assert [(p.rule, p.severity.label) for p in result.problems] == [
        ("missing-sekretaris", "warning")
    ]
