"""The FastAPI application: API under /api/v1, review and status pages, /healthz."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server_stub.api.main import api_router
from server_stub.core.clock import Clock, system_clock
from server_stub.core.config import Settings
from server_stub.core.errors import DomainError
from server_stub.db import (
    make_engine,
    make_sessionmaker,
    migrate,
    protect_database_file,
    startup_lock,
)
from server_stub.schemas.common import refuse_control_chars
from server_stub.services.filestore import FileStore, LocalFileStore
from server_stub.services.s3store import S3FileStore

log = logging.getLogger("server_stub")


class BodyLimit:
    """Refuse bodies above the limit with 413 before they reach a route (nothing is stored)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.limit
                except ValueError:
                    too_big = False
                if too_big:
                    await self._refuse(scope, receive, send)
                    return
        seen = 0
        exceeded = False

        async def limited() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    exceeded = True
                    raise _TooLarge()
            return message

        async def guarded_send(message: Message) -> None:
            # Once the body overflowed, whatever the app answers is replaced by the 413.
            if not exceeded:
                await send(message)

        with suppress(_TooLarge):
            await self.app(scope, limited, guarded_send)
        if exceeded:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse(
            {"detail": {"code": "body_too_large",
                        "message": f"请求体超过 {self.limit} 字节上限；大文件请分块上传"}},
            status_code=413,
        )
        await response(scope, receive, send)


class _TooLarge(Exception):
    pass


SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"content-security-policy",
     b"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self'; "
     b"frame-ancestors 'none'; base-uri 'none'"),
]


class Guard:
    """What every request passes, whatever route it reaches:

    - path and query text may not carry control characters (PostgreSQL cannot store or
      compare NUL, and no identifier or filter has a reason to hold one): 422;
    - a browser form POST from another site (``Origin``/``Referer`` naming another host) is
      refused with 403 before any route sees it;
    - every answer carries nosniff, no framing, and a CSP that allows no scripts.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        where = _control_chars_in(scope)
        if where is not None:
            response = JSONResponse(
                {"detail": {"code": "control_character",
                            "message": f"{where} 不能含控制字符或方向控制符"}},
                status_code=422)
            await response(scope, receive, self._with_headers(send))
            return
        if scope["method"] == "POST" and _cross_site(scope):
            response = JSONResponse(
                {"detail": {"code": "cross_site_request",
                            "message": "拒绝来自其他网站的表单提交"}}, status_code=403)
            await response(scope, receive, self._with_headers(send))
            return
        await self.app(scope, receive, self._with_headers(send))

    @staticmethod
    def _with_headers(send: Send) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        return wrapped


def _control_chars_in(scope: Scope) -> str | None:
    from urllib.parse import parse_qsl

    if _has_bad_char(scope.get("path", "")):
        return "请求路径"
    try:
        query = scope.get("query_string", b"").decode("utf-8")
    except UnicodeDecodeError:
        return "查询参数（不是 UTF-8）"
    for name, value in parse_qsl(query, keep_blank_values=True):
        if _has_bad_char(name) or _has_bad_char(value):
            return f"查询参数 {name!r}"
    return None


def _has_bad_char(text: str) -> bool:
    try:
        refuse_control_chars(text, None)
    except ValueError:
        return True
    return False


def _cross_site(scope: Scope) -> bool:
    """Does a browser say this request comes from a page of another origin?"""
    from urllib.parse import urlsplit

    headers = {name.decode("latin-1").lower(): value.decode("latin-1")
               for name, value in scope.get("headers", [])}
    source = headers.get("origin") or headers.get("referer")
    if not source or source == "null":
        return source == "null"
    host = headers.get("host", "")
    return urlsplit(source).netloc.lower() != host.lower()


def _validation_message(errors: list[Any]) -> str:
    parts = []
    for err in errors[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "body") or "请求体"
        parts.append(f"{where}: {err.get('msg', '')}")
    return "请求不符合规则：" + "；".join(parts)


def make_file_store(settings: Settings) -> FileStore:
    """The page-file store the settings name: the data directory, or an S3 bucket."""
    if not settings.file_store:
        return LocalFileStore(settings.files_dir)
    parts = urlsplit(settings.file_store)
    if parts.scheme != "s3" or not parts.netloc:
        raise ValueError(f"file_store must be empty or s3://bucket/prefix/, "
                         f"not {settings.file_store!r}")
    keys = {}
    for name in ("HALL_SERVER_S3_ACCESS_KEY", "HALL_SERVER_S3_SECRET_KEY"):
        keys[name] = os.environ.get(name, "")
        if not keys[name]:
            raise ValueError(f"file_store {settings.file_store} needs env {name}")
    if not settings.s3_endpoint:
        raise ValueError("file_store s3://... needs s3_endpoint (HALL_SERVER_S3_ENDPOINT)")
    return S3FileStore(settings.s3_endpoint, parts.netloc, keys["HALL_SERVER_S3_ACCESS_KEY"],
                       keys["HALL_SERVER_S3_SECRET_KEY"], settings.s3_region,
                       prefix=parts.path.lstrip("/"))


def create_app(
    settings: Settings | None = None, clock: Clock = system_clock, migrate_schema: bool = True
) -> FastAPI:
    """Build the app on one database; ``clock`` is injectable so tests can fix "today"."""
    settings = settings or Settings()
    settings.ensure_dirs()
    engine = make_engine(settings.resolved_database_url(), pool_size=settings.db_pool_size,
                         max_overflow=settings.db_max_overflow)
    if migrate_schema:
        with startup_lock(engine):
            migrate(engine)
            from server_stub.services.bootstrap import bootstrap

            with make_sessionmaker(engine)() as session:
                bootstrap(session)
    protect_database_file(settings.resolved_database_url())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Requests run in worker threads (their database work is synchronous), at most
        # settings.threads at once; the others wait their turn on the event loop.
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        if settings.warm_up:
            from server_stub.services.warmup import warm

            await anyio.to_thread.run_sync(warm, app)
        stop: Callable[[], None] | None = None
        if settings.sms_worker:
            from server_stub.services.sms import start_worker

            stop = start_worker(app)
        yield
        if stop:
            stop()

    app = FastAPI(
        title="Hall central approval server",
        version="1.0.0",
        description="行政服务中心中心审批服务器：受理件、分块上传、审批流程、工作日时限、电子监察。",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    if settings.resolved_database_url().startswith("sqlite"):
        app.state.read_engine = make_engine(settings.resolved_database_url(), readonly=True)
    else:
        app.state.read_engine = engine
    app.state.read_sessionmaker = make_sessionmaker(app.state.read_engine)
    app.state.clock = clock
    app.state.file_store = make_file_store(settings)

    @app.exception_handler(DomainError)
    async def _domain_error(request: Request, exc: DomainError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()
        ]
        body_broken = any(e.get("type") == "json_invalid" for e in errors)
        code = "malformed_json" if body_broken else "invalid_request"
        message = ("请求体不是合法的 JSON" if body_broken else _validation_message(errors))
        return JSONResponse(
            {"detail": {"code": code, "message": message, "errors": _jsonable(errors)}},
            status_code=400 if body_broken else 422,
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> JSONResponse:
        # The causes are handled where they arise (savepoint inserts, row locks); this is the
        # net for a unique key taken by a parallel request in a place not foreseen: the
        # client's retry will see the winner's row.
        log.warning("unique key taken by a parallel request: %s", exc.orig)
        return JSONResponse(
            {"detail": {"code": "write_conflict",
                        "message": "另一个同时进行的请求已写入相同的数据，请稍后重试"}},
            status_code=409, headers={"Retry-After": "1"})

    @app.exception_handler(ClientDisconnect)
    async def _gone(request: Request, exc: ClientDisconnect) -> Response:
        # The client went away mid-body (a cut link during a chunk): nothing was stored, and
        # there is nobody to answer. Not an error of the server, so no traceback.
        log.info("client disconnected during %s %s", request.method, request.url.path)
        return Response(status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and exc.detail == "There was an error parsing the body":
            # FastAPI's words for a body json.loads could not take (invalid UTF-8, nesting
            # deeper than the parser allows): the same malformed_json as any broken JSON.
            return JSONResponse(
                {"detail": {"code": "malformed_json",
                            "message": "请求体不是合法的 JSON（编码须为 UTF-8，嵌套不能过深）"}},
                status_code=400)
        messages = {404: "地址不存在", 405: "不支持此请求方法", 401: "需要登录"}
        return JSONResponse(
            {"detail": {"code": f"http_{exc.status_code}",
                        "message": messages.get(exc.status_code, str(exc.detail))}},
            status_code=exc.status_code, headers=getattr(exc, "headers", None),
        )

    @app.get("/healthz", tags=["health"])
    def healthz() -> dict[str, str]:
        """Liveness: the process answers and the database responds."""
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return {"status": "ok"}

    app.include_router(api_router)
    from server_stub.web.routes import router as web_router

    app.include_router(web_router)
    from server_stub.web.verify import router as verify_router

    app.include_router(verify_router)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(Guard)
    return app


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``hall-server --workers N`` (settings from the
    environment the command set; the schema is migrated already, the startup lock makes a
    second check harmless)."""
    import os

    settings = Settings(database_url=os.environ.get("HALL_SERVER_DATABASE_URL") or None,
                        sms_adapter=os.environ.get("HALL_SERVER_SMS", "file"), sms_worker=True)
    return create_app(settings)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)

