"""Domain errors: a Chinese message for the person, a stable English code for logs and tests."""

from __future__ import annotations

from dataclasses import dataclass, field


class DomainError(Exception):
    """A rule of the domain was broken; nothing was changed."""

    code = "domain_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class PermissionDenied(DomainError):
    code = "permission_denied"


class AuthenticationFailed(DomainError):
    code = "authentication_failed"


class AccountLocked(DomainError):
    code = "account_locked"


class NotFound(DomainError):
    code = "not_found"


@dataclass(frozen=True)
class Problem:
    """One broken rule in a piece of input: where it is, which rule, and what to do."""

    where: str  # file, item code, field path: whatever lets a person find it
    rule: str  # stable English code
    message: str  # Chinese, for the person

    def __str__(self) -> str:
        return f"{self.where}: {self.message} [{self.rule}]"


@dataclass
class InvalidInput(DomainError):
    """Input broke one or more rules; ``problems`` lists each."""

    problems: list[Problem] = field(default_factory=list)
    code = "invalid_input"

    def __post_init__(self) -> None:
        first = str(self.problems[0]) if self.problems else "输入有误"
        more = f"（另有 {len(self.problems) - 1} 处问题）" if len(self.problems) > 1 else ""
        super().__init__(first + more)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
