"""Who is acting: the signed-in person, their roles and the counter they sit at."""

from __future__ import annotations

from dataclasses import dataclass

from hall_client.core.errors import PermissionDenied

ROLES = ("clerk", "cashier", "supervisor", "admin")
ROLE_NAMES = {"clerk": "窗口受理员", "cashier": "收费员", "supervisor": "值班主任", "admin": "系统管理员"}


@dataclass(frozen=True)
class Actor:
    username: str
    full_name: str
    roles: frozenset[str]
    counter: str
    person_id: str = ""

    def require(self, role: str) -> str:
        """Return ``role`` if held; raise otherwise. Services call this before any change."""
        if role not in self.roles:
            raise PermissionDenied(
                f"{self.full_name}（{self.username}）没有“{ROLE_NAMES.get(role, role)}”权限",
                code=f"role_required:{role}",
            )
        return role
