"""Supervision: rates to the day across the Spring Festival, warnings, urge, the feed."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import select

from server_stub.models import SmsMessage

from .conftest import Api
from .helpers import create_case
from .test_workflow import act


def _record(api: Api, accepted: tuple[int, int, int], reviewed: tuple[int, int, int],
            reviewer: str = "fgj_sh1") -> str:
    """One 企业投资项目备案 (promised 1 day): accepted, reviewed, finished on `reviewed`."""
    api.clock.set(*accepted)
    cid = create_case(api, item_code="FG-SP-001", fees=[])["id"]
    act(api, "wangjing", cid, "approve")
    api.clock.set(*reviewed)
    act(api, reviewer, cid, "approve", opinion="同意备案")
    act(api, "wangjing", cid, "certificate_issued", certificate_number="BA-1")
    act(api, "wangjing", cid, "collected", collector="申请人")
    act(api, "wangjing", cid, "finished")
    return cid


def _seed_outcomes(api: Api) -> None:
    _record(api, (2026, 2, 12), (2026, 2, 13))  # due Fri 13: on time
    _record(api, (2026, 2, 13), (2026, 2, 24), "fgj_sh2")  # due Sat 14 (调休): overdue
    _record(api, (2026, 3, 2), (2026, 3, 2))  # due Tue 3: early


def test_rates_by_department_item_and_handler(api: Api) -> None:
    _seed_outcomes(api)
    url = "/api/v1/supervision/rates?start=2026-02-01&end=2026-03-31"
    dept = api.as_("jiancha", "GET", url + "&by=department").json()["rows"]
    assert dept == [{"key": "FGJ", "name": "发展和改革局", "completed": 3, "early": 1,
                     "on_time": 2, "overdue": 1, "unknown": 0, "early_rate": 0.3333,
                     "on_time_rate": 0.6667, "overdue_rate": 0.3333,
                     "average_handling_days": 1.0}]
    item = api.as_("jiancha", "GET", url + "&by=item").json()["rows"]
    assert [(r["key"], r["completed"], r["overdue"]) for r in item] == [("FG-SP-001", 3, 1)]
    handlers = {r["name"]: r for r in api.as_("jiancha", "GET", url + "&by=handler"
                                              ).json()["rows"]}
    assert handlers["王静"]["completed"] == 6 and handlers["王静"]["on_time_rate"] == 1.0
    # 13 Feb on its due day; 2 Mar a day early.
    assert (handlers["董丽"]["early"], handlers["董丽"]["on_time"]) == (1, 2)
    assert handlers["萧然"]["overdue"] == 1 and handlers["萧然"]["average_handling_days"] == 2
    # The period is inclusive and counted in Shanghai dates.
    only_feb = api.as_("jiancha", "GET", "/api/v1/supervision/rates?start=2026-02-01"
                       "&end=2026-02-28&by=department").json()["rows"]
    assert only_feb[0]["completed"] == 2
    # Another hall's supervisor sees none of it.
    assert api.as_("other_sup", "GET", url).json()["rows"] == []
    assert api.as_("chenhao", "GET", url).status_code == 403


def test_warnings_and_urge(api: Api) -> None:
    api.clock.set(2026, 3, 2)
    late = create_case(api)
    act(api, "wangjing", late["id"], "approve")
    soon = create_case(api, project_name="另一项目")
    api.clock.set(2026, 3, 3)
    warnings = api.as_("jiancha", "GET", "/api/v1/supervision/warnings").json()
    by_case = {(w["case_id"], w["scope"]): w for w in warnings}
    # The untouched case's window step was due Mon... Tue 3: yellow; none red yet.
    assert by_case[(soon["id"], "step")]["level"] == "yellow"
    api.clock.set(2026, 3, 9)
    warnings = api.as_("jiancha", "GET", "/api/v1/supervision/warnings").json()
    assert warnings[0]["level"] == "red"
    reds = {(w["case_id"], w["scope"]) for w in warnings if w["level"] == "red"}
    assert (late["id"], "step") in reds and (soon["id"], "step") in reds
    assert api.as_("other_sup", "GET", "/api/v1/supervision/warnings").json() == []

    urge = {"id": str(uuid.uuid4()), "message": "请于今日办结"}
    r = api.as_("jiancha", "POST", f"/api/v1/supervision/cases/{late['id']}/urge", json=urge)
    assert r.status_code == 200
    assert r.json()["texts_queued"] == 5  # four holders and one backup of 科室审核
    again = api.as_("jiancha", "POST", f"/api/v1/supervision/cases/{late['id']}/urge", json=urge)
    assert again.json()["texts_queued"] == 0  # the same urge is not sent twice
    with api.session() as s:
        texts = [m.text for m in s.scalars(select(SmsMessage).where(SmsMessage.kind == "urged"))]
    assert len(texts) == 5 and all("科室审核" in t and "催办" in t for t in texts)
    history = api.as_("wangjing", "GET", f"/api/v1/cases/{late['id']}/history").json()
    assert history["events"][-1]["action"] == "urge"
    assert api.as_("other_sup", "POST", f"/api/v1/supervision/cases/{late['id']}/urge",
                   json={"id": str(uuid.uuid4())}).status_code == 403
    assert api.as_("wangjing", "POST", f"/api/v1/supervision/cases/{late['id']}/urge",
                   json={"id": str(uuid.uuid4())}).status_code == 403


def test_feed_after_cursor(api: Api) -> None:
    api.clock.set(2026, 3, 2)
    case = create_case(api)
    r = api.as_("jiancha", "GET", "/api/v1/supervision/feed?after=0")
    assert r.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert [x["action"] for x in lines] == ["accepted"]
    cursor = int(r.headers["X-Next-Cursor"])
    assert cursor == lines[-1]["cursor"]
    act(api, "wangjing", case["id"], "approve")
    r = api.as_("jiancha", "GET", f"/api/v1/supervision/feed?after={cursor}")
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert [(x["action"], x["step_post"]) for x in lines] == [("approve", "window")]
    assert lines[0]["case_number"] == case["case_number"]
    r = api.as_("jiancha", "GET", f"/api/v1/supervision/feed?after={lines[-1]['cursor']}")
    assert r.text == "" and r.headers["X-Next-Cursor"] == str(lines[-1]["cursor"])
    assert api.as_("other_sup", "GET", "/api/v1/supervision/feed").text == ""
    assert len(api.as_("admin", "GET", "/api/v1/supervision/feed").text.splitlines()) == 2


@pytest.mark.parametrize("period", ["start=2026-01-01&end=9999-12-31",
                                    "start=0001-01-01&end=2026-01-31"])
def test_rates_period_out_of_range_is_422(api: Api, period: str) -> None:
    r = api.as_("jiancha", "GET", f"/api/v1/supervision/rates?{period}")
    assert r.status_code == 422, r.text
    assert r.json()["detail"]["code"] == "period_out_of_range"
