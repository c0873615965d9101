"""Signed receipt QR payloads: HMAC-SHA256 with a per-hall key, so a forged receipt is detected.

The QR carries the facts that matter to a forger (hall, 票据代码, 票据号码, total, issue time)
and a signature over them; the verification code printed in words is a short form of the same
signature, for checking by phone. Anyone holding the hall key can verify; without it nobody
can make a payload that verifies.
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
from hall_client.printing.receipt import Receipt

PAYLOAD_VERSION = "HC1"
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


def _message(hall: str, code: str, number: str, total: Decimal, issued: datetime) -> str:
    stamp = issued.astimezone(UTC).strftime("%Y%m%d%H%M%S")
    return "|".join((PAYLOAD_VERSION, hall, code, number, f"{total:.2f}", stamp))


def _mac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).digest()


def _receipt_message(receipt: Receipt) -> str:
    return _message(
        receipt.hall_code, receipt.stock_code, receipt.number, receipt.total, receipt.issued_at
    )


def qr_payload(receipt: Receipt, key: bytes) -> str:
    """``HC1|hall|code|number|total|yyyymmddHHMMSS(UTC)|signature`` (base64url, no padding)."""
    message = _receipt_message(receipt)
    signature = base64.urlsafe_b64encode(_mac(key, message)).rstrip(b"=").decode("ascii")
    return f"{message}|{signature}"


def verification_code(receipt: Receipt, key: bytes) -> str:
    """A short code printed on the receipt (``ABCD-EFGH-JKLM``) for checking without a scanner."""
    digest = hmac.new(key, b"code|" + _receipt_message(receipt).encode(), hashlib.sha256).digest()
    text = base64.b32encode(digest).decode("ascii")[:12]
    return "-".join(text[i : i + 4] for i in range(0, 12, 4))


def verify_payload(payload: str, key: bytes) -> VerifiedReceipt:
    """Check a scanned QR payload; return what it vouches for or raise ReceiptForgeryError."""
    parts = payload.strip().split("|")
    if len(parts) != 7 or parts[0] != PAYLOAD_VERSION:
        raise ReceiptForgeryError(code="receipt_qr_malformed", message="二维码内容不是本系统的票据")
    _, hall, code, number, total_text, stamp, signature = parts
    try:
        total = Decimal(total_text)
        issued = datetime.strptime(stamp, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except (InvalidOperation, ValueError) as exc:
        raise ReceiptForgeryError(code="receipt_qr_malformed", message="二维码内容格式错误") from exc
    expected = base64.urlsafe_b64encode(_mac(key, "|".join(parts[:6]))).rstrip(b"=")
    if not hmac.compare_digest(expected, signature.encode("ascii", "replace")):
        raise ReceiptForgeryError(code="receipt_qr_forged", message="二维码签名不符：票据可能伪造或被涂改")
    return VerifiedReceipt(hall, code, number, total, issued)


def load_or_create_key(path: Path) -> bytes:
    """Read the hall's receipt key (hex), creating it with owner-only permissions if missing."""
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
    """The hall's receipt-signing key under the counter's data directory (made on first use)."""
    return load_or_create_key(data_dir / "keys" / "receipt-hmac.key")
