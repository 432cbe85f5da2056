"""The policy a pull request is judged by: a change cannot quietly relax it for itself."""

from __future__ import annotations

from wksbm_cli.core.problem import Severity
from wksbm_cli.rules.base import Rule

CONFIG_RELAXED = Rule(
    "config-relaxed",
    "file",
    Severity.WARNING,
    detected_by=("wksbm_cli.check.changed.check_changed",),
    doc="""
    With ``validate --changed-since GITREF``, a change that turns a rule off or lowers its
    severity in ``wksbm.yaml`` (``aturan:``, or a role taken out of ``jabatan_wajib``) is still
    judged by the base revision's severities, and the relaxation is reported on its line, so
    that a reviewer sees it. A waiver (``pengecualian``) that the change adds to a record, or
    whose ``sampai`` it moves later, is likewise not honoured and is reported on its line.
    ``--trust-config-changes`` judges with the new severities and waivers (the relaxation is
    still reported).

    Fails (the base had no ``aturan:`` entry for the rule)::

        aturan:
          invalid-value: off
    """,
)
