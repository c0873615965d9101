"""The sync lock of a data directory: one holder at a time across processes (and across engines
of one process), each data directory on its own, let go when its holder dies."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from hall_client.sync.passlock import LOCK_FILENAME, PassLock, pass_running
from tests.sync.helpers import finish, holder, said


def test_another_process_holding_the_lock_keeps_this_one_out_until_it_lets_go(
        tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    other = holder(one)
    try:
        assert said(other) == "held"
        assert (one / LOCK_FILENAME).exists() and pass_running(one)
        lock = PassLock(one)
        assert not lock.acquire(0.0) and not lock.held
        started = time.monotonic()
        assert not lock.acquire(0.3)
        assert time.monotonic() - started >= 0.3  # waited the time it was given
        # Another data directory is not held by it.
        elsewhere = PassLock(two)
        assert not pass_running(two)
        assert elsewhere.acquire(0.0)
        assert pass_running(two)  # held here now: a pass of this process runs there
        elsewhere.release()
        assert not pass_running(two)
    finally:
        finish(other)
    assert not pass_running(one)
    with PassLock(one) as lock:
        assert lock.held
    assert not lock.held


def test_a_waiting_process_gets_the_lock_once_this_one_lets_go(tmp_path: Path) -> None:
    lock = PassLock(tmp_path)
    assert lock.acquire(0.0)
    refused = holder(tmp_path)
    assert said(refused) == "refused"
    finish(refused)
    waiting = holder(tmp_path, wait=30.0)
    time.sleep(0.5)  # it is waiting now
    released_at = time.monotonic()
    lock.release()
    assert said(waiting) == "held"
    assert time.monotonic() - released_at < 5.0
    assert not PassLock(tmp_path).acquire(0.0)
    finish(waiting)


def test_the_lock_goes_with_a_holder_that_dies(tmp_path: Path) -> None:
    other = holder(tmp_path)
    assert said(other) == "held"
    other.kill()  # a crash: no release
    other.communicate(timeout=30)
    lock = PassLock(tmp_path)
    assert lock.acquire(5.0)
    lock.release()


def test_two_engines_of_one_process_exclude_each_other_too(tmp_path: Path) -> None:
    """The window's engine and a second one in the same process (its own open of the file)."""
    first, second = PassLock(tmp_path), PassLock(tmp_path)
    assert first.acquire(0.0)
    assert not second.acquire(0.0)
    got: list[bool] = []
    waiter = threading.Thread(target=lambda: got.append(second.acquire(10.0)))
    waiter.start()
    time.sleep(0.2)
    first.release()
    waiter.join(timeout=10)
    assert got == [True]
    second.release()


def test_stopping_ends_the_wait(tmp_path: Path) -> None:
    held = PassLock(tmp_path)
    assert held.acquire(0.0)
    stop = threading.Event()
    threading.Timer(0.2, stop.set).start()
    started = time.monotonic()
    assert not PassLock(tmp_path).acquire(30.0, stop=stop)
    assert time.monotonic() - started < 5.0
    held.release()
