"""Results at the window: licences, one-time collection codes, collections.

Revision ID: 0010_licences
Revises: 0008_ratings
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_licences"
down_revision = "0008_ratings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "licence",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), nullable=False, index=True),
        sa.Column("case_number", sa.String(64), nullable=False),
        sa.Column("item_code", sa.String(40), nullable=False),
        sa.Column("item_name", sa.String(200), nullable=False),
        sa.Column("template", sa.String(40), nullable=False),
        sa.Column("title", sa.String(100), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("number", sa.String(60), nullable=False, unique=True),
        sa.Column("holder", sa.Text, nullable=False),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("code", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("prints", sa.Integer, nullable=False),
        sa.Column("pdf_file", sa.String(200), nullable=False),
        sa.Column("reissue_of", sa.String(60), nullable=False),
        sa.Column("replaced_by", sa.String(60), nullable=False),
        sa.Column("revoke_reason", sa.Text, nullable=False),
        sa.Column("revoked_by", sa.String(64), nullable=False),
        sa.Column("revoke_approved_by", sa.String(64), nullable=False),
        sa.Column("revoked_at", sa.DateTime, nullable=True),
        sa.Column("issued_at", sa.DateTime, nullable=False),
        sa.Column("prepared_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("item_code", "year", "seq"),
    )
    op.create_table(
        "collection_code",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), nullable=False, index=True),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("tries_left", sa.Integer, nullable=False),
        sa.Column("sent_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
        sa.Column("used_at", sa.DateTime, nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
    )
    op.create_table(
        "collection",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), nullable=False, unique=True),
        sa.Column("licence_id", sa.String(36), sa.ForeignKey("licence.id"), nullable=True),
        sa.Column("collector_kind", sa.String(16), nullable=False),
        sa.Column("collector_name", sa.Text, nullable=False),
        sa.Column("collector_id_masked", sa.String(40), nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("authorisation_file", sa.String(200), nullable=False),
        sa.Column("signature_file", sa.String(200), nullable=False),
        sa.Column("clerk", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("collection")
    op.drop_table("collection_code")
    op.drop_table("licence")
