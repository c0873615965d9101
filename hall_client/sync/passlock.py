"""One sync pass at a time per data directory, across processes.

The window's background engine, ``hall-client sync run`` and a second window may all sync the
same data directory. Two passes at once would send the same outbox messages twice (the server
applies them once, by their Idempotency-Key) and then both record them. A pass therefore holds
an exclusive lock on ``sync.lock`` in the data directory: ``flock`` on POSIX, ``msvcrt.locking``
on Windows. Both are held by an open file, so a second engine in the same process (another
connection, another open of the file) is kept out too, and the operating system lets go of the
lock when the process dies: a crashed pass never leaves the directory locked.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

LOCK_FILENAME = "sync.lock"

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class PassLock:
    """The sync lock of one data directory. ``acquire`` waits a bounded time; ``release``
    (or leaving the ``with`` block) lets the next pass in."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_FILENAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float = 0.0, *, stop: threading.Event | None = None,
                poll: float = 0.05) -> bool:
        """Take the lock, waiting up to ``timeout`` seconds (or until ``stop`` is set) while
        another pass holds it; False if it could not be had."""
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already held by this lock")
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + max(0.0, timeout)
        try:
            while not _try_lock(fd):
                left = deadline - time.monotonic()
                if left <= 0 or (stop is not None and stop.is_set()):
                    os.close(fd)
                    return False
                if stop is not None:
                    stop.wait(min(poll, left))
                else:
                    time.sleep(min(poll, left))
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> PassLock:
        self.acquire(timeout=float("inf"))
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def pass_running(data_dir: Path) -> bool:
    """Whether a sync pass holds ``data_dir``'s lock now (in any process, this one too)."""
    lock = PassLock(data_dir)
    if not lock.path.exists():
        return False
    if lock.acquire(0.0):
        lock.release()
        return False
    return True
