"""One table of promised dates, checked by hand against the State Council's 2026 holiday
arrangement, that the counter (tests/core/cases/test_calendar.py) and the server
(tests/server/test_counter_working_days.py) must both reproduce.

Each row: the acceptance instant (UTC), the limit in working days, the due date (None: the
calendar does not cover the year and the date must be refused, not guessed), and why.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

CASES: list[tuple[datetime, int, date | None, str]] = [
    # Spring Festival 2026: Sat 14 Feb is a make-up workday; 15–23 Feb holidays; Sat 28 Feb works.
    (datetime(2026, 2, 12, 1, 30, tzinfo=UTC), 1, date(2026, 2, 13), "Thu → Fri"),
    (datetime(2026, 2, 12, 1, 30, tzinfo=UTC), 2, date(2026, 2, 14), "调休 Saturday counts"),
    (datetime(2026, 2, 12, 1, 30, tzinfo=UTC), 3, date(2026, 2, 24), "holiday week skipped"),
    (datetime(2026, 2, 12, 1, 30, tzinfo=UTC), 7, date(2026, 2, 28), "second 调休 Saturday"),
    (datetime(2026, 2, 12, 1, 30, tzinfo=UTC), 15, date(2026, 3, 11), "legal limit across it"),
    # 17:00 UTC on Thu 12 Feb is 01:00 on Fri 13 Feb in Shanghai: counting starts from Friday.
    (datetime(2026, 2, 12, 17, 0, tzinfo=UTC), 1, date(2026, 2, 14), "Shanghai date, not UTC"),
    (datetime(2026, 2, 15, 2, 0, tzinfo=UTC), 1, date(2026, 2, 24), "accepted on a holiday"),
    # National Day 2026: Sun 20 Sep and Sat 10 Oct work; 25–27 Sep (Mid-autumn), 1–7 Oct off.
    (datetime(2026, 9, 18, 2, 0, tzinfo=UTC), 1, date(2026, 9, 20), "调休 Sunday counts"),
    (datetime(2026, 9, 18, 2, 0, tzinfo=UTC), 6, date(2026, 9, 28), "Mid-autumn skipped"),
    (datetime(2026, 9, 30, 2, 0, tzinfo=UTC), 1, date(2026, 10, 8), "Golden Week skipped"),
    (datetime(2026, 9, 30, 2, 0, tzinfo=UTC), 3, date(2026, 10, 10), "调休 Saturday 10 Oct"),
    (datetime(2026, 9, 30, 2, 0, tzinfo=UTC), 7, date(2026, 10, 15), "a week after"),
    (datetime(2026, 11, 30, 2, 0, tzinfo=UTC), 0, date(2026, 11, 30), "limit 0: same day"),
    # Late December: the due date falls in 2027, which chinesecalendar does not cover yet.
    (datetime(2026, 12, 24, 2, 0, tzinfo=UTC), 7, None, "2027 not published"),
    (datetime(2026, 12, 30, 2, 0, tzinfo=UTC), 1, date(2026, 12, 31), "still inside 2026"),
]
