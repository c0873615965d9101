"""Close and reports: 日结清 (daily settlement), 周对账 (bank statement match), 月汇总 (monthly
summary by department and fee item), and their xlsx export.

Days are Asia/Shanghai calendar days; a payment belongs to the day it was taken. Voided
payments are left out of the money but counted; refunds are reported on the day they were
given, against the original payment's department.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_client.core.cashier import METHODS, SHANGHAI
from hall_client.core.errors import InvalidInput, Problem
from hall_client.core.money import MAX_AMOUNT, ZERO
from hall_client.core.output_file import write_atomically
from hall_client.store.cashier_models import (
    CashSession,
    FeeAssessment,
    Payment,
    PaymentPart,
    ReceiptRecord,
    Refund,
)


def _utc_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    start = datetime.combine(first, time(0), SHANGHAI).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), SHANGHAI).astimezone(UTC)
    return start, end


@dataclass
class Settlement:
    """One cashier's (or the whole hall's) money and paper for a period."""

    who: str
    net: dict[str, Decimal] = field(default_factory=lambda: {m: ZERO for m in METHODS})
    payments: int = 0
    voided: int = 0
    refunds: Decimal = ZERO
    receipts_printed: int = 0
    receipts_spoiled: int = 0
    cash_difference: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return sum(self.net.values(), ZERO)

    def row(self) -> list[Any]:
        return [self.who, *[self.net[m] for m in METHODS], self.total, self.payments,
                self.voided, self.refunds, self.receipts_printed, self.receipts_spoiled,
                self.cash_difference]


SETTLEMENT_HEADER = ["收费员", *METHODS.values(), "合计", "收款笔数", "作废笔数", "退款金额",
                     "已打印票据", "作废票据", "现金差异"]


def settlement(session: Session, first: date, last: date | None = None) -> list[Settlement]:
    """Per cashier, then a final ``全厅合计`` line for the hall (日结清 when first == last)."""
    start, end = _utc_bounds(first, last or first)
    people: dict[str, Settlement] = {}

    def of(name: str) -> Settlement:
        return people.setdefault(name, Settlement(name))

    rows = session.execute(
        select(Payment, CashSession.cashier).join(CashSession, CashSession.id == Payment.session_id)
        .where(Payment.created_at >= start, Payment.created_at < end)).all()
    for payment, cashier in rows:
        line = of(cashier)
        if payment.status == "voided":
            line.voided += 1
            continue
        line.payments += 1
        for part in payment.parts:
            line.net[part.method] += part.amount
    refunds = session.execute(
        select(Refund, CashSession.cashier).join(CashSession, CashSession.id == Refund.session_id)
        .where(Refund.created_at >= start, Refund.created_at < end)).all()
    for refund, cashier in refunds:
        of(cashier).net[refund.method] -= refund.amount
        of(cashier).refunds += refund.amount
    for record in session.scalars(select(ReceiptRecord).where(
            ReceiptRecord.created_at >= start, ReceiptRecord.created_at < end)):
        if record.status == "printed":
            of(record.cashier).receipts_printed += 1
        elif record.status == "spoiled":
            of(record.cashier).receipts_spoiled += 1
    for till in session.scalars(select(CashSession).where(
            CashSession.closed_at >= start, CashSession.closed_at < end)):
        of(till.cashier).cash_difference += till.difference or ZERO
    result = sorted(people.values(), key=lambda s: s.who)
    hall = Settlement("全厅合计")
    for line in result:
        for m in METHODS:
            hall.net[m] += line.net[m]
        hall.payments += line.payments
        hall.voided += line.voided
        hall.refunds += line.refunds
        hall.receipts_printed += line.receipts_printed
        hall.receipts_spoiled += line.receipts_spoiled
        hall.cash_difference += line.cash_difference
    return [*result, hall]


@dataclass(frozen=True)
class BankLine:
    line: int
    day: date
    reference: str
    amount: Decimal


@dataclass(frozen=True)
class OurLine:
    payment_id: str
    day: date
    method: str
    reference: str
    amount: Decimal
    payer: str


@dataclass
class Reconciliation:
    matched: list[tuple[BankLine, OurLine]] = field(default_factory=list)
    bank_only: list[BankLine] = field(default_factory=list)
    ours_only: list[OurLine] = field(default_factory=list)


_HEADERS = {"date": ("日期", "交易日期", "date"), "reference": ("流水号", "交易流水号", "reference"),
            "amount": ("金额", "收入金额", "amount")}


def parse_bank_csv(text: str, source: str = "bank.csv") -> list[BankLine]:
    """A bank statement CSV with a header naming 日期, 流水号 and 金额 (or date, reference,
    amount). Every bad line is reported, naming the file, line and rule."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise InvalidInput([Problem(source, "bank_csv_empty", "银行流水文件为空")]) from None
    columns: dict[str, int] = {}
    for key, names in _HEADERS.items():
        found = [i for i, h in enumerate(header) if h in names]
        if not found:
            raise InvalidInput([Problem(f"{source}:1", "bank_csv_header",
                                        f"表头缺少“{names[0]}”列（可用：{'、'.join(names)}）")])
        columns[key] = found[0]
    lines, problems = [], []
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"{source}:{number}"
        try:
            raw_day = row[columns["date"]].strip().replace("/", "-")
            day = date.fromisoformat(raw_day if len(raw_day) != 8 else
                                     f"{raw_day[:4]}-{raw_day[4:6]}-{raw_day[6:]}")
        except (IndexError, ValueError):
            problems.append(Problem(where, "bank_csv_date", "日期无效（应为 2026-11-28）"))
            continue
        try:
            amount = Decimal(row[columns["amount"]].strip().replace(",", ""))
        except (IndexError, InvalidOperation):
            problems.append(Problem(where, "bank_csv_amount", "金额不是数字"))
            continue
        if not amount.is_finite() or abs(amount) > MAX_AMOUNT:
            problems.append(Problem(where, "bank_csv_amount",
                                    f"金额须为有限数字，且不超过 {MAX_AMOUNT}"))
            continue
        if amount != amount.quantize(Decimal("0.01")):
            problems.append(Problem(where, "bank_csv_amount", "金额最多两位小数"))
            continue
        reference = row[columns["reference"]].strip() if len(row) > columns["reference"] else ""
        lines.append(BankLine(number, day, reference, amount.quantize(Decimal("0.01"))))
    if problems:
        raise InvalidInput(problems)
    return lines


def reconcile(session: Session, bank: Sequence[BankLine], first: date, last: date,
              *, slack_days: int = 3) -> Reconciliation:
    """周对账: match bank credits with our transfer and wire parts by reference and amount,
    within ``slack_days`` of the day we took them (banks post late); list the rest."""
    start, end = _utc_bounds(first, last)
    ours = [
        OurLine(payment.id, payment.created_at.astimezone(SHANGHAI).date(), part.method,
                part.reference, part.amount, payment.payer)
        for part, payment in session.execute(
            select(PaymentPart, Payment).join(Payment, Payment.id == PaymentPart.payment_id)
            .where(Payment.created_at >= start, Payment.created_at < end,
                   Payment.status == "paid", PaymentPart.method != "cash")).all()
    ]
    result = Reconciliation()
    left = list(ours)
    for line in bank:
        match = next((o for o in left if o.reference == line.reference
                      and o.amount == line.amount
                      and abs((line.day - o.day).days) <= slack_days), None)
        if match is None:
            result.bank_only.append(line)
        else:
            left.remove(match)
            result.matched.append((line, match))
    result.ours_only = left
    return result


@dataclass
class MonthLine:
    department: str
    fee_code: str
    fee_name: str
    count: int = 0
    amount: Decimal = ZERO


@dataclass
class MonthSummary:
    lines: list[MonthLine]
    refunds_by_department: dict[str, Decimal]
    receipts_printed: int
    receipts_spoiled: int

    @property
    def total(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), ZERO) - sum(
            self.refunds_by_department.values(), ZERO)


def month_summary(session: Session, year: int, month: int) -> MonthSummary:
    """月汇总 by department and fee item, with receipts used and spoiled in the month."""
    first = date(year, month, 1)
    last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    start, end = _utc_bounds(first, last)
    lines: dict[tuple[str, str], MonthLine] = {}
    for payment, due in session.execute(
            select(Payment, FeeAssessment).join(FeeAssessment,
                                                FeeAssessment.id == Payment.assessment_id)
            .where(Payment.created_at >= start, Payment.created_at < end,
                   Payment.status == "paid")).all():
        assert payment is not None
        for fee in due.lines:
            key = (due.department, fee["fee_code"])
            line = lines.setdefault(key, MonthLine(due.department, fee["fee_code"], fee["name"]))
            line.count += 1
            line.amount += Decimal(fee["amount"])
    refunds: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for refund, due in session.execute(
            select(Refund, FeeAssessment).join(Payment, Payment.id == Refund.payment_id)
            .join(FeeAssessment, FeeAssessment.id == Payment.assessment_id)
            .where(Refund.created_at >= start, Refund.created_at < end)).all():
        refunds[due.department] += refund.amount
    records = session.scalars(select(ReceiptRecord).where(ReceiptRecord.created_at >= start,
                                                          ReceiptRecord.created_at < end)).all()
    return MonthSummary(sorted(lines.values(), key=lambda ln: (ln.department, ln.fee_code)),
                        dict(refunds), sum(r.status == "printed" for r in records),
                        sum(r.status == "spoiled" for r in records))


def export_xlsx(path: Path, sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]],
                ) -> None:
    """Write sheets of (title, header, rows); Decimal amounts are written as exact numbers
    shown as 0.00 (never through float)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(list(header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))  # openpyxl writes Decimal as an exact number
            for cell, value in zip(sheet[sheet.max_row], row, strict=False):
                if isinstance(value, Decimal):
                    cell.number_format = "#,##0.00"
    write_atomically(path, book.save)
