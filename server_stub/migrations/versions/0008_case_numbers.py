"""case numbers without a hall-wide lock: reservations of sequence numbers

Revision ID: 0008_case_numbers
Revises: 0007_licences
Create Date: 2026-11-29 23:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from server_stub.models import UTCDateTime

revision = '0008_case_numbers'
down_revision = '0007_licences'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'number_reservations',
        sa.Column('name', sa.String(length=60), nullable=False),
        sa.Column('value', sa.Integer(), nullable=False),
        sa.Column('token', sa.String(length=32), nullable=False),
        sa.Column('reserved_at', UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('name', 'value'),
    )


def downgrade() -> None:
    op.drop_table('number_reservations')
