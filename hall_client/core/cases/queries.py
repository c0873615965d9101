"""Reading cases: the case list (light rows for 100,000 cases), one case in full, its notices
and reprints (重打, audited), and the yellow/red warning of an accepted case."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_client.core import audit
from hall_client.core.actor import Actor
from hall_client.core.cases.calendar import CalendarNotPublished, WorkCalendar, local_date
from hall_client.core.cases.identity import ID_TYPES
from hall_client.core.cases.intake import MATERIAL_STATES, STATUSES, HallInfo
from hall_client.core.errors import NotFound
from hall_client.core.money import format_yuan, money, uppercase_amount
from hall_client.store.case_models import CaseEvent, CaseNotice, CasePage, IntakeCase
from hall_client.store.cashier_models import FeeAssessment
from hall_client.store.models import utcnow

YELLOW_WORKING_DAYS = 1  # as the server's Settings.yellow_working_days


class CaseRow(NamedTuple):
    """One line of the case list (a tuple: 100,000 of them are made at once)."""

    id: str
    number: str
    status: str
    item_code: str
    item_name: str
    applicant_name: str
    applicant_id: str
    created_at: datetime
    promised_date: date | None
    clerk: str
    warning: str = ""  # "", green, yellow, red, unknown


def warning(cal: WorkCalendar, status: str, promised: date | None, today: date,
            deadline_error: str = "") -> str:
    """yellow: due within one working day; red: overdue; unknown: the calendar cannot say."""
    if status != "accepted":
        return ""
    if promised is None:
        return "unknown" if deadline_error else ""
    if today > promised:
        return "red"
    try:
        left = cal.workdays_between(today, promised)
    except CalendarNotPublished:
        return "unknown"
    return "yellow" if left <= YELLOW_WORKING_DAYS else "green"


def case_rows(session: Session, cal: WorkCalendar, today: date) -> list[CaseRow]:
    """Every case as a light row, newest first.

    Read with one plain SQL query and parsed here (ISO text to dates), not through ORM
    objects: 100,000 cases load in about a second instead of several.
    """
    sql = ("SELECT id, number, status, item_code, item_name, applicant_name, applicant_id, "
           "created_at, promised_date, clerk, deadline_error FROM intake_case "
           "ORDER BY created_at DESC")
    out = []
    cache: dict[tuple[str, str | None], tuple[date | None, str]] = {}
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    for (id_, number, status, item_code, item_name, name, id_number, created_raw, promised_raw,
         clerk, deadline_error) in raw.execute(sql).fetchall():
        key = (status, promised_raw)
        known = cache.get(key)
        if known is None:
            promised = date.fromisoformat(promised_raw) if promised_raw else None
            known = cache[key] = (promised, warning(cal, status, promised, today,
                                                    deadline_error))
        created = datetime.fromisoformat(created_raw + "+00:00")  # stored as naive UTC
        out.append(CaseRow(id_, number, status, item_code, item_name, name, id_number, created,
                           known[0], clerk, known[1]))
    return out


def get_case(session: Session, number_or_id: str) -> IntakeCase:
    case = session.scalar(select(IntakeCase).where(IntakeCase.number == number_or_id))
    if case is None:
        case = session.get(IntakeCase, number_or_id)
    if case is None:
        raise NotFound(f"找不到受理件 {number_or_id}", code="case_not_found")
    return case


def notices(session: Session, case_id: str) -> list[CaseNotice]:
    return list(session.scalars(select(CaseNotice).where(CaseNotice.case_id == case_id)
                                .order_by(CaseNotice.issued_at, CaseNotice.number)))


def latest_notice(session: Session, case_id: str) -> CaseNotice:
    found = notices(session, case_id)
    if not found:
        raise NotFound("该受理件没有通知书", code="notice_not_found")
    return found[-1]


def notice_for_print(session: Session, actor: Actor, notice_id: str, *,
                     reprint: bool) -> dict[str, Any]:
    """The notice's content to lay out; a reprint is counted, audited and marked 重打.

    The query code is not kept in the notice: it is added from the case while the counter
    still holds it (until the server has it), else the notice says it was handed over.
    """
    notice = session.get(CaseNotice, notice_id)
    if notice is None:
        raise NotFound(f"找不到通知书 {notice_id}", code="notice_not_found")
    case = session.get(IntakeCase, notice.case_id)
    assert case is not None
    content = dict(notice.content)
    content["query_code"] = case.query_code if notice.kind == "accept" else None
    if reprint:
        notice.reprints += 1
        audit.record(session, actor, role="clerk", action="notice.reprint",
                     object_type="case_notice", object_id=notice.id,
                     after={"number": notice.number, "case": case.number,
                            "reprints": notice.reprints})
    content["reprint"] = notice.reprints if reprint else 0
    return content


def case_detail(session: Session, case: IntakeCase) -> dict[str, Any]:
    """One case in full, as ``case show --json`` prints it and the detail pane shows it."""
    a = case.applicant
    pages = session.scalars(select(CasePage).where(CasePage.case_id == case.id)
                            .order_by(CasePage.seq)).all()
    events = session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)
                             .order_by(CaseEvent.seq)).all()
    fees = session.scalars(select(FeeAssessment).where(FeeAssessment.case_id == case.id)
                           .order_by(FeeAssessment.created_at)).all()
    return {
        "id": case.id, "case_number": case.number, "status": case.status,
        "status_name": STATUSES.get(case.status, case.status),
        "item": case.item_code, "item_version": case.item_version, "item_name": case.item_name,
        "department": case.department, "project_name": case.project_name,
        "reason": case.reason, "query_code": case.query_code,
        "accepted_at": case.accepted_at.isoformat() if case.accepted_at else None,
        "created_at": case.created_at.isoformat(),
        "accepted_date": local_date(case.accepted_at).isoformat() if case.accepted_at else None,
        "promised_limit_days": case.promised_limit_days,
        "legal_limit_days": case.legal_limit_days,
        "promised_date": case.promised_date.isoformat() if case.promised_date else None,
        "legal_date": case.legal_date.isoformat() if case.legal_date else None,
        "deadline_error": case.deadline_error or None,
        "clerk": case.clerk,
        "applicant": {"kind": a.kind, "name": a.name, "id_type": a.id_type,
                      "id_type_name": ID_TYPES.get(a.id_type, a.id_type),
                      "id_number": a.id_number, "phone": a.phone, "address": a.address,
                      "contact": a.contact},
        "materials": [{"position": m.position, "name": m.name, "required": m.required,
                       "state": m.state, "state_name": MATERIAL_STATES[m.state],
                       "form": m.form, "copies": m.copies, "reason": m.reason,
                       "promised_by": m.promised_by.isoformat() if m.promised_by else None,
                       "section": m.section, "notes": m.notes} for m in case.materials],
        "pages": [{"id": pg.id, "seq": pg.seq, "name": pg.name, "section": pg.section,
                   "material": pg.material, "file": pg.file, "sha256": pg.sha256,
                   "size": pg.size, "content_type": pg.content_type} for pg in pages],
        "fees": [{"assessment": f.id, "total": str(f.total), "status": f.status,
                  "lines": f.lines} for f in fees],
        "notices": [{"id": n.id, "kind": n.kind, "title": n.content.get("title", ""),
                     "number": n.number, "issued_at": n.issued_at.isoformat(),
                     "reprints": n.reprints} for n in notices(session, case.id)],
        "history": [{"seq": e.seq, "at": e.at.isoformat(), "action": e.action,
                     "actor": e.actor, "actor_name": e.actor_name, "counter": e.counter,
                     "data": e.data} for e in events],
    }


#: How the applicant pays, as the payment notice says it (the cashier's payment methods).
PAYMENT_WAYS = "现金、银行转账、电汇（转账、电汇请注明受理号）"


def payment_notice(session: Session, case_number: str, hall: HallInfo, *,
                   today: date | None = None) -> dict[str, Any]:
    """The 缴款通知书 of an accepted case: what the applicant pays, for what, where and how.

    For the applicant to take to the cashier: the item, each fee with its standard, quantity
    and any reduction, the total in figures and in Chinese capitals (大写), the case number the
    cashier looks it up by, and where and how to pay. No staff names: the window is named by
    its number, as on every paper the applicant takes home.
    """
    case = get_case(session, case_number)
    assessment = session.scalar(
        select(FeeAssessment).where(FeeAssessment.case_id == case.id,
                                    FeeAssessment.status.in_(("queued", "paid")))
        .order_by(FeeAssessment.created_at.desc()))
    if assessment is None:
        raise NotFound(f"受理件 {case_number} 没有应缴费用，无需缴款通知书",
                       code="no_fees_due")
    lines = []
    for ln in assessment.lines:
        reduction = ln.get("reduction") or None
        lines.append({
            "name": ln["name"], "standard": ln.get("standard", ""),
            "quantity": ln.get("quantity", ""), "unit": ln.get("unit", ""),
            "gross": ln.get("gross", ln["amount"]), "amount": ln["amount"],
            "reduced_by": (reduction or {}).get("reduced_by", ""),
            "reduction_reason": (reduction or {}).get("reason", ""),
        })
    total = Decimal(assessment.total)
    return {
        "kind": "payment", "title": "缴款通知书",
        "hall_name": hall.hall_name, "counter_name": hall.counter_name,
        "counter_id": hall.counter_id,
        "case_number": case.number, "item_name": case.item_name, "item_code": case.item_code,
        "project_name": case.project_name, "payer": assessment.payer,
        "lines": lines, "total": format_yuan(total), "total_figures": f"{money(total):,.2f}",
        "total_upper": uppercase_amount(total), "paid": assessment.status == "paid",
        "ways": PAYMENT_WAYS, "status_url": hall.status_url,
        "date": (today or local_date(utcnow())).isoformat(),
    }
