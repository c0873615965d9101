"""Signing a person in to the central server and keeping their tokens fresh.

Docs/server.md: hall staff sign in with their password *and* the counter's credential; access
tokens live 15 minutes, refresh tokens 7 days and work once (rotation). A refresh whose answer
got lost is retried with the same refresh token (the server allows that within 60 s), so the
sign-in survives a cut; the new pair is stored before it is used.

A person who signed in at the counter while it was offline is signed in to the server
without typing again only when a refresh token of theirs is still valid (the counter never
keeps passwords); otherwise the counter must ask (``PasswordNeeded``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from hall_client.sync.credential import CredentialFile, Registration, TokenPair
from hall_client.sync.transport import Answer, Offline, ServerHttp

#: Refresh this many seconds before the access token runs out.
EARLY = 30.0


class NotRegistered(Exception):
    """The counter has no registration: ``hall-client server register`` first."""


class PasswordNeeded(Exception):
    """The server needs the person's password (no valid refresh token, or it was refused)."""

    def __init__(self, username: str | None, reason: str) -> None:
        super().__init__(reason)
        self.username, self.reason = username, reason


class SignInRefused(Exception):
    """The server refused the password or the counter credential."""

    def __init__(self, answer: Answer) -> None:
        super().__init__(answer.message or f"HTTP {answer.status}")
        self.answer = answer


def _pair(body: dict[str, object], now: float) -> TokenPair:
    return TokenPair(access_token=str(body["access_token"]),
                     refresh_token=str(body["refresh_token"]),
                     access_expires_at=now + float(body.get("expires_in", 900)),  # type: ignore[arg-type]
                     refresh_expires_at=now + float(body.get("refresh_expires_in", 604800)),  # type: ignore[arg-type]
                     role=str(body.get("role", "")), name=str(body.get("name", "")))


class ServerAuth:
    """The signed-in person's tokens for one counter; shared by the engine's threads."""

    def __init__(self, http: ServerHttp, credentials: CredentialFile,
                 clock: Callable[[], float] = time.time) -> None:
        self.http, self.credentials, self.clock = http, credentials, clock
        registration = credentials.load()
        if registration is None:
            raise NotRegistered("本窗口尚未在中心服务器登记（hall-client server register）")
        self.registration: Registration = registration
        self.username: str | None = None
        self._lock = threading.RLock()

    # -- who ---------------------------------------------------------------------------------
    def signed_in_users(self) -> list[str]:
        now = self.clock()
        return [u for u, p in self.registration.tokens.items() if p.refresh_expires_at > now]

    def use(self, username: str) -> bool:
        """Act as ``username``; True when their stored sign-in is still valid (no password)."""
        with self._lock:
            self.username = username
            pair = self.registration.tokens.get(username)
            return pair is not None and pair.refresh_expires_at > self.clock()

    def sign_in(self, username: str, password: str) -> TokenPair:
        reg = self.registration
        answer = self.http.request("POST", "/api/v1/auth/token", json_body={
            "username": username, "password": password, "hall": reg.hall,
            "counter": reg.counter, "counter_secret": reg.counter_secret})
        if answer.status != 200 or not isinstance(answer.body, dict):
            raise SignInRefused(answer)
        with self._lock:
            pair = _pair(answer.body, self.clock())
            reg.tokens[username] = pair
            self.credentials.save(reg)
            self.username = username
            return pair

    def forget(self, username: str) -> None:
        with self._lock:
            if self.registration.tokens.pop(username, None) is not None:
                self.credentials.save(self.registration)

    # -- tokens ------------------------------------------------------------------------------
    def _current(self) -> TokenPair:
        if self.username is None:
            raise PasswordNeeded(None, "需要登录中心服务器")
        pair = self.registration.tokens.get(self.username)
        if pair is None or pair.refresh_expires_at <= self.clock():
            raise PasswordNeeded(self.username, "中心服务器登录已过期，请输入密码")
        return pair

    def access_token(self) -> str:
        with self._lock:
            pair = self._current()
            if pair.access_expires_at - EARLY > self.clock() and pair.refresh_pending_since is None:
                return pair.access_token
            return self._refresh(pair)

    def token_refused(self, token: str) -> str:
        """The server answered 401 to ``token``: a fresh access token, refreshed once however
        many threads saw the 401 at the same time."""
        with self._lock:
            pair = self._current()
            if pair.access_token != token and pair.refresh_pending_since is None:
                return pair.access_token
            return self._refresh(pair)

    def request(self, method: str, path: str, **kwargs: object) -> Answer:
        """One call as the signed-in person; a 401 refreshes the tokens and tries again (a
        second 401 right after a fresh pair means the sign-in itself is gone)."""
        token = self.access_token()
        for _ in range(3):
            answer = self.http.request(method, path, token=token, **kwargs)  # type: ignore[arg-type]
            if answer.status != 401:
                return answer
            token = self.token_refused(token)
        raise PasswordNeeded(self.username, answer.message or "中心服务器拒绝了登录")

    def _refresh(self, pair: TokenPair) -> str:
        assert self.username is not None
        if pair.refresh_pending_since is None:
            pair.refresh_pending_since = self.clock()
            self.credentials.save(self.registration)
        try:
            answer = self.http.request("POST", "/api/v1/auth/refresh",
                                       json_body={"refresh_token": pair.refresh_token})
        except Offline:
            # The answer may be lost after the server rotated: keep the same refresh token and
            # retry it (the server honours a repeat within 60 s while the successor is unused).
            raise
        if answer.status == 200 and isinstance(answer.body, dict):
            new = _pair(answer.body, self.clock())
            self.registration.tokens[self.username] = new
            self.credentials.save(self.registration)  # stored before it is used
            return new.access_token
        if answer.status in (401, 403):
            self.registration.tokens.pop(self.username, None)
            self.credentials.save(self.registration)
            raise PasswordNeeded(self.username, answer.message or "中心服务器登录已失效，请输入密码")
        raise Offline(f"刷新登录失败 {answer.status}")
