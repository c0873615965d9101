"""The cashier workspace: keyboard-only payment, printed receipt, preview, failure, close."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from hall_client.core import receipt_stock
from hall_client.core.cashier import PartInput
from hall_client.core.counter import Counter
from hall_client.gui.cashier_workspace import CashierWorkspace, PaymentDialog
from hall_client.gui.jobs import JobRunner
from hall_client.gui.main_window import MainWindow
from hall_client.store.cashier_models import FeeAssessment
from tests.core.cashier_helpers import ADMIN, STOCK_CODE, queue
from tests.gui.conftest import settle, sign_in
from tests.printing.escpos_decoder import decode
from tests.printing.fake_printer import dead_printer


def _prepare(counter: Counter, total: str = "1234.56") -> None:
    with counter.store.transaction() as s:
        receipt_stock.receive_batch(s, ADMIN, STOCK_CODE, "0000000001", "0000000100")
        receipt_stock.issue_to_cashier(s, ADMIN, "qianfang", STOCK_CODE, 20)
        queue(s, total, payer="某建设有限公司")


# Modal dialogs under the offscreen platform plugin: its own harmless notice, nothing of ours.
OFFSCREEN_NOTICE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@OFFSCREEN_NOTICE
def test_cashier_tab_and_keyboard_payment(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                                          tmp_path: Path) -> None:
    _prepare(counter)
    out = tmp_path / "printer.bin"
    counter.settings.printer.uri = f"file:{out}"
    counter.settings.printer.paper = 58
    window = MainWindow(counter, jobs, sign_in(counter, "qianfang"))
    qtbot.addWidget(window)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["收费", "事项目录"]
    ws: CashierWorkspace = window.cashier
    settle(qtbot, jobs)
    assert ws.queue_model.rowCount() == 1 and "未开班" in ws.session_label.text()
    ws.open_with_float("200")
    settle(qtbot, jobs)
    assert "备用金 ¥200.00" in ws.session_label.text()

    typed: list[bool] = []

    def type_payment() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PaymentDialog):
            QTimer.singleShot(50, type_payment)
            return
        qtbot.keyClicks(dialog.cash, "234.56")  # cash field starts selected: replaced
        qtbot.keyClick(dialog.cash, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.tendered, "300")
        assert dialog.change.text() == "¥65.44"
        for _ in range(3):
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.transfer, "1000")
        qtbot.keyClick(dialog.transfer, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.transfer_ref, "BK20261128")
        typed.append(True)
        qtbot.keyClick(dialog.transfer_ref, Qt.Key.Key_Return)

    QTimer.singleShot(50, type_payment)
    assert ws.pay_action.shortcut().toString() == "F2"
    ws.pay_action.trigger()  # what F2 does in the shown window
    qtbot.waitUntil(lambda: typed == [True], timeout=10000)  # after the precondition check
    settle(qtbot, jobs)
    qtbot.waitUntil(lambda: out.exists() and ws.preview.pixmap() is not None
                    and not ws.preview.pixmap().isNull(), timeout=10000)
    settle(qtbot, jobs)
    decoded = decode(out.read_bytes())
    assert decoded.errors == [] and "drawer pin2" in decoded.events
    shown = ws.preview.pixmap().toImage()
    printed = decoded.raster()
    assert (shown.width(), shown.height()) == (printed.shape[1], printed.shape[0])
    gray = np.array([[shown.pixelColor(x, y).value() for x in range(0, shown.width(), 7)]
                     for y in range(0, shown.height(), 7)])
    assert np.array_equal(gray < 128, printed[::7, ::7])  # preview is the print
    assert ws.queue_model.rowCount() == 0
    ws.show_x_report()
    settle(qtbot, jobs)
    assert "¥434.56" in ws.status.text()  # 200 float + 234.56 cash
    ws.close_with({"100": 4, "20": 1, "10": 1, "1": 4, "0.5": 1, "0.05": 1, "0.01": 1}, "")
    settle(qtbot, jobs)
    assert "已日结" in ws.status.text() and "差异 0.00" in ws.status.text()


@OFFSCREEN_NOTICE
def test_printer_failure_offers_reprint_or_spoil(qtbot: QtBot, counter: Counter,
                                                 jobs: JobRunner, tmp_path: Path) -> None:
    _prepare(counter, "10.00")
    ws = CashierWorkspace(counter, jobs, sign_in(counter, "qianfang"))
    qtbot.addWidget(ws)
    ws.open_with_float("0")
    settle(qtbot, jobs)
    choices: list[str] = []

    def choose_spoil() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        choices.append(box.text())
        counter.settings.printer.uri = f"file:{tmp_path / 'ok.bin'}"
        spoil = next(b for b in box.buttons()
                     if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
        spoil.click()

    with dead_printer(after=2000) as uri:
        counter.settings.printer.uri = uri
        QTimer.singleShot(800, choose_spoil)
        ws.take_payment(ws.queue_model.row(0).id, [PartInput("cash", "10.00")], None)
        qtbot.waitUntil(lambda: bool(choices), timeout=10000)
    qtbot.waitUntil(lambda: (tmp_path / "ok.bin").exists(), timeout=10000)
    settle(qtbot, jobs)
    with counter.store.transaction() as s:
        rows = sorted((r.number, r.status) for r in s.query(receipt_stock.ReceiptRecord))
    assert rows == [(1, "spoiled"), (2, "printed")]
    assert "断开" in choices[0] or "未应答" in choices[0]


def test_pending_receipt_after_a_crash_is_printed_not_reprinted(
    qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path
) -> None:
    from hall_client.core import cashier

    _prepare(counter, "20.00")
    me = sign_in(counter, "qianfang")
    with counter.store.transaction() as s:  # the program died after the number was taken
        cashier.open_session(s, me, "0")
        due = cashier.queue(s)[0]
        cashier.take_payment(s, me, due.id, [PartInput("cash", "20")])
    out = tmp_path / "p.bin"
    counter.settings.printer.uri = f"file:{out}"
    counter.settings.printer.mode = "text"
    ws = CashierWorkspace(counter, jobs, me)
    qtbot.addWidget(ws)
    settle(qtbot, jobs)
    assert "尚未确认打印" in ws.status.text()
    ws.reprint_or_retry()
    qtbot.waitUntil(lambda: out.exists(), timeout=10000)
    settle(qtbot, jobs)
    first = decode(out.read_bytes()).text
    assert "0000000001" in first and "重打" not in first
    with counter.store.transaction() as s:
        rows = [(r.number, r.status, r.reprints) for r in s.query(receipt_stock.ReceiptRecord)]
    assert rows == [(1, "printed", 0)]
    ws.reprint_or_retry()  # now it is printed: a real 重打
    settle(qtbot, jobs)
    qtbot.waitUntil(lambda: "已重打" in ws.status.text(), timeout=10000)
    with counter.store.transaction() as s:
        assert [r.reprints for r in s.query(receipt_stock.ReceiptRecord)] == [1]
    assert "重打 第1次" in decode(out.read_bytes()).text


def test_void_and_refund_need_a_supervisor(qtbot: QtBot, counter: Counter,
                                           jobs: JobRunner) -> None:
    from hall_client.core.counter import DEMO_PASSWORD

    _prepare(counter, "80.00")
    counter.settings.printer.uri = ""  # preview only
    ws = CashierWorkspace(counter, jobs, sign_in(counter, "qianfang"))
    qtbot.addWidget(ws)
    ws.open_with_float("0")
    settle(qtbot, jobs)
    due = ws.queue_model.row(0)
    ws.take_payment(due.id, [PartInput("cash", "80.00")], "100")
    settle(qtbot, jobs)
    qtbot.waitUntil(lambda: ws.payments_model.total() == 1, timeout=10000)
    line = ws.payments_model.row(0)
    assert line.voidable and line.receipts.startswith(STOCK_CODE)

    ws.void_payment(line.id, "收错事项", "zhouyan", "wrong-password")
    settle(qtbot, jobs)
    assert "用户名或密码错误" in ws.status.text()
    ws.void_payment(line.id, "收错事项", "qianfang", DEMO_PASSWORD)  # a cashier cannot approve
    settle(qtbot, jobs)
    assert "值班主任" in ws.status.text()
    assert ws.payments_model.row(0).status == "paid"

    ws.void_payment(line.id, "收错事项", "zhouyan", DEMO_PASSWORD)
    settle(qtbot, jobs)
    qtbot.waitUntil(lambda: ws.payments_model.total() == 1
                    and ws.payments_model.row(0).status == "voided", timeout=10000)
    assert "作废" in ws.payments_model.row(0).receipts
    assert ws.queue_model.rowCount() == 1  # the case waits for payment again

    ws.take_payment(ws.queue_model.row(0).id, [PartInput("cash", "80.00")], "80")
    settle(qtbot, jobs)
    qtbot.waitUntil(lambda: ws.payments_model.total() == 2, timeout=10000)
    paid = next(p for p in (ws.payments_model.row(i) for i in range(2)) if p.status == "paid")
    ws.refund_payment(paid.id, "30.00", "cash", "", "多收", "zhouyan", DEMO_PASSWORD)
    settle(qtbot, jobs)
    qtbot.waitUntil(lambda: any(ws.payments_model.row(i).refunded == 30
                                for i in range(ws.payments_model.total())), timeout=10000)


def test_payment_dialog_names_a_bad_amount_instead_of_raising(qtbot: QtBot) -> None:
    due = FeeAssessment(total=Decimal("100.00"), payer="某公司", case_ref="C-1")
    dialog = PaymentDialog(due)
    qtbot.addWidget(dialog)
    dialog.tendered.setText("nan")  # an exception in the slot would fail the test
    assert dialog.change.text() == "—" and "实收现金" in dialog.message.text()
    dialog.tendered.setText("")
    dialog.cash.setText("1e30")
    assert "现金" in dialog.message.text()
    dialog.try_accept()
    assert dialog.result() == 0 and "现金" in dialog.message.text()
    dialog.cash.setText("100")
    assert dialog.message.text() == "" and dialog.change.text() == "¥0.00"


@OFFSCREEN_NOTICE
def test_print_writes_the_database_only_on_the_database_executor(
    qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from hall_client.core import cashier

    on_db = threading.local()  # set while a function given to jobs.db runs
    real_db = jobs.db

    def db(fn: Any, **callbacks: Any) -> Any:
        def marked(ctx: Any) -> Any:
            on_db.active = True
            try:
                return fn(ctx)
            finally:
                on_db.active = False

        return real_db(marked, **callbacks)

    monkeypatch.setattr(jobs, "db", db)
    writes: list[tuple[str, bool]] = []
    for name in ("count_reprint", "mark_printed", "note_print_failure"):
        real = getattr(receipt_stock, name)

        def spy(*args: object, _real: object = real, _name: str = name) -> object:
            writes.append((_name, getattr(on_db, "active", False)))
            return _real(*args)  # type: ignore[operator]

        monkeypatch.setattr(receipt_stock, name, spy)
    _prepare(counter, "20.00")
    me = sign_in(counter, "qianfang")
    with counter.store.transaction() as s:
        cashier.open_session(s, me, "0")
        cashier.take_payment(s, me, cashier.queue(s)[0].id, [PartInput("cash", "20")])
    out = tmp_path / "p.bin"
    counter.settings.printer.uri = f"file:{out}"
    counter.settings.printer.mode = "text"
    ws = CashierWorkspace(counter, jobs, me)
    qtbot.addWidget(ws)
    settle(qtbot, jobs)
    ws.reprint_or_retry()
    qtbot.waitUntil(lambda: "已打印" in ws.status.text(), timeout=10000)
    settle(qtbot, jobs)  # the refresh after printing tells the workspace it is printed
    ws.reprint_or_retry()
    qtbot.waitUntil(lambda: "已重打" in ws.status.text(), timeout=10000)
    settle(qtbot, jobs)
    counter.settings.printer.uri = f"file:{tmp_path / 'no-such-dir' / 'p.bin'}"
    asked: list[str] = []

    def later() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, later)
            return
        asked.append(box.text())
        box.reject()

    QTimer.singleShot(50, later)
    ws.reprint_or_retry()
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    settle(qtbot, jobs)
    assert [name for name, _ in writes] == [
        "mark_printed", "count_reprint", "count_reprint", "note_print_failure"]
    assert all(inside for _, inside in writes), writes


def _close_dialog_text(qtbot: QtBot, jobs: JobRunner, ws: CashierWorkspace) -> str:
    """Open the Z close dialog, read its counted/expected line, and cancel."""
    from hall_client.gui.cashier_workspace import CloseDialog

    seen: list[str] = []

    def read() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CloseDialog):
            QTimer.singleShot(50, read)
            return
        seen.append(dialog.counted.text())
        dialog.reject()

    QTimer.singleShot(50, read)
    ws.close_session()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    settle(qtbot, jobs)
    return seen[0]


@OFFSCREEN_NOTICE
@pytest.mark.parametrize("blind", [False, True])
def test_close_dialog_shows_expected_cash_unless_blind(
    qtbot: QtBot, counter: Counter, jobs: JobRunner, blind: bool
) -> None:
    ws = CashierWorkspace(counter, jobs, sign_in(counter, "qianfang"))
    qtbot.addWidget(ws)
    ws.blind.setChecked(blind)
    ws.open_with_float("200")
    settle(qtbot, jobs)
    text = _close_dialog_text(qtbot, jobs, ws)
    assert "¥0.00" in text  # nothing counted yet
    assert ("¥200.00" in text) is not blind


class _Marking(QTranslator):
    """Wraps every translated string in «», so an untranslated one stands out."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return f"«{source}»"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marking() -> Iterator[None]:
    translator = _Marking()
    QApplication.installTranslator(translator)
    yield
    QApplication.removeTranslator(translator)


@OFFSCREEN_NOTICE
def test_visible_cashier_strings_go_through_tr(
    qtbot: QtBot, counter: Counter, jobs: JobRunner, marking: None
) -> None:
    from hall_client.core import cashier
    from hall_client.gui.cashier_workspace import ApprovalDialog, CloseDialog

    close = CloseDialog(None)
    qtbot.addWidget(close)
    labels = [w.text() for w in close.findChildren(QLabel) if " 元" in w.text()]
    assert labels and all(t.startswith("«") for t in labels)
    line = cashier.PaymentLine(id="p", at=datetime.now(UTC), payer="某公司", case_ref="C-1",
                               total=Decimal("10.00"), refunded=Decimal("0.00"), status="paid",
                               methods="", receipts="", voidable=True)
    refund = ApprovalDialog(line, refund=True)
    qtbot.addWidget(refund)
    names = [refund.method.itemText(i) for i in range(refund.method.count())]
    assert names == ["«现金»", "«转账»", "«电汇»"]
    ws = CashierWorkspace(counter, jobs, sign_in(counter, "qianfang"))
    qtbot.addWidget(ws)
    ws.open_with_float("200")
    settle(qtbot, jobs)
    ws.show_x_report()
    settle(qtbot, jobs)
    for name in ("现金", "转账", "电汇"):
        assert f"«{name}»" in ws.status.text()
