"""Cases: create (idempotent), list, read, history, workflow actions, the inbox."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import select

from server_stub.core.clock import shown
from server_stub.deps import (
    ClerkUser,
    CurrentUser,
    IdempotencyKey,
    NowDep,
    ReadSessionDep,
    SettingsDep,
)
from server_stub.models import Case, CaseEvent
from server_stub.schemas.action import ActionIn, TaskOut
from server_stub.schemas.case import (
    CaseChanges,
    CaseCreate,
    CaseListOut,
    CaseOut,
    EventOut,
    HistoryOut,
)
from server_stub.schemas.common import AUTH_ERRORS
from server_stub.services import cases, idempotency, workflow
from server_stub.services.auth import HALL_ROLES
from server_stub.services.calendar import load_calendar
from server_stub.services.deadlines import case_timing

router = APIRouter(tags=["cases"], responses=AUTH_ERRORS)


@router.post("/cases", response_model=CaseOut, status_code=201,
             responses={200: {"model": CaseOut,
                              "description": "同一 UUID 的受理件已存在，原样返回"}})
def create_case(
    request: Request, body: CaseCreate, user: ClerkUser, settings: SettingsDep, now: NowDep,
    idempotency_key: IdempotencyKey = None,
) -> Any:
    """Accept a case at a counter. Safe to retry: same UUID or same Idempotency-Key."""

    def work(session: Any) -> tuple[int, dict[str, Any]]:
        return cases.create_case(session, settings, user, body, now)

    return idempotency.run(
        request.app.state.sessionmaker, user.scope, idempotency_key,
        idempotency.fingerprint("POST", "/cases", body.model_dump(mode="json")), now,
        settings.idempotency_stale_seconds, work)


@router.get("/cases", response_model=CaseListOut)
def list_cases(
    user: CurrentUser, session: ReadSessionDep, settings: SettingsDep, now: NowDep,
    status: str | None = Query(default=None, max_length=30),
    counter: str | None = Query(default=None, max_length=40,
                                description="只列出该窗口受理的案件（窗口编码）"),
    limit: int = Query(default=100, ge=1, le=500),
) -> Any:
    """Cases the caller may see (a hall: its own; reviewers: where they are named); with
    ``counter``, only those accepted at that counter of the hall."""
    query = select(Case).order_by(Case.accepted_at.desc())
    if user.role in HALL_ROLES:
        query = query.where(Case.hall_id == user.hall_id)
    if status:
        query = query.where(Case.status == status)
    if counter is not None:
        query = query.where(Case.counter_code == counter)
    out = []
    for case in session.scalars(query.limit(limit if user.role in HALL_ROLES else 2000)):
        if user.role in HALL_ROLES or user.role == "admin" or cases.may_see(session, user, case):
            out.append(cases.view(session, settings, case, now))
        if len(out) >= limit:
            break
    return CaseListOut(cases=out)


@router.get("/cases/{case_id}", response_model=CaseOut)
def get_case(case_id: uuid.UUID, user: CurrentUser, session: ReadSessionDep, settings: SettingsDep,
             now: NowDep) -> Any:
    case = cases.load_case(session, case_id)
    cases.check_access(session, user, case)
    return cases.view(session, settings, case, now)


@router.get("/cases/{case_id}/history", response_model=HistoryOut)
def case_history(case_id: uuid.UUID, user: CurrentUser, session: ReadSessionDep) -> Any:
    """Every transition (who, when, capacity, opinion), with the hash chain checked."""
    case = cases.load_case(session, case_id)
    cases.check_access(session, user, case)
    events = list(session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)
                                  .order_by(CaseEvent.seq)))
    return HistoryOut(case_id=case.id, chain_ok=cases.chain_ok(events), events=[
        EventOut(seq=e.seq, id=e.id, action=e.action, step_id=e.step_id, actor=e.actor_name,
                 role=e.actor_role, acted_as=e.acted_as, opinion=e.opinion, data=e.data,
                 at=e.at, hash=e.hash) for e in events])


@router.post("/cases/{case_id}/actions", response_model=CaseOut)
def case_action(
    request: Request, case_id: uuid.UUID, body: ActionIn, user: CurrentUser,
    settings: SettingsDep, now: NowDep, idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Act on a case: approve, return, reject, correction, special procedure, extension,
    and at the window payment, certificate, collection, finish. The action's UUID makes a
    retry harmless even without an Idempotency-Key."""

    def work(session: Any) -> tuple[int, dict[str, Any]]:
        case = cases.load_case(session, case_id, lock=True)
        cases.check_access(session, user, case)
        workflow.act(session, case, user, body, now)
        session.flush()
        return 200, cases.view(session, settings, case, now).model_dump(mode="json")

    return idempotency.run(
        request.app.state.sessionmaker, user.scope, idempotency_key,
        idempotency.fingerprint("POST", f"/cases/{case_id}/actions",
                                body.model_dump(mode="json")),
        now, settings.idempotency_stale_seconds, work)


@router.get("/tasks", response_model=list[TaskOut])
def my_tasks(user: CurrentUser, session: ReadSessionDep, settings: SettingsDep,
             now: NowDep) -> Any:
    """The caller's inbox: steps they may act on now, soonest due first."""
    cal = load_calendar(session)
    out = []
    for case, step, capacity in workflow.inbox(session, user):
        timing = case_timing(session, cal, case, [step], now, settings.yellow_working_days)
        st = timing.steps[step.id]
        out.append(TaskOut(case_id=case.id, case_number=case.case_number,
                           item_name=case.item_name, project_name=case.project_name,
                           applicant=str(case.applicant.get("name", "")), step_id=step.id,
                           step_name=step.name, post=step.post, started_at=shown(step.started_at),
                           due_date=st.due.isoformat() if st.due else None, warning=st.warning,
                           acting_as=capacity))
    out.sort(key=lambda t: (t.due_date or "9999-12-31", t.case_number))
    return out


SCAN_CAP = 5000
"""History entries one /sync/cases call reads at most (a busy hall pages through the rest)."""


@router.get("/sync/cases", response_model=CaseChanges)
def case_changes(
    user: CurrentUser, session: ReadSessionDep, settings: SettingsDep, now: NowDep,
    after: int = Query(default=0, ge=0, le=2**62, description="上次得到的 cursor；0 从头开始"),
    limit: int = Query(default=100, ge=1, le=500, description="最多返回的受理件数"),
) -> Any:
    """Every case (as it is now) with history entries after ``after``, oldest change first.

    Hall staff get their hall's cases; reviewers those they may see; the admin all. Keep the
    returned ``cursor``; when ``more`` is true, ask again at once.
    """
    query = select(CaseEvent.seq, CaseEvent.case_id).where(CaseEvent.seq > after)
    if user.role in HALL_ROLES:
        query = query.where(CaseEvent.hall_id == user.hall_id)
    seen: dict[uuid.UUID, int] = {}
    cursor = after
    more = False
    scanned = 0
    for seq, case_id in session.execute(query.order_by(CaseEvent.seq).limit(SCAN_CAP)):
        if case_id not in seen and len(seen) >= limit:
            more = True
            break
        seen[case_id] = seq
        cursor = seq
        scanned += 1
    if scanned >= SCAN_CAP:
        more = True  # the scan stopped at its cap: later events may remain
    out = []
    for case_id in seen:
        case = session.get(Case, case_id)
        if case is not None and (user.role in HALL_ROLES or user.role == "admin"
                                 or cases.may_see(session, user, case)):
            out.append(cases.view(session, settings, case, now))
    return CaseChanges(cursor=cursor, more=more, cases=out)
