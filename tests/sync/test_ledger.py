"""The ledger when another engine on the same data directory recorded a message first: the
outcome already there stands (done stays done), and nothing fails on the unique message id."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import select

from hall_client.core import outbox
from hall_client.core.counter import open_counter
from hall_client.store.models import OutboxMessage
from hall_client.store.sync_models import SyncDelivery
from hall_client.sync import ledger
from hall_client.sync.ledger import DONE, PARKED, open_sync_store


def test_a_message_recorded_by_another_engine_is_done_not_a_crash(tmp_path: Path) -> None:
    counter = open_counter(tmp_path / "c")
    case_id = str(uuid.uuid4())
    with counter.store.transaction() as s:
        outbox.enqueue(s, "case.action", {"case_id": case_id, "body": {
            "id": str(uuid.uuid4()), "action": "approve"}})
        outbox.enqueue(s, "case.action", {"case_id": case_id, "body": {
            "id": str(uuid.uuid4()), "action": "approve"}})
    with counter.store.transaction() as s:
        done, parked = ledger.load_pending(s)
    other = open_sync_store(counter.data_dir)  # another engine's connections
    with other.transaction() as s:
        ledger.record_done(s, done, 200, {"from": "other"})
        ledger.record_refused(s, parked, PARKED, 422, "bad", "不合格")
    with counter.store.transaction() as s:
        ledger.record_done(s, done, 200, {"from": "this"})  # no IntegrityError
        ledger.record_refused(s, done, PARKED, 422, "late", "迟到的拒收")  # done stays done
        ledger.record_done(s, parked, 201, {"from": "this"})  # the server took it after all
    with counter.store.transaction() as s:
        rows = {d.message_id: d for d in s.scalars(select(SyncDelivery))}
        sent = {m.id: m.sent_at for m in s.scalars(select(OutboxMessage))}
    assert set(rows) == {done.id, parked.id}
    assert rows[done.id].state == DONE and rows[done.id].answer == {"from": "other"}
    assert rows[parked.id].state == DONE and rows[parked.id].answer == {"from": "this"}
    assert rows[parked.id].status_code == 201 and rows[parked.id].reason == ""
    assert all(sent.values())
    other.close()
    counter.close()
