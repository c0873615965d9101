"""The supervisor's live board: every open case of the hall with its active steps, warnings and
working-day due dates, filtered by department, item, handler or counter.

Built for thousands of open cases: steps, clock stops, people and counters are loaded in a few
queries, not one per case.
"""

from __future__ import annotations

import uuid
from collections import Counter as Tally
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.clock import local_date
from server_stub.core.config import Settings
from server_stub.core.errors import DomainError
from server_stub.models import Case, CaseStep, ClockStop, Counter, Department, Person, User
from server_stub.services import calendar, deadlines
from server_stub.services.auth import Principal
from server_stub.services.calendar import StopPeriod
from server_stub.services.cases import OPEN_STATES
from server_stub.services.supervision import _scope

_CHUNK = 500
_CASE_COLUMNS = (Case.id, Case.case_number, Case.item_code, Case.item_name, Case.department,
                 Case.project_name, Case.applicant, Case.status, Case.counter_id,
                 Case.accepted_at, Case.legal_limit_days, Case.promised_limit_days,
                 Case.extension_days)
_STEP_COLUMNS = (CaseStep.id, CaseStep.case_id, CaseStep.post, CaseStep.name, CaseStep.stage,
                 CaseStep.limit_days, CaseStep.extension_days, CaseStep.holders,
                 CaseStep.backup, CaseStep.state, CaseStep.started_at, CaseStep.finished_at)
_RANK = {"red": 4, "yellow": 3, "unknown": 2, "paused": 1, "green": 0}


class _MemoCalendar(calendar.WorkCalendar):
    """The hall calendar with answers remembered for one board: thousands of open cases share
    a few dozen (start day, limit) pairs, and counting day by day for each was most of the
    board's time. Periods with clock stops are not remembered."""

    def __init__(self, cal: calendar.WorkCalendar) -> None:
        super().__init__(cal.holidays, cal.workdays, cal.first_year, cal.last_year)
        self._due: dict[tuple[Any, int], Any] = {}
        self._between: dict[tuple[Any, Any], int] = {}

    def due_date(self, start: Any, limit: int, stops: Any = ()) -> Any:
        stops = list(stops)
        if stops:
            return super().due_date(start, limit, stops)
        key = (start, limit)
        if key not in self._due:
            self._due[key] = super().due_date(start, limit)
        return self._due[key]

    def workdays_between(self, today: Any, due: Any) -> int:
        key = (today, due)
        if key not in self._between:
            self._between[key] = super().workdays_between(today, due)
        return self._between[key]


def _chunks(ids: list[uuid.UUID]) -> list[list[uuid.UUID]]:
    return [ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def board(session: Session, settings: Settings, principal: Principal, now: datetime,
          department: str | None = None, item: str | None = None, handler: str | None = None,
          counter: str | None = None) -> dict[str, Any]:
    """Open cases, worst warning first, with a count per status and per warning level."""
    # Plain rows of the columns shown, not ORM objects: building 10,000 tracked instances was
    # most of the board's time.
    query = _scope(select(*_CASE_COLUMNS).where(Case.status.in_(OPEN_STATES)), principal)
    if department:
        query = query.where(Case.department == department)
    if item:
        query = query.where(Case.item_code == item)
    counters = {c.id: c for c in session.scalars(select(Counter))}
    if counter:
        ids = [c.id for c in counters.values() if c.code == counter
               and (principal.hall_id is None or c.hall_id == principal.hall_id)]
        query = query.where(Case.counter_id.in_(ids))
    cases: list[Any] = list(session.execute(query))
    ids = [c.id for c in cases]
    steps: dict[uuid.UUID, list[Any]] = {i: [] for i in ids}
    stops: dict[uuid.UUID, list[StopPeriod]] = {i: [] for i in ids}
    for part in _chunks(ids):
        for s in session.execute(select(*_STEP_COLUMNS).where(CaseStep.case_id.in_(part),
                                                              CaseStep.state == "active")):
            steps[s.case_id].append(s)
        for r in session.scalars(select(ClockStop).where(ClockStop.case_id.in_(part))):
            stops[r.case_id].append(StopPeriod(
                local_date(r.started_at), local_date(r.ended_at) if r.ended_at else None,
                began_at=r.started_at))
    names = dict(session.execute(select(Person.user, Person.name)).all())
    names.update(session.execute(select(User.username, User.name)).all())
    departments = dict(session.execute(select(Department.code, Department.name)).all())
    cal = _MemoCalendar(calendar.load_calendar(session))
    today = local_date(now)
    yellow = settings.yellow_working_days
    rows = []
    for case in cases:
        active = sorted(steps[case.id], key=lambda s: (s.stage, s.name))
        if handler and not any(handler in s.holders or handler in s.backup for s in active):
            continue
        rows.append(_row(cal, case, active, stops[case.id], today, yellow, names, departments,
                         counters))
    rows.sort(key=lambda r: (-_RANK.get(r["warning"], 0), r["promised_due"] or "9999",
                             r["case_number"]))
    return {"generated_at": now.isoformat(), "total": len(rows),
            "by_status": dict(Tally(r["status"] for r in rows)),
            "by_warning": dict(Tally(r["warning"] for r in rows)), "cases": rows}


def _row(cal: calendar.WorkCalendar, case: Any, active: list[Any], stops: list[StopPeriod],
         today: Any, yellow: int, names: dict[str, str], departments: dict[str, str],
         counters: dict[uuid.UUID, Counter]) -> dict[str, Any]:
    clock_stopped = any(s.end is None for s in stops)
    error = None
    legal = promised = None
    step_rows = []
    try:
        start = local_date(case.accepted_at)
        legal = cal.due_date(start, case.legal_limit_days + case.extension_days, stops)
        promised = cal.due_date(start, case.promised_limit_days + case.extension_days, stops)
        level = deadlines._level(cal, today, promised, yellow)
        case_level = level
        for s in active:
            t = deadlines.step_timing(cal, s, stops, today, yellow)
            if _RANK.get(t.warning, 0) > _RANK.get(level, 0) and t.warning != "unknown":
                level = t.warning
            step_rows.append(_step_row(s, t.due.isoformat() if t.due else None, t.warning,
                                       names))
        if clock_stopped and level in ("green", "yellow"):
            level = "paused"
        days_left = cal.workdays_between(today, promised) if promised else None
    except DomainError as exc:
        error, level, case_level, days_left = exc.message, "unknown", "unknown", None
        step_rows = [_step_row(s, None, "unknown", names) for s in active]
    counter = counters.get(case.counter_id) if case.counter_id else None
    return {
        "case_id": str(case.id), "case_number": case.case_number, "item_code": case.item_code,
        "item_name": case.item_name, "department": case.department,
        "department_name": departments.get(case.department, case.department),
        "project_name": case.project_name, "applicant": str(case.applicant.get("name", "")),
        "status": case.status, "counter": counter.code if counter else "",
        "counter_name": counter.name if counter else "",
        "accepted_at": case.accepted_at.isoformat(),
        "legal_due": legal.isoformat() if legal else None,
        "promised_due": promised.isoformat() if promised else None,
        "warning": level, "case_warning": case_level, "days_left": days_left,
        "deadline_error": error, "clock_stopped": clock_stopped, "steps": step_rows,
    }


def _step_row(s: Any, due: str | None, warning: str,
              names: dict[str, str]) -> dict[str, Any]:
    return {"step_id": str(s.id), "post": s.post, "name": s.name, "stage": s.stage,
            "started_at": s.started_at.isoformat() if s.started_at else None,
            "due_date": due, "warning": warning,
            "holders": [names.get(u, u) for u in s.holders],
            "backup": [names.get(u, u) for u in s.backup]}
