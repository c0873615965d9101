"""Online pre-submissions (网上申报) at the window: listed like counter applications,
pre-reviewed against the item's one-time notice list, then accepted (the case is made through
intake like any other, and its number reported), sent back for correction, or refused.

The decision is one transaction: the local row, its audit line and the outbox message the sync
engine sends to the server (``presubmission.decision``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_client.core import audit, catalog, outbox
from hall_client.core.actor import Actor
from hall_client.core.errors import DomainError, NotFound
from hall_client.store.models import utcnow
from hall_client.store.sync_models import PresubmissionRow

DECISIONS = ("accepted", "correction", "refused")


@dataclass(frozen=True)
class ChecklistLine:
    name: str
    required: bool
    offered: bool  # the applicant listed it online
    notes: str


def waiting(session: Session) -> list[PresubmissionRow]:
    return list(session.scalars(select(PresubmissionRow).where(
        PresubmissionRow.status == "submitted").order_by(PresubmissionRow.submitted_at)))


def get(session: Session, presubmission_id: str) -> PresubmissionRow:
    row = session.get(PresubmissionRow, presubmission_id)
    if row is None:
        raise NotFound(f"找不到网上申报 {presubmission_id}", code="presubmission_not_found")
    return row


def checklist(session: Session, presubmission_id: str) -> list[ChecklistLine]:
    """Pre-review: the item's materials list against what the applicant listed online."""
    row = get(session, presubmission_id)
    offered = {str(m.get("name")): str(m.get("notes", "")) for m in row.materials}
    item = catalog.get_item(session, row.item_code)
    lines = [ChecklistLine(str(m["name"]), bool(m.get("required", True)), m["name"] in offered,
                           offered.get(m["name"], ""))
             for m in item.definition.get("materials", [])]
    known = {line.name for line in lines}
    lines += [ChecklistLine(name, False, True, notes) for name, notes in offered.items()
              if name not in known]
    return lines


def case_draft(session: Session, presubmission_id: str) -> dict[str, Any]:
    """The case JSON of ``hall-client case accept`` (docs/intake.md) prefilled from the online
    application: the clerk checks the papers, adds pages and decides."""
    row = get(session, presubmission_id)
    applicant = {k: v for k, v in row.applicant.items()
                 if k in ("kind", "name", "id_type", "id_number", "phone", "address", "contact")}
    return {"item": row.item_code, "project_name": row.project_name, "decision": "accept",
            "applicant": applicant,
            "materials": [{"name": str(m.get("name"))} for m in row.materials], "fees": []}


def decide(session: Session, actor: Actor, presubmission_id: str, decision: str, *,
           reason: str = "", case_number: str = "") -> PresubmissionRow:
    role = actor.require("clerk")
    if decision not in DECISIONS:
        raise DomainError(f"决定只能是 {'、'.join(DECISIONS)}", code="decision_invalid")
    if decision in ("correction", "refused") and not reason.strip():
        raise DomainError("补正或不予受理须写明原因", code="reason_required")
    if decision == "accepted" and not case_number.strip():
        raise DomainError("受理须给出本窗口的受理件编号", code="case_number_required")
    row = get(session, presubmission_id)
    if row.status != "submitted":
        raise DomainError(f"该网上申报已处理（{row.status}）", code="presubmission_decided")
    row.status, row.reason, row.case_number = decision, reason.strip(), case_number.strip()
    row.decided_by, row.decided_at = actor.username, utcnow()
    audit.record(session, actor, role=role, action=f"presubmission.{decision}",
                 object_type="presubmission", object_id=row.id, before={"status": "submitted"},
                 after={"status": decision, "reason": row.reason,
                        "case_number": row.case_number})
    outbox.enqueue(session, "presubmission.decision", {"id": row.id, "body": {
        "decision": decision, "reason": row.reason, "case_number": row.case_number}})
    return row
