"""The construction-permit flow through the HTTP API, on SQLite and on PostgreSQL.

Dates are checked to the day across the 2026 Spring Festival (holidays 15–23 Feb, make-up
workdays Sat 14 and Sat 28 Feb) and National Day (1–7 Oct, make-up Sat 10 Oct).
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import select

from server_stub.models import CaseStep, SmsMessage

from .conftest import Api
from .helpers import create_case, page, upload


def act(api: Api, user: str, case_id: str, action: str, expect: int = 200,
        **fields: Any) -> dict[str, Any]:
    r = api.as_(user, "POST", f"/api/v1/cases/{case_id}/actions",
                json={"id": str(uuid.uuid4()), "action": action, **fields},
                headers={"Idempotency-Key": str(uuid.uuid4())})
    assert r.status_code == expect, r.text
    return r.json()  # type: ignore[no-any-return]


def step(case: dict[str, Any], post: str, state: str = "active") -> dict[str, Any]:
    found = [s for s in case["steps"] if s["post"] == post and s["state"] == state]
    assert found, (post, state, [(s["post"], s["state"]) for s in case["steps"]])
    return found[-1]  # type: ignore[no-any-return]


def test_construction_permit_flow(any_api: Api) -> None:
    api = any_api
    api.clock.set(2026, 2, 12)  # Thu, before the Spring Festival
    case = create_case(api)
    cid = case["id"]
    assert step(case, "window")["due_date"] == "2026-02-13"
    assert case["promised_due"] == "2026-02-28" and case["legal_due"] == "2026-03-11"

    # Pages first: the window step cannot be passed on with an incomplete upload.
    upload(api, cid, page(1, 60_000), "0001.jpg")
    from .helpers import declare

    pending = declare(api, cid, page(2, 40_000), "0002.jpg")
    r = act(api, "wangjing", cid, "approve", expect=409)
    assert r["detail"]["code"] == "uploads_incomplete"
    from .helpers import send

    assert send(api, pending["id"], page(2, 40_000), 0).json()["complete"]
    case = act(api, "wangjing", cid, "approve", opinion="材料齐全，同意受理")
    assert step(case, "window", "done")["result"] == "early"
    review = step(case, "dept_review")
    assert review["due_date"] == "2026-02-24"  # Fri 13, Sat 14 (调休), Tue 24

    # A reviewer not named on the case cannot act; another hall's clerk cannot even look.
    assert act(api, "zrj_sh1", cid, "approve", expect=403,
               opinion="x")["detail"]["code"] == "case_forbidden"
    assert api.as_("other_clerk", "GET", f"/api/v1/cases/{cid}").status_code == 403

    # Fri 13 Feb: the reviewer asks for corrections; the clock stops.
    api.clock.set(2026, 2, 13)
    case = act(api, "chenhao", cid, "request_correction", reason="补充施工合同备案证明")
    assert case["status"] == "correction" and case["clock_stopped"] is True
    assert case["promised_due"] is None and case["warning"] == "paused"
    assert act(api, "chenhao", cid, "approve", opinion="同意", expect=409)["detail"][
        "code"] == "clock_stopped"
    assert act(api, "chenhao", cid, "correction_received", expect=403)["detail"][
        "code"] == "window_only"

    # Wed 25 Feb: the applicant brings the papers; counting resumes on Thu 26.
    api.clock.set(2026, 2, 25)
    case = act(api, "wangjing", cid, "correction_received", opinion="已补正")
    assert case["status"] == "in_progress" and not case["clock_stopped"]
    assert step(case, "dept_review")["due_date"] == "2026-02-27"
    assert case["promised_due"] == "2026-03-04"
    assert case["legal_due"] == "2026-03-16"

    # Thu 26: the backup reviewer (AB岗) signs.
    api.clock.set(2026, 2, 26)
    case = act(api, "guohua", cid, "approve", opinion="经审核，符合发证条件")
    done = step(case, "dept_review", "done")
    assert (done["acted_as"], done["result"], done["actor"]) == ("backup", "early", "郭华")
    deputy = step(case, "deputy")
    assert deputy["due_date"] == "2026-02-27"
    tasks = api.as_("zhengwei", "GET", "/api/v1/tasks").json()
    mine = [t for t in tasks if t["case_id"] == cid]
    assert mine and mine[0]["warning"] == "yellow" and mine[0]["due_date"] == "2026-02-27"
    assert not [t for t in api.as_("chenhao", "GET", "/api/v1/tasks").json()
                if t["case_id"] == cid]

    # Mon 2 Mar: the deputy is late: the step is red although the case is still in time.
    api.clock.set(2026, 3, 2)
    case = api.as_("wangjing", "GET", f"/api/v1/cases/{cid}").json()
    assert step(case, "deputy")["warning"] == "red"
    assert case["warning"] == "red" and case["promised_due"] == "2026-03-04"
    case = act(api, "zhengwei", cid, "approve", opinion="同意")
    assert step(case, "deputy", "done")["result"] == "overdue"

    api.clock.set(2026, 3, 3)
    case = act(api, "hejun", cid, "approve", opinion="同意核发")
    assert step(case, "chief", "done")["result"] == "on_time"
    assert case["status"] == "awaiting_collection"
    assert step(case, "window_finish")["due_date"] == "2026-03-04"

    # Wed 4 Mar at the window: pay, certificate, collect, finish (in that order only).
    api.clock.set(2026, 3, 4)
    assert act(api, "wangjing", cid, "certificate_issued", certificate_number="X",
               expect=409)["detail"]["code"] == "payment_missing"
    assert act(api, "shouyin", cid, "payment_recorded", amount="2100.00", receipt_number="R1",
               expect=422)["detail"]["code"] == "amount_mismatch"
    act(api, "shouyin", cid, "payment_recorded", amount="2100.50", receipt_number="330100-0001")
    act(api, "wangjing", cid, "certificate_issued", certificate_number="330100202603040101")
    assert act(api, "wangjing", cid, "finished", expect=409)["detail"]["code"] == "not_collected"
    act(api, "wangjing", cid, "collected", collector="张三")
    case = act(api, "wangjing", cid, "finished", opinion="已发证办结")
    assert case["status"] == "finished" and case["warning"] == "done"
    assert case["window_record"]["payment"]["receipt_number"] == "330100-0001"
    assert act(api, "wangjing", cid, "approve", expect=409)["detail"]["code"] == "case_closed"

    history = api.as_("wangjing", "GET", f"/api/v1/cases/{cid}/history").json()
    assert history["chain_ok"] is True
    assert [e["action"] for e in history["events"]] == [
        "accepted", "approve", "request_correction", "correction_received", "approve",
        "approve", "approve", "payment_recorded", "certificate_issued", "collected", "finished"]
    assert history["events"][4]["opinion"] == "经审核，符合发证条件"
    with api.session() as s:
        kinds = [m.kind for m in s.scalars(select(SmsMessage).where(
            SmsMessage.case_id == uuid.UUID(cid)).order_by(SmsMessage.created_at))]
    assert kinds == ["accepted", "correction", "approved"]


def test_parallel_review_return_extension_and_rejection(any_api: Api) -> None:
    api = any_api
    api.clock.set(2026, 9, 30)  # Wed, before National Day
    case = create_case(api, item_code="ZJ-XK-002", fees=[{"code": "FS-ZJ-010",
                                                          "amount": "500.00"}])
    cid = case["id"]
    case = act(api, "liqiang", cid, "approve")
    dept, planning = step(case, "dept_review"), step(case, "planning_review")
    assert dept["due_date"] == "2026-10-14" and planning["due_date"] == "2026-10-13"
    assert act(api, "chenhao", cid, "approve", step_id=planning["id"], opinion="x",
               expect=403)["detail"]["code"] == "not_step_handler"

    api.clock.set(2026, 10, 9)
    case = act(api, "zrj_sh1", cid, "approve", opinion="规划条件核实无误")
    assert case["current_stage"] == 2 and step(case, "dept_review")
    # Special procedure: expert review stops the clock from Fri 9 to Mon 12 Oct.
    case = act(api, "chenhao", cid, "start_special", special_kind="expert_review",
               reason="组织专家论证")
    assert case["status"] == "special" and case["clock_stopped"]
    api.clock.set(2026, 10, 12)
    case = act(api, "chenhao", cid, "end_special", opinion="专家论证通过")
    # Sat 10 and Mon 12 did not count: the dept step is due two workdays later.
    assert step(case, "dept_review")["due_date"] == "2026-10-16"
    case = act(api, "chenhao", cid, "approve", opinion="同意")
    assert case["current_stage"] == 3

    # The deputy sends it back to the parallel review stage: both posts start again.
    api.clock.set(2026, 10, 13)
    case = act(api, "zhengwei", cid, "return", to_stage=2, opinion="请核实预售资金监管协议")
    assert case["current_stage"] == 2
    assert {s["post"] for s in case["steps"] if s["state"] == "active"} == {
        "dept_review", "planning_review"}
    assert len([s for s in case["steps"] if s["state"] == "returned"]) == 1

    # An extension: requested by the reviewer, approved by the department's chief.
    r = act(api, "chenhao", cid, "request_extension", days=3, reason="需现场核查")
    ext_id = next(e["data"]["extension_id"] for e in api.as_(
        "chenhao", "GET", f"/api/v1/cases/{cid}/history").json()["events"]
        if e["action"] == "request_extension")
    assert act(api, "chenhao", cid, "approve_extension", extension_id=ext_id,
               expect=403)["detail"]["code"] == "leader_only"
    before = step(r, "dept_review")["due_date"]
    case = act(api, "hejun", cid, "approve_extension", extension_id=ext_id, opinion="同意延期")
    assert case["extension_days"] == 3
    assert step(case, "dept_review")["due_date"] > before
    assert act(api, "hejun", cid, "deny_extension", extension_id=ext_id,
               expect=409)["detail"]["code"] == "extension_decided"

    act(api, "zrj_sh2", cid, "approve", opinion="无误")
    act(api, "wuxia", cid, "approve", opinion="同意")
    act(api, "lindong", cid, "approve", opinion="同意")  # deputy's backup
    assert act(api, "hejun", cid, "reject", expect=422)["detail"]["code"] == "field_required"
    case = act(api, "hejun", cid, "reject", reason="预售资金监管协议不符合规定")
    assert case["status"] == "rejected" and case["outcome_reason"].startswith("预售资金")
    with api.session() as s:
        kinds = [m.kind for m in s.scalars(select(SmsMessage).where(
            SmsMessage.case_id == uuid.UUID(cid)))]
    assert "rejected" in kinds


def test_same_action_twice_happens_once(api: Api) -> None:
    api.clock.set(2026, 3, 2)
    case = create_case(api)
    body = {"id": str(uuid.uuid4()), "action": "approve", "opinion": "同意受理"}
    url = f"/api/v1/cases/{case['id']}/actions"
    first = api.as_("wangjing", "POST", url, json=body)
    again = api.as_("wangjing", "POST", url, json=body)
    assert first.status_code == again.status_code == 200
    history = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}/history").json()
    assert [e["action"] for e in history["events"]] == ["accepted", "approve"]
    assert again.json()["current_stage"] == 2


def test_history_tampering_is_detected(api: Api) -> None:
    case = create_case(api)
    with api.session() as s:
        from server_stub.models import CaseEvent

        event = s.scalar(select(CaseEvent).where(CaseEvent.case_id == uuid.UUID(case["id"])))
        event.opinion = "篡改"
        s.commit()
    history = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}/history").json()
    assert history["chain_ok"] is False


def test_parallel_flow_with_correction_to_completion_across_national_day(any_api: Api) -> None:
    """商品房预售许可 (ZJ-XK-002): parallel review, a correction over the holiday, done early."""
    api = any_api
    api.clock.set(2026, 9, 28)  # Mon, after the Mid-autumn holidays (25–27 Sep)
    case = create_case(api, item_code="ZJ-XK-002",
                       fees=[{"code": "FS-ZJ-010", "amount": "4460.00"}])
    cid = case["id"]
    upload(api, cid, page(21, 70_000), "0001.jpg")
    upload(api, cid, page(22, 50_000), "0002.jpg")
    case = act(api, "wangjing", cid, "approve")
    # Workdays after Mon 28 Sep: 29, 30 Sep, 8, 9 Oct, Sat 10 Oct (调休), Mon 12 Oct.
    assert step(case, "planning_review")["due_date"] == "2026-10-10"
    assert step(case, "dept_review")["due_date"] == "2026-10-12"
    assert case["promised_due"] == "2026-10-16"

    api.clock.set(2026, 9, 30)
    case = act(api, "zrj_sh2", cid, "approve", opinion="符合规划条件")
    assert step(case, "planning_review", "done")["result"] == "early"
    case = act(api, "chenhao", cid, "request_correction", reason="补充预售资金监管协议")
    assert case["clock_stopped"]

    # Papers back on Fri 9 Oct: 8 and 9 Oct did not count.
    api.clock.set(2026, 10, 9)
    case = act(api, "wangjing", cid, "correction_received")
    assert step(case, "dept_review")["due_date"] == "2026-10-14"
    assert case["promised_due"] == "2026-10-20" and case["legal_due"] == "2026-11-03"

    api.clock.set(2026, 10, 12)
    case = act(api, "chenhao", cid, "approve", opinion="同意预售")
    assert step(case, "dept_review", "done")["result"] == "early"
    assert step(case, "deputy")["due_date"] == "2026-10-13"
    api.clock.set(2026, 10, 13)
    case = act(api, "zhengwei", cid, "approve", opinion="同意")
    assert step(case, "deputy", "done")["result"] == "on_time"
    api.clock.set(2026, 10, 14)
    case = act(api, "hejun", cid, "approve", opinion="同意核发预售许可证")
    assert case["status"] == "awaiting_collection"

    api.clock.set(2026, 10, 15)
    act(api, "shouyin", cid, "payment_recorded", amount="4460.00", receipt_number="R-2026-88")
    act(api, "liqiang", cid, "certificate_issued", certificate_number="YS-2026-0042")
    act(api, "liqiang", cid, "collected", collector="李四")
    case = act(api, "liqiang", cid, "finished")
    assert case["status"] == "finished"
    rows = api.as_("jiancha", "GET", "/api/v1/supervision/rates?start=2026-10-15"
                   "&end=2026-10-15&by=item").json()["rows"]
    # Handling days: 29, 30 Sep, 10, 12, 13, 14, 15 Oct (8 and 9 Oct stopped).
    assert [(r["key"], r["early"], r["average_handling_days"]) for r in rows] == [
        ("ZJ-XK-002", 1, 7.0)]
    history = api.as_("jiancha", "GET", f"/api/v1/cases/{cid}/history").json()
    assert history["chain_ok"]
    assert [e["action"] for e in history["events"]] == [
        "accepted", "approve", "approve", "request_correction", "correction_received",
        "approve", "approve", "approve", "payment_recorded", "certificate_issued",
        "collected", "finished"]


@pytest.mark.parametrize("action", ["reject", "return"])
def test_parallel_step_closed_by_anothers_action_records_no_actor(
        any_api: Api, action: str) -> None:
    """陈浩 rejecting/returning on dept_review ends planning_review too, which he does not
    hold: it must not show him as its handler, nor count twice in his handler rates."""
    api = any_api
    api.clock.set(2026, 3, 2)
    case = create_case(api, item_code="ZJ-XK-002", fees=[{"code": "FS-ZJ-010",
                                                          "amount": "500.00"}])
    cid = case["id"]
    act(api, "liqiang", cid, "approve")
    api.clock.set(2026, 3, 3)
    fields = ({"reason": "不符合条件"} if action == "reject"
              else {"to_stage": 1, "opinion": "请补充材料"})
    case = act(api, "chenhao", cid, action, **fields)
    state = "rejected" if action == "reject" else "returned"
    dept, planning = step(case, "dept_review", state), step(case, "planning_review", state)
    assert dept["actor"] == "陈浩"
    assert planning["actor"] == "" and planning["acted_as"] == ""
    with api.session() as s:
        row = s.get(CaseStep, uuid.UUID(planning["id"]))
        assert row is not None and row.actor_id is None  # handler rates skip actor-less steps


@pytest.mark.parametrize(("column", "value"), [("actor_role", "admin"), ("seq", 999_999),
                                                ("hall_id", "other")])
def test_history_chain_covers_role_hall_and_seq(api: Api, column: str, value: Any) -> None:
    from server_stub.models import CaseEvent, Hall

    case = create_case(api)
    with api.session() as s:
        event = s.scalar(select(CaseEvent).where(CaseEvent.case_id == uuid.UUID(case["id"])))
        assert event is not None
        if column == "hall_id":
            value = s.scalar(select(Hall.id).where(Hall.code == value))
        setattr(event, column, value)
        s.commit()
    history = api.as_("admin", "GET", f"/api/v1/cases/{case['id']}/history").json()
    assert history["chain_ok"] is False


def test_untouched_history_chain_is_ok(any_api: Api) -> None:
    case = create_case(any_api)
    act(any_api, "wangjing", case["id"], "approve")
    history = any_api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}/history").json()
    assert history["chain_ok"] is True and len(history["events"]) == 2
