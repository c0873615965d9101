"""Working-day arithmetic around the 2026 Spring Festival and National Day (with 调休)."""

from __future__ import annotations

from datetime import date

import pytest

from server_stub.services.calendar import CalendarNotPublished, StopPeriod, WorkCalendar


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    import chinese_calendar

    return WorkCalendar(
        [d for d in chinese_calendar.holidays if d.year >= 2025],
        [d for d in chinese_calendar.workdays if d.year >= 2025],
        2025,
        2026,
    )


def test_spring_festival_2026(cal: WorkCalendar) -> None:
    # Sat 14 Feb is a make-up workday; 15–23 Feb are holidays; Sat 28 Feb is a make-up workday.
    assert cal.is_workday(date(2026, 2, 14))
    assert not any(cal.is_workday(date(2026, 2, d)) for d in range(15, 24))
    assert cal.is_workday(date(2026, 2, 24))
    assert cal.is_workday(date(2026, 2, 28))
    assert not cal.is_workday(date(2026, 2, 21))
    # Accepted Thu 12 Feb: day 1 Fri 13, day 2 Sat 14 (调休), day 3 Tue 24, ... day 7 Sat 28.
    assert cal.due_date(date(2026, 2, 12), 1) == date(2026, 2, 13)
    assert cal.due_date(date(2026, 2, 12), 2) == date(2026, 2, 14)
    assert cal.due_date(date(2026, 2, 12), 3) == date(2026, 2, 24)
    assert cal.due_date(date(2026, 2, 12), 7) == date(2026, 2, 28)
    assert cal.due_date(date(2026, 2, 12), 8) == date(2026, 3, 2)
    assert cal.counted_days(date(2026, 2, 12), date(2026, 3, 2)) == 8


def test_national_day_2026(cal: WorkCalendar) -> None:
    # Sun 20 Sep and Sat 10 Oct are make-up workdays; 25–27 Sep and 1–7 Oct are holidays.
    assert cal.is_workday(date(2026, 9, 20))
    assert cal.is_workday(date(2026, 10, 10))
    assert not cal.is_workday(date(2026, 10, 7))
    # Accepted Wed 30 Sep: day 1 Thu 8 Oct, day 2 Fri 9, day 3 Sat 10 (调休), day 4 Mon 12.
    assert cal.due_date(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert cal.due_date(date(2026, 9, 30), 3) == date(2026, 10, 10)
    assert cal.due_date(date(2026, 9, 30), 4) == date(2026, 10, 12)
    # Accepted Fri 18 Sep: Sun 20 counts, Fri 25 does not (Mid-autumn).
    assert cal.due_date(date(2026, 9, 18), 1) == date(2026, 9, 20)
    assert cal.due_date(date(2026, 9, 18), 5) == date(2026, 9, 24)
    assert cal.due_date(date(2026, 9, 18), 6) == date(2026, 9, 28)


def test_zero_limit_is_same_day(cal: WorkCalendar) -> None:
    assert cal.due_date(date(2026, 3, 3), 0) == date(2026, 3, 3)


def test_stopped_clock_skips_days(cal: WorkCalendar) -> None:
    # Accepted Mon 2 Mar, 5 days: due Mon 9 Mar. Stopped from Wed 4 to Fri 6 Mar: the
    # workdays Thu 5 and Fri 6 do not count, so the due date moves two workdays later.
    stop = StopPeriod(date(2026, 3, 4), date(2026, 3, 6))
    assert cal.due_date(date(2026, 3, 2), 5) == date(2026, 3, 9)
    assert cal.due_date(date(2026, 3, 2), 5, [stop]) == date(2026, 3, 11)
    assert cal.counted_days(date(2026, 3, 2), date(2026, 3, 11), [stop]) == 5
    # While still stopped the due date is unknown.
    assert cal.due_date(date(2026, 3, 2), 5, [StopPeriod(date(2026, 3, 4), None)]) is None


def test_past_the_published_year_is_refused(cal: WorkCalendar) -> None:
    with pytest.raises(CalendarNotPublished) as exc:
        cal.due_date(date(2026, 12, 28), 5)
    assert exc.value.code == "calendar_not_published"
    assert "2027" in exc.value.message


def test_remaining_days(cal: WorkCalendar) -> None:
    due = date(2026, 2, 24)
    assert cal.workdays_between(date(2026, 2, 24), due) == 0
    assert cal.workdays_between(date(2026, 2, 14), due) == 1  # yellow: due next working day
    assert cal.workdays_between(date(2026, 2, 25), due) == -1


def test_due_date_and_counting_agree(cal: WorkCalendar) -> None:
    """For any start, limit and stopped period: the due date is a counted working day, and
    exactly `limit` counted days lie between the start and it."""
    from datetime import timedelta

    from hypothesis import given, settings
    from hypothesis import strategies as st

    @given(start=st.dates(date(2025, 1, 1), date(2026, 9, 30)),
           limit=st.integers(0, 30),
           stop_at=st.integers(0, 20), stop_len=st.integers(0, 15))
    @settings(max_examples=200, deadline=None, derandomize=True, database=None)
    def check(start: date, limit: int, stop_at: int, stop_len: int) -> None:
        stop = StopPeriod(start + timedelta(days=stop_at),
                          start + timedelta(days=stop_at + stop_len))
        due = cal.due_date(start, limit, [stop])
        assert due is not None
        assert cal.counted_days(start, due, [stop]) == limit
        if limit:
            assert cal.is_workday(due)
            assert cal.counted_days(start, due - timedelta(days=1), [stop]) == limit - 1

    check()
