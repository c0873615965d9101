"""GUI fixtures: a demo counter, the job runner, and waiting for background operations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hall_client.core import auth
from hall_client.core.actor import Actor
from hall_client.core.counter import DEMO_PASSWORD, Counter, open_counter
from hall_client.gui.jobs import JobRunner


@pytest.fixture
def counter(demo_data_dir: Path) -> Iterator[Counter]:
    c = open_counter(demo_data_dir)
    c.settings.server.url = "http://127.0.0.1:9"  # nothing listens on the discard port
    yield c
    c.close()


@pytest.fixture
def jobs(qtbot: QtBot) -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    runner.wait()


def sign_in(counter: Counter, username: str) -> Actor:
    return auth.sign_in(counter.store.sessions, username, DEMO_PASSWORD, "W01")


def settle(qtbot: QtBot, jobs: JobRunner) -> None:
    """Let queued background operations finish and their callbacks run."""
    jobs.wait()
    qtbot.wait(50)
    jobs.wait()
    qtbot.wait(50)
