"""The only exceptions that cross the library's boundary.

The CLI turns them into one line and an exit code in a single place, so that no input ever ends in
a traceback and exit codes never drift between commands.
"""

from __future__ import annotations


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
