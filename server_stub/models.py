"""SQLAlchemy 2 models: the server's persistent state.

Identifiers of things a counter creates offline (cases, uploads, actions) are the client's
UUIDs; numbers people read (case numbers) come from gap-free sequences.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC on the way in and out, also on SQLite (which drops the offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


Cursor = BigInteger().with_variant(Integer(), "sqlite")
"""A cursor or revision clients hand back: 64-bit on PostgreSQL (a client's 2**31 must not
overflow), INTEGER on SQLite (64-bit already, and the only type that autoincrements)."""


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON,
    }


class Hall(Base):
    """A service centre; its counters and staff belong to it, and it sees only its own cases."""

    __tablename__ = "halls"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    #: The code upper-cased: unique, so "h2" and "H2" cannot both be registered (case
    #: numbers use the upper-cased code), also when two admins register them at once.
    code_key: Mapped[str] = mapped_column(String(40), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class Counter(Base):
    """A counter PC of a hall, with its own credential (the machine, not the person)."""

    __tablename__ = "counters"
    __table_args__ = (UniqueConstraint("hall_id", "code"),)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    hall_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("halls.id"))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    secret_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class User(Base):
    """A person who signs in: hall staff (clerk, cashier, supervisor) or server staff."""

    __tablename__ = "users"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    hall_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("halls.id"))
    department: Mapped[str | None] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(30))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class AuthToken(Base):
    """An access or refresh token, stored by digest; refresh tokens rotate within a family."""

    __tablename__ = "auth_tokens"
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    counter_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("counters.id"))
    family: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    expires_at: Mapped[datetime]
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Digest of the refresh token this pair was issued for (None for a sign-in).
    parent: Mapped[str | None] = mapped_column(String(64), index=True)
    #: When a refresh token was swapped for a new pair; a revoked token without it was
    #: killed (sign-out, reuse, a superseded lost answer), not spent.
    used_at: Mapped[datetime | None]


class Throttle(Base):
    """Failures counted against one key (a user name, a client address) and the lock they
    led to. Held in the database so that every server process sees the same count."""

    __tablename__ = "throttles"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(index=True)


class Setting(Base):
    """Small server-wide values: catalog revision, last published calendar year."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class NumberSequence(Base):
    """A gap-free counter (case numbers): the row is locked while a number is taken."""

    __tablename__ = "number_sequences"
    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    next_value: Mapped[int] = mapped_column(Integer)


class NumberReservation(Base):
    """A number taken from a sequence by a request still running (PostgreSQL).

    The request's transaction deletes the row in the same commit as the case that uses the
    number; a request that fails sets ``reserved_at`` far in the past (freed), one whose
    process died leaves it to go stale. Freed and stale numbers are taken again first, lowest
    first, so a sequence stays gap-free without being locked for a whole request."""

    __tablename__ = "number_reservations"
    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(32))
    reserved_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Department(Base):
    __tablename__ = "departments"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(60), default="")
    supervision_phone: Mapped[str] = mapped_column(String(60), default="")
    revision: Mapped[int] = mapped_column(Cursor, index=True)


class Person(Base):
    """A named post holder of the catalog (本级权限人), by user name."""

    __tablename__ = "people"
    user: Mapped[str] = mapped_column(String(60), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    department: Mapped[str] = mapped_column(String(40))
    revision: Mapped[int] = mapped_column(Cursor, index=True)


class CatalogItem(Base):
    """One version of a service item; a case keeps the version it was accepted under."""

    __tablename__ = "catalog_items"
    __table_args__ = (UniqueConstraint("code", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(40), index=True)
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, Any]]
    revision: Mapped[int] = mapped_column(Cursor, index=True)


class HolidayDay(Base):
    """A date that breaks the Monday–Friday rule: a public holiday or a make-up workday (调休)."""

    __tablename__ = "holiday_days"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # "holiday" | "workday"
    name: Mapped[str] = mapped_column(String(60), default="")
    revision: Mapped[int] = mapped_column(Cursor, default=0)


class Case(Base):
    """An application accepted at a counter, moving through its item's workflow."""

    __tablename__ = "cases"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    hall_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("halls.id"), index=True)
    counter_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("counters.id"))
    #: The code of the counter that accepted the case (from its credential), "" if none.
    counter_code: Mapped[str] = mapped_column(String(40), default="", index=True)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    case_number: Mapped[str] = mapped_column(String(40), unique=True)
    verification_digest: Mapped[str] = mapped_column(String(64))
    item_code: Mapped[str] = mapped_column(String(40), index=True)
    item_version: Mapped[int] = mapped_column(Integer)
    item_name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(40), index=True)
    project_name: Mapped[str] = mapped_column(String(200), default="")
    applicant: Mapped[dict[str, Any]]
    materials: Mapped[list[Any]]
    fees: Mapped[list[Any]]
    fee_total: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), index=True)
    current_stage: Mapped[int] = mapped_column(Integer)
    legal_limit_days: Mapped[int] = mapped_column(Integer)
    promised_limit_days: Mapped[int] = mapped_column(Integer)
    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    accepted_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    outcome_reason: Mapped[str] = mapped_column(Text, default="")
    #: The refusal letter's (不予许可决定书) number, gap-free per hall and year; "" otherwise.
    decision_number: Mapped[str] = mapped_column(String(60), default="")
    window_record: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CaseStep(Base):
    """One activation of a workflow post for a case; a return creates fresh activations."""

    __tablename__ = "case_steps"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    post: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100))
    stage: Mapped[int] = mapped_column(Integer)
    limit_days: Mapped[int] = mapped_column(Integer)
    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    holders: Mapped[list[Any]]
    backup: Mapped[list[Any]]
    state: Mapped[str] = mapped_column(String(20), index=True)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    actor_name: Mapped[str] = mapped_column(String(100), default="")
    acted_as: Mapped[str] = mapped_column(String(20), default="")
    opinion: Mapped[str] = mapped_column(Text, default="")


class ClockStop(Base):
    """A period in which the time limit does not run: correction (补正) or special procedure."""

    __tablename__ = "clock_stops"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    step_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("case_steps.id"))
    kind: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]


class Extension(Base):
    """A request to extend a step's limit (延期); it counts only once approved."""

    __tablename__ = "extensions"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    step_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_steps.id"))
    days: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20))
    requested_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    decided_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]


class CaseEvent(Base):
    """Append-only, hash-chained history of a case; ``seq`` is the supervision feed cursor."""

    __tablename__ = "case_events"
    seq: Mapped[int] = mapped_column(Cursor, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=uuid.uuid4)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    hall_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("halls.id"))
    step_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    action: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_name: Mapped[str] = mapped_column(String(100), default="")
    actor_role: Mapped[str] = mapped_column(String(20), default="")
    acted_as: Mapped[str] = mapped_column(String(20), default="")
    opinion: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]]
    at: Mapped[datetime]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Upload(Base):
    """A page file being uploaded in checksummed chunks; complete once its SHA-256 matched."""

    __tablename__ = "uploads"
    __table_args__ = (UniqueConstraint("case_id", "section", "name"),)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    section: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100))
    content_type: Mapped[str] = mapped_column(String(60))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    confirmed_offset: Mapped[int] = mapped_column(Integer, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    #: ``page`` (material pages, at the window) or ``result`` (a result document: the
    #: licence PDF, uploaded in the completion steps).
    kind: Mapped[str] = mapped_column(String(10), default="page")
    created_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]


class IdempotencyRecord(Base):
    """A write seen under an ``Idempotency-Key``: in flight, or done with its stored answer."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("scope", "key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scope: Mapped[str] = mapped_column(String(80))
    key: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(10))
    status_code: Mapped[int | None] = mapped_column(Integer)
    body: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime]


class SmsMessage(Base):
    """An outgoing text in the outbox, with its delivery state and retry schedule."""

    __tablename__ = "sms_messages"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("cases.id"), index=True)
    phone: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), index=True)  # queued | sent | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class HallSigningKey(Base):
    """A hall's Ed25519 public key: licences and receipts signed with it verify at /verify.

    A hall may hold several (one per counter PC, or an old key kept after a new one came);
    ``key_id`` (the first 16 hex digits of the key's SHA-256) is written into each signed code.
    """

    __tablename__ = "hall_signing_keys"
    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    hall_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("halls.id"), index=True)
    public_key: Mapped[str] = mapped_column(String(64))  # base64url of the 32 raw bytes
    label: Mapped[str] = mapped_column(String(100), default="")
    registered_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime]


class LicenceRecord(Base):
    """A licence (证照) printed at a counter: its number, essential fields, signed code, standing."""

    __tablename__ = "licence_records"
    __table_args__ = (UniqueConstraint("hall_id", "licence_number"),)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    hall_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("halls.id"), index=True)
    case_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    case_number: Mapped[str] = mapped_column(String(40), default="")
    licence_number: Mapped[str] = mapped_column(String(60))
    item_code: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(100))
    holder: Mapped[str] = mapped_column(String(200))
    fields: Mapped[dict[str, Any]]
    code: Mapped[str] = mapped_column(Text)
    issued_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(20), default="valid")  # valid | revoked
    revoked_reason: Mapped[str] = mapped_column(Text, default="")
    revoked_at: Mapped[datetime | None]
    replaced_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime]


class ReceiptRecord(Base):
    """A machine receipt issued at a counter, as far as /verify needs it (masked payer only)."""

    __tablename__ = "receipt_records"
    __table_args__ = (UniqueConstraint("hall_id", "stock_code", "number"),)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    hall_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("halls.id"), index=True)
    payment_id: Mapped[str] = mapped_column(String(40), index=True)
    stock_code: Mapped[str] = mapped_column(String(8))
    number: Mapped[str] = mapped_column(String(10))
    total: Mapped[str] = mapped_column(String(20))
    payer_masked: Mapped[str] = mapped_column(String(100))
    case_number: Mapped[str] = mapped_column(String(40), default="")
    issued_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(20), default="issued")  # issued|voided|refunded
    status_reason: Mapped[str] = mapped_column(Text, default="")
    status_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
class Presubmission(Base):
    """An application made online (网上申报) for a hall: pre-reviewed at a counter, then
    accepted (a case is made there), sent back for correction, or refused."""

    __tablename__ = "presubmissions"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    hall_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("halls.id"), index=True)
    item_code: Mapped[str] = mapped_column(String(40))
    item_version: Mapped[int] = mapped_column(Integer)
    item_name: Mapped[str] = mapped_column(String(200))
    project_name: Mapped[str] = mapped_column(String(200))
    applicant: Mapped[dict[str, Any]] = mapped_column(JSON)
    materials: Mapped[list[Any]] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(20), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    case_number: Mapped[str] = mapped_column(String(60), default="")
    decided_by: Mapped[str] = mapped_column(String(60), default="")
    decided_at: Mapped[datetime | None]
