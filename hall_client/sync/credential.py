"""The counter's registration with the central server and the people's server tokens.

Kept in one file under the data directory, readable by its owner only (0600), written
atomically with fsync so a crash leaves the old or the new file, never half of one. The
counter secret and the tokens never reach a log: ``repr`` hides them.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from hall_client.core.errors import InvalidInput, Problem

CREDENTIAL_FILENAME = "server-credential.json"


@dataclass
class TokenPair:
    access_token: str
    refresh_token: str
    access_expires_at: float  # time.time() seconds
    refresh_expires_at: float
    role: str = ""
    name: str = ""
    #: A refresh whose answer may have been lost: retried with the same token (docs/server.md).
    refresh_pending_since: float | None = None

    def __repr__(self) -> str:
        return f"TokenPair(role={self.role!r}, access_expires_at={self.access_expires_at})"


@dataclass
class Registration:
    url: str
    hall: str
    counter: str
    counter_secret: str
    tokens: dict[str, TokenPair] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Registration(url={self.url!r}, hall={self.hall!r}, counter={self.counter!r})"


class CredentialFile:
    """Load and save the registration; one lock per file so engine threads save in turn."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / CREDENTIAL_FILENAME
        self._lock = threading.Lock()

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> Registration | None:
        if not self.path.exists():
            return None
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            tokens = {user: TokenPair(**pair) for user, pair in raw.pop("tokens", {}).items()}
            return Registration(**raw, tokens=tokens)
        except (ValueError, TypeError) as exc:
            raise InvalidInput([Problem(str(self.path), "credential_unreadable",
                                        "服务器登记文件已损坏，请重新登记（hall-client server "
                                        "register）")]) from exc

    def save(self, registration: Registration) -> None:
        data: dict[str, Any] = asdict(registration)
        text = json.dumps(data, ensure_ascii=False, indent=1)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.name + ".tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.fchmod(fd, 0o600) if hasattr(os, "fchmod") else None
                os.write(fd, text.encode("utf-8"))
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, self.path)
            _fsync_dir(self.path.parent)


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
