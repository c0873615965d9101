"""Helpers for the sync tests: the real server in a process, counters registered with it, and
the outbox messages the intake workspace writes."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests

from hall_client.core import outbox
from hall_client.core.counter import Counter, open_counter
from hall_client.sync.credential import CredentialFile, Registration

ROOT = Path(__file__).resolve().parents[2]
COUNTER_SECRET = "counter-demo-secret"
PASSWORD = "demo1234"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    """hall-server on a loopback port; ``stop``/``start`` keep its data (a restart)."""

    data_dir: Path
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    tls: tuple[Path, Path, Path] | None = None  # (CA, certificate, key)

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self, wait: float = 60.0) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.data_dir.parent / f"server-{self.port}.log", "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.sync.server_proc", str(self.data_dir),
                 str(self.port), *([str(self.tls[1]), str(self.tls[2])] if self.tls else [])],
                cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited {self.proc.returncode}")
            try:
                if requests.get(self.url + "/healthz", timeout=0.5,
                                verify=str(self.tls[0]) if self.tls else True).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError("server did not start")

    def stop(self, hard: bool = False) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:  # a client kept a connection open
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    # -- server-side people -----------------------------------------------------------------
    def token(self, username: str, counter: str | None = None) -> str:
        body: dict[str, Any] = {"username": username, "password": PASSWORD}
        if counter:
            body |= {"hall": "demo", "counter": counter, "counter_secret": COUNTER_SECRET}
        r = requests.post(self.url + "/api/v1/auth/token", json=body, timeout=10)
        r.raise_for_status()
        return str(r.json()["access_token"])

    def get(self, path: str, token: str, **kw: Any) -> requests.Response:
        return requests.get(self.url + path, headers={"Authorization": f"Bearer {token}"},
                            timeout=30, **kw)

    def post(self, path: str, token: str, body: Any) -> requests.Response:
        return requests.post(self.url + path, json=body, timeout=30,
                             headers={"Authorization": f"Bearer {token}"})


def make_counter(directory: Path, url: str, counter_code: str = "C01", *,
                 counter_id: str | None = None) -> Counter:
    """A counter data directory registered with the server at ``url`` (as
    ``hall-client server register`` does)."""
    counter = open_counter(directory)
    if counter_id:
        from hall_client.core.settings import save_settings

        counter.settings.counter.id = counter_id
        save_settings(directory, counter.settings)
    CredentialFile(directory).save(Registration(url=url, hall="demo", counter=counter_code,
                                                counter_secret=COUNTER_SECRET))
    return counter


def page_bytes(case_index: int, page: int, size: int = 85_000) -> bytes:
    seed = hashlib.sha256(f"{case_index}:{page}".encode()).digest()
    block = seed * (size // len(seed) + 1)
    return b"\xff\xd8\xff" + block[: size - 5] + b"\xff\xd9"  # starts as a JPEG must


def enqueue_case(counter: Counter, index: int, *, pages: int = 3, size: int = 85_000,
                 number: str | None = None) -> tuple[str, dict[str, str]]:
    """What intake writes for one accepted case: ``case.create`` then one ``page.upload`` per
    page file (files under the data directory). Returns the case id and {upload id: sha256}."""
    case_id = str(uuid.uuid4())
    hashes: dict[str, str] = {}
    files = []
    folder = counter.data_dir / "cases" / case_id
    folder.mkdir(parents=True, exist_ok=True)
    for p in range(1, pages + 1):
        data = page_bytes(index, p, size)
        path = folder / f"{p:04d}.jpg"
        path.write_bytes(data)
        up_id = str(uuid.uuid4())
        hashes[up_id] = hashlib.sha256(data).hexdigest()
        files.append((up_id, path, data))
    with counter.store.transaction() as s:
        outbox.enqueue(s, "case.create", {
            "id": case_id, "item_code": "ZJ-XK-001", "item_version": 1,
            "case_number": number or f"{counter.settings.counter.id}-T{index:05d}",
            "verification_code": "AB12CD",
            "project_name": f"测试项目{index}",
            "accepted_at": datetime.now(UTC).isoformat(),
            "applicant": {"name": f"申请人{index}", "kind": "person"},
            "materials": [{"name": "申请表", "received": True}],
            "fees": [{"code": "FS-ZJ-001", "amount": "600.00"}]})
        for up_id, path, data in files:
            outbox.enqueue(s, "page.upload", {
                "case_id": case_id,
                "upload": {"id": up_id, "section": "施工", "name": path.name, "size": len(data),
                           "sha256": hashes[up_id], "content_type": "image/jpeg"},
                "file": os.path.relpath(path, counter.data_dir)})
    return case_id, hashes
