"""Tables of the counter's cases (受理件): the case, its applicant, materials checklist, pages,
event history and numbered notices, plus the counter's copy of the holiday table.

A case keeps the catalog item version it was accepted under; its number and its notices'
numbers come from gap-free sequences taken in the transaction that writes them. Page files are
content-addressed under the data directory (``pages/<sha256[:2]>/<sha256>.jpg``) and stored
once however many cases hold them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hall_client.store.models import Base, new_id, utcnow


class IntakeCase(Base):
    """One application taken at this counter: accepted (受理), sent back for correction (补正)
    or refused (不予受理). ``applicant_name`` and ``applicant_id`` repeat the applicant's for
    the case list's search."""

    __tablename__ = "intake_case"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    hall: Mapped[str] = mapped_column(String(32))
    counter: Mapped[str] = mapped_column(String(32))
    item_code: Mapped[str] = mapped_column(String(32), index=True)
    item_version: Mapped[int] = mapped_column(Integer)
    item_name: Mapped[str] = mapped_column(String(128))
    department: Mapped[str] = mapped_column(String(16))
    project_name: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    applicant_name: Mapped[str] = mapped_column(Text, default="")
    applicant_id: Mapped[str] = mapped_column(String(40), default="", index=True)
    query_code: Mapped[str | None] = mapped_column(String(12), default=None)
    legal_limit_days: Mapped[int] = mapped_column(Integer)
    promised_limit_days: Mapped[int] = mapped_column(Integer)
    accepted_at: Mapped[datetime | None] = mapped_column(default=None)
    legal_date: Mapped[date | None] = mapped_column(Date, default=None)
    promised_date: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    deadline_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    clerk: Mapped[str] = mapped_column(String(64))
    applicant: Mapped[CaseApplicant] = relationship(
        back_populates="case", cascade="all, delete-orphan", lazy="selectin", uselist=False)
    materials: Mapped[list[CaseMaterial]] = relationship(
        back_populates="case", cascade="all, delete-orphan", lazy="selectin",
        order_by="CaseMaterial.position")


class CaseApplicant(Base):
    """The applicant: a person or an organisation, as typed (no normalisation of names)."""

    __tablename__ = "case_applicant"

    case_id: Mapped[str] = mapped_column(ForeignKey("intake_case.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    id_type: Mapped[str] = mapped_column(String(24))
    id_number: Mapped[str] = mapped_column(String(40))
    phone: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    case: Mapped[IntakeCase] = relationship(back_populates="applicant")


class CaseMaterial(Base):
    """One line of the case's checklist, from the item's one-time notice list.

    ``state``: received, missing, nonconforming (received but not usable: ``reason`` says
    why) or deferred (容缺: to be supplied by ``promised_by`` on the applicant's promise).
    """

    __tablename__ = "case_material"
    __table_args__ = (UniqueConstraint("case_id", "position"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("intake_case.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    required: Mapped[bool] = mapped_column(Boolean)
    deferrable: Mapped[bool] = mapped_column(Boolean, default=False)
    section: Mapped[str] = mapped_column(String(32), default="")
    digitise: Mapped[bool] = mapped_column(Boolean, default=True)
    state: Mapped[str] = mapped_column(String(16))
    form: Mapped[str] = mapped_column(String(24))
    copies: Mapped[int] = mapped_column(Integer, default=1)
    reason: Mapped[str] = mapped_column(Text, default="")
    promised_by: Mapped[date | None] = mapped_column(Date, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    case: Mapped[IntakeCase] = relationship(back_populates="materials")


class CasePage(Base):
    """One page image of a case, in paper order; the file is content-addressed."""

    __tablename__ = "case_page"
    __table_args__ = (UniqueConstraint("case_id", "seq"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("intake_case.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    material_position: Mapped[int | None] = mapped_column(Integer, default=None)
    material: Mapped[str] = mapped_column(String(200), default="")
    section: Mapped[str] = mapped_column(String(32), default="")
    name: Mapped[str] = mapped_column(String(64))
    file: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str] = mapped_column(String(32), default="image/jpeg")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseEvent(Base):
    """One step of the case's history at the counter, in order (who, when, what)."""

    __tablename__ = "case_event"
    __table_args__ = (UniqueConstraint("case_id", "seq"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("intake_case.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    action: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(64))
    actor_name: Mapped[str] = mapped_column(String(64), default="")
    counter: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CaseNotice(Base):
    """A numbered notice given to the applicant: 受理通知书, 补正材料通知书 or 不予受理决定书.

    ``content`` is what was printed (so a reprint, marked 重打, shows the same); numbers are
    gap-free per kind, counter and year.
    """

    __tablename__ = "case_notice"
    __table_args__ = (UniqueConstraint("kind", "year", "seq"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("intake_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    reprints: Mapped[int] = mapped_column(Integer, default=0)


class HolidayDay(Base):
    """The counter's copy of the holiday table: a public holiday or a make-up workday (调休)."""

    __tablename__ = "holiday_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # holiday | workday
    name: Mapped[str] = mapped_column(String(32), default="")


class HolidayYear(Base):
    """A year whose holiday arrangement the table holds; dates outside are not guessed."""

    __tablename__ = "holiday_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(32))
