"""Engine and session setup, and schema migration at start-up (Alembic)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str, *, readonly: bool = False, pool_size: int = 10,
                max_overflow: int = 10, **kwargs: Any) -> Engine:
    """An engine; SQLite gets WAL, foreign keys and a busy timeout so counters can share it.

    On SQLite every writing transaction starts with BEGIN IMMEDIATE (no lock upgrades that
    deadlock); a ``readonly`` engine starts deferred transactions, which in WAL mode neither
    wait for writers nor hold them up. Use it only for sessions that never write.
    """
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            # The driver's own transaction handling is off, so BEGIN IMMEDIATE below really
            # takes the write lock up front (no lock upgrades that deadlock).
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        if readonly:

            @event.listens_for(engine, "begin")
            def _begin_read(conn: Any) -> None:
                conn.exec_driver_sql("BEGIN")

            return engine
        # Writers queue on a lock in the process rather than in SQLite's busy handler, which
        # sleeps and retries and so gives long tails under load. The lock is taken before
        # BEGIN IMMEDIATE and given back when the transaction ends (or, as a safety net, when
        # the connection goes back to the pool); waiting is bounded like the busy timeout.
        writer = threading.Lock()

        def _release(info: dict[str, Any]) -> None:
            if info.pop("hall_writer", False):
                writer.release()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            if not writer.acquire(timeout=30):
                raise TimeoutError("database is busy: no write slot within 30 s")
            conn.info["hall_writer"] = True
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            except BaseException:
                _release(conn.info)
                raise

        @event.listens_for(engine, "commit")
        def _commit(conn: Any) -> None:
            conn.exec_driver_sql("COMMIT")
            _release(conn.info)

        @event.listens_for(engine, "rollback")
        def _rollback(conn: Any) -> None:
            _release(conn.info)

        @event.listens_for(engine, "checkin")
        def _checkin(dbapi_conn: Any, record: Any) -> None:
            _release(record.info)

        return engine
    engine = create_engine(url, pool_size=pool_size, max_overflow=max_overflow, **kwargs)
    ping_when_idle(engine)
    return engine


PING_AFTER_IDLE = 10.0
"""Seconds a pooled connection may rest before its next use starts with a ping."""


def ping_when_idle(engine: Engine) -> None:
    """Test a pooled connection before use when it rested longer than
    :data:`PING_AFTER_IDLE` seconds.

    SQLAlchemy's ``pool_pre_ping`` pings at every checkout: a round trip to the database for
    each of the three or four sessions a request opens, half of them under load. A connection
    that was in use a moment ago is alive; one that rested may have been cut (a database
    restart, a firewall's idle timeout) and is replaced here before a request sees it. A
    connection cut while in use fails its statement as before; SQLAlchemy then discards it
    and every connection of the pool older than the failure.
    """

    @event.listens_for(engine, "checkin")
    def _rested_from(_dbapi_conn: Any, record: Any) -> None:
        record.info["hall_checked_in"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_rested(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("hall_checked_in")
        if since is None or time.monotonic() - since <= PING_AFTER_IDLE:
            return  # new (just connected) or used a moment ago
        try:
            engine.dialect.do_ping(dbapi_conn)
        except engine.dialect.loaded_dbapi.Error as exc:
            # The pool drops this connection and hands out another (a new one if need be).
            raise DisconnectionError("pooled connection was cut while idle") from exc


def single_statements(session: Session) -> Session:
    """On PostgreSQL, run ``session``'s statements in autocommit: each commits by itself, with
    no BEGIN and COMMIT around it (two round trips fewer). For a session that runs one
    statement, or statements each complete on their own (a lookup, a claim by INSERT); call it
    before the session's first statement. SQLite keeps its transactions (no round trips)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    return session


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def startup_lock(engine: Engine) -> Iterator[None]:
    """Several server processes starting at once on one PostgreSQL migrate and seed one at a
    time (a session advisory lock); the others then find the work done. SQLite serves one
    machine, where BEGIN IMMEDIATE already serialises the migration."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": STARTUP_LOCK_KEY})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": STARTUP_LOCK_KEY})
            conn.commit()


STARTUP_LOCK_KEY = 0x48414C4C  # "HALL"


def protect_database_file(url: str) -> None:
    """The SQLite file holds applicants' data: readable by the server's user only (SQLite
    gives its -wal and -shm files the same mode)."""
    if not url.startswith("sqlite:///"):
        return
    path = Path(url.removeprefix("sqlite:///"))
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if candidate.exists():
            candidate.chmod(0o600)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (idempotent; run at every start)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
