"""Small named server-wide values kept in the ``settings`` table."""

from __future__ import annotations

from sqlalchemy.orm import Session

from server_stub.models import Setting


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row else None


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
