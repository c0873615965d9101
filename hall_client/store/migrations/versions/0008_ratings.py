"""Service ratings (好差评) given at the counter.

Revision ID: 0008_ratings
Revises: 0006_sync
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_ratings"
down_revision = "0006_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "service_rating",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), nullable=False, index=True),
        sa.Column("case_number", sa.String(64), nullable=False),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("clerk", sa.String(64), nullable=False, index=True),
        sa.Column("clerk_name", sa.String(64), nullable=False),
        sa.Column("counter", sa.String(32), nullable=False),
        sa.Column("rated_at", sa.DateTime, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("service_rating")
