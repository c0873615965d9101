"""Tables of results at the window: licences printed for cases, one-time collection codes,
and the record of who collected what (with the signature image kept beside the case).

A licence number is taken once, when the licence is prepared; it stays with that licence
whether the printer fails or not (``prepared`` until a print succeeds, then ``issued``), so
no number is lost or used twice. A revoked licence keeps its number; its reissue gets a new one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hall_client.store.models import Base, new_id, utcnow


class Licence(Base):
    """One licence (证照) or approval letter for a case, with its signed QR code."""

    __tablename__ = "licence"
    __table_args__ = (UniqueConstraint("item_code", "year", "seq"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    case_number: Mapped[str] = mapped_column(String(64))
    item_code: Mapped[str] = mapped_column(String(40))
    item_name: Mapped[str] = mapped_column(String(200))
    template: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    holder: Mapped[str] = mapped_column(Text)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    code: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), index=True)  # prepared | issued | revoked
    prints: Mapped[int] = mapped_column(Integer, default=0)
    pdf_file: Mapped[str] = mapped_column(String(200), default="")
    reissue_of: Mapped[str] = mapped_column(String(60), default="")
    replaced_by: Mapped[str] = mapped_column(String(60), default="")
    revoke_reason: Mapped[str] = mapped_column(Text, default="")
    revoked_by: Mapped[str] = mapped_column(String(64), default="")
    revoke_approved_by: Mapped[str] = mapped_column(String(64), default="")
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    prepared_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CollectionCode(Base):
    """A one-time SMS code for collecting a case's result: kept as a hash, with tries and expiry."""

    __tablename__ = "collection_code"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    phone: Mapped[str] = mapped_column(String(32))
    code_hash: Mapped[str] = mapped_column(String(64))
    tries_left: Mapped[int] = mapped_column(Integer)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None] = mapped_column(default=None)
    state: Mapped[str] = mapped_column(String(16))  # open | used | locked | replaced


class Collection(Base):
    """The result handed over: to whom, how identity was checked, the signature image."""

    __tablename__ = "collection"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(String(36), unique=True)
    licence_id: Mapped[str | None] = mapped_column(ForeignKey("licence.id"), default=None)
    collector_kind: Mapped[str] = mapped_column(String(16))  # applicant | agent
    collector_name: Mapped[str] = mapped_column(Text)
    collector_id_masked: Mapped[str] = mapped_column(String(40), default="")
    method: Mapped[str] = mapped_column(String(16))  # id | sms
    authorisation_file: Mapped[str] = mapped_column(String(200), default="")
    signature_file: Mapped[str] = mapped_column(String(200))
    clerk: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)
