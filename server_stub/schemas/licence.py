"""Bodies of the /verify side of the API: hall keys, licence and receipt records, answers."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, Field

from server_stub.schemas.common import ClientText, Money


class SigningKeyIn(ClientText):
    public_key: str = Field(min_length=40, max_length=64,
                            description="Ed25519 公钥（32 字节，base64url 不带填充）")
    label: str = Field(default="", max_length=100)


class SigningKeyOut(BaseModel):
    key_id: str
    hall: str
    label: str
    created_at: datetime


class LicenceIn(ClientText):
    id: uuid.UUID
    case_id: uuid.UUID | None = None
    case_number: str = Field(default="", max_length=40)
    licence_number: str = Field(min_length=1, max_length=60)
    item_code: str = Field(min_length=1, max_length=40)
    title: str = Field(min_length=1, max_length=100)
    holder: str = Field(min_length=1, max_length=200)
    fields: dict[str, str] = Field(default_factory=dict, description="证照的要素（照面信息）")
    code: str = Field(min_length=10, max_length=2000, description="证照上二维码的签名内容")
    issued_at: AwareDatetime
    reissue_of: str = Field(default="", max_length=60, description="补发所替换的旧证号")


class LicenceRevokeIn(ClientText):
    reason: str = Field(min_length=2, max_length=500)
    approved_by: str = Field(min_length=1, max_length=100)
    revoked_at: AwareDatetime
    replaced_by: str = Field(default="", max_length=60)


class LicenceOut(BaseModel):
    id: uuid.UUID
    licence_number: str
    status: str
    title: str
    holder: str


class ReceiptIn(ClientText):
    id: uuid.UUID
    payment_id: str = Field(min_length=1, max_length=40)
    stock_code: str = Field(pattern=r"^\d{8}$")
    number: str = Field(pattern=r"^\d{10}$")
    total: Money
    payer_masked: str = Field(min_length=1, max_length=100)
    case_number: str = Field(default="", max_length=40)
    issued_at: AwareDatetime


class ReceiptStatusIn(ClientText):
    status: Literal["voided", "refunded"]
    reason: str = Field(default="", max_length=500)
    at: AwareDatetime


class ReceiptOut(BaseModel):
    id: uuid.UUID
    stock_code: str
    number: str
    status: str


class VerifyOut(BaseModel):
    """What a code vouches for. ``verdict``: genuine, revoked, voided, refunded,
    unregistered (signature holds, the record has not reached the server yet), not_genuine."""

    verdict: str
    genuine: bool
    message: str
    kind: str | None = None
    hall: str | None = None
    hall_name: str | None = None
    fields: dict[str, Any] = Field(default_factory=dict)
    record: dict[str, Any] | None = None


class CollectionCodeIn(ClientText):
    """A one-time code the counter made for collecting a result; the server texts it."""

    id: uuid.UUID
    code: str = Field(pattern=r"^[0-9]{6}$")
    expires_at: AwareDatetime


class CollectionCodeOut(BaseModel):
    id: uuid.UUID
    queued: bool
