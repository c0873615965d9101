"""Close and reports: 日结清 (daily settlement), 周对账 (bank statement match), 月汇总 (monthly
summary by department and fee item), and their xlsx export.

Days are Asia/Shanghai calendar days; a payment belongs to the day it was taken. Voided
payments are left out of the money but counted; refunds are reported on the day they were
given, against the original payment's department.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
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
    #: Closed sessions whose cash difference no supervisor has acknowledged yet.
    differences_open: int = 0

    @property
    def total(self) -> Decimal:
        return sum(self.net.values(), ZERO)

    def row(self) -> list[Any]:
        return [self.who, *[self.net[m] for m in METHODS], self.total, self.payments,
                self.voided, self.refunds, self.receipts_printed, self.receipts_spoiled,
                self.cash_difference, self.differences_open]


SETTLEMENT_HEADER = ["收费员", *METHODS.values(), "合计", "收款笔数", "作废笔数", "退款金额",
                     "已打印票据", "作废票据", "现金差异", "待确认差异"]


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
        of(till.cashier).differences_open += bool(till.difference) and not \
            till.difference_approved_by
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
        hall.differences_open += line.differences_open
    return [*result, hall]


@dataclass(frozen=True)
class BankLine:
    """One transaction of a bank statement: a credit (money in, amount > 0) or a debit
    (money out, amount < 0, e.g. a refund by transfer)."""

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
    amount: Decimal  # positive: money we took; negative: money we refunded
    payer: str
    kind: str = "payment"  # or "refund"


@dataclass
class Reconciliation:
    matched: list[tuple[BankLine, OurLine]] = field(default_factory=list)
    bank_only: list[BankLine] = field(default_factory=list)
    ours_only: list[OurLine] = field(default_factory=list)


@dataclass
class BankStatement:
    """The good lines of a statement file and a problem for each line that could not be read."""

    lines: list[BankLine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str = ""


def _names(*names: str) -> tuple[str, ...]:
    return tuple(_header_key(n) for n in names)


def _header_key(cell: str) -> str:
    """A header cell as compared: no spaces, no unit suffix such as （元） or (RMB)."""
    key = re.sub(r"\s+", "", cell).strip("*:：").lower()
    return re.sub(r"[（(\[【][^）)\]】]*[)）\]】]$", "", key)  # （元）, (收入), [RMB] …


# Column names seen in the CSV exports of Chinese banks (ICBC, CCB, ABC, BOC, BoCom, CMB, …).
_HEADERS = {
    "date": _names("日期", "交易日期", "记账日期", "入账日期", "交易时间", "记账时间", "date"),
    "reference": _names("流水号", "交易流水号", "银行流水号", "交易参考号", "凭证号",
                        "传票号", "reference"),
    "amount": _names("金额", "交易金额", "发生额", "amount"),
    "income": _names("收入金额", "收入", "贷方发生额", "贷方金额", "存入金额", "贷方"),
    "expense": _names("支出金额", "支出", "借方发生额", "借方金额", "支取金额", "借方"),
    "direction": _names("借贷标志", "借贷方向", "收支方向", "借贷", "收/支"),
}
_CREDIT, _DEBIT = ("贷", "收", "收入", "c", "cr", "贷方"), ("借", "支", "支出", "d", "dr", "借方")
_DATE_FORMS = (re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),
               re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?"),
               re.compile(r"(\d{4})(\d{2})(\d{2})"))
_TIME = re.compile(r"(?:[ T]+(\d{1,2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?)?")
_CURRENCY = re.compile(r"^(人民币|rmb|cny|[￥¥])|(元|rmb|cny)$", re.IGNORECASE)
_AMOUNT = re.compile(r"[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?")
_TOTAL_ROW = ("合计", "总计", "小计", "本页合计", "共计")


def _statement_text(data: bytes) -> tuple[str, str]:
    """Decode a statement file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030
    (a superset of GBK and GB2312, which is what most Chinese banks export)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "gb18030"


def parse_day(text: str) -> date | None:
    """A statement's date, also with a time after it: 2026-11-28, 2026/11/28 10:31:05,
    20261128, 2026年11月28日, 20261128 103105. None when it is not one."""
    raw = text.strip()
    for form in _DATE_FORMS:
        m = form.match(raw)
        clock = _TIME.fullmatch(raw[m.end():]) if m else None
        if m and clock:
            if clock[1] and (int(clock[1]) > 23 or int(clock[2]) > 59
                             or int(clock[3] or 0) > 59):
                return None
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def parse_bank_amount(text: str) -> Decimal | None:
    """A statement amount: currency sign or word, thousands separators and a sign allowed;
    empty, "-" or "--" is no amount (the other column holds it). Raises ValueError if bad."""
    raw = re.sub(r"\s+", "", text)
    raw = _CURRENCY.sub("", raw)
    raw = _CURRENCY.sub("", raw)  # a sign at the front and a word at the end
    if raw in ("", "-", "--", "—"):
        return None
    if raw.startswith(("+", "-")) and raw[1:2] in ("￥", "¥"):
        raw = raw[0] + raw[2:]
    if not _AMOUNT.fullmatch(raw):
        raise ValueError("金额不是数字")
    value = Decimal(raw.replace(",", ""))
    if abs(value) > MAX_AMOUNT:
        raise ValueError(f"金额超过 {MAX_AMOUNT}")
    if value != value.quantize(Decimal("0.01")):
        raise ValueError("金额最多两位小数")
    return value.quantize(Decimal("0.01"))


def _find_header(rows: list[tuple[int, list[str]]]) -> tuple[int, dict[str, int]] | None:
    """The first row (within the preamble banks put above it) naming a date, a reference and
    an amount (one signed column, or income and expense columns)."""
    for index, (_, row) in enumerate(rows[:40]):
        keys = [_header_key(c) for c in row]
        columns = {}
        for name, names in _HEADERS.items():
            # the first of the names that the row has (交易日期 before 交易时间)
            found = [keys.index(n) for n in names if n in keys]
            if found:
                columns[name] = found[0]
        if {"date", "reference"} <= set(columns) and (
                "amount" in columns or "income" in columns or "expense" in columns):
            return index, columns
    return None


def read_bank_statement(data: bytes | str, source: str = "bank.csv") -> BankStatement:
    """Read a bank statement CSV as banks export it; every bad line becomes a problem naming
    the file, line and rule, and the good lines are kept (to be matched all the same)."""
    if isinstance(data, bytes):
        text, encoding = _statement_text(data)
    else:
        text, encoding = data.lstrip("\ufeff"), "text"
    statement = BankStatement(encoding=encoding)
    rows = [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text)), start=1)
            if any(cell.strip() for cell in row)]
    if not rows:
        statement.problems.append(Problem(source, "bank_csv_empty", "银行流水文件为空"))
        return statement
    found = _find_header(rows)
    if found is None:
        wanted = "、".join(f"“{names[0]}”" for names in (_HEADERS["date"], _HEADERS["reference"],
                                                          _HEADERS["amount"]))
        statement.problems.append(Problem(
            f"{source}:{rows[0][0]}", "bank_csv_header",
            f"找不到表头：须有 {wanted}（或“收入金额”“支出金额”）列"))
        return statement
    index, columns = found
    for number, row in rows[index + 1:]:
        where = f"{source}:{number}"
        first = next((c.strip() for c in row if c.strip()), "")
        if first.startswith(_TOTAL_ROW):
            continue
        try:
            line = _statement_line(number, row, columns)
        except ValueError as exc:
            rule = "bank_csv_date" if "日期" in str(exc) else "bank_csv_amount"
            statement.problems.append(Problem(where, rule, str(exc)))
            continue
        statement.lines.append(line)
    return statement


def _cell(row: list[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    return row[index].strip() if index is not None and index < len(row) else ""


def _statement_line(number: int, row: list[str], columns: dict[str, int]) -> BankLine:
    day = parse_day(_cell(row, columns, "date"))
    if day is None:
        raise ValueError(f"日期无效：“{_cell(row, columns, 'date')}”（应为 2026-11-28，可带时间）")
    amount: Decimal | None = None
    if "amount" in columns:
        amount = parse_bank_amount(_cell(row, columns, "amount"))
        direction = _cell(row, columns, "direction").lower()
        if amount is not None and direction in _DEBIT:
            amount = -abs(amount)
        elif amount is not None and direction and direction not in _CREDIT:
            raise ValueError(f"借贷标志无效：“{direction}”（借/贷、收/支）")
    if amount is None and ("income" in columns or "expense" in columns):
        income = parse_bank_amount(_cell(row, columns, "income")) or ZERO
        expense = parse_bank_amount(_cell(row, columns, "expense")) or ZERO
        if income and expense:
            raise ValueError("金额：收入和支出两列都有数")
        amount = income - abs(expense)
    if not amount:
        raise ValueError("金额为空或为零")
    return BankLine(number, day, _cell(row, columns, "reference"), amount)


def parse_bank_csv(text: str | bytes, source: str = "bank.csv") -> list[BankLine]:
    """A whole statement or nothing: the lines, or InvalidInput naming every bad line."""
    statement = read_bank_statement(text, source)
    if statement.problems:
        raise InvalidInput(statement.problems)
    return statement.lines


def reconcile(session: Session, bank: Sequence[BankLine], first: date, last: date,
              *, slack_days: int = 3) -> Reconciliation:
    """周对账: match bank credits with our transfer and wire parts, and bank debits with our
    transfer and wire refunds, by reference and amount within ``slack_days`` of the day we
    recorded them (banks post late). Our side is read ``slack_days`` beyond the period on
    both ends so a match reaches across ``first`` and ``last``; only our lines inside the
    period are reported as missing from the bank."""
    start, end = _utc_bounds(first - timedelta(days=slack_days),
                             last + timedelta(days=slack_days))
    ours = [
        OurLine(payment.id, payment.created_at.astimezone(SHANGHAI).date(), part.method,
                part.reference, part.amount, payment.payer)
        for part, payment in session.execute(
            select(PaymentPart, Payment).join(Payment, Payment.id == PaymentPart.payment_id)
            .where(Payment.created_at >= start, Payment.created_at < end,
                   Payment.status == "paid", PaymentPart.method != "cash")).all()
    ]
    ours += [
        OurLine(payment.id, refund.created_at.astimezone(SHANGHAI).date(), refund.method,
                refund.reference, -refund.amount, payment.payer, kind="refund")
        for refund, payment in session.execute(
            select(Refund, Payment).join(Payment, Payment.id == Refund.payment_id)
            .where(Refund.created_at >= start, Refund.created_at < end,
                   Refund.method != "cash")).all()
    ]
    ours.sort(key=lambda o: (o.day, o.reference))
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
    result.ours_only = [o for o in left if first <= o.day <= last]
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
