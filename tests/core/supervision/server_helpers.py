"""Driving the live test server as hall staff, over HTTP."""

from __future__ import annotations

import uuid
from typing import Any

import requests

from hall_client.core.supervision.client import PasswordTokens, SupervisionClient
from tests.e2e.live_server import LiveServer

SECRET = "counter-demo-secret"


def tokens(live: LiveServer, user: str, counter: str = "C01") -> PasswordTokens:
    hall = {} if user in ("admin",) or "_" in user else {
        "hall": "demo", "counter": counter, "counter_secret": SECRET}
    return PasswordTokens(live.url, user, "demo1234", **hall)


def supervisor(live: LiveServer) -> SupervisionClient:
    return SupervisionClient(live.url, tokens(live, "jiancha"))


def call(live: LiveServer, user: str, method: str, path: str, **kw: Any) -> Any:
    r = requests.request(method, f"{live.url}/api/v1{path}", timeout=15,
                         headers={"Authorization": f"Bearer {tokens(live, user)()}"}, **kw)
    assert r.status_code < 300, r.text
    return r.json()


def new_case(live: LiveServer, item: str = "FG-SP-001", **over: Any) -> dict[str, Any]:
    body = {"id": str(uuid.uuid4()), "item_code": item, "item_version": 1,
            "project_name": "滨江花园三期", "applicant": {"name": "杭州某公司",
                                                        "kind": "organisation"},
            "materials": [], "fees": [], **over}
    return call(live, "wangjing", "POST", "/cases", json=body)  # type: ignore[no-any-return]


def act(live: LiveServer, user: str, case_id: str, action: str, **fields: Any) -> Any:
    return call(live, user, "POST", f"/cases/{case_id}/actions",
                json={"id": str(uuid.uuid4()), "action": action, **fields})
