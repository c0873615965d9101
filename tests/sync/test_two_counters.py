"""Two counters of one hall work offline at the same time, then both come online: no case
number clashes, and each sees the other's cases through the server."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from hall_client.store.sync_models import ServerCase
from hall_client.sync.engine import SyncEngine
from tests.sync.helpers import check_server_has, drive
from tests.sync.live import PASSWORD, LiveServer, enqueue_case, make_counter


def test_two_counters_offline_then_online(fresh_server: LiveServer, tmp_path: Path) -> None:
    one = make_counter(tmp_path / "w01", fresh_server.url, "C01", counter_id="W01")
    two = make_counter(tmp_path / "w02", fresh_server.url, "C02", counter_id="W02")
    sent_one = [enqueue_case(one, i, pages=2) for i in range(3)]
    sent_two = [enqueue_case(two, i, pages=2) for i in range(3)]
    e1 = SyncEngine(one.data_dir, one.settings)
    e2 = SyncEngine(two.data_dir, two.settings)
    e1.use("wangjing")  # signed in at the counter while offline: no server sign-in yet
    offline = e1.run_once()
    assert not offline.online and offline.password_needed == "wangjing"
    fresh_server.start()
    e1.sign_in("wangjing", PASSWORD)
    e2.sign_in("liqiang", PASSWORD)
    drive(e1, one)
    drive(e2, two)
    e1.run_once()  # pulls what the second counter sent after the first's pass
    check_server_has(fresh_server, sent_one + sent_two)
    for counter, other in ((one, sent_two), (two, sent_one)):
        with counter.store.transaction() as s:
            seen = {c.id: c.case_number for c in s.scalars(select(ServerCase))}
        assert {case_id for case_id, _ in sent_one + sent_two} <= set(seen)
        assert len(set(seen.values())) == len(seen)
        assert {case_id for case_id, _ in other} <= set(seen)
    for e in (e1, e2):
        e.close()
    one.close()
    two.close()
