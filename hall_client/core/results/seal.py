"""The hall's electronic seal: an Ed25519 key on the counter, signed codes for the QR.

The private key lives in the data directory (``keys/hall-ed25519.key``, owner-only); the
server keeps only the public key and checks codes at ``/verify``. A code is ``|``-separated
text — a version tag, the key id, the fields the paper vouches for, an Ed25519 signature
(base64url) over everything before it — so a changed character, a made-up number or a key
that is not the hall's is refused. The format is shared with ``server_stub/services/seal.py``
and described in docs/results.md.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from hall_client.core.errors import DomainError

LICENCE_TAG, RECEIPT_TAG = "HL1", "HR1"
KEY_FILE = Path("keys") / "hall-ed25519.key"
SEED_BYTES = 32


class SealError(DomainError):
    """A code did not verify, or a field cannot go into one."""


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class HallSeal:
    """The counter's signing key (from its 32-byte seed)."""

    seed: bytes

    @property
    def _private(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.seed)

    @property
    def public_raw(self) -> bytes:
        return self._private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def public_key(self) -> str:
        """base64url of the raw public key: what the server registers."""
        return b64(self.public_raw)

    @property
    def key_id(self) -> str:
        return hashlib.sha256(self.public_raw).hexdigest()[:16]

    def sign_fields(self, tag: str, fields: tuple[str, ...]) -> str:
        for value in fields:
            if "|" in value or "\n" in value or "\r" in value:
                raise SealError(code="seal_field_invalid",
                                message=f"签章内容不能含竖线或换行：{value}")
        message = "|".join((tag, self.key_id, *fields))
        return f"{message}|{b64(self._private.sign(message.encode('utf-8')))}"

    def check(self, code: str) -> list[str]:
        """The fields of a code this key signed, or SealError."""
        return check_code(code, self.public_raw)


def check_code(code: str, public_raw: bytes) -> list[str]:
    parts = code.strip().split("|")
    if len(parts) < 4 or parts[0] not in (LICENCE_TAG, RECEIPT_TAG):
        raise SealError(code="seal_code_malformed", message="二维码内容不是本系统的证照或票据")
    if parts[1] != hashlib.sha256(public_raw).hexdigest()[:16]:
        raise SealError(code="seal_key_other", message="二维码不是用本大厅的签名密钥签发的")
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(
            unb64(parts[-1]), "|".join(parts[:-1]).encode("utf-8"))
    except (InvalidSignature, ValueError) as exc:
        raise SealError(code="seal_signature_invalid",
                        message="二维码签名不符：内容可能被伪造或涂改") from exc
    return parts[2:-1]


def load_or_create(path: Path) -> HallSeal:
    """Read the seed (hex); create it with owner-only permissions (file 0600, folder 0700).

    Several processes may sign at once on a new counter (parallel receipt prints): the seed is
    written whole to a private temporary file and linked into place, so exactly one seed wins
    and nobody reads a half-written file."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(path.parent, 0o700)
        seed = Ed25519PrivateKey.generate().private_bytes_raw()
        temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(seed.hex() + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            with contextlib.suppress(FileExistsError):  # another process made it first: use theirs
                os.link(temp, path)
        finally:
            temp.unlink(missing_ok=True)
    try:
        seed = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except ValueError:
        seed = b""
    if len(seed) != SEED_BYTES:
        raise SealError(code="hall_key_invalid", message=f"大厅签名密钥文件损坏：{path}")
    return HallSeal(seed)


def hall_seal(data_dir: Path) -> HallSeal:
    """The counter's seal under its data directory (made on first use)."""
    return load_or_create(data_dir / KEY_FILE)


def mask_name(name: str) -> str:
    """A payer's or holder's name as printed for strangers: 王*, 王*静, 杭州*****公司."""
    name = name.strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    if len(name) <= 4:
        return name[0] + "*" * (len(name) - 2) + name[-1]
    return name[:2] + "*" * (len(name) - 4) + name[-2:]
