"""The sync engine: push the outbox, then pull changes, over and over while the program runs.

Headless (no Qt): the command line runs it in the foreground, the GUI in a background thread.
Every pass records what happened (online or not, last success, first error) in the database so
``hall-client sync status`` and the status bar can show it from any process.

One pass at a time per data directory (``passlock``): a pass that finds another one running
(the window's engine and ``hall-client sync run``, or two windows) waits a few seconds for it,
then gives up with a ``busy`` result and records nothing, so the other pass's record stands.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from hall_client.core.settings import Settings
from hall_client.store.db import Store
from hall_client.sync import ledger
from hall_client.sync.credential import CredentialFile
from hall_client.sync.ledger import open_sync_store
from hall_client.sync.passlock import PassLock, pass_running
from hall_client.sync.pull import Puller, PullReport
from hall_client.sync.push import Backoff, Pusher, PushReport
from hall_client.sync.signin import PasswordNeeded, ServerAuth
from hall_client.sync.transport import Answer, Offline, ServerHttp, is_plain_remote

LAST_SUCCESS = "last_success"
LAST_PASS = "last_pass"
#: Seconds a pass waits for another one on the same data directory before it gives up.
LOCK_WAIT = 5.0


@dataclass
class PassResult:
    online: bool
    push: PushReport = field(default_factory=PushReport)
    pull: PullReport = field(default_factory=PullReport)
    error: str = ""
    password_needed: str | None = None
    #: Another pass on the same data directory was running: this one did nothing (``online``
    #: is then what that pass last recorded).
    busy: bool = False

    def to_dict(self) -> dict[str, Any]:
        push = {k: v for k, v in vars(self.push).items() if k != "auth_needed"}
        return {"online": self.online, "error": self.error, "busy": self.busy,
                "password_needed": self.password_needed, "push": push,
                "pull": asdict(self.pull)}


class SyncEngine:
    def __init__(self, data_dir: Path, settings: Settings, *, store: Store | None = None,
                 workers: int = 4, backoff: Backoff | None = None,
                 on_progress: Callable[[PushReport], None] | None = None) -> None:
        self.data_dir, self.settings = data_dir, settings
        self.credentials = CredentialFile(data_dir)
        registration = self.credentials.load()
        url = registration.url if registration else settings.server.url
        self.url = url
        self.http = ServerHttp(url, ca_bundle=settings.server.ca_bundle,
                               allow_plain_http=settings.server.allow_plain_http)
        self.auth = ServerAuth(self.http, self.credentials)
        self._own_store = store is None
        self.store = store or open_sync_store(data_dir)
        self.pusher = Pusher(self.store, self.http, self.auth, data_dir, workers=workers,
                             backoff=backoff, on_progress=on_progress)
        self.puller = Puller(self.store, self._call)
        self._stop = threading.Event()

    @property
    def plain_remote(self) -> bool:
        return is_plain_remote(self.url)

    def close(self) -> None:
        self.http.close()
        if self._own_store:
            self.store.close()

    def stop(self) -> None:
        self._stop.set()
        self.pusher.stop()

    def _call(self, method: str, path: str, **kwargs: Any) -> Answer:
        return self.auth.request(method, path, **kwargs)

    def reachable(self) -> bool:
        try:
            return self.http.request("GET", "/healthz").status == 200
        except Offline:
            return False

    def sign_in(self, username: str, password: str) -> None:
        self.auth.sign_in(username, password)

    def use(self, username: str) -> bool:
        return self.auth.use(username)

    # -- one pass -----------------------------------------------------------------------------
    def run_once(self, *, wait_up_to: float = 0.0, pull: bool = True,
                 lock_wait: float | None = None) -> PassResult:
        """One pass: push, then pull. Waits up to ``lock_wait`` seconds (default ``LOCK_WAIT``)
        while another pass on the same data directory runs (any process), or until ``stop()``,
        then returns a ``busy`` result."""
        lock = PassLock(self.data_dir)
        if not lock.acquire(LOCK_WAIT if lock_wait is None else lock_wait, stop=self._stop):
            return self._busy()
        try:
            return self._pass(wait_up_to, pull)
        finally:
            lock.release()

    def _busy(self) -> PassResult:
        with self.store.transaction() as s:
            last = ledger.get_json(s, LAST_PASS)
        return PassResult(online=bool(last and last.get("online")), busy=True)

    def _pass(self, wait_up_to: float, pull: bool) -> PassResult:
        result = PassResult(online=True)
        try:
            result.push = self.pusher.push(wait_up_to=wait_up_to)
            if result.push.auth_needed is not None:
                raise result.push.auth_needed
            if pull:
                self.puller.pull_cases(result.pull)
                self.puller.pull_catalog(result.pull)
                self.puller.pull_holidays(result.pull)
                self.puller.pull_presubmissions(result.pull)
        except Offline as exc:
            result.online, result.error = False, str(exc)
        except PasswordNeeded as exc:
            result.error, result.password_needed = exc.reason, exc.username or ""
            result.online = self.reachable()
        if not result.error and result.push.retries and not result.push.delivered:
            result.error = result.push.errors[0] if result.push.errors else ""
            result.online = False
        self._record(result)
        return result

    def _record(self, result: PassResult) -> None:
        with self.store.transaction() as s:
            now = ledger.stamp()
            data = result.to_dict()
            data["at"] = now
            ledger.set_json(s, LAST_PASS, data)
            if result.online and not result.error and not result.push.retries:
                ledger.set_value(s, LAST_SUCCESS, now)

    def run_forever(self, interval: float | None = None) -> PassResult | None:
        """Passes until ``stop()`` (or until the server wants the person's password, which
        the last result then says); a pass that left work is followed sooner."""
        every = float(interval if interval is not None else self.settings.server.sync_interval)
        result = None
        while not self._stop.is_set():
            result = self.run_once(wait_up_to=min(every, 10.0))
            if result.password_needed is not None and result.online:
                return result
            busy = result.push.waiting and result.online
            self._stop.wait(1.0 if busy else every)
        return result


# -- status (any process) ---------------------------------------------------------------------
@dataclass
class SyncStatus:
    registered: bool
    url: str
    online: bool | None
    plain_http: bool
    pending: int
    pending_bytes: int
    parked: int
    conflicts: int
    last_success: str | None
    last_pass: dict[str, Any] | None
    first_error: dict[str, Any] | None
    #: A pass (of any process on this data directory) is running now.
    pass_running: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def read_status(data_dir: Path, store: Store, settings: Settings, *,
                probe: Callable[[str], bool] | None = None) -> SyncStatus:
    registration = CredentialFile(data_dir).load()
    url = registration.url if registration else settings.server.url
    with store.transaction() as s:
        figures = ledger.queue_figures(s, data_dir)
        last_success = ledger.get_value(s, LAST_SUCCESS) or None
        last_pass = ledger.get_json(s, LAST_PASS)
    online: bool | None = None
    if probe is not None:
        online = probe(url)
    elif last_pass is not None:
        online = bool(last_pass.get("online"))
    first_error = figures.first_parked
    if first_error is None and last_pass and last_pass.get("error"):
        first_error = {"state": "retrying", "reason": last_pass["error"],
                       "password_needed": last_pass.get("password_needed")}
    return SyncStatus(registered=registration is not None, url=url, online=online,
                      plain_http=is_plain_remote(url), pending=figures.pending,
                      pending_bytes=figures.pending_bytes, parked=figures.parked,
                      conflicts=figures.conflicts, last_success=last_success,
                      last_pass=last_pass, first_error=first_error,
                      pass_running=pass_running(data_dir))


def wait_until(predicate: Callable[[], bool], timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
