"""Licences at the window: prepared with a gap-free number, signed, printed, reprinted,
revoked with a supervisor's approval and reissued under a new number.

The number is taken when the licence is prepared, in the transaction that stores it; printing
happens after, and only a successful print moves it from ``prepared`` to ``issued`` (and
queues ``licence.issue`` and the server's ``certificate_issued``). A print that fails leaves
the prepared licence as it was: the next attempt prints the same number, so no number is
lost or used twice. Later prints are reprints: counted, marked on the paper, audited.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_client.core import audit, outbox
from hall_client.core.actor import Actor
from hall_client.core.errors import DomainError, NotFound, PermissionDenied
from hall_client.core.results.seal import LICENCE_TAG, HallSeal
from hall_client.core.results.templates import LicenceTemplate, template_for
from hall_client.core.sequences import take_next
from hall_client.core.settings import SHANGHAI
from hall_client.store.cashier_models import FeeAssessment
from hall_client.store.results_models import Collection, Licence
from hall_client.store.sync_models import ServerCase


class ResultError(DomainError):
    """A step at the window that the case's state does not allow (unpaid, not approved...)."""


FEE_TEXT = {"paid": "已缴费", "waiting": "待缴费", "exempt": "免费"}


@dataclass(frozen=True)
class ResultCase:
    """A case back at the window, as the server last told this counter."""

    id: str
    case_number: str
    item_code: str
    item_name: str
    project_name: str
    applicant: Mapping[str, Any]
    status: str  # awaiting_collection | rejected | finished | ...
    fee_total: Decimal
    fee_state: str
    reason: str
    ready_at: datetime | None
    #: The code of the counter that accepted the case (server's record; "" if unknown).
    counter: str = ""
    #: The refusal letter's number, given by the server with the refusal ("" otherwise).
    decision_number: str = ""

    @property
    def applicant_name(self) -> str:
        return str(self.applicant.get("name", ""))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _ready_at(data: Mapping[str, Any]) -> datetime | None:
    """When the result came back: the newest finished step before the window's last one."""
    times = [s.get("finished_at") for s in data.get("steps") or []
             if s.get("finished_at") and s.get("post") != "window_finish"]
    if not times:
        return None
    return max(_aware(datetime.fromisoformat(str(t))) for t in times)


def fee_state(session: Session, case_id: str, data: Mapping[str, Any]) -> str:
    """paid (server recorded it, or this counter's cashier took it), waiting, or exempt."""
    total = Decimal(str(data.get("fee_total", "0")))
    if total == 0:
        return "exempt"
    if "payment" in (data.get("window_record") or {}):
        return "paid"
    number = str(data.get("case_number", ""))
    dues = session.scalars(select(FeeAssessment).where(
        (FeeAssessment.case_id == case_id) | (FeeAssessment.case_ref == number)
        | (FeeAssessment.case_ref == case_id)))
    paid = sum((d.total for d in dues if d.status == "paid"), Decimal("0"))
    return "paid" if paid >= total else "waiting"


def result_case(session: Session, case_id: str) -> ResultCase:
    row = session.get(ServerCase, case_id)
    if row is None:
        raise NotFound("中心服务器尚未同步这个案件的审批结果", code="result_case_unknown")
    return _result_case(session, row)


def _result_case(session: Session, row: ServerCase) -> ResultCase:
    data = dict(row.data or {})
    return ResultCase(
        id=row.id, case_number=row.case_number, item_code=row.item_code,
        item_name=row.item_name, project_name=row.project_name,
        applicant=dict(data.get("applicant") or {"name": row.applicant}), status=row.status,
        fee_total=Decimal(str(data.get("fee_total", "0"))),
        fee_state=fee_state(session, row.id, data), reason=str(data.get("outcome_reason", "")),
        ready_at=_ready_at(data), counter=str(data.get("counter") or ""),
        decision_number=str(data.get("decision_number") or ""))


def require_paid(case: ResultCase) -> None:
    if case.fee_state == "waiting":
        raise ResultError(f"该案件应收 {case.fee_total:.2f} 元尚未缴清，请先到收费窗口缴费，缴费后才能制证、发证",
                          code="fee_unpaid")


def current_licence(session: Session, case_id: str) -> Licence | None:
    """The licence that stands for the case (prepared or issued), not a revoked one."""
    return session.scalar(select(Licence).where(
        Licence.case_id == case_id, Licence.status.in_(("prepared", "issued")))
        .order_by(Licence.created_at.desc()))


def licences_of(session: Session, case_id: str) -> list[Licence]:
    return list(session.scalars(select(Licence).where(Licence.case_id == case_id)
                                .order_by(Licence.created_at)))


def field_value(case: ResultCase, source: str) -> str:
    return {"applicant.name": case.applicant_name, "case.project_name": case.project_name,
            "case.case_number": case.case_number, "case.item_name": case.item_name
            }.get(source, "")


def licence_fields(case: ResultCase, template: LicenceTemplate,
                   inputs: Mapping[str, str]) -> dict[str, str]:
    """The printed fields in template order; a required field left empty is refused by name."""
    fields: dict[str, str] = {}
    missing: list[str] = []
    for f in template.fields:
        value = (inputs.get(f.label, "") if f.source == "input" else field_value(case, f.source))
        value = " ".join(str(value).split())
        if len(value) > 200:
            raise ResultError(f"“{f.label}”不能超过 200 字", code="licence_field_too_long")
        if f.required and not value:
            missing.append(f.label)
        fields[f.label] = value
    if missing:
        raise ResultError("请填写：" + "、".join(missing), code="licence_field_missing")
    return fields


def prepare_licence(session: Session, actor: Actor, case_id: str, inputs: Mapping[str, str], *,
                    hall_code: str, seal: HallSeal, now: datetime | None = None,
                    reissue_of: str = "") -> Licence:
    """Take the next number for the item and year, sign the code, store it as ``prepared``.

    A prepared licence not yet printed is returned as it is (same number) when asked again.
    """
    actor.require("clerk")
    now = now or datetime.now(UTC)
    case = result_case(session, case_id)
    standing = current_licence(session, case_id)
    revoked = session.scalar(select(Licence).where(
        Licence.case_id == case_id, Licence.status == "revoked", Licence.replaced_by == "")
        .order_by(Licence.created_at.desc()))
    if revoked is not None and not reissue_of:
        reissue_of = revoked.number  # a revoked licence is replaced by this one
        inputs = inputs or revoked.fields  # as printed before, unless typed again
    if standing is not None and standing.status == "prepared" and not reissue_of:
        reissue_of = standing.reissue_of  # a reissue whose print failed, taken up again
    if case.status != "awaiting_collection" and not (reissue_of and case.status == "finished"):
        raise ResultError("该案件尚未审批通过回到窗口，不能制证", code="not_approved")
    require_paid(case)
    if standing is not None and standing.status == "prepared":
        return standing
    if standing is not None:
        raise ResultError(f"该案件已制发证照 {standing.number}；印错请先撤销再补发，丢失请重打",
                          code="licence_exists")
    if session.scalar(select(Collection.id).where(Collection.case_id == case_id)) and \
            not reissue_of:
        raise ResultError("该案件已领取办结", code="already_collected")
    template = template_for(case.item_code)
    fields = licence_fields(case, template, inputs)
    year = now.astimezone(SHANGHAI).year
    seq = take_next(session, f"licence:{case.item_code}:{year}")
    number = template.number_format.format(item_code=case.item_code, year=year, seq=seq)
    issued_day = now.astimezone(SHANGHAI).strftime("%Y%m%d")
    code = seal.sign_fields(LICENCE_TAG, (hall_code, number, case.item_code, case.case_number,
                                          case.applicant_name, issued_day))
    licence = Licence(
        case_id=case_id, case_number=case.case_number, item_code=case.item_code,
        item_name=case.item_name, template=template.id, title=template.title, year=year, seq=seq,
        number=number, holder=case.applicant_name, fields=fields, code=code, status="prepared",
        prints=0, pdf_file="", reissue_of=reissue_of, issued_at=now, prepared_by=actor.username,
        created_at=now)
    session.add(licence)
    if revoked is not None and revoked.number == reissue_of:
        revoked.replaced_by = number
    session.flush()
    audit.record(session, actor, role="clerk", action="licence.prepare", object_type="licence",
                 object_id=licence.id, after={"number": number, "case": case.case_number,
                                              "reissue_of": reissue_of})
    return licence


#: The section result documents are filed under on the server.
RESULT_SECTION = "结果文书"


def result_file_name(licence: Licence) -> str:
    """The PDF's name on the server (letters, digits, - and _ only)."""
    item = re.sub(r"[^A-Za-z0-9_-]", "", licence.item_code)[:30] or "item"
    return f"licence-{item}-{licence.year}-{licence.seq:05d}.pdf"


def queue_result_upload(session: Session, licence: Licence, data_dir: Path) -> None:
    """Queue the licence's PDF copy for the server (``licence.upload``, a ``result`` upload),
    after the licence itself in the case's order."""
    data = (data_dir / licence.pdf_file).read_bytes()
    outbox.enqueue(session, "licence.upload", {
        "case_id": licence.case_id, "licence_id": licence.id, "file": licence.pdf_file,
        "upload": {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"licence-pdf:{licence.id}")),
                   "section": RESULT_SECTION, "name": result_file_name(licence),
                   "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                   "content_type": "application/pdf", "kind": "result"}})


def licence_printed(session: Session, actor: Actor, licence_id: str, pdf_file: str = "",
                    data_dir: Path | None = None) -> Licence:
    """A print succeeded: the first makes the licence issued (and tells the server), later
    ones count as reprints. With ``data_dir``, the first print's PDF copy (``pdf_file``,
    relative to it) is queued for upload."""
    licence = session.get(Licence, licence_id)
    if licence is None:
        raise NotFound("证照不存在", code="licence_not_found")
    if licence.status == "revoked":
        raise ResultError(f"证照 {licence.number} 已撤销，不能再打印", code="licence_revoked")
    licence.prints += 1
    if pdf_file:
        licence.pdf_file = pdf_file
    if licence.status == "prepared":
        licence.status = "issued"
        audit.record(session, actor, role="clerk", action="licence.issue", object_type="licence",
                     object_id=licence.id, after={"number": licence.number})
        outbox.enqueue(session, "licence.issue", {"case_id": licence.case_id,
                                                  "body": licence_body(licence)})
        collected = session.scalar(select(Collection.id).where(
            Collection.case_id == licence.case_id))
        if collected is None:
            outbox.enqueue(session, "case.action", {"case_id": licence.case_id, "body": {
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"certificate:{licence.id}")),
                "action": "certificate_issued", "certificate_number": licence.number}})
        if licence.pdf_file and data_dir is not None:
            queue_result_upload(session, licence, data_dir)
    else:
        audit.record(session, actor, role="clerk", action="licence.reprint",
                     object_type="licence", object_id=licence.id,
                     after={"number": licence.number, "reprint": licence.prints - 1})
    session.flush()
    return licence


def licence_body(licence: Licence) -> dict[str, Any]:
    """The body of ``POST /api/v1/licences``."""
    return {"id": licence.id, "case_id": licence.case_id, "case_number": licence.case_number,
            "licence_number": licence.number, "item_code": licence.item_code,
            "title": licence.title, "holder": licence.holder,
            "fields": {k: v for k, v in licence.fields.items() if v},
            "code": licence.code, "issued_at": _aware(licence.issued_at).isoformat(),
            "reissue_of": licence.reissue_of}


def revoke_licence(session: Session, actor: Actor, approver: Actor, licence_id: str,
                   reason: str, now: datetime | None = None) -> Licence:
    """Revoke a printed licence (printed wrong, withdrawn): a reason and a supervisor's
    approval, the supervisor being another person than the clerk.

    Once the applicant has collected it, the licence is in their hands: then only a
    supervisor revokes it, with a second supervisor's approval."""
    licence = session.get(Licence, licence_id)
    collected = licence is not None and session.scalar(
        select(Collection.id).where(Collection.case_id == licence.case_id)) is not None
    if collected:
        if "supervisor" not in actor.roles:
            raise PermissionDenied("证照已由申请人领取：须由值班主任撤销，并由另一位值班主任批准",
                                   code="revoke_collected_needs_supervisor")
    else:
        actor.require("clerk")
    if "supervisor" not in approver.roles:
        raise PermissionDenied(f"{approver.full_name} 不是值班主任，不能批准撤销证照",
                               code="approver_not_supervisor")
    if approver.username == actor.username:
        raise PermissionDenied("撤销证照须由另一位值班主任批准，不能自己批准自己",
                               code="approver_is_actor")
    reason = " ".join(reason.split())
    if len(reason) < 2:
        raise ResultError("请写明撤销原因", code="revoke_reason_missing")
    if licence is None:
        raise NotFound("证照不存在", code="licence_not_found")
    if licence.status != "issued":
        raise ResultError(f"证照 {licence.number} 未发出或已撤销，不能撤销", code="licence_not_issued")
    now = now or datetime.now(UTC)
    licence.status = "revoked"
    licence.revoke_reason = reason
    licence.revoked_by = actor.username
    licence.revoke_approved_by = approver.username
    licence.revoked_at = now
    session.flush()
    audit.record(session, actor, role="supervisor" if collected else "clerk",
                 action="licence.revoke", object_type="licence", object_id=licence.id,
                 before={"status": "issued"},
                 after={"status": "revoked", "reason": reason, "approved_by": approver.username,
                        "collected": collected})
    outbox.enqueue(session, "licence.revoke", {"case_id": licence.case_id,
                                               "licence_id": licence.id, "body": {
        "reason": reason, "approved_by": approver.full_name, "revoked_at": now.isoformat()}})
    return licence


def reissue_licence(session: Session, actor: Actor, revoked_id: str, inputs: Mapping[str, str], *,
                    hall_code: str, seal: HallSeal, now: datetime | None = None) -> Licence:
    """A new licence, with a new number, for one that was revoked."""
    old = session.get(Licence, revoked_id)
    if old is None or old.status != "revoked":
        raise ResultError("只能为已撤销的证照补发", code="reissue_needs_revoked")
    new = prepare_licence(session, actor, old.case_id, inputs or old.fields, hall_code=hall_code,
                          seal=seal, now=now, reissue_of=old.number)
    old.replaced_by = new.number
    return new


@dataclass(frozen=True)
class IssuedLicence:
    """A licence as the revocation screen lists it, with its collection if there was one."""

    id: str
    case_id: str
    case_number: str
    number: str
    title: str
    item_name: str
    holder: str
    status: str  # prepared (a reissue whose print failed) | issued | revoked
    issued_at: datetime
    prints: int
    collector: str  # "" until collected
    collected_at: datetime | None
    revoke_reason: str
    replaced_by: str = ""

    @property
    def collected(self) -> bool:
        return self.collected_at is not None


def issued_licences(session: Session, search: str = "", limit: int = 200) -> list[IssuedLicence]:
    """Printed licences, newest first, collected ones included; ``search`` matches the
    licence number, the case number or the holder."""
    query = select(Licence, Collection).outerjoin(
        Collection, Collection.case_id == Licence.case_id).where(
        Licence.status.in_(("prepared", "issued", "revoked")))
    text = search.strip()
    if text:
        like = f"%{text}%"
        query = query.where(Licence.number.like(like) | Licence.case_number.like(like)
                            | Licence.holder.like(like))
    rows = session.execute(query.order_by(Licence.issued_at.desc(), Licence.number.desc())
                           .limit(limit))
    return [IssuedLicence(
        id=lic.id, case_id=lic.case_id, case_number=lic.case_number, number=lic.number,
        title=lic.title, item_name=lic.item_name, holder=lic.holder, status=lic.status,
        issued_at=_aware(lic.issued_at), prints=lic.prints,
        collector=col.collector_name if col is not None else "",
        collected_at=_aware(col.at) if col is not None else None,
        revoke_reason=lic.revoke_reason, replaced_by=lic.replaced_by) for lic, col in rows]
