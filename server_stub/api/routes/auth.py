"""Sign-in, token refresh and sign-out."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import select

from server_stub.core.errors import DomainError
from server_stub.deps import CurrentUser, NowDep, ReadSessionDep, SessionDep, SettingsDep
from server_stub.models import AuthToken, Counter, Hall
from server_stub.schemas.auth import Me, RefreshRequest, TokenPair, TokenRequest
from server_stub.schemas.common import problems
from server_stub.services import auth

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/token", response_model=TokenPair, responses=problems(400, 401, 413, 422, 423))
def sign_in(body: TokenRequest, request: Request, settings: SettingsDep, now: NowDep) -> dict:
    """Sign in with a password (hall staff also with their counter's credential)."""
    state = request.app.state
    user, counter = auth.authenticate(state.sessionmaker, state.read_sessionmaker, settings, now,
                                      body.username, body.password, body.hall, body.counter,
                                      body.counter_secret)
    with state.sessionmaker() as session:
        tokens = auth.issue_tokens(session, settings, now, user, counter)
        session.commit()
    return tokens


@router.post("/refresh", response_model=TokenPair, responses=problems(400, 401, 413, 422))
def refresh(body: RefreshRequest, session: SessionDep, settings: SettingsDep, now: NowDep) -> dict:
    """Swap a refresh token for a new pair; each refresh token works once."""
    try:
        tokens = auth.refresh(session, settings, now, body.refresh_token)
    except DomainError:
        session.commit()  # a reused token revokes its family, and that must stick
        raise
    session.commit()
    return tokens


@router.post("/logout", status_code=204, responses=problems(401))
def logout(user: CurrentUser, session: SessionDep) -> None:
    """Sign out everywhere: revoke every token of this user."""
    for t in session.scalars(select(AuthToken).where(AuthToken.user_id == user.user_id)):
        t.revoked = True
    session.commit()


@router.get("/me", response_model=Me, responses=problems(401))
def me(user: CurrentUser, session: ReadSessionDep) -> Me:
    hall = session.get(Hall, user.hall_id) if user.hall_id else None
    counter = session.get(Counter, user.counter_id) if user.counter_id else None
    return Me(username=user.username, name=user.name, role=user.role,
              hall=hall.code if hall else None, counter=counter.code if counter else None,
              department=user.department)
