"""Due dates and warnings for cases and steps, in working days with stopped-clock periods.

Counting starts the day after acceptance (or after a step began); a stopped period (补正,
特别程序) does not count; an approved extension adds days. Yellow: due within the configured
number of working days; red: overdue. One red step makes the case red.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.clock import local_date
from server_stub.core.errors import DomainError
from server_stub.models import Case, CaseStep, ClockStop
from server_stub.services.calendar import StopPeriod, WorkCalendar

OPEN_STEP = "active"


@dataclass
class StepTiming:
    due: date | None
    warning: str  # green | yellow | red | paused | done | unknown
    result: str | None  # early | on_time | overdue for finished steps
    handling_days: int | None


@dataclass
class CaseTiming:
    legal_due: date | None
    promised_due: date | None
    warning: str
    result: str | None
    handling_days: int | None
    error: str | None
    steps: dict[uuid.UUID, StepTiming]
    clock_stopped: bool


def stops_of(session: Session, case: Case) -> list[StopPeriod]:
    rows = session.scalars(select(ClockStop).where(ClockStop.case_id == case.id)).all()
    return [StopPeriod(local_date(r.started_at), local_date(r.ended_at) if r.ended_at else None,
                       began_at=r.started_at)
            for r in rows]


def _level(cal: WorkCalendar, today: date, due: date | None, yellow_days: int) -> str:
    if due is None:
        return "paused"
    if today > due:
        return "red"
    if cal.workdays_between(today, due) <= yellow_days:
        return "yellow"
    return "green"


def _result(finished: date, due: date | None) -> str | None:
    if due is None:
        return None
    if finished < due:
        return "early"
    return "on_time" if finished == due else "overdue"


def step_timing(
    cal: WorkCalendar, step: CaseStep, stops: list[StopPeriod], today: date, yellow_days: int
) -> StepTiming:
    if step.started_at is None:
        return StepTiming(None, "pending", None, None)
    start = local_date(step.started_at)
    if step.state != OPEN_STEP and step.finished_at is not None:
        # A stop that began after the step finished (a later correction) is not its business.
        stops = [s for s in stops if s.began_at is None or s.began_at < step.finished_at]
    due = cal.due_date(start, step.limit_days + step.extension_days, stops)
    if step.state == OPEN_STEP:
        return StepTiming(due, _level(cal, today, due, yellow_days), None, None)
    if step.finished_at is None or step.state in ("returned", "cancelled"):
        return StepTiming(due, "done", None, None)
    finished = local_date(step.finished_at)
    return StepTiming(due, "done", _result(finished, due),
                      cal.counted_days(start, finished, stops))


_RANK = {"red": 3, "yellow": 2, "paused": 1, "green": 0}


def _safe_step_timing(cal: WorkCalendar, step: CaseStep, stops: list[StopPeriod], today: date,
                      yellow_days: int) -> StepTiming:
    try:
        return step_timing(cal, step, stops, today, yellow_days)
    except DomainError:
        return StepTiming(None, "unknown", None, None)


def case_timing(
    session: Session, cal: WorkCalendar, case: Case, steps: list[CaseStep], now: datetime,
    yellow_days: int, stops: list[StopPeriod] | None = None,
) -> CaseTiming:
    """Each date on its own: a case limit that reaches past the published calendar leaves
    the case's dates unknown, not the window step due next week (its warning still counts).
    ``stops``: the case's clock stops when the caller knows them (none for a new case)."""
    if stops is None:
        stops = stops_of(session, case)
    today = local_date(now)
    clock_stopped = any(s.end is None for s in stops)
    start = local_date(case.accepted_at)
    timings = {s.id: _safe_step_timing(cal, s, stops, today, yellow_days) for s in steps}
    error: str | None = None
    legal = promised = None
    try:
        legal = cal.due_date(start, case.legal_limit_days + case.extension_days, stops)
        promised = cal.due_date(start, case.promised_limit_days + case.extension_days, stops)
    except DomainError as exc:
        # A due date beyond the published calendar: say so, never guess.
        error = exc.message
    if error is None:
        for s in steps:
            if timings[s.id].warning == "unknown":
                try:
                    step_timing(cal, s, stops, today, yellow_days)
                except DomainError as exc:
                    error = exc.message
                    break
    if case.status in ("finished", "rejected") and case.finished_at is not None:
        finished = local_date(case.finished_at)
        try:
            days = cal.counted_days(start, finished, stops)
        except DomainError:
            days = None
        return CaseTiming(legal, promised, "done" if error is None else "unknown",
                          _result(finished, promised), days, error, timings, clock_stopped)
    if error is not None:
        # The case's own dates are unknown; its steps keep their own warnings (a window step
        # due next week still turns yellow and red, and supervision lists it).
        return CaseTiming(legal, promised, "unknown", None, None, error, timings, clock_stopped)
    level = _level(cal, today, promised, yellow_days)
    for t in timings.values():
        if t.warning in _RANK and _RANK[t.warning] > _RANK[level]:
            level = t.warning
    if clock_stopped and level in ("green", "yellow"):
        level = "paused"
    return CaseTiming(legal, promised, level, None, None, error, timings, clock_stopped)
