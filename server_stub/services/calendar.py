"""Working days: Monday–Friday, minus public holidays, plus make-up workdays (调休).

The holiday table is seeded from ``chinesecalendar`` and editable by an admin. Any question
about a date past the last published year is refused (``CalendarNotPublished``), never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.errors import DomainError
from server_stub.models import HolidayDay
from server_stub.services.kv import get_setting, next_counter, set_setting

LAST_YEAR_KEY = "calendar_last_year"
FIRST_YEAR_KEY = "calendar_first_year"
REVISION_KEY = "calendar_revision"


class CalendarNotPublished(DomainError):
    """The date lies in a year whose holiday arrangement has not been entered yet."""

    def __init__(self, day: date, first_year: int, last_year: int) -> None:
        super().__init__(
            "calendar_not_published",
            f"{day.year} 年的节假日安排尚未发布（日历只覆盖 {first_year}–{last_year} 年），"
            f"无法按工作日计算 {day.isoformat()}；请管理员先录入该年度的节假日和调休上班日。",
            status=422,
            day=day.isoformat(),
            last_published_year=last_year,
        )


@dataclass(frozen=True)
class StopPeriod:
    """A stopped-clock period in local dates: workdays in (start, end] do not count.

    ``end`` None means still stopped. Counting restarts the day after the clock resumes, as
    it starts the day after acceptance.
    """

    start: date
    end: date | None
    began_at: datetime | None = field(default=None, compare=False)
    """The instant the clock stopped: a step finished before it is not affected by it."""


class WorkCalendar:
    """An in-memory copy of the holiday table for fast day arithmetic."""

    def __init__(
        self, holidays: Iterable[date], workdays: Iterable[date], first_year: int, last_year: int
    ) -> None:
        self.holidays = frozenset(holidays)
        self.workdays = frozenset(workdays)
        self.first_year = first_year
        self.last_year = last_year

    def check(self, day: date) -> None:
        if not self.first_year <= day.year <= self.last_year:
            raise CalendarNotPublished(day, self.first_year, self.last_year)

    def is_workday(self, day: date) -> bool:
        self.check(day)
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    @staticmethod
    def _stopped(day: date, stops: Iterable[StopPeriod]) -> bool:
        return any(s.start < day and (s.end is None or day <= s.end) for s in stops)

    def counted_days(self, start: date, end: date, stops: Iterable[StopPeriod] = ()) -> int:
        """Working days in (start, end] while the clock ran."""
        stops = list(stops)
        n = 0
        day = start + timedelta(days=1)
        while day <= end:
            if self.is_workday(day) and not self._stopped(day, stops):
                n += 1
            day += timedelta(days=1)
        return n

    def due_date(self, start: date, limit: int, stops: Iterable[StopPeriod] = ()) -> date | None:
        """The day on which ``limit`` counted working days after ``start`` are used up.

        A limit of 0 is due the same day. None while an open stop hides the end: the due date
        is unknown until the clock runs again.
        """
        stops = list(stops)
        if limit <= 0:
            return start
        n = 0
        day = start
        for _ in range(limit * 7 + 3660):
            day += timedelta(days=1)
            stopped = self._stopped(day, stops)
            if stopped and any(s.end is None and s.start < day for s in stops):
                return None
            if self.is_workday(day) and not stopped:
                n += 1
                if n == limit:
                    return day
        raise DomainError("calendar_no_workdays", "日历中找不到足够的工作日，请检查节假日表。")

    def workdays_between(self, today: date, due: date) -> int:
        """Working days left from today to the due date (0 when due today, <0 when overdue)."""
        if today <= due:
            return self.counted_days(today, due)
        return -self.counted_days(due, today)




_cache: dict[tuple[int, str], WorkCalendar] = {}


def load_calendar(session: Session, revision: int | None = None) -> WorkCalendar:
    """The calendar as of the table's current revision (cached per database and revision).
    ``revision``: the current revision when the caller has just read it (one query fewer)."""
    if revision is None:
        revision = int(get_setting(session, REVISION_KEY) or 0)
    bind = session.get_bind()
    key = (revision, str(bind.engine.url))
    cached = _cache.get(key)
    if cached is not None:
        return cached
    rows = session.scalars(select(HolidayDay)).all()
    first = int(get_setting(session, FIRST_YEAR_KEY) or 0)
    last = int(get_setting(session, LAST_YEAR_KEY) or 0)
    calendar = WorkCalendar(
        [r.day for r in rows if r.kind == "holiday"],
        [r.day for r in rows if r.kind == "workday"],
        first,
        last,
    )
    if len(_cache) > 32:
        _cache.clear()
    _cache[key] = calendar
    return calendar


def bump_revision(session: Session) -> int:
    return next_counter(session, REVISION_KEY)


def seed_from_chinesecalendar(session: Session, first_year: int = 2020) -> int:
    """Copy holidays and make-up workdays from chinesecalendar; returns the last year covered."""
    import chinese_calendar

    revision = bump_revision(session)
    last_year = max(d.year for d in chinese_calendar.holidays)
    existing = {r.day for r in session.scalars(select(HolidayDay)).all()}
    sources = ((chinese_calendar.holidays, "holiday"), (chinese_calendar.workdays, "workday"))
    for source, kind in sources:
        for day, name in source.items():
            # chinesecalendar lists ordinary weekends as "holidays" too; keep only real ones.
            if day.year < first_year or day in existing:
                continue
            if kind == "holiday" and name is None:
                continue
            if kind == "workday" and name is None:
                continue
            session.add(HolidayDay(day=day, kind=kind, name=str(name), revision=revision))
    set_setting(session, FIRST_YEAR_KEY, str(first_year))
    set_setting(session, LAST_YEAR_KEY, str(last_year))
    return last_year
