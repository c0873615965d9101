"""Supervision API (supervisors of a hall, and the admin for every hall) and the SMS outbox."""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy import select

from server_stub.deps import (
    AdminUser,
    IdempotencyKey,
    NowDep,
    ReadSessionDep,
    SessionDep,
    SettingsDep,
    SupervisorUser,
)
from server_stub.models import SmsMessage
from server_stub.schemas.common import AUTH_ERRORS
from server_stub.schemas.supervision import (
    DeliveryOut,
    RatesOut,
    SmsOut,
    UrgeIn,
    UrgeOut,
    WarningOut,
)
from server_stub.services import cases, idempotency, sms, supervision

router = APIRouter(tags=["supervision"], responses=AUTH_ERRORS)


@router.get("/supervision/rates", response_model=RatesOut)
def completion_rates(
    user: SupervisorUser, session: ReadSessionDep, settings: SettingsDep, now: NowDep,
    start: Annotated[date, Query(description="期间第一天（含）")],
    end: Annotated[date, Query(description="期间最后一天（含）")],
    by: Literal["department", "item", "handler"] = "department",
) -> Any:
    """Early, on-time and overdue completion rates and average handling days per group."""
    rows = supervision.rates(session, settings, user, start, end, by, now)
    return {"start": start.isoformat(), "end": end.isoformat(), "by": by, "rows": rows}


@router.get("/supervision/warnings", response_model=list[WarningOut])
def warning_list(user: SupervisorUser, session: ReadSessionDep, settings: SettingsDep,
                 now: NowDep) -> Any:
    """Yellow (due within the threshold) and red (overdue) steps and cases, red first."""
    return supervision.warnings(session, settings, user, now)


@router.post("/supervision/cases/{case_id}/urge", response_model=UrgeOut)
def urge_case(
    request: Request, case_id: uuid.UUID, body: UrgeIn, user: SupervisorUser,
    settings: SettingsDep, now: NowDep, idempotency_key: IdempotencyKey = None,
) -> Any:
    """Urge (催办) the handlers of a case's active step(s): recorded, and texted to them."""

    def work(session: Any) -> tuple[int, dict[str, Any]]:
        case = cases.load_case(session, case_id, lock=True)
        cases.check_access(session, user, case)
        n = supervision.urge(session, user, case, body.id, body.step_id, body.message, now)
        return 200, {"case_id": str(case.id), "texts_queued": n}

    return idempotency.run(
        request.app.state.sessionmaker, user.scope, idempotency_key,
        idempotency.fingerprint("POST", f"/supervision/cases/{case_id}/urge",
                                body.model_dump(mode="json")),
        now, settings.idempotency_stale_seconds, work)


@router.get(
    "/supervision/feed",
    response_class=Response,
    responses={200: {"description": "JSON lines, one history entry per line; header "
                                    "X-Next-Cursor is the cursor to send next time",
                     "content": {"application/x-ndjson": {"schema": {"type": "string"}}}}},
)
def supervision_feed(
    user: SupervisorUser, session: ReadSessionDep,
    after: int = Query(default=0, ge=0, le=2**62, description="上次读到的 cursor"),
    limit: int = Query(default=500, ge=1, le=5000),
) -> Response:
    """Every history entry after ``after``, oldest first, as JSON lines."""
    rows = supervision.feed(session, user, after, limit)
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    next_cursor = rows[-1]["cursor"] if rows else after
    return Response(body, media_type="application/x-ndjson",
                    headers={"X-Next-Cursor": str(next_cursor)})


@router.get("/sms/outbox", response_model=list[SmsOut])
def sms_outbox(admin: AdminUser, session: ReadSessionDep,
               status: Literal["queued", "sent", "failed"] | None = None,
               limit: int = Query(default=200, ge=1, le=2000)) -> Any:
    query = select(SmsMessage).order_by(SmsMessage.created_at.desc()).limit(limit)
    if status:
        query = query.where(SmsMessage.status == status)
    return [SmsOut(id=m.id, case_id=m.case_id, phone=m.phone, kind=m.kind, text=m.text,
                   status=m.status, attempts=m.attempts, last_error=m.last_error)
            for m in session.scalars(query)]


@router.post("/sms/deliver", response_model=DeliveryOut)
def sms_deliver(request: Request, admin: AdminUser, session: SessionDep, settings: SettingsDep,
                now: NowDep) -> Any:
    """Run one delivery pass now (the server also runs one every few seconds)."""
    gateway = getattr(request.app.state, "sms_gateway", None) or sms.gateway_for(
        settings.sms_adapter, settings.data_dir)
    return sms.deliver_due(session, gateway, now, settings.sms_max_attempts)
