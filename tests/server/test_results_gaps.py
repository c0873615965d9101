"""Results at the window, the server's part: result documents (the licence PDF) uploaded in
the completion steps, the accepting counter on a case, the refusal letter's number."""

from __future__ import annotations

import hashlib
import re
import uuid
from typing import Any

from .conftest import Api
from .helpers import create_case, send
from .test_workflow import act

PDF = b"%PDF-1.4\n" + hashlib.sha256(b"licence").digest() * 900 + b"\n%%EOF\n"


def _approve(api: Api, case_id: str) -> None:
    for user in ("wangjing", "chenhao", "zhengwei", "hejun"):
        act(api, user, case_id, "approve", opinion="同意")


def _declare_result(api: Api, case_id: str, data: bytes, *, name: str = "licence-1.pdf",
                    content_type: str = "application/pdf") -> Any:
    return api.as_("wangjing", "POST", f"/api/v1/cases/{case_id}/uploads", json={
        "id": str(uuid.uuid4()), "section": "结果文书", "name": name, "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(), "content_type": content_type,
        "kind": "result"})


def test_result_pdf_uploads_after_approval_and_is_recorded(api: Api) -> None:
    case = create_case(api)
    early = _declare_result(api, case["id"], PDF)
    assert early.status_code == 409 and early.json()["detail"]["code"] == "case_not_at_results"
    _approve(api, case["id"])
    # Pages stay closed after the window step; a result must be a PDF.
    page = api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/uploads", json={
        "id": str(uuid.uuid4()), "section": "施工", "name": "0009.jpg", "size": 10,
        "sha256": "0" * 64})
    assert page.status_code == 409 and page.json()["detail"]["code"] == "case_closed_for_uploads"
    jpeg = _declare_result(api, case["id"], b"\xff\xd8\xff" + b"x" * 20, name="licence-1.jpg",
                           content_type="image/jpeg")
    assert jpeg.status_code == 422 and jpeg.json()["detail"]["code"] == "result_not_pdf"
    # Bytes that are not a PDF (no %PDF- at the start) are refused when complete.
    fake = b"<html>" + PDF[6:]
    declared = _declare_result(api, case["id"], fake, name="licence-0.pdf")
    assert declared.status_code == 201, declared.text
    refused = send(api, declared.json()["id"], fake, 0)
    assert refused.status_code == 422 and refused.json()["detail"]["code"] == "content_refused"

    declared = _declare_result(api, case["id"], PDF)
    assert declared.status_code == 201 and declared.json()["kind"] == "result"
    up = declared.json()["id"]
    assert send(api, up, PDF[:10_000], 0).json()["complete"] is False
    done = send(api, up, PDF[10_000:], 10_000)
    assert done.status_code == 200 and done.json()["complete"] is True
    again = send(api, up, PDF[10_000:], 10_000)  # the answer was lost: sent again, harmless
    assert again.status_code == 200
    stored = api.as_("wangjing", "GET", f"/api/v1/uploads/{up}/content")
    assert stored.content == PDF
    history = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}/history").json()
    recorded = [e for e in history["events"] if e["action"] == "result_uploaded"]
    assert len(recorded) == 1 and history["chain_ok"]
    assert recorded[0]["data"]["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert recorded[0]["actor"] and recorded[0]["data"]["name"] == "licence-1.pdf"
    view = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}").json()
    assert [u["kind"] for u in view["uploads"] if u["id"] == up] == ["result"]


def test_case_carries_the_accepting_counter_and_the_list_filters_by_it(api: Api) -> None:
    case = create_case(api)
    assert case["counter"] == "C01"
    mine = api.as_("wangjing", "GET", "/api/v1/cases", params={"counter": "C01"}).json()
    others = api.as_("wangjing", "GET", "/api/v1/cases", params={"counter": "C02"}).json()
    everyone = api.as_("wangjing", "GET", "/api/v1/cases").json()
    assert case["id"] in {c["id"] for c in mine["cases"]}
    assert all(c["counter"] == "C01" for c in mine["cases"])
    assert case["id"] not in {c["id"] for c in others["cases"]}
    assert case["id"] in {c["id"] for c in everyone["cases"]}


def test_refusal_letters_are_numbered_gap_free_per_hall_and_year(api: Api) -> None:
    numbers = []
    for _ in range(2):
        case = create_case(api)
        act(api, "wangjing", case["id"], "approve")  # the window step
        refused = act(api, "chenhao", case["id"], "reject", reason="项目不符合产业政策")
        numbers.append(refused["decision_number"])
    approved = create_case(api)
    assert act(api, "wangjing", approved["id"], "approve")["decision_number"] == ""
    found = [re.fullmatch(r"DEMO不许〔(\d{4})〕(\d{5})号", n) for n in numbers]
    assert all(found), numbers
    first, second = (int(m.group(2)) for m in found if m)
    assert second == first + 1
    history = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}/history").json()
    assert [e["data"]["decision_number"] for e in history["events"]
            if e["action"] == "reject"] == [numbers[1]]


def test_migration_numbers_letters_of_cases_refused_before_it(api: Api) -> None:
    from alembic import command
    from alembic.config import Config

    from server_stub.db import MIGRATIONS

    case = create_case(api)
    act(api, "wangjing", case["id"], "approve")
    number = act(api, "chenhao", case["id"], "reject", reason="不符合规划")["decision_number"]
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with api.app.state.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007_licences")
        command.upgrade(cfg, "head")
    again = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}").json()
    assert again["decision_number"] and again["counter"] == "C01"
    assert re.fullmatch(r"DEMO不许〔\d{4}〕\d{5}号", number)
    later = create_case(api)
    act(api, "wangjing", later["id"], "approve")
    after = act(api, "chenhao", later["id"], "reject", reason="不符合规划")["decision_number"]
    # Renumbered in the order refused (this one last), and the sequence carries on from them.
    assert int(after[-6:-1]) == int(again["decision_number"][-6:-1]) + 1
