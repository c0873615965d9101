"""Service ratings (好差评, 一次一评): the applicant rates each visit in five levels; a bad rating
opens a closed loop — verify, rectify, answer the applicant, call back — each step due a set
number of working days after the one before; an appeal against a rating made in error is
decided by a supervisor with a reason (accepted: the rating no longer counts).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server_stub.core.clock import local_date
from server_stub.core.errors import Conflict, DomainError, Forbidden, NotFound
from server_stub.models import Case, Counter, Department, User
from server_stub.rating_models import Rating, RatingAppeal, RatingLoopStep
from server_stub.services import calendar, cases
from server_stub.services.auth import Principal
from server_stub.services.performance import check_period
from server_stub.services.supervision import _utc_bounds

#: The five levels, best first, with their scores.
LEVELS = {"非常满意": 5, "满意": 4, "基本满意": 3, "不满意": 2, "非常不满意": 1}
BAD_LEVELS = frozenset({"不满意", "非常不满意"})
#: The closed loop of a bad rating: (kind, name, working days after the step before ended).
#: 15 working days in all, the rectification period of 国办发〔2019〕51号.
LOOP = (("verify", "核实", 3), ("rectify", "整改", 7), ("answer", "答复申请人", 3),
        ("callback", "回访", 2))
LOOP_NAMES = {kind: name for kind, name, _ in LOOP}
LEVEL_KEYS = {"非常满意": "very_satisfied", "满意": "satisfied", "基本满意": "basic",
              "不满意": "dissatisfied", "非常不满意": "very_dissatisfied"}
SATISFACTION_GROUPS = ("clerk", "department", "item")


def _due(cal: calendar.WorkCalendar, start: datetime, days: int) -> date | None:
    try:
        return cal.due_date(local_date(start), days)
    except calendar.CalendarNotPublished:
        return None


def create(session: Session, principal: Principal, body: dict[str, Any],
           now: datetime) -> tuple[int, Rating]:
    """Store a rating (201), or return the same one sent again (200); another rating under a
    used id is 409. A bad rating starts its loop at once, counted from when it was given."""
    rid = uuid.UUID(str(body["id"]))
    existing = session.get(Rating, rid)
    if existing is not None:
        return _same_or_conflict(existing, body)
    case = cases.load_case(session, uuid.UUID(str(body["case_id"])))
    cases.check_access(session, principal, case)
    rated_at: datetime = body["rated_at"]
    if rated_at > now + timedelta(minutes=10):
        raise DomainError("rated_in_future", "评价时间晚于服务器时间，请检查窗口电脑的时钟")
    if rated_at < case.accepted_at - timedelta(minutes=10):
        raise DomainError("rated_before_case", "评价时间早于该件受理时间")
    clerk = session.scalar(select(User).where(User.username == body["clerk"]))
    if clerk is None or clerk.hall_id != case.hall_id:
        raise DomainError("clerk_unknown", f"评价对象 {body['clerk']} 不是本大厅的工作人员")
    counter = session.scalar(select(Counter).where(Counter.hall_id == case.hall_id,
                                                   Counter.code == body["counter"]))
    if counter is None:
        raise DomainError("counter_unknown", f"窗口 {body['counter']} 不属于本大厅")
    level = body["level"]
    rating = Rating(id=rid, hall_id=case.hall_id, case_id=case.id, level=level,
                    score=LEVELS[level], clerk=clerk.username, clerk_name=clerk.name,
                    counter=counter.code, rated_at=rated_at, comment=body.get("comment") or "",
                    received_at=now, received_by=principal.user_id,
                    state="open" if level in BAD_LEVELS else "none")
    session.add(rating)
    try:
        session.flush()
    except IntegrityError:  # the same id sent twice at once: the other request stored it
        session.rollback()
        again = session.get(Rating, rid)
        if again is None:
            raise
        return _same_or_conflict(again, body)
    if level in BAD_LEVELS:
        cal = calendar.load_calendar(session)
        for seq, (kind, _, days) in enumerate(LOOP, start=1):
            first = seq == 1
            session.add(RatingLoopStep(
                rating_id=rid, seq=seq, kind=kind, limit_days=days,
                state="active" if first else "pending", started_at=rated_at if first else None,
                due_date=_due(cal, rated_at, days) if first else None))
    session.flush()
    return 201, rating


def _same_or_conflict(rating: Rating, body: dict[str, Any]) -> tuple[int, Rating]:
    same = (str(rating.case_id) == str(body["case_id"]) and rating.level == body["level"]
            and rating.clerk == body["clerk"] and rating.counter == body["counter"]
            and abs((rating.rated_at - body["rated_at"]).total_seconds()) < 1
            and rating.comment == (body.get("comment") or ""))
    if not same:
        raise Conflict("rating_exists", "该评价编号已用于另一条评价，同一次评价只计一次")
    return 200, rating


def load(session: Session, principal: Principal, rating_id: uuid.UUID) -> Rating:
    rating = session.get(Rating, rating_id)
    if rating is None:
        raise NotFound("rating_not_found", f"评价 {rating_id} 不存在")
    if principal.role != "admin" and rating.hall_id != principal.hall_id:
        raise Forbidden("rating_other_hall", "这条评价属于另一个大厅")
    return rating


def loop_of(session: Session, rating: Rating) -> list[RatingLoopStep]:
    return list(session.scalars(select(RatingLoopStep).where(RatingLoopStep.rating_id == rating.id)
                                .order_by(RatingLoopStep.seq)))


def appeals_of(session: Session, rating: Rating) -> list[RatingAppeal]:
    return list(session.scalars(select(RatingAppeal).where(RatingAppeal.rating_id == rating.id)
                                .order_by(RatingAppeal.filed_at)))


def complete_step(session: Session, principal: Principal, rating: Rating, kind: str, note: str,
                  now: datetime) -> None:
    """Mark the active loop step done (in order) and start the next one."""
    if rating.state != "open":
        raise Conflict("loop_not_open", {"none": "好评不需要整改闭环",
                                         "closed": "该差评的整改闭环已完成",
                                         "voided": "该评价已因申诉成立而作废"}.get(
                                             rating.state, "整改闭环不在进行中"))
    if not note.strip():
        raise DomainError("field_required", f"请写明{LOOP_NAMES.get(kind, kind)}的情况（字段 note）")
    steps = loop_of(session, rating)
    active = next((s for s in steps if s.state == "active"), None)
    if active is None or active.kind != kind:
        want = LOOP_NAMES[active.kind] if active else "无"
        raise Conflict("loop_step_not_active",
                       f"现在应办理“{want}”，不是“{LOOP_NAMES.get(kind, kind)}”")
    active.state, active.done_at, active.done_by, active.note = "done", now, principal.name, \
        note.strip()
    following = next((s for s in steps if s.seq == active.seq + 1), None)
    if following is None:
        rating.state = "closed"
    else:
        following.state, following.started_at = "active", now
        following.due_date = _due(calendar.load_calendar(session), now, following.limit_days)
    session.flush()


def appeal(session: Session, principal: Principal, rating: Rating, appeal_id: uuid.UUID,
           reason: str, now: datetime) -> int:
    """File an appeal against a bad rating made in error (one per rating); 201, or 200 when the
    same appeal is sent again."""
    seen = session.get(RatingAppeal, appeal_id)
    if seen is not None:
        if seen.rating_id != rating.id or seen.reason != reason.strip():
            raise Conflict("appeal_exists", "该申诉编号已用于另一条申诉")
        return 200
    if rating.level not in BAD_LEVELS:
        raise Conflict("appeal_not_needed", "只有差评（不满意、非常不满意）可以申诉")
    if rating.state == "voided":
        raise Conflict("rating_voided", "该评价已作废")
    if appeals_of(session, rating):
        raise Conflict("appeal_exists", "该评价已申诉过，每条评价只能申诉一次")
    if len(reason.strip()) < 4:
        raise DomainError("field_required", "请写明申诉理由（至少 4 个字，字段 reason）")
    session.add(RatingAppeal(id=appeal_id, rating_id=rating.id, reason=reason.strip(),
                             filed_by=principal.name, filed_at=now, state="pending",
                             decided_by="", decision_reason=""))
    session.flush()
    return 201


def decide(session: Session, principal: Principal, rating: Rating, appeal_id: uuid.UUID,
           accept: bool, reason: str, now: datetime) -> None:
    """A supervisor accepts (the rating is voided, its loop cancelled) or refuses an appeal."""
    item = session.get(RatingAppeal, appeal_id)
    if item is None or item.rating_id != rating.id:
        raise NotFound("appeal_not_found", f"申诉 {appeal_id} 不存在")
    if item.state != "pending":
        raise Conflict("appeal_decided", "该申诉已裁定")
    if len(reason.strip()) < 4:
        raise DomainError("field_required", "裁定必须写明理由（至少 4 个字，字段 reason）")
    item.state = "accepted" if accept else "refused"
    item.decided_by, item.decided_at, item.decision_reason = principal.name, now, reason.strip()
    if accept:
        rating.state = "voided"
        for s in loop_of(session, rating):
            if s.state in ("active", "pending"):
                s.state = "cancelled"
    session.flush()


def step_warning(cal: calendar.WorkCalendar, step: RatingLoopStep, today: date) -> str:
    """pending | green | yellow | red | done | late (done after its due date) | cancelled."""
    if step.state in ("pending", "cancelled"):
        return step.state
    if step.due_date is None:
        return "unknown"
    if step.state == "done":
        assert step.done_at is not None
        return "late" if local_date(step.done_at) > step.due_date else "done"
    if today > step.due_date:
        return "red"
    try:
        left = cal.workdays_between(today, step.due_date)
    except calendar.CalendarNotPublished:
        return "unknown"
    return "yellow" if left <= 1 else "green"


def view(session: Session, rating: Rating, now: datetime) -> dict[str, Any]:
    case = session.get(Case, rating.case_id)
    cal = calendar.load_calendar(session)
    today = local_date(now)
    dept = session.get(Department, case.department) if case else None
    return {
        "id": str(rating.id), "case_id": str(rating.case_id),
        "case_number": case.case_number if case else "", "item_name": case.item_name if case
        else "", "department": case.department if case else "",
        "department_name": dept.name if dept else "", "level": rating.level,
        "score": rating.score, "clerk": rating.clerk, "clerk_name": rating.clerk_name,
        "counter": rating.counter, "rated_at": rating.rated_at.isoformat(),
        "comment": rating.comment, "state": rating.state,
        "loop": [{"kind": s.kind, "name": LOOP_NAMES[s.kind], "seq": s.seq,
                  "limit_days": s.limit_days, "state": s.state,
                  "started_at": s.started_at.isoformat() if s.started_at else None,
                  "due_date": s.due_date.isoformat() if s.due_date else None,
                  "done_at": s.done_at.isoformat() if s.done_at else None,
                  "done_by": s.done_by, "note": s.note,
                  "warning": step_warning(cal, s, today)} for s in loop_of(session, rating)],
        "appeals": [{"id": str(a.id), "reason": a.reason, "filed_by": a.filed_by,
                     "filed_at": a.filed_at.isoformat(), "state": a.state,
                     "decided_by": a.decided_by,
                     "decided_at": a.decided_at.isoformat() if a.decided_at else None,
                     "decision_reason": a.decision_reason} for a in appeals_of(session, rating)],
    }


def listing(session: Session, principal: Principal, start: date, end: date, state: str | None,
            now: datetime) -> list[dict[str, Any]]:
    check_period(start, end)
    lo, hi = _utc_bounds(start, end)
    query = select(Rating).where(Rating.rated_at >= lo, Rating.rated_at < hi)
    if principal.role != "admin":
        query = query.where(Rating.hall_id == principal.hall_id)
    if state:
        query = query.where(Rating.state == state)
    return [view(session, r, now) for r in session.scalars(query.order_by(Rating.rated_at))]


def satisfaction(session: Session, principal: Principal, start: date, end: date,
                 by: str) -> list[dict[str, Any]]:
    """Satisfaction per clerk, department or item: (非常满意+满意+基本满意) / rated; ratings
    voided by an accepted appeal are left out."""
    if by not in SATISFACTION_GROUPS:
        raise DomainError("grouping_unknown", f"by 只能是 {', '.join(SATISFACTION_GROUPS)}")
    check_period(start, end)
    lo, hi = _utc_bounds(start, end)
    query = (select(Rating, Case).join(Case, Case.id == Rating.case_id)
             .where(Rating.rated_at >= lo, Rating.rated_at < hi, Rating.state != "voided"))
    if principal.role != "admin":
        query = query.where(Rating.hall_id == principal.hall_id)
    departments = {d.code: d.name for d in session.scalars(select(Department))}
    groups: dict[str, dict[str, Any]] = {}
    for rating, case in session.execute(query).all():
        if by == "clerk":
            key, name = rating.clerk, rating.clerk_name
        elif by == "department":
            key, name = case.department, departments.get(case.department, case.department)
        else:
            key, name = case.item_code, case.item_name
        g = groups.setdefault(key, {"key": key, "name": name, "rated": 0, "score": 0,
                                    **{k: 0 for k in LEVEL_KEYS.values()}})
        g["rated"] += 1
        g["score"] += rating.score
        g[LEVEL_KEYS[rating.level]] += 1
    rows = []
    for key in sorted(groups):
        g = groups.pop(key)
        n = g["rated"]
        bad = g["dissatisfied"] + g["very_dissatisfied"]
        score = g.pop("score")
        rows.append({**g, "bad": bad, "satisfaction_rate": round((n - bad) / n, 4),
                     "average_score": round(score / n, 2)})
    return rows
