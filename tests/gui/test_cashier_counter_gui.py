"""Issue 16 at the cashier's counter: preconditions before input, results that stay, keys that
say why, a preview that fits, printing that names its device, the close that asks first."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hall_client.core import cashier, receipt_stock
from hall_client.core.cashier import PartInput
from hall_client.core.counter import Counter
from hall_client.gui.cashier_workspace import CashierWorkspace, CloseDialog, PaymentDialog
from hall_client.gui.jobs import JobRunner
from hall_client.store.cashier_models import FeeAssessment
from tests.core.cashier_helpers import ADMIN, STOCK_CODE, queue
from tests.gui.conftest import settle, sign_in

OFFSCREEN_NOTICE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _stock(counter: Counter, *, issue: bool = True, total: str = "80.00") -> None:
    with counter.store.transaction() as s:
        receipt_stock.receive_batch(s, ADMIN, STOCK_CODE, "0000000001", "0000000100")
        if issue:
            receipt_stock.issue_to_cashier(s, ADMIN, "qianfang", STOCK_CODE, 20)
        queue(s, total, payer="某建设有限公司")


def _workspace(qtbot: QtBot, counter: Counter, jobs: JobRunner, printer: str = "",
               open_till: bool = True) -> CashierWorkspace:
    counter.settings.printer.uri = printer
    counter.settings.printer.mode = "text"
    ws = CashierWorkspace(counter, jobs, sign_in(counter, "qianfang"))
    qtbot.addWidget(ws)
    if open_till:
        ws.open_with_float("100")
    settle(qtbot, jobs)
    return ws


def _watch_modals(kind: type[QWidget], seen: list[str], ticks: int = 150) -> None:
    """Close (and note) any modal of ``kind`` that opens within ``ticks`` × 20 ms, until the
    test appends "stop" to ``seen``."""
    if "stop" in seen:
        return
    modal = QApplication.activeModalWidget()
    if isinstance(modal, kind):
        seen.append(type(modal).__name__)
        if isinstance(modal, QDialog):
            modal.reject()
        return
    if ticks:
        QTimer.singleShot(20, lambda: _watch_modals(kind, seen, ticks - 1))


def _poll(qtbot: QtBot, cond: Callable[[], bool], seen: list[str], ws: CashierWorkspace,
          ms: int = 10000) -> None:
    """Wait for ``cond``, noting every text the message area shows meanwhile."""
    waited = 0
    while not cond() and waited < ms:
        seen.append(ws.status.text())
        qtbot.wait(2)
        waited += 2
    seen.append(ws.status.text())
    assert cond()


@OFFSCREEN_NOTICE
def test_f2_without_receipts_in_hand_says_so_before_anything_is_typed(
        qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    _stock(counter, issue=False)
    ws = _workspace(qtbot, counter, jobs)
    opened: list[str] = []
    _watch_modals(PaymentDialog, opened)
    ws.pay_action.trigger()
    qtbot.waitUntil(lambda: "空白票据" in ws.status.text(), timeout=5000)
    qtbot.wait(200)
    assert opened == []  # no dialog to type into and lose
    opened.append("stop")
    assert ws.status.kind == "error" and "票据库存" in ws.status.text()


@OFFSCREEN_NOTICE
def test_f2_right_after_sign_in_with_an_empty_queue_says_why(
        qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    from hall_client.gui.main_window import MainWindow

    window = MainWindow(counter, jobs, sign_in(counter, "qianfang"))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    settle(qtbot, jobs)
    ws: CashierWorkspace = window.cashier  # type: ignore[attr-defined]
    bar = window.tabs.tabBar()  # type: ignore[attr-defined]
    bar.setFocus()  # the focus is on the tabs, not in the workspace
    QTest.keyClick(bar, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: "队列为空" in ws.status.text(), timeout=5000)
    assert ws.status.kind == "error"
    labels = [b.text() for b in ws.findChildren(QPushButton)]
    assert any("F2" in t for t in labels) and any("F8" in t for t in labels)


@OFFSCREEN_NOTICE
def test_change_due_and_receipt_number_stay_after_the_print(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path) -> None:
    _stock(counter)
    ws = _workspace(qtbot, counter, jobs, printer=f"file:{tmp_path / 'p.bin'}")
    seen: list[str] = []
    ws.take_payment(ws.queue_model.row(0).id, [PartInput("cash", "80.00")], "100")
    _poll(qtbot, lambda: "已打印" in ws.status.text(), seen, ws)
    settle(qtbot, jobs)
    shown = ws.status.text()
    assert "¥20.00" in shown and "0000000001" in shown and ws.status.kind == "result"
    # no false "not confirmed" flashed between the payment and the printed receipt
    assert not any("尚未确认打印" in t for t in seen), seen


@OFFSCREEN_NOTICE
def test_reprint_with_no_printer_names_what_to_do_and_offers_the_settings(
        qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    from hall_client.gui.cashier.printer import PrinterSettingsDialog

    _stock(counter)
    ws = _workspace(qtbot, counter, jobs, printer="")
    ws.take_payment(ws.queue_model.row(0).id, [PartInput("cash", "80.00")], None)
    settle(qtbot, jobs)
    qtbot.waitUntil(lambda: "打印机设置" in ws.status.text(), timeout=10000)
    asked: list[str] = []
    opened: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        asked.append(box.text())
        _watch_modals(PrinterSettingsDialog, opened)
        next(b for b in box.buttons() if "打印机设置" in b.text()).click()

    QTimer.singleShot(20, answer)
    ws.reprint_or_retry()
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert "F9" in asked[0] and "打印机" in asked[0]


@OFFSCREEN_NOTICE
def test_an_80_mm_preview_fits_its_panel(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                                          tmp_path: Path) -> None:
    _stock(counter)
    ws = _workspace(qtbot, counter, jobs, printer=f"file:{tmp_path / 'p.bin'}")
    counter.settings.printer.paper = 80
    counter.settings.printer.mode = "raster"
    ws.resize(1024, 768)
    ws.show()
    qtbot.waitExposed(ws)
    ws.take_payment(ws.queue_model.row(0).id, [PartInput("cash", "80.00")], None)
    qtbot.waitUntil(lambda: not ws.preview.pixmap().isNull(), timeout=10000)
    settle(qtbot, jobs)
    assert ws.preview.pixmap().width() == 576  # the print, dot for dot
    panel = ws.preview.parentWidget()
    while not isinstance(panel, QAbstractScrollArea):
        panel = panel.parentWidget()
    assert panel.viewport().width() < 576
    assert panel.horizontalScrollBar().maximum() == 0  # nothing cut off at the side
    assert ws.preview.shown_size().width() <= panel.viewport().width()  # type: ignore[attr-defined]


def test_remaining_to_pay_shows_live_when_the_payment_is_split(qtbot: QtBot) -> None:
    due = FeeAssessment(total=Decimal("1234.56"), payer="某公司", case_ref="C-1")
    dialog = PaymentDialog(due)
    qtbot.addWidget(dialog)
    dialog.cash.setText("234.56")
    assert dialog.remaining.text() == "¥1,000.00"  # type: ignore[attr-defined]
    dialog.transfer.setText("600")
    assert dialog.remaining.text() == "¥400.00"  # type: ignore[attr-defined]
    dialog.wire.setText("400")
    assert "¥0.00" in dialog.remaining.text()  # type: ignore[attr-defined]


@OFFSCREEN_NOTICE
def test_close_is_refused_before_the_count_while_a_receipt_is_unconfirmed(
        qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    _stock(counter)
    ws = _workspace(qtbot, counter, jobs, printer="")
    me = sign_in(counter, "qianfang")
    with counter.store.transaction() as s:
        cashier.take_payment(s, me, cashier.queue(s)[0].id, [PartInput("cash", "80")])
    opened: list[str] = []
    _watch_modals(CloseDialog, opened)
    ws.close_session()
    qtbot.waitUntil(lambda: "还不能日结" in ws.status.text(), timeout=5000)
    qtbot.wait(200)
    assert opened == [] and "0000000001" in ws.status.text()
    opened.append("stop")


@OFFSCREEN_NOTICE
def test_close_asks_first_and_shows_the_z_report(qtbot: QtBot, counter: Counter,
                                                  jobs: JobRunner) -> None:
    ws = _workspace(qtbot, counter, jobs)
    asked: list[str] = []

    def count_and_confirm() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CloseDialog):
            QTimer.singleShot(20, count_and_confirm)
            return
        dialog.spins["100"].setValue(1)

        def confirm_box() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, confirm_box)
                return
            asked.append(box.text())
            box.findChild(QPushButton, "confirm-action").click()

        QTimer.singleShot(20, confirm_box)
        dialog.accept()

    QTimer.singleShot(20, count_and_confirm)
    ws.close_session()
    qtbot.waitUntil(lambda: "已日结" in ws.status.text(), timeout=10000)
    assert asked and "不能撤销" in asked[0] and "¥100.00" in asked[0]
    assert "Z 报表" in ws.preview.text() and "¥100.00" in ws.preview.text()


@OFFSCREEN_NOTICE
def test_payments_list_names_the_cashier_and_shows_only_mine_by_default(
        qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    actors = {who: sign_in(counter, who) for who in ("qianfang", "sunli")}
    with counter.store.transaction() as s:
        receipt_stock.receive_batch(s, ADMIN, STOCK_CODE, "0000000001", "0000000100")
        for who, actor in actors.items():
            receipt_stock.issue_to_cashier(s, ADMIN, who, STOCK_CODE, 10)
            cashier.open_session(s, actor, "0")
            due = queue(s, "10.00")
            cashier.take_payment(s, actor, due.id, [PartInput("cash", "10.00")])
    ws = _workspace(qtbot, counter, jobs, open_till=False)
    model = ws.payments_model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    column = headers.index("收费员")
    assert model.total() == 1
    assert model.data(model.index(0, column)) == "钱芳"
    ws.own_only.setChecked(False)  # type: ignore[attr-defined]
    settle(qtbot, jobs)
    qtbot.waitUntil(lambda: model.total() == 2, timeout=5000)
    names = {model.data(model.index(i, column)) for i in range(2)}
    assert names == {"钱芳", "孙丽"}


def test_demo_cashier_has_receipts_and_a_printer(tmp_path: Path) -> None:
    from hall_client.core.counter import open_counter

    counter = open_counter(tmp_path / "demo", demo=True)
    try:
        with counter.store.transaction() as s:
            assert receipt_stock.numbers_left(s, "qianfang") > 0
        assert counter.settings.printer.uri.startswith("file:")
    finally:
        counter.close()
