"""Signed receipt QR payloads: Ed25519 under the hall's seal, so anyone can check a receipt.

The QR carries the facts that matter to a forger (hall, 票据代码, 票据号码, total, issue time,
the payer's masked name) and an Ed25519 signature over them (``HR1``, the same scheme as the
licences, see ``core/results/seal.py``); the server's ``/verify`` checks it with the hall's
registered public key and says whether the receipt still stands (voided, refunded). The
verification code printed in words is a short form of the same signature, for checking by
phone. Receipts printed before the seal (``HC1``, an HMAC under a key only the counter holds)
still verify at the counter with that old key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from hall_client.core.errors import DomainError
from hall_client.core.results.seal import (
    RECEIPT_TAG,
    HallSeal,
    SealError,
    hall_seal,
    mask_name,
)
from hall_client.printing.receipt import Receipt

LEGACY_VERSION = "HC1"
PAYLOAD_VERSION = RECEIPT_TAG
KEY_BYTES = 32


class ReceiptForgeryError(DomainError):
    """A QR payload or verification code did not verify: the receipt is forged or altered."""


@dataclass(frozen=True)
class VerifiedReceipt:
    """The facts a verified QR payload vouches for."""

    hall_code: str
    stock_code: str
    number: str
    total: Decimal
    issued_at: datetime


def _stamp(issued: datetime) -> str:
    return issued.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def receipt_fields(receipt: Receipt) -> tuple[str, ...]:
    """hall, 票据代码, 票据号码, total, issue time (UTC), masked payer: what the QR vouches for."""
    return (receipt.hall_code, receipt.stock_code, receipt.number, f"{receipt.total:.2f}",
            _stamp(receipt.issued_at), mask_name(receipt.payer).replace("|", "/"))


def qr_payload(receipt: Receipt, key: bytes) -> str:
    """``HR1|key id|hall|code|number|total|yyyymmddHHMMSS(UTC)|masked payer|signature``."""
    return HallSeal(key).sign_fields(RECEIPT_TAG, receipt_fields(receipt))


def verification_code(receipt: Receipt, key: bytes) -> str:
    """A short code printed on the receipt (``ABCD-EFGH-JKLM``) for checking without a scanner."""
    signature = qr_payload(receipt, key).rsplit("|", 1)[1]
    digest = hashlib.sha256(b"code|" + signature.encode("ascii")).digest()
    text = base64.b32encode(digest).decode("ascii")[:12]
    return "-".join(text[i : i + 4] for i in range(0, 12, 4))


def _facts(hall: str, code: str, number: str, total_text: str, stamp: str) -> VerifiedReceipt:
    try:
        total = Decimal(total_text)
        issued = datetime.strptime(stamp, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except (InvalidOperation, ValueError) as exc:
        raise ReceiptForgeryError(code="receipt_qr_malformed", message="二维码内容格式错误") from exc
    return VerifiedReceipt(hall, code, number, total, issued)


def verify_payload(payload: str, key: bytes, legacy_key: bytes | None = None) -> VerifiedReceipt:
    """Check a scanned QR payload; return what it vouches for or raise ReceiptForgeryError.

    ``key`` is the hall's seal; an old ``HC1`` receipt is checked with ``legacy_key`` (the
    counter's HMAC key of before), or with ``key`` when none is given.
    """
    parts = payload.strip().split("|")
    if parts[0] == LEGACY_VERSION:
        return _verify_legacy(parts, legacy_key if legacy_key is not None else key)
    if len(parts) != 9 or parts[0] != PAYLOAD_VERSION:
        raise ReceiptForgeryError(code="receipt_qr_malformed", message="二维码内容不是本系统的票据")
    try:
        fields = HallSeal(key).check(payload)
    except SealError as exc:
        raise ReceiptForgeryError(code="receipt_qr_forged",
                                  message="二维码签名不符：票据可能伪造或被涂改") from exc
    return _facts(*fields[:5])


def _verify_legacy(parts: list[str], key: bytes) -> VerifiedReceipt:
    if len(parts) != 7:
        raise ReceiptForgeryError(code="receipt_qr_malformed", message="二维码内容不是本系统的票据")
    facts = _facts(*parts[1:6])
    mac = hmac.new(key, "|".join(parts[:6]).encode("utf-8"), hashlib.sha256).digest()
    expected = base64.urlsafe_b64encode(mac).rstrip(b"=")
    if not hmac.compare_digest(expected, parts[6].encode("ascii", "replace")):
        raise ReceiptForgeryError(code="receipt_qr_forged", message="二维码签名不符：票据可能伪造或被涂改")
    return facts


def legacy_qr_payload(receipt: Receipt, key: bytes) -> str:
    """The ``HC1`` payload printed before the seal (kept to check old receipts and in tests)."""
    message = "|".join((LEGACY_VERSION, receipt.hall_code, receipt.stock_code, receipt.number,
                        f"{receipt.total:.2f}", _stamp(receipt.issued_at)))
    mac = hmac.new(key, message.encode("utf-8"), hashlib.sha256).digest()
    return f"{message}|{base64.urlsafe_b64encode(mac).rstrip(b'=').decode('ascii')}"


def load_or_create_key(path: Path) -> bytes:
    """Read a 32-byte key (hex), creating it with owner-only permissions if missing."""
    if path.exists():
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(key) != KEY_BYTES:
            raise DomainError(code="receipt_key_invalid", message=f"票据签名密钥文件损坏：{path}")
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
    return key


def hall_key(data_dir: Path) -> bytes:
    """The hall's seal (its Ed25519 seed) under the counter's data directory, made on first use."""
    return hall_seal(data_dir).seed


def legacy_key(data_dir: Path) -> bytes | None:
    """The HMAC key of receipts printed before the seal, if this counter had one."""
    path = data_dir / "keys" / "receipt-hmac.key"
    return load_or_create_key(path) if path.exists() else None
