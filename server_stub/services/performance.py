"""Performance of the hall for the supervision terminal: rates by department, item, handler and
counter over any period, rankings against the previous period, and rates over time.

Counting follows ``services.supervision``: a case counts on the day it concluded (finished or
refused) against its promised limit, a step on the day it was done against the step's limit.
"""

from __future__ import annotations

from bisect import bisect_right
from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.clock import local_date
from server_stub.core.config import Settings
from server_stub.core.errors import DomainError
from server_stub.models import Case, CaseStep, Counter, Department
from server_stub.services import calendar, deadlines
from server_stub.services.auth import Principal
from server_stub.services.supervision import (
    PERIOD_MAX,
    PERIOD_MIN,
    _scope,
    _Tally,
    _utc_bounds,
)

GROUPINGS = ("department", "item", "handler", "counter")
INTERVALS = ("day", "week", "month", "quarter")
#: Longest period one question may cover (about three years): longer asks are mistakes.
MAX_PERIOD_DAYS = 1100
#: Most points a series may have: a year by day fits, ten years by day does not.
MAX_BUCKETS = 400
NO_COUNTER = "（未登记窗口）"


def check_period(start: date, end: date) -> None:
    """Refuse a backwards, out-of-range or over-long period with a message naming the rule."""
    if end < start:
        raise DomainError("period_invalid",
                          f"结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}")
    if start < PERIOD_MIN or end > PERIOD_MAX:
        raise DomainError("period_out_of_range",
                          f"期间必须在 {PERIOD_MIN.isoformat()} 至 {PERIOD_MAX.isoformat()} 之内")
    if (end - start).days + 1 > MAX_PERIOD_DAYS:
        raise DomainError("period_too_long",
                          f"期间最长 {MAX_PERIOD_DAYS} 天（约三年），请缩短期间后再查询",
                          days=(end - start).days + 1)


@dataclass(frozen=True)
class Outcome:
    """One concluded case or completed step, as counted for a group."""

    key: str
    name: str
    day: date
    result: str | None
    handling_days: int | None


def outcomes(session: Session, settings: Settings, principal: Principal, start: date, end: date,
             by: str, now: datetime) -> list[Outcome]:
    """Every counted conclusion in the period (inclusive, Shanghai dates) for a grouping."""
    if by not in GROUPINGS:
        raise DomainError("grouping_unknown", f"by 只能是 {', '.join(GROUPINGS)}")
    cal = calendar.load_calendar(session)
    lo, hi = _utc_bounds(start, end)
    out: list[Outcome] = []
    if by == "handler":
        query = (select(CaseStep, Case).join(Case, Case.id == CaseStep.case_id)
                 .where(CaseStep.finished_at >= lo, CaseStep.finished_at < hi,
                        CaseStep.state.in_(("done", "rejected")),
                        CaseStep.actor_id.is_not(None)))
        stops: dict[Any, list[calendar.StopPeriod]] = {}
        for step, case in session.execute(_scope(query, principal)).all():
            if case.id not in stops:
                stops[case.id] = deadlines.stops_of(session, case)
            try:
                t = deadlines.step_timing(cal, step, stops[case.id], local_date(now),
                                          settings.yellow_working_days)
                result, days = t.result, t.handling_days
            except DomainError:
                result, days = None, None
            assert step.finished_at is not None
            out.append(Outcome(str(step.actor_id), step.actor_name, local_date(step.finished_at),
                               result, days))
        return out
    departments = {d.code: d.name for d in session.scalars(select(Department))}
    counters = {c.id: (c.code, c.name) for c in session.scalars(select(Counter))}
    cases_query = select(Case).where(Case.finished_at >= lo, Case.finished_at < hi,
                                     Case.status.in_(("finished", "rejected")))
    for case in session.scalars(_scope(cases_query, principal)):
        timing = deadlines.case_timing(session, cal, case, [], now, settings.yellow_working_days)
        if by == "department":
            key, name = case.department, departments.get(case.department, case.department)
        elif by == "item":
            key, name = case.item_code, case.item_name
        else:
            code, cname = counters.get(case.counter_id, ("", NO_COUNTER)) \
                if case.counter_id else ("", NO_COUNTER)
            key, name = code, cname
        assert case.finished_at is not None
        out.append(Outcome(key, name, local_date(case.finished_at), timing.result,
                           timing.handling_days))
    return out


def tally(items: Iterable[Outcome]) -> list[dict[str, Any]]:
    """Rate rows per group key, sorted by key (the shape of ``/supervision/rates``)."""
    tallies: dict[str, _Tally] = {}
    for o in items:
        tallies.setdefault(o.key, _Tally(o.name)).add(o.result, o.handling_days)
    return [t.row(k) for k, t in sorted(tallies.items())]


def _rank_key(row: dict[str, Any]) -> tuple[float, float, float]:
    avg = row["average_handling_days"]
    return (-row["on_time_rate"], row["overdue_rate"], avg if avg is not None else 1e9)


def ranked(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows best first with a competition rank (1, 1, 3): higher on-time rate first, then
    lower overdue rate, then fewer average handling days; equal on all three share a rank."""
    rows = sorted(rows, key=lambda r: (*_rank_key(r), -r["completed"], r["key"]))
    out: list[dict[str, Any]] = []
    for i, row in enumerate(rows):
        rank = i + 1
        if i and _rank_key(rows[i - 1]) == _rank_key(row):
            rank = out[-1]["rank"]
        out.append({**row, "rank": rank})
    return out


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period just before: whole months map to the same number of whole months before
    (a quarter to the previous quarter), any other range to the same number of days before."""
    whole_months = start.day == 1 and end.day == monthrange(end.year, end.month)[1]
    if whole_months:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        first = _add_months(start, -months)
        return first, start - timedelta(days=1)
    days = (end - start).days + 1
    return start - timedelta(days=days), start - timedelta(days=1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def performance(session: Session, settings: Settings, principal: Principal, start: date,
                end: date, by: str, now: datetime) -> dict[str, Any]:
    """Ranked rows for the period with each row's change since the previous period."""
    check_period(start, end)
    prev_start, prev_end = previous_period(start, end)
    rows = ranked(tally(outcomes(session, settings, principal, start, end, by, now)))
    before: dict[str, dict[str, Any]] = {}
    if prev_start >= PERIOD_MIN:
        before = {r["key"]: r for r in ranked(tally(outcomes(
            session, settings, principal, prev_start, prev_end, by, now)))}
    for row in rows:
        prev = before.get(row["key"])
        row["previous_rank"] = prev["rank"] if prev else None
        row["rank_change"] = prev["rank"] - row["rank"] if prev else None
        row["previous_on_time_rate"] = prev["on_time_rate"] if prev else None
        row["on_time_rate_change"] = (round(row["on_time_rate"] - prev["on_time_rate"], 4)
                                      if prev else None)
    return {"start": start.isoformat(), "end": end.isoformat(), "by": by,
            "previous_start": prev_start.isoformat(), "previous_end": prev_end.isoformat(),
            "rows": rows}


def buckets(start: date, end: date, interval: str) -> list[tuple[date, date, str]]:
    """Consecutive (first, last, label) periods covering start..end, clipped to it."""
    if interval not in INTERVALS:
        raise DomainError("interval_unknown", f"interval 只能是 {', '.join(INTERVALS)}")
    out: list[tuple[date, date, str]] = []
    day = start
    while day <= end:
        if interval == "day":
            first, last, label = day, day, day.isoformat()
        elif interval == "week":
            first = day - timedelta(days=day.weekday())
            last = first + timedelta(days=6)
            iso = first.isocalendar()
            label = f"{iso[0]}-W{iso[1]:02d}"
        elif interval == "month":
            first = day.replace(day=1)
            last = _add_months(first, 1) - timedelta(days=1)
            label = f"{first.year}-{first.month:02d}"
        else:
            q = (day.month - 1) // 3
            first = date(day.year, q * 3 + 1, 1)
            last = _add_months(first, 3) - timedelta(days=1)
            label = f"{first.year}Q{q + 1}"
        out.append((max(first, start), min(last, end), label))
        day = last + timedelta(days=1)
        if len(out) > MAX_BUCKETS:
            raise DomainError("too_many_points",
                              f"按 {interval} 分段超过 {MAX_BUCKETS} 段，请选更粗的间隔或更短的期间")
    return out


def series(session: Session, settings: Settings, principal: Principal, start: date, end: date,
           interval: str, by: str | None, now: datetime) -> dict[str, Any]:
    """Rates per period bucket, for the hall as a whole or per group (one pass over the data)."""
    check_period(start, end)
    parts = buckets(start, end, interval)
    found = outcomes(session, settings, principal, start, end, by or "department", now)
    firsts = [first for first, _, _ in parts]
    grouped: list[list[Outcome]] = [[] for _ in parts]
    for o in found:
        grouped[bisect_right(firsts, o.day) - 1].append(o)
    points = []
    for (first, last, label), inside in zip(parts, grouped, strict=True):
        if by is None:
            inside = [Outcome("all", "全部", o.day, o.result, o.handling_days) for o in inside]
            rows = tally(inside) or [_Tally("全部").row("all")]
        else:
            rows = tally(inside)
        for row in rows:
            points.append({"start": first.isoformat(), "end": last.isoformat(), "label": label,
                           **row})
    return {"start": start.isoformat(), "end": end.isoformat(), "interval": interval,
            "by": by, "points": points}
