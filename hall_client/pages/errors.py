"""Errors of the page pipeline.

Every problem carries a stable English code for logs and tests and a Chinese message for the
clerk, and names the file it is about, so a batch can report each bad file and go on.
"""

from __future__ import annotations


class PageError(Exception):
    """A page or file broke a rule or could not be read.

    ``code`` is stable (``unreadable``, ``too_large``...), ``message`` is Chinese for the clerk,
    ``detail`` is English for logs; ``source`` names the file when known.
    """

    def __init__(self, code: str, message: str, detail: str = "", source: str = "") -> None:
        super().__init__(f"{source + ': ' if source else ''}{message} [{code}] {detail}".strip())
        self.code = code
        self.message = message
        self.detail = detail
        self.source = source

    def __reduce__(self) -> tuple[type[PageError], tuple[str, str, str, str]]:
        return (PageError, (self.code, self.message, self.detail, self.source))

    def with_source(self, source: str) -> PageError:
        """Return the same error naming ``source``."""
        return PageError(self.code, self.message, self.detail, source)

    def as_dict(self) -> dict[str, str]:
        return {
            "source": self.source,
            "code": self.code,
            "message": self.message,
            "detail": self.detail,
        }


class Cancelled(Exception):
    """The caller asked a long batch to stop."""
