"""People and sign-in: argon2 password hashes, lock-out after repeated failures, roles.

Role checks live here and in the other services, not only in the GUI: every service takes an
:class:`~hall_client.core.actor.Actor` and calls ``actor.require(role)`` before changing
anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from hall_client.core import audit, names
from hall_client.core.actor import ROLES, Actor
from hall_client.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    DomainError,
    InvalidInput,
    NotFound,
    Problem,
)
from hall_client.store.models import Person, PersonRole, utcnow

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 8
#: The person table keeps 64 characters (code points) of a name.
FULL_NAME_MAX_CHARS = 64
USERNAME_RE = re.compile(r"^[a-z][a-z0-9_.-]{1,31}$")

_hasher = PasswordHasher()


def count_people(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Person)) or 0


def actor_for(person: Person, counter: str) -> Actor:
    return Actor(
        username=person.username,
        full_name=person.full_name,
        roles=person.role_names,
        counter=counter,
        person_id=person.id,
    )


def _check_new_person(username: str, full_name: str, password: str, roles: Iterable[str]) -> None:
    problems = []
    if not USERNAME_RE.match(username):
        problems.append(Problem("username", "username_format",
                                "用户名须以小写字母开头，由 2–32 位小写字母、数字、_ . - 组成"))
    if not full_name.strip():
        problems.append(Problem("full_name", "full_name_required", "请填写姓名"))
    else:
        problems += names.problems_in(full_name, field="full_name", label="姓名",
                                      max_chars=FULL_NAME_MAX_CHARS)
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(Problem("password", "password_too_short",
                                f"密码至少 {MIN_PASSWORD_LENGTH} 位"))
    roles = list(roles)
    if not roles:
        problems.append(Problem("roles", "roles_required", "至少选择一个角色"))
    for r in roles:
        if r not in ROLES:
            problems.append(Problem("roles", "role_unknown", f"未知角色“{r}”，可选：{', '.join(ROLES)}"))
    if problems:
        raise InvalidInput(problems)


def add_person(
    session: Session,
    actor: Actor | None,
    *,
    username: str,
    full_name: str,
    password: str,
    roles: Iterable[str],
    counter: str = "-",
) -> Person:
    """Create a person. Only an admin may, except for the very first person (who must be an
    admin: the first-run set-up)."""
    roles = sorted(set(roles))
    _check_new_person(username, full_name, password, roles)
    first = count_people(session) == 0
    if first:
        if "admin" not in roles:
            raise DomainError("首个账号必须是系统管理员", code="first_person_must_be_admin")
    elif actor is None:
        raise DomainError("请先以管理员身份登录", code="admin_required")
    else:
        actor.require("admin")
    if session.scalar(select(Person).where(Person.username == username)) is not None:
        raise InvalidInput([Problem("username", "username_taken", f"用户名“{username}”已存在")])
    person = Person(username=username, full_name=full_name.strip(),
                    password_hash=_hasher.hash(password),
                    roles=[PersonRole(role=r) for r in roles])
    session.add(person)
    session.flush()
    by = actor if actor is not None else actor_for(person, counter)
    audit.record(session, by, role="admin", action="person.add", object_type="person",
                 object_id=person.id, after={"username": username, "full_name": full_name,
                                             "roles": roles})
    return person


def sign_in(sessions: sessionmaker[Session], username: str, password: str, counter: str) -> Actor:
    """Check a password; count failures and lock the account after too many.

    Runs its own transaction because a failed attempt must be committed (counted and audited)
    even though sign-in fails.
    """
    failure: DomainError | None = None
    with sessions.begin() as session:
        try:
            return _sign_in(session, username, password, counter)
        except (AuthenticationFailed, AccountLocked) as exc:
            failure = exc
    assert failure is not None
    raise failure


def _sign_in(session: Session, username: str, password: str, counter: str) -> Actor:
    person = session.scalar(select(Person).where(Person.username == username))
    now = utcnow()
    if person is None or not person.active:
        raise AuthenticationFailed("用户名或密码错误")
    who = actor_for(person, counter)
    if person.locked_until is not None and person.locked_until > now:
        minutes = int((person.locked_until - now).total_seconds() // 60) + 1
        raise AccountLocked(f"账号已锁定，请 {minutes} 分钟后再试，或请管理员解锁")
    try:
        _hasher.verify(person.password_hash, password)
    except (VerificationError, InvalidHashError):
        person.failed_attempts += 1
        after: dict[str, object] = {"failed_attempts": person.failed_attempts}
        if person.failed_attempts >= MAX_FAILURES:
            person.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            after["locked_until"] = person.locked_until.isoformat()
        audit.record(session, who, role="-", action="auth.sign_in_failed", object_type="person",
                     object_id=person.id, after=after)
        left = MAX_FAILURES - person.failed_attempts
        if left <= 0:
            raise AccountLocked(f"密码连续错误 {MAX_FAILURES} 次，账号已锁定 {LOCK_MINUTES} 分钟") from None
        raise AuthenticationFailed(f"用户名或密码错误（再错 {left} 次将锁定账号）") from None
    if _hasher.check_needs_rehash(person.password_hash):
        person.password_hash = _hasher.hash(password)
    before = {"failed_attempts": person.failed_attempts}
    person.failed_attempts = 0
    person.locked_until = None
    audit.record(session, who, role="-", action="auth.sign_in", object_type="person",
                 object_id=person.id, before=before, after={"failed_attempts": 0})
    return who


def unlock(session: Session, actor: Actor, username: str) -> None:
    role = actor.require("admin")
    person = session.scalar(select(Person).where(Person.username == username))
    if person is None:
        raise NotFound(f"没有用户“{username}”")
    before = {"failed_attempts": person.failed_attempts,
              "locked_until": person.locked_until.isoformat() if person.locked_until else None}
    person.failed_attempts = 0
    person.locked_until = None
    audit.record(session, actor, role=role, action="person.unlock", object_type="person",
                 object_id=person.id, before=before, after={"failed_attempts": 0})


def list_people(session: Session) -> list[Person]:
    return list(session.scalars(select(Person).order_by(Person.username)))


def _person(session: Session, username: str) -> Person:
    person = session.scalar(select(Person).where(Person.username == username))
    if person is None:
        raise NotFound(f"没有用户“{username}”")
    return person


def _other_active_admins(session: Session, person: Person) -> int:
    """How many active administrators there are besides ``person``."""
    return session.scalar(
        select(func.count()).select_from(Person).join(PersonRole)
        .where(PersonRole.role == "admin", Person.active.is_(True), Person.id != person.id)
    ) or 0


def check_new_password(password: str, repeat: str | None = None,
                       where: str = "password") -> list[Problem]:
    """The password rules (also checked in the dialogs before anything is sent)."""
    problems = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(Problem(where, "password_too_short", f"密码至少 {MIN_PASSWORD_LENGTH} 位"))
    if repeat is not None and password != repeat:
        problems.append(Problem("repeat", "password_mismatch", "两次输入的密码不一致"))
    return problems


def reset_password(session: Session, actor: Actor, username: str, password: str) -> None:
    """An administrator sets a new (temporary) password; a lock-out ends with it."""
    role = actor.require("admin")
    problems = check_new_password(password)
    if problems:
        raise InvalidInput(problems)
    person = _person(session, username)
    person.password_hash = _hasher.hash(password)
    before = {"failed_attempts": person.failed_attempts,
              "locked_until": person.locked_until.isoformat() if person.locked_until else None}
    person.failed_attempts = 0
    person.locked_until = None
    person.must_change_password = True  # a temporary password: the person sets their own
    audit.record(session, actor, role=role, action="person.password_reset", object_type="person",
                 object_id=person.id, before=before,
                 after={"failed_attempts": 0, "must_change_password": True})


def must_change_password(session: Session, actor: Actor) -> bool:
    """True after an administrator set a temporary password, until the person sets their own."""
    person = _person(session, actor.username)
    return bool(person.must_change_password)


def change_own_password(session: Session, actor: Actor, password: str) -> None:
    """The signed-in person replaces their (temporary) password."""
    problems = check_new_password(password)
    person = _person(session, actor.username)
    if not problems and _verifies(person.password_hash, password):
        problems.append(Problem("password", "password_unchanged", "新密码不能与临时密码相同"))
    if problems:
        raise InvalidInput(problems)
    person.password_hash = _hasher.hash(password)
    person.must_change_password = False
    audit.record(session, actor, role="-", action="person.password_change", object_type="person",
                 object_id=person.id, after={"must_change_password": False})


def _verifies(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def set_active(session: Session, actor: Actor, username: str, active: bool) -> None:
    """停用 or 启用 a person. A disabled person cannot sign in; the record and its history stay.

    Nobody disables themselves, and the last active administrator stays active.
    """
    role = actor.require("admin")
    person = _person(session, username)
    if person.active == active:
        return
    if not active:
        if person.id == actor.person_id or person.username == actor.username:
            raise DomainError("不能停用自己的账号", code="cannot_disable_self")
        if "admin" in person.role_names and _other_active_admins(session, person) == 0:
            raise DomainError("这是最后一个在用的系统管理员，不能停用", code="last_admin")
    person.active = active
    audit.record(session, actor, role=role,
                 action="person.enable" if active else "person.disable", object_type="person",
                 object_id=person.id, before={"active": not active}, after={"active": active})


def set_roles(session: Session, actor: Actor, username: str, roles: Iterable[str]) -> None:
    """Change a person's roles (at least one). Nobody removes the admin role from themselves,
    and the last active administrator keeps it."""
    role = actor.require("admin")
    wanted = sorted(set(roles))
    problems = []
    if not wanted:
        problems.append(Problem("roles", "roles_required", "至少选择一个角色"))
    for r in wanted:
        if r not in ROLES:
            problems.append(Problem("roles", "role_unknown", f"未知角色“{r}”，可选：{', '.join(ROLES)}"))
    person = _person(session, username)
    if "admin" in person.role_names and "admin" not in wanted:
        if person.id == actor.person_id or person.username == actor.username:
            problems.append(Problem("roles", "cannot_drop_own_admin",
                                    "不能取消自己的系统管理员角色"))
        elif person.active and _other_active_admins(session, person) == 0:
            problems.append(Problem("roles", "last_admin",
                                    "这是最后一个在用的系统管理员，须保留系统管理员角色"))
    if problems:
        raise InvalidInput(problems)
    before = sorted(person.role_names)
    if before == wanted:
        return
    keep = [r for r in person.roles if r.role in wanted]
    person.roles = keep + [PersonRole(role=r) for r in wanted if r not in person.role_names]
    audit.record(session, actor, role=role, action="person.roles", object_type="person",
                 object_id=person.id, before={"roles": before}, after={"roles": wanted})
