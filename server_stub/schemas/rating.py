"""Service ratings (好差评): what a counter sends, and a rating with its loop and appeals."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, Field

from server_stub.schemas.common import ClientText

Level = Literal["非常满意", "满意", "基本满意", "不满意", "非常不满意"]


class RatingIn(ClientText):
    id: uuid.UUID = Field(description="窗口生成的评价 UUID；重发同一评价只计一次")
    case_id: uuid.UUID
    level: Level
    clerk: str = Field(min_length=1, max_length=60, description="被评价工作人员的用户名")
    counter: str = Field(min_length=1, max_length=40, description="窗口编号")
    rated_at: AwareDatetime
    comment: str = Field(default="", max_length=500)


class LoopStepOut(BaseModel):
    kind: Literal["verify", "rectify", "answer", "callback"]
    name: str
    seq: int
    limit_days: int
    state: str = Field(description="pending | active | done | cancelled")
    started_at: str | None
    due_date: str | None
    done_at: str | None
    done_by: str
    note: str
    warning: str = Field(description="pending | green | yellow | red | done | late | cancelled")


class AppealOut(BaseModel):
    id: uuid.UUID
    reason: str
    filed_by: str
    filed_at: str
    state: str = Field(description="pending | accepted | refused")
    decided_by: str
    decided_at: str | None
    decision_reason: str


class RatingOut(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    case_number: str
    item_name: str
    department: str
    department_name: str
    level: str
    score: int
    clerk: str
    clerk_name: str
    counter: str
    rated_at: datetime
    comment: str
    state: str = Field(description="none（好评）| open（整改中）| closed（已闭环）| voided（申诉成立）")
    loop: list[LoopStepOut]
    appeals: list[AppealOut]


class LoopStepIn(ClientText):
    note: str = Field(min_length=1, max_length=2000, description="核实、整改、答复或回访的情况")


class AppealIn(ClientText):
    id: uuid.UUID
    reason: str = Field(min_length=1, max_length=2000)


class DecisionIn(ClientText):
    accept: bool
    reason: str = Field(min_length=1, max_length=2000)
