"""supervision ratings: 好差评 ratings, their closed loops and appeals

Revision ID: 0005_supervision_ratings
Revises: 0004_presubmissions
Create Date: 2026-11-29 20:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005_supervision_ratings'
down_revision = '0004_presubmissions'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'ratings',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('hall_id', sa.Uuid(), nullable=False),
        sa.Column('case_id', sa.Uuid(), nullable=False),
        sa.Column('level', sa.String(length=10), nullable=False),
        sa.Column('score', sa.Integer(), nullable=False),
        sa.Column('clerk', sa.String(length=60), nullable=False),
        sa.Column('clerk_name', sa.String(length=100), nullable=False),
        sa.Column('counter', sa.String(length=40), nullable=False),
        sa.Column('rated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('comment', sa.Text(), nullable=False),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('received_by', sa.Uuid(), nullable=False),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id']),
        sa.ForeignKeyConstraint(['hall_id'], ['halls.id']),
        sa.ForeignKeyConstraint(['received_by'], ['users.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('ratings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ratings_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ratings_clerk'), ['clerk'], unique=False)
        batch_op.create_index(batch_op.f('ix_ratings_hall_id'), ['hall_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ratings_state'), ['state'], unique=False)
    op.create_table(
        'rating_loop_steps',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('rating_id', sa.Uuid(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('limit_days', sa.Integer(), nullable=False),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('due_date', sa.Date(), nullable=True),
        sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('done_by', sa.String(length=100), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['rating_id'], ['ratings.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('rating_id', 'kind'),
    )
    with op.batch_alter_table('rating_loop_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rating_loop_steps_rating_id'), ['rating_id'],
                              unique=False)
    op.create_table(
        'rating_appeals',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('rating_id', sa.Uuid(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('filed_by', sa.String(length=100), nullable=False),
        sa.Column('filed_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.Column('decided_by', sa.String(length=100), nullable=False),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('decision_reason', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['rating_id'], ['ratings.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('rating_appeals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rating_appeals_rating_id'), ['rating_id'],
                              unique=False)


def downgrade() -> None:
    op.drop_table('rating_appeals')
    op.drop_table('rating_loop_steps')
    op.drop_table('ratings')
