"""Fixtures for core tests: a counter opened on a fresh data directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hall_client.core.counter import Counter, open_counter


@pytest.fixture
def counter(data_dir: Path) -> Iterator[Counter]:
    c = open_counter(data_dir)
    yield c
    c.close()


@pytest.fixture
def demo_counter(demo_data_dir: Path) -> Iterator[Counter]:
    c = open_counter(demo_data_dir)
    yield c
    c.close()
