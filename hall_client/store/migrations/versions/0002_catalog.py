"""Service catalog with versions, post holders, number sequences and the sync outbox.

Revision ID: 0002_catalog
Revises: 0001_people_audit
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_catalog"
down_revision = "0001_people_audit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "department",
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("supervision_phone", sa.String(32), nullable=False),
    )
    op.create_table(
        "service_item_version",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("department", sa.String(16), sa.ForeignKey("department.code"), nullable=False),
        sa.Column("definition", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.UniqueConstraint("code", "version"),
    )
    op.create_index("ix_service_item_version_code", "service_item_version", ["code"])
    op.create_index("ix_service_item_version_name", "service_item_version", ["name"])
    op.create_index("ix_service_item_version_is_current", "service_item_version", ["is_current"])
    op.create_table(
        "catalog_person",
        sa.Column("user", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("department", sa.String(16), nullable=False),
    )
    op.create_table(
        "number_sequence",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("next_value", sa.Integer, nullable=False),
    )
    op.create_table(
        "outbox_message",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("sent_at", sa.DateTime, nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("outbox_message")
    op.drop_table("number_sequence")
    op.drop_table("catalog_person")
    op.drop_index("ix_service_item_version_is_current", "service_item_version")
    op.drop_index("ix_service_item_version_name", "service_item_version")
    op.drop_index("ix_service_item_version_code", "service_item_version")
    op.drop_table("service_item_version")
    op.drop_table("department")
