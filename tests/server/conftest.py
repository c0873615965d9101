"""Fixtures for the central server: an app on a fresh database per test, a fake clock.

A seeded SQLite template (catalog, holidays, demo hall and users, a second hall) is built once
and copied per test. PostgreSQL tests use their own schema per run; with env ``CI`` set a
PostgreSQL that does not answer fails the tests instead of skipping them.
"""

from __future__ import annotations

import os
import shutil
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

with warnings.catch_warnings():
    # starlette asks for the httpx2 fork, which is not packaged here; httpx works.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from server_stub.core.config import Settings
from server_stub.core.security import use_cheap_hashing
from server_stub.demo import COUNTER_SECRET, DEMO_PASSWORD, seed_demo_data
from server_stub.main import create_app
from server_stub.services import auth

use_cheap_hashing()
# Readying each app before it serves (services/warmup) costs about half a second per app;
# tests/server/test_warmup.py runs it, the other tests start without it.
os.environ.setdefault("HALL_SERVER_WARM_UP", "0")

PG_URL = os.environ.get(
    "HALL_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
OTHER_HALL = "other"


class FakeClock:
    """The server's clock in tests: set to any instant, moved explicitly."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, *args: int) -> None:
        """Set Shanghai wall time: ``set(2026, 2, 12, 10)`` (hour default 10)."""
        from zoneinfo import ZoneInfo

        y, m, d, *rest = args
        hour = rest[0] if rest else 10
        self.now = datetime(y, m, d, hour, tzinfo=ZoneInfo("Asia/Shanghai")).astimezone(UTC)


def seed_everything(app: Any) -> None:
    now = app.state.clock()
    with app.state.sessionmaker() as session:
        seed_demo_data(session, now)
        other = auth.register_hall(session, OTHER_HALL, "另一个行政服务中心", now)
        auth.register_counter(session, other, "X01", "外厅窗口", COUNTER_SECRET, now)
        auth.create_user(session, username="other_clerk", name="外厅受理员",
                         password=DEMO_PASSWORD, role="clerk", now=now, hall=other)
        auth.create_user(session, username="other_sup", name="外厅监察员",
                         password=DEMO_PASSWORD, role="supervisor", now=now, hall=other)
        session.commit()


@dataclass
class Api:
    """A test client that signs people in by user name and remembers their tokens."""

    client: TestClient
    app: Any
    clock: FakeClock
    tokens: dict[str, str] = field(default_factory=dict)
    issued: dict[str, datetime] = field(default_factory=dict)

    def login(self, username: str) -> dict[str, str]:
        """Bearer headers for a user; signs in again once the fake clock moved past expiry."""
        fresh = username in self.tokens and abs(
            (self.clock.now - self.issued[username]).total_seconds()) < 600
        if not fresh:
            body: dict[str, Any] = {"username": username, "password": DEMO_PASSWORD}
            if username.startswith("other_"):
                body.update(hall=OTHER_HALL, counter="X01", counter_secret=COUNTER_SECRET)
            elif username in HALL_USERS:
                body.update(hall="demo", counter="C01", counter_secret=COUNTER_SECRET)
            r = self.client.post("/api/v1/auth/token", json=body)
            assert r.status_code == 200, r.text
            self.tokens[username] = r.json()["access_token"]
            self.issued[username] = self.clock.now
        return {"Authorization": f"Bearer {self.tokens[username]}"}

    def as_(self, username: str, method: str, url: str, **kw: Any) -> Any:
        headers = {**self.login(username), **kw.pop("headers", {})}
        return self.client.request(method, url, headers=headers, **kw)

    def session(self) -> Any:
        return self.app.state.sessionmaker()


HALL_USERS = {"wangjing", "liqiang", "zhaomin", "sunli", "shouyin", "jiancha"}


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("server-template")
    clock = FakeClock(datetime(2026, 2, 2, 2, tzinfo=UTC))
    app = create_app(Settings(data_dir=base, secret_key="test-secret"), clock=clock)
    seed_everything(app)
    app.state.engine.dispose()
    return base / "server.sqlite3"


def _sqlite_api(template: Path, tmp_path: Path) -> Iterator[Api]:
    data = tmp_path / "server-data"
    data.mkdir()
    shutil.copy(template, data / "server.sqlite3")
    clock = FakeClock(datetime(2026, 2, 2, 2, tzinfo=UTC))
    app = create_app(Settings(data_dir=data, secret_key="test-secret"), clock=clock)
    with TestClient(app) as client:
        yield Api(client, app, clock)
    app.state.engine.dispose()
    app.state.read_engine.dispose()


def postgres_available() -> str | None:
    """None when PostgreSQL answers, else the reason."""
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as exc:
        return f"PostgreSQL at {PG_URL} does not answer: {exc.__class__.__name__}: {exc}"


def require_postgres() -> None:
    reason = postgres_available()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI is set, so PostgreSQL must be there: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_schema_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A schema of our own in the test database, seeded once, dropped at the end."""
    require_postgres()
    schema = f"hall_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    url = f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    data = tmp_path_factory.mktemp("server-pg")
    clock = FakeClock(datetime(2026, 2, 2, 2, tzinfo=UTC))
    app = create_app(Settings(data_dir=data, database_url=url, secret_key="test-secret"),
                     clock=clock)
    seed_everything(app)
    app.state.engine.dispose()
    try:
        yield url, data
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _pg_api(url: str, data: Path) -> Iterator[Api]:
    clock = FakeClock(datetime(2026, 2, 2, 2, tzinfo=UTC))
    app = create_app(Settings(data_dir=data, database_url=url, secret_key="test-secret"),
                     clock=clock)
    with TestClient(app) as client:
        yield Api(client, app, clock)
    app.state.engine.dispose()
    app.state.read_engine.dispose()


@pytest.fixture
def api(sqlite_template: Path, tmp_path: Path) -> Iterator[Api]:
    """The server on a fresh seeded SQLite database."""
    yield from _sqlite_api(sqlite_template, tmp_path)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_api(request: pytest.FixtureRequest, sqlite_template: Path, tmp_path: Path) -> Iterator[Api]:
    """The server on SQLite and on PostgreSQL (cases are unique per test, so PG is shared)."""
    if request.param == "sqlite":
        yield from _sqlite_api(sqlite_template, tmp_path)
    else:
        url, data = request.getfixturevalue("pg_schema_url")
        yield from _pg_api(url, data)
