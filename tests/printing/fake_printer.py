"""A fake ESC/POS network printer on 127.0.0.1 for tests."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


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
                # A printer that dies after ``die_after`` bytes takes no more than that: one
                # recv of the whole buffer could hold the whole job when the client sent it
                # before this thread ran (under CPU load, 1 in 200), and then it died too late.
                want = 65536 if self.die_after is None else self.die_after - len(self.received)
                data = conn.recv(want)
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



@contextmanager
def dead_printer(after: int = 3000) -> Iterator[str]:
    """A printer URI whose printer drops the connection after ``after`` bytes."""
    printer = FakePrinter(die_after=after)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        thread = threading.Thread(target=printer.serve, args=(listener,), daemon=True)
        thread.start()
        yield f"tcp:127.0.0.1:{listener.getsockname()[1]}"
        thread.join(timeout=5)
