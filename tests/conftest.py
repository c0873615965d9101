"""Shared fixtures. Every test gets its own data directory; nothing touches the user's."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault(
    "ESCPOS_CAPABILITIES_PICKLE_DIR", str(Path(tempfile.gettempdir()) / "hall-client-escpos")
)

SHARED_PAGES = Path(__file__).resolve().parents[2] / "shared" / "data" / "pages"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh HALL_DATA_DIR for one test."""
    path = tmp_path / "hall-data"
    path.mkdir()
    monkeypatch.setenv("HALL_DATA_DIR", str(path))
    yield path
