"""The live board: open cases with their steps' warnings and working-day due dates, filters,
urging from the board; bad periods refused on every supervision question."""

from __future__ import annotations

import uuid

import pytest

from .conftest import Api
from .hall_world import Hall, new_hall

ZJ_FEES = [{"code": "FS-ZJ-001", "amount": "600.00"}]


@pytest.fixture
def hall(any_api: Api) -> Hall:
    any_api.clock.set(2026, 3, 2)
    return new_hall(any_api)


def _board(h: Hall, query: str = "") -> dict:  # type: ignore[type-arg]
    r = h.call("sup", "GET", f"/api/v1/supervision/board{query}")
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_board_warnings_due_dates_and_filters(hall: Hall) -> None:
    # Mon 2 March: a construction permit (window 1 day, review 3) passed to review at once;
    # an enterprise filing (FG, window 0 days) left at the window at C02.
    review = hall.create(item_code="ZJ-XK-001", fees=ZJ_FEES)["id"]
    hall.act("clerk1", review, "approve")
    window = hall.create("clerk2", "C02", item_code="FG-SP-001", fees=[])["id"]
    finished = hall.create(item_code="FG-SP-001", fees=[])["id"]
    hall.act("clerk1", finished, "approve")
    hall.act("fgj_sh1", finished, "approve", opinion="同意")
    for action, extra in (("certificate_issued", {"certificate_number": "B-1"}),
                          ("collected", {"collector": "本人"}), ("finished", {})):
        hall.act("clerk1", finished, action, **extra)
    hall.api.clock.set(2026, 3, 4)  # Wed
    body = _board(hall)
    assert body["total"] == 2 and finished not in {c["case_id"] for c in body["cases"]}
    rows = {c["case_id"]: c for c in body["cases"]}
    # FG window step due Mon 2 (0 days): red; the case (1 day) due Tue 3: red too.
    assert rows[window]["warning"] == "red" and rows[window]["promised_due"] == "2026-03-03"
    assert rows[window]["steps"][0]["due_date"] == "2026-03-02"
    assert rows[window]["counter"] == "C02" and rows[window]["counter_name"] == "综合窗口2号"
    # Review: 3 working days from Mon 2 → Thu 5: yellow on Wed 4; names, not user names.
    step = rows[review]["steps"][0]
    assert (step["name"], step["due_date"], step["warning"]) == ("科室审核", "2026-03-05",
                                                                  "yellow")
    assert "陈浩" in step["holders"] and rows[review]["days_left"] == 5  # promised 7 days
    assert body["cases"][0]["case_id"] == window  # worst first
    assert body["by_warning"] == {"red": 1, "yellow": 1}
    assert body["by_status"] == {"in_progress": 2}
    # Filters.
    assert [c["case_id"] for c in _board(hall, "?department=ZJJ")["cases"]] == [review]
    assert [c["case_id"] for c in _board(hall, "?item=FG-SP-001")["cases"]] == [window]
    assert [c["case_id"] for c in _board(hall, "?counter=C02")["cases"]] == [window]
    assert [c["case_id"] for c in _board(hall, "?handler=chenhao")["cases"]] == [review]
    assert [c["case_id"] for c in _board(hall, "?handler=guohua")["cases"]] == [review]  # backup
    assert _board(hall, "?handler=nobody")["cases"] == []
    # Another hall's supervisor sees none of it.
    assert hall.api.as_("other_sup", "GET", "/api/v1/supervision/board").json()["cases"] == []

    # Urge from the board; an urge on a finished case is refused with a clear message.
    urge = {"id": str(uuid.uuid4()), "step_id": step["step_id"], "message": "请今日办结"}
    r = hall.call("sup", "POST", f"/api/v1/supervision/cases/{review}/urge", json=urge)
    assert r.status_code == 200 and r.json()["texts_queued"] == 5
    r = hall.call("sup", "POST", f"/api/v1/supervision/cases/{finished}/urge",
                  json={"id": str(uuid.uuid4()), "message": "催"})
    assert r.status_code == 409 and r.json()["detail"]["code"] == "case_closed"
    assert "已办结" in r.json()["detail"]["message"]
    history = hall.call("sup", "GET", f"/api/v1/cases/{review}/history").json()
    assert history["events"][-1]["action"] == "urge" and history["chain_ok"]


BAD_PERIODS = [("start=2026-03-31&end=2026-03-01", "period_invalid"),
               ("start=2000-01-01&end=2099-12-31", "period_too_long"),
               ("start=1926-01-01&end=2026-01-01", "period_out_of_range")]
ROUTES = ["/api/v1/supervision/performance?", "/api/v1/supervision/series?",
          "/api/v1/supervision/abnormal?", "/api/v1/supervision/satisfaction?",
          "/api/v1/ratings?"]


@pytest.mark.parametrize(("period", "code"), BAD_PERIODS)
def test_backwards_and_century_periods_are_refused(api: Api, period: str, code: str) -> None:
    for route in ROUTES:
        r = api.as_("jiancha", "GET", route + period)
        assert r.status_code == 422, (route, r.text)
        assert r.json()["detail"]["code"] == code
        assert r.json()["detail"]["message"]


def test_series_with_too_many_points_asks_for_a_coarser_interval(api: Api) -> None:
    r = api.as_("jiancha", "GET", "/api/v1/supervision/series?start=2025-01-01&end=2026-12-31"
                                  "&interval=day")
    assert r.status_code == 422 and r.json()["detail"]["code"] == "too_many_points"
    ok = api.as_("jiancha", "GET", "/api/v1/supervision/series?start=2025-01-01"
                                   "&end=2026-12-31&interval=week")
    assert ok.status_code == 200 and len(ok.json()["points"]) == 105
