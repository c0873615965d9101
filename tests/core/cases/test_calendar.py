"""The counter's working days: the shared table of hand-checked dates, from the holiday table
seeded into a fresh counter's database."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hall_client.core.cases.calendar import (
    CalendarNotPublished,
    load_calendar,
    local_date,
    seed_if_empty,
)
from hall_client.core.counter import Counter
from tests.working_days_table import CASES


@pytest.mark.parametrize(("accepted", "limit", "due", "why"), CASES)
def test_shared_table(counter: Counter, accepted: datetime, limit: int, due: date | None,
                      why: str) -> None:
    with counter.store.transaction() as s:
        cal = load_calendar(s)
    start = local_date(accepted)
    if due is None:
        with pytest.raises(CalendarNotPublished) as caught:
            cal.due_date(start, limit)
        assert "2027" in caught.value.message
    else:
        assert cal.due_date(start, limit) == due, why


def test_table_is_seeded_once_and_covers_2020_to_2026(counter: Counter) -> None:
    with counter.store.transaction() as s:
        assert seed_if_empty(s) is None  # open_counter seeded it already
        cal = load_calendar(s)
    assert (cal.first_year, cal.last_year) == (2020, 2026)
    assert cal.is_workday(date(2026, 2, 14)) and not cal.is_workday(date(2026, 2, 16))
    with pytest.raises(CalendarNotPublished):
        cal.is_workday(date(2019, 12, 31))
