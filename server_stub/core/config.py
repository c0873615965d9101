"""Server settings, read once from the command line and environment.

The server runs from one data directory (SQLite file, uploaded page files, SMS log) unless a
database URL points elsewhere; tests build a ``Settings`` directly.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs


def default_data_dir() -> Path:
    """Where the server keeps its state when neither ``--data-dir`` nor env says otherwise."""
    env = os.environ.get("HALL_SERVER_DATA_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("hall-server", appauthor=False))


@dataclass
class Settings:
    """Everything the app needs to know about its environment."""

    data_dir: Path = field(default_factory=default_data_dir)
    database_url: str | None = None
    #: Secret for keyed hashes (verification codes); generated per data dir when not given.
    secret_key: str = ""
    access_token_minutes: int = 15
    refresh_token_days: int = 7
    max_failed_logins: int = 5
    lockout_minutes: int = 15
    #: Largest request body accepted at all (bytes); a page chunk must fit inside it.
    max_body_bytes: int = 2 * 1024 * 1024
    max_chunk_bytes: int = 1024 * 1024
    max_file_bytes: int = 20 * 1024 * 1024
    #: A step or case is yellow when due within this many working days.
    yellow_working_days: int = 1
    #: Idempotency claims older than this are treated as abandoned (a crashed request).
    idempotency_stale_seconds: int = 60
    sms_adapter: str = "file"  # "file" or "console"
    sms_max_attempts: int = 5
    #: Run the SMS delivery loop in a background thread (off in tests: they call it directly).
    sms_worker: bool = False
    sms_interval_seconds: float = 5.0
    #: Wrong status-page lookups (unknown number or wrong code) from one client address
    #: before its lookups pause for ``status_lock_minutes``.
    status_max_failures: int = 10
    status_lock_minutes: int = 15
    #: Mark review-page cookies Secure even when the request does not look like HTTPS (a
    #: proxy that terminates TLS but is not in --forwarded-allow-ips).
    secure_cookies: bool = False
    #: Largest decoded size of an uploaded image (width × height): a small PNG can decode to
    #: gigabytes (a decompression bomb); an A4 page at 300 dpi is 8.7 million pixels.
    max_image_pixels: int = 40_000_000

    #: Where page files live: empty for ``DATA_DIR/files``, or ``s3://bucket/prefix/`` for an
    #: S3-compatible object store at ``s3_endpoint`` (keys from env HALL_SERVER_S3_ACCESS_KEY
    #: and HALL_SERVER_S3_SECRET_KEY), shared by server processes on several machines.
    file_store: str = field(default_factory=lambda: os.environ.get("HALL_SERVER_FILE_STORE", ""))
    s3_endpoint: str = field(
        default_factory=lambda: os.environ.get("HALL_SERVER_S3_ENDPOINT", ""))
    s3_region: str = field(
        default_factory=lambda: os.environ.get("HALL_SERVER_S3_REGION", "us-east-1"))

    #: Requests one server process works on at once (its worker threads; the others wait
    #: on the event loop). The work holds Python's interpreter lock most of the time: with
    #: 40 threads (the default of the web framework) under 50 counters the threads' fight
    #: for the lock cost a quarter more CPU per request and a third less throughput than 8.
    threads: int = field(
        default_factory=lambda: int(os.environ.get("HALL_SERVER_THREADS", "8")))

    #: Ready each process before it listens (connections, caches, compiled statements; see
    #: ``services/warmup``), so the first requests after a start do not pay for it.
    warm_up: bool = field(
        default_factory=lambda: os.environ.get("HALL_SERVER_WARM_UP", "1") != "0")

    #: Connections each server process keeps to PostgreSQL, and how many more it may open at
    #: peaks. N processes need N × (pool + overflow) below the server's max_connections.
    db_pool_size: int = field(
        default_factory=lambda: int(os.environ.get("HALL_SERVER_DB_POOL_SIZE", "10")))
    db_max_overflow: int = field(
        default_factory=lambda: int(os.environ.get("HALL_SERVER_DB_MAX_OVERFLOW", "10")))

    def resolved_database_url(self) -> str:
        """The database URL, defaulting to a SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'server.sqlite3'}"

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"

    def ensure_dirs(self) -> None:
        """Create the data directory tree and a persistent secret key if none was given."""
        # Applicants' data: the server's user only (other local users cannot list or read).
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.files_dir.mkdir(exist_ok=True, mode=0o700)
        self.files_dir.chmod(0o700)
        if not self.secret_key:
            self.secret_key = os.environ.get("HALL_SERVER_SECRET_KEY", "")
        if not self.secret_key:
            key_file = self.data_dir / "secret.key"
            if not key_file.exists():
                key_file.write_text(secrets.token_hex(32), encoding="utf-8")
                key_file.chmod(0o600)
            self.secret_key = key_file.read_text(encoding="utf-8").strip()
