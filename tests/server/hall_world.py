"""A fresh hall per test (own counters, clerks and supervisor), so supervision numbers are
exactly the test's own cases also on the shared PostgreSQL schema."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from server_stub.demo import COUNTER_SECRET, DEMO_PASSWORD
from server_stub.services import auth

from .conftest import Api
from .helpers import case_body


@dataclass
class Hall:
    """Staff of a fresh hall: ``clerk1`` at C01, ``clerk2`` at C02, ``sup`` (supervisor)."""

    api: Api
    code: str
    users: dict[str, str]  # role name in the test -> username
    names: dict[str, str]
    _tokens: dict[tuple[str, str], tuple[str, datetime]] = field(default_factory=dict)

    def headers(self, who: str, counter: str = "C01") -> dict[str, str]:
        user = self.users.get(who, who)
        key = (user, counter)
        seen = self._tokens.get(key)
        if seen is None or abs((self.api.clock.now - seen[1]).total_seconds()) > 600:
            body: dict[str, Any] = {"username": user, "password": DEMO_PASSWORD}
            if who in self.users:
                body.update(hall=self.code, counter=counter, counter_secret=COUNTER_SECRET)
            r = self.api.client.post("/api/v1/auth/token", json=body)
            assert r.status_code == 200, r.text
            self._tokens[key] = (r.json()["access_token"], self.api.clock.now)
        return {"Authorization": f"Bearer {self._tokens[key][0]}"}

    def call(self, who: str, method: str, url: str, counter: str = "C01", **kw: Any) -> Any:
        headers = {**self.headers(who, counter), **kw.pop("headers", {})}
        return self.api.client.request(method, url, headers=headers, **kw)

    def act(self, who: str, case_id: str, action: str, expect: int = 200, counter: str = "C01",
            **fields: Any) -> dict[str, Any]:
        r = self.call(who, "POST", f"/api/v1/cases/{case_id}/actions", counter=counter,
                      json={"id": str(uuid.uuid4()), "action": action, **fields})
        assert r.status_code == expect, r.text
        return r.json()  # type: ignore[no-any-return]

    def create(self, who: str = "clerk1", counter: str = "C01", **over: Any) -> dict[str, Any]:
        r = self.call(who, "POST", "/api/v1/cases", counter=counter, json=case_body(**over))
        assert r.status_code == 201, r.text
        return r.json()  # type: ignore[no-any-return]


def new_hall(api: Api) -> Hall:
    code = f"h{uuid.uuid4().hex[:8]}"
    users = {"clerk1": f"{code}_k1", "clerk2": f"{code}_k2", "sup": f"{code}_s",
             "cashier": f"{code}_c"}
    names = {"clerk1": "甲受理员", "clerk2": "乙受理员", "sup": "丙监察员", "cashier": "丁收费员"}
    roles = {"clerk1": "clerk", "clerk2": "clerk", "sup": "supervisor", "cashier": "cashier"}
    now = api.clock.now
    with api.session() as s:
        hall = auth.register_hall(s, code, f"测试大厅{code}", now)
        auth.register_counter(s, hall, "C01", "综合窗口1号", COUNTER_SECRET, now)
        auth.register_counter(s, hall, "C02", "综合窗口2号", COUNTER_SECRET, now)
        for who, user in users.items():
            auth.create_user(s, username=user, name=names[who], password=DEMO_PASSWORD,
                             role=roles[who], now=now, hall=hall)
        s.commit()
    return Hall(api, code, users, names)
