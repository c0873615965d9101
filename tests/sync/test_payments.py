"""Payments travel as the server's ``payment_recorded`` action; one taken before the approval
came back waits (not a conflict); a void reaches the receipt's record for /verify (issue 14:
before it the server had no route for voids and they were parked)."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import select

from hall_client.core import outbox
from hall_client.store.models import OutboxMessage
from hall_client.store.sync_models import SyncDelivery
from hall_client.sync.engine import SyncEngine
from hall_client.sync.push import Backoff
from tests.sync.helpers import approve_on_server, enqueue_window_approve, pending_count
from tests.sync.live import PASSWORD, LiveServer, enqueue_case, make_counter


def test_payment_reported_after_approval_void_delivered(live_server: LiveServer,
                                                     tmp_path: Path) -> None:
    counter = make_counter(tmp_path / "c", live_server.url)
    case_id, _ = enqueue_case(counter, 900, pages=1, number="W01-PAY-1")
    enqueue_window_approve(counter, case_id)
    payment = str(uuid.uuid4())
    with counter.store.transaction() as s:
        outbox.enqueue(s, "fee.paid", {
            "payment": payment, "case": "W01-PAY-1", "item": "ZJ-XK-001", "total": "600.00",
            "stock_code": "33010126", "number": "0012345601", "cashier": "qianfang",
            "at": "2026-11-29T10:00:00+00:00"})
        # what cashier.take_payment queues beside fee.paid since issue 14
        outbox.enqueue(s, "receipt.issue", {
            "id": str(uuid.uuid4()), "payment_id": payment, "stock_code": "33010126",
            "number": "0012345601", "total": "600.00", "payer_masked": "某*公司",
            "case_number": "W01-PAY-1", "issued_at": "2026-11-29T10:00:00+00:00"})
        outbox.enqueue(s, "fee.voided", {"payment": payment, "reason": "重复收费",
                                         "approved_by": "zhouyan"})
    engine = SyncEngine(counter.data_dir, counter.settings, backoff=Backoff(base=0.05, cap=0.2))
    engine.sign_in("wangjing", PASSWORD)
    first = engine.run_once()
    # Paid before the approval came back: waits for it (retried), no conflict, nothing parked.
    with counter.store.transaction() as s:
        refused = [(d.code, d.reason) for d in s.scalars(select(SyncDelivery).where(
            SyncDelivery.state != "done"))]
    assert first.push.conflicts == 0 and first.push.parked == 0, refused
    assert pending_count(counter) == 2
    approve_on_server(live_server, case_id)
    for _ in range(20):
        engine.pusher.backoff.due.clear()  # the approval is in: try again now
        engine.run_once()
        if pending_count(counter) == 0:
            break
    assert pending_count(counter) == 0
    token = live_server.token("wangjing", "C01")
    events = live_server.get(f"/api/v1/cases/{case_id}/history", token).json()["events"]
    paid = [e for e in events if e["action"] == "payment_recorded"]
    assert len(paid) == 1 and paid[0]["data"].get("receipt_number") == "33010126-0012345601"
    with counter.store.transaction() as s:
        states = {d.message_id: (d.state, d.status_code, d.case_id)
                  for d in s.scalars(select(SyncDelivery))}
        void = s.scalar(select(OutboxMessage.id).where(
            OutboxMessage.kind == "fee.voided"))
    assert states[void] == ("done", 200, case_id)
    assert all(state == "done" for state, _, _ in states.values())
    engine.close()
    counter.close()
