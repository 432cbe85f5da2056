"""Completeness: what a WKSBM still lacks (officers, an SK in force, unsur, a training).

Only ``jenis: wksbm`` records that are not ``bubar`` are judged on roles, SK and unsur: forums
and partner institutions have other structures, and a dissolved WKSBM has nothing left to fill.
"""

from __future__ import annotations

from collections.abc import Iterator

from wksbm_cli.core.problem import Severity
from wksbm_cli.model.records import Organisation
from wksbm_cli.model.schema import JABATAN
from wksbm_cli.rules.base import REGISTRY, FileContext, Finding, FolderContext, RuleInfo

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


def _missing_check(ctx: FileContext) -> Iterator[Finding]:
    if judged(ctx.record):
        assert isinstance(ctx.record, Organisation)
        yield from missing_roles(ctx.record, ctx)


# One rule id per position (missing-ketua, missing-sekretaris, ...); one check serves them all,
# registered on the first id so that it runs once.
for _index, _role in enumerate(JABATAN):
    REGISTRY.add(
        RuleInfo(
            f"missing-{_role}",
            "completeness",
            E if _role in ("ketua", "sekretaris") else W,
            f"WKSBM tanpa {_role} aktif",
            f"WKSBM without an active {_role}",
            (missing_roles.__doc__ or "").strip(),
            "file" if _index == 0 else "declared",
            _missing_check if _index == 0 else None,
        )
    )


@REGISTRY.file_rule(
    "multiple-ketua",
    "completeness",
    E,
    "Lebih dari satu ketua aktif",
    "More than one active ketua",
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


@REGISTRY.file_rule(
    "sk-missing",
    "completeness",
    W,
    "SK belum dicatat",
    "No SK recorded",
)
def sk_missing(ctx: FileContext) -> Iterator[Finding]:
    """A WKSBM is legalised by an SK of the lurah; record its ``sk`` (nomor, tanggal, penerbit)."""
    if judged(ctx.record) and ctx.record.sk is None:  # type: ignore[union-attr]
        yield Finding("sk-missing", (), "sk-missing")


@REGISTRY.file_rule(
    "sk-expired",
    "completeness",
    W,
    "SK sudah berakhir",
    "SK has expired",
)
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


@REGISTRY.file_rule(
    "no-unsur",
    "completeness",
    W,
    "Belum ada unsur",
    "No unsur recorded",
)
def no_unsur(ctx: FileContext) -> Iterator[Finding]:
    """
    A WKSBM is a network of kelompok usaha, lembaga and jaringan pendukung; record them under
    ``unsur``.
    """
    if judged(ctx.record) and not ctx.record.unsur:  # type: ignore[union-attr]
        yield Finding("no-unsur", ("unsur",), "no-unsur")


@REGISTRY.folder_rule(
    "never-trained",
    "completeness",
    INFO,
    "WKSBM aktif belum pernah ikut kegiatan",
    "Active WKSBM never named as a participant",
)
def never_trained(ctx: FolderContext) -> Iterator[Finding]:
    """
    An active WKSBM that no event lists under ``peserta.organisasi``: a hint for planning the
    next training, not a fault in the record.
    """
    trained = {org for e in ctx.events for org in e.peserta_organisasi}
    for org in ctx.organisations:
        if org.jenis == "wksbm" and org.status == "aktif" and org.id and org.id not in trained:
            yield Finding("never-trained", ("id",), "never-trained", file=org.file)
