"""Online pre-submissions: kept per hall until a counter pre-reviews and decides them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.errors import Conflict, DomainError, Forbidden, NotFound
from server_stub.models import Hall, Presubmission
from server_stub.schemas.presubmission import (
    PresubmissionCreate,
    PresubmissionDecision,
    PresubmissionOut,
)
from server_stub.services import catalog
from server_stub.services.auth import Principal, hall_by_code

STATUSES = ("submitted", "accepted", "correction", "refused")


def view(session: Session, row: Presubmission) -> PresubmissionOut:
    hall = session.get(Hall, row.hall_id)
    return PresubmissionOut(
        id=row.id, hall=hall.code if hall else "", item_code=row.item_code,
        item_version=row.item_version, item_name=row.item_name, project_name=row.project_name,
        applicant=row.applicant, materials=row.materials, notes=row.note,
        submitted_at=row.submitted_at, status=row.status, reason=row.reason,
        case_number=row.case_number, decided_by=row.decided_by, decided_at=row.decided_at)


def _content(body: PresubmissionCreate) -> dict[str, Any]:
    return body.model_dump(mode="json", exclude={"id"})


def submit(session: Session, body: PresubmissionCreate, now: datetime) -> tuple[int, Presubmission]:
    """Store an online application; the same UUID again answers what is stored (200), or 409
    when its content differs."""
    existing = session.get(Presubmission, body.id)
    hall = hall_by_code(session, body.hall)
    if existing is not None:
        stored = {"hall": hall.code if existing.hall_id == hall.id else None,
                  "item_code": existing.item_code, "project_name": existing.project_name,
                  "applicant": existing.applicant, "materials": existing.materials,
                  "notes": existing.note}
        wanted = _content(body)
        wanted["hall"] = hall.code
        if stored != wanted:
            raise Conflict("presubmission_exists", "同一编号的网上申报已存在且内容不同")
        return 200, existing
    item = catalog.item_version(session, body.item_code)
    content = _content(body)
    row = Presubmission(id=body.id, hall_id=hall.id, item_code=item.code,
                        item_version=item.version, item_name=item.name,
                        project_name=body.project_name, applicant=content["applicant"],
                        materials=content["materials"], note=body.notes, submitted_at=now,
                        status="submitted", reason="", case_number="", decided_by="",
                        decided_at=None)
    session.add(row)
    session.flush()
    return 201, row


def for_hall(session: Session, user: Principal, status: str | None) -> list[Presubmission]:
    if status is not None and status not in STATUSES:
        raise DomainError("invalid_status", f"状态只能是 {'、'.join(STATUSES)}")
    query = select(Presubmission).where(Presubmission.hall_id == user.hall_id)
    if status:
        query = query.where(Presubmission.status == status)
    return list(session.scalars(query.order_by(Presubmission.submitted_at)))


def decide(session: Session, user: Principal, presubmission_id: uuid.UUID,
           body: PresubmissionDecision, now: datetime) -> Presubmission:
    """Accepted (with the case number made at the counter), correction or refusal, once; the
    same decision again answers the stored one (a retried message)."""
    row = session.get(Presubmission, presubmission_id, with_for_update=True)
    if row is None:
        raise NotFound("presubmission_not_found", "网上申报不存在")
    if row.hall_id != user.hall_id:
        raise Forbidden("presubmission_other_hall", "这不是本大厅的网上申报")
    if body.decision in ("correction", "refused") and not body.reason.strip():
        raise DomainError("reason_required", "补正或不予受理须写明原因")
    if body.decision == "accepted" and not body.case_number.strip():
        raise DomainError("case_number_required", "受理须给出窗口生成的受理件编号")
    if row.status != "submitted":
        if (row.status, row.reason, row.case_number) == (body.decision, body.reason,
                                                          body.case_number):
            return row
        raise Conflict("presubmission_decided", f"该网上申报已处理（{row.status}）",
                       status_now=row.status)
    row.status, row.reason, row.case_number = body.decision, body.reason, body.case_number
    row.decided_by, row.decided_at = user.username, now
    return row
