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

from hall_client.core import audit, names, outbox, receipt_stock
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
#: Most change a payment may give: one 100-yuan note. More is a typing slip in 实收现金.
MAX_CHANGE = Decimal("100.00")
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
    role = actor.require("clerk")
    if not payer.strip():
        raise CashierError("请填写交款人", code="payer_missing")
    payer = names.check_name(payer, field="payer", label="交款人")
    if not case_ref.strip():
        raise CashierError("请填写办件编号", code="case_missing")
    if assessment.total <= 0:
        raise CashierError("应收金额为零，无需收费", code="assessment_zero")
    if assessment.total > MAX_AMOUNT:
        raise CashierError(f"应收合计 {assessment.total} 超过单张票据上限 {MAX_AMOUNT}",
                           code="assessment_too_large")
    live = session.scalar(select(FeeAssessment).where(
        FeeAssessment.case_ref == case_ref.strip(),
        FeeAssessment.status.in_(("queued", "paid"))))
    if live is not None:
        state = "已收费" if live.status == "paid" else "在待收费队列中"
        raise CashierError(f"办件 {case_ref} 已核定过收费（{live.total} 元，{state}），"
                           "不能重复核定", code="case_already_assessed")
    lines = [{"fee_code": ln.fee_code, "name": ln.name, "basis": ln.basis,
              "quantity": str(ln.quantity), "unit": ln.unit, "standard": ln.standard,
              "gross": str(ln.gross), "amount": str(ln.amount),
              "reduction": None if ln.reduction is None else {
                  "kind": ln.reduction.kind, "reason": ln.reduction.reason,
                  "legal_basis": ln.reduction.legal_basis, "value": str(ln.reduction.value),
                  "reduced_by": str(ln.reduced_by)}}
             for ln in assessment.lines]
    row = FeeAssessment(
        case_ref=case_ref.strip(), item_code=item_code, department=department,
        payer=payer, lines=lines, total=assessment.total, created_by=actor.username)
    session.add(row)
    session.flush()
    audit.record(session, actor, role=role, action="fee.assess", object_type="fee_assessment",
                 object_id=row.id, after={"case": row.case_ref, "item": item_code,
                                          "payer": row.payer, "total": str(row.total),
                                          "lines": lines})
    return row


def queue(session: Session) -> list[FeeAssessment]:
    return list(session.scalars(select(FeeAssessment).where(FeeAssessment.status == "queued")
                                .order_by(FeeAssessment.created_at)))


def open_session(session: Session, actor: Actor, opening_float: Decimal | str,
                 *, blind: bool = False) -> CashSession:
    role = actor.require("cashier")
    if current_session(session, actor, required=False) is not None:
        raise CashierError("已有未日结的收款班次，请先结账", code="session_already_open")
    amount = parse_amount(opening_float, field="备用金", allow_zero=True)
    row = CashSession(number=take_next(session, "cash_session"), cashier=actor.username,
                      counter=actor.counter, opening_float=amount, blind=blind)
    session.add(row)
    session.flush()
    audit.record(session, actor, role=role, action="cash.open", object_type="cash_session",
                 object_id=row.id, after={"float": str(amount), "blind": blind,
                                          "number": row.number})
    return row


def current_session(session: Session, actor: Actor, *, required: bool = True) -> CashSession | None:
    row = session.scalar(select(CashSession).where(CashSession.cashier == actor.username,
                                                   CashSession.status == "open"))
    if row is None and required:
        raise CashierError("请先开班（录入备用金）", code="session_not_open")
    return row


def _parts(session: Session, parts: Sequence[PartInput]) -> list[PaymentPart]:
    if not parts:
        raise CashierError("请选择收款方式", code="payment_method_missing")
    out: list[PaymentPart] = []
    for part in parts:
        if part.method not in METHODS:
            raise CashierError(f"收款方式无效：{part.method}（现金、转账、电汇）",
                               code="payment_method_invalid")
        name = METHODS[part.method]
        amount = parse_amount(part.amount, field=f"{name}金额")
        reference = part.reference.strip()
        if part.method != "cash" and not reference:
            raise CashierError(f"{name}须填写银行流水号", code="payment_reference_missing")
        if reference and (reference in {p.reference for p in out}
                          or _reference_used(session, reference)):
            raise CashierError(f"银行流水号 {reference} 已用于另一笔收款：一笔银行入账只能对应一笔收款",
                               code="payment_reference_used")
        out.append(PaymentPart(method=part.method, amount=amount, reference=reference))
    return out


def _reference_used(session: Session, reference: str) -> bool:
    """A bank reference already on a payment that stands (a voided payment frees it)."""
    return session.scalar(
        select(PaymentPart.id).join(Payment, Payment.id == PaymentPart.payment_id)
        .where(PaymentPart.reference == reference, Payment.status != "voided").limit(1)
    ) is not None


def take_payment(session: Session, actor: Actor, assessment_id: str,
                 parts: Sequence[PartInput], *, tendered: Decimal | str | None = None,
                 ) -> tuple[Payment, ReceiptRecord]:
    """Take payment for a queued assessment and take its receipt number, in one transaction.

    ``tendered`` is the cash handed over (defaults to the cash part); change is worked out.
    """
    role = actor.require("cashier")
    till = current_session(session, actor)
    assert till is not None
    due = session.get(FeeAssessment, assessment_id)
    if due is None:
        raise NotFound(f"找不到待收费记录 {assessment_id}", code="assessment_not_found")
    if due.status != "queued":
        raise CashierError(f"该笔费用已{'收' if due.status == 'paid' else '撤销'}，不能重复收费",
                           code="assessment_not_queued")
    if due.total > MAX_AMOUNT:
        raise CashierError(f"应收 {due.total} 超过单张票据上限 {MAX_AMOUNT}，不能收费",
                           code="assessment_too_large")
    twin = session.scalar(select(FeeAssessment).where(
        FeeAssessment.case_ref == due.case_ref, FeeAssessment.id != due.id,
        FeeAssessment.status == "paid"))
    if twin is not None:
        raise CashierError(f"办件 {due.case_ref} 已有一笔收费（{twin.total} 元），不能重复收费",
                           code="case_already_paid")
    rows = _parts(session, parts)
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
    if given - cash > MAX_CHANGE:
        raise CashierError(f"实收现金 {given} 比应收现金 {cash} 多出 {given - cash}，找零超过 "
                           f"{MAX_CHANGE} 元：请核对实收现金", code="change_too_large")
    payment = Payment(session_id=till.id, assessment_id=due.id, payer=due.payer, total=due.total,
                      tendered=given, change=given - cash, parts=rows)
    session.add(payment)
    due.status = "paid"
    session.flush()
    audit.record(session, actor, role=role, action="payment.take", object_type="payment",
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


def _approval(actor: Actor, approver: Actor | None, what: str) -> Actor:
    return receipt_stock.approval(actor, approver, what=what)


def void_payment(session: Session, actor: Actor, approver: Actor, payment_id: str,
                 reason: str) -> Payment:
    """Void a payment taken today in the open session; its receipt becomes 作废."""
    role = actor.require("cashier")
    _approval(actor, approver, "作废收款")
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
        receipt_stock.spoil_record(session, actor, receipt, f"收款作废：{reason}", role=role,
                                   approved_by=approver.username)
    audit.record(session, actor, role=role, action="payment.void", object_type="payment",
                 object_id=payment.id, before={"status": "paid"},
                 after={"status": "voided", "reason": reason, "approved_by": approver.username})
    outbox.enqueue(session, "fee.voided", {"payment": payment.id, "reason": reason,
                                           "approved_by": approver.username})
    return payment


def format_refund_number(number: int) -> str:
    """The refund slip's number as printed: ``TK`` and eight digits."""
    return f"TK{number:08d}"


def refundable_by_method(session: Session, payment: Payment) -> dict[str, Decimal]:
    """What may still go back by each method: paid that way minus refunded that way."""
    left = {m: ZERO for m in METHODS}
    for part in payment.parts:
        left[part.method] += part.amount
    for row in session.scalars(select(Refund).where(Refund.payment_id == payment.id)):
        left[row.method] -= row.amount
    return {m: v for m, v in left.items() if v > 0}


def refund(session: Session, actor: Actor, approver: Actor | None, payment_id: str,
           amount: Decimal | str, reason: str, *, method: str = "cash",
           reference: str = "", method_reason: str = "") -> Refund:
    """Give money back against an earlier payment (any day), linked to it, with approval.

    The money goes back by the way it came (no more by a method than was paid that way);
    otherwise the approving supervisor records why in ``method_reason``. The refund gets a
    numbered slip (退款凭证) and the original receipt reads 已退款 from then on.
    """
    role = actor.require("cashier")
    by = _approval(actor, approver, "退款")
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
    by_method = refundable_by_method(session, payment)
    if value > by_method.get(method, ZERO) and not method_reason.strip():
        came = "、".join(f"{METHODS[m]} {v}" for m, v in by_method.items()) or "无"
        raise CashierError(
            f"退款 {value} 元超过以{METHODS[method]}可退的 {by_method.get(method, ZERO)} 元"
            f"（原路可退：{came}）：请原路退回，或由批准的值班主任填写改变退款方式的理由",
            code="refund_method_differs")
    till = current_session(session, actor)
    assert till is not None
    row = Refund(payment_id=payment.id, session_id=till.id, amount=value, method=method,
                 reference=reference.strip(), reason=reason, approved_by=by.username,
                 number=take_next(session, "refund_slip"), method_reason=method_reason.strip())
    payment.refunded = payment.refunded + value
    session.add(row)
    session.flush()
    receipts = [f"{r.stock_code}-{receipt_stock.format_number(r.number)}"
                for r in session.scalars(select(ReceiptRecord).where(
                    ReceiptRecord.payment_id == payment.id, ReceiptRecord.status != "spoiled"))]
    assert row.number is not None
    audit.record(session, actor, role=role, action="payment.refund", object_type="refund",
                 object_id=row.id, after={"payment": payment.id, "amount": str(value),
                                          "method": method, "reason": reason,
                                          "method_reason": row.method_reason,
                                          "slip": format_refund_number(row.number),
                                          "receipts": receipts,
                                          "approved_by": by.username})
    outbox.enqueue(session, "fee.refunded", {"payment": payment.id, "refund": row.id,
                                             "amount": str(value), "reason": reason})
    return row


@dataclass(frozen=True)
class RefundSlip:
    """What the numbered refund slip (退款凭证) prints."""

    number: str
    payer: str
    case_ref: str
    receipts: str
    amount: Decimal
    method: str
    reference: str
    reason: str
    method_reason: str
    cashier: str
    approved_by: str
    at: datetime

    def rows(self) -> list[tuple[str, str]]:
        rows = [("退款凭证号", self.number), ("交款人", self.payer), ("办件编号", self.case_ref),
                ("原票据", self.receipts or "-"), ("退款金额", f"{self.amount:.2f}"),
                ("退款方式", f"{self.method} {self.reference}".strip()), ("退款原因", self.reason)]
        if self.method_reason:
            rows.append(("未原路退回的理由", self.method_reason))
        rows += [("收费员", self.cashier), ("批准人", self.approved_by),
                 ("时间", self.at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S"))]
        return rows


def refund_slip(session: Session, refund_id: str) -> RefundSlip:
    row = session.get(Refund, refund_id)
    if row is None or row.number is None:
        raise NotFound(f"找不到退款 {refund_id}", code="refund_not_found")
    payment = session.get(Payment, row.payment_id)
    assert payment is not None
    due = session.get(FeeAssessment, payment.assessment_id)
    till = session.get(CashSession, row.session_id)
    receipts = "、".join(
        f"{r.stock_code}-{receipt_stock.format_number(r.number)}"
        for r in session.scalars(select(ReceiptRecord).where(
            ReceiptRecord.payment_id == payment.id, ReceiptRecord.status != "spoiled")))
    return RefundSlip(format_refund_number(row.number), payment.payer,
                      due.case_ref if due else "", receipts, row.amount, METHODS[row.method],
                      row.reference, row.reason, row.method_reason,
                      _full_name(session, till.cashier if till else ""),
                      _full_name(session, row.approved_by), row.created_at)


def _full_name(session: Session, username: str) -> str:
    return session.scalar(select(Person.full_name).where(Person.username == username)) \
        or username


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
    #: Blind count, before the close is saved: every figure that would let the cashier work
    #: out what the drawer should hold (float, cash taken, refunded, net, expected) is withheld.
    blind: bool = False

    def withheld(self) -> TillReport:
        """The report as a blind-counting cashier may see it before the close is saved."""
        hidden = {**self.taken, "cash": ZERO}
        return TillReport(**{
            **self.__dict__, "opening_float": ZERO, "expected_cash": ZERO, "taken": hidden,
            "refunded": {**self.refunded, "cash": ZERO}, "net": {**self.net, "cash": ZERO},
            "extra": {"blind": "盲点模式：备用金、现金收退及应有现金在结账后显示"},
            "blind": True})


def _session_payment_ids(session: Session, till: CashSession) -> list[str]:
    return list(session.scalars(select(Payment.id).where(Payment.session_id == till.id)))


def unsettled_receipts(session: Session, till: CashSession) -> list[ReceiptRecord]:
    """Receipts not confirmed printed for this session's payments (whoever's stock they came
    from) or on the session's cashier's own stock."""
    mine = receipt_stock.pending_receipts(session, till.cashier)
    ids = _session_payment_ids(session, till)
    theirs = receipt_stock.pending_receipts(session, payments=ids) if ids else []
    return list({r.id: r for r in [*mine, *theirs]}.values())


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
        receipts_pending=sum(r.status in receipt_stock.UNSETTLED for r in receipts),
        reprints=sum(r.reprints for r in receipts))


def expected_for_close(session: Session, actor: Actor) -> Decimal | None:
    """The expected cash the Z close dialog may show: None when the session counts blind.

    Unlike :func:`x_report` this is not an X report and is not audited as one.
    """
    actor.require("cashier")
    till = current_session(session, actor)
    assert till is not None
    return None if till.blind else till_report(session, till).expected_cash


@dataclass(frozen=True)
class Readiness:
    """What a cashier needs before typing a payment: an open session, blank receipts in hand,
    no receipt left unconfirmed (its payer has no paper yet)."""

    session_open: bool
    numbers_left: int
    pending: tuple[tuple[str, int], ...]  # (票据代码, number) not confirmed printed

    @property
    def ready(self) -> bool:
        return self.session_open and self.numbers_left > 0 and not self.pending


def readiness(session: Session, actor: Actor) -> Readiness:
    """Check the preconditions of taking a payment, before anything is typed."""
    actor.require("cashier")
    till = current_session(session, actor, required=False)
    pending = receipt_stock.pending_receipts(session, actor.username)
    return Readiness(session_open=till is not None,
                     numbers_left=receipt_stock.numbers_left(session, actor.username),
                     pending=tuple((r.stock_code, r.number) for r in pending))


def close_blockers(session: Session, actor: Actor) -> tuple[tuple[str, int], ...]:
    """Receipts that keep the open session from closing (checked before the count is typed)."""
    actor.require("cashier")
    till = current_session(session, actor)
    assert till is not None
    return tuple((r.stock_code, r.number) for r in unsettled_receipts(session, till))


def x_report(session: Session, actor: Actor) -> TillReport:
    """The open session's figures. With blind counting, every cash figure is withheld."""
    role = actor.require("cashier")
    till = current_session(session, actor)
    assert till is not None
    report = till_report(session, till)
    audit.record(session, actor, role=role, action="cash.x_report",
                 object_type="cash_session", object_id=till.id, after={"blind": till.blind})
    return report.withheld() if till.blind else report


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
                  reason: str = "", approver: Actor | None = None,
                  ) -> tuple[CashSession, TillReport]:
    """Z close: count the drawer by denomination and compare with the expected cash.

    Unsettled receipts of the session's payments must be printed or spoiled first. A
    difference needs a reason and a supervisor other than the cashier who acknowledges it.
    Counting blind, nothing tells the cashier before the close is saved whether the count
    matched: the close is saved as counted and a difference waits for the supervisor's
    acknowledgment (:func:`acknowledge_difference`) unless one signed it at the close.
    """
    role = actor.require("cashier")
    till = current_session(session, actor)
    assert till is not None
    if unsettled_receipts(session, till):
        raise CashierError("还有未确认打印的票据，请先打印或作废再结账", code="receipts_pending")
    counted = count_denominations(counts)
    report = till_report(session, till)
    difference = counted - report.expected_cash
    acknowledged_by = ""
    if difference != 0 and not till.blind:
        if not reason.strip():
            raise CashierError(f"实点现金 {counted} 与应有 {report.expected_cash} 相差 "
                               f"{difference}，须填写差异原因", code="difference_reason_missing")
        acknowledged_by = _approval(actor, approver, "现金差异").username
    elif difference != 0 and approver is not None and reason.strip():
        acknowledged_by = _approval(actor, approver, "现金差异").username
    till.status, till.closed_at = "closed", utcnow()
    till.counted_cash, till.difference, till.difference_reason = counted, difference, reason
    if acknowledged_by:
        till.difference_approved_by, till.difference_approved_at = acknowledged_by, utcnow()
    till.denominations = dict(counts)
    till.expected = {"cash": str(report.expected_cash),
                     **{f"net_{m}": str(v) for m, v in report.net.items()}}
    audit.record(session, actor, role=role, action="cash.close", object_type="cash_session",
                 object_id=till.id, after={"counted": str(counted),
                                           "expected": str(report.expected_cash),
                                           "difference": str(difference), "reason": reason,
                                           "blind": till.blind,
                                           "acknowledged_by": acknowledged_by})
    return till, report


def acknowledge_difference(session: Session, supervisor: Actor, session_number: int,
                           reason: str) -> CashSession:
    """A supervisor (not the session's cashier) acknowledges a closed session's cash
    difference, with the reason found (a blind close is saved before anyone sees it)."""
    role = supervisor.require("supervisor")
    till = session.scalar(select(CashSession).where(CashSession.number == session_number))
    if till is None:
        raise NotFound(f"找不到第 {session_number} 班", code="session_not_found")
    if till.status != "closed" or not till.difference:
        raise CashierError(f"第 {session_number} 班没有待确认的现金差异",
                           code="no_difference_to_acknowledge")
    if till.difference_approved_by:
        raise CashierError(f"第 {session_number} 班的差异已由 {till.difference_approved_by} 确认",
                           code="difference_already_acknowledged")
    if supervisor.username == till.cashier:
        raise PermissionDenied("现金差异须由另一位值班主任确认（不能确认本人的差异）",
                               code="approver_must_differ")
    if not reason.strip():
        raise CashierError("确认差异必须填写原因", code="difference_reason_missing")
    till.difference_approved_by, till.difference_approved_at = supervisor.username, utcnow()
    till.difference_reason = (till.difference_reason + "；" if till.difference_reason else "") \
        + reason.strip()
    audit.record(session, supervisor, role=role, action="cash.difference_acknowledged",
                 object_type="cash_session", object_id=till.id,
                 after={"difference": str(till.difference), "reason": reason.strip()})
    return till


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
    #: What the receipt is worth now, in words for every place it shows ("" while it stands):
    #: 作废 (spoiled or its payment voided), 全额退款, 已退款 N 元.
    standing: str = ""
    refunded: Decimal = ZERO


def receipt_standing(record: ReceiptRecord, payment: Payment | None) -> str:
    """"" for a receipt that stands; else what it says instead (作废, 已退款 …)."""
    if record.status == "spoiled" or (payment is not None and payment.status == "voided"):
        return "作废"
    if payment is not None and payment.refunded >= payment.total:
        return "全额退款"
    if payment is not None and payment.refunded > 0:
        return f"已退款 {payment.refunded} 元"
    return ""


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
        cashier=_full_name(session, record.cashier),
        standing=receipt_standing(record, payment), refunded=payment.refunded)


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
    #: who took it: username and name (the list shows the name)
    cashier: str = ""
    cashier_name: str = ""


def recent_payments(session: Session, actor: Actor, *, days: int = 31,
                    payer: str = "", own_only: bool = False) -> list[PaymentLine]:
    """Payments of the last ``days`` days, newest first; with ``payer``, only those whose payer's
    name holds it (any run of characters, rare hanzi included)."""
    actor.require("cashier")
    since = utcnow() - timedelta(days=days)
    till = current_session(session, actor, required=False)
    today = local_day(utcnow())
    lines = []
    query = select(Payment).where(Payment.created_at >= since)
    if own_only:
        query = query.where(Payment.session_id.in_(
            select(CashSession.id).where(CashSession.cashier == actor.username)))
    if payer.strip():
        query = query.where(names.contains(Payment.payer, payer))
    people: dict[str, str] = {}
    for p in session.scalars(query.order_by(Payment.created_at.desc())):
        due = session.get(FeeAssessment, p.assessment_id)
        till_of = session.get(CashSession, p.session_id)
        who = till_of.cashier if till_of is not None else ""
        if who not in people:
            people[who] = _full_name(session, who) if who else ""
        receipts = session.scalars(select(ReceiptRecord).where(ReceiptRecord.payment_id == p.id)
                                   .order_by(ReceiptRecord.number)).all()
        lines.append(PaymentLine(
            id=p.id, at=p.created_at, payer=p.payer, case_ref=due.case_ref if due else "",
            total=p.total, refunded=p.refunded, status=p.status,
            methods="、".join(METHODS[part.method] for part in p.parts),
            receipts="、".join(f"{r.stock_code}-{receipt_stock.format_number(r.number)}"
                              + (f"（{receipt_standing(r, p)}）" if receipt_standing(r, p) else "")
                              for r in receipts),
            voidable=(p.status == "paid" and p.refunded == 0 and till is not None
                      and p.session_id == till.id and local_day(p.created_at) == today),
            cashier=who, cashier_name=people[who]))
    return lines
