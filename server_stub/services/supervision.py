"""Electronic supervision (电子监察): completion rates, warnings, urging, the data feed.

Completion of a case is its conclusion (办结: finished or refused) measured against the promised
limit; completion of a step against the step's limit. Early means done before the due date,
on time means on or before it (so it includes early), overdue means after it. Handling days are
counted working days with stopped-clock periods left out.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.clock import SHANGHAI, local_date
from server_stub.core.config import Settings
from server_stub.core.errors import Conflict, DomainError, NotFound
from server_stub.models import Case, CaseEvent, CaseStep, Department, Hall
from server_stub.services import calendar, deadlines, sms
from server_stub.services.auth import Principal
from server_stub.services.cases import OPEN_STATES, record_event, steps_of
from server_stub.services.workflow import handler_users

GROUPINGS = ("department", "item", "handler")


@dataclass
class _Tally:
    name: str
    completed: int = 0
    early: int = 0
    on_time: int = 0
    overdue: int = 0
    unknown: int = 0
    days: list[int] = field(default_factory=list)

    def add(self, result: str | None, handling_days: int | None) -> None:
        self.completed += 1
        if result == "early":
            self.early += 1
            self.on_time += 1
        elif result == "on_time":
            self.on_time += 1
        elif result == "overdue":
            self.overdue += 1
        else:
            self.unknown += 1
        if handling_days is not None:
            self.days.append(handling_days)

    def row(self, key: str) -> dict[str, Any]:
        n = self.completed or 1
        return {
            "key": key, "name": self.name, "completed": self.completed, "early": self.early,
            "on_time": self.on_time, "overdue": self.overdue, "unknown": self.unknown,
            "early_rate": round(self.early / n, 4), "on_time_rate": round(self.on_time / n, 4),
            "overdue_rate": round(self.overdue / n, 4),
            "average_handling_days": round(sum(self.days) / len(self.days), 2)
            if self.days else None,
        }


def _scope(query: Any, principal: Principal) -> Any:
    if principal.role != "admin":
        query = query.where(Case.hall_id == principal.hall_id)
    return query


PERIOD_MIN = date(2000, 1, 1)
PERIOD_MAX = date(2099, 12, 31)


def _utc_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    lo = datetime.combine(start, time.min, SHANGHAI)
    hi = datetime.combine(end + timedelta(days=1), time.min, SHANGHAI)
    return lo, hi


def rates(session: Session, settings: Settings, principal: Principal, start: date, end: date,
          by: str, now: datetime) -> list[dict[str, Any]]:
    if by not in GROUPINGS:
        raise DomainError("grouping_unknown", f"by 只能是 {', '.join(GROUPINGS)}")
    if end < start:
        raise DomainError("period_invalid", "结束日期早于开始日期")
    if start < PERIOD_MIN or end > PERIOD_MAX:
        # 9999-12-31 plus a day does not exist: bound the period instead of answering 500.
        raise DomainError("period_out_of_range",
                          f"期间必须在 {PERIOD_MIN.isoformat()} 至 {PERIOD_MAX.isoformat()} 之内")
    cal = calendar.load_calendar(session)
    lo, hi = _utc_bounds(start, end)
    tallies: dict[str, _Tally] = {}
    if by == "handler":
        query = (select(CaseStep, Case).join(Case, Case.id == CaseStep.case_id)
                 .where(CaseStep.finished_at >= lo, CaseStep.finished_at < hi,
                        CaseStep.state.in_(("done", "rejected")),
                        CaseStep.actor_id.is_not(None)))
        for step, case in session.execute(_scope(query, principal)).all():
            stops = deadlines.stops_of(session, case)
            try:
                t = deadlines.step_timing(cal, step, stops, local_date(now),
                                          settings.yellow_working_days)
                result, days = t.result, t.handling_days
            except DomainError:
                result, days = None, None
            key = str(step.actor_id)
            tallies.setdefault(key, _Tally(step.actor_name)).add(result, days)
    else:
        cases_query = select(Case).where(Case.finished_at >= lo, Case.finished_at < hi,
                                         Case.status.in_(("finished", "rejected")))
        for case in session.scalars(_scope(cases_query, principal)):
            timing = deadlines.case_timing(session, cal, case, [], now,
                                           settings.yellow_working_days)
            key = case.department if by == "department" else case.item_code
            name = case.department if by == "department" else case.item_name
            if by == "department":
                dept = session.get(Department, case.department)
                name = dept.name if dept else case.department
            tallies.setdefault(key, _Tally(name)).add(timing.result, timing.handling_days)
    return [t.row(k) for k, t in sorted(tallies.items())]


def warnings(session: Session, settings: Settings, principal: Principal,
             now: datetime) -> list[dict[str, Any]]:
    """Yellow and red warnings of open cases, red first, soonest due first."""
    cal = calendar.load_calendar(session)
    out: list[dict[str, Any]] = []
    query = _scope(select(Case).where(Case.status.in_(OPEN_STATES)), principal)
    for case in session.scalars(query):
        steps = [s for s in steps_of(session, case) if s.state == "active"]
        timing = deadlines.case_timing(session, cal, case, steps, now,
                                       settings.yellow_working_days)
        base = {"case_id": str(case.id), "case_number": case.case_number,
                "item_name": case.item_name, "department": case.department}
        if timing.error:
            out.append({**base, "level": "unknown", "scope": "case", "step_id": None,
                        "step_name": "", "due_date": None, "message": timing.error})
        case_level = deadlines._level(cal, local_date(now), timing.promised_due,
                                      settings.yellow_working_days)
        if timing.promised_due is not None and case_level in ("yellow", "red"):
            out.append({**base, "level": case_level, "scope": "case", "step_id": None,
                        "step_name": "", "due_date": _iso(timing.promised_due),
                        "message": "受理件整体承诺时限"})
        for s in steps:
            st = timing.steps[s.id]
            if st.warning in ("yellow", "red"):
                out.append({**base, "level": st.warning, "scope": "step", "step_id": str(s.id),
                            "step_name": s.name, "due_date": _iso(st.due),
                            "message": f"环节“{s.name}”时限"})
    out.sort(key=lambda w: (w["level"] != "red", w["due_date"] or "", w["case_number"]))
    return out


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def urge(session: Session, principal: Principal, case: Case, urge_id: uuid.UUID,
         step_id: uuid.UUID | None, message: str, now: datetime) -> int:
    """Record an urge (催办) and text every holder and backup of the step(s); returns texts."""
    if session.scalar(select(CaseEvent.id).where(CaseEvent.id == urge_id)) is not None:
        return 0
    if case.status not in OPEN_STATES:
        raise Conflict("case_closed", "受理件已办结，无需催办")
    steps = [s for s in steps_of(session, case) if s.state == "active"]
    if step_id is not None:
        steps = [s for s in steps if s.id == step_id]
        if not steps:
            raise NotFound("step_not_found", f"环节 {step_id} 不是该受理件的在办环节")
    sent = 0
    for s in steps:
        record_event(session, case, "urge", principal, now, step=s, opinion=message,
                     data={"message": message}, event_id=urge_id if len(steps) == 1 else None)
        for user in handler_users(session, s):
            if sms.queue(session, case, "urged", user.phone or "", now, step=s.name,
                         reason=message):
                sent += 1
    if len(steps) != 1:  # keep the client's id so a retry is recognised
        record_event(session, case, "urge_sent", principal, now, data={"steps": len(steps)},
                     event_id=urge_id)
    return sent


def feed(session: Session, principal: Principal, after: int, limit: int) -> list[dict[str, Any]]:
    """History entries after a cursor, oldest first, for upstream systems (JSON lines)."""
    query = (select(CaseEvent, Case, Hall).join(Case, Case.id == CaseEvent.case_id)
             .join(Hall, Hall.id == Case.hall_id).where(CaseEvent.seq > after)
             .order_by(CaseEvent.seq).limit(limit))
    if principal.role != "admin":
        query = query.where(CaseEvent.hall_id == principal.hall_id)
    rows = []
    steps: dict[Any, CaseStep | None] = {}
    for event, case, hall in session.execute(query).all():
        if event.step_id not in steps:
            steps[event.step_id] = session.get(CaseStep, event.step_id) if event.step_id else None
        step = steps[event.step_id]
        rows.append({
            "cursor": event.seq, "event_id": str(event.id), "case_id": str(case.id),
            "case_number": case.case_number, "hall": hall.code, "item_code": case.item_code,
            "department": case.department, "action": event.action,
            "step_post": step.post if step else None, "step_name": step.name if step else None,
            "actor": event.actor_name, "role": event.actor_role, "acted_as": event.acted_as,
            "opinion": event.opinion, "data": event.data, "at": event.at.isoformat(),
            "case_status": case.status, "hash": event.hash,
        })
    return rows
