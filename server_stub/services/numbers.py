"""Gap-free number sequences (case numbers) without holding a lock for a whole request.

A hall's case numbers come from one row of ``number_sequences``. Locking that row until the
creating transaction commits (pages of work later) made every case of the hall wait for the
one before it: under 50 counters on PostgreSQL, case creation p95 was 6.6 s.

PostgreSQL: the number is *reserved* by one autocommit statement on a connection of its own
(:func:`reserve`), so the sequence row is locked only for the inside of that statement, never
across Python code or the network. The reservation is a row of ``number_reservations``; the
case's transaction *claims* it (:func:`claim`, deletes the row) in the same commit as the case
that carries the number. A reservation belongs to the session that made it: when that
session's transaction ends without a commit (the work failed, or the COMMIT itself did), the
number is freed at once (:func:`release`, from a session event); a process that dies leaves it
to go stale (:data:`STALE`). The next reservation takes freed and stale numbers first, lowest
first, so no number is lost: the sequence stays gap-free, and a number freed by a failure is
used by the next case of the hall.

SQLite: one writer at a time anyway (the database lock), so the number is taken in the case's
own transaction (:func:`take_in_transaction`) and a rollback gives it back.
"""

from __future__ import annotations

import logging
import secrets
import threading
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server_stub.core.errors import Conflict
from server_stub.db import ping_when_idle
from server_stub.models import NumberSequence

log = logging.getLogger(__name__)

STALE = timedelta(minutes=5)
"""A reservation older than this belongs to a request that died: its number is used again.
Longer than any case-creating transaction can last (the pool and busy timeouts are 30 s)."""

FREED = datetime(1970, 1, 1, tzinfo=UTC)
"""``reserved_at`` of a reservation given back by a failed request: taken again at once."""

# One statement, run in autocommit: reuse the lowest freed or stale reservation (skipping any
# a running request holds), else advance the sequence (creating it on first use) and record
# the new number as reserved. The sequence row is locked only while this statement runs.
_RESERVE = text("""
WITH reused AS (
    UPDATE number_reservations AS r SET token = :token, reserved_at = :now
    FROM (SELECT name, value FROM number_reservations
          WHERE name = :name AND reserved_at < :stale_before
          ORDER BY value LIMIT 1 FOR UPDATE SKIP LOCKED) AS old
    WHERE r.name = old.name AND r.value = old.value
    RETURNING r.value
), advanced AS (
    INSERT INTO number_sequences (name, next_value)
    SELECT :name, 2 WHERE NOT EXISTS (SELECT 1 FROM reused)
    ON CONFLICT (name) DO UPDATE SET next_value = number_sequences.next_value + 1
    RETURNING next_value - 1 AS value
), kept AS (
    INSERT INTO number_reservations (name, value, token, reserved_at)
    SELECT :name, value, :token, :now FROM advanced
    RETURNING value
)
SELECT v.value, EXISTS (
    SELECT 1 FROM cases WHERE case_number = CAST(:prefix AS text) || CASE
        WHEN v.value < 1000000 THEN lpad(v.value::text, 6, '0') ELSE v.value::text END
) AS taken
FROM (SELECT value FROM reused UNION ALL SELECT value FROM kept) AS v
""")


@dataclass(frozen=True)
class Reservation:
    name: str
    value: int
    token: str
    #: A case already carries this number (see ``case_prefix`` of :func:`reserve`).
    taken: bool = False


def separate_transactions(session: Session) -> bool:
    """Are numbers reserved outside the caller's transaction (PostgreSQL) or inside (SQLite)?"""
    return session.get_bind().dialect.name == "postgresql"


def reserve(session: Session, name: str, now: datetime,
            case_prefix: str | None = None) -> Reservation:
    """Reserve the next number of ``name`` in a transaction of its own (committed on return).

    ``case_prefix``: the number is a case number, ``case_prefix`` followed by the value in six
    digits at least; the same statement tells whether a case already carries it
    (``Reservation.taken``: one round trip fewer than asking in the caller's transaction).

    Safe to call while ``session`` holds a connection: it uses a small pool of its own (4 kept,
    up to 8), whose connections are only ever held for this one statement, so a request never
    holds one pool's connection while waiting for the same pool.
    """
    token = secrets.token_hex(16)
    engine = session.get_bind()
    with allocator(engine).connect() as conn:
        value, taken = conn.execute(_RESERVE, {
            "name": name, "token": token, "now": now, "stale_before": now - STALE,
            "prefix": case_prefix}).one()
    reservation = Reservation(name, int(value), token, bool(taken))
    # Given back when the session's transaction ends without a commit (see _settle).
    session.info.setdefault(_HELD, []).append((engine, reservation))
    return reservation


def claim(session: Session, reservation: Reservation) -> None:
    """Make the number the caller's, in the caller's transaction (the case's commit).

    Fails (409, a retry succeeds) only when the reservation went stale and another request
    took the number; the unique index on case numbers would refuse the duplicate anyway.
    """
    done = session.execute(text(
        "DELETE FROM number_reservations WHERE name = :name AND value = :value "
        "AND token = :token"), {"name": reservation.name, "value": reservation.value,
                                "token": reservation.token})
    if done.rowcount != 1:  # type: ignore[attr-defined]
        raise Conflict("write_conflict", "编号预留已过期，请重试", headers={"Retry-After": "1"})


def release(session: Session, reservation: Reservation) -> None:
    """Give a number back after the caller's transaction rolled back: the next case takes it.
    (Done by itself when the session that reserved it ends its transaction without a
    commit; harmless twice, and a no-op for a number a committed case claimed.)"""
    _release(session.get_bind(), reservation)


_HELD = "hall_number_reservations"
"""``Session.info`` key: (engine, reservation) pairs the session's transaction has reserved."""


@event.listens_for(Session, "after_commit")
def _claimed(session: Session) -> None:
    # The outermost transaction committed (a savepoint's release fires this too): every
    # reservation it made was claimed in that commit.
    if not session.in_nested_transaction():
        session.info.pop(_HELD, None)


@event.listens_for(Session, "after_transaction_end")
def _settle(session: Session, transaction: Any) -> None:
    """The outermost transaction ended without a commit (a rollback, a failed COMMIT, a
    close): free its numbers now rather than after :data:`STALE`."""
    if transaction.parent is not None:
        return
    for engine, reservation in session.info.pop(_HELD, ()):
        try:
            _release(engine, reservation)
        except Exception:  # the database is gone: the reservation goes stale instead
            log.warning("could not free case number %s of %s; it is used again after %s",
                        reservation.value, reservation.name, STALE, exc_info=True)


def _release(engine: Engine | Any, reservation: Reservation) -> None:
    with allocator(engine).connect() as conn:
        conn.execute(text(
            "UPDATE number_reservations SET reserved_at = :freed "
            "WHERE name = :name AND value = :value AND token = :token"),
            {"freed": FREED, "name": reservation.name, "value": reservation.value,
             "token": reservation.token})


def take_in_transaction(session: Session, name: str) -> int:
    """Take the next value in the caller's transaction (SQLite; the row stays locked, which on
    SQLite costs nothing: the database lock already lets one writer through at a time)."""
    query = select(NumberSequence).where(NumberSequence.name == name).with_for_update()
    row = session.scalar(query)
    if row is None:
        try:
            with session.begin_nested():
                session.add(NumberSequence(name=name, next_value=1))
        except IntegrityError:
            pass
        row = session.scalar(query.execution_options(populate_existing=True))
        assert row is not None
    value = row.next_value
    row.next_value = value + 1
    return value


ALLOCATOR_POOL = 4
"""Connections the reservations' pool keeps (and how many more it opens at peaks)."""

_allocators: weakref.WeakKeyDictionary[Engine, Engine] = weakref.WeakKeyDictionary()
_allocators_lock = threading.Lock()


def allocator(engine: Engine | Any) -> Engine:
    """The autocommit engine reserving numbers (and claiming Idempotency-Keys, see
    :mod:`idempotency`) for ``engine``'s database, made on first use and disposed with it.
    Its statements stand alone and do not wait for the disk (see :func:`_no_commit_wait`)."""
    with _allocators_lock:
        found = _allocators.get(engine)
        if found is None:
            found = create_engine(engine.url, isolation_level="AUTOCOMMIT",
                                  pool_size=ALLOCATOR_POOL, max_overflow=ALLOCATOR_POOL)
            ping_when_idle(found)
            event.listen(found, "connect", _no_commit_wait)
            _allocators[engine] = found
            event.listen(engine, "engine_disposed", _dispose_allocator)
        return found


def _no_commit_wait(dbapi_conn: Any, _record: Any) -> None:
    """A reservation need not wait for its WAL flush (``synchronous_commit = off``): a case
    that uses the number commits later, durably, and so flushes the WAL up to and past the
    reservation. A crash can lose only reservations no committed case used; the sequence then
    hands those numbers out again, so still no gap and no duplicate. Saves one disk flush per
    case."""
    cur = dbapi_conn.cursor()
    cur.execute("SET synchronous_commit TO off")
    cur.close()
    dbapi_conn.commit()


def _dispose_allocator(engine: Engine) -> None:
    with _allocators_lock:
        found = _allocators.get(engine)
    if found is not None:
        found.dispose()
