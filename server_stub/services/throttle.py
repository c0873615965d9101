"""Failure counts and lock-outs per key, held in the database.

Sign-in failures (per user name, known or not) and status-page lookups (per client address)
are counted here. Counting is one atomic statement (INSERT … ON CONFLICT DO UPDATE … WHERE not
locked … RETURNING), so parallel failures on PostgreSQL count exactly, every server process
sees the same count, and a failure that arrives after the lock was set does not count again:
its caller learns that the key is locked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Table, case, delete, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from server_stub.models import Throttle


@dataclass(frozen=True)
class Policy:
    """``max_failures`` failures in a row lock the key for ``lock_for``."""

    max_failures: int
    lock_for: timedelta


def locked_until(session: Session, key: str, now: datetime) -> datetime | None:
    """When the key's lock ends, or None when it is not locked."""
    until = session.scalar(select(Throttle.locked_until).where(Throttle.key == key))
    return until if until is not None and until > now else None


@dataclass(frozen=True)
class Failure:
    counted: bool
    """False: the key was locked already (perhaps by a parallel failure); nothing counted."""
    locked_until: datetime | None
    """The end of the lock in force after this failure (set by it when ``counted``)."""


def fail(session: Session, key: str, now: datetime, policy: Policy) -> Failure:
    """Count one failure against ``key`` unless it is locked."""
    table = Throttle.__table__
    assert isinstance(table, Table)
    dialect = session.get_bind().dialect.name
    insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    reached = table.c.failures + 1 >= policy.max_failures
    until = now + policy.lock_for
    open_ = or_(table.c.locked_until.is_(None), table.c.locked_until <= now)
    statement = insert.values(
        key=key, failures=1 if policy.max_failures > 1 else 0,
        locked_until=None if policy.max_failures > 1 else until, updated_at=now,
    ).on_conflict_do_update(
        index_elements=[table.c.key],
        set_={
            "failures": case((reached, 0), else_=table.c.failures + 1),
            "locked_until": case((reached, until), else_=None),
            "updated_at": now,
        },
        where=open_,
    ).returning(table.c.locked_until)
    row = session.execute(statement).first()
    if row is None:  # locked already (by a parallel failure): not counted
        return Failure(False, locked_until(session, key, now) or until)
    return Failure(True, row[0] if row[0] is not None and row[0] > now else None)


def clear(session: Session, key: str, now: datetime) -> bool:
    """Forget the failures of an open key (a success). False when the key is locked."""
    session.execute(delete(Throttle).where(
        Throttle.key == key, or_(Throttle.locked_until.is_(None), Throttle.locked_until <= now)))
    return locked_until(session, key, now) is None


def unlock(session: Session, key: str) -> None:
    session.execute(delete(Throttle).where(Throttle.key == key))


def purge(session: Session, now: datetime, older_than: timedelta) -> None:
    """Drop rows untouched for a while whose lock ran out (keys of random names pile up)."""
    session.execute(delete(Throttle).where(
        Throttle.updated_at < now - older_than,
        or_(Throttle.locked_until.is_(None), Throttle.locked_until <= now)))
