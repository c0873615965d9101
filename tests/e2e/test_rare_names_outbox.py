"""A case accepted at the counter reaches the server with every character of its names: the
outbox's ``case.create`` payload, sent as the sync engine sends it, round-trips through the
server's API on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from hall_client.core.cases.intake import record_intake
from hall_client.core.counter import open_counter
from hall_client.store.models import OutboxMessage
from tests.core.cases.helpers import CLERK, HALL, PERSON, full_intake
from tests.rare_names import NAMES
from tests.server.conftest import Api, any_api, pg_schema_url, sqlite_template

__all__ = ["any_api", "pg_schema_url", "sqlite_template"]  # fixtures used below

NOW = datetime(2026, 9, 30, 2, tzinfo=UTC)


def test_outbox_case_create_carries_rare_names_to_the_server(any_api: Api,
                                                               data_dir: Path) -> None:
    api = any_api
    api.clock.now = NOW
    counter = open_counter(data_dir)
    try:
        for entry in NAMES:
            applicant = replace(PERSON, name=entry.name, address=f"杭州市{entry.rare}家巷1号")
            with counter.store.transaction() as s:
                record_intake(s, CLERK, HALL, counter.data_dir,
                              full_intake(applicant=applicant, project_name=f"{entry.name}自建房"),
                              now=NOW)
            with counter.store.transaction() as s:
                message = s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "case.create")
                                    .order_by(OutboxMessage.seq.desc())).first()
                assert message is not None
                payload = dict(message.payload)
            assert payload["applicant"]["name"] == entry.name
            r = api.as_("wangjing", "POST", "/api/v1/cases", json=payload,
                        headers={"Idempotency-Key": message.id})
            assert r.status_code == 201, r.text
            got = api.as_("wangjing", "GET", f"/api/v1/cases/{payload['id']}").json()
            assert got["applicant"]["name"] == entry.name
            assert got["applicant"]["address"] == f"杭州市{entry.rare}家巷1号"
            assert got["project_name"] == f"{entry.name}自建房"
    finally:
        counter.close()
