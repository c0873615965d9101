"""Request dependencies: database session, the clock, the calling principal and role checks."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from server_stub.core.config import Settings
from server_stub.core.errors import Forbidden, Unauthorized
from server_stub.db import single_statements
from server_stub.services.auth import HALL_ROLES, REVIEW_ROLES, Principal, principal_for

# Dependencies that do no I/O are ``async def``: FastAPI runs a plain ``def`` dependency in
# the thread pool, a hand-over to a worker thread and back for every one, every request.


@asynccontextmanager
async def _session(make: Any) -> AsyncIterator[Session]:
    """A session, made on the event loop (a session touches the database only at its first
    statement, in the endpoint's thread). Closing one still in a transaction rolls back (a
    round trip), so that is done in a worker thread; after a commit there is nothing to do."""
    session = make()
    try:
        yield session
    finally:
        if session.in_transaction():
            await anyio.to_thread.run_sync(session.close)
        else:
            session.close()


async def get_db(request: Request) -> AsyncIterator[Session]:
    async with _session(request.app.state.sessionmaker) as session:
        yield session


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_now(request: Request) -> datetime:
    now: datetime = request.app.state.clock()
    return now


async def get_read_db(request: Request) -> AsyncIterator[Session]:
    """A session for reading only (on SQLite it does not take the write lock)."""
    async with _session(request.app.state.read_sessionmaker) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]
ReadSessionDep = Annotated[Session, Depends(get_read_db)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
NowDep = Annotated[datetime, Depends(get_now)]

bearer = HTTPBearer(auto_error=False, description="访问令牌（POST /api/v1/auth/token 获得）")


def get_current_user(
    request: Request,
    now: NowDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("not_authenticated",
                           "需要登录：请在 Authorization 头中提供 Bearer 访问令牌")
    # A session of its own, closed at once: a dependency's session stays checked out until
    # the answer is sent, and two per request halve what the connection pool can serve.
    # One statement, so no transaction around it (on PostgreSQL).
    with request.app.state.read_sessionmaker() as session:
        return principal_for(single_statements(session), now, credentials.credentials)


CurrentUser = Annotated[Principal, Depends(get_current_user)]


def require(*roles: str) -> Callable[[Principal], Coroutine[Any, Any, Principal]]:
    """A dependency admitting only the given roles (403 for the others)."""
    allowed = frozenset(roles)

    async def check(user: CurrentUser) -> Principal:
        if user.role not in allowed:
            raise Forbidden("role_forbidden", f"角色 {user.role} 无权执行此操作")
        return user

    return check


AdminUser = Annotated[Principal, Depends(require("admin"))]
HallUser = Annotated[Principal, Depends(require(*HALL_ROLES))]
ClerkUser = Annotated[Principal, Depends(require("clerk"))]
SupervisorUser = Annotated[Principal, Depends(require("supervisor", "admin"))]
ReviewUser = Annotated[Principal, Depends(require(*REVIEW_ROLES))]


IdempotencyKey = Annotated[
    str | None,
    Header(alias="Idempotency-Key", max_length=200,
           description="客户端为每个写操作生成的唯一键（建议 UUID）；重试时原样重发"),
]
