"""The holiday table: public holidays and make-up workdays."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field


class HolidayDayIn(BaseModel):
    kind: Literal["holiday", "workday"]
    name: str = Field(default="", max_length=60)


class HolidayDayOut(BaseModel):
    day: dt.date
    kind: str
    name: str


class HolidayYearIn(BaseModel):
    """A whole new year's arrangement, published at once (holidays and make-up workdays)."""

    days: list[HolidayDayOut] = Field(max_length=400)


class HolidayCalendar(BaseModel):
    first_year: int
    last_year: int
    revision: int
    days: list[HolidayDayOut]
