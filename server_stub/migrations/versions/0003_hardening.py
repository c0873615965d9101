"""hardening: 64-bit cursors, throttles in the database, hall code key, token lineage

Revision ID: 0003_hardening
Revises: 0002
Create Date: 2026-11-29 20:00:00

- case_events.seq and every catalog/holiday revision become BIGINT on PostgreSQL (a client's
  cursor past 2**31-1 no longer overflows; SQLite integers are 64-bit already);
- ``throttles`` holds sign-in failures and lock-outs and status-page lookups per key, so all
  server processes share one count (users.failed_logins/locked_until and
  cases.status_failures go);
- halls.code_key (the upper-cased code) is unique: "h2" and "H2" cannot both be registered;
- auth_tokens.parent/used_at tell a spent refresh token from a killed one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from server_stub.models import UTCDateTime

revision = '0003_hardening'
down_revision = '0002'
branch_labels = None
depends_on = None

WIDENED = [("case_events", "seq"), ("departments", "revision"), ("people", "revision"),
           ("catalog_items", "revision"), ("holiday_days", "revision")]


def upgrade() -> None:
    # No batch (table-copying) operations: on SQLite with foreign keys on, copying a table
    # that others reference (halls, users, cases) fails. SQLite 3.35+ adds and drops plain
    # columns in place; the unique hall code key is a unique index.
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table, column in WIDENED:
            op.alter_column(table, column, type_=sa.BigInteger(), existing_type=sa.Integer())
        seq = bind.execute(sa.text("SELECT pg_get_serial_sequence('case_events', 'seq')")).scalar()
        if seq:
            op.execute(f"ALTER SEQUENCE {seq} AS bigint")
    op.create_table(
        'throttles',
        sa.Column('key', sa.String(length=200), nullable=False),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('locked_until', UTCDateTime(timezone=True), nullable=True),
        sa.Column('updated_at', UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('key'),
    )
    op.create_index('ix_throttles_updated_at', 'throttles', ['updated_at'], unique=False)
    # SQLite adds a NOT NULL column in place only with a default; every row is filled next.
    op.add_column('halls', sa.Column('code_key', sa.String(length=40), nullable=False,
                                     server_default=''))
    op.execute("UPDATE halls SET code_key = upper(code)")
    if bind.dialect.name == "postgresql":
        op.alter_column('halls', 'code_key', existing_type=sa.String(length=40),
                        server_default=None)
    op.create_index('ix_halls_code_key', 'halls', ['code_key'], unique=True)
    op.drop_column('users', 'failed_logins')
    op.drop_column('users', 'locked_until')
    op.drop_column('cases', 'status_failures')
    op.add_column('auth_tokens', sa.Column('parent', sa.String(length=64), nullable=True))
    op.add_column('auth_tokens', sa.Column('used_at', UTCDateTime(timezone=True), nullable=True))
    op.create_index('ix_auth_tokens_parent', 'auth_tokens', ['parent'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_auth_tokens_parent', table_name='auth_tokens')
    op.drop_column('auth_tokens', 'used_at')
    op.drop_column('auth_tokens', 'parent')
    op.add_column('cases', sa.Column('status_failures', sa.Integer(), nullable=False,
                                     server_default='0'))
    op.add_column('users', sa.Column('locked_until', UTCDateTime(timezone=True), nullable=True))
    op.add_column('users', sa.Column('failed_logins', sa.Integer(), nullable=False,
                                     server_default='0'))
    op.drop_index('ix_halls_code_key', table_name='halls')
    op.drop_column('halls', 'code_key')
    op.drop_index('ix_throttles_updated_at', table_name='throttles')
    op.drop_table('throttles')
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table, column in WIDENED:
            op.alter_column(table, column, type_=sa.Integer(), existing_type=sa.BigInteger())
