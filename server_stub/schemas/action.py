"""Workflow actions: one body shape for every action, each with the client's UUID."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, Field

from server_stub.schemas.common import ClientText, Money

ActionName = Literal[
    "approve", "return", "reject",
    "request_correction", "correction_received",
    "start_special", "end_special",
    "request_extension", "approve_extension", "deny_extension",
    "payment_recorded", "certificate_issued", "collected", "finished",
]


class ActionIn(ClientText):
    """``id`` makes the action idempotent by itself: sent twice, it happens once."""

    id: uuid.UUID
    action: ActionName
    step_id: uuid.UUID | None = Field(default=None, description="缺省为本人可办理的当前环节")
    opinion: str = Field(default="", max_length=2000)
    reason: str = Field(default="", max_length=2000)
    to_stage: int | None = Field(default=None, ge=1, le=50, description="return：退回到的阶段")
    days: int | None = Field(default=None, ge=1, le=365,
                             description="request_extension：延长的工作日")
    extension_id: uuid.UUID | None = None
    special_kind: Literal["expert_review", "hearing", "inspection", "other"] | None = None
    amount: Money | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    receipt_number: str = Field(default="", max_length=60)
    certificate_number: str = Field(default="", max_length=60)
    collector: str = Field(default="", max_length=100)


class TaskOut(BaseModel):
    """An inbox entry: an active step the caller may act on."""

    case_id: uuid.UUID
    case_number: str
    item_name: str
    project_name: str
    applicant: str
    step_id: uuid.UUID
    step_name: str
    post: str
    started_at: str
    due_date: str | None
    warning: str
    acting_as: str
