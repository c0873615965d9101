"""Password hashing (argon2) and opaque bearer tokens.

Tokens are random strings; only their SHA-256 is stored, so a stolen database does not yield
usable tokens, and a token can be revoked by deleting its row.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def use_cheap_hashing() -> None:
    """Tests only: argon2's cheapest profile, so seeding sixty users takes no time."""
    global _hasher, DUMMY_HASH
    from argon2.profiles import CHEAPEST

    _hasher = PasswordHasher.from_parameters(CHEAPEST)
    DUMMY_HASH = _hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


#: A valid hash to verify against when the user does not exist, so timing does not tell.
DUMMY_HASH = _hasher.hash("not-a-real-password")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def keyed_digest(secret_key: str, value: str) -> str:
    """HMAC of a short secret (a verification code) so the table alone cannot reveal it."""
    return hmac.new(secret_key.encode(), value.encode("utf-8"), hashlib.sha256).hexdigest()
