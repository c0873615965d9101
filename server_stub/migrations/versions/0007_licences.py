"""licences and receipts for /verify: hall signing keys, licence and receipt records

Revision ID: 0007_licences
Revises: 0005_supervision_ratings
Create Date: 2026-11-29 20:35:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from server_stub.models import UTCDateTime

revision = '0007_licences'
down_revision = '0005_supervision_ratings'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'hall_signing_keys',
        sa.Column('key_id', sa.String(length=16), nullable=False),
        sa.Column('hall_id', sa.Uuid(), nullable=False),
        sa.Column('public_key', sa.String(length=64), nullable=False),
        sa.Column('label', sa.String(length=100), nullable=False),
        sa.Column('registered_by', sa.String(length=60), nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['hall_id'], ['halls.id']),
        sa.PrimaryKeyConstraint('key_id'),
    )
    op.create_index('ix_hall_signing_keys_hall_id', 'hall_signing_keys', ['hall_id'])
    op.create_table(
        'licence_records',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('hall_id', sa.Uuid(), nullable=False),
        sa.Column('case_id', sa.Uuid(), nullable=True),
        sa.Column('case_number', sa.String(length=40), nullable=False),
        sa.Column('licence_number', sa.String(length=60), nullable=False),
        sa.Column('item_code', sa.String(length=40), nullable=False),
        sa.Column('title', sa.String(length=100), nullable=False),
        sa.Column('holder', sa.String(length=200), nullable=False),
        sa.Column('fields', sa.JSON(), nullable=False),
        sa.Column('code', sa.Text(), nullable=False),
        sa.Column('issued_at', UTCDateTime(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('revoked_reason', sa.Text(), nullable=False),
        sa.Column('revoked_at', UTCDateTime(), nullable=True),
        sa.Column('replaced_by', sa.String(length=60), nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['hall_id'], ['halls.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('hall_id', 'licence_number'),
    )
    op.create_index('ix_licence_records_hall_id', 'licence_records', ['hall_id'])
    op.create_table(
        'receipt_records',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('hall_id', sa.Uuid(), nullable=False),
        sa.Column('payment_id', sa.String(length=40), nullable=False),
        sa.Column('stock_code', sa.String(length=8), nullable=False),
        sa.Column('number', sa.String(length=10), nullable=False),
        sa.Column('total', sa.String(length=20), nullable=False),
        sa.Column('payer_masked', sa.String(length=100), nullable=False),
        sa.Column('case_number', sa.String(length=40), nullable=False),
        sa.Column('issued_at', UTCDateTime(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('status_reason', sa.Text(), nullable=False),
        sa.Column('status_at', UTCDateTime(), nullable=True),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['hall_id'], ['halls.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('hall_id', 'stock_code', 'number'),
    )
    op.create_index('ix_receipt_records_hall_id', 'receipt_records', ['hall_id'])
    op.create_index('ix_receipt_records_payment_id', 'receipt_records', ['payment_id'])


def downgrade() -> None:
    op.drop_table('receipt_records')
    op.drop_table('licence_records')
    op.drop_table('hall_signing_keys')
