"""The sync outbox: what the central server must hear of, written in the same transaction as
the change it reports, so a counter that is offline loses nothing and sends each change once
it is back (the sync engine reads the outbox in ``seq`` order and retries with the message id
as the Idempotency-Key)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_client.core.sequences import take_next
from hall_client.store.models import OutboxMessage, utcnow


def enqueue(session: Session, kind: str, payload: Mapping[str, Any]) -> OutboxMessage:
    message = OutboxMessage(seq=take_next(session, "outbox"), kind=kind, payload=dict(payload))
    session.add(message)
    session.flush()
    return message


def pending(session: Session, limit: int = 100) -> list[OutboxMessage]:
    return list(session.scalars(select(OutboxMessage).where(OutboxMessage.sent_at.is_(None))
                                .order_by(OutboxMessage.seq).limit(limit)))


def mark_sent(session: Session, message_id: str) -> None:
    message = session.get(OutboxMessage, message_id)
    if message is not None and message.sent_at is None:
        message.sent_at = utcnow()


def mark_failed(session: Session, message_id: str, error: str) -> None:
    message = session.get(OutboxMessage, message_id)
    if message is not None:
        message.attempts += 1
        message.last_error = error[:2000]
