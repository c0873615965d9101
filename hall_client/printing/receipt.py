"""The machine receipt (机打票据) as data: what is printed, independent of paper and printer."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from hall_client.core.cashier import ReceiptFacts
from hall_client.core.errors import DomainError
from hall_client.core.money import ZERO, money
from hall_client.core.settings import SHANGHAI

_STOCK_CODE = re.compile(r"^\d{8}$")
_NUMBER = re.compile(r"^\d{10}$")


class ReceiptDataError(DomainError):
    """A receipt was built from inconsistent data (bad number, totals that do not add up)."""


@dataclass(frozen=True)
class ReceiptLine:
    """One fee item on the receipt: code, name, quantity with unit, the standard, the amount."""

    fee_code: str
    name: str
    quantity: Decimal
    unit: str
    standard: str
    amount: Decimal
    #: Before a reduction (减免); with it the line prints the reduction, its reason and basis.
    gross: Decimal | None = None
    reduction: str = ""
    reduction_basis: str = ""

    @property
    def reduced_by(self) -> Decimal:
        return ZERO if self.gross is None else self.gross - self.amount


@dataclass(frozen=True)
class ReceiptPayment:
    """How (part of) the total was paid: 现金, 转账 or 电汇, with the bank reference if any."""

    method: str
    amount: Decimal
    reference: str = ""


@dataclass(frozen=True)
class Receipt:
    """Everything printed on one receipt.

    ``stock_code`` is the 票据代码 (8 digits) of the paper batch and ``number`` the 票据号码
    (10 digits) taken from the stock; ``reprint`` counts reprints (0 for the original).
    """

    hall_code: str
    hall_name: str
    stock_code: str
    number: str
    payer: str
    lines: tuple[ReceiptLine, ...]
    payments: tuple[ReceiptPayment, ...]
    cashier: str
    issued_at: datetime
    case_number: str = ""
    title: str = "政府非税收入票据（机打）"
    reprint: int = 0
    remark: str = ""
    total: Decimal = field(default=ZERO)
    #: "" while the receipt stands; otherwise printed across it (作废, 已退款 …).
    standing: str = ""

    def __post_init__(self) -> None:
        if not _STOCK_CODE.match(self.stock_code):
            raise ReceiptDataError(
                code="receipt_stock_code_invalid", message=f"票据代码应为8位数字：{self.stock_code}"
            )
        if not _NUMBER.match(self.number):
            raise ReceiptDataError(code="receipt_number_invalid", message=f"票据号码应为10位数字：{self.number}")
        if self.issued_at.tzinfo is None:
            raise ReceiptDataError(code="receipt_time_naive", message="开票时间必须带时区")
        if "|" in self.hall_code or not self.hall_code:
            raise ReceiptDataError(code="receipt_hall_code_invalid", message=f"大厅代码无效：{self.hall_code}")
        if not self.lines:
            raise ReceiptDataError(code="receipt_no_lines", message="票据没有收费项目")
        total = money(sum((line.amount for line in self.lines), ZERO))
        if self.total != ZERO and money(self.total) != total:
            raise ReceiptDataError(
                code="receipt_total_mismatch", message=f"合计 {self.total} 与各项之和 {total} 不符"
            )
        object.__setattr__(self, "total", total)
        paid = money(sum((p.amount for p in self.payments), ZERO))
        if self.payments and paid != total:
            raise ReceiptDataError(
                code="receipt_payments_mismatch", message=f"收款合计 {paid} 与应收 {total} 不符"
            )

    @property
    def issued_local(self) -> datetime:
        """The issue time as shown to people (Asia/Shanghai)."""
        return self.issued_at.astimezone(SHANGHAI)


def receipt_from_facts(facts: ReceiptFacts, *, hall_code: str, hall_name: str,
                       cashier_name: str = "") -> Receipt:
    """Build the printable receipt from what the store recorded."""
    lines = tuple(_line(line) for line in facts.lines)
    payments = tuple(ReceiptPayment(name, amount, ref) for name, amount, ref in facts.parts)
    return Receipt(
        hall_code=hall_code, hall_name=hall_name, stock_code=facts.stock_code,
        number=facts.number, payer=facts.payer, lines=lines, payments=payments,
        cashier=cashier_name or facts.cashier, issued_at=facts.issued_at,
        case_number=facts.case_ref, reprint=facts.reprints, total=facts.total,
        standing=facts.standing,
    )


_REDUCTION_KINDS = {"exempt": "免收", "percent": "减免{value}%", "amount": "减免{value}元"}


def _line(line: Mapping[str, Any]) -> ReceiptLine:
    reduction = line.get("reduction")
    if not reduction:
        return ReceiptLine(line["fee_code"], line["name"], Decimal(line["quantity"]),
                           line["unit"], line["standard"], money(line["amount"]))
    value = Decimal(reduction["value"]).normalize()
    kind = _REDUCTION_KINDS.get(reduction["kind"], "减免").format(value=f"{value:f}")
    return ReceiptLine(line["fee_code"], line["name"], Decimal(line["quantity"]), line["unit"],
                       line["standard"], money(line["amount"]), gross=money(line["gross"]),
                       reduction=f"{kind}：{reduction['reason']}",
                       reduction_basis=reduction["legal_basis"])
