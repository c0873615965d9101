"""Domain errors: a Chinese message for the person and a stable English code for logs and tests."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain was broken.

    ``code`` is stable English (``amount_negative``) so tests and logs can match it; ``message``
    is the Chinese sentence shown to the clerk, saying what is wrong and what to do.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{message} [{code}]")
        self.code = code
        self.message = message
