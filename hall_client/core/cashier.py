"""The cashier's till: sessions with an opening float, payments, voids, refunds, X and Z reports.

Each operation is one transaction that writes the domain rows and an audit line; taking a
payment also takes the receipt number and writes the pending receipt row, so that the money,
the number and the paper stay in step whatever happens to the printer or the program.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_client.core import audit, outbox, receipt_stock
from hall_client.core.actor import Actor
from hall_client.core.errors import DomainError, NotFound, PermissionDenied
from hall_client.core.fees import Assessment
from hall_client.core.money import MAX_AMOUNT, ZERO, money, parse_amount
from hall_client.core.sequences import take_next
from hall_client.core.settings import SHANGHAI
from hall_client.store.cashier_models import (
    CashSession,
    FeeAssessment,
    Payment,
    PaymentPart,
    ReceiptRecord,
    Refund,
)
from hall_client.store.models import Person, utcnow

METHODS = {"cash": "现金", "transfer": "转账", "wire": "电汇"}
#: Banknotes and coins counted at the Z close, in yuan.
DENOMINATIONS = ("100", "50", "20", "10", "5", "1", "0.5", "0.1", "0.05", "0.02", "0.01")


class CashierError(DomainError):
    code = "cashier_error"


@dataclass(frozen=True)
class PartInput:
    """One method's share of a payment as entered: method, amount, bank reference."""

    method: str
    amount: Decimal | str
    reference: str = ""


def local_day(moment: datetime) -> date:
    """The calendar day in Asia/Shanghai, which is what "same day" means at the hall."""
    return moment.astimezone(SHANGHAI).date()


def queue_assessment(session: Session, actor: Actor, *, case_ref: str, item_code: str,
                     department: str, payer: str, assessment: Assessment) -> FeeAssessment:
    """The clerk's assessment joins the cashier's queue."""
    actor.require("clerk")
    if not payer.strip():
        raise CashierError("请填写交款人", code="payer_missing")
    if assessment.total <= 0:
        raise CashierError("应收金额为零，无需收费", code="assessment_zero")
    row = FeeAssessment(
        case_ref=case_ref, item_code=item_code, department=department, payer=payer.strip(),
        lines=[{"fee_code": ln.fee_code, "name": ln.name, "basis": ln.basis,
                "quantity": str(ln.quantity), "unit": ln.unit, "standard": ln.standard,
                "gross": str(ln.gross), "amount": str(ln.amount),
                "reduction": None if ln.reduction is None else {
                    "kind": ln.reduction.kind, "reason": ln.reduction.reason,
                    "legal_basis": ln.reduction.legal_basis, "value": str(ln.reduction.value)}}
               for ln in assessment.lines],
        total=assessment.total, created_by=actor.username)
    session.add(row)
    session.flush()
    audit.record(session, actor, role="clerk", action="fee.assess", object_type="fee_assessment",
                 object_id=row.id, after={"case": case_ref, "total": str(row.total)})
    return row


def queue(session: Session) -> list[FeeAssessment]:
    return list(session.scalars(select(FeeAssessment).where(FeeAssessment.status == "queued")
                                .order_by(FeeAssessment.created_at)))


def open_session(session: Session, actor: Actor, opening_float: Decimal | str,
                 *, blind: bool = False) -> CashSession:
    actor.require("cashier")
    if current_session(session, actor, required=False) is not None:
        raise CashierError("已有未日结的收款班次，请先结账", code="session_already_open")
    amount = parse_amount(opening_float, field="备用金", allow_zero=True)
    row = CashSession(number=take_next(session, "cash_session"), cashier=actor.username,
                      counter=actor.counter, opening_float=amount, blind=blind)
    session.add(row)
    session.flush()
    audit.record(session, actor, role="cashier", action="cash.open", object_type="cash_session",
                 object_id=row.id, after={"float": str(amount), "blind": blind,
                                          "number": row.number})
    return row


def current_session(session: Session, actor: Actor, *, required: bool = True) -> CashSession | None:
    row = session.scalar(select(CashSession).where(CashSession.cashier == actor.username,
                                                   CashSession.status == "open"))
    if row is None and required:
        raise CashierError("请先开班（录入备用金）", code="session_not_open")
    return row


def _parts(parts: Sequence[PartInput]) -> list[PaymentPart]:
    if not parts:
        raise CashierError("请选择收款方式", code="payment_method_missing")
    out = []
    for part in parts:
        if part.method not in METHODS:
            raise CashierError(f"收款方式无效：{part.method}（现金、转账、电汇）",
                               code="payment_method_invalid")
        name = METHODS[part.method]
        amount = parse_amount(part.amount, field=f"{name}金额")
        reference = part.reference.strip()
        if part.method != "cash" and not reference:
            raise CashierError(f"{name}须填写银行流水号", code="payment_reference_missing")
        out.append(PaymentPart(method=part.method, amount=amount, reference=reference))
    return out


def take_payment(session: Session, actor: Actor, assessment_id: str,
                 parts: Sequence[PartInput], *, tendered: Decimal | str | None = None,
                 ) -> tuple[Payment, ReceiptRecord]:
    """Take payment for a queued assessment and take its receipt number, in one transaction.

    ``tendered`` is the cash handed over (defaults to the cash part); change is worked out.
    """
    actor.require("cashier")
    till = current_session(session, actor)
    assert till is not None
    due = session.get(FeeAssessment, assessment_id)
    if due is None:
        raise NotFound(f"找不到待收费记录 {assessment_id}", code="assessment_not_found")
    if due.status != "queued":
        raise CashierError(f"该笔费用已{'收' if due.status == 'paid' else '撤销'}，不能重复收费",
                           code="assessment_not_queued")
    rows = _parts(parts)
    paid = money(sum((p.amount for p in rows), ZERO))
    if paid != due.total:
        raise CashierError(f"各收款方式合计 {paid} 与应收 {due.total} 不符",
                           code="payment_split_mismatch")
    cash = money(sum((p.amount for p in rows if p.method == "cash"), ZERO))
    given = cash if tendered is None else parse_amount(tendered, field="实收现金",
                                                       allow_zero=True, maximum=MAX_AMOUNT)
    if given < cash:
        raise CashierError(f"实收现金 {given} 少于应收现金 {cash}", code="tendered_short")
    if given and not cash:
        raise CashierError("本笔没有现金部分，不应录入实收现金", code="tendered_without_cash")
    payment = Payment(session_id=till.id, assessment_id=due.id, payer=due.payer, total=due.total,
                      tendered=given, change=given - cash, parts=rows)
    session.add(payment)
    due.status = "paid"
    session.flush()
    audit.record(session, actor, role="cashier", action="payment.take", object_type="payment",
                 object_id=payment.id,
                 after={"assessment": due.id, "total": str(due.total),
                        "parts": [[p.method, str(p.amount), p.reference] for p in rows],
                        "tendered": str(given), "change": str(payment.change)})
    receipt = receipt_stock.take_number(session, actor, payment.id)
    outbox.enqueue(session, "fee.paid", {
        "payment": payment.id, "case": due.case_ref, "item": due.item_code,
        "total": str(due.total), "stock_code": receipt.stock_code,
        "number": receipt_stock.format_number(receipt.number), "cashier": actor.username,
        "at": payment.created_at.isoformat()})
    from hall_client.core.results.receipts import queue_receipt_record

    queue_receipt_record(session, payment, receipt, due, receipt_stock.format_number(receipt.number))
    return payment, receipt


def _approval(actor: Actor, approver: Actor) -> None:
    approver.require("supervisor")
    if approver.username == actor.username:
        raise PermissionDenied("须由另一位值班主任批准", code="approver_must_differ")


def void_payment(session: Session, actor: Actor, approver: Actor, payment_id: str,
                 reason: str) -> Payment:
    """Void a payment taken today in the open session; its receipt becomes 作废."""
    actor.require("cashier")
    _approval(actor, approver)
    if not reason.strip():
        raise CashierError("作废收款必须填写原因", code="void_reason_missing")
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise NotFound(f"找不到收款记录 {payment_id}", code="payment_not_found")
    till = current_session(session, actor)
    if payment.status != "paid" or payment.refunded > 0:
        raise CashierError("该笔收款已作废或已退款，不能作废", code="payment_not_voidable")
    if till is None or payment.session_id != till.id or \
            local_day(payment.created_at) != local_day(utcnow()):
        raise CashierError("只能作废本班次当天的收款；其他请走退款", code="void_not_same_day")
    payment.status, payment.voided_at = "voided", utcnow()
    payment.void_reason, payment.void_approved_by = reason, approver.username
    due = session.get(FeeAssessment, payment.assessment_id)
    if due is not None:
        due.status = "queued"
    for receipt in session.scalars(select(ReceiptRecord).where(
            ReceiptRecord.payment_id == payment.id, ReceiptRecord.status != "spoiled")):
        receipt_stock.spoil(session, actor, receipt.id, f"收款作废：{reason}")
    audit.record(session, actor, role="cashier", action="payment.void", object_type="payment",
                 object_id=payment.id, before={"status": "paid"},
                 after={"status": "voided", "reason": reason, "approved_by": approver.username})
    outbox.enqueue(session, "fee.voided", {"payment": payment.id, "reason": reason,
                                           "approved_by": approver.username})
    return payment


def refund(session: Session, actor: Actor, approver: Actor, payment_id: str,
           amount: Decimal | str, reason: str, *, method: str = "cash",
           reference: str = "") -> Refund:
    """Give money back against an earlier payment (any day), linked to it, with approval."""
    actor.require("cashier")
    _approval(actor, approver)
    if not reason.strip():
        raise CashierError("退款必须填写原因", code="refund_reason_missing")
    if method not in METHODS:
        raise CashierError(f"退款方式无效：{method}", code="payment_method_invalid")
    if method != "cash" and not reference.strip():
        raise CashierError("转账/电汇退款须填写银行流水号", code="payment_reference_missing")
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise NotFound(f"找不到原收款记录 {payment_id}", code="payment_not_found")
    if payment.status != "paid":
        raise CashierError("原收款已作废，不能退款", code="payment_not_refundable")
    value = parse_amount(amount, field="退款金额")
    left = payment.total - payment.refunded
    if value > left:
        raise CashierError(f"退款 {value} 超过可退金额 {left}", code="refund_too_large")
    till = current_session(session, actor)
    assert till is not None
    row = Refund(payment_id=payment.id, session_id=till.id, amount=value, method=method,
                 reference=reference.strip(), reason=reason, approved_by=approver.username)
    payment.refunded = payment.refunded + value
    session.add(row)
    session.flush()
    audit.record(session, actor, role="cashier", action="payment.refund", object_type="refund",
                 object_id=row.id, after={"payment": payment.id, "amount": str(value),
                                          "method": method, "reason": reason,
                                          "approved_by": approver.username})
    outbox.enqueue(session, "fee.refunded", {"payment": payment.id, "refund": row.id,
                                             "amount": str(value), "reason": reason})
    return row


@dataclass(frozen=True)
class TillReport:
    """X report (any time) or the figures a Z close compares against."""

    session_number: int
    cashier: str
    opening_float: Decimal
    taken: Mapping[str, Decimal]  # per method, payments not voided
    refunded: Mapping[str, Decimal]  # per method
    net: Mapping[str, Decimal]  # taken − refunded, per method
    expected_cash: Decimal  # float + net cash: what the drawer should hold
    payments: int
    voided: int
    voided_amount: Decimal
    refunds: int
    receipts_printed: int
    receipts_spoiled: int
    receipts_pending: int
    reprints: int
    extra: dict[str, str] = field(default_factory=dict)


def till_report(session: Session, till: CashSession) -> TillReport:
    taken = {m: ZERO for m in METHODS}
    refunded = {m: ZERO for m in METHODS}
    count = voided = 0
    voided_amount = ZERO
    payments = session.scalars(select(Payment).where(Payment.session_id == till.id)).all()
    for payment in payments:
        if payment.status == "voided":
            voided += 1
            voided_amount += payment.total
            continue
        count += 1
        for part in payment.parts:
            taken[part.method] += part.amount
    refunds = session.scalars(select(Refund).where(Refund.session_id == till.id)).all()
    for row in refunds:
        refunded[row.method] += row.amount
    net = {m: taken[m] - refunded[m] for m in METHODS}
    ids = [p.id for p in payments]
    receipts = session.scalars(select(ReceiptRecord).where(ReceiptRecord.payment_id.in_(ids))
                               ).all() if ids else []
    return TillReport(
        session_number=till.number, cashier=till.cashier, opening_float=till.opening_float,
        taken=taken, refunded=refunded, net=net,
        expected_cash=till.opening_float + net["cash"], payments=count, voided=voided,
        voided_amount=voided_amount, refunds=len(refunds),
        receipts_printed=sum(r.status == "printed" for r in receipts),
        receipts_spoiled=sum(r.status == "spoiled" for r in receipts),
        receipts_pending=sum(r.status == "pending" for r in receipts),
        reprints=sum(r.reprints for r in receipts))


def expected_for_close(session: Session, actor: Actor) -> Decimal | None:
    """The expected cash the Z close dialog may show: None when the session counts blind.

    Unlike :func:`x_report` this is not an X report and is not audited as one.
    """
    actor.require("cashier")
    till = current_session(session, actor)
    assert till is not None
    return None if till.blind else till_report(session, till).expected_cash


def x_report(session: Session, actor: Actor) -> TillReport:
    """The open session's figures. With blind counting the expected cash is withheld."""
    till = current_session(session, actor)
    assert till is not None
    report = till_report(session, till)
    audit.record(session, actor, role="cashier", action="cash.x_report",
                 object_type="cash_session", object_id=till.id)
    if till.blind:
        return TillReport(**{**report.__dict__, "expected_cash": ZERO,
                             "extra": {"blind": "盲点模式：应有现金在结账后显示"}})
    return report


#: Most pieces of one denomination a drawer count may list (a typing slip beyond this is refused).
MAX_PIECES = 999_999


def count_denominations(counts: Mapping[str, int]) -> Decimal:
    total = ZERO
    for denomination, pieces in counts.items():
        if denomination not in DENOMINATIONS:
            raise CashierError(f"面额无效：{denomination}（可用：{'、'.join(DENOMINATIONS)}）",
                               code="denomination_invalid")
        if not isinstance(pieces, int) or not 0 <= pieces <= MAX_PIECES:
            raise CashierError(f"面额 {denomination} 的张数应为 0 至 {MAX_PIECES} 的整数：{pieces}",
                               code="denomination_count_invalid")
        total += Decimal(denomination) * pieces
    return money(total)


def close_session(session: Session, actor: Actor, counts: Mapping[str, int],
                  reason: str = "") -> tuple[CashSession, TillReport]:
    """Z close: count the drawer by denomination and compare with the expected cash.

    A difference needs a reason; pending receipts must be printed or spoiled first.
    """
    till = current_session(session, actor)
    assert till is not None
    if receipt_stock.pending_receipts(session, actor.username):
        raise CashierError("还有未确认打印的票据，请先打印或作废再结账", code="receipts_pending")
    counted = count_denominations(counts)
    report = till_report(session, till)
    difference = counted - report.expected_cash
    if difference != 0 and not reason.strip():
        raise CashierError(f"实点现金 {counted} 与应有 {report.expected_cash} 相差 {difference}，"
                           "须填写差异原因", code="difference_reason_missing")
    till.status, till.closed_at = "closed", utcnow()
    till.counted_cash, till.difference, till.difference_reason = counted, difference, reason
    till.denominations = dict(counts)
    till.expected = {"cash": str(report.expected_cash),
                     **{f"net_{m}": str(v) for m, v in report.net.items()}}
    audit.record(session, actor, role="cashier", action="cash.close", object_type="cash_session",
                 object_id=till.id, after={"counted": str(counted),
                                           "expected": str(report.expected_cash),
                                           "difference": str(difference), "reason": reason})
    return till, report


@dataclass(frozen=True)
class ReceiptFacts:
    """What a receipt prints, read from the store (the printing layer turns it into paper)."""

    receipt_id: str
    stock_code: str
    number: str
    status: str
    reprints: int
    payer: str
    case_ref: str
    lines: tuple[Mapping[str, str], ...]
    parts: tuple[tuple[str, Decimal, str], ...]  # (method name, amount, reference)
    total: Decimal
    cashier: str
    issued_at: datetime


def receipt_facts(session: Session, receipt_id: str) -> ReceiptFacts:
    record = receipt_stock.get_receipt(session, receipt_id)
    payment = session.get(Payment, record.payment_id) if record.payment_id else None
    if payment is None:
        raise CashierError("该票据没有对应的收款（空白作废票据）", code="receipt_without_payment")
    due = session.get(FeeAssessment, payment.assessment_id)
    assert due is not None
    return ReceiptFacts(
        receipt_id=record.id, stock_code=record.stock_code,
        number=receipt_stock.format_number(record.number), status=record.status,
        reprints=record.reprints, payer=payment.payer, case_ref=due.case_ref,
        lines=tuple(due.lines),
        parts=tuple((METHODS[p.method], p.amount, p.reference) for p in payment.parts),
        total=payment.total, issued_at=record.created_at,
        cashier=session.scalar(select(Person.full_name).where(Person.username == record.cashier))
        or record.cashier)


@dataclass(frozen=True)
class PaymentLine:
    """One payment as the cashier's list shows it, with its receipts (for 作废 and 退款)."""

    id: str
    at: datetime
    payer: str
    case_ref: str
    total: Decimal
    refunded: Decimal
    status: str
    methods: str
    receipts: str
    voidable: bool


def recent_payments(session: Session, actor: Actor, *, days: int = 31) -> list[PaymentLine]:
    """Payments of the last ``days`` days, newest first."""
    actor.require("cashier")
    since = utcnow() - timedelta(days=days)
    till = current_session(session, actor, required=False)
    today = local_day(utcnow())
    lines = []
    for p in session.scalars(select(Payment).where(Payment.created_at >= since)
                             .order_by(Payment.created_at.desc())):
        due = session.get(FeeAssessment, p.assessment_id)
        receipts = session.scalars(select(ReceiptRecord).where(ReceiptRecord.payment_id == p.id)
                                   .order_by(ReceiptRecord.number)).all()
        lines.append(PaymentLine(
            id=p.id, at=p.created_at, payer=p.payer, case_ref=due.case_ref if due else "",
            total=p.total, refunded=p.refunded, status=p.status,
            methods="、".join(METHODS[part.method] for part in p.parts),
            receipts="、".join(f"{r.stock_code}-{receipt_stock.format_number(r.number)}"
                              + ("（作废）" if r.status == "spoiled" else "") for r in receipts),
            voidable=(p.status == "paid" and p.refunded == 0 and till is not None
                      and p.session_id == till.id and local_day(p.created_at) == today)))
    return lines
