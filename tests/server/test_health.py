"""Liveness and the OpenAPI document."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from server_stub import db
from server_stub.core.config import Settings
from server_stub.db import make_engine
from server_stub.main import create_app

from .conftest import PG_URL, Api, require_postgres


def test_healthz(api: Api) -> None:
    r = api.client.get("/healthz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}


def test_openapi_lists_the_api(api: Api) -> None:
    doc = api.client.get("/openapi.json").json()
    paths = doc["paths"]
    assert "/api/v1/auth/token" in paths
    assert "/api/v1/catalog" in paths
    assert all(p.startswith(("/api/v1/", "/healthz")) for p in paths)
    assert "HTTPBearer" in doc["components"]["securitySchemes"]


@pytest.mark.postgres
def test_a_rested_connection_the_database_cut_is_replaced(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Pooled connections are no longer pinged at every checkout (a round trip for each of
    a request's sessions), only after a rest: one the database cut while it rested is
    replaced before use, and one used a moment ago is not pinged."""
    require_postgres()
    engine = make_engine(PG_URL, pool_size=1, max_overflow=0)
    admin = create_engine(PG_URL)
    pings: list[object] = []
    ping = engine.dialect.do_ping
    monkeypatch.setattr(engine.dialect, "do_ping", lambda c: pings.append(c) or ping(c))
    try:
        backend = "SELECT pg_backend_pid()"
        with engine.connect() as conn:
            first = conn.execute(text(backend)).scalar()
        with engine.connect() as conn:  # used a moment ago: no ping
            assert conn.execute(text(backend)).scalar() == first
        assert pings == []
        with admin.begin() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": first})
        monkeypatch.setattr(db, "PING_AFTER_IDLE", 0.0)  # it rested long enough
        with engine.connect() as conn:
            second = conn.execute(text(backend)).scalar()
        assert second != first and len(pings) == 1
    finally:
        engine.dispose()
        admin.dispose()


def test_a_process_works_on_at_most_settings_threads_requests_at_once(tmp_path: Path) -> None:
    """Request work (synchronous database code) runs in at most ``Settings.threads`` worker
    threads; 40 (the framework's default) threads fighting for the interpreter lock cost a
    quarter more CPU per request under 50 counters. The others wait on the event loop."""
    app = create_app(Settings(data_dir=tmp_path, secret_key="test-secret", threads=2))
    lock = threading.Lock()
    running, most = 0, 0

    @app.get("/probe")
    def probe() -> dict[str, int]:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.2)
        with lock:
            running -= 1
        return {}

    with TestClient(app) as client, ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(lambda _: client.get("/probe").status_code, range(6)))
    app.state.engine.dispose()
    app.state.read_engine.dispose()
    assert answers == [200] * 6
    assert most == 2
