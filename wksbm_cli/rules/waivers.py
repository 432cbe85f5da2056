"""Waivers: a record may accept a known gap until a date (``pengecualian``)."""

from __future__ import annotations

from collections.abc import Iterator

from wksbm_cli.core.problem import Severity
from wksbm_cli.core.suggest import did_you_mean
from wksbm_cli.rules.base import FileContext, Finding, Rule

E = Severity.ERROR


def waiver_expired(ctx: FileContext) -> Iterator[Finding]:
    """
    A waiver holds until its ``sampai`` date (inclusive); after it the waived problem counts
    again, and the stale waiver is reported so that it is renewed or removed.

    Fails (today 2026-11-23)::

        pengecualian:
          - {aturan: missing-sekretaris, sampai: 2026-09-30, alasan: pemilihan September}
    """
    rec = ctx.record
    if rec is None:
        return

    for waiver in rec.waivers:
        if waiver.aturan not in ctx.rule_ids:
            # A misspelt rule would waive nothing, silently: report it as the schema would.
            yield Finding(
                "invalid-value",
                ("pengecualian", waiver.index, "aturan"),
                "invalid-value.rule",
                {
                    "field": f"pengecualian[{waiver.index}].aturan",
                    "value": waiver.aturan,
                    "suggestion": did_you_mean(waiver.aturan, sorted(ctx.rule_ids)),
                },
            )
        if waiver.sampai < ctx.today:
            yield Finding(
                "waiver-expired",
                ("pengecualian", waiver.index, "sampai"),
                "waiver-expired",
                {"rule": waiver.aturan, "date": waiver.sampai.isoformat()},
            )


WAIVER_EXPIRED = Rule(
    "waiver-expired",
    "records",
    E,
    waiver_expired,
    "file",
    reports=("invalid-value",),  # a waiver naming no rule
    waivable=False,  # a stale waiver cannot excuse itself
)
