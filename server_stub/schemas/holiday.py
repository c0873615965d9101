"""The holiday table: public holidays and make-up workdays."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from server_stub.schemas.common import ClientText


class HolidayDayIn(ClientText):
    kind: Literal["holiday", "workday"]
    name: str = Field(default="", max_length=60)


class HolidayDayOut(BaseModel):
    day: dt.date
    kind: str
    name: str


class HolidayYearDay(ClientText):
    day: dt.date
    kind: Literal["holiday", "workday"]
    name: str = Field(default="", max_length=60)


class HolidayYearIn(ClientText):
    """A whole new year's arrangement, published at once (holidays and make-up workdays).

    A year without a single public holiday is a mistake (its weekdays would all count as
    working days): refused with ``calendar_year_empty``."""

    days: list[HolidayYearDay] = Field(max_length=400)


class HolidayCalendar(BaseModel):
    first_year: int
    last_year: int
    revision: int
    days: list[HolidayDayOut]
