"""Rare names across the wire: the server keeps and shows every character exactly, on SQLite
and PostgreSQL (API, sync feed, review pages, SMS texts); bad names are refused with 422."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from tests.rare_names import NAMES

from .conftest import Api
from .helpers import case_body, create_case
from .test_web import _sign_in
from .test_workflow import act


def _post_raw(api: Api, raw: str) -> Any:
    headers = {**api.login("wangjing"), "Idempotency-Key": str(uuid.uuid4()),
               "Content-Type": "application/json"}
    return api.client.post("/api/v1/cases", content=raw.encode("utf-8"), headers=headers)


def test_every_rare_name_round_trips_through_the_api(any_api: Api) -> None:
    api = any_api
    api.clock.set(2026, 3, 2)
    created = {}
    for entry in NAMES:
        applicant = {"name": entry.name, "kind": "person", "phone": "13900001111",
                     "address": f"杭州市{entry.rare}家巷{entry.rare}号", "contact": entry.twin}
        case = create_case(api, applicant=applicant, project_name=f"{entry.name}自建房")
        created[case["id"]] = entry
        got = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}").json()
        assert got["applicant"]["name"] == entry.name  # code point for code point
        assert got["applicant"]["address"] == applicant["address"]
        assert got["applicant"]["contact"] == entry.twin != entry.name
        assert got["project_name"] == f"{entry.name}自建房"
    listed = api.as_("wangjing", "GET", "/api/v1/cases?limit=500").json()
    names = {c["id"]: c["applicant"]["name"] for c in listed["cases"]}
    for case_id, entry in created.items():
        assert names[case_id] == entry.name
    feed = api.as_("wangjing", "GET", "/api/v1/sync/cases?limit=500").json()
    fed = {c["id"]: c["applicant"]["name"] for c in feed["cases"]}
    assert all(fed[case_id] == entry.name for case_id, entry in created.items())


def test_review_pages_and_sms_show_the_characters(any_api: Api) -> None:
    api = any_api
    api.clock.set(2026, 3, 2)
    cases = []
    for entry in NAMES:
        case = create_case(api, applicant={**case_body()["applicant"], "name": entry.name})
        act(api, "wangjing", case["id"], "approve")
        cases.append((case, entry))
    _sign_in(api, "chenhao")
    inbox = api.client.get("/review/").text
    for case, entry in cases:
        assert f"<bdi>{entry.name}</bdi>" in inbox
        page = api.client.get(f"/review/cases/{case['id']}").text
        assert f"<bdi>{entry.name}</bdi>" in page
        reason = f"申请表上“{entry.rare}”字与身份证不一致"
        act(api, "chenhao", case["id"], "request_correction", reason=reason)
    # One pass sends at most 100; on the shared PostgreSQL schema other tests' texts are due
    # too, so pass until nothing is left to send (as the server's own loop would).
    for _ in range(100):
        r = api.as_("admin", "POST", "/api/v1/sms/deliver")
        assert r.status_code == 200
        if r.json()["sent"] == 0:
            break
    log = api.app.state.settings.data_dir / "sms.log"
    texts = [json.loads(line)["text"] for line in log.read_text(encoding="utf-8").splitlines()]
    for case, entry in cases:
        mine = [t for t in texts if case["case_number"] in t and "补正" in t]
        assert mine and f"“{entry.rare}”字" in mine[0] and "?" not in mine[0]
    # The applicant's status page shows the steps of a rare-named case, and not the name.
    case, entry = cases[1]
    status = api.client.post("/status", data={"number": case["case_number"],
                                              "code": case["verification_code"]})
    assert status.status_code == 200 and "窗口受理" in status.text
    assert entry.name not in status.text


@pytest.mark.parametrize(("name", "why"), [
    ("王\\ud842吉", "lone high surrogate"),
    ("王\\udfb7", "lone low surrogate"),
    ("王" + "\\u0301" * 1000, "a thousand combining marks"),
])
def test_bad_names_are_refused_and_nothing_is_stored(any_api: Api, name: str, why: str) -> None:
    api = any_api
    body = case_body()
    body["applicant"]["name"] = "@@NAME@@"
    raw = json.dumps(body, ensure_ascii=True).replace("@@NAME@@", name)
    r = _post_raw(api, raw)
    assert r.status_code == 422, (why, r.status_code, r.text[:300])
    assert api.as_("wangjing", "GET", f"/api/v1/cases/{body['id']}").status_code == 404


def test_rtl_name_is_kept_and_isolated_on_the_review_page(any_api: Api) -> None:
    api = any_api
    api.clock.set(2026, 3, 2)
    name = "محمد علی"
    case = create_case(api, applicant={**case_body()["applicant"], "name": name})
    assert api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}").json()[
        "applicant"]["name"] == name
    act(api, "wangjing", case["id"], "approve")
    _sign_in(api, "chenhao")
    assert f"<bdi>{name}</bdi>" in api.client.get(f"/review/cases/{case['id']}").text
