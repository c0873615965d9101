"""Driving the engine to quiet, checking what reached the server, and another process that
holds a data directory's sync lock."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from hall_client.core import outbox
from hall_client.core.counter import Counter
from hall_client.sync import ledger
from hall_client.sync.engine import PassResult, SyncEngine
from tests.sync.live import ROOT, LiveServer


def pending_count(counter: Counter) -> int:
    with counter.store.transaction() as s:
        return len(ledger.load_pending(s))


def drive(engine: SyncEngine, counter: Counter, passes: int = 40,
          wait: float = 3.0) -> list[PassResult]:
    """Passes until nothing is left to send (or ``passes`` run out)."""
    results = []
    for _ in range(passes):
        results.append(engine.run_once(wait_up_to=wait))
        if pending_count(counter) == 0:
            break
    return results


def enqueue_window_approve(counter: Counter, case_id: str) -> str:
    action_id = str(uuid.uuid4())
    with counter.store.transaction() as s:
        outbox.enqueue(s, "case.action", {"case_id": case_id,
                                          "body": {"id": action_id, "action": "approve"}})
    return action_id


def check_server_has(server: LiveServer, sent: list[tuple[str, dict[str, str]]],
                     approvals: dict[str, str] | None = None) -> None:
    """Every case once, every page complete and byte-identical, every action applied once."""
    token = server.token("wangjing", "C01")
    cases = server.get("/api/v1/cases", token).json()["cases"]
    by_id: dict[str, Any] = {}
    for c in cases:
        assert c["id"] not in by_id
        by_id[c["id"]] = c
    numbers = [c["case_number"] for c in cases]
    assert len(numbers) == len(set(numbers))
    for case_id, hashes in sent:
        case = by_id[case_id]
        uploads = {u["id"]: u for u in case["uploads"]}
        assert set(uploads) == set(hashes), case_id
        for up_id, digest in hashes.items():
            assert uploads[up_id]["complete"], up_id
            content = server.get(f"/api/v1/uploads/{up_id}/content", token).content
            assert hashlib.sha256(content).hexdigest() == digest
        if approvals and case_id in approvals:
            events = server.get(f"/api/v1/cases/{case_id}/history", token).json()["events"]
            approves = [e for e in events if e["action"] == "approve"]
            assert len(approves) == 1, events
            assert case["current_stage"] == 2


def approve_on_server(server: LiveServer, case_id: str) -> None:
    """Department review, deputy and chief approve the case on the server (their web pages
    do the same through the API)."""
    for user in ("chenhao", "zhengwei", "hejun"):
        token = server.token(user)
        r = server.post(f"/api/v1/cases/{case_id}/actions", token,
                        {"id": str(uuid.uuid4()), "action": "approve", "opinion": "同意"})
        assert r.status_code == 200, r.text


def server_action(server: LiveServer, case_id: str, user: str, body: dict[str, Any]) -> Any:
    r = server.post(f"/api/v1/cases/{case_id}/actions", server.token(user),
                    {"id": str(uuid.uuid4()), **body})
    assert r.status_code == 200, r.text
    return r.json()


#: Another process: takes DIR's lock (waiting up to SECONDS), says "held" or "refused", then
#: keeps it until a line arrives on its standard input.
HOLDER = """
import sys
from pathlib import Path
from hall_client.sync.passlock import PassLock
lock = PassLock(Path(sys.argv[1]))
print("held" if lock.acquire(float(sys.argv[2])) else "refused", flush=True)
sys.stdin.readline()
lock.release()
"""


def holder(directory: Path, wait: float = 0.0) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", HOLDER, str(directory), str(wait)], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def said(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline().strip()


def finish(proc: subprocess.Popen[str]) -> None:
    """Tell it to let go; wait for it to end (closing its pipes)."""
    proc.communicate("\n", timeout=30)
    assert proc.returncode == 0
