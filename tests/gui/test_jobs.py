"""Background operations report success, failure and progress on the GUI thread."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from hall_client.core.errors import DomainError
from hall_client.gui.jobs import Cancelled, JobContext, JobRunner


def test_success_and_progress(qtbot: QtBot, jobs: JobRunner) -> None:
    main = threading.get_ident()
    seen: list[object] = []
    progress: list[tuple[int, int, str]] = []

    def work(ctx: JobContext) -> int:
        assert threading.get_ident() != main
        for i in range(3):
            ctx.progress(i + 1, 3, f"第 {i + 1} 步")
        return 42

    op = jobs.background(work, success=seen.append, progress=lambda *a: progress.append(a))
    qtbot.waitUntil(lambda: op.done and seen == [42])
    assert progress[-1] == (3, 3, "第 3 步")


def test_failure_is_reported(qtbot: QtBot, jobs: JobRunner) -> None:
    errors: list[BaseException] = []

    def work(ctx: JobContext) -> None:
        raise DomainError("出错了", code="boom")

    op = jobs.db(work, failure=errors.append)
    qtbot.waitUntil(lambda: op.done and bool(errors))
    assert isinstance(errors[0], DomainError) and errors[0].code == "boom"


def test_cancel(qtbot: QtBot, jobs: JobRunner) -> None:
    started = threading.Event()
    errors: list[BaseException] = []

    def work(ctx: JobContext) -> None:
        started.set()
        while True:
            ctx.check()
            threading.Event().wait(0.01)

    op = jobs.background(work, failure=errors.append)
    assert started.wait(5)
    op.cancel()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], Cancelled)


def test_database_work_is_serial(qtbot: QtBot, jobs: JobRunner) -> None:
    active, peak = [0], [0]
    lock = threading.Lock()

    def work(ctx: JobContext) -> None:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        threading.Event().wait(0.02)
        with lock:
            active[0] -= 1

    ops = [jobs.db(work) for _ in range(5)]
    qtbot.waitUntil(lambda: all(op.done for op in ops))
    assert peak[0] == 1
