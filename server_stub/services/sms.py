"""SMS notices: an outbox table with delivery state and retries, and pluggable gateways.

Messages are queued in the same transaction as the change they announce; a delivery pass
sends what is due and reschedules failures with growing back-off until the attempts run out.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.clock import local_date
from server_stub.models import Case, SmsMessage

TEMPLATES = {
    "accepted": "【行政服务中心】您申请的“{item}”已受理，受理号 {number}，查询码见受理通知书。",
    "correction": "【行政服务中心】您申请的“{item}”（受理号 {number}）需补正材料：{reason}。"
                  "补正期间暂停计时，请尽快到窗口补交。",
    "approved": "【行政服务中心】您申请的“{item}”（受理号 {number}）已审批通过，"
                "请携带身份证件到窗口缴费并领取证件。",
    "rejected": "【行政服务中心】很遗憾，您申请的“{item}”（受理号 {number}）未予许可：{reason}。",
    "urged": "【电子监察】受理号 {number}（{item}）的“{step}”环节已被催办，请尽快办理。{reason}",
}


class SmsGateway(Protocol):
    def send(self, phone: str, text: str) -> None:
        """Deliver or raise; the outbox retries on any exception."""


class FileGateway:
    """Appends each message as a JSON line: for demos, tests and counties without a gateway."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def send(self, phone: str, text: str) -> None:
        # Phone numbers of applicants: readable by the server's user only.
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with open(fd, "a", encoding="utf-8") as f:
            f.write(json.dumps({"phone": phone, "text": text}, ensure_ascii=False) + "\n")


class ConsoleGateway:
    def send(self, phone: str, text: str) -> None:
        print(f"[SMS → {phone}] {text}", file=sys.stderr)


def gateway_for(kind: str, data_dir: Path) -> SmsGateway:
    return ConsoleGateway() if kind == "console" else FileGateway(data_dir / "sms.log")


def queue(session: Session, case: Case | None, kind: str, phone: str, now: datetime,
          **fields: Any) -> SmsMessage | None:
    """Put a notice in the outbox (nothing when there is no number to send it to)."""
    if not phone:
        return None
    values = {"item": case.item_name if case else "", "number": case.case_number if case else "",
              "reason": "", "step": "", **fields}
    message = SmsMessage(case_id=case.id if case else None, phone=phone, kind=kind,
                         text=TEMPLATES[kind].format(**values), status="queued", attempts=0,
                         next_attempt_at=now, created_at=now)
    session.add(message)
    return message


def deliver_due(session: Session, gateway: SmsGateway, now: datetime, max_attempts: int,
                limit: int = 100) -> dict[str, int]:
    """One delivery pass; returns how many were sent, retried and given up."""
    counts = {"sent": 0, "retry": 0, "failed": 0}
    due = session.scalars(
        select(SmsMessage).where(SmsMessage.status == "queued", SmsMessage.next_attempt_at <= now)
        .order_by(SmsMessage.created_at).limit(limit)
        # Several server processes deliver at once: each takes messages no other holds.
        .with_for_update(skip_locked=True)
    ).all()
    for message in due:
        message.attempts += 1
        try:
            gateway.send(message.phone, message.text)
        except Exception as exc:
            message.last_error = f"{exc.__class__.__name__}: {exc}"[:500]
            if message.attempts >= max_attempts:
                message.status = "failed"
                counts["failed"] += 1
            else:
                message.next_attempt_at = now + timedelta(seconds=30 * 2 ** (message.attempts - 1))
                counts["retry"] += 1
        else:
            message.status = "sent"
            message.sent_at = now
            message.last_error = ""
            counts["sent"] += 1
    session.commit()
    return counts


def start_worker(app: Any) -> Callable[[], None]:
    """A background delivery loop for the running server; returns its stop function."""
    settings = app.state.settings
    gateway = gateway_for(settings.sms_adapter, settings.data_dir)
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(settings.sms_interval_seconds):
            try:
                with app.state.sessionmaker() as session:
                    deliver_due(session, gateway, app.state.clock(), settings.sms_max_attempts)
            except Exception as exc:
                print(f"hall-server: SMS delivery pass failed: {exc}", file=sys.stderr)

    thread = threading.Thread(target=loop, name="sms-outbox", daemon=True)
    thread.start()

    def halt() -> None:
        stop.set()
        thread.join(timeout=5)

    return halt


def sent_on(message: SmsMessage) -> str:
    return local_date(message.sent_at).isoformat() if message.sent_at else ""
