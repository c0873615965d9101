"""Fixtures for printing tests: a fixed hall key, a sample receipt, a fake network printer."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from hall_client.printing.receipt import Receipt
from hall_client.printing.sample import sample_receipt

KEY = bytes(range(32))


@pytest.fixture
def key() -> bytes:
    return KEY


@pytest.fixture
def receipt() -> Receipt:
    return sample_receipt(datetime(2026, 11, 28, 3, 4, 5, tzinfo=UTC))


@dataclass
class FakePrinter:
    """An ESC/POS printer on 127.0.0.1: stores what it receives, answers DLE EOT 1.

    ``die_after`` makes it drop the connection after that many bytes, like a printer whose
    cable is pulled mid-print.
    """

    die_after: int | None = None
    received: bytearray = field(default_factory=bytearray)
    port: int = 0
    done: threading.Event = field(default_factory=threading.Event)

    def serve(self, listener: socket.socket) -> None:
        conn, _ = listener.accept()
        with conn:
            while True:
                data = conn.recv(65536)
                if not data:
                    break
                self.received += data
                if self.die_after is not None and len(self.received) >= self.die_after:
                    # RST rather than FIN: unread data is thrown away, as by a dead printer.
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\0\0\0\0\0\0\0")
                    break
                if self.received.endswith(b"\x10\x04\x01"):
                    conn.sendall(b"\x12")
        self.done.set()


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
