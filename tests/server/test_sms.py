"""The SMS outbox: file adapter, retries with back-off, giving up after the last attempt."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from server_stub.models import SmsMessage
from server_stub.services import sms

from .conftest import Api
from .helpers import create_case


class FlakyGateway:
    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.sent: list[tuple[str, str]] = []

    def send(self, phone: str, text: str) -> None:
        if self.failures > 0:
            self.failures -= 1
            raise ConnectionError("gateway timeout")
        self.sent.append((phone, text))


def test_file_adapter_delivers_the_acceptance_text(api: Api) -> None:
    case = create_case(api)
    r = api.as_("admin", "POST", "/api/v1/sms/deliver")
    assert r.json() == {"sent": 1, "retry": 0, "failed": 0}
    log = api.app.state.settings.data_dir / "sms.log"
    lines = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    assert lines == [{"phone": "13900001111", "text": lines[0]["text"]}]
    assert case["case_number"] in lines[0]["text"] and "已受理" in lines[0]["text"]
    out = api.as_("admin", "GET", "/api/v1/sms/outbox").json()
    assert out[0]["status"] == "sent" and out[0]["attempts"] == 1
    assert api.as_("jiancha", "GET", "/api/v1/sms/outbox").status_code == 403


def test_retries_then_sends(api: Api) -> None:
    create_case(api)
    gateway = FlakyGateway(failures=2)
    with api.session() as s:
        now = api.clock.now
        assert sms.deliver_due(s, gateway, now, 5) == {"sent": 0, "retry": 1, "failed": 0}
        # Not due again until the back-off has passed.
        assert sms.deliver_due(s, gateway, now, 5) == {"sent": 0, "retry": 0, "failed": 0}
        assert sms.deliver_due(s, gateway, now + timedelta(seconds=31), 5)["retry"] == 1
        assert sms.deliver_due(s, gateway, now + timedelta(seconds=92), 5)["sent"] == 1
        message = s.scalar(select(SmsMessage))
        assert (message.status, message.attempts, message.last_error) == ("sent", 3, "")
    assert len(gateway.sent) == 1


def test_gives_up_after_max_attempts(api: Api) -> None:
    create_case(api)
    gateway = FlakyGateway(failures=99)
    with api.session() as s:
        now = api.clock.now
        for i in range(3):
            sms.deliver_due(s, gateway, now + timedelta(hours=i), 3)
        message = s.scalar(select(SmsMessage))
        assert message.status == "failed" and message.attempts == 3
        assert "gateway timeout" in message.last_error


def test_background_worker_delivers(api: Api) -> None:
    """The loop the running server starts: it sends what is queued, and stops when asked."""
    import time

    create_case(api)
    settings = api.app.state.settings
    settings.sms_interval_seconds = 0.01
    stop = sms.start_worker(api.app)
    try:
        log = settings.data_dir / "sms.log"
        for _ in range(1000):  # wait for the condition, not for a time
            if log.exists() and log.read_text(encoding="utf-8").strip():
                break
            time.sleep(0.01)
    finally:
        stop()
    assert "已受理" in log.read_text(encoding="utf-8")
    with api.session() as s:
        assert s.scalar(select(SmsMessage)).status == "sent"
