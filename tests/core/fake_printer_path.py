"""A printer that accepts the connection and dies after a few bytes (for core tests)."""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "printing"))

from fake_printer import FakePrinter


@contextmanager
def dead_printer(after: int = 3000) -> Iterator[str]:
    printer = FakePrinter(die_after=after)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        thread = threading.Thread(target=printer.serve, args=(listener,), daemon=True)
        thread.start()
        yield f"tcp:127.0.0.1:{listener.getsockname()[1]}"
        thread.join(timeout=5)
