"""What the screens show of sync, as plain records (the GUI never touches the tables):
the hall's cases as the server reports them, with the clerk's marks; one case's server steps
and opinions; the parked and conflicting messages with both sides; unseen notices."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_client.store.models import OutboxMessage
from hall_client.store.sync_models import ServerCase, SyncDelivery, SyncNotice
from hall_client.sync.ledger import CONFLICT, PARKED, release


@dataclass(frozen=True)
class ServerCaseRow:
    id: str
    case_number: str
    item_name: str
    project_name: str
    applicant: str
    status: str
    warning: str
    promised_due: str | None
    mark: str  # newest unseen notice kind ("" if none)
    problem: str  # parked | conflict | ""


@dataclass(frozen=True)
class StepRow:
    name: str
    stage: int
    state: str
    actor: str
    acted_as: str
    opinion: str
    due_date: str | None
    finished_at: str | None
    warning: str


@dataclass(frozen=True)
class ProblemRow:
    message_id: str
    seq: int
    kind: str
    state: str
    case_id: str | None
    code: str
    reason: str
    local: dict[str, Any]
    server_status: str | None


@dataclass(frozen=True)
class NoticeRow:
    id: str
    case_id: str
    case_number: str
    kind: str
    text: str


def server_cases(session: Session) -> list[ServerCaseRow]:
    marks: dict[str, str] = {}
    for n in session.scalars(select(SyncNotice).where(SyncNotice.seen_at.is_(None))
                             .order_by(SyncNotice.created_at)):
        marks[n.case_id] = n.kind
    problems = {d.case_id: d.state for d in session.scalars(
        select(SyncDelivery).where(SyncDelivery.state.in_((PARKED, CONFLICT)))) if d.case_id}
    return [ServerCaseRow(c.id, c.case_number, c.item_name, c.project_name, c.applicant,
                          c.status, c.warning, c.promised_due, marks.get(c.id, ""),
                          problems.get(c.id, ""))
            for c in session.scalars(select(ServerCase).order_by(ServerCase.updated_at.desc()))]


def server_steps(session: Session, case_id: str) -> list[StepRow]:
    case = session.get(ServerCase, case_id)
    if case is None:
        return []
    return [StepRow(s.get("name", ""), int(s.get("stage", 0)), s.get("state", ""),
                    s.get("actor", ""), s.get("acted_as", ""), s.get("opinion", ""),
                    s.get("due_date"), s.get("finished_at"), s.get("warning", ""))
            for s in case.data.get("steps", [])]


def problems(session: Session, case_id: str | None = None) -> list[ProblemRow]:
    query = (select(SyncDelivery, OutboxMessage)
             .join(OutboxMessage, OutboxMessage.id == SyncDelivery.message_id)
             .where(SyncDelivery.state.in_((PARKED, CONFLICT))).order_by(OutboxMessage.seq))
    if case_id is not None:
        query = query.where(SyncDelivery.case_id == case_id)
    rows = []
    for d, m in session.execute(query):
        server = d.server_side.get("status") if isinstance(d.server_side, dict) else None
        rows.append(ProblemRow(d.message_id, m.seq, m.kind, d.state, d.case_id, d.code,
                               d.reason, dict(m.payload), server))
    return rows


def unseen_notices(session: Session) -> list[NoticeRow]:
    return [NoticeRow(n.id, n.case_id, n.case_number, n.kind, n.text)
            for n in session.scalars(select(SyncNotice).where(SyncNotice.seen_at.is_(None))
                                     .order_by(SyncNotice.created_at))]


def retry(session: Session, message_ids: list[str]) -> int:
    return release(session, message_ids)


def case_marks(session: Session) -> dict[str, str]:
    """Case id → the kind of its oldest unacknowledged notice (for the case list's mark)."""
    marks: dict[str, str] = {}
    for case_id, kind in session.execute(
            select(SyncNotice.case_id, SyncNotice.kind).where(SyncNotice.seen_at.is_(None))
            .order_by(SyncNotice.created_at.desc())):
        marks[case_id] = kind
    return marks


def server_view(session: Session, case_id: str) -> dict[str, Any] | None:
    """The server's side of one case for its detail pane: status, steps with opinions, and
    any refused or conflicting message; None if the server has not reported it yet."""
    case = session.get(ServerCase, case_id)
    found = problems(session, case_id)
    if case is None and not found:
        return None
    return {"status": case.status if case else "", "warning": case.warning if case else "",
            "steps": server_steps(session, case_id), "problems": found}
