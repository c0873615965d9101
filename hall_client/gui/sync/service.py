"""Runs the headless sync engine in the background while the window is open.

Passes run on the shared pool (network work); the engine keeps its own SQLite connection
(``synchronous=FULL``) and SQLite serialises its writes with the GUI's database executor.
What the screens show (status, notices) is read on the database executor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from hall_client.core.counter import Counter
from hall_client.gui.jobs import JobContext, JobRunner
from hall_client.sync import views
from hall_client.sync.engine import PassResult, SyncEngine, SyncStatus, read_status
from hall_client.sync.signin import NotRegistered


@dataclass
class Snapshot:
    """Everything the status bar and the notice bar show, read in one go."""

    status: SyncStatus | None
    notices: list[views.NoticeRow] = field(default_factory=list)
    password_needed: str | None = None
    running: bool = False
    #: The last pass found another program syncing this data directory and did nothing.
    elsewhere: bool = False


class SyncService(QObject):
    changed = Signal(object)  # Snapshot
    password_needed = Signal(str)
    passed = Signal(object)  # PassResult

    def __init__(self, counter: Counter, jobs: JobRunner, username: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs, self.username = counter, jobs, username
        self.engine: SyncEngine | None = None
        self.registered: bool | None = None
        self.unregistered_up: bool | None = None
        self._running = False
        self._closing = False
        self._password: str | None = None
        self._asked = False
        self._elsewhere = False
        self.last = Snapshot(None)
        self.timer = QTimer(self, interval=max(5, counter.settings.server.sync_interval) * 1000)
        self.timer.timeout.connect(self.sync_now)

    # -- start and stop -------------------------------------------------------------------
    def start(self, password: str | None = None) -> None:
        """Open the engine for the signed-in person. ``password`` (typed at the counter's
        sign-in a moment ago) signs them in to the server too, at the first pass; it is not
        kept beyond that first attempt. A counter not registered yet (the demo's server still
        starting) keeps it for the first pass after it is."""
        if password is not None:
            self._password = password
        counter, user = self.counter, self.username

        def open_engine(ctx: JobContext) -> SyncEngine | None:
            try:
                engine = SyncEngine(counter.data_dir, counter.settings)
            except NotRegistered:
                return None
            engine.use(user)
            return engine

        self.jobs.background(open_engine, success=self._opened, failure=lambda exc: None)

    def _opened(self, engine: SyncEngine | None) -> None:
        self.engine = engine
        self.registered = engine is not None
        if engine is None:
            url = self.counter.settings.server.url
            from hall_client.sync import server_link

            self.jobs.background(lambda ctx: server_link.is_up(url), success=self._probed)
            return
        self.timer.start()
        self.sync_now()

    def _probed(self, up: bool) -> None:
        self.unregistered_up = up
        self.refresh()

    def stop(self) -> None:
        self.timer.stop()
        if self.engine is not None:
            self.engine.stop()

    def close(self) -> None:
        """Stop passes; the engine's connections close now, or when a running pass ends."""
        self.stop()
        self._closing = True
        if self.engine is not None and not self._running:
            self.engine.close()
            self.engine = None

    # -- passes ----------------------------------------------------------------------------
    def sync_now(self) -> None:
        engine = self.engine
        if engine is None or self._running or self._closing:
            return
        self._running = True
        password, self._password = self._password, None
        user = self.username

        def one_pass(ctx: JobContext) -> PassResult:
            if password and not engine.use(user) and engine.reachable():
                engine.sign_in(user, password)
            return engine.run_once(wait_up_to=5.0)

        self.jobs.background(one_pass, success=self._passed, failure=self._pass_failed)
        self.refresh()

    def _passed(self, result: PassResult) -> None:
        self._running = False
        if self._closing:
            self.close()
            return
        self.passed.emit(result)
        self._elsewhere = result.busy
        if result.busy:  # the other program's pass is what the status shows
            self.refresh()
            return
        if result.password_needed is not None and result.online and not self._asked:
            self._asked = True  # ask once per loss; the status bar keeps offering it
            self.password_needed.emit(self.username)
        self.last.password_needed = result.password_needed
        self.refresh()

    def _pass_failed(self, exc: BaseException) -> None:
        self._running = False
        if self._closing:
            self.close()
            return
        self.refresh()

    def sign_in(self, password: str, **callbacks: object) -> None:
        """The person typed their password for the server (the server asked for it)."""
        engine = self.engine
        if engine is None:
            return
        user = self.username

        def go(ctx: JobContext) -> None:
            engine.sign_in(user, password)

        def done(_: object) -> None:
            self._asked = False
            self.last.password_needed = None
            self.sync_now()

        self.jobs.background(go, success=done, **callbacks)  # type: ignore[arg-type]

    # -- what the screens show -------------------------------------------------------------
    def refresh(self) -> None:
        counter = self.counter
        needed = self.last.password_needed
        running, elsewhere = self._running, self._elsewhere

        def read(ctx: JobContext) -> Snapshot:
            status = read_status(counter.data_dir, counter.store, counter.settings)
            with counter.store.transaction() as s:
                notices = views.unseen_notices(s)
            return Snapshot(status, notices, needed, running, elsewhere)

        self.jobs.db(read, success=self._refreshed)

    def _refreshed(self, snap: Snapshot) -> None:
        if self.registered is False and snap.status is not None:
            snap.status.registered = False
            snap.status.online = self.unregistered_up
        self.last = snap
        self.changed.emit(snap)

    def mark_seen(self, notice_ids: list[str]) -> None:
        counter = self.counter

        def seen(ctx: JobContext) -> None:
            from hall_client.sync import pull

            with counter.store.transaction() as s:
                pull.mark_seen(s, notice_ids)

        self.jobs.db(seen, success=lambda _: self.refresh())
