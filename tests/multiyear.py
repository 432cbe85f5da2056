"""A records repository with several years of real, dated git commits, for tests that compare
what the yearly report says about the past with what a checkout of the past says.

Four years of a Sleman network's life: organisations formed, officers replaced, an SK running
out and being renewed, trainings naming organisations, a file moved between folders, an
organisation dissolved; and a commit early in the following year, so that HEAD is not the end
of any reported year. Every commit carries its own GIT_AUTHOR_DATE and GIT_COMMITTER_DATE (in
Jakarta time), and the configuration never changes (past snapshots are judged with today's).

``build_multiyear(path)`` returns the repository; ``year_end_commit(repo, year)`` the commit a
checkout of "the records at the end of that year" would use.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

CONFIG = """\
wilayah: {provinsi: Daerah Istimewa Yogyakarta, kabupaten: Sleman, kode: "34.04"}
istilah: diy
bahasa: en
privasi: publik
"""

RECORDS = "records"
YEARS = (2022, 2023, 2024, 2025)


def organisation(
    org_id: str,
    nama: str,
    kapanewon: str,
    kalurahan: str,
    dibentuk: str,
    officers: list[str],
    sk_until: str | None = None,
    status: str = "aktif",
    unsur: str | None = None,
) -> str:
    lines = [
        f"id: {org_id}",
        f"nama: {nama}",
        "jenis: wksbm",
        "tingkat: kalurahan",
        f"status: {status}",
        f"dibentuk: {dibentuk}",
        f"wilayah: {{kapanewon: {kapanewon}, kalurahan: {kalurahan}}}",
    ]
    if sk_until is not None:
        lines += [
            "sk:",
            f'  nomor: "{dibentuk[:4]}/KEP.LRH/{kalurahan.upper()[:4]}"',
            f"  tanggal: {dibentuk}",
            f"  penerbit: Lurah {kalurahan}",
            f"  berlaku_sampai: {sk_until}",
        ]
    lines.append("pengurus:")
    lines += [f"  - {o}" for o in officers]
    if unsur is not None:
        lines += ["unsur:", f"  - {{nama: {unsur}, kategori: lembaga}}"]
    return "\n".join(lines) + "\n"


def event(event_id: str, judul: str, kapanewon: str, jumlah: int, orgs: list[str]) -> str:
    return (
        f"id: {event_id}\n"
        f"judul: {judul}\n"
        "jenis: pelatihan\n"
        f"tanggal: {event_id[:10]}\n"
        f"penyelenggara: {{nama: Dinas Sosial Kabupaten Sleman, unit: Kapanewon {kapanewon}}}\n"
        f"peserta: {{jumlah: {jumlah}, organisasi: [{', '.join(orgs)}]}}\n"
    )


KETUA_SINDUADI_1 = "{jabatan: ketua, nama: Suharjono, mulai: 2022-03-01, sampai: 2023-06-30}"
KETUA_SINDUADI_2 = "{jabatan: ketua, nama: Sri Wahyuningsih, mulai: 2023-07-01}"
SINDUADI_REST = [
    "{jabatan: sekretaris, nama: Bambang Triyono, mulai: 2022-03-01}",
    "{jabatan: bendahara, nama: Endang Purwanti, mulai: 2022-03-01}",
]


def sinduadi(officers: list[str], sk_until: str) -> str:
    return organisation(
        "wksbm-sinduadi",
        "WKSBM Kalurahan Sinduadi",
        "Mlati",
        "Sinduadi",
        "2022-03-01",
        officers,
        sk_until=sk_until,
        unsur="Karang Taruna Sinduadi",
    )


def sendangadi(officers: list[str], status: str = "aktif") -> str:
    return organisation(
        "wksbm-sendangadi",
        "WKSBM Kalurahan Sendangadi",
        "Mlati",
        "Sendangadi",
        "2022-04-11",
        officers,
        sk_until="2027-04-11",
        status=status,
        unsur="PKK Sendangadi",
    )


CATURTUNGGAL = organisation(
    "wksbm-caturtunggal",
    "WKSBM Kalurahan Caturtunggal",
    "Depok",
    "Caturtunggal",
    "2023-02-01",
    [
        "{jabatan: ketua, nama: Agus Setiawan, mulai: 2023-02-01}",
        "{jabatan: sekretaris, nama: Rina Kusumawati, mulai: 2023-02-01}",
        "{jabatan: bendahara, nama: Heru Prasetyo, mulai: 2023-02-01}",
    ],
    sk_until="2028-02-01",
    unsur="Kelompok Tani Caturtunggal",
)

AMBARKETAWANG = organisation(
    "wksbm-ambarketawang",
    "WKSBM Kalurahan Ambarketawang",
    "Gamping",
    "Ambarketawang",
    "2024-08-17",
    ["{jabatan: ketua, nama: Sutrisno, mulai: 2024-08-17}"],
)

SENDANGADI_OFFICERS = [
    "{jabatan: ketua, nama: Tri Haryanto, mulai: 2022-04-11}",
    "{jabatan: bendahara, nama: Siti Aminah, mulai: 2022-04-11}",
]
SENDANGADI_SEKRETARIS = "{jabatan: sekretaris, nama: Dwi Lestari, mulai: 2023-06-01}"

SINDUADI_OLD = f"{RECORDS}/organisasi/mlati/wksbm-sinduadi.yaml"
SINDUADI_NEW = f"{RECORDS}/organisasi/kabupaten/wksbm-sinduadi.yaml"


@dataclass(frozen=True)
class Step:
    when: str  # ISO date-time with the committer's offset
    message: str
    write: dict[str, str]
    move: tuple[str, str] | None = None


STEPS: tuple[Step, ...] = (
    Step(
        "2022-03-10T09:00:00+07:00",
        "WKSBM Sinduadi dibentuk",
        {
            f"{RECORDS}/wksbm.yaml": CONFIG,
            SINDUADI_OLD: sinduadi([KETUA_SINDUADI_1, *SINDUADI_REST], "2024-03-31"),
        },
    ),
    Step(
        "2022-04-20T10:00:00+07:00",
        "WKSBM Sendangadi dibentuk (tanpa sekretaris)",
        {f"{RECORDS}/organisasi/mlati/wksbm-sendangadi.yaml": sendangadi(SENDANGADI_OFFICERS)},
    ),
    Step(
        "2022-09-20T14:00:00+07:00",
        "Pelatihan manajemen organisasi di Mlati",
        {
            f"{RECORDS}/kegiatan/2022/2022-09-15-pelatihan-manajemen.yaml": event(
                "2022-09-15-pelatihan-manajemen",
                "Pelatihan Manajemen Organisasi WKSBM",
                "Mlati",
                25,
                ["wksbm-sinduadi"],
            )
        },
    ),
    Step(
        "2023-02-14T08:30:00+07:00",
        "WKSBM Caturtunggal dibentuk",
        {f"{RECORDS}/organisasi/depok/wksbm-caturtunggal.yaml": CATURTUNGGAL},
    ),
    Step(
        "2023-07-03T11:00:00+07:00",
        "Ketua Sinduadi berganti; Sendangadi punya sekretaris",
        {
            SINDUADI_OLD: sinduadi(
                [KETUA_SINDUADI_1, KETUA_SINDUADI_2, *SINDUADI_REST], "2024-03-31"
            ),
            f"{RECORDS}/organisasi/mlati/wksbm-sendangadi.yaml": sendangadi(
                [*SENDANGADI_OFFICERS, SENDANGADI_SEKRETARIS]
            ),
        },
    ),
    Step(
        # 23:30 in Jakarta on 31 December is still 2023 by the committer's calendar.
        "2023-12-31T23:30:00+07:00",
        "Bimbingan teknis tiga WKSBM",
        {
            f"{RECORDS}/kegiatan/2023/2023-11-08-bimtek-pendataan.yaml": event(
                "2023-11-08-bimtek-pendataan",
                "Bimbingan Teknis Pendataan PMKS",
                "Depok",
                40,
                ["wksbm-sinduadi", "wksbm-sendangadi", "wksbm-caturtunggal"],
            )
        },
    ),
    Step(
        "2024-05-02T10:00:00+07:00",
        "Sinduadi dipindah ke folder kabupaten",
        {},
        move=(SINDUADI_OLD, SINDUADI_NEW),
    ),
    Step(
        "2024-08-20T09:00:00+07:00",
        "WKSBM Ambarketawang dibentuk (belum ber-SK)",
        {f"{RECORDS}/organisasi/gamping/wksbm-ambarketawang.yaml": AMBARKETAWANG},
    ),
    Step(
        "2025-01-20T13:00:00+07:00",
        "SK Sinduadi diperbarui",
        {
            SINDUADI_NEW: sinduadi(
                [KETUA_SINDUADI_1, KETUA_SINDUADI_2, *SINDUADI_REST], "2029-01-15"
            )
        },
    ),
    Step(
        "2025-06-12T15:00:00+07:00",
        "Pelatihan pendamping sosial di Gamping",
        {
            f"{RECORDS}/kegiatan/2025/2025-06-10-pelatihan-pendamping.yaml": event(
                "2025-06-10-pelatihan-pendamping",
                "Pelatihan Pendamping Sosial Masyarakat",
                "Gamping",
                32,
                ["wksbm-ambarketawang", "wksbm-caturtunggal"],
            )
        },
    ),
    Step(
        "2025-10-01T09:00:00+07:00",
        "WKSBM Sendangadi bubar",
        {
            f"{RECORDS}/organisasi/mlati/wksbm-sendangadi.yaml": sendangadi(
                [*SENDANGADI_OFFICERS, SENDANGADI_SEKRETARIS], status="bubar"
            )
        },
    ),
    Step(
        "2026-02-03T10:00:00+07:00",
        "Ambarketawang melengkapi pengurus",
        {
            f"{RECORDS}/organisasi/gamping/wksbm-ambarketawang.yaml": AMBARKETAWANG
            + "  - {jabatan: sekretaris, nama: Yuni Astuti, mulai: 2026-01-10}\n"
        },
    ),
)


def git_env(when: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "GIT_AUTHOR_NAME": "Admin Dinsos Sleman",
            "GIT_AUTHOR_EMAIL": "admin@dinsos.example.org",
            "GIT_COMMITTER_NAME": "Admin Dinsos Sleman",
            "GIT_COMMITTER_EMAIL": "admin@dinsos.example.org",
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
        }
    )
    return env


def git(repo: Path, *args: str, when: str = "2022-01-01T00:00:00+07:00") -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, env=git_env(when), check=True, capture_output=True, text=True
    )
    return done.stdout


def build_multiyear(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    for step in STEPS:
        if step.move is not None:
            (repo / step.move[1]).parent.mkdir(parents=True, exist_ok=True)
            git(repo, "mv", step.move[0], step.move[1], when=step.when)
        for rel, text in step.write.items():
            target = repo / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        git(repo, "add", "-A", when=step.when)
        git(repo, "commit", "-q", "-m", step.message, when=step.when)
    return repo


def year_end_commit(repo: Path, year: int) -> str | None:
    """The last commit made on or before 31 December of ``year`` (committer's calendar)."""
    out = git(repo, "log", "--format=%H %cI", "HEAD")
    best: tuple[str, str] | None = None
    for line in out.splitlines():
        sha, when = line.split(" ", 1)
        if when[:10] <= f"{year}-12-31" and (best is None or when > best[1]):
            best = (sha, when)
    return best[0] if best else None


def checkout(repo: Path, commit: str, target: Path) -> Path:
    """A separate work tree of ``repo`` at ``commit`` (the repository itself is left alone)."""
    git(repo, "worktree", "add", "-q", "--detach", str(target), commit)
    return target
