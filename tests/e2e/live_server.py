"""The real central server on a loopback port (port 0: the system picks a free one), seeded
with the demo hall, for tests of the counter's HTTP clients. Its clock is fixed and movable."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest


@dataclass
class LiveServer:
    url: str
    app: Any
    clock: Any

    def set_day(self, y: int, m: int, d: int, hour: int = 10) -> None:
        self.clock.now = datetime(y, m, d, hour, tzinfo=ZoneInfo("Asia/Shanghai")).astimezone(UTC)


class _Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 2, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def start_server(data_dir: Path) -> tuple[LiveServer, Any, threading.Thread]:
    import uvicorn

    from server_stub.core.config import Settings
    from server_stub.core.security import use_cheap_hashing
    from server_stub.demo import seed_demo_data
    from server_stub.main import create_app

    use_cheap_hashing()
    clock = _Clock()
    app = create_app(Settings(data_dir=data_dir, secret_key="test-secret"), clock=clock)
    with app.state.sessionmaker() as session:
        seed_demo_data(session, clock())
        session.commit()
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    return LiveServer(f"http://127.0.0.1:{port}", app, clock), server, thread


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    live, server, thread = start_server(tmp_path / "server-data")
    yield live
    server.should_exit = True
    thread.join(10)
    live.app.state.engine.dispose()
    live.app.state.read_engine.dispose()
