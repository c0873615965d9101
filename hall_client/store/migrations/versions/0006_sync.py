"""Sync with the central server: delivery outcomes, cursors, the server's view of cases,
and clerk notices (the holiday table is issue-8's ``holiday_day``/``holiday_year``).

Revision ID: 0006_sync
Revises: 0004_cases
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_sync"
down_revision = "0004_cases"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_delivery",
        sa.Column("message_id", sa.String(36), sa.ForeignKey("outbox_message.id"),
                  primary_key=True),
        sa.Column("state", sa.String(16), nullable=False, index=True),
        sa.Column("case_id", sa.String(36), nullable=True, index=True),
        sa.Column("status_code", sa.Integer, nullable=True),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("answer", sa.JSON, nullable=True),
        sa.Column("server_side", sa.JSON, nullable=True),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "server_case",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_number", sa.String(64), nullable=False, index=True),
        sa.Column("status", sa.String(32), nullable=False, index=True),
        sa.Column("item_code", sa.String(40), nullable=False),
        sa.Column("item_name", sa.String(200), nullable=False),
        sa.Column("project_name", sa.String(200), nullable=False),
        sa.Column("applicant", sa.String(100), nullable=False),
        sa.Column("warning", sa.String(16), nullable=False),
        sa.Column("promised_due", sa.String(10), nullable=True),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "sync_notice",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), nullable=False, index=True),
        sa.Column("case_number", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("seen_at", sa.DateTime, nullable=True),
        sa.UniqueConstraint("case_id", "kind", "text"),
    )
    op.create_table(
        "presubmission",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("item_code", sa.String(40), nullable=False),
        sa.Column("item_name", sa.String(200), nullable=False),
        sa.Column("project_name", sa.String(200), nullable=False),
        sa.Column("applicant", sa.JSON, nullable=False),
        sa.Column("materials", sa.JSON, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("submitted_at", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("case_number", sa.String(64), nullable=False),
        sa.Column("decided_by", sa.String(64), nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=True),
    )


def downgrade() -> None:
    for table in ("presubmission", "sync_notice", "server_case", "sync_state", "sync_delivery"):
        op.drop_table(table)
