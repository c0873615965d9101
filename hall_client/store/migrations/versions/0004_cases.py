"""Cases at the counter: case, applicant, materials, pages, events, notices, holiday table;
fee assessments tied to a case.

Revision ID: 0004_cases
Revises: 0003_cashier
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_cases"
down_revision = "0003_cashier"
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.String(36), primary_key=True)


def _case_fk() -> sa.Column:
    return sa.Column("case_id", sa.String(36), sa.ForeignKey("intake_case.id"), nullable=False,
                     index=True)


def upgrade() -> None:
    op.create_table(
        "intake_case",
        _id(),
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hall", sa.String(32), nullable=False),
        sa.Column("counter", sa.String(32), nullable=False),
        sa.Column("item_code", sa.String(32), nullable=False, index=True),
        sa.Column("item_version", sa.Integer, nullable=False),
        sa.Column("item_name", sa.String(128), nullable=False),
        sa.Column("department", sa.String(16), nullable=False),
        sa.Column("project_name", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("applicant_name", sa.Text, nullable=False),
        sa.Column("applicant_id", sa.String(40), nullable=False, index=True),
        sa.Column("query_code", sa.String(12), nullable=True),
        sa.Column("legal_limit_days", sa.Integer, nullable=False),
        sa.Column("promised_limit_days", sa.Integer, nullable=False),
        sa.Column("accepted_at", sa.DateTime, nullable=True),
        sa.Column("legal_date", sa.Date, nullable=True),
        sa.Column("promised_date", sa.Date, nullable=True, index=True),
        sa.Column("deadline_error", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("clerk", sa.String(64), nullable=False),
    )
    op.create_table(
        "case_applicant",
        sa.Column("case_id", sa.String(36), sa.ForeignKey("intake_case.id"), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("id_type", sa.String(24), nullable=False),
        sa.Column("id_number", sa.String(40), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("contact", sa.Text, nullable=False),
    )
    op.create_table(
        "case_material",
        _id(),
        _case_fk(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("required", sa.Boolean, nullable=False),
        sa.Column("deferrable", sa.Boolean, nullable=False),
        sa.Column("section", sa.String(32), nullable=False),
        sa.Column("digitise", sa.Boolean, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("form", sa.String(24), nullable=False),
        sa.Column("copies", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("promised_by", sa.Date, nullable=True),
        sa.Column("notes", sa.Text, nullable=False),
        sa.UniqueConstraint("case_id", "position"),
    )
    op.create_table(
        "case_page",
        _id(),
        _case_fk(),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("material_position", sa.Integer, nullable=True),
        sa.Column("material", sa.String(200), nullable=False),
        sa.Column("section", sa.String(32), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("file", sa.String(200), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False, index=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("content_type", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("case_id", "seq"),
    )
    op.create_table(
        "case_event",
        _id(),
        _case_fk(),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("actor_name", sa.String(64), nullable=False),
        sa.Column("counter", sa.String(32), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.UniqueConstraint("case_id", "seq"),
    )
    op.create_table(
        "case_notice",
        _id(),
        _case_fk(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("number", sa.String(64), nullable=False, unique=True),
        sa.Column("issued_at", sa.DateTime, nullable=False),
        sa.Column("issued_by", sa.String(64), nullable=False),
        sa.Column("content", sa.JSON, nullable=False),
        sa.Column("reprints", sa.Integer, nullable=False),
        sa.UniqueConstraint("kind", "year", "seq"),
    )
    op.create_table(
        "holiday_day",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(32), nullable=False),
    )
    op.create_table(
        "holiday_year",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("source", sa.String(32), nullable=False),
    )
    with op.batch_alter_table("fee_assessment") as batch:
        batch.add_column(sa.Column("case_id", sa.String(36), nullable=True))
        batch.create_index("ix_fee_assessment_case_id", ["case_id"])
        batch.create_foreign_key("fk_fee_assessment_case_id", "intake_case", ["case_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("fee_assessment") as batch:
        batch.drop_constraint("fk_fee_assessment_case_id", type_="foreignkey")
        batch.drop_index("ix_fee_assessment_case_id")
        batch.drop_column("case_id")
    for table in ("holiday_year", "holiday_day", "case_notice", "case_event", "case_page",
                  "case_material", "case_applicant", "intake_case"):
        op.drop_table(table)
