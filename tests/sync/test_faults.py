"""Network faults through our own proxy: cuts mid-upload, lost replies after the server
committed, slow replies, 500s, garbled JSON, a token that runs out mid-batch, a server
restart. Nothing is lost, nothing arrives twice, and the status says what is going on."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from hall_client.sync.credential import CredentialFile
from hall_client.sync.engine import SyncEngine, read_status
from hall_client.sync.push import Backoff
from tests.sync.fault_proxy import FAULTS, FaultProxy, random_faults
from tests.sync.helpers import (
    check_server_has,
    drive,
    enqueue_window_approve,
    pending_count,
)
from tests.sync.live import PASSWORD, LiveServer, enqueue_case, make_counter

FAST = Backoff(base=0.05, cap=0.5)


def _engine(counter_dir: Path, counter, proxy_url: str) -> SyncEngine:  # type: ignore[no-untyped-def]
    return SyncEngine(counter_dir, counter.settings, backoff=Backoff(base=0.05, cap=0.5))


def test_every_fault_kind_mixed_nothing_lost_nothing_twice(live_server: LiveServer,
                                                           tmp_path: Path) -> None:
    proxy = FaultProxy(live_server.port, random_faults(0.3, seed=7), slow_seconds=0.3)
    counter = make_counter(tmp_path / "c", proxy.url)
    sent = [enqueue_case(counter, 100 + i, pages=3, size=40_000) for i in range(6)]
    approvals = {case_id: enqueue_window_approve(counter, case_id) for case_id, _ in sent}
    engine = _engine(counter.data_dir, counter, proxy.url)
    engine.auth.use("wangjing")
    engine.sign_in("wangjing", PASSWORD)
    results = drive(engine, counter, passes=60, wait=2.0)
    assert pending_count(counter) == 0, results[-1]
    assert set(proxy.injected) == set(FAULTS), proxy.injected
    check_server_has(live_server, sent, approvals)
    engine.close()
    counter.close()
    proxy.close()


def test_server_restart_mid_batch(fresh_server: LiveServer, tmp_path: Path) -> None:
    fresh_server.start()
    counter = make_counter(tmp_path / "c", fresh_server.url)
    sent = [enqueue_case(counter, 200 + i, pages=4, size=60_000) for i in range(8)]
    engine = SyncEngine(counter.data_dir, counter.settings, backoff=Backoff(base=0.1, cap=1.0))
    engine.sign_in("wangjing", PASSWORD)
    before = pending_count(counter)

    def restart() -> None:
        while pending_count(counter) > before - 6:
            time.sleep(0.01)
        fresh_server.stop(hard=True)
        time.sleep(0.5)
        fresh_server.start()

    t = threading.Thread(target=restart)
    t.start()
    results = drive(engine, counter, passes=40, wait=3.0)
    t.join()
    assert pending_count(counter) == 0, results[-1]
    # the engine saw the server go: a pass went offline, or retried what the restart cut
    assert any(not r.online or r.push.retries for r in results), results
    check_server_has(fresh_server, sent)
    engine.close()
    counter.close()


def test_lost_refresh_answer_keeps_the_sign_in(live_server: LiveServer, tmp_path: Path) -> None:
    lost = {"n": 0}

    def decide(method: str, path: str, index: int) -> str | None:
        if path.endswith("/auth/refresh") and lost["n"] == 0:
            lost["n"] += 1
            return "lost_reply"  # the server rotated the pair, the counter never heard
        return None

    proxy = FaultProxy(live_server.port, decide)
    counter = make_counter(tmp_path / "c", proxy.url)
    engine = _engine(counter.data_dir, counter, proxy.url)
    engine.sign_in("wangjing", PASSWORD)
    old = engine.auth.registration.tokens["wangjing"]
    old.access_expires_at = 0  # the access token ran out: the next call refreshes
    CredentialFile(counter.data_dir).save(engine.auth.registration)
    sent = [enqueue_case(counter, 300, pages=1)]
    first = engine.run_once(wait_up_to=0)
    assert not first.online and first.password_needed is None
    # The same refresh token again (within 60 s): the server hands out a fresh pair.
    results = drive(engine, counter, passes=5, wait=1.0)
    assert pending_count(counter) == 0, results[-1]
    assert results[-1].password_needed is None
    new = CredentialFile(counter.data_dir).load().tokens["wangjing"]  # type: ignore[union-attr]
    assert new.refresh_token != old.refresh_token and new.refresh_pending_since is None
    check_server_has(live_server, sent)
    # A new engine (a restart) uses the stored pair: no password typed again.
    engine.close()
    again = SyncEngine(counter.data_dir, counter.settings)
    assert again.use("wangjing")
    assert again.run_once().password_needed is None
    again.close()
    counter.close()
    proxy.close()


def test_expired_access_token_mid_batch_is_refreshed(live_server: LiveServer,
                                                     tmp_path: Path) -> None:
    counter = make_counter(tmp_path / "c", live_server.url)
    sent = [enqueue_case(counter, 400 + i, pages=2) for i in range(3)]
    engine = SyncEngine(counter.data_dir, counter.settings, workers=1)
    engine.sign_in("wangjing", PASSWORD)
    pair = engine.auth.registration.tokens["wangjing"]
    calls = {"n": 0}
    real = engine.http.request

    def request(method, path, **kw):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 4:
            pair.access_token = "expired-" + pair.access_token[8:]  # the server says 401
            kw["token"] = pair.access_token
        return real(method, path, **kw)

    engine.http.request = request  # type: ignore[method-assign]
    result = engine.run_once()
    assert result.password_needed is None and result.push.delivered == 9, result
    check_server_has(live_server, sent)
    engine.close()
    counter.close()


def test_refused_refresh_asks_for_the_password(live_server: LiveServer, tmp_path: Path) -> None:
    counter = make_counter(tmp_path / "c", live_server.url)
    engine = SyncEngine(counter.data_dir, counter.settings)
    engine.sign_in("wangjing", PASSWORD)
    pair = engine.auth.registration.tokens["wangjing"]
    pair.access_expires_at = 0
    pair.refresh_token = "not-a-token"
    enqueue_case(counter, 500, pages=1)
    result = engine.run_once()
    assert result.password_needed == "wangjing"
    status = read_status(counter.data_dir, counter.store, counter.settings)
    assert status.pending == 2 and status.first_error is not None
    assert status.first_error["password_needed"] == "wangjing"
    assert "wangjing" not in CredentialFile(counter.data_dir).load().tokens  # type: ignore[union-attr]
    engine.close()
    counter.close()
