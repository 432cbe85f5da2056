"""Rules found by checking a record against the declared schema (:mod:`wksbm_cli.model.schema`)."""

from wksbm_cli.core.problem import Severity
from wksbm_cli.rules.base import REGISTRY

E = Severity.ERROR

REGISTRY.declare(
    "unknown-field",
    "schema",
    E,
    "Kolom tidak dikenal",
    "Unknown field",
    """
    A key the record format does not define; a near miss gets "did you mean".

    Fails: ``kapenewon: Depok`` (did you mean ``kapanewon``?).
    """,
)
REGISTRY.declare(
    "missing-field",
    "schema",
    E,
    "Kolom wajib tidak ada",
    "Required field missing",
    """
    A required field is absent (``id``, ``nama``, ``jenis``; ``tingkat`` and ``wilayah`` for a
    WKSBM; ``judul``, ``jenis``, ``tanggal``, ``penyelenggara`` for an event).
    """,
)
REGISTRY.declare(
    "wrong-type",
    "schema",
    E,
    "Jenis nilai salah",
    "Wrong type of value",
    """
    A value of the wrong kind. Values that YAML 1.1 silently converted get a hint to quote them:
    ``rw: 05`` (a number), ``status: no`` (false), ``telepon: 0217654321`` (an octal number),
    ``jam: 1:30`` (90).

    Fails: ``rw: 05``. Passes: ``rw: "05"``.
    """,
)
REGISTRY.declare(
    "invalid-value",
    "schema",
    E,
    "Nilai tidak sah",
    "Invalid value",
    """
    A value of the right kind that is not allowed: an unknown choice (with "did you mean"), an
    impossible date (``2025-06-31``), a negative count, an id that is not a slug.

    Fails: ``jenis: wksmb`` (did you mean ``wksbm``?).
    """,
)
