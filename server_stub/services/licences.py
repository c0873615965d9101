"""Licences and receipts as /verify knows them: the hall's keys, the records, their standing.

Writes are keyed by the counter's UUIDs, so a repeated upload (a retry after a lost answer)
returns the stored record instead of failing; a different record under a taken number is a
conflict. Reading a code never needs a login: the signature says who issued it, the record
says whether it still stands.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.clock import shown
from server_stub.core.errors import Conflict, DomainError, Forbidden, NotFound
from server_stub.models import (
    Case,
    Hall,
    HallSigningKey,
    LicenceRecord,
    ReceiptRecord,
    SmsMessage,
)
from server_stub.schemas.licence import (
    CollectionCodeIn,
    LicenceIn,
    LicenceRevokeIn,
    ReceiptIn,
    ReceiptStatusIn,
)
from server_stub.services import seal
from server_stub.services.auth import Principal


def _hall_id(user: Principal) -> uuid.UUID:
    if user.hall_id is None:
        raise DomainError("hall_only", "只有大厅的账户可以登记证照、票据和签名公钥", status=403)
    return user.hall_id


def register_key(session: Session, user: Principal, public_key: str, label: str,
                 now: datetime) -> tuple[int, HallSigningKey]:
    try:
        raw = seal.public_key_valid(public_key)
    except ValueError as exc:
        raise DomainError("public_key_invalid", "公钥不是有效的 Ed25519 公钥（32 字节 base64url）") \
            from exc
    key_id = seal.key_id_of(raw)
    existing = session.get(HallSigningKey, key_id)
    hall_id = _hall_id(user)
    if existing is not None:
        if existing.hall_id != hall_id:
            raise Conflict("public_key_taken", "该公钥已登记在另一个大厅名下")
        return 200, existing
    row = HallSigningKey(key_id=key_id, hall_id=hall_id, public_key=public_key.rstrip("="),
                         label=label, registered_by=user.username, created_at=now)
    session.add(row)
    session.flush()
    return 201, row


def _checked_code(session: Session, hall_id: uuid.UUID, code: str, kind: str) -> seal.SealedCode:
    """An uploaded record's code must be ours, of this hall, and hold under a registered key."""
    try:
        sealed = seal.parse(code)
    except seal.SealError as exc:
        raise DomainError(exc.code, exc.message) from exc
    key = session.get(HallSigningKey, sealed.key_id)
    if sealed.kind != kind or key is None or key.hall_id != hall_id:
        raise DomainError("signing_key_unknown",
                          "二维码内容的签名公钥未在本大厅登记：请先登记本窗口的签名公钥")
    if not seal.check(sealed, key.public_key):
        raise DomainError("code_signature_invalid", "二维码内容的签名不成立")
    return sealed


def record_licence(session: Session, user: Principal, body: LicenceIn,
                   now: datetime) -> tuple[int, LicenceRecord]:
    hall_id = _hall_id(user)
    existing = session.get(LicenceRecord, body.id)
    if existing is not None:
        if existing.hall_id != hall_id or existing.licence_number != body.licence_number:
            raise Conflict("licence_id_taken", "该证照标识已用于另一张证照")
        return 200, existing
    sealed = _checked_code(session, hall_id, body.code, "licence")
    if sealed.fields["licence_number"] != body.licence_number or \
            sealed.fields["holder"] != body.holder:
        raise DomainError("code_fields_mismatch", "二维码内容与登记的证号或持证人不一致")
    taken = session.scalar(select(LicenceRecord).where(
        LicenceRecord.hall_id == hall_id, LicenceRecord.licence_number == body.licence_number))
    if taken is not None:
        raise Conflict("licence_number_taken", f"证号 {body.licence_number} 已登记为另一张证照")
    row = LicenceRecord(
        id=body.id, hall_id=hall_id, case_id=body.case_id, case_number=body.case_number,
        licence_number=body.licence_number, item_code=body.item_code, title=body.title,
        holder=body.holder, fields=dict(body.fields), code=body.code.strip(),
        issued_at=body.issued_at, status="valid", revoked_reason="", revoked_at=None,
        replaced_by="", created_at=now)
    session.add(row)
    if body.reissue_of:
        old = session.scalar(select(LicenceRecord).where(
            LicenceRecord.hall_id == hall_id, LicenceRecord.licence_number == body.reissue_of))
        if old is not None and not old.replaced_by:
            old.replaced_by = body.licence_number
    session.flush()
    return 201, row


def revoke_licence(session: Session, user: Principal, licence_id: uuid.UUID,
                   body: LicenceRevokeIn) -> LicenceRecord:
    hall_id = _hall_id(user)
    row = session.get(LicenceRecord, licence_id)
    if row is None or row.hall_id != hall_id:
        # The revocation may overtake its licence's upload: the counter retries on 409.
        raise Conflict("licence_unknown", "中心尚未收到这张证照的登记，稍后重试")
    if row.status != "revoked":
        row.status = "revoked"
        row.revoked_reason = f"{body.reason}（批准人：{body.approved_by}）"
        row.revoked_at = body.revoked_at
    if body.replaced_by:
        row.replaced_by = body.replaced_by
    session.flush()
    return row


def record_receipt(session: Session, user: Principal, body: ReceiptIn,
                   now: datetime) -> tuple[int, ReceiptRecord]:
    hall_id = _hall_id(user)
    existing = session.get(ReceiptRecord, body.id)
    if existing is not None:
        if existing.hall_id != hall_id or existing.number != body.number:
            raise Conflict("receipt_id_taken", "该票据标识已用于另一张票据")
        return 200, existing
    taken = session.scalar(select(ReceiptRecord).where(
        ReceiptRecord.hall_id == hall_id, ReceiptRecord.stock_code == body.stock_code,
        ReceiptRecord.number == body.number))
    if taken is not None:
        raise Conflict("receipt_number_taken",
                       f"票据 {body.stock_code}-{body.number} 已登记为另一笔收款")
    row = ReceiptRecord(
        id=body.id, hall_id=hall_id, payment_id=body.payment_id, stock_code=body.stock_code,
        number=body.number, total=f"{body.total:.2f}", payer_masked=body.payer_masked,
        case_number=body.case_number, issued_at=body.issued_at, status="issued",
        status_reason="", status_at=None, created_at=now)
    session.add(row)
    session.flush()
    return 201, row


def receipt_status(session: Session, user: Principal, payment_id: str,
                   body: ReceiptStatusIn) -> list[ReceiptRecord]:
    """A payment voided or refunded: every receipt of it says so at /verify."""
    hall_id = _hall_id(user)
    rows = list(session.scalars(select(ReceiptRecord).where(
        ReceiptRecord.hall_id == hall_id, ReceiptRecord.payment_id == payment_id)))
    if not rows:
        raise Conflict("receipt_unknown", "中心尚未收到这笔收款的票据登记，稍后重试")
    for row in rows:
        if row.status == "voided":
            continue  # voided is final; a refund after it changes nothing
        row.status = body.status
        row.status_reason = body.reason
        row.status_at = body.at
    session.flush()
    return rows


def licence_by_id(session: Session, licence_id: uuid.UUID) -> LicenceRecord:
    row = session.get(LicenceRecord, licence_id)
    if row is None:
        raise NotFound("licence_not_found", "证照不存在")
    return row


COLLECTION_CODE_TEXT = ("【行政服务中心】您申请的“{item}”（受理号 {number}）结果已可领取，"
                        "领取码 {code}，{until} 前有效。请勿将领取码告诉他人。")


def send_collection_code(session: Session, user: Principal, case_id: uuid.UUID,
                         body: CollectionCodeIn, now: datetime) -> bool:
    """Text the applicant the counter's one-time collection code (once per code id)."""
    hall_id = _hall_id(user)
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound("case_not_found", "受理件不存在")
    if case.hall_id != hall_id:
        raise Forbidden("case_forbidden", "无权访问该受理件")
    if session.get(SmsMessage, body.id) is not None:
        return False
    if case.status != "awaiting_collection":
        raise Conflict("not_at_window", "受理件不在待领取状态，不发送领取码")
    phone = str(case.applicant.get("phone", ""))
    if not phone:
        raise DomainError("no_phone", "申请人没有登记手机号")
    text = COLLECTION_CODE_TEXT.format(item=case.item_name, number=case.case_number,
                                       code=body.code, until=shown(body.expires_at)[:10])
    session.add(SmsMessage(id=body.id, case_id=case.id, phone=phone, kind="collection_code",
                           text=text, status="queued", attempts=0, next_attempt_at=now,
                           created_at=now))
    session.flush()
    return True


# -- verification -------------------------------------------------------------------------------

VERDICT_TEXT = {
    "genuine": "真实有效：该{doc}由{hall}签发，内容与签发时一致。",
    "revoked": "已撤销：该{doc}由{hall}签发，但已被撤销，不再有效。",
    "voided": "已作废：该票据由{hall}开具，但已作废，不能作为缴费凭证。",
    "refunded": "已退款：该票据由{hall}开具，款项已退还。",
    "unregistered": "签名真实（{hall}签发），但中心尚未收到该{doc}的登记，可能尚未同步，请稍后再查。",
    "not_genuine": "不是真实的{doc}：验真码的签名不成立，内容可能被伪造或涂改。",
}


def verify(session: Session, code: str) -> dict[str, Any]:
    """What a scanned or typed code vouches for, and whether it still stands."""
    try:
        sealed = seal.parse(code)
    except seal.SealError as exc:
        return {"verdict": "not_genuine", "genuine": False, "message": exc.message}
    doc = "证照" if sealed.kind == "licence" else "票据"
    key = session.get(HallSigningKey, sealed.key_id)
    if key is None or not seal.check(sealed, key.public_key):
        return {"verdict": "not_genuine", "genuine": False, "kind": sealed.kind,
                "message": VERDICT_TEXT["not_genuine"].format(doc=doc, hall="")}
    hall = session.get(Hall, key.hall_id)
    assert hall is not None
    # The hall is the one that registered the key (the code's hall field is the counter's
    # own name for it and only shown).
    fields: dict[str, Any] = dict(sealed.fields)
    record: dict[str, Any] | None = None
    verdict = "unregistered"
    if sealed.kind == "licence":
        row = session.scalar(select(LicenceRecord).where(
            LicenceRecord.hall_id == hall.id,
            LicenceRecord.licence_number == fields["licence_number"]))
        if row is not None:
            verdict = "revoked" if row.status == "revoked" else "genuine"
            record = {"licence_number": row.licence_number, "title": row.title,
                      "holder": row.holder, "case_number": row.case_number,
                      "item_code": row.item_code, "fields": row.fields,
                      "issued_at": shown(row.issued_at), "status": row.status,
                      "revoked_reason": row.revoked_reason,
                      "revoked_at": shown(row.revoked_at) if row.revoked_at else "",
                      "replaced_by": row.replaced_by}
    else:
        receipt = session.scalar(select(ReceiptRecord).where(
            ReceiptRecord.hall_id == hall.id, ReceiptRecord.stock_code == fields["stock_code"],
            ReceiptRecord.number == fields["number"]))
        if receipt is not None:
            verdict = {"issued": "genuine"}.get(receipt.status, receipt.status)
            record = {"stock_code": receipt.stock_code, "number": receipt.number,
                      "total": receipt.total, "payer": receipt.payer_masked,
                      "case_number": receipt.case_number, "issued_at": shown(receipt.issued_at),
                      "status": receipt.status, "status_reason": receipt.status_reason,
                      "status_at": shown(receipt.status_at) if receipt.status_at else ""}
    return {"verdict": verdict, "genuine": verdict == "genuine", "kind": sealed.kind,
            "hall": hall.code, "hall_name": hall.name, "fields": fields, "record": record,
            "message": VERDICT_TEXT[verdict].format(doc=doc, hall=hall.name)}
