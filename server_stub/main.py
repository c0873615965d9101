"""The FastAPI application: API under /api/v1, review and status pages, /healthz."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import text
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server_stub.api.main import api_router
from server_stub.core.clock import Clock, system_clock
from server_stub.core.config import Settings
from server_stub.core.errors import DomainError
from server_stub.db import make_engine, make_sessionmaker, migrate

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


def _validation_message(errors: list[Any]) -> str:
    parts = []
    for err in errors[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "body") or "请求体"
        parts.append(f"{where}: {err.get('msg', '')}")
    return "请求不符合规则：" + "；".join(parts)


def create_app(
    settings: Settings | None = None, clock: Clock = system_clock, migrate_schema: bool = True
) -> FastAPI:
    """Build the app on one database; ``clock`` is injectable so tests can fix "today"."""
    settings = settings or Settings()
    settings.ensure_dirs()
    engine = make_engine(settings.resolved_database_url())
    if migrate_schema:
        migrate(engine)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
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
    if migrate_schema:
        from server_stub.services.bootstrap import bootstrap

        with app.state.sessionmaker() as session:
            bootstrap(session)

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

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
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
    return app


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)

