"""The demo server knows every demo person of the demo counter (``make run`` signs each of
them in to sync): a cashier at the demo counter used to be refused by the demo server."""

from __future__ import annotations

from hall_client.core.counter import DEMO_PASSWORD, DEMO_PEOPLE
from server_stub.demo import COUNTER_SECRET
from tests.server.conftest import Api


def test_every_demo_counter_person_can_sign_in_to_the_demo_server(api: Api) -> None:
    for username, name, roles in DEMO_PEOPLE:
        r = api.client.post("/api/v1/auth/token", json={
            "username": username, "password": DEMO_PASSWORD, "hall": "demo", "counter": "C01",
            "counter_secret": COUNTER_SECRET})
        assert r.status_code == 200, (username, r.text)
        me = api.client.get("/api/v1/auth/me", headers={
            "Authorization": f"Bearer {r.json()['access_token']}"})
        assert me.status_code == 200, me.text
        assert me.json()["name"] == name
        # on the server each person has one role: one the counter gives them too
        assert me.json()["role"] in roles, (username, me.json())
