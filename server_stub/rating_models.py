"""Models of service ratings (好差评): one rating per visit, the closed loop a bad rating opens,
and appeals against ratings made in error. Kept beside ``models.py`` on the same ``Base``.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from server_stub.models import Base


class Rating(Base):
    """An applicant's rating of one visit, sent by the counter (idempotent by the client's id)."""

    __tablename__ = "ratings"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    hall_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("halls.id"), index=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    level: Mapped[str] = mapped_column(String(10))
    score: Mapped[int] = mapped_column(Integer)
    clerk: Mapped[str] = mapped_column(String(60), index=True)
    clerk_name: Mapped[str] = mapped_column(String(100))
    counter: Mapped[str] = mapped_column(String(40))
    rated_at: Mapped[datetime]
    comment: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime]
    received_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    # none (good rating) | open (loop running) | closed (loop done) | voided (appeal accepted)
    state: Mapped[str] = mapped_column(String(10), index=True)


class RatingLoopStep(Base):
    """One step of a bad rating's closed loop: verify, rectify, answer, call back."""

    __tablename__ = "rating_loop_steps"
    __table_args__ = (UniqueConstraint("rating_id", "kind"),)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    rating_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ratings.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    limit_days: Mapped[int] = mapped_column(Integer)
    # pending | active | done | cancelled
    state: Mapped[str] = mapped_column(String(10))
    started_at: Mapped[datetime | None]
    due_date: Mapped[date | None] = mapped_column(Date)
    done_at: Mapped[datetime | None]
    done_by: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class RatingAppeal(Base):
    """A request to void a rating made in error, decided by a supervisor with a reason."""

    __tablename__ = "rating_appeals"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    rating_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ratings.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    filed_by: Mapped[str] = mapped_column(String(100))
    filed_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(10))  # pending | accepted | refused
    decided_by: Mapped[str] = mapped_column(String(100), default="")
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str] = mapped_column(Text, default="")
