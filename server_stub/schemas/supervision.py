"""Supervision answers: rates per group, warnings, urge."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

from server_stub.schemas.common import ClientText


class RateRow(BaseModel):
    key: str
    name: str
    completed: int
    early: int
    on_time: int = Field(description="按期办结数（含提前）")
    overdue: int
    unknown: int
    early_rate: float
    on_time_rate: float
    overdue_rate: float
    average_handling_days: float | None


class RatesOut(BaseModel):
    start: str
    end: str
    by: str
    rows: list[RateRow]


class WarningOut(BaseModel):
    level: str
    scope: str
    case_id: uuid.UUID
    case_number: str
    item_name: str
    department: str
    step_id: uuid.UUID | None
    step_name: str
    due_date: str | None
    message: str


class UrgeIn(ClientText):
    id: uuid.UUID
    step_id: uuid.UUID | None = None
    message: str = Field(default="", max_length=500)


class UrgeOut(BaseModel):
    case_id: uuid.UUID
    texts_queued: int


class SmsOut(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID | None
    phone: str
    kind: str
    text: str
    status: str
    attempts: int
    last_error: str


class DeliveryOut(BaseModel):
    sent: int
    retry: int
    failed: int
