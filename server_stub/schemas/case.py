"""A case as the counter sends it, and as the server reports it back."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    Field,
)

from server_stub.schemas.common import ClientText, Money

Phone = Field(default="", pattern=r"^(\+?[0-9][0-9 -]{4,19})?$")


class Applicant(ClientText):
    name: str = Field(min_length=1, max_length=100)
    kind: Literal["person", "organisation"] = "person"
    id_type: str = Field(default="", max_length=30)
    id_number: str = Field(default="", max_length=40)
    phone: str = Phone
    address: str = Field(default="", max_length=200)
    contact: str = Field(default="", max_length=100)


class MaterialReceived(ClientText):
    name: str = Field(min_length=1, max_length=200)
    received: bool = True
    form: Literal["original", "copy", "original_and_copy"] = "original"
    copies: int = Field(default=1, ge=0, le=1000)
    notes: str = Field(default="", max_length=500)


class FeeAssessed(ClientText):
    """One fee item as the counter assessed it; the amount is a decimal string in yuan."""

    code: str = Field(min_length=1, max_length=40)
    name: str = Field(default="", max_length=200)
    amount: Money = Field(ge=0, le=Decimal("9999999999.99"), max_digits=12, decimal_places=2)
    basis: str = Field(default="", max_length=500)


class CaseCreate(ClientText):
    """A case the counter accepted (perhaps offline): its UUID is the client's."""

    id: uuid.UUID
    item_code: str = Field(min_length=1, max_length=40)
    item_version: int | None = Field(default=None, ge=1, le=100000)
    case_number: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")
    verification_code: str | None = Field(default=None, pattern=r"^[A-Za-z0-9]{4,12}$")
    project_name: str = Field(default="", max_length=200)
    applicant: Applicant
    materials: list[MaterialReceived] = Field(default_factory=list, max_length=200)
    fees: list[FeeAssessed] = Field(default_factory=list, max_length=50)
    accepted_at: AwareDatetime | None = None


class StepOut(BaseModel):
    id: uuid.UUID
    post: str
    name: str
    stage: int
    state: str
    limit_days: int
    extension_days: int
    holders: list[str]
    backup: list[str]
    started_at: datetime | None
    finished_at: datetime | None
    due_date: date | None
    actor: str
    acted_as: str
    opinion: str
    warning: str
    result: str | None


class UploadSummary(BaseModel):
    id: uuid.UUID
    section: str
    name: str
    size: int
    sha256: str
    confirmed_offset: int
    complete: bool
    kind: str = "page"


class CaseOut(BaseModel):
    id: uuid.UUID
    case_number: str
    verification_code: str | None = Field(
        default=None, description="只在创建时（及其幂等重放）返回一次")
    hall: str
    counter: str = Field(default="", description="受理窗口编码（创建案件的窗口凭据）；无则为空")
    item_code: str
    item_version: int
    item_name: str
    department: str
    project_name: str
    applicant: dict[str, Any]
    materials: list[Any]
    fees: list[Any]
    fee_total: str
    status: str
    current_stage: int
    accepted_at: datetime
    finished_at: datetime | None
    outcome_reason: str
    decision_number: str = Field(default="", description="不予许可决定书文号（本大厅按年连续编号）")
    legal_limit_days: int
    promised_limit_days: int
    extension_days: int
    legal_due: date | None
    promised_due: date | None
    warning: str
    deadline_error: str | None
    clock_stopped: bool
    window_record: dict[str, Any]
    steps: list[StepOut]
    uploads: list[UploadSummary]


class CaseListOut(BaseModel):
    cases: list[CaseOut]


class EventOut(BaseModel):
    seq: int
    id: uuid.UUID
    action: str
    step_id: uuid.UUID | None
    actor: str
    role: str
    acted_as: str
    opinion: str
    data: dict[str, Any]
    at: datetime
    hash: str


class HistoryOut(BaseModel):
    case_id: uuid.UUID
    events: list[EventOut]
    chain_ok: bool


class CaseChanges(BaseModel):
    """Cases changed after a cursor: what a counter pulls to learn of approvals."""

    cursor: int = Field(description="下次请求时作为 after 传回")
    more: bool = Field(description="还有更多变化：立即用新 cursor 再取")
    cases: list[CaseOut]
