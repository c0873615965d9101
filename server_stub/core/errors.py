"""Domain errors: a Chinese message for the person, a stable English code for logs and tests."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A request broke a rule; the HTTP layer turns it into a 4xx JSON answer."""

    status = 422

    def __init__(self, code: str, message: str, status: int | None = None,
                 headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        if status is not None:
            self.status = status
        self.headers = headers or {}
        self.extra = extra

    def body(self) -> dict[str, Any]:
        return {"detail": {"code": self.code, "message": self.message, **self.extra}}


class NotFound(DomainError):
    status = 404


class Forbidden(DomainError):
    status = 403


class Unauthorized(DomainError):
    status = 401


class Conflict(DomainError):
    status = 409
