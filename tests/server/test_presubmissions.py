"""Online pre-submissions (网上申报): an applicant submits for a hall; the hall's counters list
them and decide (accept with the case number made at the window, correction, refusal)."""

from __future__ import annotations

import uuid
from typing import Any

from .conftest import Api


def body(**kw: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "hall": "demo", "item_code": "ZJ-XK-001",
            "project_name": "滨江花园三期1#楼",
            "applicant": {"name": "某某建设有限公司", "kind": "organisation",
                          "id_type": "uscc", "id_number": "91330100MA2B3C4D5N",
                          "phone": "13800000000"},
            "materials": [{"name": "建筑工程施工许可证申请表"}, {"name": "建设工程规划许可证",
                                                        "notes": "扫描件"}],
            "notes": "网上申报", **kw}


def test_submit_list_and_decide(any_api: Api) -> None:
    api = any_api
    doc = body()
    r = api.client.post("/api/v1/presubmissions", json=doc)
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "submitted" and r.json()["item_version"] == 1
    assert r.json()["item_name"] == "建筑工程施工许可证核发"
    again = api.client.post("/api/v1/presubmissions", json=doc)
    assert again.status_code == 200 and again.json()["id"] == doc["id"]
    changed = api.client.post("/api/v1/presubmissions", json={**doc, "project_name": "别的"})
    assert changed.status_code == 409
    assert changed.json()["detail"]["code"] == "presubmission_exists"
    waiting = api.as_("wangjing", "GET", "/api/v1/presubmissions?status=submitted").json()
    assert [p["id"] for p in waiting] == [doc["id"]]
    assert api.as_("other_clerk", "GET", "/api/v1/presubmissions").json() == []
    url = f"/api/v1/presubmissions/{doc['id']}/decision"
    assert api.as_("other_clerk", "POST", url, json={
        "decision": "refused", "reason": "x"}).status_code == 403
    assert api.as_("wangjing", "POST", url, json={"decision": "refused"}).status_code == 422
    assert api.as_("wangjing", "POST", url, json={"decision": "accepted"}).status_code == 422
    decided = api.as_("wangjing", "POST", url, json={
        "decision": "accepted", "case_number": "HALL-330100-2026-W01-00009"})
    assert decided.status_code == 200 and decided.json()["status"] == "accepted"
    assert decided.json()["decided_by"] == "wangjing"
    repeat = api.as_("wangjing", "POST", url, json={
        "decision": "accepted", "case_number": "HALL-330100-2026-W01-00009"})
    assert repeat.status_code == 200
    other = api.as_("liqiang", "POST", url, json={"decision": "refused", "reason": "重复"})
    assert other.status_code == 409 and other.json()["detail"]["code"] == "presubmission_decided"
    assert api.as_("wangjing", "GET", "/api/v1/presubmissions?status=submitted").json() == []
    assert api.as_("wangjing", "GET",
                   "/api/v1/presubmissions?status=nonsense").status_code == 422


def test_bad_submissions_are_refused(any_api: Api) -> None:
    api = any_api
    assert api.client.post("/api/v1/presubmissions",
                           json=body(hall="nope")).json()["detail"]["code"] == "hall_not_found"
    r = api.client.post("/api/v1/presubmissions", json=body(item_code="NO-SUCH"))
    assert r.status_code == 404 and r.json()["detail"]["code"] == "item_not_found"
    r = api.client.post("/api/v1/presubmissions", json=body(project_name="a\x00b"))
    assert r.status_code == 422
    r = api.client.post("/api/v1/presubmissions", json={**body(), "extra": 1})
    assert r.status_code == 422
