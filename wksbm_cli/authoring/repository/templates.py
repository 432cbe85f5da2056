"""The texts ``wksbm init`` writes. The CI files run the same commands README's "Use in CI" shows.

``{kabupaten}`` and the like are filled with ``str.format``; literal braces (GitHub expressions)
are doubled. The CI files install wksbm only from a pinned git source (``scaffold/source.py``);
without one they fail with a message instead of installing whatever a bare name resolves to.
"""

from __future__ import annotations

import json

from wksbm_cli.authoring.repository.source import Source
from wksbm_cli.model.jsonschema import FILE_NAMES, KINDS, dumps, schema_of
from wksbm_cli.rules.registry import RULES

CONFIG = """\
# Konfigurasi folder catatan wksbm. / Configuration of this wksbm records folder.
wilayah: {{provinsi: {provinsi}, kabupaten: {kabupaten}, kode: "{kode}"}}
istilah: {istilah}
bahasa: {bahasa}
privasi: publik
jabatan_wajib: [ketua, sekretaris]
jabatan_disarankan: [bendahara]
"""

README = """\
# Catatan WKSBM {full}

Repositori ini menyimpan catatan WKSBM (Wahana Kesejahteraan Sosial Berbasis Masyarakat) dan
kegiatan pelatihannya di {full}, Provinsi {provinsi_name}, sebagai berkas YAML yang
diperiksa dengan alat baris perintah `wksbm`.

## Cara menyumbang

1. Buat catatan baru dengan `wksbm new organisasi` atau `wksbm new kegiatan`: satu organisasi =
   satu berkas `organisasi/<{kecamatan_key}>/<id>.yaml`; satu kegiatan = satu berkas
   `kegiatan/<tahun>/<tanggal>-<judul-singkat>.yaml`. Nama berkas sama dengan `id`-nya.
2. Nama {kecamatan_word_id} dan {desa_word_id} harus nama resmi; `wksbm wilayah NAMA` mencarinya.
3. Jangan menulis NIK, nomor HP pribadi, atau e-mail pribadi.
4. Sebelum mengirim pull request, jalankan `wksbm validate`. Pemeriksaan yang sama berjalan
   otomatis pada setiap pull request, dan masalah ditandai di baris yang bersangkutan.

Skema untuk editor ada di `schemas/`; `.vscode/settings.json` menghubungkannya dengan berkas
catatan (VS Code dengan ekstensi YAML dari Red Hat).

## Contributing (English)

This repository keeps the records of WKSBM organisations (community-based social-welfare networks)
and their training events in {full} ({provinsi_name}), as YAML files checked by wksbm.

1. Start a record with `wksbm new organisasi` or `wksbm new kegiatan`: one organisation per file
   `organisasi/<{kecamatan_key}>/<id>.yaml`; one event per file
   `kegiatan/<year>/<date>-<slug>.yaml`. The file name equals the record's `id`.
2. {kecamatan_word} and {desa_word} names must be the official ones: `wksbm wilayah NAME`
   finds them.
3. Never write a NIK (national id number), a personal mobile number or a personal e-mail address.
4. Run `wksbm validate` before opening a pull request. The same check runs on every pull request
   and marks problems on the lines concerned.

The editor schemas are in `schemas/`; `.vscode/settings.json` maps them to the record files
(VS Code with the YAML extension by Red Hat).
"""

GITHUB_WORKFLOW = """\
# Checks the records on every pull request: annotations on the changed lines, and a summary of
# what the pull request does to the records on the run's page.
name: wksbm
on:
  pull_request:
permissions:
  contents: read
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # the base branch must be there for --changed-since and diff
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
{github_install}      - name: wksbm validate
        run: wksbm validate --format github --changed-since origin/${{{{ github.base_ref }}}}
      - name: wksbm diff
        if: always() && steps.install.outcome == 'success'
        run: wksbm diff origin/${{{{ github.base_ref }}}}
"""

GITLAB_CI = """\
# Checks the records on every merge request.
wksbm:
  image: python:3.12
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  variables:
    GIT_DEPTH: 0  # the target branch must be there for --changed-since
  script:
{gitlab_install}    - git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - wksbm validate --changed-since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - wksbm diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
"""

PRE_COMMIT_PINNED = """\
# pre-commit install, then every commit runs wksbm validate on the staged records, with wksbm
# from its git repository at the revision below (pre-commit installs exactly that revision).
repos:
  - repo: {url}
    rev: {rev}
    hooks:
      - id: wksbm-validate
"""

PRE_COMMIT_LOCAL = """\
# pre-commit install, then every commit runs wksbm validate on the staged records.
# This runs the wksbm installed on your machine: no pinned source of wksbm was known when this
# file was written. To pin it, replace `repo: local` and its hook with
#   - repo: <git URL of wksbm>
#     rev: <commit>
#     hooks:
#       - id: wksbm-validate
repos:
  - repo: local
    hooks:
      - id: wksbm-validate
        name: wksbm validate
        entry: wksbm validate
        language: system
        files: \\.(ya?ml)$
        exclude: (^|/)\\.
        pass_filenames: true
"""

GITIGNORE = """\
.wksbm_cache/
"""


GITHUB_INSTALL_PINNED = """\
      # wksbm from its git repository at a fixed revision, never a bare package name.
      - id: install
        run: pip install "{spec}"
"""

GITHUB_INSTALL_MISSING = """\
      # No pinned source of wksbm was known when this file was written. Replace this step with
      #   run: pip install "wksbm @ git+<git URL of wksbm>@<commit>"
      # (or delete this file and run `wksbm init --wksbm-source URL@COMMIT` again).
      - id: install
        run: |
          echo "::error::{missing}"
          exit 1
"""

GITLAB_INSTALL_PINNED = """\
    # wksbm from its git repository at a fixed revision, never a bare package name.
    - pip install "{spec}"
"""

GITLAB_INSTALL_MISSING = """\
    # No pinned source of wksbm was known when this file was written: replace the next line with
    #   - pip install "wksbm @ git+<git URL of wksbm>@<commit>"
    - echo "{missing}" && exit 1
"""

MISSING = (
    "wksbm source not set - install wksbm from its git repository pinned to a commit,"
    " as the comment above this step in this file says"
)

VSCODE_SETTINGS = {
    "yaml.schemas": {
        "schemas/organisasi.schema.json": "organisasi/**/*.yaml",
        "schemas/kegiatan.schema.json": "kegiatan/**/*.yaml",
        "schemas/wksbm.schema.json": "wksbm.yaml",
    }
}


def ci_files(source: Source | None) -> list[tuple[str, str]]:
    """The CI and pre-commit files (README's "Use in CI" shows them as written)."""

    if source is None:
        github = GITHUB_INSTALL_MISSING.format(missing=MISSING)
        gitlab = GITLAB_INSTALL_MISSING.format(missing=MISSING)
        pre_commit = PRE_COMMIT_LOCAL
    else:
        github = GITHUB_INSTALL_PINNED.format(spec=source.pip_spec)
        gitlab = GITLAB_INSTALL_PINNED.format(spec=source.pip_spec)
        pre_commit = PRE_COMMIT_PINNED.format(url=source.url, rev=source.rev)
    return [
        (".github/workflows/wksbm.yml", GITHUB_WORKFLOW.format(github_install=github)),
        (".gitlab-ci.yml", GITLAB_CI.format(gitlab_install=gitlab)),
        (".pre-commit-config.yaml", pre_commit),
    ]


def files(values: dict[str, str], source: Source | None) -> list[tuple[str, str]]:
    """Every file of a new repository, as (path relative to it, text)."""

    out = [
        ("wksbm.yaml", CONFIG.format(**values)),
        ("README.md", README.format(**values)),
        ("organisasi/.gitkeep", ""),
        ("kegiatan/.gitkeep", ""),
    ]
    out += [(f"schemas/{FILE_NAMES[kind]}", dumps(schema_of(kind, RULES))) for kind in KINDS]
    out.append((".vscode/settings.json", json.dumps(VSCODE_SETTINGS, indent=2) + "\n"))
    out += ci_files(source)
    out.append((".gitignore", GITIGNORE))
    return out
