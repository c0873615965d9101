"""Intake at the window: check what the applicant brought, then accept (受理), send back for
correction (补正) or refuse (不予受理), in one transaction.

That transaction writes the case (or re-opens a correction case under its number), applicant,
checklist, pages, fee assessment (queued at the cashier), event, numbered notice, audit line
and — for an accepted case — the outbox messages the server must receive (``case.create`` with
exactly the server's ``CaseCreate`` body, then one ``page.upload`` per page). A crash leaves
all of it or none of it, so no case or notice number is ever skipped. Everything is checked
before anything is written; every broken rule is reported at once, naming its field.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hall_client.core import audit, cashier, catalog, outbox
from hall_client.core.actor import Actor
from hall_client.core.cases import calendar, numbering
from hall_client.core.cases.identity import (
    APPLICANT_KINDS,
    ID_TYPES,
    KIND_ID_TYPES,
    IdentityError,
    TextRule,
    check_id,
    check_name,
    check_phone,
    check_text,
)
from hall_client.core.errors import DomainError, InvalidInput, NotFound, Problem
from hall_client.core.fees import Reduction, assess, parse_fee_item
from hall_client.store.case_models import (
    CaseApplicant,
    CaseEvent,
    CaseMaterial,
    CaseNotice,
    CasePage,
    IntakeCase,
)
from hall_client.store.cashier_models import FeeAssessment
from hall_client.store.models import utcnow

DECISIONS = {"accept": "受理", "correction": "补正", "refuse": "不予受理"}
STATUS_OF = {"accept": "accepted", "correction": "correction", "refuse": "refused"}
STATUSES = {"accepted": "已受理", "correction": "待补正", "refused": "不予受理"}
MATERIAL_STATES = {"received": "已收", "missing": "缺", "nonconforming": "不符合要求",
                   "deferred": "容缺后补"}
FORMS = catalog.MATERIAL_FORMS
PAGE_TYPES = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}
MAX_PAGE_BYTES = 20 * 1024 * 1024  # the server's largest upload
PROJECT_MAX = 200


@dataclass(frozen=True)
class HallInfo:
    """Who this counter is: from the settings file."""

    hall_id: str
    hall_name: str
    counter_id: str
    counter_name: str
    status_url: str


@dataclass(frozen=True)
class ApplicantInput:
    kind: str
    name: str
    id_type: str
    id_number: str
    phone: str = ""
    address: str = ""
    contact: str = ""


@dataclass(frozen=True)
class PageInput:
    """One page file's bytes (already prepared to the item's page profile)."""

    data: bytes
    content_type: str = "image/jpeg"


@dataclass(frozen=True)
class MaterialInput:
    """The clerk's finding for one line of the item's material list (by its position)."""

    position: int
    state: str = "received"
    form: str | None = None  # None: as the catalog asks
    copies: int | None = None
    reason: str = ""
    promised_by: date | None = None
    pages: tuple[PageInput, ...] = ()


@dataclass(frozen=True)
class FeeInput:
    code: str
    value: str | None = None  # quantity or base; None for a fixed fee
    reduction: Reduction | None = None


@dataclass(frozen=True)
class Intake:
    """Everything the clerk decided at the window. Materials not listed count as missing
    (the JSON reader fills them in as received unless the file says ``unlisted_materials:
    missing``); fee items not listed do not apply to this case."""

    item_code: str
    applicant: ApplicantInput
    decision: str
    project_name: str = ""
    item_version: int | None = None
    materials: tuple[MaterialInput, ...] = ()
    fees: tuple[FeeInput, ...] = ()
    reason: str = ""
    reopen: str | None = None  # the number of a correction case the applicant came back with


@dataclass(frozen=True)
class IntakeResult:
    case_id: str
    case_number: str
    status: str
    query_code: str | None
    promised_date: date | None
    legal_date: date | None
    deadline_error: str
    notice_id: str
    notice_number: str
    assessment_id: str | None
    fee_total: Decimal


@dataclass
class _Problems:
    items: list[Problem] = field(default_factory=list)

    def add(self, where: str, rule: str, message: str) -> None:
        self.items.append(Problem(where, rule, message))

    def guard(self, where: str, fn: Any, *args: Any, **kw: Any) -> Any:
        try:
            return fn(*args, **kw)
        except DomainError as exc:
            self.add(where, exc.code, exc.message)
            return None


def page_path(sha256: str, content_type: str = "image/jpeg") -> str:
    """Where a page file lives under the data directory (content-addressed, stored once)."""
    return f"pages/{sha256[:2]}/{sha256}.{PAGE_TYPES.get(content_type, 'bin')}"


def store_page_file(data_dir: Path, data: bytes, content_type: str) -> tuple[str, str, int]:
    """Write a page file once (atomically, fsynced); returns (relative path, sha256, size).

    Written before the case's transaction commits: a file left by a rolled-back intake is
    harmless (nothing refers to it) and is reused by the next intake of the same bytes.
    """
    sha = hashlib.sha256(data).hexdigest()
    rel = page_path(sha, content_type)
    target = data_dir / rel
    if target.exists() and target.stat().st_size == len(data):
        return rel, sha, len(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".page-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return rel, sha, len(data)


def _check_applicant(p: _Problems, a: ApplicantInput, today: date) -> ApplicantInput | None:
    where = "applicant"
    if a.kind not in APPLICANT_KINDS:
        p.add(f"{where}.kind", "applicant_kind", "申请人类型应为 person（个人）或 organisation（法人或其他组织）")
        return None
    name = p.guard(f"{where}.name", check_name, a.name,
                   "申请人姓名" if a.kind == "person" else "申请单位名称")
    id_number = None
    if a.id_type not in KIND_ID_TYPES[a.kind]:
        allowed = "、".join(f"{ID_TYPES[t]}（{t}）" for t in KIND_ID_TYPES[a.kind])
        p.add(f"{where}.id_type", "id_type_invalid",
              f"{APPLICANT_KINDS[a.kind]}的证件类型应为：{allowed}")
    else:
        id_number = p.guard(f"{where}.id_number", check_id, a.id_type, a.id_number, today=today)
    phone = p.guard(f"{where}.phone", check_phone, a.phone)
    address = p.guard(f"{where}.address", check_text, a.address, TextRule("地址"))
    contact = p.guard(f"{where}.contact", check_text, a.contact, TextRule("联系人", max_chars=100))
    if a.kind == "organisation" and not (a.contact or "").strip() and contact is not None:
        p.add(f"{where}.contact", "contact_missing", "单位申请须填写联系人（经办人）")
        contact = None
    if name is None or id_number is None or phone is None or address is None or contact is None:
        return None
    return ApplicantInput(a.kind, name, a.id_type, id_number, phone, address, contact)


@dataclass(frozen=True)
class _Line:
    """A checklist line ready to write."""

    position: int
    name: str
    required: bool
    deferrable: bool
    section: str
    digitise: bool
    state: str
    form: str
    copies: int
    reason: str
    promised_by: date | None
    notes: str
    pages: tuple[PageInput, ...]


def _check_materials(p: _Problems, definition: dict[str, Any], given: Sequence[MaterialInput],
                     today: date) -> list[_Line]:
    catalog_materials = definition["materials"]
    by_position: dict[int, MaterialInput] = {}
    for n, m in enumerate(given):
        where = f"materials[{n}]"
        if not 0 <= m.position < len(catalog_materials):
            p.add(where, "material_unknown", f"材料序号 {m.position + 1} 不在本事项的材料清单中")
            continue
        if m.position in by_position:
            p.add(where, "material_duplicate",
                  f"材料“{catalog_materials[m.position]['name']}”重复填写")
            continue
        by_position[m.position] = m
    lines = []
    for pos, cat in enumerate(catalog_materials):
        m = by_position.get(pos, MaterialInput(pos, "missing"))
        where = f"materials[{cat['name']}]"
        deferrable = bool(cat.get("deferrable", False))
        state = m.state
        if state not in MATERIAL_STATES:
            p.add(f"{where}.state", "material_state",
                  f"材料状态“{state}”无效，可选：{', '.join(MATERIAL_STATES)}")
            continue
        form = m.form or cat["form"]
        if form not in FORMS:
            p.add(f"{where}.form", "material_form", f"材料形式“{form}”无效，可选：{', '.join(FORMS)}")
        copies = cat.get("copies", 1) if m.copies is None else m.copies
        if isinstance(copies, bool) or not isinstance(copies, int) or not 0 <= copies <= 1000:
            p.add(f"{where}.copies", "material_copies", f"份数应为 0–1000 的整数，实际为 {copies!r}")
            copies = 1
        reason = p.guard(f"{where}.reason", check_text, m.reason,
                         TextRule("材料问题说明", max_chars=500)) or ""
        if state == "nonconforming" and not reason.strip():
            p.add(f"{where}.reason", "material_reason_missing",
                  f"材料“{cat['name']}”不符合要求，须写明原因（补正通知书上要列明）")
        notes = ""
        if state == "deferred":
            if not deferrable:
                p.add(f"{where}.state", "material_not_deferrable",
                      f"材料“{cat['name']}”不适用容缺受理，只能收齐后受理或通知补正")
            elif m.promised_by is None:
                p.add(f"{where}.promised_by", "promised_by_missing",
                      f"容缺受理须填写申请人承诺补交“{cat['name']}”的日期")
            elif m.promised_by <= today:
                p.add(f"{where}.promised_by", "promised_by_past", "承诺补交日期应在今天之后")
            else:
                notes = f"容缺受理：申请人书面承诺于 {m.promised_by.isoformat()} 前补交"
        if m.pages and state not in ("received", "nonconforming"):
            p.add(f"{where}.pages", "pages_without_material",
                  f"材料“{cat['name']}”未收到，不能附页面图像")
        for k, page in enumerate(m.pages):
            if page.content_type not in PAGE_TYPES:
                p.add(f"{where}.pages[{k}]", "page_type", f"页面文件类型 {page.content_type} 不支持")
            if not page.data:
                p.add(f"{where}.pages[{k}]", "page_empty", "页面文件是空的")
            elif len(page.data) > MAX_PAGE_BYTES:
                p.add(f"{where}.pages[{k}]", "page_too_large", "页面文件超过 20 MB")
        lines.append(_Line(pos, cat["name"], bool(cat["required"]), deferrable,
                           cat.get("section", ""), bool(cat.get("digitise", True)), state, form,
                           copies if state in ("received", "nonconforming") else 0, reason,
                           m.promised_by if state == "deferred" else None, notes, m.pages))
    return lines


def _item_for(p: _Problems, session: Session, intake: Intake,
              reopened: IntakeCase | None) -> Any:
    if reopened is not None:
        return catalog.get_item(session, reopened.item_code, reopened.item_version)
    try:
        row = catalog.get_item(session, intake.item_code, intake.item_version)
    except NotFound:
        what = f"事项“{intake.item_code}”" + (
            f"第 {intake.item_version} 版" if intake.item_version else "")
        p.add("item", "item_unknown", f"{what}不在本窗口的事项库中，请核对事项编码")
        return None
    if not row.is_current:
        current = catalog.get_item(session, intake.item_code)
        p.add("item_version", "item_version_withdrawn",
              f"事项“{row.name}”第 {row.version} 版已停用（现行为第 {current.version} 版），"
              "新受理件须按现行版本办理")
        return None
    return row


def _fee_lines(p: _Problems, definition: dict[str, Any], fees: Sequence[FeeInput]) -> Any:
    try:
        items = [parse_fee_item(f, f"fees[{n}]") for n, f in enumerate(definition["fees"])]
    except DomainError as exc:
        p.add("item.fees", exc.code, exc.message)
        return None
    codes = [f.code for f in fees]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        p.add("fees", "fee_duplicate", f"收费项目重复：{', '.join(dupes)}")
        return None
    known = {i.code for i in items}
    unknown = [c for c in codes if c not in known]
    if unknown:
        p.add("fees", "fee_code_unknown",
              f"本事项没有这些收费项目：{', '.join(unknown)}（可选：{', '.join(sorted(known)) or '无'}）")
        return None
    values = {f.code: f.value for f in fees if f.value is not None}
    reductions = {f.code: f.reduction for f in fees if f.reduction is not None}
    skip = [c for c in known if c not in codes]
    return p.guard("fees", assess, items, values, reductions, skip=skip)


def _applicant_payload(a: CaseApplicant) -> dict[str, str]:
    return {"name": a.name, "kind": a.kind, "id_type": a.id_type, "id_number": a.id_number,
            "phone": a.phone, "address": a.address, "contact": a.contact}


def case_create_payload(case: IntakeCase, fee_lines: list[dict[str, str]]) -> dict[str, Any]:
    """Exactly the server's ``CaseCreate`` body (docs/server.md, Cases)."""
    assert case.accepted_at is not None
    materials = []
    for m in case.materials:
        received = m.state in ("received", "nonconforming")
        notes = m.notes or (m.reason if m.state == "nonconforming" else "")
        materials.append({"name": m.name, "received": received, "form": m.form,
                          "copies": m.copies if received else 0, "notes": notes[:500]})
    return {
        "id": case.id, "item_code": case.item_code, "item_version": case.item_version,
        "case_number": case.number, "verification_code": case.query_code,
        "project_name": case.project_name, "accepted_at": case.accepted_at.isoformat(),
        "applicant": _applicant_payload(case.applicant), "materials": materials,
        "fees": fee_lines,
    }


def _event(session: Session, case: IntakeCase, actor: Actor, action: str,
           data: dict[str, Any], at: datetime) -> None:
    seq = (session.scalar(select(func.max(CaseEvent.seq)).where(CaseEvent.case_id == case.id))
           or 0) + 1
    session.add(CaseEvent(case_id=case.id, seq=seq, at=at, action=action, actor=actor.username,
                          actor_name=actor.full_name, counter=actor.counter, data=data))


def _deadlines(session: Session, case: IntakeCase, accepted_at: datetime) -> None:
    cal = calendar.load_calendar(session)
    start = calendar.local_date(accepted_at)
    try:
        case.promised_date = cal.due_date(start, case.promised_limit_days)
        case.legal_date = cal.due_date(start, case.legal_limit_days)
        case.deadline_error = ""
    except calendar.CalendarNotPublished as exc:
        case.promised_date = case.legal_date = None
        case.deadline_error = exc.message


def notice_content(case: IntakeCase, kind: str, number: str, hall: HallInfo, at: datetime,
                   fee_total: Decimal, definition: dict[str, Any]) -> dict[str, Any]:
    """What a notice says, kept with the notice so a reprint says the same."""
    a = case.applicant
    return {
        "kind": kind, "title": numbering.NOTICE_KINDS[kind], "number": number,
        "hall_name": hall.hall_name, "counter_name": hall.counter_name,
        "case_number": case.number, "item_name": case.item_name, "item_code": case.item_code,
        "item_version": case.item_version, "project_name": case.project_name,
        "applicant": {"name": a.name, "kind": a.kind, "id_type": ID_TYPES.get(a.id_type, ""),
                      "id_number": a.id_number},
        "date": calendar.local_date(at).isoformat(),
        "promised_limit_days": case.promised_limit_days,
        "legal_limit_days": case.legal_limit_days,
        "promised_date": case.promised_date.isoformat() if case.promised_date else None,
        "deadline_error": case.deadline_error,
        "status_url": hall.status_url,
        "reason": case.reason,
        "fee_total": str(fee_total),
        "place": definition.get("place", ""), "phone": definition.get("phone", ""),
        "supervision_phone": definition.get("supervision_phone", ""),
        "department": case.department,
        "materials": [{"name": m.name, "required": m.required, "state": m.state,
                       "form": m.form, "copies": m.copies, "reason": m.reason,
                       "promised_by": m.promised_by.isoformat() if m.promised_by else None}
                      for m in case.materials],
    }


def record_intake(session: Session, actor: Actor, hall: HallInfo, data_dir: Path,
                  intake: Intake, *, now: datetime | None = None) -> IntakeResult:
    """Check everything, then write the whole decision in the caller's transaction."""
    actor.require("clerk")
    now = now or utcnow()
    today = calendar.local_date(now)
    p = _Problems()
    if intake.decision not in DECISIONS:
        raise InvalidInput([Problem("decision", "decision_invalid",
                                    "decision 应为 accept（受理）、correction（补正）或 refuse（不予受理）")])
    reopened = None
    if intake.reopen:
        reopened = session.scalar(select(IntakeCase).where(IntakeCase.number == intake.reopen))
        if reopened is None:
            raise InvalidInput([Problem("case_number", "case_not_found",
                                        f"找不到受理件 {intake.reopen}")])
        if reopened.status != "correction":
            raise InvalidInput([Problem("case_number", "case_not_in_correction",
                                        f"受理件 {reopened.number} 状态为“{STATUSES[reopened.status]}”，"
                                        "只有待补正的受理件可以重新受理")])
    item = _item_for(p, session, intake, reopened)
    applicant = _check_applicant(p, intake.applicant, today)
    project = p.guard("project_name", check_text, intake.project_name,
                      TextRule("项目名称", max_chars=PROJECT_MAX))
    if project and re.search(r"[/\\:*?\"<>|]", project):
        p.add("project_name", "project_name_chars",
              "项目名称用作材料包的文件夹名，不能含有 / \\ : * ? \" < > | 这些字符")
    reason = p.guard("reason", check_text, intake.reason,
                     TextRule("理由", max_chars=2000)) or ""
    if item is None:
        raise InvalidInput(p.items)
    definition = dict(item.definition)
    lines = _check_materials(p, definition, intake.materials, today)
    blocking = [ln for ln in lines if ln.required and ln.state in ("missing", "nonconforming")]
    if intake.decision == "accept" and blocking and not p.items:
        names = "、".join(ln.name for ln in blocking)
        p.add("materials", "required_material_missing",
              f"必需材料未收齐或不符合要求（{names}），不能受理，只能通知补正")
    if intake.decision == "correction" and not any(
            ln.state in ("missing", "nonconforming") for ln in lines):
        p.add("materials", "nothing_to_correct", "材料已齐全且符合要求，无需补正")
    if intake.decision == "refuse" and not reason.strip():
        p.add("reason", "refuse_reason_missing", "不予受理须写明理由（写入决定书）")
    assessment = None
    if intake.decision == "accept":  # fees are assessed only on acceptance; else ignored
        assessment = _fee_lines(p, definition, intake.fees)
    if p.items:
        raise InvalidInput(p.items)
    assert applicant is not None and project is not None

    status = STATUS_OF[intake.decision]
    year = today.year
    if reopened is None:
        seq, number = numbering.take_case_number(session, hall.hall_id, hall.counter_id, year)
        case = IntakeCase(number=number, year=year, seq=seq, hall=hall.hall_id,
                          counter=hall.counter_id, item_code=item.code,
                          item_version=item.version, item_name=item.name,
                          department=item.department, created_by=actor.username,
                          legal_limit_days=int(definition["legal_limit_days"]),
                          promised_limit_days=int(definition["promised_limit_days"]),
                          created_at=now, status=status, clerk=actor.username)
        session.add(case)
        before = None
    else:
        case = reopened
        before = {"status": case.status}
        for m in list(case.materials):
            session.delete(m)
        session.flush()
        case.materials = []
    case.project_name = project
    case.status = status
    case.reason = reason.strip() if intake.decision != "accept" else ""
    case.applicant_name, case.applicant_id = applicant.name, applicant.id_number
    case.updated_at, case.clerk = now, actor.username
    if case.applicant is None:
        case.applicant = CaseApplicant(**applicant.__dict__)
    else:
        for key, value in applicant.__dict__.items():
            setattr(case.applicant, key, value)
    case.materials = [CaseMaterial(position=ln.position, name=ln.name, required=ln.required,
                                   deferrable=ln.deferrable, section=ln.section,
                                   digitise=ln.digitise, state=ln.state, form=ln.form,
                                   copies=ln.copies, reason=ln.reason,
                                   promised_by=ln.promised_by, notes=ln.notes)
                      for ln in lines]
    session.flush()
    if reopened is not None:
        _event(session, case, actor, "reopened", {"from": "correction"}, now)

    # pages: content-addressed files, rows in paper order after any kept from before
    next_seq = (session.scalar(select(func.max(CasePage.seq)).where(CasePage.case_id == case.id))
                or 0) + 1
    for ln in lines:
        for page in ln.pages:
            rel, sha, size = store_page_file(data_dir, page.data, page.content_type)
            session.add(CasePage(case_id=case.id, seq=next_seq, material_position=ln.position,
                                 material=ln.name, section=ln.section or "材料",
                                 name=f"{next_seq:04d}.{PAGE_TYPES[page.content_type]}",
                                 file=rel, sha256=sha, size=size,
                                 content_type=page.content_type, created_at=now))
            next_seq += 1
    session.flush()

    fee_total = Decimal("0.00")
    fee_payload: list[dict[str, str]] = []
    assessment_id = None
    if intake.decision == "accept":
        case.accepted_at = now
        case.query_code = numbering.new_query_code()
        _deadlines(session, case, now)
        assert assessment is not None
        fee_total = assessment.total
        fee_payload = [{"code": ln.fee_code, "name": ln.name, "amount": str(ln.amount),
                        "basis": ln.basis[:500]} for ln in assessment.lines]
        if assessment.total > 0:
            row = cashier.queue_assessment(session, actor, case_ref=case.number,
                                           item_code=case.item_code,
                                           department=case.department, payer=applicant.name,
                                           assessment=assessment)
            row.case_id = case.id
            assessment_id = row.id

    notice_seq, notice_number = numbering.take_notice_number(
        session, intake.decision, hall.counter_id, year)
    notice = CaseNotice(case_id=case.id, kind=intake.decision, year=year, seq=notice_seq,
                        number=notice_number, issued_at=now, issued_by=actor.username,
                        content=notice_content(case, intake.decision, notice_number, hall, now,
                                               fee_total, definition), reprints=0)
    session.add(notice)
    _event(session, case, actor, intake.decision,
           {"notice": notice_number, "reason": case.reason,
            "promised_date": case.promised_date.isoformat() if case.promised_date else None,
            "fee_total": str(fee_total)}, now)
    session.flush()
    audit.record(session, actor, role="clerk", action=f"case.{intake.decision}",
                 object_type="case", object_id=case.id, before=before,
                 after={"number": case.number, "item": f"{case.item_code} v{case.item_version}",
                        "status": case.status, "notice": notice_number,
                        "applicant": case.applicant_name, "fee_total": str(fee_total)})
    if intake.decision == "accept":
        outbox.enqueue(session, "case.create", case_create_payload(case, fee_payload))
        for page_row in session.scalars(select(CasePage).where(CasePage.case_id == case.id)
                                        .order_by(CasePage.seq)):
            outbox.enqueue(session, "page.upload", {
                "case_id": case.id,
                "upload": {"id": page_row.id, "section": page_row.section,
                           "name": page_row.name, "size": page_row.size,
                           "sha256": page_row.sha256, "content_type": page_row.content_type},
                "file": page_row.file})
    return IntakeResult(case.id, case.number, case.status, case.query_code, case.promised_date,
                        case.legal_date, case.deadline_error, notice.id, notice_number,
                        assessment_id, fee_total)


def forget_query_code(session: Session, case_id: str) -> None:
    """Drop the counter's copy of the query code once the server holds it (the sync engine
    calls this when it blanks ``verification_code`` in the sent ``case.create``)."""
    case = session.get(IntakeCase, case_id)
    if case is not None and case.query_code is not None:
        case.query_code = None


def current_assessment(session: Session, case_id: str) -> FeeAssessment | None:
    return session.scalar(select(FeeAssessment).where(FeeAssessment.case_id == case_id)
                          .order_by(FeeAssessment.created_at.desc()).limit(1))


__all__ = ["ApplicantInput", "FeeInput", "HallInfo", "IdentityError", "Intake", "IntakeResult",
           "MaterialInput", "PageInput", "record_intake"]
