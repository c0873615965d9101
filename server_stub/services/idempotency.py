"""``Idempotency-Key`` semantics for writes from counters that retry everything.

The same key with the same request returns the stored answer (also after a crash of the
client between send and receive); the same key with a different request is refused (422);
a second copy arriving while the first is still being handled gets 409, so the client retries
later. The claim is committed before the work starts, and the answer is stored in the same
transaction as the work itself: either both happen or neither.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from fastapi.responses import JSONResponse
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from server_stub.core.errors import Conflict, DomainError
from server_stub.db import single_statements
from server_stub.models import IdempotencyRecord
from server_stub.services import numbers

Work = Callable[[Session], tuple[int, dict[str, Any]]]
#: Errors that depend on the moment, not on the request: not stored, a retry may succeed.
TRANSIENT = {409, 423, 429}


def fingerprint(method: str, path: str, body: Any) -> str:
    """Canonical hash of a request: the same JSON with other spacing or key order matches."""
    canonical = json.dumps([method, path, body], sort_keys=True, separators=(",", ":"),
                           ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def check_key(key: str) -> None:
    if not (1 <= len(key) <= 200) or not key.isascii() or not key.isprintable():
        raise DomainError("idempotency_key_invalid",
                          "Idempotency-Key 必须是 1–200 个可打印 ASCII 字符（建议用 UUID）",
                          status=400)


def run(
    make_session: sessionmaker[Session],
    scope: str,
    key: str | None,
    request_hash: str,
    now: datetime,
    stale_seconds: int,
    work: Work,
) -> JSONResponse:
    if key is None:
        with make_session() as session:
            status, body = work(session)
            session.commit()
        return JSONResponse(body, status_code=status)
    check_key(key)
    replay = _claim(make_session, scope, key, request_hash, now, stale_seconds)
    if replay is not None:
        status, body = replay
        return JSONResponse(body, status_code=status, headers={"Idempotent-Replayed": "true"})
    try:
        with make_session() as session:
            status, body = work(session)
            _finish(session, scope, key, status, body)
            session.commit()
    except DomainError as exc:
        with make_session() as session:
            if exc.status in TRANSIENT:
                _release(session, scope, key)
            else:
                _finish(session, scope, key, exc.status, exc.body())
            session.commit()
        raise
    except BaseException:
        with make_session() as session:
            _release(session, scope, key)
            session.commit()
        raise
    return JSONResponse(body, status_code=status)


def _claim(
    make_session: sessionmaker[Session], scope: str, key: str, request_hash: str,
    now: datetime, stale_seconds: int,
) -> tuple[int, dict[str, Any]] | None:
    """Take the key, or say what the earlier request with it came to.

    Every statement here stands alone (the claim is one INSERT, the take-over one guarded
    UPDATE), so on PostgreSQL they run without a transaction around them, on the connections
    that reserve case numbers, which do not wait for the disk at commit
    (``synchronous_commit = off``, see :func:`numbers.allocator`): the work's own commit,
    later and durable, flushes the log past the claim; a crash before it loses only a claim
    whose work was not done either, and the client's retry claims afresh. One disk flush
    fewer per write with an Idempotency-Key."""
    with _claim_session(make_session) as session:
        try:
            session.add(IdempotencyRecord(scope=scope, key=key, request_hash=request_hash,
                                          state="in_flight", created_at=now))
            session.commit()
            return None
        except IntegrityError:
            session.rollback()
        row = session.scalar(select(IdempotencyRecord).where(
            IdempotencyRecord.scope == scope, IdempotencyRecord.key == key))
        if row is None:  # released between our insert and our read: the caller may retry
            raise _in_flight()
        if row.request_hash != request_hash:
            raise DomainError(
                "idempotency_key_reused",
                "这个 Idempotency-Key 已用于另一个不同的请求；每个不同的请求必须使用新的键",
                status=422,
            )
        if row.state == "done":
            return row.status_code or 200, row.body or {}
        if row.created_at > now - timedelta(seconds=stale_seconds):
            raise _in_flight()
        # The first attempt died without an answer: take the claim over.
        taken = session.execute(
            update(IdempotencyRecord)
            .where(IdempotencyRecord.id == row.id, IdempotencyRecord.created_at == row.created_at,
                   IdempotencyRecord.state == "in_flight")
            .values(created_at=now)
        )
        session.commit()
        if taken.rowcount != 1:  # type: ignore[attr-defined]
            raise _in_flight()
        return None


def _claim_session(make_session: sessionmaker[Session]) -> Session:
    bind = make_session.kw.get("bind")
    if bind is not None and bind.dialect.name == "postgresql":
        return Session(numbers.allocator(bind), expire_on_commit=False)
    return single_statements(make_session())


def _in_flight() -> Conflict:
    return Conflict("idempotency_in_flight", "同一 Idempotency-Key 的请求正在处理，请稍后重试",
                    headers={"Retry-After": "1"})


def _finish(session: Session, scope: str, key: str, status: int, body: dict[str, Any]) -> None:
    session.execute(
        update(IdempotencyRecord)
        .where(IdempotencyRecord.scope == scope, IdempotencyRecord.key == key)
        .values(state="done", status_code=status, body=body)
    )


def _release(session: Session, scope: str, key: str) -> None:
    session.execute(delete(IdempotencyRecord).where(
        IdempotencyRecord.scope == scope, IdempotencyRecord.key == key))
