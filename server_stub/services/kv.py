"""Small named server-wide values kept in the ``settings`` table."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server_stub.models import Setting


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row else None


def get_settings(session: Session, *keys: str) -> dict[str, str | None]:
    """Several settings in one query (None for those not set)."""
    found = dict(session.execute(select(Setting.key, Setting.value)
                                 .where(Setting.key.in_(keys))).all())
    return {key: found.get(key) for key in keys}


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def next_counter(session: Session, key: str) -> int:
    """Add one to a numeric setting (a revision) and return the new value. The row stays
    locked until the transaction ends, so parallel writers on PostgreSQL take turns instead
    of both writing the same number."""
    query = select(Setting).where(Setting.key == key).with_for_update()
    row = session.scalar(query)
    if row is None:
        try:
            with session.begin_nested():
                session.add(Setting(key=key, value="0"))
        except IntegrityError:
            pass
        row = session.scalar(query.execution_options(populate_existing=True))
        assert row is not None
    value = int(row.value or 0) + 1
    row.value = str(value)
    return value
