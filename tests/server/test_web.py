"""Review pages and the applicant status page."""

from __future__ import annotations

import pytest

from .conftest import HALL_USERS, Api
from .helpers import create_case, page, upload
from .test_workflow import act


def _sign_in(api: Api, username: str) -> None:
    r = api.client.post("/review/login", data={"username": username, "password": "demo1234"},
                        follow_redirects=False)
    assert r.status_code == 303, r.text
    assert "httponly" in r.headers["set-cookie"].lower()
    assert "samesite=strict" in r.headers["set-cookie"].lower()


def _field(html: str, name: str) -> str:
    """A hidden field of the page's form, as a browser sends it back."""
    return html.split(f'name="{name}" value="')[1].split('"')[0]


def test_reviewer_inbox_case_page_and_approval(api: Api) -> None:
    api.clock.set(2026, 3, 2)
    case = create_case(api)
    done = upload(api, case["id"], page(1, 20_000), "0001.jpg")
    act(api, "wangjing", case["id"], "approve")
    assert api.client.get("/review/", follow_redirects=False).status_code == 303
    _sign_in(api, "chenhao")
    inbox = api.client.get("/review/")
    assert inbox.status_code == 200
    assert case["case_number"] in inbox.text and "科室审核" in inbox.text
    assert "我的待办" in inbox.text
    page_html = api.client.get(f"/review/cases/{case['id']}").text
    assert "建筑工程施工许可证核发" in page_html and f"/review/files/{done['id']}" in page_html
    img = api.client.get(f"/review/files/{done['id']}")
    assert img.status_code == 200 and img.content == page(1, 20_000)
    form_id, csrf = _field(page_html, "form_id"), _field(page_html, "csrf")
    r = api.client.post(f"/review/cases/{case['id']}/act", data={
        "form_id": form_id, "csrf": csrf, "action": "approve", "opinion": ""},
        follow_redirects=False)
    assert r.status_code == 422 and "审批意见必须填写" in r.text
    r = api.client.post(f"/review/cases/{case['id']}/act", data={
        "form_id": form_id, "csrf": csrf, "action": "approve", "opinion": "同意"},
        follow_redirects=False)
    assert r.status_code == 303
    got = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}").json()
    assert got["current_stage"] == 3
    # The same form sent twice (double click) acts once.
    api.client.post(f"/review/cases/{case['id']}/act", data={
        "form_id": form_id, "csrf": csrf, "action": "approve", "opinion": "同意"},
        follow_redirects=False)
    history = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}/history").json()
    assert [e["action"] for e in history["events"]].count("approve") == 2


def test_clerks_cannot_use_review_pages_and_strangers_see_nothing(api: Api) -> None:
    r = api.client.post("/review/login", data={"username": "wangjing", "password": "demo1234"})
    assert r.status_code == 401 and "大厅客户端" in r.text
    case = create_case(api)
    _sign_in(api, "zrj_sh1")
    r = api.client.get(f"/review/cases/{case['id']}")
    assert r.status_code == 403 and case["project_name"] not in r.text


@pytest.mark.parametrize("username", sorted(HALL_USERS))
def test_hall_api_token_in_the_review_cookie_opens_nothing(api: Api, username: str) -> None:
    """A hall token copied into the page cookie is no review session (the API gives 403)."""
    api.clock.set(2026, 3, 2)
    case = create_case(api)
    done = upload(api, case["id"], page(1, 20_000), "0001.jpg")
    token = api.login(username)["Authorization"].removeprefix("Bearer ")
    api.client.cookies.set("hall_review", token, path="/review")
    assert api.client.get(f"/review/files/{done['id']}").status_code == 401
    r = api.client.get(f"/review/cases/{case['id']}", follow_redirects=False)
    assert r.status_code == 303 and case["project_name"] not in r.text
    assert api.client.get("/review/", follow_redirects=False).status_code == 303


def test_status_page_shows_steps_and_nothing_else(api: Api) -> None:
    api.clock.set(2026, 3, 2)
    case = create_case(api)
    assert "查询办件进度" in api.client.get("/status").text
    r = api.client.post("/status", data={"number": case["case_number"],
                                         "code": case["verification_code"]})
    assert r.status_code == 200
    assert "窗口受理" in r.text and "主管领导审批" in r.text and "2026-03-11" in r.text
    # Planned dates of the later steps: window due Tue 3, review +3 → Fri 6, deputy Mon 9,
    # chief Tue 10, window finish Wed 11 = the promised date.
    cells = r.text.replace(" ", "")
    for name, due in (("科室审核", "2026-03-06"), ("分管领导审批", "2026-03-09"),
                      ("主管领导审批", "2026-03-10"), ("窗口办结", "2026-03-11")):
        assert f"<td>{name}</td><td>未开始</td><td>{due}</td>" in cells, name
    for secret in ("杭州某建设有限公司", "13900001111", "91330100MA2XXXXX0X", "2100.50"):
        assert secret not in r.text
    wrong = api.client.post("/status", data={"number": case["case_number"], "code": "000000"})
    unknown = api.client.post("/status", data={"number": "NOPE-1", "code": "000000"})
    assert wrong.status_code == unknown.status_code == 404
    assert "窗口受理" not in wrong.text


def test_status_lookups_lock_after_repeated_wrong_codes(api: Api) -> None:
    case = create_case(api)
    for _ in range(10):
        api.client.post("/status", data={"number": case["case_number"], "code": "999999"})
    r = api.client.post("/status", data={"number": case["case_number"],
                                         "code": case["verification_code"]})
    assert r.status_code == 429 and "到窗口查询" in r.text


def test_expired_page_session_refreshes_once_and_stays_signed_in(api: Api) -> None:
    from datetime import timedelta

    api.clock.set(2026, 3, 2)
    case = create_case(api)
    act(api, "wangjing", case["id"], "approve")
    _sign_in(api, "chenhao")
    for _ in range(3):  # each time the access token has expired; refresh tokens rotate
        api.clock.now += timedelta(minutes=20)
        page_html = api.client.get(f"/review/cases/{case['id']}")
        assert page_html.status_code == 200, page_html.text
        assert "hall_review_refresh" in page_html.headers.get("set-cookie", "")
    api.clock.now += timedelta(minutes=20)
    form_id = _field(page_html.text, "form_id")
    r = api.client.post(f"/review/cases/{case['id']}/act", data={
        "form_id": form_id, "csrf": _field(page_html.text, "csrf"), "action": "approve",
        "opinion": "同意"}, follow_redirects=False)
    assert r.status_code == 303 and "hall_review" in r.headers.get("set-cookie", "")
    assert api.client.get(f"/review/cases/{case['id']}?msg=ok").status_code == 200
    assert api.client.get("/review/", follow_redirects=False).status_code == 200
