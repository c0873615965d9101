"""Keyboard-only timing of the cashier's common path: F2, the cash handed over, Enter, receipt.

Drives the real cashier workspace (1024×768, offscreen) with QTest key events only: no mouse,
no calls into the workspace's methods. For each of ``--payments`` queued assessments it counts
the keys pressed from F2 to Enter and times F2 → the receipt printed (to a ``file:`` printer)
and the result shown. Run on a branch before and after a change to compare:

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/keystrokes/cashier.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from hall_client.core import auth, cashier, receipt_stock
from hall_client.core.counter import DEMO_PASSWORD, open_counter
from hall_client.store.cashier_models import ReceiptIssue
from tests.core.cashier_helpers import ADMIN, queue

BENCH_CODE = "33019901"
DUE = "187.50"
HANDED_OVER = "200"


class Keys:
    """Sends key events to whatever has the keyboard focus, and counts them."""

    def __init__(self, app: QApplication, home: QWidget) -> None:
        self.app, self.count, self.home = app, 0, home
        #: times the keyboard focus was gone and a person would have had to click to get it
        #: back into the workspace (the script then puts it on ``home``)
        self.clicks = 0

    def target(self) -> QWidget:
        modal = self.app.activeModalWidget()
        # offscreen, a dialog's focus widget is its own, not the application's
        widget = (modal.focusWidget() or modal) if modal is not None else self.app.focusWidget()
        if widget is None:
            self.clicks += 1
            self.home.setFocus()
            widget = self.home
        return widget

    def key(self, key: Qt.Key) -> None:
        self.count += 1
        QTest.keyClick(self.target(), key)

    def type(self, text: str) -> None:
        for ch in text:
            self.count += 1
            QTest.keyClicks(self.target(), ch)


def wait(app: QApplication, cond: Callable[[], bool], seconds: float = 20.0) -> bool:
    end = time.monotonic() + seconds
    while not cond():
        if time.monotonic() > end:
            return False
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--payments", type=int, default=10)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    from hall_client.gui.cashier_workspace import CashierWorkspace
    from hall_client.gui.jobs import JobRunner
    from hall_client.gui.resources import install_font

    install_font(app)  # type: ignore[arg-type]
    tmp = Path(tempfile.mkdtemp(prefix="keys-cashier-"))
    counter = open_counter(tmp / "counter", demo=True)
    counter.settings.server.url = "http://127.0.0.1:9"
    out = tmp / "printer.bin"
    counter.settings.printer.uri = f"file:{out}"
    counter.settings.printer.paper = 58
    with counter.store.transaction() as s:
        has_stock = s.scalar(select(ReceiptIssue).where(ReceiptIssue.cashier == "qianfang",
                                                        ReceiptIssue.status == "active"))
        if has_stock is None:  # the demo gave the cashier no receipts (before issue 16)
            receipt_stock.receive_batch(s, ADMIN, BENCH_CODE, "0000000001", "0000001000")
            receipt_stock.issue_to_cashier(s, ADMIN, "qianfang", BENCH_CODE, 500)
        for _ in range(args.payments):
            queue(s, DUE, payer="某建设有限公司")
    actor = auth.sign_in(counter.store.sessions, "qianfang", DEMO_PASSWORD,
                         counter.settings.counter.id)
    with counter.store.transaction() as s:
        if cashier.current_session(s, actor, required=False) is None:
            cashier.open_session(s, actor, "200")
    jobs = JobRunner()
    ws = CashierWorkspace(counter, jobs, actor)
    ws.resize(1024, 768)
    ws.show()
    ws.activateWindow()
    wait(app, lambda: ws.queue_model.rowCount() == args.payments)
    jobs.wait()
    wait(app, lambda: False, 0.2)
    ws.queue_view.setFocus()
    keys = Keys(app, ws.queue_view)
    per_payment: list[int] = []
    timings: list[float] = []
    for n in range(args.payments):
        before = keys.count
        printed = out.stat().st_mtime_ns if out.exists() else 0
        start = time.perf_counter()
        pressed: list[bool] = []

        def in_dialog(pressed: list[bool] = pressed) -> None:
            dialog = app.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(5, in_dialog)
                return
            # the amount handed over goes into 实收现金; then Enter confirms
            if getattr(dialog, "first_field", None) != "tendered":
                keys.key(Qt.Key.Key_Tab)  # from the cash field (pre-filled) to 实收现金
            keys.type(HANDED_OVER)
            keys.key(Qt.Key.Key_Return)
            pressed.append(True)

        QTimer.singleShot(0, in_dialog)
        keys.key(Qt.Key.Key_F2)
        if not wait(app, lambda pressed=pressed: bool(pressed)):
            print(f"payment {n + 1}: F2 opened no payment dialog; status: {ws.status.text()}")
            return 1
        done = wait(app, lambda p=printed: out.exists() and out.stat().st_mtime_ns != p
                    and "已打印" in ws.status.text())
        if not done:
            print(f"payment {n + 1}: no receipt printed; status: {ws.status.text()}")
            return 1
        timings.append((time.perf_counter() - start) * 1000)
        per_payment.append(keys.count - before)
        jobs.wait()
        wait(app, lambda n=n: ws.queue_model.rowCount() == args.payments - n - 1, 5)
        ws.activateWindow()  # as a window manager does when the dialog closes
        wait(app, lambda: False, 0.05)
    jobs.wait()
    counter.close()
    rest = timings[1:] or timings
    print(f"cashier common path, {args.payments} payments (F2, amount handed over, Enter, "
          f"receipt printed): keys per payment {statistics.mean(per_payment):.1f} "
          f"({min(per_payment)}–{max(per_payment)}), clicks needed to get the focus back "
          f"{keys.clicks}; F2→printed first {timings[0]:.0f} ms, "
          f"median {statistics.median(rest):.0f} ms, max {max(rest):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
