"""The server promises the same dates as the counter: the shared table of hand-checked cases
(tests/working_days_table.py) against the server's holiday table as seeded."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from server_stub.core.clock import local_date
from server_stub.services.calendar import CalendarNotPublished, load_calendar
from tests.server.conftest import Api
from tests.working_days_table import CASES


@pytest.mark.parametrize(("accepted", "limit", "due", "why"), CASES)
def test_shared_table(api: Api, accepted: datetime, limit: int, due: date | None,
                      why: str) -> None:
    with api.session() as s:
        cal = load_calendar(s)
    start = local_date(accepted)
    if due is None:
        with pytest.raises(CalendarNotPublished):
            cal.due_date(start, limit)
    else:
        assert cal.due_date(start, limit) == due, why
