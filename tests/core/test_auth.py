"""Sign-in, roles and lock-out."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hall_client.core import auth
from hall_client.core.actor import Actor
from hall_client.core.counter import DEMO_PASSWORD, Counter
from hall_client.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    DomainError,
    InvalidInput,
    PermissionDenied,
)
from hall_client.store.models import AuditEntry, Person


def test_first_person_must_be_admin(counter: Counter) -> None:
    with pytest.raises(DomainError) as exc, counter.store.transaction() as s:
        auth.add_person(s, None, username="clerk1", full_name="甲", password="longenough",
                        roles=["clerk"])
    assert exc.value.code == "first_person_must_be_admin"


def test_first_admin_then_only_admins_add(counter: Counter) -> None:
    with counter.store.transaction() as s:
        auth.add_person(s, None, username="boss", full_name="管理员", password="longenough",
                        roles=["admin"])
    clerk = auth.sign_in(counter.store.sessions, "boss", "longenough", "W01")
    assert "admin" in clerk.roles
    with counter.store.transaction() as s:
        auth.add_person(s, clerk, username="wang", full_name="王", password="longenough",
                        roles=["clerk"])
    wang = auth.sign_in(counter.store.sessions, "wang", "longenough", "W01")
    with pytest.raises(PermissionDenied), counter.store.transaction() as s:
        auth.add_person(s, wang, username="li", full_name="李", password="longenough",
                        roles=["clerk"])


def test_password_is_hashed_with_argon2(demo_counter: Counter) -> None:
    with demo_counter.store.transaction() as s:
        person = s.scalar(select(Person).where(Person.username == "wangjing"))
        assert person is not None
        assert person.password_hash.startswith("$argon2")
        assert DEMO_PASSWORD not in person.password_hash


def test_bad_new_person_lists_every_problem(counter: Counter) -> None:
    with pytest.raises(InvalidInput) as exc, counter.store.transaction() as s:
        auth.add_person(s, None, username="X!", full_name=" ", password="short", roles=["pilot"])
    rules = {p.rule for p in exc.value.problems}
    assert rules == {"username_format", "full_name_required", "password_too_short", "role_unknown"}


def test_lock_out_after_five_failures(demo_counter: Counter) -> None:
    sessions = demo_counter.store.sessions
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            auth.sign_in(sessions, "wangjing", "wrong-password", "W01")
    with pytest.raises(AccountLocked):
        auth.sign_in(sessions, "wangjing", "wrong-password", "W01")
    # Locked: even the right password is refused until an admin unlocks.
    with pytest.raises(AccountLocked):
        auth.sign_in(sessions, "wangjing", DEMO_PASSWORD, "W01")
    with demo_counter.store.transaction() as s:
        failures = s.scalars(select(AuditEntry.action)
                             .where(AuditEntry.action == "auth.sign_in_failed")).all()
        assert len(failures) == 5
        auth.unlock(s, demo_counter.cli_actor(), "wangjing")
    actor = auth.sign_in(sessions, "wangjing", DEMO_PASSWORD, "W01")
    assert actor.roles == frozenset({"clerk"})


def test_unknown_user_gets_the_same_message(demo_counter: Counter) -> None:
    with pytest.raises(AuthenticationFailed) as exc:
        auth.sign_in(demo_counter.store.sessions, "nobody", "whatever", "W01")
    assert "用户名或密码错误" in exc.value.message


def test_role_check_names_the_role(demo_counter: Counter) -> None:
    clerk = auth.sign_in(demo_counter.store.sessions, "wangjing", DEMO_PASSWORD, "W01")
    with pytest.raises(PermissionDenied) as exc:
        clerk.require("cashier")
    assert exc.value.code == "role_required:cashier"
    assert "收费员" in exc.value.message


def _admin(counter: Counter) -> Actor:
    return auth.sign_in(counter.store.sessions, "admin", DEMO_PASSWORD, "W01")


def test_reset_password_is_audited_and_ends_a_lock(demo_counter: Counter) -> None:
    sessions = demo_counter.store.sessions
    for _ in range(5):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            auth.sign_in(sessions, "wangjing", "wrong", "W01")
    with demo_counter.store.transaction() as s, pytest.raises(InvalidInput):
        auth.reset_password(s, _admin(demo_counter), "wangjing", "short")
    with demo_counter.store.transaction() as s:
        auth.reset_password(s, _admin(demo_counter), "wangjing", "temporary-1")
    assert auth.sign_in(sessions, "wangjing", "temporary-1", "W01").username == "wangjing"
    with demo_counter.store.transaction() as s:
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "person.password_reset"))


def test_disabled_person_cannot_sign_in_until_enabled(demo_counter: Counter) -> None:
    sessions = demo_counter.store.sessions
    with demo_counter.store.transaction() as s:
        auth.set_active(s, _admin(demo_counter), "wangjing", False)
    with pytest.raises(AuthenticationFailed):
        auth.sign_in(sessions, "wangjing", DEMO_PASSWORD, "W01")
    with demo_counter.store.transaction() as s:
        auth.set_active(s, _admin(demo_counter), "wangjing", True)
        actions = [a.action for a in s.scalars(select(AuditEntry))]
    assert "person.disable" in actions and "person.enable" in actions
    assert auth.sign_in(sessions, "wangjing", DEMO_PASSWORD, "W01")


def test_admin_cannot_disable_self_or_drop_own_admin_role(demo_counter: Counter) -> None:
    admin = _admin(demo_counter)
    with pytest.raises(DomainError) as exc, demo_counter.store.transaction() as s:
        auth.set_active(s, admin, "admin", False)
    assert exc.value.code == "cannot_disable_self"
    with pytest.raises(InvalidInput) as bad, demo_counter.store.transaction() as s:
        auth.set_roles(s, admin, "admin", ["supervisor"])
    assert {p.rule for p in bad.value.problems} == {"cannot_drop_own_admin"}


def test_last_admin_keeps_the_role_and_roles_change_audited(demo_counter: Counter) -> None:
    admin = _admin(demo_counter)
    with demo_counter.store.transaction() as s:
        others = [p.username for p in auth.list_people(s)
                  if "admin" in p.role_names and p.username != "admin"]
    with demo_counter.store.transaction() as s:
        for name in others:  # leave "admin" the only administrator
            auth.set_roles(s, admin, name, ["clerk"])
        auth.set_roles(s, admin, "wangjing", ["clerk", "cashier"])
    with demo_counter.store.transaction() as s:
        person = s.scalar(select(Person).where(Person.username == "wangjing"))
        assert person is not None and person.role_names == {"clerk", "cashier"}
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "person.roles"))
    # a second admin may not take the role away from the last one either
    with demo_counter.store.transaction() as s:
        auth.set_roles(s, admin, "wangjing", ["clerk", "admin"])
    wang = auth.sign_in(demo_counter.store.sessions, "wangjing", DEMO_PASSWORD, "W01")
    with demo_counter.store.transaction() as s:
        auth.set_active(s, wang, "admin", False)  # allowed: wangjing is still an admin
    with pytest.raises(InvalidInput) as exc, demo_counter.store.transaction() as s:
        auth.set_roles(s, wang, "wangjing", ["clerk"])
    assert {p.rule for p in exc.value.problems} == {"cannot_drop_own_admin"}
    with pytest.raises(DomainError) as last, demo_counter.store.transaction() as s:
        auth.set_active(s, admin, "wangjing", False)
    assert last.value.code == "last_admin"


def test_reset_password_is_temporary_until_the_person_sets_their_own(
        demo_counter: Counter) -> None:
    with demo_counter.store.transaction() as s:
        auth.reset_password(s, _admin(demo_counter), "wangjing", "temporary-1")
    wang = auth.sign_in(demo_counter.store.sessions, "wangjing", "temporary-1", "W01")
    with demo_counter.store.transaction() as s:
        assert auth.must_change_password(s, wang)
    with pytest.raises(InvalidInput) as exc, demo_counter.store.transaction() as s:
        auth.change_own_password(s, wang, "temporary-1")
    assert {p.rule for p in exc.value.problems} == {"password_unchanged"}
    with demo_counter.store.transaction() as s:
        auth.change_own_password(s, wang, "my-own-password")
    with demo_counter.store.transaction() as s:
        assert not auth.must_change_password(s, wang)
    assert auth.sign_in(demo_counter.store.sessions, "wangjing", "my-own-password", "W01")
