"""Cashier: fee assessments, cash sessions, payments, refunds, receipt stock and receipts.

Revision ID: 0003_cashier
Revises: 0002_catalog
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_cashier"
down_revision = "0002_catalog"
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.String(36), primary_key=True)


def upgrade() -> None:
    op.create_table(
        "fee_assessment",
        _id(),
        sa.Column("case_ref", sa.String(64), nullable=False, index=True),
        sa.Column("item_code", sa.String(32), nullable=False),
        sa.Column("department", sa.String(16), nullable=False),
        sa.Column("payer", sa.String(128), nullable=False),
        sa.Column("lines", sa.JSON, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
    )
    op.create_table(
        "cash_session",
        _id(),
        sa.Column("number", sa.Integer, nullable=False, unique=True),
        sa.Column("cashier", sa.String(64), nullable=False, index=True),
        sa.Column("counter", sa.String(32), nullable=False),
        sa.Column("opened_at", sa.DateTime, nullable=False),
        sa.Column("opening_float", sa.Integer, nullable=False),
        sa.Column("blind", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("closed_at", sa.DateTime, nullable=True),
        sa.Column("counted_cash", sa.Integer, nullable=True),
        sa.Column("denominations", sa.JSON, nullable=True),
        sa.Column("expected", sa.JSON, nullable=True),
        sa.Column("difference", sa.Integer, nullable=True),
        sa.Column("difference_reason", sa.Text, nullable=False),
    )
    op.create_table(
        "payment",
        _id(),
        sa.Column("session_id", sa.String(36), sa.ForeignKey("cash_session.id"), nullable=False,
                  index=True),
        sa.Column("assessment_id", sa.String(36), sa.ForeignKey("fee_assessment.id"),
                  nullable=False, index=True),
        sa.Column("payer", sa.String(128), nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("tendered", sa.Integer, nullable=False),
        sa.Column("change", sa.Integer, nullable=False),
        sa.Column("refunded", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("voided_at", sa.DateTime, nullable=True),
        sa.Column("void_reason", sa.Text, nullable=False),
        sa.Column("void_approved_by", sa.String(64), nullable=False),
    )
    op.create_table(
        "payment_part",
        _id(),
        sa.Column("payment_id", sa.String(36), sa.ForeignKey("payment.id"), nullable=False,
                  index=True),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("reference", sa.String(64), nullable=False),
    )
    op.create_table(
        "refund",
        _id(),
        sa.Column("payment_id", sa.String(36), sa.ForeignKey("payment.id"), nullable=False,
                  index=True),
        sa.Column("session_id", sa.String(36), sa.ForeignKey("cash_session.id"), nullable=False,
                  index=True),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("reference", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("approved_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "receipt_batch",
        _id(),
        sa.Column("stock_code", sa.String(8), nullable=False, index=True),
        sa.Column("start_no", sa.Integer, nullable=False),
        sa.Column("end_no", sa.Integer, nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.Column("received_by", sa.String(64), nullable=False),
        sa.UniqueConstraint("stock_code", "start_no"),
    )
    op.create_table(
        "receipt_issue",
        _id(),
        sa.Column("batch_id", sa.String(36), sa.ForeignKey("receipt_batch.id"), nullable=False,
                  index=True),
        sa.Column("stock_code", sa.String(8), nullable=False),
        sa.Column("cashier", sa.String(64), nullable=False, index=True),
        sa.Column("start_no", sa.Integer, nullable=False),
        sa.Column("end_no", sa.Integer, nullable=False),
        sa.Column("next_no", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("issued_at", sa.DateTime, nullable=False),
        sa.Column("issued_by", sa.String(64), nullable=False),
        sa.Column("closed_at", sa.DateTime, nullable=True),
        sa.Column("close_reason", sa.Text, nullable=False),
        sa.Column("approved_by", sa.String(64), nullable=False),
    )
    op.create_table(
        "receipt",
        _id(),
        sa.Column("issue_id", sa.String(36), sa.ForeignKey("receipt_issue.id"), nullable=False,
                  index=True),
        sa.Column("stock_code", sa.String(8), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("cashier", sa.String(64), nullable=False, index=True),
        sa.Column("payment_id", sa.String(36), sa.ForeignKey("payment.id"), nullable=True,
                  index=True),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("reprints", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("last_error", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("printed_at", sa.DateTime, nullable=True),
        sa.Column("spoiled_at", sa.DateTime, nullable=True),
        sa.UniqueConstraint("stock_code", "number"),
    )


def downgrade() -> None:
    for table in ("receipt", "receipt_issue", "receipt_batch", "refund", "payment_part",
                  "payment", "cash_session", "fee_assessment"):
        op.drop_table(table)
