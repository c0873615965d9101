"""Background operations, Anki style: every user action is a small operation object run off
the GUI thread, reporting success, failure and progress back through Qt signals.

Database work goes through one serial executor (a thread pool of one thread) so that two
operations never write at once; network, image and printer work use the shared pool.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside an operation when the person pressed Cancel."""


@dataclass
class JobContext:
    """Handed to an operation's function: report progress, check for cancel."""

    _progress: Callable[[int, int, str], None]
    _cancel: threading.Event = field(default_factory=threading.Event)

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._progress(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)
    finished = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[JobContext], Any], signals: _Signals,
                 context: JobContext) -> None:
        super().__init__()
        self.fn, self.signals, self.context = fn, signals, context
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.context)
        except BaseException as exc:  # reported to the GUI thread, never swallowed
            if not isinstance(exc, (Cancelled,)) and not hasattr(exc, "code"):
                log.error("operation failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


class Operation(QObject):
    """One user action: ``fn(ctx)`` runs in the background; callbacks run on the GUI thread."""

    def __init__(
        self,
        fn: Callable[[JobContext], Any],
        *,
        success: Callable[[Any], None] | None = None,
        failure: Callable[[BaseException], None] | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.fn = fn
        self.signals = _Signals()
        self.context = JobContext(self.signals.progressed.emit)
        if success:
            self.signals.succeeded.connect(success)
        if failure:
            self.signals.failed.connect(failure)
        if progress:
            self.signals.progressed.connect(progress)
        self.done = False
        self.signals.finished.connect(self._finish)

    def _finish(self) -> None:
        self.done = True

    def cancel(self) -> None:
        self.context._cancel.set()


class JobRunner(QObject):
    """Owns the two executors; keeps running operations alive until they finish."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_pool = QThreadPool(self)
        self.db_pool.setMaxThreadCount(1)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
        self._running: set[Operation] = set()

    def _start(self, op: Operation, pool: QThreadPool) -> Operation:
        self._running.add(op)
        op.signals.finished.connect(lambda: self._running.discard(op))
        pool.start(_Runnable(op.fn, op.signals, op.context))
        return op

    def db(self, fn: Callable[[JobContext], Any], **callbacks: Any) -> Operation:
        """Run database work on the serial executor."""
        return self._start(Operation(fn, **callbacks), self.db_pool)

    def background(self, fn: Callable[[JobContext], Any], **callbacks: Any) -> Operation:
        """Run network, image or printer work on the shared pool."""
        return self._start(Operation(fn, **callbacks), self.pool)

    def wait(self, msecs: int = 30000) -> bool:
        ok = self.db_pool.waitForDone(msecs)
        return self.pool.waitForDone(msecs) and ok
