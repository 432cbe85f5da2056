"""Completeness: what a WKSBM still lacks (officers, an SK in force, unsur, a training).

Only ``jenis: wksbm`` records that are not ``bubar`` are judged on roles, SK and unsur: forums
and partner institutions have other structures, and a dissolved WKSBM has nothing left to fill.
"""

from __future__ import annotations

from collections.abc import Iterator

from wksbm_cli.core.problem import Severity
from wksbm_cli.core.vocabulary import Status
from wksbm_cli.model.records import Organisation
from wksbm_cli.model.schema import JABATAN
from wksbm_cli.rules.base import FileContext, Finding, FolderContext, Option, Rule

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def judged(rec: object) -> bool:
    return isinstance(rec, Organisation) and rec.jenis == "wksbm" and rec.status != "bubar"


def missing_roles(rec: Organisation, ctx: FileContext) -> Iterator[Finding]:
    """
    A WKSBM needs an active officer in every ``jabatan_wajib`` (error, default ketua and
    sekretaris) and should have one in every ``jabatan_disarankan`` (warning, default
    bendahara). An officer is active while ``selesai`` is absent or not before today.

    Fails (no sekretaris)::

        pengurus:
          - {jabatan: ketua, nama: Contoh Ketua}
    """
    active = {o.jabatan for o in rec.active_officers(ctx.today)}
    path = ("pengurus",) if ("pengurus",) in ctx.doc.marks else ()
    for roles, severity in ((ctx.config.jabatan_wajib, E), (ctx.config.jabatan_disarankan, W)):
        for role in roles:
            if role not in active:
                yield Finding(
                    f"missing-{role}", path, "missing-jabatan", {"jabatan": role}, severity=severity
                )


def check_missing_roles(ctx: FileContext) -> Iterator[Finding]:
    if judged(ctx.record):
        assert isinstance(ctx.record, Organisation)
        yield from missing_roles(ctx.record, ctx)


ROLE_LISTS = (
    Option("jabatan_wajib", ("ketua", "sekretaris"), config="jabatan_wajib"),
    Option("jabatan_disarankan", ("bendahara",), config="jabatan_disarankan"),
)

# One rule id per position (missing-ketua, missing-sekretaris, ...), in the order of the
# schema's positions; they share one check, which runs once for all of them.
MISSING_JABATAN = tuple(
    Rule(
        f"missing-{role}",
        "completeness",
        E if role in ("ketua", "sekretaris") else W,
        check_missing_roles,
        "file",
        doc=missing_roles.__doc__ or "",
        options=ROLE_LISTS,
        pointer_only=True,
        jabatan=role,
        family="missing-<jabatan>",
    )
    for role in JABATAN
)


def multiple_ketua(ctx: FileContext) -> Iterator[Finding]:
    """
    Two active ketua usually means an old term was not closed: give the former one ``selesai``.
    Reported at the second one.
    """
    if not judged(ctx.record):
        return
    assert isinstance(ctx.record, Organisation)
    ketua = [o for o in ctx.record.active_officers(ctx.today) if o.jabatan == "ketua"]
    for other in ketua[1:]:
        yield Finding(
            "multiple-ketua",
            ("pengurus", other.index),
            "multiple-ketua",
            {"first": ketua[0].nama or "?"},
        )


MULTIPLE_KETUA = Rule("multiple-ketua", "completeness", E, multiple_ketua, "file")


def sk_missing(ctx: FileContext) -> Iterator[Finding]:
    """A WKSBM is legalised by an SK of the lurah; record its ``sk`` (nomor, tanggal, penerbit)."""
    if judged(ctx.record) and ctx.record.sk is None:  # type: ignore[union-attr]
        yield Finding("sk-missing", (), "sk-missing")


SK_MISSING = Rule("sk-missing", "completeness", W, sk_missing, "file", pointer_only=True)


def sk_expired(ctx: FileContext) -> Iterator[Finding]:
    """
    The SK's ``berlaku_sampai`` is before today (or before ``--as-of``): the organisation needs a
    new decree.

    Fails (today 2026-11-23): ``sk: {nomor: "1/2023", berlaku_sampai: 2026-03-01}``.
    """
    rec = ctx.record
    if isinstance(rec, Organisation) and rec.status != "bubar" and rec.sk is not None:
        until = rec.sk.berlaku_sampai
        if until is not None and until < ctx.today:
            yield Finding(
                "sk-expired", ("sk", "berlaku_sampai"), "sk-expired", {"date": until.isoformat()}
            )


SK_EXPIRED = Rule("sk-expired", "completeness", W, sk_expired, "file", pointer_only=True)


def no_unsur(ctx: FileContext) -> Iterator[Finding]:
    """
    A WKSBM is a network of kelompok usaha, lembaga and jaringan pendukung; record them under
    ``unsur``.
    """
    if judged(ctx.record) and not ctx.record.unsur:  # type: ignore[union-attr]
        yield Finding("no-unsur", ("unsur",), "no-unsur")


NO_UNSUR = Rule("no-unsur", "completeness", W, no_unsur, "file", pointer_only=True)


def never_trained(ctx: FolderContext) -> Iterator[Finding]:
    """
    An active WKSBM that no event lists under ``peserta.organisasi``: a hint for planning the
    next training, not a fault in the record.
    """
    trained = {org for e in ctx.events for org in e.peserta_organisasi}
    for org in ctx.organisations:
        if org.jenis == "wksbm" and org.status == Status.aktif and org.id and org.id not in trained:
            yield Finding("never-trained", ("id",), "never-trained", file=org.file)


NEVER_TRAINED = Rule(
    "never-trained", "completeness", INFO, never_trained, "folder", pointer_only=True
)
