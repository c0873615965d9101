"""Pull: the counter learns of approvals, returns and correction requests; catalog and
holidays arrive; parked refusals and conflicts are kept with both sides and block only their
own case."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import func, select

from hall_client.core import outbox
from hall_client.store.case_models import HolidayDay, HolidayYear
from hall_client.store.sync_models import ServerCase, SyncDelivery, SyncNotice
from hall_client.sync import pull
from hall_client.sync.engine import SyncEngine, read_status
from tests.sync.helpers import (
    approve_on_server,
    drive,
    enqueue_window_approve,
    pending_count,
    server_action,
)
from tests.sync.live import PASSWORD, LiveServer, enqueue_case, make_counter


def test_approval_return_and_correction_reach_the_clerk(live_server: LiveServer,
                                                        tmp_path: Path) -> None:
    counter = make_counter(tmp_path / "c", live_server.url)
    ids = [enqueue_case(counter, 600 + i, pages=1)[0] for i in range(3)]
    for case_id in ids:
        enqueue_window_approve(counter, case_id)
    engine = SyncEngine(counter.data_dir, counter.settings)
    engine.sign_in("wangjing", PASSWORD)
    first = engine.run_once()
    assert first.push.delivered == 9 and first.pull.cases >= 3
    assert first.pull.holidays and first.pull.holidays > 100
    approve_on_server(live_server, ids[0])
    server_action(live_server, ids[1], "chenhao", {"action": "return", "opinion": "材料不全"})
    server_action(live_server, ids[2], "chenhao",
                  {"action": "request_correction", "reason": "缺少施工合同"})
    second = engine.run_once()
    assert second.pull.notices == 3, second
    with counter.store.transaction() as s:
        notices = {n.case_id: n for n in pull.unseen_notices(s)}
        assert notices[ids[0]].kind == "approved"
        assert notices[ids[1]].kind == "returned" and "材料不全" in notices[ids[1]].text
        assert notices[ids[2]].kind == "correction"
        assert s.get(ServerCase, ids[0]).status == "awaiting_collection"  # type: ignore[union-attr]
        steps = s.get(ServerCase, ids[0]).data["steps"]  # type: ignore[union-attr]
        assert any(st["opinion"] == "同意" and st["actor"] for st in steps)
        pull.mark_seen(s, [n.id for n in notices.values()])
    # Pulled again (a cursor reset: as after a lost answer): no second notice.
    with counter.store.transaction() as s:
        from hall_client.sync import ledger
        ledger.set_value(s, pull.CASE_CURSOR, "0")
    third = engine.run_once()
    assert third.pull.notices == 0 and third.pull.cases >= 3
    with counter.store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(SyncNotice)) == 3
        assert s.scalar(select(func.count()).select_from(HolidayDay)) > 100
        assert set(s.scalars(select(HolidayYear.source))) == {"server"}
    engine.close()
    counter.close()


def test_refused_message_is_parked_with_reason_and_blocks_only_its_case(
        live_server: LiveServer, tmp_path: Path) -> None:
    counter = make_counter(tmp_path / "c", live_server.url)
    good = enqueue_case(counter, 700, pages=2)[0]
    bad_id = str(uuid.uuid4())
    with counter.store.transaction() as s:
        outbox.enqueue(s, "case.create", {
            "id": bad_id, "item_code": "NO-SUCH-ITEM", "case_number": "W01-BAD-1",
            "applicant": {"name": "张三"}, "materials": [], "fees": []})
        outbox.enqueue(s, "case.action", {"case_id": bad_id,
                                          "body": {"id": str(uuid.uuid4()), "action": "approve"}})
    later = enqueue_case(counter, 701, pages=2)[0]
    engine = SyncEngine(counter.data_dir, counter.settings)
    engine.sign_in("wangjing", PASSWORD)
    drive(engine, counter, passes=3, wait=0)
    status = read_status(counter.data_dir, counter.store, counter.settings)
    assert status.parked == 1 and status.pending == 1  # the bad case's step waits behind it
    err = status.first_error
    assert err is not None and err["case_number"] == "W01-BAD-1"
    assert err["kind"] == "case.create" and err["reason"]  # the server's own words
    with counter.store.transaction() as s:
        done = {d.case_id for d in s.scalars(select(SyncDelivery).where(SyncDelivery.state == "done"))}
    assert {good, later} <= done
    engine.close()
    counter.close()


def test_local_step_on_a_case_the_server_moved_on_is_a_conflict(live_server: LiveServer,
                                                                tmp_path: Path) -> None:
    counter = make_counter(tmp_path / "c", live_server.url)
    case_id = enqueue_case(counter, 800, pages=1)[0]
    engine = SyncEngine(counter.data_dir, counter.settings)
    engine.sign_in("wangjing", PASSWORD)
    engine.run_once()
    # Offline, the clerk registers a collection, but the server has the case under review.
    with counter.store.transaction() as s:
        outbox.enqueue(s, "case.action", {"case_id": case_id, "body": {
            "id": str(uuid.uuid4()), "action": "collected", "collector": "张三"}})
    engine.run_once()
    assert pending_count(counter) == 0
    with counter.store.transaction() as s:
        d = s.scalar(select(SyncDelivery).where(SyncDelivery.state == "conflict"))
        assert d is not None and d.case_id == case_id and d.status_code == 409
        assert d.server_side["status"] == "in_progress"  # the server's side, kept
        assert d.reason
    status = read_status(counter.data_dir, counter.store, counter.settings)
    assert status.conflicts == 1 and status.first_error["state"] == "conflict"  # type: ignore[index]
    engine.close()
    counter.close()
