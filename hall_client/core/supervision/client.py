"""A thin HTTP client for the supervision part of the central server's API.

It takes a base URL and a *token provider* (a callable returning a bearer access token), so
the sync session that signs in and refreshes tokens can be plugged in unchanged. Answers are
plain dicts as the server sends them; errors become domain errors with the server's Chinese
message, and a server that does not answer becomes :class:`ServerUnavailable`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import requests

from hall_client.core.errors import DomainError

TokenProvider = Callable[[], str]


class ServerUnavailable(DomainError):
    code = "server_unavailable"


class ServerRefused(DomainError):
    """The server answered with a 4xx: its code and Chinese message are kept."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message, code=code)
        self.status = status


class SupervisionClient:
    def __init__(self, base_url: str, tokens: TokenProvider, *, timeout: float = 15.0,
                 http: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.tokens = tokens
        self.timeout = timeout
        self.http = http or requests.Session()

    def _call(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
              json: Any = None, raw: bool = False) -> Any:
        url = f"{self.base_url}/api/v1{path}"
        headers = {"Authorization": f"Bearer {self.tokens()}"}
        try:
            r = self.http.request(method, url, params=params, json=json, headers=headers,
                                  timeout=self.timeout)
        except requests.RequestException as exc:
            raise ServerUnavailable(f"中心服务器 {self.base_url} 无法连接，请检查网络"
                                    f"（{exc.__class__.__name__}）") from exc
        if r.status_code >= 500:
            raise ServerUnavailable(f"中心服务器出错（HTTP {r.status_code}），请稍后再试")
        if r.status_code >= 400:
            try:
                detail = r.json()["detail"]
                code, message = str(detail["code"]), str(detail["message"])
            except (ValueError, KeyError, TypeError):
                code, message = f"http_{r.status_code}", f"中心服务器拒绝了请求（HTTP {r.status_code}）"
            raise ServerRefused(r.status_code, code, message)
        if raw:
            return r.content
        try:
            return r.json()
        except ValueError as exc:
            raise ServerUnavailable("中心服务器的回答无法解析") from exc

    # --- reading ---------------------------------------------------------------------------

    def board_raw(self, **filters: str | None) -> bytes:
        """The board answer as bytes (parsed by ``core.supervision.board``)."""
        params = {k: v for k, v in filters.items() if v}
        return self._call("GET", "/supervision/board", params=params, raw=True)

    def performance(self, start: date, end: date, by: str) -> dict[str, Any]:
        return self._call("GET", "/supervision/performance",
                          params={"start": start.isoformat(), "end": end.isoformat(), "by": by})

    def series(self, start: date, end: date, interval: str,
               by: str | None = None) -> dict[str, Any]:
        params = {"start": start.isoformat(), "end": end.isoformat(), "interval": interval}
        if by:
            params["by"] = by
        return self._call("GET", "/supervision/series", params=params)

    def satisfaction(self, start: date, end: date, by: str) -> dict[str, Any]:
        return self._call("GET", "/supervision/satisfaction",
                          params={"start": start.isoformat(), "end": end.isoformat(), "by": by})

    def abnormal(self, start: date, end: date) -> list[dict[str, Any]]:
        return self._call("GET", "/supervision/abnormal",
                          params={"start": start.isoformat(), "end": end.isoformat()})

    def ratings(self, start: date, end: date, state: str | None = None) -> list[dict[str, Any]]:
        params = {"start": start.isoformat(), "end": end.isoformat()}
        if state:
            params["state"] = state
        return self._call("GET", "/ratings", params=params)

    def rating(self, rating_id: str) -> dict[str, Any]:
        return self._call("GET", f"/ratings/{rating_id}")

    def history(self, case_id: str) -> dict[str, Any]:
        return self._call("GET", f"/cases/{case_id}/history")

    # --- acting ----------------------------------------------------------------------------

    def urge(self, case_id: str, message: str, step_id: str | None = None,
             urge_id: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"id": urge_id or str(uuid.uuid4()), "message": message}
        if step_id:
            body["step_id"] = step_id
        return self._call("POST", f"/supervision/cases/{case_id}/urge",
                          json=body)

    def complete_loop_step(self, rating_id: str, kind: str, note: str) -> dict[str, Any]:
        return self._call("POST", f"/ratings/{rating_id}/loop/{kind}",
                          json={"note": note})

    def decide_appeal(self, rating_id: str, appeal_id: str, accept: bool,
                      reason: str) -> dict[str, Any]:
        return self._call(
            "POST", f"/ratings/{rating_id}/appeals/{appeal_id}/decision",
            json={"accept": accept, "reason": reason})

    def send_rating(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """POST a ``rating.create`` outbox payload (what the sync engine does with it)."""
        return self._call("POST", "/ratings", json=dict(payload))


class PasswordTokens:
    """A token provider that signs in with a password (tests, demos, the command line);
    a counter's sync session replaces it. Signs in again when the token is 12 minutes old."""

    def __init__(self, base_url: str, username: str, password: str, *, hall: str = "",
                 counter: str = "", counter_secret: str = "", timeout: float = 15.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.body: dict[str, str] = {"username": username, "password": password}
        if hall:
            self.body.update(hall=hall, counter=counter, counter_secret=counter_secret)
        self.timeout = timeout
        self._token = ""
        self._at = 0.0

    def __call__(self) -> str:
        import time

        if not self._token or time.monotonic() - self._at > 720:
            try:
                r = requests.post(f"{self.base_url}/api/v1/auth/token", json=self.body,
                                  timeout=self.timeout)
            except requests.RequestException as exc:
                raise ServerUnavailable(f"中心服务器 {self.base_url} 无法连接") from exc
            if r.status_code != 200:
                raise ServerRefused(r.status_code, "sign_in_failed", "登录中心服务器失败，请检查账号")
            self._token, self._at = r.json()["access_token"], time.monotonic()
        return self._token


def demo_tokens(base_url: str) -> PasswordTokens:
    """Demo mode only (``hall-client --demo`` with the local ``hall-server seed-demo``): the
    server's demo supervisor. A real counter gets its provider from the sync sign-in."""
    return PasswordTokens(base_url, "jiancha", "demo1234", hall="demo", counter="C01",
                          counter_secret="counter-demo-secret")
