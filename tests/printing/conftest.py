"""Fixtures for printing tests: a fixed hall key, a sample receipt, a fake network printer."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from hall_client.printing.receipt import Receipt
from hall_client.printing.sample import sample_receipt
from tests.printing.fake_printer import FakePrinter

KEY = bytes(range(32))


@pytest.fixture
def key() -> bytes:
    return KEY


@pytest.fixture
def receipt() -> Receipt:
    return sample_receipt(datetime(2026, 11, 28, 3, 4, 5, tzinfo=UTC))


@pytest.fixture
def fake_printer() -> Iterator[FakePrinter]:
    printer = FakePrinter()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        printer.port = listener.getsockname()[1]
        thread = threading.Thread(target=printer.serve, args=(listener,), daemon=True)
        thread.start()
        yield printer
        thread.join(timeout=5)
