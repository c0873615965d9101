"""Answers of the supervision terminal: board, performance with rankings, series, abnormal
cases and satisfaction."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

from server_stub.schemas.supervision import RateRow


class BoardStep(BaseModel):
    step_id: uuid.UUID
    post: str
    name: str
    stage: int
    started_at: str | None
    due_date: str | None
    warning: str
    holders: list[str] = Field(description="本级权限人姓名")
    backup: list[str] = Field(description="AB岗后备人员姓名")


class BoardCase(BaseModel):
    case_id: uuid.UUID
    case_number: str
    item_code: str
    item_name: str
    department: str
    department_name: str
    project_name: str
    applicant: str
    status: str
    counter: str
    counter_name: str
    accepted_at: str
    legal_due: str | None
    promised_due: str | None
    warning: str = Field(description="green | yellow | red | paused | unknown（整件最严重者）")
    case_warning: str = Field(description="整件承诺时限本身的预警")
    days_left: int | None = Field(description="距承诺办结日的工作日数（逾期为负）")
    deadline_error: str | None
    clock_stopped: bool
    steps: list[BoardStep]


class BoardOut(BaseModel):
    generated_at: str
    total: int
    by_status: dict[str, int]
    by_warning: dict[str, int]
    cases: list[BoardCase]


class RankedRow(RateRow):
    rank: int
    previous_rank: int | None
    rank_change: int | None = Field(description="名次变化，正数为上升")
    previous_on_time_rate: float | None
    on_time_rate_change: float | None


class PerformanceOut(BaseModel):
    start: str
    end: str
    by: str
    previous_start: str
    previous_end: str
    rows: list[RankedRow]


class SeriesPoint(RateRow):
    start: str
    end: str
    label: str


class SeriesOut(BaseModel):
    start: str
    end: str
    interval: str
    by: str | None
    points: list[SeriesPoint]


class AbnormalOut(BaseModel):
    case_id: uuid.UUID
    case_number: str
    item_name: str
    department: str
    department_name: str
    status: str
    rule: str
    rule_name: str
    reason: str
    at: str


class SatisfactionRow(BaseModel):
    key: str
    name: str
    rated: int
    very_satisfied: int
    satisfied: int
    basic: int
    dissatisfied: int
    very_dissatisfied: int
    bad: int
    satisfaction_rate: float
    average_score: float


class SatisfactionOut(BaseModel):
    start: str
    end: str
    by: str
    rows: list[SatisfactionRow]
