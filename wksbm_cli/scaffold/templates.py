"""The texts ``wksbm init`` writes. The CI files run the same commands README's "Use in CI" shows.

``{kabupaten}`` and the like are filled with ``str.format``; literal braces (GitHub expressions)
are doubled.
"""

from __future__ import annotations

CONFIG = """\
# Konfigurasi folder catatan wksbm. / Configuration of this wksbm records folder.
wilayah: {{provinsi: {provinsi}, kabupaten: {kabupaten}}}
istilah: {istilah}
bahasa: {bahasa}
privasi: publik
jabatan_wajib: [ketua, sekretaris]
jabatan_disarankan: [bendahara]
"""

README = """\
# Catatan WKSBM {kabupaten}

Repositori ini menyimpan catatan WKSBM (Wahana Kesejahteraan Sosial Berbasis Masyarakat) dan
kegiatan pelatihannya di {kabupaten}, {provinsi}, sebagai berkas YAML yang diperiksa dengan
alat baris perintah `wksbm`.

## Cara menyumbang

1. Satu organisasi = satu berkas `organisasi/<id>.yaml`; satu kegiatan = satu berkas
   `kegiatan/<tahun>/<tanggal>-<judul-singkat>.yaml`. Nama berkas sama dengan `id`-nya.
2. Jangan menulis NIK, nomor HP pribadi, atau e-mail pribadi.
3. Sebelum mengirim pull request, jalankan `wksbm validate`. Pemeriksaan yang sama berjalan
   otomatis pada setiap pull request, dan masalah ditandai di baris yang bersangkutan.

## Contributing (English)

This repository keeps the records of WKSBM organisations (community-based social-welfare networks)
and their training events in {kabupaten}, {provinsi}, as YAML files checked by wksbm.

1. One organisation per file `organisasi/<id>.yaml`; one event per file
   `kegiatan/<year>/<date>-<slug>.yaml`. The file name equals the record's `id`.
2. Never write a NIK (national id number), a personal mobile number or a personal e-mail address.
3. Run `wksbm validate` before opening a pull request. The same check runs on every pull request
   and marks problems on the lines concerned.
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
      # Pin a version for reproducible checks, e.g. pip install "wksbm=={version}"
      - run: pip install wksbm
      - name: wksbm validate
        run: wksbm validate --format github --changed-since origin/${{{{ github.base_ref }}}}
      - name: wksbm diff
        if: always()
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
    # Pin a version for reproducible checks, e.g. pip install "wksbm=={version}"
    - pip install wksbm
    - git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - wksbm validate --changed-since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - wksbm diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
"""

PRE_COMMIT_CONFIG = """\
# pre-commit install, then every commit runs wksbm validate on the staged records.
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

FILES: tuple[tuple[str, str], ...] = (
    ("wksbm.yaml", CONFIG),
    ("README.md", README),
    ("organisasi/.gitkeep", ""),
    ("kegiatan/.gitkeep", ""),
    (".github/workflows/wksbm.yml", GITHUB_WORKFLOW),
    (".gitlab-ci.yml", GITLAB_CI),
    (".pre-commit-config.yaml", PRE_COMMIT_CONFIG),
    (".gitignore", GITIGNORE),
)
