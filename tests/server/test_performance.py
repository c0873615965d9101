"""Performance by department, item, handler and counter against a hand-made fixture whose
every conclusion day is known (Spring Festival 2026 and its 调休 Saturdays included), with
rankings against the previous period and series over time.

2026 calendar used: Sat 14 Feb and Sat 28 Feb are make-up workdays; 15–23 Feb are holidays.
企业投资项目备案 (FG-SP-001, 发展和改革局) and 企业设立登记 (SC-DJ-001, 市场监督管理局) are both
promised in 1 working day: window 0 days, review 1 day, window finish 0 days.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Api
from .hall_world import Hall, new_hall

FG, SC = "FG-SP-001", "SC-DJ-001"
REVIEWER = {FG: "fgj_sh1", SC: "scj_sh1"}


def _conclude(h: Hall, item: str, counter: str, accepted: tuple[int, int, int],
              done: tuple[int, int, int], reviewer: str | None = None,
              reject: bool = False) -> str:
    clerk = "clerk1" if counter == "C01" else "clerk2"
    h.api.clock.set(*accepted)
    cid = h.create(clerk, counter, item_code=item, fees=[])["id"]
    h.act(clerk, cid, "approve", counter=counter)
    h.api.clock.set(*done)
    reviewer = reviewer or REVIEWER[item]
    if reject:
        h.act(reviewer, cid, "reject", reason="项目不符合产业政策，依据《产业结构调整指导目录》淘汰类")
        return cid
    h.act(reviewer, cid, "approve", opinion="同意")
    h.act(clerk, cid, "certificate_issued", counter=counter, certificate_number="Z-1")
    h.act(clerk, cid, "collected", counter=counter, collector="申请人")
    h.act(clerk, cid, "finished", counter=counter)
    return cid


def seed(h: Hall) -> None:
    # January (the previous period): FG on time, SC overdue.
    _conclude(h, FG, "C01", (2026, 1, 5), (2026, 1, 6))    # due 6 Jan: on time, 1 day
    _conclude(h, SC, "C02", (2026, 1, 5), (2026, 1, 7))    # due 6 Jan: overdue, 2 days
    # February.
    _conclude(h, FG, "C01", (2026, 2, 12), (2026, 2, 13))  # due Fri 13: on time, 1
    _conclude(h, FG, "C02", (2026, 2, 13), (2026, 2, 24),  # due Sat 14 (调休): overdue, 2
              reviewer="fgj_sh2")
    _conclude(h, SC, "C01", (2026, 2, 13), (2026, 2, 14))  # due Sat 14: on time, 1
    _conclude(h, SC, "C02", (2026, 2, 11), (2026, 2, 11))  # due 12: early, 0
    _conclude(h, FG, "C01", (2026, 2, 27), (2026, 2, 28))  # due Sat 28 (调休): on time, 1
    # Refused on Mon 2 March: counts in March, not February (due Fri 27 Feb: overdue; 27, Sat 28 and 2 Mar: 3 days).
    _conclude(h, FG, "C01", (2026, 2, 26), (2026, 3, 2), reject=True)


def _rows(h: Hall, url: str) -> list[dict[str, Any]]:
    r = h.call("sup", "GET", url)
    assert r.status_code == 200, r.text
    return r.json()["rows"]  # type: ignore[no-any-return]


def _brief(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["key"], row["completed"], row["early"], row["on_time"], row["overdue"],
            row["on_time_rate"], row["average_handling_days"], row["rank"],
            row["previous_rank"], row["rank_change"])


@pytest.fixture
def hall(any_api: Api) -> Hall:
    h = new_hall(any_api)
    seed(h)
    return h


def test_department_item_counter_rankings_for_february(hall: Hall) -> None:
    feb = "/api/v1/supervision/performance?start=2026-02-01&end=2026-02-28"
    assert [_brief(r) for r in _rows(hall, feb + "&by=department")] == [
        ("SCJ", 2, 1, 2, 0, 1.0, 0.5, 1, 2, 1),
        ("FGJ", 3, 0, 2, 1, 0.6667, 1.33, 2, 1, -1),
    ]
    dept = {r["key"]: r for r in _rows(hall, feb + "&by=department")}
    assert dept["FGJ"]["name"] == "发展和改革局"
    assert dept["FGJ"]["on_time_rate_change"] == -0.3333  # January: 1 of 1 on time
    assert dept["SCJ"]["on_time_rate_change"] == 1.0    # January: 0 of 1
    assert [_brief(r) for r in _rows(hall, feb + "&by=item")] == [
        (SC, 2, 1, 2, 0, 1.0, 0.5, 1, 2, 1),
        (FG, 3, 0, 2, 1, 0.6667, 1.33, 2, 1, -1),
    ]
    assert [(*_brief(r), r["name"]) for r in _rows(hall, feb + "&by=counter")] == [
        ("C01", 3, 0, 3, 0, 1.0, 1.0, 1, 1, 0, "综合窗口1号"),
        ("C02", 2, 1, 1, 1, 0.5, 1.0, 2, 2, 0, "综合窗口2号"),
    ]


def test_handler_ranking_shares_ranks_on_ties(hall: Hall) -> None:
    rows = _rows(hall, "/api/v1/supervision/performance?start=2026-02-01&end=2026-02-28"
                       "&by=handler")
    got = [(r["name"], r["completed"], r["early"], r["on_time"], r["overdue"],
            r["average_handling_days"], r["rank"]) for r in rows]
    # Window steps are limited to 0 days: done the same day is on time, never early.
    # Clerk 1 also passed the window step of the case refused in March (26 Feb).
    assert sorted(got[:2]) == [("乙受理员", 4, 0, 4, 0, 0.0, 1), ("甲受理员", 7, 0, 7, 0, 0.0, 1)]
    assert [(g[1], g[2], g[3], g[4], g[5], g[6]) for g in got[2:]] == [
        (2, 1, 2, 0, 0.5, 3),   # scj_sh1: 11 Feb early, 14 Feb on time
        (2, 0, 2, 0, 1.0, 4),   # fgj_sh1: 13 Feb and 28 Feb on their due days
        (1, 0, 0, 1, 2.0, 5),   # fgj_sh2: due 14 Feb, done 24 Feb
    ]


def test_march_counts_the_refusal_and_quarter_compares_with_previous_quarter(
        hall: Hall) -> None:
    march = _rows(hall, "/api/v1/supervision/performance?start=2026-03-01&end=2026-03-31"
                        "&by=department")
    assert [_brief(r) for r in march] == [("FGJ", 1, 0, 0, 1, 0.0, 3.0, 1, 2, 1)]
    r = hall.call("sup", "GET", "/api/v1/supervision/performance?start=2026-01-01"
                                "&end=2026-03-31&by=department")
    body = r.json()
    assert (body["previous_start"], body["previous_end"]) == ("2025-10-01", "2025-12-31")
    # Q1: FGJ 1+3+1 = 5 cases, on time 1+2 = 3; SCJ 1+2 = 3 cases, on time 2.
    q1 = {row["key"]: row for row in body["rows"]}
    assert (q1["FGJ"]["completed"], q1["FGJ"]["on_time"], q1["FGJ"]["overdue"]) == (5, 3, 2)
    assert (q1["SCJ"]["completed"], q1["SCJ"]["on_time"], q1["SCJ"]["early"]) == (3, 2, 1)
    assert q1["SCJ"]["previous_rank"] is None  # nothing concluded in Q4 2025
    # A week (the Spring Festival week): days before, not months.
    week = hall.call("sup", "GET", "/api/v1/supervision/performance?start=2026-02-09"
                                   "&end=2026-02-15&by=counter").json()
    assert (week["previous_start"], week["previous_end"]) == ("2026-02-02", "2026-02-08")
    # Both all on time: C02 (0 days on average) ranks above C01 (1 day).
    assert [(x["key"], x["completed"], x["rank"]) for x in week["rows"]] == [
        ("C02", 1, 1), ("C01", 2, 2)]


def test_rates_agree_with_the_existing_rates_endpoint(hall: Hall) -> None:
    base = "start=2026-01-01&end=2026-03-31"
    for by in ("department", "item", "handler"):
        old = hall.call("sup", "GET", f"/api/v1/supervision/rates?{base}&by={by}").json()["rows"]
        new = _rows(hall, f"/api/v1/supervision/performance?{base}&by={by}")
        strip = ("rank", "previous_rank", "rank_change", "previous_on_time_rate",
                 "on_time_rate_change")
        assert sorted(old, key=lambda r: r["key"]) == sorted(
            ({k: v for k, v in r.items() if k not in strip} for r in new),
            key=lambda r: r["key"])


def test_series_by_week_and_month(hall: Hall) -> None:
    r = hall.call("sup", "GET", "/api/v1/supervision/series?start=2026-01-01&end=2026-03-31"
                                "&interval=month")
    points = r.json()["points"]
    assert [(p["label"], p["completed"], p["on_time"], p["overdue"]) for p in points] == [
        ("2026-01", 2, 1, 1), ("2026-02", 5, 4, 1), ("2026-03", 1, 0, 1)]
    weeks = hall.call("sup", "GET", "/api/v1/supervision/series?start=2026-02-09"
                                    "&end=2026-03-01&interval=week&by=department").json()
    got = [(p["label"], p["start"], p["key"], p["completed"]) for p in weeks["points"]]
    assert got == [("2026-W07", "2026-02-09", "FGJ", 1), ("2026-W07", "2026-02-09", "SCJ", 2),
                   ("2026-W09", "2026-02-23", "FGJ", 2)]
    # A day series covers every day, also the empty ones (as zero rows for the hall).
    days = hall.call("sup", "GET", "/api/v1/supervision/series?start=2026-02-10"
                                   "&end=2026-02-16&interval=day").json()["points"]
    assert [(p["label"], p["completed"]) for p in days] == [
        ("2026-02-10", 0), ("2026-02-11", 1), ("2026-02-12", 0), ("2026-02-13", 1),
        ("2026-02-14", 1), ("2026-02-15", 0), ("2026-02-16", 0)]
