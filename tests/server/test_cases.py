"""Creating cases from a counter: client UUIDs, numbers, Idempotency-Key semantics."""

from __future__ import annotations

import threading
import uuid
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from server_stub.models import Case, CaseEvent, CaseStep, IdempotencyRecord
from server_stub.services.cases import chain_ok

from .conftest import Api
from .helpers import case_body, create_case


def test_create_case_starts_the_window_step(api: Api) -> None:
    api.clock.set(2026, 3, 2)
    case = create_case(api)
    assert case["status"] == "in_progress"
    assert case["case_number"] == "DEMO-2026-000001"
    assert len(case["verification_code"]) == 6
    assert case["fee_total"] == "2100.50"
    assert [s["post"] for s in case["steps"]] == ["window"]
    assert case["steps"][0]["state"] == "active"
    # Accepted Mon 2 Mar 2026, promised 7 and legal 15 working days.
    assert case["promised_due"] == "2026-03-11"
    assert case["legal_due"] == "2026-03-23"
    second = create_case(api)
    assert second["case_number"] == "DEMO-2026-000002"
    got = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}").json()
    assert got["verification_code"] is None  # shown once, at creation


def test_the_answer_to_a_creation_is_the_case_as_read_back(any_api: Api) -> None:
    """The creation's answer is built from what the transaction made (no query for steps,
    clock stops, uploads or earlier history of a case that did not exist): the same as the
    case read back, and its history chain starts at the creation."""
    made = any_api.as_("wangjing", "POST", "/api/v1/cases", json=case_body())
    assert made.status_code == 201, made.text
    read = any_api.as_("wangjing", "GET", f"/api/v1/cases/{made.json()['id']}")
    assert read.status_code == 200, read.text
    made_body, read_body = made.json(), read.json()
    assert made_body.pop("verification_code") and read_body.pop("verification_code") is None
    assert made_body == read_body
    assert made_body["steps"] and made_body["uploads"] == []
    with any_api.session() as s:
        case = s.get(Case, uuid.UUID(made_body["id"]))
        events = list(s.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)))
    assert [e.action for e in events] == ["accepted"]
    assert events[0].prev_hash == "0" * 64 and chain_ok(events)


def test_client_supplied_number_and_code(api: Api) -> None:
    case = create_case(api, case_number="C01-2026-0042", verification_code="AB12CD")
    assert case["case_number"] == "C01-2026-0042"
    assert case["verification_code"] == "AB12CD"
    r = api.as_("wangjing", "POST", "/api/v1/cases",
                json=case_body(case_number="C01-2026-0042"))
    assert r.status_code == 409 and r.json()["detail"]["code"] == "case_number_taken"


def test_client_number_in_server_format_is_refused(any_api: Api) -> None:
    """A client number shaped like the server's own would block that number forever."""
    r = any_api.as_("wangjing", "POST", "/api/v1/cases",
                    json=case_body(case_number="DEMO-2026-000006"))
    assert r.status_code == 422 and r.json()["detail"]["code"] == "case_number_reserved"
    r = any_api.as_("wangjing", "POST", "/api/v1/cases",
                    json=case_body(case_number="demo-2026-000007"))
    assert r.status_code == 422 and r.json()["detail"]["code"] == "case_number_reserved"


def test_server_numbering_skips_taken_numbers(api: Api) -> None:
    """A number already in the table (an old client number, a merged hall) is skipped."""
    api.clock.set(2026, 3, 2)
    first = create_case(api)
    assert first["case_number"] == "DEMO-2026-000001"
    with api.session() as s:
        taken = s.get(Case, uuid.UUID(create_case(api)["id"]))
        assert taken is not None
        taken.case_number = "DEMO-2026-000003"
        s.commit()
    # The sequence now gives 3, which is taken: the server moves on instead of failing.
    third = create_case(api)
    assert third["case_number"] == "DEMO-2026-000004"
    assert create_case(api)["case_number"] == "DEMO-2026-000005"


def test_hall_codes_differing_only_in_case_are_one_code(api: Api) -> None:
    r = api.as_("admin", "POST", "/api/v1/admin/halls", json={"code": "h2", "name": "二号中心"})
    assert r.status_code == 201, r.text
    r = api.as_("admin", "POST", "/api/v1/admin/halls", json={"code": "H2", "name": "重复"})
    assert r.status_code == 409 and r.json()["detail"]["code"] == "hall_exists"


def test_same_key_same_body_returns_stored_result(api: Api) -> None:
    body = case_body()
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = api.as_("wangjing", "POST", "/api/v1/cases", json=body, headers=key)
    again = api.as_("wangjing", "POST", "/api/v1/cases", json=body, headers=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    with api.session() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 1


def test_same_key_from_another_counter_of_the_hall_is_the_same_request(api: Api) -> None:
    body = case_body()
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = api.as_("wangjing", "POST", "/api/v1/cases", json=body, headers=key)
    again = api.as_("liqiang", "POST", "/api/v1/cases", json=body, headers=key)
    assert again.json()["id"] == first.json()["id"]


def test_same_key_different_body_is_422(api: Api) -> None:
    key = {"Idempotency-Key": str(uuid.uuid4())}
    assert api.as_("wangjing", "POST", "/api/v1/cases", json=case_body(),
                   headers=key).status_code == 201
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=case_body(), headers=key)
    assert r.status_code == 422
    assert r.json()["detail"]["code"] == "idempotency_key_reused"


@pytest.mark.parametrize("change", [
    {"materials": []},
    {"verification_code": "ZZ9999"},
    {"case_number": "C01-2026-0099"},
    {"accepted_at": "2026-03-01T09:00:00+08:00"},
])
def test_same_uuid_with_any_field_changed_is_409(any_api: Api, change: dict[str, Any]) -> None:
    any_api.clock.set(2026, 3, 2)
    body = case_body(verification_code="AB12CD", accepted_at="2026-03-02T09:30:00+08:00",
                     case_number=f"C01-{uuid.uuid4().hex[:12]}")  # unique: PostgreSQL is shared
    assert any_api.as_("wangjing", "POST", "/api/v1/cases", json=body).status_code == 201
    again = any_api.as_("wangjing", "POST", "/api/v1/cases", json=body)
    assert again.status_code == 200, again.text
    r = any_api.as_("wangjing", "POST", "/api/v1/cases", json={**body, **change})
    assert r.status_code == 409, r.text
    assert r.json()["detail"]["code"] == "case_exists"


def test_same_uuid_without_key_is_not_a_second_case(api: Api) -> None:
    body = case_body()
    assert api.as_("wangjing", "POST", "/api/v1/cases", json=body).status_code == 201
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=body)
    assert r.status_code == 200 and r.json()["id"] == body["id"]
    changed = {**body, "project_name": "另一个项目"}
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=changed)
    assert r.status_code == 409 and r.json()["detail"]["code"] == "case_exists"


def test_duplicate_while_first_in_flight_is_409(api: Api) -> None:
    """A claim that is taken but not finished (the first request still working) answers 409."""
    from server_stub.services import idempotency

    body = case_body()
    key = str(uuid.uuid4())
    api.login("wangjing")
    with api.session() as s:
        from server_stub.models import User

        hall_id = s.scalar(select(User.hall_id).where(User.username == "wangjing"))
        s.add(IdempotencyRecord(
            scope=f"hall:{hall_id}", key=key, state="in_flight", created_at=api.clock.now,
            request_hash=idempotency.fingerprint("POST", "/cases", _normalised(body))))
        s.commit()
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=body, headers={"Idempotency-Key": key})
    assert r.status_code == 409
    assert r.json()["detail"]["code"] == "idempotency_in_flight"
    assert r.headers["Retry-After"] == "1"
    # A claim abandoned by a crashed request is taken over after the stale period.
    from datetime import timedelta

    api.clock.now += timedelta(seconds=61)
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=body, headers={"Idempotency-Key": key})
    assert r.status_code == 201


def _normalised(body: dict) -> dict:
    from server_stub.schemas.case import CaseCreate

    return CaseCreate.model_validate(body).model_dump(mode="json")


def test_concurrent_duplicates_make_one_case(any_api: Api) -> None:
    api = any_api
    body = case_body()
    key = {"Idempotency-Key": str(uuid.uuid4())}
    headers = api.login("wangjing")
    results: list[tuple[int, dict]] = []
    barrier = threading.Barrier(8)

    def post() -> None:
        barrier.wait()
        r = api.client.post("/api/v1/cases", json=body, headers={**headers, **key})
        results.append((r.status_code, r.json()))

    threads = [threading.Thread(target=post) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(c for c, _ in results)
    assert set(codes) <= {201, 409}
    assert codes.count(201) >= 1
    created = [b for c, b in results if c == 201]
    assert all(b == created[0] for b in created)
    assert all(b["detail"]["code"] == "idempotency_in_flight" for c, b in results if c == 409)
    with api.session() as s:
        case_id = uuid.UUID(body["id"])
        assert s.scalar(select(func.count()).select_from(Case).where(Case.id == case_id)) == 1
        assert s.scalar(select(func.count()).select_from(CaseStep)
                        .where(CaseStep.case_id == case_id)) == 1


def test_unknown_item_and_fee(api: Api) -> None:
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=case_body(item_code="NOPE-1"))
    assert r.status_code == 404 and r.json()["detail"]["code"] == "item_not_found"
    r = api.as_("wangjing", "POST", "/api/v1/cases",
                json=case_body(fees=[{"code": "FS-XX", "amount": "1.00"}]))
    assert r.status_code == 422 and "FS-XX" in r.json()["detail"]["message"]
    r = api.as_("wangjing", "POST", "/api/v1/cases",
                json=case_body(fees=[{"code": "FS-ZJ-001", "amount": "1.001"}]))
    assert r.status_code == 422 and "fees" in r.json()["detail"]["message"]
    with api.session() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 0


def test_offline_acceptance_time_is_kept(api: Api) -> None:
    api.clock.set(2026, 2, 25)
    case = create_case(api, accepted_at="2026-02-12T09:30:00+08:00")
    assert datetime.fromisoformat(case["accepted_at"]).date().isoformat() == "2026-02-12"
    assert case["promised_due"] == "2026-02-28"  # 7 working days across the Spring Festival
    r = api.as_("wangjing", "POST", "/api/v1/cases",
                json=case_body(accepted_at="2026-02-12T09:30:00"))
    assert r.status_code == 422  # a time without a zone is refused, not guessed


def test_counter_pulls_changes_after_a_cursor(api: Api) -> None:
    from .test_workflow import act

    api.clock.set(2026, 3, 2)
    first = create_case(api)
    second = create_case(api)
    r = api.as_("liqiang", "GET", "/api/v1/sync/cases?after=0&limit=1").json()
    assert [c["id"] for c in r["cases"]] == [first["id"]] and r["more"] is True
    r = api.as_("liqiang", "GET", f"/api/v1/sync/cases?after={r['cursor']}").json()
    assert [c["id"] for c in r["cases"]] == [second["id"]] and r["more"] is False
    cursor = r["cursor"]
    assert api.as_("liqiang", "GET", f"/api/v1/sync/cases?after={cursor}").json()["cases"] == []
    act(api, "wangjing", first["id"], "approve")
    r = api.as_("liqiang", "GET", f"/api/v1/sync/cases?after={cursor}").json()
    assert [(c["id"], c["current_stage"]) for c in r["cases"]] == [(first["id"], 2)]
    assert api.as_("other_clerk", "GET", "/api/v1/sync/cases").json()["cases"] == []


def test_sync_scan_stopped_at_its_cap_says_more(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many events of few cases: a scan cut by its cap must not claim there is nothing more."""
    from server_stub.api.routes import cases as case_routes

    from .test_workflow import act

    api.clock.set(2026, 3, 2)
    first = create_case(api)
    act(api, "wangjing", first["id"], "approve")  # a second event of the same case
    second = create_case(api)
    monkeypatch.setattr(case_routes, "SCAN_CAP", 2)
    r = api.as_("liqiang", "GET", "/api/v1/sync/cases?after=0&limit=100").json()
    assert [c["id"] for c in r["cases"]] == [first["id"]]
    assert r["more"] is True
    r = api.as_("liqiang", "GET", f"/api/v1/sync/cases?after={r['cursor']}").json()
    assert [c["id"] for c in r["cases"]] == [second["id"]] and r["more"] is False


def test_same_uuid_under_another_item_version_is_409(api: Api) -> None:
    import copy
    import json

    from server_stub.services.catalog import seed_path

    seed = json.loads(seed_path().read_text(encoding="utf-8"))
    item = copy.deepcopy(next(i for i in seed["items"] if i["code"] == "ZJ-XK-001"))
    item["version"] = 2
    doc = {**seed, "items": [item]}
    assert api.as_("admin", "POST", "/api/v1/catalog/import", json=doc).status_code == 200
    body = case_body()
    assert api.as_("wangjing", "POST", "/api/v1/cases", json=body).status_code == 201
    r = api.as_("wangjing", "POST", "/api/v1/cases", json={**body, "item_version": 2})
    assert r.status_code == 409 and r.json()["detail"]["code"] == "case_exists"
