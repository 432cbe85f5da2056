"""Finding the records folder and reading its ``wksbm.yaml``.

A broken configuration stops the command (exit 2) with one located line: every judgement
depends on it, so carrying on with a guess would give wrong verdicts silently.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path as FsPath

from wksbm_cli.errors import WksbmError
from wksbm_cli.i18n import Message
from wksbm_cli.load.files import CONFIG_NAME, ReadResult, decode, read_text
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
        raise WksbmError("records.symlink", folder=shown)
    if not candidate.is_dir():
        raise WksbmError("records.missing", folder=shown)
    return str(candidate)


def load_config(
    root: str, shown_root: str, lang_hint: str = "en", *, rule_ids: Collection[str]
) -> Config:
    """``wksbm.yaml`` of ``root`` (defaults if there is none); ``rule_ids`` are the rules
    ``aturan:`` may name (``check.policy.load_config`` passes the rules table's)."""
    path = os.path.join(root, CONFIG_NAME)
    shown = f"{shown_root}/{CONFIG_NAME}" if shown_root != "." else CONFIG_NAME
    if not os.path.lexists(path):
        return Config()
    return _parsed(read_text(path, CONFIG_LIMIT), shown, rule_ids)


def _parsed(result: ReadResult, shown: str, rule_ids: Collection[str]) -> Config:
    """The configuration in ``result`` (the file's decoded text), or the error naming the first
    problem and how many more there are: the same checks wherever the bytes came from."""
    if result.text is None:
        reason = Message(result.issue or "encoding", dict(result.args))
        raise WksbmError("error.at", where=shown, message=reason)
    doc = load_document(result.text)
    issues: list[tuple[int, int, str, dict[str, object]]] = [
        (i.line, i.column, i.message_key, i.args) for i in doc.issues
    ]
    if not issues and doc.data is None:
        return Config()
    if not issues and not isinstance(doc.data, dict):
        issues.append((1, 1, "not-a-mapping", {"got": "list"}))
    if not issues:
        for s in CONFIG.check(doc.data, (), Context(doc.plain, rule_ids)):
            line, col = doc.where(s.path)
            issues.append((line, col, s.message_key, s.args))
    if issues:
        raise _config_error(shown, sorted(issues, key=lambda i: (i[0], i[1])))
    return Config.from_data(doc.data)


def _config_error(shown: str, issues: list[tuple[int, int, str, dict[str, object]]]) -> WksbmError:
    line, col, key, args = issues[0]
    more = len(issues) - 1
    return WksbmError(
        "config.broken.more" if more else "config.broken",
        where=shown,
        line=line,
        column=col,
        message=Message(key, dict(args)),
        more=more,
    )


def config_from_bytes(data: bytes | None, shown: str, *, rule_ids: Collection[str]) -> Config:
    """A ``wksbm.yaml`` read from elsewhere (a git commit): the same checks as on disk, so a
    broken base configuration is an error, not a silent default."""
    if data is None:
        return Config()
    return _parsed(decode(data), shown, rule_ids)
