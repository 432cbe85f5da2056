"""The policy a pull request is judged by: a change cannot quietly relax it for itself."""

from __future__ import annotations

from wksbm_cli.diagnostics import Severity
from wksbm_cli.rules.base import REGISTRY

REGISTRY.declare(
    "config-relaxed",
    "file",
    Severity.WARNING,
    "wksbm.yaml melonggarkan aturan dibanding revisi dasar",
    "wksbm.yaml relaxes a rule compared with the base revision",
    """
    With ``validate --changed-since GITREF``, a change that turns a rule off or lowers its
    severity in ``wksbm.yaml`` (``aturan:``, or a role taken out of ``jabatan_wajib``) is still
    judged by the base revision's severities, and the relaxation is reported on its line, so
    that a reviewer sees it. ``--trust-config-changes`` judges with the new severities (the
    relaxation is still reported).

    Fails (the base had no ``aturan:`` entry for the rule)::

        aturan:
          invalid-value: off
    """,
)
