"""Tables of the cashier: assessments, cash sessions, payments, refunds and the receipt stock.

Money is stored as integer fen (``Money`` columns) so SQLite keeps it exact; it reads back as
Decimal yuan. Receipt numbers are integers here and printed as 10 digits.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hall_client.store import case_models as _case_models  # noqa: F401  (intake_case for the FK)
from hall_client.store.models import Base, new_id, utcnow

_FEN = Decimal("0.01")


class Money(TypeDecorator[Decimal]):
    """Decimal yuan stored as integer fen; a value finer than a fen is refused, not rounded."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        fen = Decimal(value) * 100
        if fen != fen.to_integral_value():
            raise ValueError(f"amount finer than a fen refused: {value}")
        return int(fen)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else (Decimal(value) / 100).quantize(_FEN)


class FeeAssessment(Base):
    """A case's fees as assessed by the clerk, waiting at the cashier (queued → paid)."""

    __tablename__ = "fee_assessment"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_ref: Mapped[str] = mapped_column(String(64), index=True)
    #: The case the fees belong to (None for assessments made before cases existed).
    case_id: Mapped[str | None] = mapped_column(ForeignKey("intake_case.id"), default=None,
                                                index=True)
    item_code: Mapped[str] = mapped_column(String(32))
    department: Mapped[str] = mapped_column(String(16))
    payer: Mapped[str] = mapped_column(String(128))
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    total: Mapped[Decimal] = mapped_column(Money)
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))


class CashSession(Base):
    """One cashier's shift at the till, from opening float to Z close."""

    __tablename__ = "cash_session"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    cashier: Mapped[str] = mapped_column(String(64), index=True)
    counter: Mapped[str] = mapped_column(String(32))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    opening_float: Mapped[Decimal] = mapped_column(Money)
    blind: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    counted_cash: Mapped[Decimal | None] = mapped_column(Money, default=None)
    denominations: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    expected: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    difference: Mapped[Decimal | None] = mapped_column(Money, default=None)
    difference_reason: Mapped[str] = mapped_column(Text, default="")


class Payment(Base):
    """Money taken for an assessment; voided the same day with a supervisor's approval."""

    __tablename__ = "payment"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(ForeignKey("cash_session.id"), index=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("fee_assessment.id"), index=True)
    payer: Mapped[str] = mapped_column(String(128))
    total: Mapped[Decimal] = mapped_column(Money)
    tendered: Mapped[Decimal] = mapped_column(Money)
    change: Mapped[Decimal] = mapped_column(Money)
    refunded: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    status: Mapped[str] = mapped_column(String(16), default="paid", index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    voided_at: Mapped[datetime | None] = mapped_column(default=None)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    void_approved_by: Mapped[str] = mapped_column(String(64), default="")
    parts: Mapped[list[PaymentPart]] = relationship(
        back_populates="payment", cascade="all, delete-orphan", lazy="selectin"
    )


class PaymentPart(Base):
    """One method's share of a payment: cash, transfer (转账) or wire (电汇) with reference."""

    __tablename__ = "payment_part"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    payment_id: Mapped[str] = mapped_column(ForeignKey("payment.id"), index=True)
    method: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal] = mapped_column(Money)
    reference: Mapped[str] = mapped_column(String(64), default="")
    payment: Mapped[Payment] = relationship(back_populates="parts")


class Refund(Base):
    """Money given back against an earlier payment, with reason and approval."""

    __tablename__ = "refund"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    payment_id: Mapped[str] = mapped_column(ForeignKey("payment.id"), index=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("cash_session.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(Money)
    method: Mapped[str] = mapped_column(String(16))
    reference: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(Text)
    approved_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReceiptBatch(Base):
    """Paper receipts received from the finance bureau: one 票据代码 and a number range."""

    __tablename__ = "receipt_batch"
    __table_args__ = (UniqueConstraint("stock_code", "start_no"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    stock_code: Mapped[str] = mapped_column(String(8), index=True)
    start_no: Mapped[int] = mapped_column(Integer)
    end_no: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(64), default="")
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    received_by: Mapped[str] = mapped_column(String(64))


class ReceiptIssue(Base):
    """A range of a batch issued to one cashier (领用); used from ``next_no`` upwards."""

    __tablename__ = "receipt_issue"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    batch_id: Mapped[str] = mapped_column(ForeignKey("receipt_batch.id"), index=True)
    stock_code: Mapped[str] = mapped_column(String(8))
    cashier: Mapped[str] = mapped_column(String(64), index=True)
    start_no: Mapped[int] = mapped_column(Integer)
    end_no: Mapped[int] = mapped_column(Integer)
    next_no: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    close_reason: Mapped[str] = mapped_column(Text, default="")
    approved_by: Mapped[str] = mapped_column(String(64), default="")


class ReceiptRecord(Base):
    """One numbered paper receipt: pending (number taken, not yet printed), printed or spoiled.

    The row is written in the transaction that takes the number, before any paper moves, so a
    crash leaves a pending row to print or spoil, never a gap.
    """

    __tablename__ = "receipt"
    __table_args__ = (UniqueConstraint("stock_code", "number"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    issue_id: Mapped[str] = mapped_column(ForeignKey("receipt_issue.id"), index=True)
    stock_code: Mapped[str] = mapped_column(String(8))
    number: Mapped[int] = mapped_column(Integer)
    cashier: Mapped[str] = mapped_column(String(64), index=True)
    payment_id: Mapped[str | None] = mapped_column(ForeignKey("payment.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    reprints: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(Text, default="")
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    printed_at: Mapped[datetime | None] = mapped_column(default=None)
    spoiled_at: Mapped[datetime | None] = mapped_column(default=None)
