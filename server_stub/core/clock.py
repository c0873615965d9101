"""The server's notion of now, replaceable in tests so deadlines can be checked to the day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def local_date(moment: datetime) -> date:
    """The calendar date of a UTC instant in Asia/Shanghai: working days are counted in it."""
    return moment.astimezone(SHANGHAI).date()


def shown(moment: datetime | None) -> str:
    """A UTC instant as Asia/Shanghai wall time for pages and SMS."""
    if moment is None:
        return ""
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
