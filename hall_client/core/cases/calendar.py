"""Working days at the counter, by the server's rule (docs/server.md, "Working days").

A working day is Monday–Friday, minus public holidays, plus make-up workdays (调休), from the
counter's holiday table. The table is seeded from ``chinesecalendar`` (2020 to its last year)
and replaced by the server's when sync brings it. Counting starts the day after acceptance (the
Asia/Shanghai date of the UTC instant): a limit of N is due on the N-th working day after; 0 is
due the same day. A date in a year the table does not cover is refused, never guessed.

The arithmetic repeats ``server_stub/services/calendar.py`` (the two packages never import each
other); ``tests/working_days_table.py`` holds the cases both sides are tested with.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_client.core.errors import DomainError
from hall_client.core.settings import SHANGHAI
from hall_client.store.case_models import HolidayDay, HolidayYear

SEED_FIRST_YEAR = 2020


class CalendarNotPublished(DomainError):
    """The date lies in a year whose holiday arrangement the table does not hold."""

    code = "calendar_not_published"

    def __init__(self, day: date, first_year: int, last_year: int) -> None:
        covered = f"{first_year}–{last_year} 年" if first_year else "任何年份"
        super().__init__(
            f"{day.year} 年的节假日安排尚未录入（日历只覆盖 {covered}），无法按工作日计算"
            f" {day.isoformat()}；请待中心同步节假日表后再确定日期。")
        self.day = day


def local_date(moment: datetime) -> date:
    return moment.astimezone(SHANGHAI).date()


class WorkCalendar:
    """An in-memory copy of the holiday table for day arithmetic."""

    def __init__(self, holidays: Iterable[date], workdays: Iterable[date], first_year: int,
                 last_year: int) -> None:
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

    def counted_days(self, start: date, end: date) -> int:
        """Working days in (start, end]."""
        n = 0
        day = start + timedelta(days=1)
        while day <= end:
            if self.is_workday(day):
                n += 1
            day += timedelta(days=1)
        return n

    def due_date(self, start: date, limit: int) -> date:
        """The day on which ``limit`` working days after ``start`` are used up."""
        if limit <= 0:
            return start
        n = 0
        day = start
        for _ in range(limit * 7 + 3660):
            day += timedelta(days=1)
            if self.is_workday(day):
                n += 1
                if n == limit:
                    return day
        raise DomainError("日历中找不到足够的工作日，请检查节假日表。", code="calendar_no_workdays")

    def workdays_between(self, today: date, due: date) -> int:
        """Working days left from today to the due date (0 when due today, <0 when overdue)."""
        if today <= due:
            return self.counted_days(today, due)
        return -self.counted_days(due, today)


def load_calendar(session: Session) -> WorkCalendar:
    years = list(session.scalars(select(HolidayYear.year)))
    rows = session.scalars(select(HolidayDay)).all()
    return WorkCalendar([r.day for r in rows if r.kind == "holiday"],
                        [r.day for r in rows if r.kind == "workday"],
                        min(years, default=0), max(years, default=-1))


def seed_if_empty(session: Session, first_year: int = SEED_FIRST_YEAR) -> int | None:
    """Copy holidays and make-up workdays from chinesecalendar into an empty table (as the
    server seeds its own); returns the last year covered, or None if the table had rows."""
    if session.scalar(select(HolidayYear.year).limit(1)) is not None:
        return None
    import chinese_calendar

    last_year = max(d.year for d in chinese_calendar.holidays)
    for source, kind in ((chinese_calendar.holidays, "holiday"),
                         (chinese_calendar.workdays, "workday")):
        for day, name in source.items():
            # chinesecalendar lists ordinary weekends too (name None); keep only real ones.
            if day.year < first_year or name is None:
                continue
            session.add(HolidayDay(day=day, kind=kind, name=str(name)[:32]))
    for year in range(first_year, last_year + 1):
        session.add(HolidayYear(year=year, source="chinesecalendar"))
    session.flush()
    return last_year
