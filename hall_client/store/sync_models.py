"""Tables of the sync engine: what became of each outbox message, cursors, the server's view
of the hall's cases and the clerk's notices."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hall_client.store.models import Base, new_id, utcnow


class SyncDelivery(Base):
    """The outcome of one outbox message: ``done`` (with the server's answer, written in the
    same transaction that marks the message sent), ``parked`` (refused for good, with the
    server's reason) or ``conflict`` (the server moved the case on; both sides kept)."""

    __tablename__ = "sync_delivery"

    message_id: Mapped[str] = mapped_column(ForeignKey("outbox_message.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(16), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    status_code: Mapped[int | None] = mapped_column(Integer, default=None)
    code: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[Any] = mapped_column(JSON, default=None)
    server_side: Mapped[Any] = mapped_column(JSON, default=None)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncState(Base):
    """Small named values: pull cursor, catalog revision, holiday ETag, last success."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ServerCase(Base):
    """A case of the hall as the server last reported it (the server owns workflow state)."""

    __tablename__ = "server_case"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_number: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(32), index=True)
    item_code: Mapped[str] = mapped_column(String(40))
    item_name: Mapped[str] = mapped_column(String(200))
    project_name: Mapped[str] = mapped_column(String(200))
    applicant: Mapped[str] = mapped_column(String(100))
    warning: Mapped[str] = mapped_column(String(16))
    promised_due: Mapped[str | None] = mapped_column(String(10), default=None)
    data: Mapped[dict[str, Any]] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncNotice(Base):
    """Something the clerk must act on: an approval (call the applicant), a return, a
    correction request, a refusal."""

    __tablename__ = "sync_notice"
    __table_args__ = (UniqueConstraint("case_id", "kind", "text"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    case_number: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    seen_at: Mapped[datetime | None] = mapped_column(default=None)


class PresubmissionRow(Base):
    """An online application (网上申报) the server holds for this hall, waiting at the window
    for pre-review; the counter's decision travels back through the outbox."""

    __tablename__ = "presubmission"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(40))
    item_name: Mapped[str] = mapped_column(String(200))
    project_name: Mapped[str] = mapped_column(String(200))
    applicant: Mapped[dict[str, Any]] = mapped_column()
    materials: Mapped[Any] = mapped_column(JSON)
    notes: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime] = mapped_column()
    status: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    case_number: Mapped[str] = mapped_column(String(64), default="")
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
