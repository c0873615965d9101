"""One sync pass at a time per data directory: two engines on one counter's data (the window's
background engine and ``hall-client sync run``, or two windows) never send the same message
twice, nor record it twice."""

from __future__ import annotations

import threading
import time
from collections import Counter as Tally
from pathlib import Path

import pytest
from sqlalchemy import select

from hall_client.store.models import OutboxMessage
from hall_client.store.sync_models import SyncDelivery
from hall_client.sync import engine as engine_module
from hall_client.sync.engine import LAST_PASS, PassResult, SyncEngine, read_status
from hall_client.sync.ledger import Pending, get_json
from hall_client.sync.passlock import PassLock, pass_running
from hall_client.sync.push import Outcome, Pusher
from tests.sync.helpers import (
    check_server_has,
    enqueue_window_approve,
    finish,
    holder,
    pending_count,
    said,
)
from tests.sync.live import PASSWORD, LiveServer, enqueue_case, make_counter

#: How long the engines wait, at most, for each other to send the same messages.
PAUSE = 2.0


def test_two_engines_on_one_data_dir_send_and_record_each_message_once(
        live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = make_counter(tmp_path / "c", live_server.url)
    sent = [enqueue_case(counter, 500 + i, pages=2) for i in range(3)]
    approvals = {case_id: enqueue_window_approve(counter, case_id) for case_id, _ in sent}
    total = pending_count(counter)
    assert total == 12
    first = SyncEngine(counter.data_dir, counter.settings)  # its own Store (connections)
    first.sign_in("wangjing", PASSWORD)
    second = SyncEngine(counter.data_dir, counter.settings)  # another Store on the same file
    assert second.store is not first.store and second.use("wangjing")

    # Widen the window between "the server answered" and "the answer is recorded": the first
    # engine to send a message waits until the other engine sent it too (for PAUSE seconds
    # from the first send at most, then no more). Without one pass at a time both engines
    # always send the first messages, then both record them.
    original = Pusher.deliver
    sends: Tally[str] = Tally()
    by_engine: dict[str, set[int]] = {}
    guard = threading.Condition()
    deadline: list[float] = []

    def deliver(self: Pusher, m: Pending) -> Outcome:
        out = original(self, m)
        with guard:
            sends[m.id] += 1
            by_engine.setdefault(m.id, set()).add(id(self))
            guard.notify_all()
            if not deadline:
                deadline.append(time.monotonic() + PAUSE)
            while len(by_engine[m.id]) < 2 and time.monotonic() < deadline[0]:
                guard.wait(deadline[0] - time.monotonic())
        return out

    monkeypatch.setattr(Pusher, "deliver", deliver)
    results: dict[str, list[PassResult]] = {"first": [], "second": []}
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def run(name: str, engine: SyncEngine) -> None:
        try:
            start.wait(timeout=10)
            for _ in range(5):  # a pass that found the other one running is tried again
                results[name].append(engine.run_once(wait_up_to=3.0))
                if pending_count(counter) == 0:
                    break
        except BaseException as exc:  # reported below, with its type
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n, e), name=f"engine-{n}")
               for n, e in (("first", first), ("second", second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert errors == [], errors
    every = [r for rs in results.values() for r in rs]
    assert sum(r.push.delivered for r in every) == total, every
    assert all(r.online and not r.error for r in every), every
    # Each message went to the server once (not twice, deduplicated there) ...
    assert len(sends) == total and set(sends.values()) == {1}, sends
    # ... was applied there once ...
    check_server_has(live_server, sent, approvals)
    # ... and recorded here once, as done.
    with counter.store.transaction() as s:
        deliveries = list(s.scalars(select(SyncDelivery)))
        unsent = list(s.scalars(select(OutboxMessage).where(OutboxMessage.sent_at.is_(None))))
    assert len(deliveries) == total and {d.state for d in deliveries} == {"done"}
    assert unsent == []
    for e in (first, second):
        e.close()
    counter.close()


def test_a_pass_while_another_process_syncs_says_so_and_records_nothing(
        live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = make_counter(tmp_path / "c", live_server.url)
    enqueue_case(counter, 600, pages=1)
    engine = SyncEngine(counter.data_dir, counter.settings)
    engine.sign_in("wangjing", PASSWORD)
    assert engine.run_once(wait_up_to=3.0).push.delivered == 2
    enqueue_case(counter, 601, pages=1)
    with counter.store.transaction() as s:
        recorded = get_json(s, LAST_PASS)
    other = holder(counter.data_dir)  # `hall-client sync run` or another window, mid-pass
    try:
        assert said(other) == "held"
        started = time.monotonic()
        result = engine.run_once(wait_up_to=3.0, lock_wait=0.3)
        assert 0.3 <= time.monotonic() - started < 5.0
        # Nothing sent, not an error, not "offline": what the other pass last recorded.
        assert result.busy and result.online and not result.error
        assert result.password_needed is None
        assert result.push.delivered == 0 and pending_count(counter) == 2
        assert result.to_dict()["busy"] is True
        status = read_status(counter.data_dir, counter.store, counter.settings)
        assert status.pass_running and status.online and status.first_error is None
        assert status.last_pass == recorded  # the busy pass recorded nothing
        # By default a pass waits LOCK_WAIT seconds; stop() ends the wait at once.
        monkeypatch.setattr(engine_module, "LOCK_WAIT", 0.2)
        assert engine.run_once().busy
        threading.Timer(0.2, engine.stop).start()
        started = time.monotonic()
        assert engine.run_once(lock_wait=30.0).busy
        assert time.monotonic() - started < 5.0
    finally:
        finish(other)
    again = SyncEngine(counter.data_dir, counter.settings)
    assert again.use("wangjing")
    result = again.run_once(wait_up_to=3.0)
    assert not result.busy and result.push.delivered == 2 and pending_count(counter) == 0
    assert not read_status(counter.data_dir, counter.store, counter.settings).pass_running
    for e in (engine, again):
        e.close()
    counter.close()


def test_the_lock_is_let_go_when_a_pass_fails(live_server: LiveServer, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    counter = make_counter(tmp_path / "c", live_server.url)
    engine = SyncEngine(counter.data_dir, counter.settings)

    def broken(**_: object) -> None:
        assert pass_running(counter.data_dir)  # held during the pass
        raise RuntimeError("disk gone")

    monkeypatch.setattr(engine.pusher, "push", broken)
    with pytest.raises(RuntimeError, match="disk gone"):
        engine.run_once()
    assert not pass_running(counter.data_dir)
    lock = PassLock(counter.data_dir)
    assert lock.acquire(0.0)
    lock.release()
    engine.close()
    counter.close()
