"""Collection (领取) at the window: who may take the result, and the record that they did.

The applicant shows the ID the case was filed with; an agent shows their own ID and a letter
of authorisation, captured as a page; or the collector gives the one-time code sent by SMS
when the result was ready (a few tries, then locked; it expires). Payment must be complete
and the licence issued. The collector's signature image is kept beside the case; the server
hears ``collected`` and ``finished`` through ``case.action`` messages.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_client.core import audit, outbox
from hall_client.core.actor import Actor
from hall_client.core.cases.identity import IdentityError, check_id, check_name, normalise_id
from hall_client.core.output_file import write_atomically
from hall_client.core.results.licences import (
    ResultError,
    current_licence,
    require_paid,
    result_case,
)
from hall_client.store.results_models import Collection, CollectionCode

CODE_DIGITS = 6
CODE_TRIES = 5
CODE_VALID = timedelta(days=30)
VERIFIED_FOR = timedelta(minutes=30)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"


@dataclass(frozen=True)
class Collector:
    """Who stands at the window. ``kind``: applicant or agent; ``method``: id or sms."""

    kind: str
    name: str
    method: str
    id_type: str = "resident_id"
    id_number: str = ""
    authorisation: bytes = b""  # the letter of authorisation page (JPEG or PNG), agents only


def _digest(case_id: str, code: str) -> str:
    return hashlib.sha256(f"{case_id}|{code.strip()}".encode()).hexdigest()


def mask_id(number: str) -> str:
    return number[:3] + "*" * max(0, len(number) - 7) + number[-4:] if len(number) > 7 else "****"


def send_collection_code(session: Session, actor: Actor, case_id: str, *,
                         now: datetime | None = None) -> str:
    """A new one-time code for the case (an earlier one stops working), sent to the
    applicant's phone by the server (outbox ``case.collection_code``). Returns the code."""
    actor.require("clerk")
    now = now or datetime.now(UTC)
    case = result_case(session, case_id)
    if case.status != "awaiting_collection":
        raise ResultError("该案件不在待领取状态，不能发送领取码", code="not_awaiting_collection")
    phone = str(case.applicant.get("phone", ""))
    if not phone:
        raise ResultError("该案件没有申请人手机号，请核验身份证件领取", code="no_phone")
    for old in session.scalars(select(CollectionCode).where(
            CollectionCode.case_id == case_id, CollectionCode.state.in_(("open", "locked")))):
        old.state = "replaced"
    code = f"{secrets.randbelow(10 ** CODE_DIGITS):0{CODE_DIGITS}d}"
    row = CollectionCode(case_id=case_id, phone=phone, code_hash=_digest(case_id, code),
                         tries_left=CODE_TRIES, sent_at=now, expires_at=now + CODE_VALID,
                         state="open")
    session.add(row)
    session.flush()
    audit.record(session, actor, role="clerk", action="collection.code_sent",
                 object_type="case", object_id=case_id, after={"phone": mask_id(phone)})
    outbox.enqueue(session, "case.collection_code", {"case_id": case_id, "body": {
        "id": row.id, "code": code, "expires_at": row.expires_at.isoformat()}})
    return code


def code_sent_at(session: Session, case_id: str) -> datetime | None:
    return session.scalar(select(CollectionCode.sent_at).where(
        CollectionCode.case_id == case_id).order_by(CollectionCode.sent_at.desc()))


def check_collection_code(session: Session, case_id: str, code: str, *,
                          now: datetime | None = None) -> None:
    """Check a code typed at the window. A wrong one uses up a try, and this is kept even
    though the check fails: the caller commits before showing the error (see
    :func:`code_attempt`)."""
    raise_for = code_attempt(session, case_id, code, now=now)
    if raise_for is not None:
        raise raise_for


def code_attempt(session: Session, case_id: str, code: str, *,
                 now: datetime | None = None) -> ResultError | None:
    """Record one attempt; return the error to show (to raise after committing) or None."""
    now = now or datetime.now(UTC)
    row = session.scalar(select(CollectionCode).where(
        CollectionCode.case_id == case_id, CollectionCode.state.in_(("open", "locked")))
        .order_by(CollectionCode.sent_at.desc()))
    if row is None:
        return ResultError("该案件没有有效的领取码，请重新发送或核验身份证件", code="sms_code_none")
    if row.state == "locked" or row.tries_left <= 0:
        return ResultError("领取码错误次数过多，已失效；请核验身份证件或重新发送", code="sms_code_locked")
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
    if now > expires:
        row.state = "expired"
        return ResultError("领取码已过期，请重新发送或核验身份证件", code="sms_code_expired")
    typed = "".join(code.split())
    if not (typed.isdigit() and len(typed) == CODE_DIGITS):
        return ResultError(f"领取码应为 {CODE_DIGITS} 位数字", code="sms_code_format")
    if not hmac.compare_digest(row.code_hash, _digest(case_id, typed)):
        row.tries_left -= 1
        if row.tries_left <= 0:
            row.state = "locked"
            return ResultError("领取码错误次数过多，已失效；请核验身份证件或重新发送",
                               code="sms_code_locked")
        return ResultError(f"领取码不正确，还可以再试 {row.tries_left} 次", code="sms_code_wrong")
    row.state = "used"
    row.used_at = now
    return None


def _sms_verified(session: Session, case_id: str, now: datetime) -> bool:
    used = session.scalar(select(CollectionCode.used_at).where(
        CollectionCode.case_id == case_id, CollectionCode.state == "used")
        .order_by(CollectionCode.used_at.desc()))
    if used is None:
        return False
    used = used if used.tzinfo else used.replace(tzinfo=UTC)
    return now - used <= VERIFIED_FOR


def check_identity(session: Session, case_id: str, who: Collector, *,
                   now: datetime | None = None) -> str:
    """The collector's normalised ID (or "" on the SMS path) if they may collect; raises
    IdentityError / ResultError saying what does not match."""
    now = now or datetime.now(UTC)
    case = result_case(session, case_id)
    check_name(who.name, "领取人姓名")
    if who.method == "sms":
        if not _sms_verified(session, case_id, now):
            raise ResultError("请先核对短信领取码", code="sms_code_not_checked")
        return ""
    if who.method != "id":
        raise ResultError("领取方式无效", code="collection_method_invalid")
    number = check_id(who.id_type, who.id_number, today=now.date())
    if who.kind == "agent":
        if not who.authorisation.startswith((JPEG_MAGIC, PNG_MAGIC)):
            raise ResultError("代领须拍摄授权委托书（图片）", code="authorisation_missing")
        return number
    applicant_id = normalise_id(str(case.applicant.get("id_number", "")))
    if str(case.applicant.get("kind", "person")) != "person":
        raise IdentityError("申请人是单位：请由经办人持授权委托书代领，或使用短信领取码",
                            code="organisation_needs_agent")
    if number != applicant_id:
        raise IdentityError("领取人证件号码与申请时登记的申请人证件不一致，不能领取",
                            code="collector_id_mismatch")
    return number


def collect(session: Session, actor: Actor, case_id: str, who: Collector, signature_png: bytes,
            *, data_dir: Path, now: datetime | None = None) -> Collection:
    """Hand the result over: checks payment, licence, identity; keeps the signature (and the
    letter of authorisation) under ``results/<case>/``; queues ``collected`` and ``finished``."""
    actor.require("clerk")
    now = now or datetime.now(UTC)
    case = result_case(session, case_id)
    if case.status != "awaiting_collection":
        raise ResultError("该案件不在待领取状态", code="not_awaiting_collection")
    require_paid(case)
    if session.scalar(select(Collection.id).where(Collection.case_id == case_id)):
        raise ResultError("该案件已领取", code="already_collected")
    licence = current_licence(session, case_id)
    if licence is None or licence.status != "issued":
        raise ResultError("证照尚未打印发出，请先制证打印", code="licence_not_issued")
    number = check_identity(session, case_id, who, now=now)
    if not signature_png.startswith(PNG_MAGIC):
        raise ResultError("请领取人在签名板上签名", code="signature_missing")
    collection_id = str(uuid.uuid4())
    folder = Path("results") / case_id
    (data_dir / folder).mkdir(parents=True, exist_ok=True)
    signature_file = folder / f"signature-{collection_id}.png"
    write_atomically(data_dir / signature_file, lambda p: p.write_bytes(signature_png))
    letter = ""
    if who.kind == "agent" and who.authorisation:
        ext = "png" if who.authorisation.startswith(PNG_MAGIC) else "jpg"
        letter = str(folder / f"authorisation-{collection_id}.{ext}")
        write_atomically(data_dir / letter, lambda p: p.write_bytes(who.authorisation))
    row = Collection(id=collection_id, case_id=case_id, licence_id=licence.id,
                     collector_kind=who.kind, collector_name=who.name.strip(),
                     collector_id_masked=mask_id(number) if number else "",
                     method=who.method, authorisation_file=letter,
                     signature_file=str(signature_file), clerk=actor.username, at=now)
    session.add(row)
    session.flush()
    audit.record(session, actor, role="clerk", action="collection.handover",
                 object_type="case", object_id=case_id,
                 after={"licence": licence.number, "collector": who.name.strip(),
                        "kind": who.kind, "method": who.method})
    who_text = who.name.strip() + ("（代领）" if who.kind == "agent" else "")
    outbox.enqueue(session, "case.action", {"case_id": case_id, "body": {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"collected:{collection_id}")),
        "action": "collected", "collector": who_text[:100]}})
    outbox.enqueue(session, "case.action", {"case_id": case_id, "body": {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"finished:{collection_id}")),
        "action": "finished", "opinion": f"证照 {licence.number} 已由 {who_text} 签收领取"}})
    return row


def collection_of(session: Session, case_id: str) -> Collection | None:
    return session.scalar(select(Collection).where(Collection.case_id == case_id))
