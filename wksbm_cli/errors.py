"""The only exceptions that cross the library's boundary.

The CLI turns them into one line and an exit code in a single place, so that no input ever ends in
a traceback and exit codes never drift between commands.
"""

from __future__ import annotations

from wksbm_cli.i18n import translate


class WksbmError(Exception):
    """The command cannot run as asked (exit 2): bad option, no records folder, broken config."""

    exit_code = 2

    def __init__(self, message_id: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_id = message_id
        self.message_en = message_en

    def message(self, lang: str) -> str:
        return self.message_id if lang == "id" else self.message_en


class InternalError(Exception):
    """A bug in wksbm itself (exit 3). ``stage`` names the rule or step that failed."""

    exit_code = 3

    def __init__(self, stage: str, original: BaseException) -> None:
        super().__init__(f"{stage}: {type(original).__name__}: {original}")
        self.stage = stage
        self.original = original

    def __reduce__(self) -> tuple[type[InternalError], tuple[str, BaseException]]:
        # Raised in pool workers too: pickling must rebuild it from (stage, original).
        return (type(self), (self.stage, self.original))


_REASONS = {
    "ENOENT": "missing-folder",
    "EACCES": "denied",
    "EPERM": "denied",
    "ENOSPC": "full",
    "EDQUOT": "full",
    "EFBIG": "full",
    "EISDIR": "is-folder",
    "ENOTDIR": "not-folder",
    "EROFS": "read-only",
    "ENAMETOOLONG": "too-long",
}


class WriteFailed(WksbmError):
    """Writing what the user asked for failed (exit 2), named by the path the user gave, never by
    the temporary file it failed on: a full disk or a missing folder is the user's to fix, not a
    bug. ``path`` None means standard output; ``quiet`` is a closed pipe (the reader left, as
    ``| head`` does), which needs no message."""

    def __init__(self, path: str | None, error: OSError) -> None:
        import errno

        name = errno.errorcode.get(error.errno or 0, "")
        reason = _REASONS.get(name)
        texts = []
        for lang in ("id", "en"):
            shown = path if path is not None else translate("write.stdout", lang)
            why = translate(f"write.reason.{reason}", lang) if reason else _detail(error)
            texts.append(translate("write.failed", lang, {"path": shown, "reason": why}))
        super().__init__(texts[0], texts[1])
        self.path = path
        self.errno = error.errno
        self.quiet = path is None and error.errno == errno.EPIPE


def _detail(error: OSError) -> str:
    return error.strerror or type(error).__name__
