"""The only exceptions that cross the library's boundary.

The CLI turns them into one line and an exit code in a single place, so that no input ever ends in
a traceback and exit codes never drift between commands.
"""

from __future__ import annotations

from typing import Any

from wksbm_cli.i18n import Message, translate


class WksbmError(Exception):
    """The command cannot run as asked (exit 2): bad option, no records folder, broken config.

    Like a problem, it carries a catalog key and arguments, not text: it is raised far from the
    place that knows the reader's language, and put in words there."""

    exit_code = 2

    def __init__(self, message_key: str, /, **args: Any) -> None:
        super().__init__(message_key)
        self.message_key = message_key
        self.message_args = args

    def message(self, lang: str) -> str:
        return translate(self.message_key, lang, self.message_args)

    def as_message(self) -> Message:
        """The error as an argument of another message (a row rejected for this reason)."""
        return Message(self.message_key, self.message_args)

    def __str__(self) -> str:
        return self.message("en")

    def __reduce__(self) -> tuple[Any, ...]:
        # Subclasses take other arguments than the key: rebuild from the state, not __init__.
        return (_rebuild, (type(self), self.__dict__.copy()))


def _rebuild(cls: type[WksbmError], state: dict[str, Any]) -> WksbmError:
    error = cls.__new__(cls)
    Exception.__init__(error, state["message_key"])
    error.__dict__.update(state)
    return error


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
        super().__init__(
            "write.failed",
            path=path if path is not None else Message("write.stdout"),
            reason=Message(f"write.reason.{reason}") if reason else _detail(error),
        )
        self.path = path
        self.errno = error.errno
        self.quiet = path is None and error.errno == errno.EPIPE


def _detail(error: OSError) -> str:
    return error.strerror or type(error).__name__
