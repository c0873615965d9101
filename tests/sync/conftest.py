from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.live import LiveServer


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = LiveServer(tmp_path_factory.mktemp("server") / "data")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[LiveServer]:
    server = LiveServer(tmp_path / "server")
    yield server
    server.stop()
