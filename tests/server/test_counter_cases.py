"""The counter's outbox messages, sent as they are, are what the server takes: the case is
created with the counter's number and query code, and both promise the same date."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import select

from hall_client.core.cases.intake import record_intake
from hall_client.core.counter import open_counter
from hall_client.store.models import OutboxMessage
from tests.core.cases.helpers import CLERK, HALL, full_intake
from tests.server.conftest import Api


def test_case_create_and_page_uploads_as_queued(api: Api, tmp_path: Path) -> None:
    counter = open_counter(tmp_path / "counter")
    now = api.clock.now  # Mon 2 Feb 2026, 10:00 in Shanghai
    with counter.store.transaction() as s:
        result = record_intake(s, CLERK, HALL, counter.data_dir, full_intake(), now=now)
        messages = [(m.id, m.kind, dict(m.payload)) for m in s.scalars(
            select(OutboxMessage).order_by(OutboxMessage.seq))]
    counter.close()
    (key, kind, body), *uploads = messages
    assert kind == "case.create"
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=body,
                headers={"Idempotency-Key": key})
    assert r.status_code == 201, r.text
    case = r.json()
    assert case["case_number"] == result.case_number
    assert case["verification_code"] == result.query_code
    assert result.promised_date == date(2026, 2, 11)
    assert case["promised_due"] == result.promised_date.isoformat()  # same rule, same table
    assert result.legal_date is not None and case["legal_due"] == result.legal_date.isoformat()
    assert case["fee_total"] == "720000.00"
    for key, kind, payload in uploads:
        assert kind == "page.upload"
        r = api.as_("wangjing", "POST", f"/api/v1/cases/{payload['case_id']}/uploads",
                    json=payload["upload"], headers={"Idempotency-Key": key})
        assert r.status_code == 201, r.text
        data = (counter.data_dir / payload["file"]).read_bytes()
        r = api.as_("wangjing", "PUT",
                    f"/api/v1/uploads/{payload['upload']['id']}/chunks?offset=0",
                    content=data, headers={"Content-Type": "application/octet-stream"})
        assert r.status_code == 200 and r.json()["complete"], r.text
    # sent again (a retry after a lost answer): the same case, not a second one
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=body,
                headers={"Idempotency-Key": str(uuid.uuid4())})
    assert r.status_code == 200 and r.json()["id"] == result.case_id
