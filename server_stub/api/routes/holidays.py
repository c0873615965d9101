"""The holiday table: read by everyone signed in, edited by an admin."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy import delete, select

from server_stub.core.errors import DomainError
from server_stub.deps import AdminUser, CurrentUser, ReadSessionDep, SessionDep
from server_stub.models import HolidayDay
from server_stub.schemas.common import AUTH_ERRORS
from server_stub.schemas.holiday import HolidayCalendar, HolidayDayIn, HolidayDayOut, HolidayYearIn
from server_stub.services import calendar
from server_stub.services.kv import get_setting, set_setting

router = APIRouter(prefix="/holidays", tags=["calendar"], responses=AUTH_ERRORS)


def _view(session: Any, year: int | None = None) -> HolidayCalendar:
    cal = calendar.load_calendar(session)
    query = select(HolidayDay).order_by(HolidayDay.day)
    if year is not None:
        query = query.where(HolidayDay.day >= dt.date(year, 1, 1),
                            HolidayDay.day <= dt.date(year, 12, 31))
    return HolidayCalendar(
        first_year=cal.first_year, last_year=cal.last_year,
        revision=int(get_setting(session, calendar.REVISION_KEY) or 0),
        days=[HolidayDayOut(day=r.day, kind=r.kind, name=r.name)
              for r in session.scalars(query)],
    )


@router.get("", response_model=HolidayCalendar, responses={304: {"description": "没有变化"}})
def list_holidays(
    request: Request, response: Response, user: CurrentUser, session: ReadSessionDep,
    year: int | None = Query(default=None, ge=1900, le=2200),
) -> Any:
    """Holidays and make-up workdays (optionally one year), and the published range.

    ``ETag`` follows the table's revision: send ``If-None-Match`` to get 304 when unchanged.
    """
    etag = f'"holidays-{get_setting(session, calendar.REVISION_KEY) or 0}-{year or "all"}"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    response.headers["ETag"] = etag
    return _view(session, year)


@router.put("/{day}", response_model=HolidayDayOut)
def set_day(day: dt.date, body: HolidayDayIn, admin: AdminUser, session: SessionDep) -> Any:
    """Mark a date as a holiday or a make-up workday (within the published years)."""
    cal = calendar.load_calendar(session)
    cal.check(day)
    # The revision row is locked first: parallel edits of the table take turns, so two
    # admins setting the same new day cannot both insert it.
    revision = calendar.bump_revision(session)
    row = session.get(HolidayDay, day)
    if row is None:
        session.add(HolidayDay(day=day, kind=body.kind, name=body.name, revision=revision))
    else:
        row.kind, row.name, row.revision = body.kind, body.name, revision
    session.commit()
    return HolidayDayOut(day=day, kind=body.kind, name=body.name)


@router.delete("/{day}", status_code=204)
def clear_day(day: dt.date, admin: AdminUser, session: SessionDep) -> None:
    """Make a date ordinary again (weekday work, weekend rest)."""
    calendar.load_calendar(session).check(day)
    session.execute(delete(HolidayDay).where(HolidayDay.day == day))
    calendar.bump_revision(session)
    session.commit()


@router.put("/years/{year}", response_model=HolidayCalendar)
def publish_year(year: int, body: HolidayYearIn, admin: AdminUser, session: SessionDep) -> Any:
    """Publish the next year's arrangement; after this its dates can be counted."""
    cal = calendar.load_calendar(session)
    if year != cal.last_year + 1 and not cal.first_year <= year <= cal.last_year:
        raise DomainError(
            "calendar_year_gap",
            f"只能发布已发布年份或下一年度（{cal.last_year + 1} 年），不能跳到 {year} 年",
        )
    if not any(d.kind == "holiday" for d in body.days):
        raise DomainError("calendar_year_empty",
                          f"{year} 年的安排里没有一个法定节假日：请录入国务院办公厅公布的"
                          "全年放假和调休安排，不能发布空年度")
    if len({d.day for d in body.days}) != len(body.days):
        raise DomainError("calendar_duplicate_day", "同一日期出现了不止一次")
    for d in body.days:
        if d.day.year != year:
            raise DomainError("calendar_wrong_year", f"{d.day.isoformat()} 不属于 {year} 年")
        if d.kind not in ("holiday", "workday"):
            raise DomainError("calendar_kind",
                              f"{d.day.isoformat()}: kind 必须是 holiday 或 workday")
    session.execute(delete(HolidayDay).where(HolidayDay.day >= dt.date(year, 1, 1),
                                             HolidayDay.day <= dt.date(year, 12, 31)))
    revision = calendar.bump_revision(session)
    for d in body.days:
        session.add(HolidayDay(day=d.day, kind=d.kind, name=d.name, revision=revision))
    set_setting(session, calendar.LAST_YEAR_KEY, str(max(year, cal.last_year)))
    session.commit()
    return _view(session, year)
