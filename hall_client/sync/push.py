"""Pushing the outbox to the central server, exactly once per message.

Order: messages are taken in ``seq`` order and each case's messages stay in order — its
creation first, then its pages (several in flight at once, bounded), then its payment and
window steps. ``Idempotency-Key`` is the message id, so a message repeated after a cut, a lost
answer or a crash is applied once by the server. A message the server refuses for good (4xx
other than auth and conflict) is parked with the server's reason and blocks only its own case;
a 409 that means "the server moved the case on" is kept as a conflict with both sides.
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hall_client.store.db import Store
from hall_client.sync import ledger
from hall_client.sync.ledger import CONFLICT, PARKED, Pending
from hall_client.sync.signin import PasswordNeeded, ServerAuth
from hall_client.sync.transport import Answer, Offline, ServerHttp

CHUNK = 1024 * 1024
#: 409 codes that are not conflicts with the server's workflow state: retry.
#: ``receipt_unknown``/``licence_unknown``: a status change overtook its record; retry.
RETRY_409 = {"idempotency_in_flight", "uploads_incomplete", "receipt_unknown", "licence_unknown"}
#: Kinds the server has no route for (yet): kept, parked with the reason.
NO_ROUTE: dict[str, str] = {}
#: Kinds whose body carries a code signed with the hall's seal: its public key goes first.
SEALED = {"licence.issue", "receipt.issue"}
#: A voided or refunded payment: its receipts' standing at /verify.
RECEIPT_STATUS = {"fee.voided": "voided", "fee.refunded": "refunded"}


@dataclass
class Outcome:
    kind: str  # done | parked | conflict | retry | auth
    status: int | None = None
    code: str = ""
    reason: str = ""
    answer: Any = None
    server_side: Any = None
    retry_after: float | None = None
    sent_bytes: int = 0


@dataclass
class Backoff:
    """Exponential back-off with full jitter, per message, kept in memory."""

    base: float = 0.5
    cap: float = 60.0
    rng: Callable[[], float] = random.random
    due: dict[str, float] = field(default_factory=dict)
    tries: dict[str, int] = field(default_factory=dict)

    def fail(self, message_id: str, now: float, at_least: float | None = None) -> float:
        n = self.tries.get(message_id, 0)
        self.tries[message_id] = n + 1
        delay = max(0.05, self.rng() * min(self.cap, self.base * 2 ** n))
        if at_least is not None:
            delay = max(delay, at_least)
        self.due[message_id] = now + delay
        return delay

    def ready(self, message_id: str, now: float) -> bool:
        return self.due.get(message_id, 0.0) <= now

    def forget(self, message_id: str) -> None:
        self.due.pop(message_id, None)
        self.tries.pop(message_id, None)


@dataclass
class PushReport:
    delivered: int = 0
    parked: int = 0
    conflicts: int = 0
    retries: int = 0
    bytes_sent: int = 0
    waiting: int = 0
    errors: list[str] = field(default_factory=list)
    auth_needed: PasswordNeeded | None = None


def schedule(pending: list[Pending], blocked: set[str], backoff: Backoff,
             now: float) -> list[Pending]:
    """Messages that may be sent now: per case, the first undelivered message, or the run of
    page uploads that starts a case's queue after its creation."""
    held: set[str] = set(blocked)
    pages_running: set[str] = set()
    ready: list[Pending] = []
    for m in pending:
        key = m.case_id
        if key is None:
            if backoff.ready(m.id, now):
                ready.append(m)
            continue
        if key in held:
            continue
        if not backoff.ready(m.id, now):
            held.add(key)
            continue
        if m.kind == "page.upload":
            ready.append(m)
            pages_running.add(key)
            continue
        if key in pages_running:
            held.add(key)
            continue
        ready.append(m)
        held.add(key)
    return ready


class Pusher:
    """Delivers the outbox; one instance per engine (its back-off state lives here)."""

    def __init__(self, store: Store, http: ServerHttp, auth: ServerAuth, data_dir: Path, *,
                 workers: int = 4, backoff: Backoff | None = None,
                 on_progress: Callable[[PushReport], None] | None = None) -> None:
        self.store, self.http, self.auth, self.data_dir = store, http, auth, data_dir
        self.workers = workers
        self.backoff = backoff or Backoff()
        self.on_progress = on_progress
        self._stop = threading.Event()
        self._seal_lock = threading.Lock()
        self._seal_registered = False

    def stop(self) -> None:
        self._stop.set()

    # -- the loop -----------------------------------------------------------------------------
    def push(self, *, wait_up_to: float = 0.0) -> PushReport:
        """Send everything that can go now; wait for back-offs up to ``wait_up_to`` seconds."""
        report = PushReport()
        deadline = time.monotonic() + wait_up_to
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="sync-push") as pool:
            while not self._stop.is_set():
                with self.store.transaction() as s:
                    pending = ledger.load_pending(s)
                    blocked = ledger.blocked_cases(s)
                report.waiting = len(pending)
                if not pending:
                    break
                now = time.monotonic()
                ready = schedule(pending, blocked, self.backoff, now)
                if not ready:
                    waits = [self.backoff.due[m.id] for m in pending if m.id in self.backoff.due
                             and not self.backoff.ready(m.id, now)]
                    if not waits or min(waits) > deadline:
                        break
                    self._stop.wait(max(0.0, min(waits) - now))
                    continue
                outcomes = list(pool.map(self._deliver_one, ready))
                for m, out in zip(ready, outcomes, strict=True):
                    self._count(report, m, out)
                if report.auth_needed is not None:
                    break
                if self.on_progress:
                    self.on_progress(report)
        return report

    def _count(self, report: PushReport, m: Pending, out: Outcome) -> None:
        report.bytes_sent += out.sent_bytes
        if out.kind == "done":
            report.delivered += 1
            self.backoff.forget(m.id)
        elif out.kind == PARKED:
            report.parked += 1
        elif out.kind == CONFLICT:
            report.conflicts += 1
        elif out.kind == "auth":
            report.auth_needed = out.answer
        else:
            report.retries += 1
            if len(report.errors) < 20:
                report.errors.append(f"#{m.seq} {m.kind}: {out.reason}")

    def _deliver_one(self, m: Pending) -> Outcome:
        try:
            out = self.deliver(m)
        except PasswordNeeded as exc:
            return Outcome("auth", answer=exc, reason=exc.reason)
        except Offline as exc:
            out = Outcome("retry", reason=str(exc))
        except OSError as exc:  # the local page file cannot be read
            out = Outcome(PARKED, code="page_file_unreadable",
                          reason=f"本地材料影像文件无法读取：{exc.strerror or exc}")
        self._settle(m, out)
        return out

    def _settle(self, m: Pending, out: Outcome) -> None:
        if out.kind == "done":
            with self.store.transaction() as s:
                ledger.record_done(s, m, out.status or 200, out.answer)
        elif out.kind in (PARKED, CONFLICT):
            with self.store.transaction() as s:
                ledger.record_refused(s, m, out.kind, out.status, out.code, out.reason,
                                      out.server_side)
        elif out.kind == "retry":
            self.backoff.fail(m.id, time.monotonic(), out.retry_after)
            with self.store.transaction() as s:
                ledger.record_failure(s, m.id, out.reason)

    # -- one message --------------------------------------------------------------------------
    def _call(self, method: str, path: str, *, key: str | None = None, json_body: Any = None,
              data: bytes | None = None, headers: dict[str, str] | None = None,
              params: dict[str, Any] | None = None) -> Answer:
        hdrs = dict(headers or {})
        if key:
            hdrs["Idempotency-Key"] = key
        return self.auth.request(method, path, json_body=json_body, data=data, headers=hdrs,
                                 params=params)

    def deliver(self, m: Pending) -> Outcome:
        if m.kind in NO_ROUTE:
            return Outcome(PARKED, code="no_server_route", reason=NO_ROUTE[m.kind])
        if m.kind in ("page.upload", "licence.upload"):
            return self._upload(m)  # a licence PDF is a result upload (kind "result")
        if m.kind == "case.create":
            return self._judge(m, self._call("POST", "/api/v1/cases", key=m.id,
                                             json_body=m.payload))
        if m.kind == "case.action":
            return self._judge(m, self._call(
                "POST", f"/api/v1/cases/{m.payload['case_id']}/actions", key=m.id,
                json_body=m.payload["body"]))
        if m.kind == "fee.paid":
            if m.case_id is None:
                return Outcome(PARKED, code="fee_without_case",
                               reason=f"收费记录没有对应的案件（{m.payload.get('case', '')}），无法上报")
            body = {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"payment:{m.payload['payment']}")),
                    "action": "payment_recorded", "amount": str(m.payload["total"]),
                    "receipt_number": f"{m.payload.get('stock_code', '')}-"
                                      f"{m.payload.get('number', '')}".strip("-")}
            return self._judge(m, self._call("POST", f"/api/v1/cases/{m.case_id}/actions",
                                             key=m.id, json_body=body))
        if m.kind in SEALED and not self._seal_registered:
            refused = self._register_seal()
            if refused is not None:
                return self._judge(m, refused)
        if m.kind == "licence.issue":
            return self._judge(m, self._call("POST", "/api/v1/licences", key=m.id,
                                             json_body=m.payload["body"]))
        if m.kind == "licence.revoke":
            return self._judge(m, self._call(
                "POST", f"/api/v1/licences/{m.payload['licence_id']}/revoke", key=m.id,
                json_body=m.payload["body"]))
        if m.kind == "case.collection_code":
            return self._judge(m, self._call(
                "POST", f"/api/v1/cases/{m.payload['case_id']}/collection-code", key=m.id,
                json_body=m.payload["body"]))
        if m.kind == "receipt.issue":
            return self._judge(m, self._call("POST", "/api/v1/receipts", key=m.id,
                                             json_body=m.payload))
        if m.kind in RECEIPT_STATUS:
            body = {"status": RECEIPT_STATUS[m.kind], "reason": str(m.payload.get("reason", "")),
                    "at": str(m.payload.get("at") or m.created_at)}
            return self._judge(m, self._call(
                "POST", f"/api/v1/receipts/by-payment/{m.payload['payment']}/status", key=m.id,
                json_body=body))
        if m.kind == "presubmission.decision":
            return self._judge(m, self._call(
                "POST", f"/api/v1/presubmissions/{m.payload['id']}/decision",
                json_body=m.payload["body"]))
        if m.kind == "rating.create":
            return self._judge(m, self._call("POST", "/api/v1/ratings", key=m.id,
                                             json_body=m.payload))
        return Outcome(PARKED, code="unknown_kind", reason=f"未知的同步消息类型：{m.kind}")

    def _register_seal(self) -> Answer | None:
        """Register this counter's public key with the server once per run (harmless again);
        None when done, else the server's refusal."""
        from hall_client.core.results.seal import hall_seal

        with self._seal_lock:
            if self._seal_registered:
                return None
            seal = hall_seal(self.data_dir)
            answer = self._call("POST", "/api/v1/signing-keys",
                                json_body={"public_key": seal.public_key,
                                           "label": f"counter key {seal.key_id}"})
            if answer.status in (200, 201):
                self._seal_registered = True
                return None
            return answer

    def _judge(self, m: Pending, answer: Answer) -> Outcome:
        if 200 <= answer.status < 300:
            return Outcome("done", status=answer.status, answer=answer.body)
        code, message = answer.code, answer.message or f"HTTP {answer.status}"
        if answer.status in (423, 429) or (answer.status == 409 and code in RETRY_409):
            after = float(answer.headers.get("Retry-After", "1") or 1)
            return Outcome("retry", status=answer.status, code=code, reason=message,
                           retry_after=after)
        if answer.status == 409 and code == "not_at_window" and m.kind == "fee.paid":
            # Paid before the approval came back: reported once the case is at the window.
            return Outcome("retry", status=409, code=code, reason=message, retry_after=120.0)
        if answer.status == 403 and code == "role_forbidden":
            # Another person (a clerk) must send this one; keep it waiting, do not park.
            return Outcome("retry", status=403, code=code, reason=message, retry_after=60.0)
        if answer.status == 409:
            return Outcome(CONFLICT, status=409, code=code, reason=message,
                           server_side=self._server_side(m))
        return Outcome(PARKED, status=answer.status, code=code, reason=message)

    def _server_side(self, m: Pending) -> Any:
        if m.kind == "presubmission.decision":
            return {"status": "decided_elsewhere"}
        if not m.case_id:
            return None
        try:
            answer = self._call("GET", f"/api/v1/cases/{m.case_id}")
        except Offline:
            return None
        return answer.body if answer.status == 200 else None

    # -- pages --------------------------------------------------------------------------------
    def _upload(self, m: Pending) -> Outcome:
        declared = m.payload["upload"]
        case_id = m.payload["case_id"]
        answer = self._call("POST", f"/api/v1/cases/{case_id}/uploads", key=m.id,
                            json_body=declared)
        if answer.status not in (200, 201):
            return self._judge(m, answer)
        state = answer.body
        if state.get("complete"):
            return Outcome("done", status=answer.status, answer=state)
        path = self.data_dir / m.payload["file"]
        data = path.read_bytes()
        if len(data) != int(declared["size"]) or \
                hashlib.sha256(data).hexdigest() != declared["sha256"]:
            return Outcome(PARKED, code="page_file_changed",
                           reason=f"本地材料影像 {m.payload['file']} 与登记时不一致（大小或校验值）")
        upload_id = declared["id"]
        offset = int(state["confirmed_offset"])
        restarts = 0
        sent = 0
        while True:
            if offset >= len(data):
                # Everything is confirmed but the upload did not say complete: ask.
                answer = self._call("GET", f"/api/v1/uploads/{upload_id}")
                if answer.status == 200 and answer.body.get("complete"):
                    return Outcome("done", status=200, answer=answer.body, sent_bytes=sent)
                offset = int(answer.body.get("confirmed_offset", 0)) if answer.status == 200 else 0
                restarts += 1
                if restarts > 2:
                    return Outcome("retry", reason="服务器未确认材料影像完整")
                continue
            chunk = data[offset:offset + CHUNK]
            answer = self._call("PUT", f"/api/v1/uploads/{upload_id}/chunks",
                                params={"offset": offset}, data=chunk,
                                headers={"Content-Type": "application/octet-stream",
                                         "X-Chunk-SHA256": hashlib.sha256(chunk).hexdigest()})
            body = answer.body if isinstance(answer.body, dict) else {}
            if answer.status == 200:
                sent += len(chunk)
                offset = int(body["confirmed_offset"])
                if body.get("complete"):
                    return Outcome("done", status=200, answer=body, sent_bytes=sent)
                continue
            raw_detail = body.get("detail")
            detail: dict[str, Any] = raw_detail if isinstance(raw_detail, dict) else {}
            if answer.status == 409 and answer.code in ("wrong_offset", "chunk_conflict"):
                offset = int(detail.get("confirmed_offset", 0))
                restarts += 1
            elif answer.status == 422 and answer.code in ("checksum_mismatch",
                                                          "chunk_checksum_mismatch"):
                offset = int(detail.get("confirmed_offset", offset))
                restarts += 1
            else:
                return self._judge(m, answer)
            if restarts > 5:
                return Outcome("retry", status=answer.status, code=answer.code,
                               reason=answer.message)
