"""The closed word lists records are written in, each spelled once.

The schema checks them, the loader defaults with them, the edit commands and ``wksbm import``
accept them, the figures count by them: a list kept in several places drifts the day one of them
gains a word. The words are the national ones written in the records (and in JSON); how people
read them in either language lives in the catalogs.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """An organisation's ``status``; a record without one is ``aktif``."""

    aktif = "aktif"
    vakum = "vakum"
    bubar = "bubar"


STATUSES = tuple(s.value for s in Status)
DEFAULT_STATUS = Status.aktif.value

# The region levels, top down: the keys of ``wilayah`` and the values of ``tingkat``.
REGION_LEVELS = ("provinsi", "kabupaten", "kecamatan", "desa", "dusun", "rw", "rt")
# The levels the official (Kemendagri) region data names and codes.
CODED_LEVELS = REGION_LEVELS[: REGION_LEVELS.index("desa") + 1]
# A village and what lies inside it.
VILLAGE_LEVELS = REGION_LEVELS[REGION_LEVELS.index("desa") :]
