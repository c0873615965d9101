"""Cases: creation from a counter with the client's UUID, access rules, the case view.

A hall sees only its own cases; a reviewer or leader sees a case once named on one of its
steps; the admin sees all. Another hall's case answers 403 with nothing of its content.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import threading
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server_stub.core.clock import local_date
from server_stub.core.config import Settings
from server_stub.core.errors import Conflict, DomainError, Forbidden, NotFound
from server_stub.core.security import keyed_digest
from server_stub.models import Case, CaseEvent, CaseStep, Counter, Hall, Upload
from server_stub.schemas.case import CaseCreate, CaseOut, StepOut, UploadSummary
from server_stub.services import calendar, catalog, deadlines, numbers, sms
from server_stub.services.auth import HALL_ROLES, REVIEW_ROLES, Principal
from server_stub.services.kv import get_settings

OPEN_STATES = ("in_progress", "correction", "special", "awaiting_collection")


def refusal_number(hall_code: str, year: int, seq: int) -> str:
    """The refusal letter's (不予许可决定书) number: gap-free per hall and year."""
    return f"{hall_code.upper()}不许〔{year}〕{seq:05d}号"


def take_refusal_number(session: Session, case: Case, now: datetime) -> str:
    """The next refusal letter number of the case's hall, in the year of ``now`` (Shanghai);
    taken in the refusal's transaction, so a refusal that fails takes none."""
    hall = session.get(Hall, case.hall_id)
    code = hall.code if hall is not None else "HALL"
    year = local_date(now).year
    return refusal_number(code, year, numbers.take_in_transaction(session, f"refusal:{code}:{year}"))


def load_case(session: Session, case_id: uuid.UUID, lock: bool = False) -> Case:
    query = select(Case).where(Case.id == case_id)
    if lock:
        query = query.with_for_update()
    case = session.scalar(query)
    if case is None:
        raise NotFound("case_not_found", f"受理件 {case_id} 不存在")
    return case


def steps_of(session: Session, case: Case) -> list[CaseStep]:
    return list(session.scalars(select(CaseStep).where(CaseStep.case_id == case.id)
                                .order_by(CaseStep.stage, CaseStep.started_at, CaseStep.post)))


def named_on_case(principal: Principal, steps: list[CaseStep]) -> bool:
    return any(principal.username in [*s.holders, *s.backup] for s in steps)


def may_see(session: Session, principal: Principal, case: Case) -> bool:
    try:
        check_access(session, principal, case)
    except Forbidden:
        return False
    return True


def check_access(session: Session, principal: Principal, case: Case) -> None:
    """May this principal see the case at all?

    Hall staff: their hall's cases. Reviewers: cases where they are named on a started step.
    Leaders: also every case of their department. Admin: all.
    """
    if principal.role == "admin":
        return
    if principal.role in HALL_ROLES:
        check_hall_access(principal, case.hall_id)
        return
    if principal.role in REVIEW_ROLES and named_on_case(principal, steps_of(session, case)):
        return
    if principal.role in ("chief", "deputy") and principal.department == case.department:
        return  # the department's leaders oversee its cases (extensions, returns)
    raise Forbidden("case_forbidden", "您不是该受理件任何环节的办理人")


def check_hall_access(principal: Principal, hall_id: uuid.UUID) -> None:
    """:func:`check_access` for hall staff, who need only the case's hall."""
    assert principal.role in HALL_ROLES
    if hall_id != principal.hall_id:
        raise Forbidden("case_other_hall", "该受理件不属于您所在的大厅")


def _same_request(case: Case, body: CaseCreate, item_version: int,
                  fee_list: list[dict[str, Any]], secret_key: str) -> bool:
    """Is this the request that made the case (a retry), field by field?

    Optional fields the client left out (number, code, acceptance time) were the server's
    choice, so leaving them out again matches; a value sent must equal what is stored.
    """
    if (case.item_code, case.item_version, case.project_name, case.applicant, case.fees,
            case.materials) != (
            body.item_code, item_version, body.project_name,
            body.applicant.model_dump(mode="json"), fee_list,
            [m.model_dump(mode="json") for m in body.materials]):
        return False
    if body.case_number is None:
        if not SERVER_NUMBER.match(case.case_number):
            return False
    elif body.case_number != case.case_number:
        return False
    if body.verification_code is not None and not secrets.compare_digest(
            keyed_digest(secret_key, body.verification_code), case.verification_digest):
        return False
    return body.accepted_at is None or _same_instant(body.accepted_at, case.accepted_at)


def _same_instant(a: datetime, b: datetime) -> bool:
    if b.tzinfo is None:  # SQLite hands back naive UTC
        b = b.replace(tzinfo=UTC)
    return a == b


def create_case(
    session: Session, settings: Settings, principal: Principal, body: CaseCreate, now: datetime
) -> tuple[int, dict[str, Any]]:
    """Accept a case; the same UUID sent again returns the case instead of a second one.

    A new case with the server's number (what counters send) asks the database as little as
    it can: one read of the catalog and calendar revisions (the item version, the hall's and
    counter's codes and the calendar come from caches kept per process), the case's insert,
    the number's reservation, and the writes. Its UUID is not looked up first: the insert
    settles it (see below).
    """
    revisions = get_settings(session, catalog.REVISION_KEY, calendar.REVISION_KEY)
    item = catalog.cached_item_version(session, body.item_code, body.item_version,
                                       int(revisions[catalog.REVISION_KEY] or 0))
    fees = _fees(item.data, body)

    def resend() -> tuple[int, dict[str, Any]] | None:
        """The answer to this request if it is a resend (its UUID made a case already)."""
        existing = session.get(Case, body.id)
        if existing is None:
            return None
        return _sent_again(session, settings, principal, body, item.version, fees, existing,
                           now)

    # A resend must not find its own number taken: look the UUID up first.
    if body.case_number and (answer := resend()) is not None:
        return answer
    try:
        accepted_at, fee_total = _checked(session, body, fees, now)
    except DomainError:
        # A resend is answered as one even when the request no longer passes the checks
        # (accepted more than a year ago by now).
        if not body.case_number and (answer := resend()) is not None:
            return answer
        raise
    assert principal.hall_id is not None
    code = body.verification_code or f"{secrets.randbelow(10**6):06d}"
    data = item.data
    case = Case(
        id=body.id, hall_id=principal.hall_id, counter_id=principal.counter_id,
        counter_code=code_of(session, Counter, principal.counter_id)
        if principal.counter_id else "",
        created_by=principal.user_id,
        case_number="", verification_digest=keyed_digest(settings.secret_key, code),
        item_code=item.code, item_version=item.version, item_name=item.name,
        department=item.department, project_name=body.project_name,
        applicant=body.applicant.model_dump(mode="json"),
        materials=[m.model_dump(mode="json") for m in body.materials], fees=fees,
        fee_total=str(fee_total),
        status="in_progress", current_stage=1,
        legal_limit_days=int(data.get("legal_limit_days", 0)),
        promised_limit_days=int(data.get("promised_limit_days", 0)), extension_days=0,
        accepted_at=accepted_at, finished_at=None, outcome_reason="", window_record={},
        created_at=now, updated_at=now,
    )
    # The row goes in first, under a provisional number: the insert settles parallel
    # duplicates of the UUID or of a client's number (PostgreSQL lets both pass the checks
    # above; the second waits here for the first and fails) before any server number is
    # taken, so a duplicate never takes one, and numbers follow the order cases were made.
    case.case_number = body.case_number or f"~{body.id.hex}"
    session.add(case)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()  # only reads came before: nothing else is lost
        if (answer := resend()) is not None:
            return answer
        raise _number_taken(body.case_number or "") from None
    try:
        if not body.case_number:
            case.case_number = _next_case_number(
                session, code_of(session, Hall, principal.hall_id),
                local_date(accepted_at).year, now)
        # The number, the steps, the notice and the history entry go out in one flush.
        steps = activate_stage(session, case, data, 1, accepted_at, flush=False)
        sms.queue(session, case, "accepted", case.applicant.get("phone", ""), now)
        record_event(session, case, "accepted", principal, now, first=True,
                     data={"case_number": case.case_number,
                           "item": f"{item.code} v{item.version}"})
    except BaseException:
        # The claim of the number rolls back with the case, and the rollback gives the
        # number back at once (numbers: the session's reservations are freed when its
        # transaction ends without a commit, also when the COMMIT itself fails).
        session.rollback()
        raise
    out = view(session, settings, case, now, new_steps=steps,
               calendar_revision=int(revisions[calendar.REVISION_KEY] or 0))
    out.verification_code = code
    return 201, out.model_dump(mode="json")


def _checked(session: Session, body: CaseCreate, fees: list[dict[str, Any]],
             now: datetime) -> tuple[datetime, Decimal]:
    """The acceptance time and the fee total of a new case, or why it cannot be made."""
    accepted_at = body.accepted_at or now
    if accepted_at > now + timedelta(minutes=10):
        raise DomainError("accepted_in_future", "受理时间不能晚于服务器当前时间")
    if accepted_at < now - timedelta(days=366):
        raise DomainError("accepted_too_old", "受理时间早于一年前，请核对窗口电脑的日期")
    if body.case_number:
        if SERVER_NUMBER.match(body.case_number):
            raise DomainError("case_number_reserved",
                              f"受理号 {body.case_number} 是服务器自动编号的格式（大厅编码-年份-6位序号），"
                              "窗口自编受理号请换用其他格式")
        if session.scalar(select(Case.id).where(Case.case_number == body.case_number)):
            raise _number_taken(body.case_number)
    fee_total = sum((Decimal(f["amount"]) for f in fees), Decimal("0.00"))
    if fee_total > FEE_TOTAL_MAX:
        raise DomainError("fee_total_too_large",
                          f"收费合计 {fee_total} 元超过单件上限 {FEE_TOTAL_MAX} 元"
                          "（缴费金额不能超过此数，受理件将无法缴费办结）")
    return accepted_at, fee_total


_codes: dict[tuple[str, str, uuid.UUID], str] = {}
_codes_lock = threading.Lock()


def code_of(session: Session, model: type[Hall] | type[Counter], row_id: uuid.UUID) -> str:
    """A hall's or counter's code ("" when there is none), kept per process: codes are given
    once, at registration, and never changed (cases carry them in their numbers)."""
    key = (str(session.get_bind().engine.url), model.__tablename__, row_id)
    found = _codes.get(key)
    if found is not None:
        return found
    row: Hall | Counter | None = session.get(model, row_id)  # type: ignore[assignment]
    if row is None:
        return ""
    with _codes_lock:
        if len(_codes) >= 10_000:
            _codes.clear()
        _codes[key] = row.code
    return row.code


FEE_TOTAL_MAX = Decimal("9999999999.99")
"""The largest amount a payment can record (``payment_recorded`` takes at most this), so
the largest fee total a case may have: a case whose total is higher could never be paid."""


def _number_taken(number: str) -> Conflict:
    return Conflict("case_number_taken", f"受理号 {number} 已被其他受理件使用")


def _sent_again(session: Session, settings: Settings, principal: Principal, body: CaseCreate,
                item_version: int, fees: list[dict[str, Any]], existing: Case,
                now: datetime) -> tuple[int, dict[str, Any]]:
    """The same case UUID again: the case as it is when this is a retry, else 409."""
    if existing.hall_id == principal.hall_id and _same_request(
            existing, body, item_version, fees, settings.secret_key):
        return 200, view(session, settings, existing, now).model_dump(mode="json")
    raise Conflict("case_exists", f"受理件 {body.id} 已存在，且内容不同；新受理件请使用新的 UUID")


SERVER_NUMBER = re.compile(r"^[A-Za-z0-9]+-[0-9]{4}-[0-9]{6}$")
"""The shape of server-made numbers; clients may not send one (it could take a future number)."""


def _next_case_number(session: Session, hall_code: str, year: int, now: datetime) -> str:
    """The next number of the hall's gap-free sequence, made the caller's in its transaction.

    On PostgreSQL the number is reserved in a short transaction of its own and claimed in the
    caller's (see :mod:`server_stub.services.numbers`): the hall's sequence is not locked while
    the case's transaction runs. A number some case already has (made before numbers were
    server-made) is used up and skipped.
    """
    name = f"case:{hall_code}:{year}"
    prefix = f"{hall_code.upper()}-{year}-"
    while True:
        if numbers.separate_transactions(session):
            # The reservation also tells whether a case carries the number already.
            reservation = numbers.reserve(session, name, now, case_prefix=prefix)
            numbers.claim(session, reservation)
            if not reservation.taken:
                return f"{prefix}{reservation.value:06d}"
            continue
        number = f"{prefix}{numbers.take_in_transaction(session, name):06d}"
        if session.scalar(select(Case.id).where(Case.case_number == number)) is None:
            return number


def _fees(item: dict[str, Any], body: CaseCreate) -> list[dict[str, Any]]:
    known = {f["code"]: f for f in item.get("fees", [])}
    out = []
    for fee in body.fees:
        if fee.code not in known:
            raise DomainError("fee_unknown", f"收费项目 {fee.code} 不属于事项 {item['code']}")
        amount = fee.amount.quantize(Decimal("0.01"))
        out.append({"code": fee.code, "name": fee.name or known[fee.code]["name"],
                    "amount": str(amount), "basis": fee.basis})
    return out


def activate_stage(session: Session, case: Case, item: dict[str, Any], stage: int,
                   at: datetime, flush: bool = True) -> list[CaseStep]:
    """Start every post of a stage (parallel posts start together). ``flush=False``: the
    steps go in with the caller's next flush."""
    steps = []
    for spec in item["workflow"]:
        if spec["stage"] != stage:
            continue
        step = CaseStep(case_id=case.id, post=spec["post"], name=spec["name"], stage=stage,
                        limit_days=int(spec["limit_days"]), extension_days=0,
                        holders=list(spec.get("holders", [])), backup=list(spec.get("backup", [])),
                        state="active", started_at=at)
        session.add(step)
        steps.append(step)
    case.current_stage = stage
    if any(s.post == "window_finish" for s in steps):
        case.status = "awaiting_collection"
    if flush:
        session.flush()
    return steps


def record_event(
    session: Session, case: Case, action: str, principal: Principal | None, now: datetime,
    step: CaseStep | None = None, opinion: str = "", acted_as: str = "",
    data: dict[str, Any] | None = None, event_id: uuid.UUID | None = None,
    first: bool = False,
) -> CaseEvent:
    """Append to the case's hash chain: each entry's hash covers the previous one.
    ``first``: the case was inserted by this transaction, so the chain starts here."""
    prev = "0" * 64 if first else session.scalar(
        select(CaseEvent.hash).where(CaseEvent.case_id == case.id)
        .order_by(CaseEvent.seq.desc()).limit(1)) or "0" * 64
    event = CaseEvent(
        id=event_id or uuid.uuid4(), case_id=case.id, hall_id=case.hall_id,
        step_id=step.id if step else None, action=action,
        actor_id=principal.user_id if principal else None,
        actor_name=principal.name if principal else "系统",
        actor_role=principal.role if principal else "system", acted_as=acted_as,
        opinion=opinion, data=data or {}, at=now, prev_hash=prev, hash="",
    )
    session.add(event)
    session.flush()  # the hash covers seq, which the database assigns
    event.hash = event_hash(event)
    case.updated_at = now
    return event  # the hash is written with the transaction's next flush (at the latest its commit)


def event_hash(event: CaseEvent) -> str:
    """SHA-256 over every column but the hash itself (role, hall and seq included)."""
    payload = json.dumps(
        [event.seq, str(event.id), str(event.case_id), str(event.hall_id), str(event.step_id),
         event.action, str(event.actor_id), event.actor_name, event.actor_role, event.acted_as,
         event.opinion, event.data, event.at.isoformat(), event.prev_hash],
        sort_keys=True, ensure_ascii=False, default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def chain_ok(events: list[CaseEvent]) -> bool:
    prev = "0" * 64
    for e in events:
        if e.prev_hash != prev or event_hash(e) != e.hash:
            return False
        prev = e.hash
    return True


def view(session: Session, settings: Settings, case: Case, now: datetime,
         new_steps: list[CaseStep] | None = None,
         calendar_revision: int | None = None) -> CaseOut:
    """The case as the API shows it. ``new_steps``: the case was inserted by this
    transaction with these steps, so it has no other steps, clock stops or uploads yet
    (three queries fewer for every case created). ``calendar_revision``: the holiday
    calendar's revision, when the caller read it in this transaction."""
    if new_steps is None:
        steps = steps_of(session, case)
    else:
        steps = sorted(new_steps, key=lambda s: (s.stage, s.started_at, s.post))
    cal = calendar.load_calendar(session, calendar_revision)
    timing = deadlines.case_timing(session, cal, case, steps, now, settings.yellow_working_days,
                                   stops=None if new_steps is None else [])
    uploads: Sequence[Upload] = [] if new_steps is not None else session.scalars(
        select(Upload).where(Upload.case_id == case.id).order_by(Upload.section, Upload.name)
    ).all()
    return CaseOut(
        id=case.id, case_number=case.case_number, hall=code_of(session, Hall, case.hall_id),
        counter=case.counter_code, decision_number=case.decision_number,
        item_code=case.item_code, item_version=case.item_version, item_name=case.item_name,
        department=case.department, project_name=case.project_name, applicant=case.applicant,
        materials=case.materials, fees=case.fees, fee_total=case.fee_total, status=case.status,
        current_stage=case.current_stage, accepted_at=case.accepted_at,
        finished_at=case.finished_at, outcome_reason=case.outcome_reason,
        legal_limit_days=case.legal_limit_days, promised_limit_days=case.promised_limit_days,
        extension_days=case.extension_days, legal_due=timing.legal_due,
        promised_due=timing.promised_due, warning=timing.warning, deadline_error=timing.error,
        clock_stopped=timing.clock_stopped, window_record=case.window_record,
        steps=[
            StepOut(id=s.id, post=s.post, name=s.name, stage=s.stage, state=s.state,
                    limit_days=s.limit_days, extension_days=s.extension_days, holders=s.holders,
                    backup=s.backup, started_at=s.started_at, finished_at=s.finished_at,
                    due_date=timing.steps[s.id].due, actor=s.actor_name, acted_as=s.acted_as,
                    opinion=s.opinion, warning=timing.steps[s.id].warning,
                    result=timing.steps[s.id].result)
            for s in steps
        ],
        uploads=[UploadSummary(id=u.id, section=u.section, name=u.name, size=u.size,
                               sha256=u.sha256, confirmed_offset=u.confirmed_offset,
                               complete=u.complete, kind=u.kind) for u in uploads],
    )
