"""Policy: the severity each rule is judged at under a folder's ``wksbm.yaml``, and how a change
of that file moves it. Also the one way the layers above read ``wksbm.yaml``: through here, so
that ``aturan:`` is checked against the rules table.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from wksbm_cli.model import config as _config
from wksbm_cli.model.records import Config
from wksbm_cli.rules.registry import RULES


def load_config(root: str, shown_root: str, lang_hint: str = "en") -> Config:
    """The folder's ``wksbm.yaml`` (defaults if there is none), refused with one located line
    when it is broken."""
    return _config.load_config(root, shown_root, lang_hint, rule_ids=RULES.keys())


def config_from_bytes(data: bytes | None, shown: str) -> Config:
    """A ``wksbm.yaml`` read from a git commit, with the same checks as on disk."""
    return _config.config_from_bytes(data, shown, rule_ids=RULES.keys())


# Policy: the severity each rule is judged at, and how a change of wksbm.yaml moves it.

LEVEL_ORDER = {"off": 0, "info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True)
class PolicyChange:
    """One rule judged differently after a change of ``wksbm.yaml``."""

    rule: str
    before: str  # error | warning | info | off
    after: str
    where: tuple[str, ...]  # the wksbm.yaml key that made the difference

    @property
    def relaxed(self) -> bool:
        return LEVEL_ORDER[self.after] < LEVEL_ORDER[self.before]


def rule_levels(config: Config) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Every rule's level under ``config``, with the key that set it: the rule's default, the
    role lists for ``missing-<jabatan>`` (required: error, recommended: warning, neither: the
    rule cannot fire), then ``aturan:``, then ``privasi: internal``, which switches the
    personal-data rules off whatever ``aturan:`` says (so declaring a repository internal is a
    relaxation like any other)."""
    levels: dict[str, tuple[str, tuple[str, ...]]] = {
        rid: (info.severity.label, ("aturan",)) for rid, info in RULES.items()
    }
    for rid, rule in RULES.items():
        if not rule.jabatan:
            continue
        if rule.jabatan in config.jabatan_wajib:
            levels[rid] = ("error", ("jabatan_wajib",))
        elif rule.jabatan in config.jabatan_disarankan:
            levels[rid] = ("warning", ("jabatan_disarankan",))
        else:
            levels[rid] = ("off", ("jabatan_wajib",))
    for rid, level in config.aturan:
        if rid in levels and not (RULES[rid].jabatan and levels[rid][0] == "off"):
            levels[rid] = (level, ("aturan", rid))
    if config.privasi == "internal":
        for rid, rule in RULES.items():
            if rule.off_when_internal:
                levels[rid] = ("off", ("privasi",))
    return levels


def policy_changes(before: Config, after: Config) -> list[PolicyChange]:
    """The rules ``after`` judges more leniently (turned off, lowered) or more strictly than
    ``before``, in rule order."""
    old, new = rule_levels(before), rule_levels(after)
    out = []
    for rid in sorted(set(old) & set(new)):
        if old[rid][0] != new[rid][0]:
            where = new[rid][1] if new[rid][1] != ("aturan",) else old[rid][1]
            out.append(PolicyChange(rid, old[rid][0], new[rid][0], where))
    return out


def with_policy_of(config: Config, base: Config) -> Config:
    """``config`` judged with ``base``'s severities (its ``aturan``, role lists and ``privasi``): a
    change cannot relax the rules it is judged by."""
    return replace(
        config,
        privasi=base.privasi,
        aturan=base.aturan,
        jabatan_wajib=base.jabatan_wajib,
        jabatan_disarankan=base.jabatan_disarankan,
    )
