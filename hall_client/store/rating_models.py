"""Service ratings (好差评) given at this counter: kept here first, sent by the sync engine."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hall_client.store.models import Base, new_id


class ServiceRating(Base):
    """One applicant's rating of one visit, tied to the case, the clerk and the counter."""

    __tablename__ = "service_rating"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    case_number: Mapped[str] = mapped_column(String(64), default="")
    level: Mapped[str] = mapped_column(String(10))
    clerk: Mapped[str] = mapped_column(String(64), index=True)
    clerk_name: Mapped[str] = mapped_column(String(64))
    counter: Mapped[str] = mapped_column(String(32))
    rated_at: Mapped[datetime] = mapped_column()
    comment: Mapped[str] = mapped_column(Text, default="")
