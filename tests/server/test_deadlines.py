"""Deadline edge cases: a due date past the published calendar is reported, never guessed."""

from __future__ import annotations

from .conftest import Api
from .helpers import create_case, page, upload
from .test_workflow import act, step


def test_due_date_past_the_calendar_is_an_explicit_error(api: Api) -> None:
    api.clock.set(2026, 12, 28)
    case = create_case(api)
    assert case["promised_due"] is None and case["legal_due"] is None
    assert case["warning"] == "unknown"
    assert "2027" in case["deadline_error"]
    # Once the admin publishes 2027 the same case gets real dates.
    r = api.as_("admin", "PUT", "/api/v1/holidays/years/2027", json={"days": [
        {"day": "2027-01-01", "kind": "holiday", "name": "元旦"}]})
    assert r.status_code == 200
    case = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}").json()
    assert case["deadline_error"] is None
    # Tue 29, Wed 30, Thu 31 Dec, (Fri 1 Jan holiday), Mon 4, Tue 5, Wed 6, Thu 7 Jan.
    assert case["promised_due"] == "2027-01-07"


def test_yellow_threshold_is_configurable(api: Api) -> None:
    api.clock.set(2026, 3, 2)
    case = create_case(api)
    assert case["steps"][0]["warning"] == "yellow"  # due tomorrow: within one working day
    api.app.state.settings.yellow_working_days = 0
    case = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}").json()
    assert case["steps"][0]["warning"] == "green"
    api.clock.set(2026, 3, 3)
    case = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}").json()
    assert case["steps"][0]["warning"] == "yellow"  # due today
    api.clock.set(2026, 3, 4)
    case = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}").json()
    assert case["steps"][0]["warning"] == "red"


def test_finished_step_keeps_its_due_date_after_a_later_correction(any_api: Api) -> None:
    """A clock stop that began after a step finished does not touch that step's timing."""
    api = any_api
    api.clock.set(2026, 3, 2)
    case = create_case(api)
    cid = case["id"]
    upload(api, cid, page(1, 20_000), "0001.jpg")
    case = act(api, "wangjing", cid, "approve", opinion="材料齐全，同意受理")
    window = step(case, "window", "done")
    assert window["due_date"] == "2026-03-03" and window["result"] == "early"
    api.clock.set(2026, 3, 2, 15)  # the same afternoon, before the window step's due date
    case = act(api, "chenhao", cid, "request_correction", reason="补充施工合同备案证明")
    assert case["clock_stopped"] is True
    after = step(case, "window", "done")
    assert after["due_date"] == "2026-03-03" and after["result"] == "early"
    assert step(case, "dept_review")["due_date"] is None  # the open step is paused
