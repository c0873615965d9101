"""Cashier controls: the supervisor who acknowledged a Z-close difference, numbered refund
slips with the reason a refund went back another way, and the reservation of a receipt while
it is being sent to the printer.

Revision ID: 0005_cashier_controls
Revises: 0004_cases
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_cashier_controls"
down_revision = "0004_cases"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cash_session") as table:
        table.add_column(sa.Column("difference_approved_by", sa.String(64), nullable=False,
                                   server_default=""))
        table.add_column(sa.Column("difference_approved_at", sa.DateTime, nullable=True))
    with op.batch_alter_table("refund") as table:
        table.add_column(sa.Column("number", sa.Integer, nullable=True))
        table.add_column(sa.Column("method_reason", sa.Text, nullable=False, server_default=""))
        table.create_unique_constraint("uq_refund_number", ["number"])
    with op.batch_alter_table("receipt") as table:
        table.add_column(sa.Column("printing_at", sa.DateTime, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("receipt") as table:
        table.drop_column("printing_at")
    with op.batch_alter_table("refund") as table:
        table.drop_constraint("uq_refund_number", type_="unique")
        table.drop_column("method_reason")
        table.drop_column("number")
    with op.batch_alter_table("cash_session") as table:
        table.drop_column("difference_approved_at")
        table.drop_column("difference_approved_by")
