"""Halls, counters and staff; sign-in with lock-out; access and rotating refresh tokens."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server_stub.core import security
from server_stub.core.config import Settings
from server_stub.core.errors import Conflict, DomainError, NotFound, Unauthorized
from server_stub.core.security import (
    hash_password,
    new_token,
    token_digest,
    verify_password,
)
from server_stub.models import AuthToken, Counter, Hall, User
from server_stub.services import throttle

HALL_ROLES = frozenset({"clerk", "cashier", "supervisor"})
SERVER_ROLES = frozenset({"reviewer", "deputy", "chief", "admin"})
REVIEW_ROLES = frozenset({"reviewer", "deputy", "chief"})
ROLES = HALL_ROLES | SERVER_ROLES


@dataclass(frozen=True)
class Principal:
    """Who is calling: the user, their role, and for hall staff the hall and counter."""

    user_id: uuid.UUID
    username: str
    name: str
    role: str
    hall_id: uuid.UUID | None
    counter_id: uuid.UUID | None
    department: str | None
    #: The sign-in (token family) this request runs under; the review pages derive their
    #: CSRF token from it.
    family: uuid.UUID | None = None

    @property
    def scope(self) -> str:
        """The namespace of Idempotency-Keys: a hall's counters share one, others their own."""
        return f"hall:{self.hall_id}" if self.hall_id else f"user:{self.user_id}"


def insert_unique(session: Session, row: object) -> bool:
    """Insert a row whose unique key may already be taken, perhaps by a request running in
    parallel. False (and nothing inserted) when it is taken: the caller answers 409.

    Checking first and inserting after is a race on PostgreSQL (both requests see nothing,
    one insert fails with IntegrityError); the savepoint lets the loser carry on instead.
    """
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        return False
    return True


def register_hall(session: Session, code: str, name: str, now: datetime) -> Hall:
    # Case numbers are the code upper-cased, so "h2" and "H2" would share numbers: the
    # upper-cased code_key is unique, which also holds when two admins register at once.
    hall = Hall(code=code, code_key=code.upper(), name=name, created_at=now)
    if not insert_unique(session, hall):
        raise Conflict("hall_exists", f"大厅编码 {code} 已存在（大小写不同也算同一编码）")
    return hall


def register_counter(
    session: Session, hall: Hall, code: str, name: str, secret: str, now: datetime,
    secret_hash: str | None = None,
) -> Counter:
    """``secret_hash`` lets the caller hash before its write transaction (argon2 is slow)."""
    counter = Counter(hall_id=hall.id, code=code, name=name,
                      secret_hash=secret_hash or hash_password(secret), created_at=now)
    if not insert_unique(session, counter):
        raise Conflict("counter_exists", f"窗口编码 {code} 在大厅 {hall.code} 已存在")
    return counter


def create_user(
    session: Session,
    *,
    username: str,
    name: str,
    password: str,
    role: str,
    now: datetime,
    hall: Hall | None = None,
    department: str | None = None,
    phone: str | None = None,
    password_hash: str | None = None,
) -> User:
    if role not in ROLES:
        raise DomainError("role_unknown", f"角色 {role} 不存在；可用：{', '.join(sorted(ROLES))}")
    if (role in HALL_ROLES) != (hall is not None):
        raise DomainError("role_scope", f"角色 {role} " + (
            "属于大厅，必须指定大厅" if role in HALL_ROLES else "属于中心服务器，不能指定大厅"))
    user = User(username=username, name=name,
                password_hash=password_hash or hash_password(password), role=role,
                hall_id=hall.id if hall else None, department=department, phone=phone,
                created_at=now)
    if not insert_unique(session, user):
        raise Conflict("user_exists", f"用户名 {username} 已存在")
    return user


def _bad_credentials() -> Unauthorized:
    return Unauthorized("bad_credentials", "用户名或密码错误")


def _locked(until: datetime) -> DomainError:
    return DomainError(
        "account_locked",
        f"连续登录失败次数过多，账户已锁定至 {until.isoformat()}，请稍后再试或联系管理员",
        status=423,
    )


def sign_in_key(username: str) -> str:
    """The throttle key of a user name; unknown names are counted and locked alike, so the
    answers do not tell which accounts exist."""
    return f"sign-in:{username}"


def _policy(settings: Settings) -> throttle.Policy:
    return throttle.Policy(settings.max_failed_logins,
                           timedelta(minutes=settings.lockout_minutes))


@dataclass(frozen=True)
class _Candidate:
    user_id: uuid.UUID | None
    password_hash: str
    role: str
    hall_id: uuid.UUID | None
    counter_id: uuid.UUID | None
    counter_hash: str | None
    counter_hall_id: uuid.UUID | None


def _candidate(session: Session, username: str, hall_code: str | None,
               counter_code: str | None) -> _Candidate:
    user = session.scalar(select(User).where(User.username == username))
    counter = None
    if hall_code and counter_code:
        counter = session.scalar(
            select(Counter).join(Hall, Hall.id == Counter.hall_id)
            .where(Hall.code == hall_code, Counter.code == counter_code,
                   Counter.active.is_(True)))
    if user is None or not user.active:
        return _Candidate(None, security.DUMMY_HASH, "", None, None, None, None)
    return _Candidate(user.id, user.password_hash, user.role, user.hall_id,
                      counter.id if counter else None, counter.secret_hash if counter else None,
                      counter.hall_id if counter else None)


def authenticate(
    make_session: Callable[[], Session],
    make_read_session: Callable[[], Session],
    settings: Settings,
    now: datetime,
    username: str,
    password: str,
    hall_code: str | None = None,
    counter_code: str | None = None,
    counter_secret: str | None = None,
) -> tuple[User, Counter | None]:
    """Check a password (and, for hall staff, the counter's credential) with lock-out.

    Three short steps, so that the slow argon2 check never runs inside a write transaction
    (on SQLite that would hold every writer up): read the account, verify the password with
    no transaction open, then count the failure or clear the count atomically. A locked
    account costs the same hashing time as any other answer. Known and unknown names are
    counted and locked alike.
    """
    key = sign_in_key(username)
    with make_read_session() as session:
        until = throttle.locked_until(session, key, now)
        found = _candidate(session, username, hall_code, counter_code)
        session.commit()
    if until is not None:
        verify_password(security.DUMMY_HASH, password)
        raise _locked(until)
    ok = verify_password(found.password_hash, password) and found.user_id is not None
    with make_session() as session:
        if not ok:
            failure = throttle.fail(session, key, now, _policy(settings))
            throttle.purge(session, now, timedelta(days=1))
            session.commit()
            # The failure that sets the lock still answers 401 like those before it; the
            # lock shows from the next try on. One that came after the lock is not counted.
            if not failure.counted and failure.locked_until is not None:
                raise _locked(failure.locked_until)
            raise _bad_credentials()
        if not throttle.clear(session, key, now):
            session.commit()
            raise _locked(throttle.locked_until(session, key, now) or now)
        session.commit()
    counter_ok = None
    if found.role in HALL_ROLES:
        if not (hall_code and counter_code and counter_secret):
            raise Unauthorized("counter_required",
                               "大厅人员须在已登记的窗口登录："
                               "请提供 hall、counter 和 counter_secret")
        counter_ok = (found.counter_hash is not None and found.counter_hall_id == found.hall_id
                      and verify_password(found.counter_hash, counter_secret))
        if not counter_ok:
            raise Unauthorized("bad_counter", "窗口凭据无效，或该窗口不属于此用户所在大厅")
    with make_read_session() as session:
        user = session.get(User, found.user_id)
        counter = session.get(Counter, found.counter_id) if counter_ok else None
        session.expunge_all()
    if user is None or not user.active:
        raise _bad_credentials()
    return user, counter


def issue_tokens(
    session: Session, settings: Settings, now: datetime, user: User, counter: Counter | None,
    family: uuid.UUID | None = None, parent: str | None = None,
) -> dict[str, object]:
    """A new access and refresh token; ``parent`` is the refresh token they replace."""
    access, refresh = new_token(), new_token()
    family = family or uuid.uuid4()
    access_exp = now + timedelta(minutes=settings.access_token_minutes)
    refresh_exp = now + timedelta(days=settings.refresh_token_days)
    counter_id = counter.id if counter else None
    session.add(AuthToken(digest=token_digest(access), kind="access", user_id=user.id,
                          counter_id=counter_id, family=family, expires_at=access_exp,
                          parent=parent))
    session.add(AuthToken(digest=token_digest(refresh), kind="refresh", user_id=user.id,
                          counter_id=counter_id, family=family, expires_at=refresh_exp,
                          parent=parent))
    # Drop this user's expired tokens so the table does not grow without end.
    session.execute(delete(AuthToken).where(AuthToken.user_id == user.id,
                                            AuthToken.expires_at < now))
    return {
        "access_token": access,
        "refresh_token": refresh,
        "token_type": "bearer",
        "expires_in": settings.access_token_minutes * 60,
        "refresh_expires_in": settings.refresh_token_days * 86400,
        "role": user.role,
        "user": user.username,
        "name": user.name,
    }


#: A spent refresh token sent again this soon after its swap is a retry whose answer was lost.
REFRESH_LEEWAY = timedelta(seconds=60)


def _refresh_row(session: Session, now: datetime, token: str) -> AuthToken:
    """The refresh token's row, locked: parallel swaps of one token take turns."""
    row = session.scalar(select(AuthToken).where(AuthToken.digest == token_digest(token))
                         .with_for_update())
    if row is None or row.kind != "refresh" or row.expires_at <= now:
        raise Unauthorized("refresh_invalid", "刷新令牌无效或已过期，请重新登录")
    return row


def _children(session: Session, row: AuthToken) -> list[AuthToken]:
    return list(session.scalars(select(AuthToken).where(AuthToken.parent == row.digest)))


def _retry_window(now: datetime, row: AuthToken, children: list[AuthToken]) -> bool:
    """Was ``row`` *spent* (swapped, not killed) within the leeway, and is no refresh token
    issued for it used yet? Then the client may simply not have got the answer."""
    return (row.used_at is not None and now - row.used_at <= REFRESH_LEEWAY
            and all(c.used_at is None for c in children if c.kind == "refresh"))


def _reused(session: Session, row: AuthToken) -> Unauthorized:
    for t in session.scalars(select(AuthToken).where(AuthToken.family == row.family)):
        t.revoked = True
    return Unauthorized("refresh_reused",
                        "刷新令牌已被使用过，为安全起见本次登录已全部作废，请重新登录")


def refresh(session: Session, settings: Settings, now: datetime, token: str) -> dict[str, object]:
    """Swap a refresh token for new tokens (each works once).

    Reusing a spent one revokes the whole sign-in, except right after its swap while no token
    issued for it has been used: that is a client retrying because the answer got lost. The
    retry gets a new pair and the pair it never received is killed; a killed token is never
    good again (presenting it is reuse), and the leeway runs from the first swap only.
    """
    row = _refresh_row(session, now, token)
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        raise Unauthorized("refresh_invalid", "刷新令牌无效或已过期，请重新登录")
    if row.revoked:
        children = _children(session, row)
        if not _retry_window(now, row, children):
            raise _reused(session, row)
        for child in children:
            child.revoked = True  # killed: the answer carrying it was lost
    else:
        row.revoked = True
        row.used_at = now
    counter = session.get(Counter, row.counter_id) if row.counter_id else None
    return issue_tokens(session, settings, now, user, counter, family=row.family,
                        parent=row.digest)


def refresh_for_page(
    session: Session, settings: Settings, now: datetime, token: str
) -> tuple[Principal, dict[str, object] | None]:
    """The review pages' refresh: several tabs whose access cookie expired refresh with the
    same token at once. The first swaps it; the others, arriving within the leeway while the
    new pair is unused, are let through as the same user without a new pair, so the cookie
    the first answer set stays good (killing it would sign the user out everywhere)."""
    row = _refresh_row(session, now, token)
    if row.revoked and _retry_window(now, row, _children(session, row)):
        user = session.get(User, row.user_id)
        if user is None or not user.active:
            raise Unauthorized("refresh_invalid", "刷新令牌无效或已过期，请重新登录")
        return _principal(user, row), None
    tokens = refresh(session, settings, now, token)
    return principal_for(session, now, str(tokens["access_token"])), tokens


def _principal(user: User, row: AuthToken) -> Principal:
    return Principal(user.id, user.username, user.name, user.role, user.hall_id, row.counter_id,
                     user.department, row.family)


_PRINCIPAL = select(
    AuthToken.kind, AuthToken.revoked, AuthToken.expires_at, AuthToken.counter_id,
    AuthToken.family, User.active, User.id, User.username, User.name, User.role, User.hall_id,
    User.department,
).join(User, User.id == AuthToken.user_id)


def principal_for(session: Session, now: datetime, token: str) -> Principal:
    """Who sends ``token``: the token and its user in one query (every request asks), as
    plain columns (no objects built and tracked for a row that is only read)."""
    row = session.execute(_PRINCIPAL.where(AuthToken.digest == token_digest(token))).first()
    if row is None:
        raise _token_invalid()
    kind, revoked, expires_at, counter_id, family, active, *who = row
    if kind != "access" or revoked or expires_at <= now or not active:
        raise _token_invalid()
    user_id, username, name, role, hall_id, department = who
    return Principal(user_id, username, name, role, hall_id, counter_id, department, family)


def _token_invalid() -> Unauthorized:
    return Unauthorized("token_invalid", "访问令牌无效或已过期，请刷新令牌或重新登录")


def sign_out(session: Session, token: str) -> None:
    row = session.get(AuthToken, token_digest(token))
    if row is not None:
        for t in session.scalars(select(AuthToken).where(AuthToken.family == row.family)):
            t.revoked = True


def hall_by_code(session: Session, code: str) -> Hall:
    hall = session.scalar(select(Hall).where(Hall.code == code))
    if hall is None:
        raise NotFound("hall_not_found", f"大厅 {code} 不存在")
    return hall
