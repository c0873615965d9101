"""Online pre-submissions (网上申报): what an applicant sends, and how a counter decides."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from server_stub.schemas.case import Applicant
from server_stub.schemas.common import ClientText


class PresubmittedMaterial(ClientText):
    name: str = Field(min_length=1, max_length=200)
    notes: str = Field(default="", max_length=500)


class PresubmissionCreate(ClientText):
    """Sent by the online portal for an applicant; ``id`` is the portal's UUID."""

    id: uuid.UUID
    hall: str = Field(min_length=1, max_length=40)
    item_code: str = Field(min_length=1, max_length=40)
    project_name: str = Field(default="", max_length=200)
    applicant: Applicant
    materials: list[PresubmittedMaterial] = Field(default_factory=list, max_length=200)
    notes: str = Field(default="", max_length=2000)


class PresubmissionDecision(ClientText):
    """A counter's decision after pre-review, as at the window."""

    decision: Literal["accepted", "correction", "refused"]
    reason: str = Field(default="", max_length=2000)
    case_number: str = Field(default="", max_length=60)


class PresubmissionOut(BaseModel):
    id: uuid.UUID
    hall: str
    item_code: str
    item_version: int
    item_name: str
    project_name: str
    applicant: dict[str, Any]
    materials: list[Any]
    notes: str
    submitted_at: datetime
    status: str
    reason: str
    case_number: str
    decided_by: str
    decided_at: datetime | None
