"""Push: cases and their pages reach the real server once, byte for byte, in order."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from hall_client.store.models import OutboxMessage
from hall_client.store.sync_models import SyncDelivery
from hall_client.sync.engine import SyncEngine
from tests.sync.live import PASSWORD, LiveServer, enqueue_case, make_counter


def server_cases(server: LiveServer) -> dict[str, dict]:
    token = server.token("wangjing", "C01")
    body = server.get("/api/v1/cases", token).json()
    return {c["id"]: c for c in body["cases"]}


def test_cases_and_pages_arrive_once_with_identical_bytes(live_server: LiveServer,
                                                          tmp_path: Path) -> None:
    counter = make_counter(tmp_path / "c", live_server.url)
    sent = [enqueue_case(counter, i, pages=3) for i in range(4)]
    engine = SyncEngine(counter.data_dir, counter.settings)
    engine.sign_in("wangjing", PASSWORD)
    result = engine.run_once(wait_up_to=10)
    assert result.online and not result.error, result
    assert result.push.delivered == 16
    cases = server_cases(live_server)
    token = live_server.token("wangjing", "C01")
    for case_id, hashes in sent:
        assert case_id in cases
        uploads = {u["id"]: u for u in cases[case_id]["uploads"]}
        assert set(uploads) == set(hashes)
        for up_id, digest in hashes.items():
            assert uploads[up_id]["complete"] and uploads[up_id]["sha256"] == digest
            content = live_server.get(f"/api/v1/uploads/{up_id}/content", token).content
            import hashlib
            assert hashlib.sha256(content).hexdigest() == digest
    # A second pass sends nothing again, and the query code is no longer kept.
    again = engine.run_once()
    assert again.push.delivered == 0
    with counter.store.transaction() as s:
        creates = list(s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "case.create")))
        assert all(m.payload["verification_code"] == "" and m.sent_at for m in creates)
        assert s.scalar(select(SyncDelivery).where(SyncDelivery.state != "done")) is None
    engine.close()
    counter.close()
