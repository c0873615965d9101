"""Readying a server process before it takes requests.

A fresh process pays, in its first requests, for what later requests find ready: the web
framework's models of each router's requests and answers (built at the first request the
router gets), connections to the database (the pool's and, on PostgreSQL, those that reserve
case numbers), SQLAlchemy's compiled statements, the holiday calendar, catalog item versions,
hall and counter codes. When every counter of a hall creates its first case at the same
instant (the hall opens, or the server was restarted), up to ``threads`` requests of each
process pay for them at once. Measured 30 November 2026 on PostgreSQL, 2 processes, 50
counters: the first wave of creations took 697 ms at p95 on fresh processes, 437 ms on
processes that had made cases before.

So each process does that work once at start, before it listens: it builds the API
description (which builds every route), opens its connections, fills its caches, and makes a
case in a transaction that is rolled back (under a number the client chose, so no case number
is taken; nothing is kept, and nothing is audited because nothing changed). A failure here is
logged and costs only the speed of the first requests.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.config import Settings
from server_stub.core.errors import DomainError
from server_stub.models import CatalogItem, Counter, Hall, IdempotencyRecord, User
from server_stub.schemas.case import CaseCreate
from server_stub.services import calendar, cases, catalog, idempotency, numbers
from server_stub.services.auth import Principal, principal_for
from server_stub.services.kv import get_settings

log = logging.getLogger(__name__)

CODES_MAX = 5000
"""Halls and counters whose codes are read ahead (a larger server reads the rest as asked)."""


def warm(app: Any) -> None:
    """Ready ``app``'s process for its first requests (see the module's description)."""
    try:
        # The web framework builds its routes' request and answer models at the first
        # request each router gets (about 130 ms of one core for the case routes); making
        # the API description builds them all, and keeps the description for its page.
        app.openapi()
        _connections(app)
        with app.state.sessionmaker() as session:
            _caches(session, app.state.clock())
        _token_lookup(app, app.state.clock())
        with app.state.sessionmaker() as session:
            try:
                _creation(session, app.state.settings, app.state.clock())
            finally:
                session.rollback()
    except Exception:
        log.warning("warming the process up failed; its first requests pay for it",
                    exc_info=True)


def _connections(app: Any) -> None:
    """Open as many connections as requests can run at once, and keep them in the pools."""
    settings: Settings = app.state.settings
    engine = app.state.engine
    engines = {engine: settings.threads, app.state.read_engine: settings.threads}
    if engine.dialect.name == "postgresql":
        engines[numbers.allocator(engine)] = numbers.ALLOCATOR_POOL
    for target, count in engines.items():
        size = getattr(target.pool, "size", None)
        held = []
        try:
            for _ in range(min(count, size()) if callable(size) else 1):
                held.append(target.connect())
        finally:
            for conn in held:
                conn.close()


def _caches(session: Session, now: datetime) -> None:
    revisions = get_settings(session, catalog.REVISION_KEY, calendar.REVISION_KEY)
    calendar.load_calendar(session, int(revisions[calendar.REVISION_KEY] or 0))
    for code in session.scalars(select(CatalogItem.code).distinct()):
        catalog.cached_item_version(session, code, None,
                                    int(revisions[catalog.REVISION_KEY] or 0))
    for model in (Hall, Counter):
        for row_id in session.scalars(select(model.id).limit(CODES_MAX)):
            cases.code_of(session, model, row_id)


def _token_lookup(app: Any, now: datetime) -> None:
    """The query every request starts with, on the engine it runs on."""
    with app.state.read_sessionmaker() as session, contextlib.suppress(DomainError):
        principal_for(session, now, "warm-up")


def _creation(session: Session, settings: Settings, now: datetime) -> None:
    """A case made and its answer stored as a request would, in ``session``'s transaction
    (the caller rolls it back)."""
    found = session.execute(
        select(User, Counter).join(Counter, Counter.hall_id == User.hall_id)
        .where(User.role == "clerk", User.active.is_(True)).limit(1)).first()
    item = session.scalar(select(CatalogItem.code).limit(1))
    if found is None or item is None:
        return  # a new server: nothing to make a case with yet
    user, counter = found
    principal = Principal(user.id, user.username, user.name, user.role, user.hall_id,
                          counter.id, user.department)
    key = f"warmup-{uuid.uuid4().hex[:24]}"
    session.add(IdempotencyRecord(scope=principal.scope, key=key, request_hash="warm-up",
                                  state="in_flight", created_at=now))
    session.flush()
    body = CaseCreate.model_validate({
        "id": str(uuid.uuid4()), "item_code": item, "project_name": "warm-up",
        "case_number": key, "applicant": {"name": "warm-up", "phone": "00000000000"}})
    status, answer = cases.create_case(session, settings, principal, body, now)
    idempotency._finish(session, principal.scope, key, status, answer)
    session.flush()
