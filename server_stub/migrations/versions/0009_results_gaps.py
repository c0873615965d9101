"""results at the window: the accepting counter's code on a case, a refusal letter's number,
result documents (the licence PDF) among uploads

Revision ID: 0009_results_gaps
Revises: 0008_case_numbers
Create Date: 2026-11-29 23:10:00
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = '0009_results_gaps'
down_revision = '0008_case_numbers'
branch_labels = None
depends_on = None


def refusal_number(hall_code: str, year: int, seq: int) -> str:
    """As ``server_stub.services.cases.refusal_number`` (kept here: a migration stays as it
    was written)."""
    return f"{hall_code.upper()}不许〔{year}〕{seq:05d}号"


def upgrade() -> None:
    # SQLite adds a NOT NULL column in place only with a default; rows are filled next.
    op.add_column('cases', sa.Column('counter_code', sa.String(length=40), nullable=False,
                                     server_default=''))
    op.add_column('cases', sa.Column('decision_number', sa.String(length=60), nullable=False,
                                     server_default=''))
    op.create_index('ix_cases_counter_code', 'cases', ['counter_code'], unique=False)
    op.add_column('uploads', sa.Column('kind', sa.String(length=10), nullable=False,
                                       server_default='page'))
    bind = op.get_bind()
    bind.execute(sa.text(
        "UPDATE cases SET counter_code = (SELECT counters.code FROM counters "
        "WHERE counters.id = cases.counter_id) WHERE counter_id IS NOT NULL"))
    # Cases refused before this revision get their letter numbers, in the order refused.
    rows = bind.execute(sa.text(
        "SELECT cases.id, halls.code, cases.finished_at FROM cases JOIN halls "
        "ON halls.id = cases.hall_id WHERE cases.status = 'rejected' "
        "ORDER BY cases.finished_at, cases.case_number")).all()
    taken: dict[str, int] = {}
    for case_id, hall_code, finished_at in rows:
        moment = finished_at if isinstance(finished_at, datetime) else \
            datetime.fromisoformat(str(finished_at))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        year = moment.astimezone(ZoneInfo("Asia/Shanghai")).year
        name = f"refusal:{hall_code}:{year}"
        taken[name] = taken.get(name, 0) + 1
        bind.execute(sa.text("UPDATE cases SET decision_number = :n WHERE id = :i"),
                     {"n": refusal_number(hall_code, year, taken[name]), "i": case_id})
    for name, last in taken.items():
        bind.execute(sa.text("INSERT INTO number_sequences (name, next_value) VALUES (:n, :v)"),
                     {"n": name, "v": last + 1})


def downgrade() -> None:
    bind = op.get_bind()
    bind.execute(sa.text("DELETE FROM number_sequences WHERE name LIKE 'refusal:%'"))
    op.drop_column('uploads', 'kind')
    op.drop_index('ix_cases_counter_code', table_name='cases')
    op.drop_column('cases', 'decision_number')
    op.drop_column('cases', 'counter_code')
