"""Several server processes on one address, each accepting on a listening socket of its own.

uvicorn's workers share one listening socket. The worker that wakes first accepts every
connection waiting (the event loop accepts up to its backlog at once), and a counter's
keep-alive connection then stays with that worker for good: 50 counters connecting at once
were spread 31, 9, 7 and 3 over 4 workers, and the one with 31 ran its core full (a Python
process works on one core at a time) while the others idled; 4 processes were no faster than
1. With ``SO_REUSEPORT`` (Linux) each worker listens on a socket of its own for the same
address and the kernel spreads new connections over them evenly.

The parent process only holds the address (bound, never listening: a taken port fails at
start, once); uvicorn's supervisor still starts, watches and restarts the workers.
"""

from __future__ import annotations

import socket
import sys
from typing import Any

from uvicorn import Config
from uvicorn.supervisors import multiprocess


def supported() -> bool:
    """Does the kernel spread connections over sockets sharing a port (Linux)?"""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def reuse_port_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` with ``SO_REUSEPORT``, not yet listening."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except BaseException:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


class OwnListenerProcess(multiprocess.Process):
    """A uvicorn worker that listens on a socket of its own, bound to the address of the
    parent's (the port the parent got, also when asked for port 0)."""

    def target(self, sockets: list[socket.socket] | None = None) -> None:  # pragma: no cover
        # Runs in the worker process.
        assert sockets, "the parent passes its bound socket"
        host, port = sockets[0].getsockname()[:2]
        own = reuse_port_socket(host, port)
        for sock in sockets:
            sock.close()
        super().target([own])


def run(app: str, workers: int, **options: Any) -> None:
    """``uvicorn.run(app, factory=True, workers=workers, **options)``, but each worker on a
    listening socket of its own."""
    config = Config(app, factory=True, workers=workers, **options)
    reserved = reuse_port_socket(config.host, config.port)
    # The supervisor makes its workers (at start, on restart, on SIGTTIN) by this name.
    multiprocess.Process = OwnListenerProcess  # type: ignore[misc]
    try:
        multiprocess.Multiprocess(config, sockets=[reserved]).run()
    finally:
        reserved.close()
