"""Errors a user can act on: each names the input and says what is wrong with it.

A bad input never stops a batch: readers yield an `InputError` in place of the article, the batch
records it and goes on. The message is one line, so it can be printed, stored and grepped.
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


class NewsgraphError(Exception):
    """Base class for errors newsgraph reports to the user without a traceback."""


class InputError(NewsgraphError):
    """One input (a file, or one record inside a file) could not be turned into an article."""

    def __init__(self, path: str, reason: str, record: str | None = None) -> None:
        self.path = path
        self.reason = _SPACE.sub(" ", reason).strip()
        """One line however many a library's message had (warcio's run to a paragraph)."""
        self.record = record
        super().__init__(str(self))

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, str | None]]:
        """Pickle by the three fields, so an error crosses to a worker process and back intact."""
        return InputError, (self.path, self.reason, self.record)

    def __str__(self) -> str:
        where = f"{self.path} ({self.record})" if self.record else self.path
        return f"{where}: {self.reason}"


class StoreError(NewsgraphError):
    """The database cannot be opened or is not one of ours."""
