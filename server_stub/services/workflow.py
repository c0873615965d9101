"""The persisted state machine of a case, driven by its item's workflow version.

Stages run in order; posts sharing a stage run in parallel (并联) and the next stage starts when
all of them approved. Review posts are acted on by their named holders or, by the A/B rule,
their backups; window posts by the clerks of the case's hall. Every transition is one
transaction with its hash-chained history entry (and SMS where the applicant must hear of it).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.errors import Conflict, DomainError, Forbidden, NotFound
from server_stub.models import Case, CaseEvent, CaseStep, ClockStop, Extension, Upload, User
from server_stub.schemas.action import ActionIn
from server_stub.services import cases, catalog, sms
from server_stub.services.auth import HALL_ROLES, REVIEW_ROLES, Principal
from server_stub.services.cases import activate_stage, record_event, steps_of

COUNTER_POSTS = catalog.COUNTER_POSTS
CLOSED = ("finished", "rejected")


def acting_as(principal: Principal, case: Case, step: CaseStep) -> str | None:
    """In what capacity the principal may act on this step, or None."""
    if step.post in COUNTER_POSTS:
        if principal.role == "clerk" and principal.hall_id == case.hall_id:
            return "holder" if principal.username in step.holders else (
                "backup" if principal.username in step.backup else "window")
        return None
    if principal.role not in REVIEW_ROLES:
        return None
    if principal.username in step.holders:
        return "holder"
    if principal.username in step.backup:
        return "backup"
    return None


def _active(steps: list[CaseStep]) -> list[CaseStep]:
    return [s for s in steps if s.state == "active"]


def pick_step(case: Case, steps: list[CaseStep], principal: Principal,
              step_id: uuid.UUID | None) -> tuple[CaseStep, str]:
    """The active step the action applies to, and the capacity of the actor."""
    active = _active(steps)
    if step_id is not None:
        chosen = [s for s in steps if s.id == step_id]
        if not chosen:
            raise NotFound("step_not_found", f"环节 {step_id} 不属于该受理件")
        if chosen[0].state != "active":
            raise Conflict("step_not_active", f"环节“{chosen[0].name}”当前不在办理中")
        active = chosen
    for step in active:
        capacity = acting_as(principal, case, step)
        if capacity:
            return step, capacity
    if not active:
        raise Conflict("no_active_step", "该受理件当前没有在办环节")
    raise Forbidden("not_step_handler",
                    f"您不是当前环节（{'、'.join(s.name for s in active)}）的办理人或 AB 岗后备")


def _open_stop(session: Session, case: Case, kind: str | None = None) -> ClockStop | None:
    query = select(ClockStop).where(ClockStop.case_id == case.id, ClockStop.ended_at.is_(None))
    if kind:
        query = query.where(ClockStop.kind == kind)
    return session.scalar(query)


def _need(value: str, field: str, what: str) -> str:
    if not value.strip():
        raise DomainError("field_required", f"{what}必须填写（字段 {field}）")
    return value.strip()


def _applicant_phone(case: Case) -> str:
    return str(case.applicant.get("phone", ""))


def act(session: Session, case: Case, principal: Principal, body: ActionIn,
        now: datetime) -> None:
    """Apply one action; the caller holds the case row locked and commits."""
    if session.scalar(select(CaseEvent.id).where(CaseEvent.id == body.id)) is not None:
        seen = session.scalar(select(CaseEvent).where(CaseEvent.id == body.id))
        if seen is not None and (seen.case_id != case.id or seen.action != body.action):
            raise Conflict("action_id_reused",
                           f"操作 {body.id} 已用于另一个操作；新操作请用新的 UUID")
        return  # the same action again: it happened once, nothing more to do
    if case.status in CLOSED:
        raise Conflict("case_closed",
                       f"受理件已{'办结' if case.status == 'finished' else '不予许可'}，不能再操作")
    handler = HANDLERS.get(body.action)
    assert handler is not None
    handler(session, case, principal, body, now)


def _approve(session: Session, case: Case, principal: Principal, body: ActionIn,
             now: datetime) -> None:
    if case.status in ("correction", "special"):
        raise Conflict("clock_stopped", "补正或特别程序进行中，结束后才能继续审批")
    steps = steps_of(session, case)
    step, capacity = pick_step(case, steps, principal, body.step_id)
    if step.post == "window_finish":
        raise Conflict("use_window_actions", "窗口办结环节请依次登记缴费、发证、领取和办结")
    if step.post == "window":
        missing = session.scalars(select(Upload.name).where(Upload.case_id == case.id,
                                                            Upload.complete.is_(False))).all()
        if missing:
            raise Conflict("uploads_incomplete",
                           f"还有 {len(missing)} 个材料文件没有上传完整：{'、'.join(missing[:5])}；"
                           "请续传完成，或删除无法完成的上传（DELETE /api/v1/uploads/{id}）")
    elif not body.opinion.strip():
        raise DomainError("field_required", "审批意见必须填写（字段 opinion）")
    _close_step(step, principal, capacity, body.opinion, "done", now)
    record_event(session, case, "approve", principal, now, step=step, opinion=body.opinion,
                 acted_as=capacity, event_id=body.id)
    if not _active(steps):
        _advance(session, case, now)


def _advance(session: Session, case: Case, now: datetime) -> None:
    item = catalog.cached_item_version(session, case.item_code, case.item_version).data
    stages = sorted({s["stage"] for s in item["workflow"]})
    later = [s for s in stages if s > case.current_stage]
    if not later:
        _finish_case(session, case, now)
        return
    started = activate_stage(session, case, item, later[0], now)
    if any(s.post == "window_finish" for s in started):
        sms.queue(session, case, "approved", _applicant_phone(case), now)


def _finish_case(session: Session, case: Case, now: datetime) -> None:
    case.status = "finished"
    case.finished_at = now


def _close_step(step: CaseStep, principal: Principal, capacity: str, opinion: str, state: str,
                now: datetime) -> None:
    step.state = state
    step.finished_at = now
    step.actor_id = principal.user_id
    step.actor_name = principal.name
    step.acted_as = capacity
    step.opinion = opinion


def _close_untouched(step: CaseStep, state: str, now: datetime) -> None:
    """Close a parallel step that someone else's return/rejection ended: nobody acted on it,
    so no actor is recorded (it must not count as the other person's handling)."""
    step.state = state
    step.finished_at = now
    step.actor_id = None
    step.actor_name = ""
    step.acted_as = ""
    step.opinion = ""


def _return(session: Session, case: Case, principal: Principal, body: ActionIn,
            now: datetime) -> None:
    steps = steps_of(session, case)
    step, capacity = pick_step(case, steps, principal, body.step_id)
    opinion = _need(body.opinion, "opinion", "退回意见")
    target = body.to_stage if body.to_stage is not None else step.stage - 1
    if not 1 <= target < step.stage:
        raise DomainError("return_target",
                          f"只能退回到更早的阶段（1–{step.stage - 1}），不能到 {target}")
    for s in _active(steps):
        if s is step:
            _close_step(s, principal, capacity, opinion, "returned", now)
        else:
            _close_untouched(s, "returned", now)
    record_event(session, case, "return", principal, now, step=step, opinion=opinion,
                 acted_as=capacity, data={"to_stage": target}, event_id=body.id)
    if case.status == "awaiting_collection":
        case.status = "in_progress"
    item = catalog.cached_item_version(session, case.item_code, case.item_version).data
    activate_stage(session, case, item, target, now)


def _reject(session: Session, case: Case, principal: Principal, body: ActionIn,
            now: datetime) -> None:
    steps = steps_of(session, case)
    step, capacity = pick_step(case, steps, principal, body.step_id)
    reason = _need(body.reason, "reason", "不予许可的理由")
    for s in _active(steps):
        if s is step:
            _close_step(s, principal, capacity, body.opinion, "rejected", now)
        else:
            _close_untouched(s, "rejected", now)
    stop = _open_stop(session, case)
    if stop:
        stop.ended_at = now
    case.status = "rejected"
    case.finished_at = now
    case.outcome_reason = reason
    case.decision_number = cases.take_refusal_number(session, case, now)
    record_event(session, case, "reject", principal, now, step=step, opinion=body.opinion,
                 acted_as=capacity, data={"reason": reason, "decision_number":
                                          case.decision_number}, event_id=body.id)
    sms.queue(session, case, "rejected", _applicant_phone(case), now, reason=reason)


def _stop_clock(session: Session, case: Case, principal: Principal, body: ActionIn,
                now: datetime, kind: str) -> None:
    if case.status in ("correction", "special"):
        raise Conflict("clock_already_stopped", "计时已经暂停（补正或特别程序进行中）")
    steps = steps_of(session, case)
    step, capacity = pick_step(case, steps, principal, body.step_id)
    reason = _need(body.reason, "reason", "补正内容" if kind == "correction" else "特别程序事由")
    session.add(ClockStop(case_id=case.id, step_id=step.id, kind=kind, reason=reason,
                          started_at=now))
    data: dict[str, Any] = {"reason": reason}
    if kind == "special":
        data["special_kind"] = body.special_kind or "other"
    case.status = kind
    record_event(session, case, "request_correction" if kind == "correction" else "start_special",
                 principal, now, step=step, opinion=body.opinion, acted_as=capacity, data=data,
                 event_id=body.id)
    if kind == "correction":
        sms.queue(session, case, "correction", _applicant_phone(case), now, reason=reason)


def _request_correction(session: Session, case: Case, principal: Principal, body: ActionIn,
                        now: datetime) -> None:
    _stop_clock(session, case, principal, body, now, "correction")


def _start_special(session: Session, case: Case, principal: Principal, body: ActionIn,
                   now: datetime) -> None:
    _stop_clock(session, case, principal, body, now, "special")


def _correction_received(session: Session, case: Case, principal: Principal, body: ActionIn,
                         now: datetime) -> None:
    if principal.role != "clerk" or principal.hall_id != case.hall_id:
        raise Forbidden("window_only", "补正材料由受理大厅的窗口人员接收")
    stop = _open_stop(session, case, "correction")
    if stop is None:
        raise Conflict("no_correction", "该受理件没有待补正的事项")
    stop.ended_at = now
    case.status = "awaiting_collection" if any(
        s.post == "window_finish" and s.state == "active" for s in steps_of(session, case)
    ) else "in_progress"
    record_event(session, case, "correction_received", principal, now, opinion=body.opinion,
                 acted_as="window", event_id=body.id)


def _end_special(session: Session, case: Case, principal: Principal, body: ActionIn,
                 now: datetime) -> None:
    stop = _open_stop(session, case, "special")
    if stop is None:
        raise Conflict("no_special", "该受理件没有进行中的特别程序")
    steps = steps_of(session, case)
    step = next((s for s in steps if s.id == stop.step_id), None)
    capacity = acting_as(principal, case, step) if step else None
    if capacity is None:
        raise Forbidden("not_step_handler", "只有启动特别程序环节的办理人可以结束它")
    stop.ended_at = now
    case.status = "in_progress"
    record_event(session, case, "end_special", principal, now, step=step, opinion=body.opinion,
                 acted_as=capacity, event_id=body.id)


def _request_extension(session: Session, case: Case, principal: Principal, body: ActionIn,
                       now: datetime) -> None:
    steps = steps_of(session, case)
    step, capacity = pick_step(case, steps, principal, body.step_id)
    reason = _need(body.reason, "reason", "延期理由")
    if body.days is None:
        raise DomainError("field_required", "延长的工作日数必须填写（字段 days）")
    ext = Extension(case_id=case.id, step_id=step.id, days=body.days, reason=reason,
                    state="requested", requested_by=principal.user_id, created_at=now)
    session.add(ext)
    session.flush()
    record_event(session, case, "request_extension", principal, now, step=step,
                 acted_as=capacity, data={"extension_id": str(ext.id), "days": body.days,
                                          "reason": reason}, event_id=body.id)


def _decide_extension(session: Session, case: Case, principal: Principal, body: ActionIn,
                      now: datetime) -> None:
    if principal.role not in ("chief", "deputy") or principal.department != case.department:
        raise Forbidden("leader_only", "延期须由该事项主管部门的分管或主管领导批准")
    if body.extension_id is None:
        raise DomainError("field_required", "须指明延期申请（字段 extension_id）")
    ext = session.get(Extension, body.extension_id)
    if ext is None or ext.case_id != case.id:
        raise NotFound("extension_not_found", f"延期申请 {body.extension_id} 不属于该受理件")
    if ext.state != "requested":
        raise Conflict("extension_decided", "该延期申请已经处理过")
    approve = body.action == "approve_extension"
    ext.state = "approved" if approve else "denied"
    ext.decided_by = principal.user_id
    ext.decided_at = now
    if approve:
        step = session.get(CaseStep, ext.step_id)
        assert step is not None
        step.extension_days += ext.days
        case.extension_days += ext.days
    record_event(session, case, body.action, principal, now, opinion=body.opinion,
                 data={"extension_id": str(ext.id), "days": ext.days}, event_id=body.id)


def _window_step(session: Session, case: Case, principal: Principal, body: ActionIn,
                 roles: set[str]) -> tuple[CaseStep, str]:
    if principal.role not in roles or principal.hall_id != case.hall_id:
        raise Forbidden("window_only", "此操作由受理大厅的窗口人员办理")
    steps = steps_of(session, case)
    step = next((s for s in _active(steps) if s.post == "window_finish"), None)
    if step is None:
        raise Conflict("not_at_window", "受理件尚未审批完毕回到窗口")
    if case.status != "awaiting_collection":
        raise Conflict("clock_stopped", "补正或特别程序进行中")
    capacity = "holder" if principal.username in step.holders else (
        "backup" if principal.username in step.backup else "window")
    return step, capacity


def _payment(session: Session, case: Case, principal: Principal, body: ActionIn,
             now: datetime) -> None:
    step, capacity = _window_step(session, case, principal, body, {"cashier", "clerk"})
    if body.amount is None:
        raise DomainError("field_required", "缴费金额必须填写（字段 amount）")
    if body.amount.quantize(Decimal("0.01")) != Decimal(case.fee_total):
        raise DomainError("amount_mismatch", f"缴费金额 {body.amount} 与应收 {case.fee_total} 不符")
    receipt = _need(body.receipt_number, "receipt_number", "票据号")
    case.window_record = {**case.window_record,
                          "payment": {"amount": str(body.amount.quantize(Decimal("0.01"))),
                                      "receipt_number": receipt, "by": principal.name,
                                      "at": now.isoformat()}}
    record_event(session, case, "payment_recorded", principal, now, step=step, acted_as=capacity,
                 data={"amount": case.fee_total, "receipt_number": receipt}, event_id=body.id)


def _certificate(session: Session, case: Case, principal: Principal, body: ActionIn,
                 now: datetime) -> None:
    step, capacity = _window_step(session, case, principal, body, {"clerk"})
    if Decimal(case.fee_total) > 0 and "payment" not in case.window_record:
        raise Conflict("payment_missing", f"应收 {case.fee_total} 元尚未登记缴费，不能发证")
    number = _need(body.certificate_number, "certificate_number", "证书编号")
    case.window_record = {**case.window_record,
                          "certificate": {"number": number, "by": principal.name,
                                          "at": now.isoformat()}}
    record_event(session, case, "certificate_issued", principal, now, step=step,
                 acted_as=capacity, data={"certificate_number": number}, event_id=body.id)


def _collected(session: Session, case: Case, principal: Principal, body: ActionIn,
               now: datetime) -> None:
    step, capacity = _window_step(session, case, principal, body, {"clerk"})
    if "certificate" not in case.window_record:
        raise Conflict("certificate_missing", "尚未登记发证，不能登记领取")
    collector = _need(body.collector, "collector", "领取人")
    case.window_record = {**case.window_record,
                          "collected": {"collector": collector, "by": principal.name,
                                        "at": now.isoformat()}}
    record_event(session, case, "collected", principal, now, step=step, acted_as=capacity,
                 data={"collector": collector}, event_id=body.id)


def _finished(session: Session, case: Case, principal: Principal, body: ActionIn,
              now: datetime) -> None:
    step, capacity = _window_step(session, case, principal, body, {"clerk"})
    if "collected" not in case.window_record:
        raise Conflict("not_collected", "申请人尚未签收领取，不能办结")
    _close_step(step, principal, capacity, body.opinion, "done", now)
    record_event(session, case, "finished", principal, now, step=step, opinion=body.opinion,
                 acted_as=capacity, event_id=body.id)
    if not _active(steps_of(session, case)):
        _advance(session, case, now)


HANDLERS = {
    "approve": _approve,
    "return": _return,
    "reject": _reject,
    "request_correction": _request_correction,
    "correction_received": _correction_received,
    "start_special": _start_special,
    "end_special": _end_special,
    "request_extension": _request_extension,
    "approve_extension": _decide_extension,
    "deny_extension": _decide_extension,
    "payment_recorded": _payment,
    "certificate_issued": _certificate,
    "collected": _collected,
    "finished": _finished,
}


def inbox(session: Session, principal: Principal) -> list[tuple[Case, CaseStep, str]]:
    """Active steps the principal may act on (review posts; clerks see their hall's window)."""
    query = (select(CaseStep, Case).join(Case, Case.id == CaseStep.case_id)
             .where(CaseStep.state == "active"))
    if principal.role in HALL_ROLES:
        query = query.where(Case.hall_id == principal.hall_id)
    out = []
    for step, case in session.execute(query).all():
        capacity = acting_as(principal, case, step)
        if capacity:
            out.append((case, step, capacity))
    return out


def handler_users(session: Session, step: CaseStep) -> list[User]:
    names = [*step.holders, *step.backup]
    if not names:
        return []
    return list(session.scalars(select(User).where(User.username.in_(names))))
