"""好差评: ratings idempotent by id, a bad rating's closed loop driven to its end with working-day
deadlines, appeals accepted and refused, satisfaction rates by clerk, department and item."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from .conftest import Api
from .hall_world import Hall, new_hall

SH = ZoneInfo("Asia/Shanghai")


def _at(y: int, m: int, d: int, hour: int = 10) -> str:
    return datetime(y, m, d, hour, tzinfo=SH).isoformat()


def rating(case_id: str, level: str, h: Hall, who: str = "clerk1", counter: str = "C01",
           at: str | None = None, **over: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "case_id": case_id, "level": level,
            "clerk": h.users[who], "counter": counter, "rated_at": at or _at(2026, 2, 12),
            "comment": "", **over}


@pytest.fixture
def hall(any_api: Api) -> Hall:
    any_api.clock.set(2026, 2, 12)
    return new_hall(any_api)


def _send(h: Hall, body: dict[str, Any], who: str = "clerk1") -> Any:
    return h.call(who, "POST", "/api/v1/ratings", json=body)


def test_rating_sent_twice_counts_once(hall: Hall) -> None:
    case = hall.create(item_code="FG-SP-001", fees=[])
    body = rating(case["id"], "满意", hall)
    first = _send(hall, body)
    assert first.status_code == 201, first.text
    assert first.json()["state"] == "none" and first.json()["loop"] == []
    again = _send(hall, body)
    assert again.status_code == 200 and again.json()["id"] == body["id"]
    changed = _send(hall, {**body, "level": "非常不满意"})
    assert changed.status_code == 409
    assert changed.json()["detail"]["code"] == "rating_exists"
    rows = hall.call("sup", "GET", "/api/v1/supervision/satisfaction?start=2026-02-01"
                                   "&end=2026-02-28&by=clerk").json()["rows"]
    assert [(r["name"], r["rated"], r["satisfied"]) for r in rows] == [("甲受理员", 1, 1)]


def test_bad_input_is_refused_with_a_clear_code(hall: Hall, any_api: Api) -> None:
    case = hall.create(item_code="FG-SP-001", fees=[])
    cases = [({"level": "一般"}, 422, "invalid_request"),
             ({"clerk": "nobody"}, 422, "clerk_unknown"),
             ({"counter": "C99"}, 422, "counter_unknown"),
             ({"rated_at": _at(2026, 2, 13)}, 422, "rated_in_future"),
             ({"rated_at": "2026-02-12T10:00:00"}, 422, "invalid_request")]
    for over, status, code in cases:
        r = _send(hall, {**rating(case["id"], "满意", hall), **over})
        assert (r.status_code, r.json()["detail"]["code"]) == (status, code), over
    # Another hall's case, and a demo-hall clerk rated on this hall's case: refused.
    r = any_api.as_("wangjing", "POST", "/api/v1/ratings", json=rating(case["id"], "满意", hall))
    assert r.status_code == 403
    # Supervisors and reviewers do not send ratings.
    assert hall.call("sup", "POST", "/api/v1/ratings",
                     json=rating(case["id"], "满意", hall)).status_code == 403


def test_bad_rating_loop_to_its_end_with_deadlines(hall: Hall) -> None:
    """Rated Thu 12 Feb 2026: verify is due 3 working days later — Fri 13, Sat 14 (调休), then
    the Spring Festival (15–23) — on Tue 24; each later step counts from the day the one before
    ended."""
    case = hall.create(item_code="FG-SP-001", fees=[])
    body = rating(case["id"], "非常不满意", hall, comment="等了两个小时")
    r = _send(hall, body)
    assert r.status_code == 201
    loop = r.json()["loop"]
    assert [(s["kind"], s["state"], s["due_date"]) for s in loop] == [
        ("verify", "active", "2026-02-24"), ("rectify", "pending", None),
        ("answer", "pending", None), ("callback", "pending", None)]
    url = f"/api/v1/ratings/{body['id']}"
    # Out of order: refused, naming the step that is due.
    wrong = hall.call("sup", "POST", url + "/loop/rectify", json={"note": "已整改"})
    assert wrong.status_code == 409 and "核实" in wrong.json()["detail"]["message"]
    hall.api.clock.set(2026, 2, 13)
    r = hall.call("sup", "POST", url + "/loop/verify", json={"note": "调取录像，属实"})
    loop = r.json()["loop"]
    # Rectify: 7 working days after Fri 13 → 14, 24, 25, 26, 27, 28, 2 Mar.
    assert (loop[0]["state"], loop[0]["warning"]) == ("done", "done")
    assert (loop[1]["state"], loop[1]["due_date"], loop[1]["warning"]) == (
        "active", "2026-03-02", "green")
    hall.api.clock.set(2026, 3, 3)  # a day late
    detail = hall.call("sup", "GET", url).json()
    assert detail["loop"][1]["warning"] == "red"
    r = hall.call("sup", "POST", url + "/loop/rectify", json={"note": "增开窗口，分时预约"})
    loop = r.json()["loop"]
    assert loop[1]["warning"] == "late"
    assert loop[2]["due_date"] == "2026-03-06"  # 3 working days after Tue 3 March
    r = hall.call("sup", "POST", url + "/loop/answer", json={"note": "电话答复申请人"})
    assert r.json()["loop"][3]["due_date"] == "2026-03-05"  # 2 working days after 3 March
    hall.api.clock.set(2026, 3, 5)
    r = hall.call("sup", "POST", url + "/loop/callback", json={"note": "回访满意"})
    done = r.json()
    assert done["state"] == "closed"
    assert [s["warning"] for s in done["loop"]] == ["done", "late", "done", "done"]
    again = hall.call("sup", "POST", url + "/loop/callback", json={"note": "再次回访"})
    assert again.status_code == 409 and again.json()["detail"]["code"] == "loop_not_open"
    assert hall.call("sup", "GET", "/api/v1/ratings?start=2026-02-01&end=2026-02-28"
                                   "&state=closed").json()[0]["id"] == body["id"]


def test_appeal_accepted_voids_the_rating_and_one_refused_keeps_it(hall: Hall) -> None:
    a = hall.create(item_code="FG-SP-001", fees=[])
    b = hall.create("clerk2", "C02", item_code="SC-DJ-001", fees=[])
    good = rating(a["id"], "非常满意", hall)
    wrong = rating(a["id"], "非常不满意", hall, comment="按错了")
    fair = rating(b["id"], "不满意", hall, who="clerk2", counter="C02")
    for body, who in ((good, "clerk1"), (wrong, "clerk1"), (fair, "clerk2")):
        assert _send(hall, body, who).status_code == 201
    # Good ratings are not appealed; an appeal needs a reason.
    assert hall.call("clerk1", "POST", f"/api/v1/ratings/{good['id']}/appeals",
                     json={"id": str(uuid.uuid4()), "reason": "误评"}).status_code == 409
    appeal = {"id": str(uuid.uuid4()), "reason": "申请人当场表示误触，有录像为证"}
    r = hall.call("clerk1", "POST", f"/api/v1/ratings/{wrong['id']}/appeals", json=appeal)
    assert r.status_code == 201
    assert hall.call("clerk1", "POST", f"/api/v1/ratings/{wrong['id']}/appeals",
                     json=appeal).status_code == 200  # the same appeal resent
    # Only a supervisor decides, and with a reason.
    decision = f"/api/v1/ratings/{wrong['id']}/appeals/{appeal['id']}/decision"
    assert hall.call("clerk1", "POST", decision,
                     json={"accept": True, "reason": "核实录像"}).status_code == 403
    blank = hall.call("sup", "POST", decision, json={"accept": True, "reason": "  "})
    assert blank.status_code == 422
    r = hall.call("sup", "POST", decision, json={"accept": True, "reason": "录像显示误触"})
    voided = r.json()
    assert voided["state"] == "voided"
    assert {s["state"] for s in voided["loop"]} == {"cancelled"}
    assert voided["appeals"][0]["state"] == "accepted"
    assert hall.call("sup", "POST", decision,
                     json={"accept": False, "reason": "重复裁定"}).status_code == 409

    appeal2 = {"id": str(uuid.uuid4()), "reason": "申请人对收费标准不满，非服务问题"}
    assert hall.call("clerk2", "POST", f"/api/v1/ratings/{fair['id']}/appeals",
                     json=appeal2, counter="C02").status_code == 201
    r = hall.call("sup", "POST", f"/api/v1/ratings/{fair['id']}/appeals/{appeal2['id']}/decision",
                  json={"accept": False, "reason": "收费解释不到位，属服务问题"})
    kept = r.json()
    assert kept["state"] == "open" and kept["appeals"][0]["state"] == "refused"
    assert kept["loop"][0]["state"] == "active"
    # A second appeal on the same rating is refused.
    assert hall.call("clerk2", "POST", f"/api/v1/ratings/{fair['id']}/appeals", counter="C02",
                     json={"id": str(uuid.uuid4()), "reason": "再次申诉理由"}).status_code == 409

    period = "start=2026-02-01&end=2026-02-28"
    by_clerk = {r["name"]: r for r in hall.call(
        "sup", "GET", f"/api/v1/supervision/satisfaction?{period}&by=clerk").json()["rows"]}
    # The voided rating is not counted: clerk 1 has one 非常满意 left.
    assert (by_clerk["甲受理员"]["rated"], by_clerk["甲受理员"]["satisfaction_rate"]) == (1, 1.0)
    assert (by_clerk["乙受理员"]["rated"], by_clerk["乙受理员"]["bad"],
            by_clerk["乙受理员"]["satisfaction_rate"]) == (1, 1, 0.0)
    by_dept = hall.call("sup", "GET", f"/api/v1/supervision/satisfaction?{period}"
                                      "&by=department").json()["rows"]
    assert [(r["key"], r["rated"], r["average_score"]) for r in by_dept] == [
        ("FGJ", 1, 5.0), ("SCJ", 1, 2.0)]
    by_item = hall.call("sup", "GET", f"/api/v1/supervision/satisfaction?{period}"
                                      "&by=item").json()["rows"]
    assert [r["key"] for r in by_item] == ["FG-SP-001", "SC-DJ-001"]
