"""online pre-submissions (网上申报) waiting for a hall's counter

Revision ID: 0004_presubmissions
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from server_stub.models import UTCDateTime

revision = "0004_presubmissions"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "presubmissions",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("hall_id", sa.Uuid(), sa.ForeignKey("halls.id"), nullable=False, index=True),
        sa.Column("item_code", sa.String(40), nullable=False),
        sa.Column("item_version", sa.Integer(), nullable=False),
        sa.Column("item_name", sa.String(200), nullable=False),
        sa.Column("project_name", sa.String(200), nullable=False),
        sa.Column("applicant", sa.JSON(), nullable=False),
        sa.Column("materials", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("submitted_at", UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("case_number", sa.String(60), nullable=False),
        sa.Column("decided_by", sa.String(60), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("presubmissions")
