"""Shared test helpers: tiny records folders written from dicts of path -> YAML text."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wksbm_cli.cli import app

CONFIG = """\
wilayah: {provinsi: Daerah Istimewa Yogyakarta, kabupaten: Sleman, kode: "34.04"}
istilah: diy
bahasa: en
privasi: publik
"""

GOOD_ORG = """\
id: wksbm-contoh
nama: WKSBM Kalurahan Contoh
jenis: wksbm
tingkat: kalurahan
wilayah: {kapanewon: Depok, kalurahan: Condongcatur}
sk:
  nomor: "12/KEP.LRH/2023"
  tanggal: 2023-03-01
  penerbit: Lurah Condongcatur
  berlaku_sampai: 2099-03-01
pengurus:
  - {jabatan: ketua, nama: Contoh Ketua, mulai: 2023-03-01}
  - {jabatan: sekretaris, nama: Contoh Sekretaris}
  - {jabatan: bendahara, nama: Contoh Bendahara}
unsur:
  - {nama: Karang Taruna Contoh, kategori: lembaga}
"""

GOOD_EVENT = """\
id: 2025-06-17-pelatihan
judul: Pelatihan Manajemen Organisasi WKSBM
jenis: pelatihan
tanggal: 2025-06-17
penyelenggara: {nama: Kapanewon Depok}
peserta: {jumlah: 30, organisasi: [wksbm-contoh]}
"""


@pytest.fixture
def make_records(tmp_path: Path) -> Callable[..., Path]:
    """``make_records({"organisasi/x.yaml": "..."})`` -> a records root with a config."""

    def make(files: dict[str, str] | None = None, config: str | None = CONFIG) -> Path:
        root = tmp_path / "records"
        root.mkdir(exist_ok=True)
        if config is not None:
            (root / "wksbm.yaml").write_text(config, encoding="utf-8")
        for rel, text in (files or {}).items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return make


@pytest.fixture
def run_cli() -> Callable[..., Any]:
    """Run the CLI in-process; returns the click Result (``exit_code``, ``stdout``)."""

    def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Any:
        runner = CliRunner()
        return runner.invoke(app, list(args), env=env, input=input, catch_exceptions=False)

    return run


def problems_of(stdout: str) -> list[tuple[str, int, int, str]]:
    """(file name, line, column, rule) of every problem in ``--format json`` output."""
    doc = json.loads(stdout)
    return [
        (p["file"].rsplit("/", 1)[-1], p["line"], p["column"], p["rule"]) for p in doc["problems"]
    ]
