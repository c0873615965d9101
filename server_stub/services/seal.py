"""The signed codes printed as QR on licences and receipts, as the server reads them.

A code is ``|``-separated text: a version tag, the signing key's id, the fields the document
vouches for, and last an Ed25519 signature (base64url, no padding) over everything before it
(UTF-8). The counter writes them (``hall_client/core/results/seal.py``); the two sides share
only this format, described in docs/results.md.

- licence ``HL1|key|hall|licence number|item code|case number|holder|issued yyyymmdd|sig``
- receipt ``HR1|key|hall|票据代码|票据号码|total|issued yyyymmddHHMMSS UTC|masked payer|sig``
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

LICENCE_TAG, RECEIPT_TAG, OLD_RECEIPT_TAG = "HL1", "HR1", "HC1"
FIELDS = {
    LICENCE_TAG: ("hall", "licence_number", "item_code", "case_number", "holder", "issued"),
    RECEIPT_TAG: ("hall", "stock_code", "number", "total", "issued", "payer"),
}
MAX_CODE = 2000


class SealError(Exception):
    """A code that is not one of ours, or whose signature does not hold."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class SealedCode:
    """A code taken apart: which document, which key, the fields, and the signed message."""

    tag: str
    key_id: str
    fields: dict[str, str]
    message: bytes
    signature: bytes

    @property
    def kind(self) -> str:
        return "licence" if self.tag == LICENCE_TAG else "receipt"


def key_id_of(raw_public: bytes) -> str:
    return hashlib.sha256(raw_public).hexdigest()[:16]


def b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def parse(code: str) -> SealedCode:
    """Take a scanned or typed code apart (no signature check yet)."""
    text = code.strip()
    if len(text) > MAX_CODE:
        raise SealError("code_too_long", "输入的内容过长，不是本系统的验真码")
    parts = text.split("|")
    tag = parts[0] if parts else ""
    if tag == OLD_RECEIPT_TAG:
        raise SealError("old_receipt_code",
                        "这是旧式票据二维码（HC1），只能在开票大厅的窗口验真")
    names = FIELDS.get(tag)
    if names is None or len(parts) != len(names) + 3:
        raise SealError("code_malformed", "不是本系统的证照或票据验真码")
    try:
        signature = b64decode(parts[-1])
    except (ValueError, TypeError) as exc:
        raise SealError("code_malformed", "验真码的签名部分已损坏") from exc
    if len(signature) != 64:
        raise SealError("code_malformed", "验真码的签名部分已损坏")
    fields = dict(zip(names, parts[2:-1], strict=True))
    message = "|".join(parts[:-1]).encode("utf-8")
    return SealedCode(tag, parts[1], fields, message, signature)


def check(sealed: SealedCode, public_key_b64: str) -> bool:
    """True when the signature holds under the given public key."""
    try:
        Ed25519PublicKey.from_public_bytes(b64decode(public_key_b64)).verify(
            sealed.signature, sealed.message)
    except (InvalidSignature, ValueError):
        return False
    return True


def public_key_valid(public_key_b64: str) -> bytes:
    """The raw 32 bytes of a base64url Ed25519 public key, or ValueError."""
    raw = b64decode(public_key_b64)
    Ed25519PublicKey.from_public_bytes(raw)
    return raw
