"""Supervision terminal: live board, performance with rankings, series over time, abnormal
cases and satisfaction (supervisors of a hall; the admin for every hall)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from server_stub.deps import NowDep, ReadSessionDep, SettingsDep, SupervisorUser
from server_stub.schemas.board import (
    AbnormalOut,
    BoardOut,
    PerformanceOut,
    SatisfactionOut,
    SeriesOut,
)
from server_stub.schemas.common import AUTH_ERRORS
from server_stub.services import abnormal, board, performance, ratings

router = APIRouter(tags=["supervision"], responses=AUTH_ERRORS)

Start = Annotated[date, Query(description="期间第一天（含，上海日期）")]
End = Annotated[date, Query(description="期间最后一天（含）；期间最长 1100 天")]
Filter = Annotated[str | None, Query(max_length=60)]


@router.get("/supervision/board", response_model=BoardOut)
def live_board(
    user: SupervisorUser, session: ReadSessionDep, settings: SettingsDep, now: NowDep,
    department: Filter = None, item: Filter = None, handler: Filter = None,
    counter: Filter = None,
) -> Any:
    """Open cases with their active steps, warnings and due dates, worst first."""
    return board.board(session, settings, user, now, department=department, item=item,
                       handler=handler, counter=counter)


@router.get("/supervision/performance", response_model=PerformanceOut)
def ranked_performance(
    user: SupervisorUser, session: ReadSessionDep, settings: SettingsDep, now: NowDep,
    start: Start, end: End,
    by: Literal["department", "item", "handler", "counter"] = "department",
) -> Any:
    """Rates per group ranked best first, with rank and on-time rate change since the
    previous period (whole months: the months before; otherwise as many days before)."""
    return performance.performance(session, settings, user, start, end, by, now)


@router.get("/supervision/series", response_model=SeriesOut)
def rate_series(
    user: SupervisorUser, session: ReadSessionDep, settings: SettingsDep, now: NowDep,
    start: Start, end: End, interval: Literal["day", "week", "month", "quarter"] = "month",
    by: Literal["department", "item", "handler", "counter"] | None = None,
) -> Any:
    """Rates per day, week, month or quarter, for the hall or per group (at most 400 points)."""
    return performance.series(session, settings, user, start, end, interval, by, now)


@router.get("/supervision/abnormal", response_model=list[AbnormalOut])
def abnormal_cases(user: SupervisorUser, session: ReadSessionDep, now: NowDep, start: Start,
                   end: End) -> Any:
    """Cases accepted or changed in the period that break a rule, each with its reason."""
    return abnormal.abnormal(session, user, start, end, now)


@router.get("/supervision/satisfaction", response_model=SatisfactionOut)
def satisfaction_rates(
    user: SupervisorUser, session: ReadSessionDep, start: Start, end: End,
    by: Literal["clerk", "department", "item"] = "clerk",
) -> Any:
    """Satisfaction (好差评) per clerk, department or item; voided ratings left out."""
    rows = ratings.satisfaction(session, user, start, end, by)
    return {"start": start.isoformat(), "end": end.isoformat(), "by": by, "rows": rows}
