"""The sync engine's records in the local database: which outbox messages are still to send,
what became of each one, and small named values (cursors, last success).

A delivery is marked done only in the same transaction that records the server's answer, and
the engine's connections run with ``synchronous=FULL`` so that commit survives a power cut.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, sessionmaker

from hall_client.core import outbox
from hall_client.core.cases.intake import forget_query_code
from hall_client.store.case_models import IntakeCase
from hall_client.store.cashier_models import FeeAssessment, Payment
from hall_client.store.db import DB_FILENAME, Store, make_engine, migrate
from hall_client.store.models import OutboxMessage, utcnow
from hall_client.store.sync_models import ServerCase, SyncDelivery, SyncState

DONE, PARKED, CONFLICT = "done", "parked", "conflict"


def open_sync_store(data_dir: Path) -> Store:
    """The counter's database, opened for the sync engine: every commit fully synced."""
    path = data_dir / DB_FILENAME
    engine = make_engine(path)

    @event.listens_for(engine, "connect")
    def _full_sync(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    migrate(engine)
    return Store(path=path, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))


@dataclass(frozen=True)
class Pending:
    """An outbox message still to deliver, as the engine's threads see it (no ORM object)."""

    id: str
    seq: int
    kind: str
    payload: dict[str, Any]
    case_id: str | None
    attempts: int
    created_at: str = ""  # ISO with zone: when the change was made at the counter


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except (ValueError, AttributeError, TypeError):
        return False
    return True


def _case_of(session: Session, kind: str, payload: dict[str, Any],
             numbers: dict[str, str], payments: dict[str, str]) -> str | None:
    if kind == "case.create":
        return str(payload.get("id"))
    if kind in ("page.upload", "case.action", "rating.create", "licence.issue",
                "licence.revoke", "licence.upload", "case.collection_code"):
        return str(payload.get("case_id"))
    if kind == "fee.paid":
        ref = str(payload.get("case", ""))
        if _is_uuid(ref):
            return ref
        if ref in numbers:
            return numbers[ref]
        return session.scalar(select(IntakeCase.id).where(IntakeCase.number == ref)) or \
            session.scalar(select(ServerCase.id).where(ServerCase.case_number == ref)) or \
            session.scalar(select(func.json_extract(OutboxMessage.payload, "$.id")).where(
                OutboxMessage.kind == "case.create",
                func.json_extract(OutboxMessage.payload, "$.case_number") == ref))
    if kind in ("fee.voided", "fee.refunded"):
        pay = str(payload.get("payment", ""))
        if pay in payments:
            return payments[pay]
        row = session.get(Payment, pay)
        due = session.get(FeeAssessment, row.assessment_id) if row is not None else None
        if due is not None and due.case_id:
            return due.case_id
        if due is not None:
            return due.case_ref if _is_uuid(due.case_ref) else numbers.get(due.case_ref)
        paid = session.scalar(select(OutboxMessage.payload).where(
            OutboxMessage.kind == "fee.paid",
            func.json_extract(OutboxMessage.payload, "$.payment") == pay))
        if paid is not None:
            return _case_of(session, "fee.paid", dict(paid), numbers, payments)
    return None


def load_pending(session: Session) -> list[Pending]:
    """Every message not yet delivered, parked or in conflict, in ``seq`` order, each with the
    case it belongs to (so the engine keeps each case's messages in order)."""
    settled = select(SyncDelivery.message_id)
    rows = session.scalars(select(OutboxMessage).where(
        OutboxMessage.sent_at.is_(None), OutboxMessage.id.not_in(settled))
        .order_by(OutboxMessage.seq))
    numbers: dict[str, str] = {}
    payments: dict[str, str] = {}
    result: list[Pending] = []
    for m in rows:
        payload = dict(m.payload)
        case_id = _case_of(session, m.kind, payload, numbers, payments)
        if m.kind == "case.create" and payload.get("case_number"):
            numbers[str(payload["case_number"])] = str(payload["id"])
        if m.kind == "fee.paid" and case_id:
            payments[str(payload.get("payment"))] = case_id
        made = m.created_at if m.created_at.tzinfo else m.created_at.replace(tzinfo=UTC)
        result.append(Pending(m.id, m.seq, m.kind, payload, case_id, m.attempts,
                              made.isoformat()))
    # A case's creation, then its pages, then the window pass, then payment and later steps,
    # whatever order they were queued in (a payment may be queued before the pass).
    result.sort(key=lambda p: (_rank(p), p.seq))
    return result


def _rank(p: Pending) -> int:
    if p.kind == "case.create":
        return 0
    if p.kind == "page.upload":
        return 1
    if p.kind == "case.action" and p.payload.get("body", {}).get("action") == "approve":
        return 2
    return 3


def window_pass_id(case_id: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"window-pass:{case_id}"))


def queue_window_pass(session: Session, case_id: str) -> None:
    """A case accepted at this counter passes the server's window step once its pages are in
    (the counter did the window's work: accepted, kept the papers, assessed, scanned)."""
    case = session.get(IntakeCase, case_id)
    if case is None or case.status != "accepted":
        return
    action_id = window_pass_id(case_id)
    exists = session.scalar(select(OutboxMessage.id).where(
        OutboxMessage.kind == "case.action",
        func.json_extract(OutboxMessage.payload, "$.body.id") == action_id))
    if exists is None:
        outbox.enqueue(session, "case.action", {"case_id": case_id, "body": {
            "id": action_id, "action": "approve", "opinion": "窗口受理，材料已上传"}})


def blocked_cases(session: Session) -> set[str]:
    """Cases with a parked or conflicting message: their later messages wait for a person."""
    return {c for c in session.scalars(select(SyncDelivery.case_id).where(
        SyncDelivery.state.in_((PARKED, CONFLICT)),
        SyncDelivery.code != "no_server_route")) if c}


def record_done(session: Session, message: Pending, status: int, answer: Any) -> None:
    """The server accepted ``message``: keep its answer and mark the message sent, together.

    Another engine on the same data directory may have recorded it already (passes take
    ``passlock`` so it should not happen; the write transaction, ``BEGIN IMMEDIATE``, makes
    this check and the insert one step): done stays done, a refusal it recorded gives way."""
    delivery = session.get(SyncDelivery, message.id)
    if delivery is not None and delivery.state == DONE:
        return
    if delivery is None:
        session.add(SyncDelivery(message_id=message.id, state=DONE, case_id=message.case_id,
                                 status_code=status, answer=_small(answer)))
    else:
        delivery.state, delivery.status_code, delivery.answer = DONE, status, _small(answer)
        delivery.code = delivery.reason = ""
        delivery.server_side = None
        delivery.at = utcnow()
    outbox.mark_sent(session, message.id)
    if message.kind == "case.create":
        row = session.get(OutboxMessage, message.id)
        if row is not None and row.payload.get("verification_code"):
            # The counter keeps the applicant's query code no longer than it must.
            row.payload = {**row.payload, "verification_code": ""}
        if message.case_id:
            forget_query_code(session, message.case_id)
            queue_window_pass(session, message.case_id)
    if message.kind == "case.collection_code":
        row = session.get(OutboxMessage, message.id)
        if row is not None:
            # Once the server has it, the counter keeps only the code's hash.
            row.payload = {**row.payload, "body": {**row.payload.get("body", {}), "code": ""}}


def record_refused(session: Session, message: Pending, state: str, status: int | None,
                   code: str, reason: str, server_side: Any = None) -> None:
    """The server refused ``message`` for good (parked) or it conflicts; kept with the reason.
    If another engine already recorded an outcome for it, that one stands."""
    if session.get(SyncDelivery, message.id) is not None:
        return
    session.add(SyncDelivery(message_id=message.id, state=state, case_id=message.case_id,
                             status_code=status, code=code, reason=reason[:2000],
                             server_side=server_side))
    row = session.get(OutboxMessage, message.id)
    if row is not None:
        row.last_error = reason[:2000]


def record_failure(session: Session, message_id: str, reason: str) -> None:
    outbox.mark_failed(session, message_id, reason)


def release(session: Session, message_ids: Iterable[str]) -> int:
    """Put parked messages back in the queue (after the cause was fixed)."""
    count = 0
    for mid in message_ids:
        row = session.get(SyncDelivery, mid)
        if row is not None and row.state in (PARKED, CONFLICT):
            session.delete(row)
            count += 1
    return count


def _small(answer: Any) -> Any:
    """The stored answer, without the one-time verification code."""
    if isinstance(answer, dict) and "verification_code" in answer:
        answer = {k: v for k, v in answer.items() if k != "verification_code"}
    return answer


# -- named values -----------------------------------------------------------------------------
def get_value(session: Session, key: str, default: str = "") -> str:
    row = session.get(SyncState, key)
    return row.value if row is not None else default


def set_value(session: Session, key: str, value: str) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def set_json(session: Session, key: str, value: Any) -> None:
    set_value(session, key, json.dumps(value, ensure_ascii=False))


def get_json(session: Session, key: str) -> Any:
    raw = get_value(session, key)
    return json.loads(raw) if raw else None


# -- status -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class QueueFigures:
    pending: int
    pending_bytes: int
    parked: int
    conflicts: int
    first_parked: dict[str, Any] | None


def queue_figures(session: Session, data_dir: Path) -> QueueFigures:
    settled = select(SyncDelivery.message_id)
    waiting = list(session.execute(select(OutboxMessage.kind, OutboxMessage.payload).where(
        OutboxMessage.sent_at.is_(None), OutboxMessage.id.not_in(settled))))
    size = 0
    for kind, payload in waiting:
        size += len(json.dumps(payload, ensure_ascii=False).encode())
        if kind in ("page.upload", "licence.upload"):
            size += int(payload.get("upload", {}).get("size", 0))
    counts: dict[str, int] = {
        state: n for state, n in session.execute(
            select(SyncDelivery.state, func.count())
            .where(SyncDelivery.state.in_((PARKED, CONFLICT))).group_by(SyncDelivery.state))}
    first = session.execute(
        select(SyncDelivery, OutboxMessage.kind, OutboxMessage.seq)
        .join(OutboxMessage, OutboxMessage.id == SyncDelivery.message_id)
        .where(SyncDelivery.state.in_((PARKED, CONFLICT))).order_by(OutboxMessage.seq).limit(1)
    ).first()
    first_parked = None
    if first is not None:
        d, kind, seq = first
        number = ""
        if d.case_id:
            sc = session.get(ServerCase, d.case_id)
            number = sc.case_number if sc is not None else _local_number(session, d.case_id)
        first_parked = {"message": d.message_id, "seq": seq, "kind": kind, "state": d.state,
                        "case_id": d.case_id, "case_number": number, "code": d.code,
                        "reason": d.reason}
    return QueueFigures(len(waiting), size, counts.get(PARKED, 0), counts.get(CONFLICT, 0),
                        first_parked)


def _local_number(session: Session, case_id: str) -> str:
    case = session.get(IntakeCase, case_id)
    if case is not None:
        return case.number
    for payload in session.scalars(select(OutboxMessage.payload).where(
            OutboxMessage.kind == "case.create")):
        if str(payload.get("id")) == case_id:
            return str(payload.get("case_number") or "")
    return ""


def stamp(when: datetime | None = None) -> str:
    return (when or utcnow()).isoformat()
