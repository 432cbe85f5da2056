"""Rules found by checking a record against the declared schema (:mod:`wksbm_cli.model.schema`)."""

from wksbm_cli.core.problem import Severity
from wksbm_cli.rules.base import LOADER, SCHEMA_CHECK, Rule

E = Severity.ERROR

UNKNOWN_FIELD = Rule(
    "unknown-field",
    "schema",
    E,
    detected_by=(SCHEMA_CHECK,),
    doc="""
    A key the record format does not define; a near miss gets "did you mean".

    Fails: ``kapenewon: Depok`` (did you mean ``kapanewon``?).
    """,
)
MISSING_FIELD = Rule(
    "missing-field",
    "schema",
    E,
    detected_by=(SCHEMA_CHECK,),
    doc="""
    A required field is absent (``id``, ``nama``, ``jenis``; ``tingkat`` and ``wilayah`` for a
    WKSBM; ``judul``, ``jenis``, ``tanggal``, ``penyelenggara`` for an event).
    """,
)
WRONG_TYPE = Rule(
    "wrong-type",
    "schema",
    E,
    detected_by=(SCHEMA_CHECK, "wksbm_cli.model.types.wrong_type", LOADER),
    doc="""
    A value of the wrong kind. Values that YAML 1.1 silently converted get a hint to quote them:
    ``rw: 05`` (a number), ``status: no`` (false), ``telepon: 0217654321`` (an octal number),
    ``jam: 1:30`` (90).

    Fails: ``rw: 05``. Passes: ``rw: "05"``.
    """,
)
INVALID_VALUE = Rule(
    "invalid-value",
    "schema",
    E,
    # Also reported by waiver-expired's check: a waiver naming no rule.
    detected_by=(SCHEMA_CHECK, LOADER, "wksbm_cli.model.schema.RuleSeverities.check"),
    doc="""
    A value of the right kind that is not allowed: an unknown choice (with "did you mean"), an
    impossible date (``2025-06-31``), a negative count, an id that is not a slug.

    Fails: ``jenis: wksmb`` (did you mean ``wksbm``?).
    """,
)
