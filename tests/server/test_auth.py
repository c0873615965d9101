"""Sign-in, counter credentials, lock-out, token refresh and rotation."""

from __future__ import annotations

from datetime import timedelta

from .conftest import Api

TOKEN = "/api/v1/auth/token"
COUNTER = {"hall": "demo", "counter": "C01", "counter_secret": "counter-demo-secret"}


def test_reviewer_signs_in_and_sees_self(api: Api) -> None:
    r = api.as_("chenhao", "GET", "/api/v1/auth/me")
    assert r.status_code == 200
    assert r.json()["role"] == "reviewer"
    assert r.json()["hall"] is None


def test_hall_staff_need_a_registered_counter(api: Api) -> None:
    r = api.client.post(TOKEN, json={"username": "wangjing", "password": "demo1234"})
    assert r.status_code == 401
    assert r.json()["detail"]["code"] == "counter_required"
    bad = {**COUNTER, "counter_secret": "wrong-secret"}
    r = api.client.post(TOKEN, json={"username": "wangjing", "password": "demo1234", **bad})
    assert r.json()["detail"]["code"] == "bad_counter"
    # A counter of another hall does not do either.
    other = {"hall": "other", "counter": "X01", "counter_secret": "counter-demo-secret"}
    r = api.client.post(TOKEN, json={"username": "wangjing", "password": "demo1234", **other})
    assert r.status_code == 401
    r = api.client.post(TOKEN, json={"username": "wangjing", "password": "demo1234", **COUNTER})
    assert r.status_code == 200
    me = api.client.get("/api/v1/auth/me",
                        headers={"Authorization": f"Bearer {r.json()['access_token']}"}).json()
    assert (me["role"], me["hall"], me["counter"]) == ("clerk", "demo", "C01")


def test_lockout_after_repeated_failures(api: Api) -> None:
    for _ in range(5):
        r = api.client.post(TOKEN, json={"username": "chenhao", "password": "wrong"})
        assert r.status_code == 401
    r = api.client.post(TOKEN, json={"username": "chenhao", "password": "demo1234"})
    assert r.status_code == 423
    assert r.json()["detail"]["code"] == "account_locked"
    api.clock.now += timedelta(minutes=16)
    r = api.client.post(TOKEN, json={"username": "chenhao", "password": "demo1234"})
    assert r.status_code == 200


def test_admin_can_unlock(api: Api) -> None:
    for _ in range(5):
        api.client.post(TOKEN, json={"username": "hejun", "password": "wrong"})
    assert api.client.post(TOKEN, json={"username": "hejun", "password": "demo1234"}
                           ).status_code == 423
    assert api.as_("admin", "POST", "/api/v1/admin/users/hejun/unlock").status_code == 204
    assert api.client.post(TOKEN, json={"username": "hejun", "password": "demo1234"}
                           ).status_code == 200


def test_unknown_user_and_wrong_password_look_the_same(api: Api) -> None:
    a = api.client.post(TOKEN, json={"username": "nobody", "password": "x"})
    b = api.client.post(TOKEN, json={"username": "chenhao", "password": "x"})
    assert a.status_code == b.status_code == 401
    assert a.json() == b.json()


def test_access_token_expires_and_refresh_rotates(api: Api) -> None:
    pair = api.client.post(TOKEN, json={"username": "chenhao", "password": "demo1234"}).json()
    auth = {"Authorization": f"Bearer {pair['access_token']}"}
    assert api.client.get("/api/v1/auth/me", headers=auth).status_code == 200
    api.clock.now += timedelta(minutes=16)
    r = api.client.get("/api/v1/auth/me", headers=auth)
    assert r.status_code == 401
    assert r.json()["detail"]["code"] == "token_invalid"
    new = api.client.post("/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert new.status_code == 200
    auth = {"Authorization": f"Bearer {new.json()['access_token']}"}
    assert api.client.get("/api/v1/auth/me", headers=auth).status_code == 200
    # Reusing the spent refresh token later is theft or a bug: the whole sign-in is revoked.
    api.clock.now += timedelta(seconds=61)
    reused = api.client.post("/api/v1/auth/refresh",
                             json={"refresh_token": pair["refresh_token"]})
    assert reused.status_code == 401
    assert reused.json()["detail"]["code"] == "refresh_reused"
    assert api.client.get("/api/v1/auth/me", headers=auth).status_code == 401


def test_logout_revokes(api: Api) -> None:
    auth = api.login("chenhao")
    assert api.client.post("/api/v1/auth/logout", headers=auth).status_code == 204
    assert api.client.get("/api/v1/auth/me", headers=auth).status_code == 401


def test_passwords_are_argon2(api: Api) -> None:
    from sqlalchemy import select

    from server_stub.models import User

    with api.session() as s:
        hashes = list(s.scalars(select(User.password_hash)))
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)


def test_admin_registers_hall_counter_and_user(api: Api) -> None:
    r = api.as_("admin", "POST", "/api/v1/admin/halls", json={"code": "north", "name": "北区中心"})
    assert r.status_code == 201
    r = api.as_("admin", "POST", "/api/v1/admin/halls/north/counters",
                json={"code": "N1", "name": "北一", "secret": "north-secret-1"})
    assert r.status_code == 201
    r = api.as_("admin", "POST", "/api/v1/admin/users",
                json={"username": "bei", "name": "北", "password": "passw0rd!", "role": "cashier",
                      "hall": "north"})
    assert r.status_code == 201
    r = api.client.post(TOKEN, json={"username": "bei", "password": "passw0rd!", "hall": "north",
                                     "counter": "N1", "counter_secret": "north-secret-1"})
    assert r.status_code == 200 and r.json()["role"] == "cashier"
    # Hall roles need a hall; server roles must not have one.
    r = api.as_("admin", "POST", "/api/v1/admin/users",
                json={"username": "x1", "name": "x", "password": "passw0rd!", "role": "clerk"})
    assert r.status_code == 422 and r.json()["detail"]["code"] == "role_scope"
    r = api.as_("admin", "POST", "/api/v1/admin/halls", json={"code": "north", "name": "重复"})
    assert r.status_code == 409
    r = api.as_("chenhao", "POST", "/api/v1/admin/halls", json={"code": "x", "name": "x"})
    assert r.status_code == 403


def test_refresh_retried_after_a_lost_answer(api: Api) -> None:
    """The link drops after the server swapped the token: the retry gets a fresh pair."""
    pair = api.client.post(TOKEN, json={"username": "chenhao", "password": "demo1234"}).json()
    api.clock.now += timedelta(seconds=1)
    lost = api.client.post("/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert lost.status_code == 200
    api.clock.now += timedelta(seconds=5)
    retry = api.client.post("/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert retry.status_code == 200
    auth = {"Authorization": f"Bearer {retry.json()['access_token']}"}
    assert api.client.get("/api/v1/auth/me", headers=auth).status_code == 200
    api.clock.now += timedelta(seconds=1)
    onward = api.client.post("/api/v1/auth/refresh",
                             json={"refresh_token": retry.json()["refresh_token"]})
    assert onward.status_code == 200
    # The successor the client never received turns up later: theft, the sign-in is revoked.
    api.clock.now += timedelta(seconds=1)
    r = api.client.post("/api/v1/auth/refresh", json={"refresh_token": lost.json()["refresh_token"]})
    assert r.status_code == 401 and r.json()["detail"]["code"] == "refresh_reused"
    auth = {"Authorization": f"Bearer {onward.json()['access_token']}"}
    assert api.client.get("/api/v1/auth/me", headers=auth).status_code == 401


def test_refresh_after_logout_is_refused(api: Api) -> None:
    pair = api.client.post(TOKEN, json={"username": "chenhao", "password": "demo1234"}).json()
    auth = {"Authorization": f"Bearer {pair['access_token']}"}
    assert api.client.post("/api/v1/auth/logout", headers=auth).status_code == 204
    r = api.client.post("/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert r.status_code == 401
