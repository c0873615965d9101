"""Halls, counters and staff; sign-in with lock-out; access and rotating refresh tokens."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
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

    @property
    def scope(self) -> str:
        """The namespace of Idempotency-Keys: a hall's counters share one, others their own."""
        return f"hall:{self.hall_id}" if self.hall_id else f"user:{self.user_id}"


def register_hall(session: Session, code: str, name: str, now: datetime) -> Hall:
    # Case numbers are the code upper-cased, so "h2" and "H2" would share numbers.
    if session.scalar(select(Hall).where(func.upper(Hall.code) == code.upper())):
        raise Conflict("hall_exists", f"大厅编码 {code} 已存在（大小写不同也算同一编码）")
    hall = Hall(code=code, name=name, created_at=now)
    session.add(hall)
    session.flush()
    return hall


def register_counter(
    session: Session, hall: Hall, code: str, name: str, secret: str, now: datetime
) -> Counter:
    if session.scalar(select(Counter).where(Counter.hall_id == hall.id, Counter.code == code)):
        raise Conflict("counter_exists", f"窗口编码 {code} 在大厅 {hall.code} 已存在")
    counter = Counter(hall_id=hall.id, code=code, name=name,
                      secret_hash=hash_password(secret), created_at=now)
    session.add(counter)
    session.flush()
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
    if session.scalar(select(User).where(User.username == username)):
        raise Conflict("user_exists", f"用户名 {username} 已存在")
    user = User(username=username, name=name,
                password_hash=password_hash or hash_password(password), role=role,
                hall_id=hall.id if hall else None, department=department, phone=phone,
                created_at=now)
    session.add(user)
    session.flush()
    return user


def _bad_credentials() -> Unauthorized:
    return Unauthorized("bad_credentials", "用户名或密码错误")


def authenticate(
    session: Session,
    settings: Settings,
    now: datetime,
    username: str,
    password: str,
    hall_code: str | None = None,
    counter_code: str | None = None,
    counter_secret: str | None = None,
) -> tuple[User, Counter | None]:
    """Check a password (and, for hall staff, the counter's credential) with lock-out.

    Failures are counted and committed by the caller even though the sign-in fails.
    """
    user = session.scalar(select(User).where(User.username == username))
    if user is None or not user.active:
        verify_password(security.DUMMY_HASH, password)
        raise _bad_credentials()
    if user.locked_until and user.locked_until > now:
        raise DomainError(
            "account_locked",
            f"连续登录失败次数过多，账户已锁定至 {user.locked_until.isoformat()}，"
            "请稍后再试或联系管理员",
            status=423,
        )
    if not verify_password(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= settings.max_failed_logins:
            user.locked_until = now + timedelta(minutes=settings.lockout_minutes)
            user.failed_logins = 0
        raise _bad_credentials()
    user.failed_logins = 0
    user.locked_until = None
    counter = None
    if user.role in HALL_ROLES:
        if not (hall_code and counter_code and counter_secret):
            raise Unauthorized("counter_required",
                               "大厅人员须在已登记的窗口登录："
                               "请提供 hall、counter 和 counter_secret")
        hall = session.scalar(select(Hall).where(Hall.code == hall_code))
        counter = None if hall is None else session.scalar(
            select(Counter).where(Counter.hall_id == hall.id, Counter.code == counter_code))
        if (
            not hall or not counter or not counter.active or hall.id != user.hall_id
            or not verify_password(counter.secret_hash, counter_secret)
        ):
            raise Unauthorized("bad_counter", "窗口凭据无效，或该窗口不属于此用户所在大厅")
    return user, counter


def issue_tokens(
    session: Session, settings: Settings, now: datetime, user: User, counter: Counter | None,
    family: uuid.UUID | None = None,
) -> dict[str, object]:
    access, refresh = new_token(), new_token()
    family = family or uuid.uuid4()
    access_exp = now + timedelta(minutes=settings.access_token_minutes)
    refresh_exp = now + timedelta(days=settings.refresh_token_days)
    counter_id = counter.id if counter else None
    session.add(AuthToken(digest=token_digest(access), kind="access", user_id=user.id,
                          counter_id=counter_id, family=family, expires_at=access_exp))
    session.add(AuthToken(digest=token_digest(refresh), kind="refresh", user_id=user.id,
                          counter_id=counter_id, family=family, expires_at=refresh_exp))
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


def _lost_answer_retry(session: Session, settings: Settings, now: datetime,
                       row: AuthToken) -> bool:
    """Is ``row`` the token swapped last in its family, within the leeway, with its
    successor not used yet? Then the client never got the successor: give it a new pair."""
    chain = list(session.scalars(
        select(AuthToken).where(AuthToken.family == row.family, AuthToken.kind == "refresh")
        .order_by(AuthToken.expires_at.desc(), AuthToken.revoked.asc()).limit(2)))
    if len(chain) != 2 or chain[1].digest != row.digest or chain[0].revoked:
        return False
    issued = chain[0].expires_at - timedelta(days=settings.refresh_token_days)
    if issued < now - REFRESH_LEEWAY:
        return False
    chain[0].revoked = True
    return True


def refresh(session: Session, settings: Settings, now: datetime, token: str) -> dict[str, object]:
    """Swap a refresh token for new tokens (each works once).

    Reusing a spent one revokes the whole sign-in, except right after its swap when the
    successor is still unused: that is a client retrying because the answer got lost.
    """
    row = session.get(AuthToken, token_digest(token))
    if row is None or row.kind != "refresh" or row.expires_at <= now:
        raise Unauthorized("refresh_invalid", "刷新令牌无效或已过期，请重新登录")
    if row.revoked and not _lost_answer_retry(session, settings, now, row):
        for t in session.scalars(select(AuthToken).where(AuthToken.family == row.family)):
            t.revoked = True
        raise Unauthorized("refresh_reused",
                           "刷新令牌已被使用过，为安全起见本次登录已全部作废，请重新登录")
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        raise Unauthorized("refresh_invalid", "刷新令牌无效或已过期，请重新登录")
    row.revoked = True
    counter = session.get(Counter, row.counter_id) if row.counter_id else None
    return issue_tokens(session, settings, now, user, counter, family=row.family)


def principal_for(session: Session, now: datetime, token: str) -> Principal:
    row = session.get(AuthToken, token_digest(token))
    if row is None or row.kind != "access" or row.revoked or row.expires_at <= now:
        raise Unauthorized("token_invalid", "访问令牌无效或已过期，请刷新令牌或重新登录")
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        raise Unauthorized("token_invalid", "访问令牌无效或已过期，请刷新令牌或重新登录")
    return Principal(user.id, user.username, user.name, user.role, user.hall_id, row.counter_id,
                     user.department)


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
