"""HTTP to the central server: TLS policy, one connection pool per thread, typed answers.

Applicants' ID numbers and pages cross the network, so the server must be reached over HTTPS
with its certificate verified against the system's store (or a CA bundle the hall configures).
Plain HTTP is allowed on loopback, or when the hall explicitly allows it (the status bar then
shows that in red).
"""

from __future__ import annotations

import json
import ssl
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from hall_client.core.errors import InvalidInput, Problem

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
TIMEOUT = (5.0, 30.0)


class Offline(Exception):
    """The server did not answer usably (no connection, timeout, cut, 5xx, garbled reply):
    try again later, nothing is lost."""


@dataclass
class Answer:
    status: int
    body: Any
    headers: dict[str, str]

    @property
    def code(self) -> str:
        detail = self.body.get("detail") if isinstance(self.body, dict) else None
        return str(detail.get("code", "")) if isinstance(detail, dict) else ""

    @property
    def message(self) -> str:
        detail = self.body.get("detail") if isinstance(self.body, dict) else None
        if isinstance(detail, dict):
            return str(detail.get("message") or detail.get("code") or "")
        return str(detail or "")


def transport_problem(url: str, allow_plain_http: bool) -> str | None:
    """Why ``url`` may not be used, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "服务器地址须以 https:// 开头"
    if parts.scheme == "http" and parts.hostname not in LOOPBACK and not allow_plain_http:
        return ("服务器地址是明文 http://：申请人的身份证号和材料影像不能明文传输；请使用 https://，"
                "或在设置中明确允许（server.allow_plain_http = true）")
    return None


def is_plain_remote(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "http" and parts.hostname not in LOOPBACK


class _TLSAdapter(HTTPAdapter):
    def __init__(self, context: ssl.SSLContext) -> None:
        self._context = context
        super().__init__(pool_connections=4, pool_maxsize=8)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)


class ServerHttp:
    """Requests to one server; safe to share between threads (a session per thread)."""

    def __init__(self, url: str, *, ca_bundle: str = "", allow_plain_http: bool = False,
                 timeout: tuple[float, float] = TIMEOUT) -> None:
        problem = transport_problem(url, allow_plain_http)
        if problem:
            raise InvalidInput([Problem(url, "server_url_insecure", problem)])
        self.base = url.rstrip("/")
        self.timeout = timeout
        self.ca_bundle = ca_bundle
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._sessions_lock = threading.Lock()
        self._context: ssl.SSLContext | None = None
        if urlsplit(url).scheme == "https":
            try:
                # create_default_context verifies the certificate and host name against the
                # operating system's store, or only against the hall's own CA bundle.
                self._context = ssl.create_default_context(cafile=ca_bundle or None)
            except (OSError, ssl.SSLError) as exc:
                raise InvalidInput([Problem(ca_bundle, "ca_bundle_unreadable",
                                            f"CA 证书文件无法读取：{exc}")]) from exc

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            if self._context is not None:
                session.mount("https://", _TLSAdapter(self._context))
            self._local.session = session
            with self._sessions_lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        """Close every thread's connections."""
        with self._sessions_lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()

    def reset(self) -> None:
        """Drop this thread's connections (after a cut)."""
        session = getattr(self._local, "session", None)
        if session is not None:
            session.close()
            self._local.session = None
            with self._sessions_lock:
                if session in self._sessions:
                    self._sessions.remove(session)

    def request(self, method: str, path: str, *, json_body: Any = None, data: bytes | None = None,
                headers: dict[str, str] | None = None, params: dict[str, Any] | None = None,
                token: str | None = None) -> Answer:
        hdrs = dict(headers or {})
        if token:
            hdrs["Authorization"] = f"Bearer {token}"
        try:
            response = self._session().request(
                method, self.base + path, json=json_body, data=data, headers=hdrs,
                params=params, timeout=self.timeout)
            content = response.content
        except requests.exceptions.SSLError as exc:
            raise Offline(f"TLS：服务器证书验证失败（{type(exc).__name__}）") from exc
        except (requests.RequestException, OSError) as exc:
            self.reset()
            raise Offline(f"网络：{type(exc).__name__}") from exc
        if response.status_code >= 500:
            raise Offline(f"服务器错误 {response.status_code}")
        if response.status_code == 304 or not content:
            body: Any = None
        else:
            try:
                body = json.loads(content)
            except ValueError as exc:
                # A garbled answer: treated like no answer; every write is safe to repeat.
                raise Offline(f"服务器回答无法解析（{response.status_code}）") from exc
        return Answer(response.status_code, body, dict(response.headers))
