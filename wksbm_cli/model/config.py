"""Finding the records folder and reading its ``wksbm.yaml``.

A broken configuration stops the command (exit 2) with one located line: every judgement
depends on it, so carrying on with a guess would give wrong verdicts silently.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path as FsPath

from wksbm_cli.errors import WksbmError
from wksbm_cli.load.files import CONFIG_NAME, read_text
from wksbm_cli.load.yamldoc import load_document
from wksbm_cli.model.records import Config
from wksbm_cli.model.schema import CONFIG
from wksbm_cli.model.types import Context

CONFIG_LIMIT = 256 * 1024


def find_root(explicit: str | None, cwd: str | None = None) -> str:
    """``--records``/``WKSBM_RECORDS``, else the nearest folder upward holding ``wksbm.yaml``,
    else ``./records``. The folder must exist and must not be a symbolic link."""
    here = FsPath(cwd or os.getcwd())
    if explicit:
        candidate = FsPath(explicit)
        if not candidate.is_absolute():
            candidate = here / candidate
    else:
        candidate = here / "records"
        for folder in (here, *here.parents):
            if (folder / CONFIG_NAME).is_file():
                candidate = folder
                break
    shown = os.path.relpath(candidate, here) if explicit is None else explicit
    if candidate.is_symlink():
        raise WksbmError(
            f"folder catatan {shown} adalah tautan simbolik; berikan folder aslinya",
            f"records folder {shown} is a symbolic link; pass the real folder",
        )
    if not candidate.is_dir():
        raise WksbmError(
            f"folder catatan tidak ditemukan: {shown} (pakai --records PATH atau jalankan"
            " `wksbm init`)",
            f"no records folder: {shown} (use --records PATH or run `wksbm init`)",
        )
    return str(candidate)


def load_config(root: str, shown_root: str, lang_hint: str = "en") -> Config:
    path = os.path.join(root, CONFIG_NAME)
    shown = f"{shown_root}/{CONFIG_NAME}" if shown_root != "." else CONFIG_NAME
    if not os.path.lexists(path):
        return Config()
    result = read_text(path, CONFIG_LIMIT)
    if result.text is None:
        from wksbm_cli.i18n import translate

        args = dict(result.args)
        raise WksbmError(
            f"{shown}: " + translate(result.issue or "", "id", args),
            f"{shown}: " + translate(result.issue or "", "en", args),
        )
    doc = load_document(result.text)
    issues: list[tuple[int, int, str, dict[str, object]]] = [
        (i.line, i.column, i.message_key, i.args) for i in doc.issues
    ]
    if not issues and doc.data is None:
        return Config()
    if not issues and not isinstance(doc.data, dict):
        issues.append((1, 1, "not-a-mapping", {"got": "list"}))
    if not issues:
        for s in CONFIG.check(doc.data, (), Context(doc.plain)):
            line, col = doc.where(s.path)
            issues.append((line, col, s.message_key, s.args))
    if issues:
        raise _config_error(shown, sorted(issues, key=lambda i: (i[0], i[1])))
    return Config.from_data(doc.data)


def _config_error(shown: str, issues: list[tuple[int, int, str, dict[str, object]]]) -> WksbmError:
    from wksbm_cli.i18n import translate

    line, col, key, args = issues[0]
    more = len(issues) - 1
    texts = []
    for lang, extra in (("id", f" (dan {more} masalah lain)"), ("en", f" (and {more} more)")):
        texts.append(
            f"{shown}:{line}:{col}: {translate(key, lang, dict(args))}" + (extra if more else "")
        )
    return WksbmError(texts[0], texts[1])


def config_from_bytes(data: bytes | None, shown: str) -> Config:
    """A ``wksbm.yaml`` read from elsewhere (a git commit): the same checks as on disk, so a
    broken base configuration is an error, not a silent default."""
    if data is None:
        return Config()
    from wksbm_cli.load.files import decode

    result = decode(data)
    if result.text is None:
        from wksbm_cli.i18n import translate

        args = dict(result.args)
        raise WksbmError(
            f"{shown}: " + translate(result.issue or "", "id", args),
            f"{shown}: " + translate(result.issue or "", "en", args),
        )
    doc = load_document(result.text)
    if doc.issues or not isinstance(doc.data, dict):
        if not doc.issues and doc.data is None:
            return Config()
        issue = doc.issues[0] if doc.issues else None
        line, col = (issue.line, issue.column) if issue else (1, 1)
        key = issue.message_key if issue else "not-a-mapping"
        args = issue.args if issue else {"got": "list"}
        raise _config_error(shown, [(line, col, key, dict(args))])
    issues = [
        (*doc.where(s.path), s.message_key, s.args)
        for s in CONFIG.check(doc.data, (), Context(doc.plain))
    ]
    if issues:
        raise _config_error(shown, sorted(issues, key=lambda i: (i[0], i[1])))
    return Config.from_data(doc.data)


# Policy: the severity each rule is judged at, and how a change of wksbm.yaml moves it.

LEVEL_ORDER = {"off": 0, "info": 1, "warning": 2, "error": 3}
# The rules that do not run under ``privasi: internal`` (rules/privacy.py).
PRIVASI_RULES = ("personal-email", "personal-phone")


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
    from wksbm_cli.model.schema import JABATAN
    from wksbm_cli.rules.registry import RULES

    levels: dict[str, tuple[str, tuple[str, ...]]] = {
        rid: (info.severity.label, ("aturan",)) for rid, info in RULES.items()
    }
    for role in JABATAN:
        rid = f"missing-{role}"
        if role in config.jabatan_wajib:
            levels[rid] = ("error", ("jabatan_wajib",))
        elif role in config.jabatan_disarankan:
            levels[rid] = ("warning", ("jabatan_disarankan",))
        else:
            levels[rid] = ("off", ("jabatan_wajib",))
    for rid, level in config.aturan:
        if rid in levels and not (rid.startswith("missing-") and levels[rid][0] == "off"):
            levels[rid] = (level, ("aturan", rid))
    if config.privasi == "internal":
        for rid in PRIVASI_RULES:
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
