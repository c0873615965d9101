"""rehash case events: the chain now covers seq, hall_id and actor_role

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 01:05:00
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from server_stub.models import UTCDateTime

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

events = sa.table(
    "case_events",
    sa.column("seq", sa.Integer), sa.column("id", sa.Uuid), sa.column("case_id", sa.Uuid),
    sa.column("hall_id", sa.Uuid), sa.column("step_id", sa.Uuid),
    sa.column("action", sa.String), sa.column("actor_id", sa.Uuid),
    sa.column("actor_name", sa.String), sa.column("actor_role", sa.String),
    sa.column("acted_as", sa.String), sa.column("opinion", sa.Text),
    sa.column("data", sa.JSON), sa.column("at", UTCDateTime()),
    sa.column("prev_hash", sa.String), sa.column("hash", sa.String),
)


def _hash(row: Any, prev: str) -> str:
    """The hash as services.cases.event_hash computed it at this revision (frozen here)."""
    payload = json.dumps(
        [row.seq, str(row.id), str(row.case_id), str(row.hall_id), str(row.step_id),
         row.action, str(row.actor_id), row.actor_name, row.actor_role, row.acted_as,
         row.opinion, row.data, row.at.isoformat(), prev],
        sort_keys=True, ensure_ascii=False, default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def upgrade() -> None:
    conn = op.get_bind()
    prev_of: dict[Any, str] = {}
    rows = conn.execute(sa.select(events).order_by(events.c.case_id, events.c.seq)).all()
    for row in rows:
        prev = prev_of.get(row.case_id, "0" * 64)
        digest = _hash(row, prev)
        conn.execute(events.update().where(events.c.seq == row.seq)
                     .values(prev_hash=prev, hash=digest))
        prev_of[row.case_id] = digest


def downgrade() -> None:
    """The old hashes cannot be restored meaningfully; chains stay as rehashed."""
