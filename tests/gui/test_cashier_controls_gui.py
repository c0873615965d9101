"""Issue 13 through the cashier workspace's widgets: blind count, the close difference, spoiling
a printed receipt, refunds by the way the money came, one paper per number."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from hall_client.core import cashier, receipt_stock
from hall_client.core.cashier import PartInput
from hall_client.core.counter import DEMO_PASSWORD, Counter
from hall_client.gui.cashier_workspace import ApprovalDialog, CashierWorkspace, CloseDialog
from hall_client.gui.jobs import JobRunner
from hall_client.store.cashier_models import CashSession, ReceiptRecord
from hall_client.store.models import AuditEntry
from tests.core.cashier_helpers import ADMIN, STOCK_CODE, queue
from tests.gui.conftest import settle, sign_in

OFFSCREEN_NOTICE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _workspace(qtbot: QtBot, counter: Counter, jobs: JobRunner, *, blind: bool = False,
               opening: str = "517", printer: str = "") -> CashierWorkspace:
    with counter.store.transaction() as s:
        receipt_stock.receive_batch(s, ADMIN, STOCK_CODE, "0000000001", "0000000100")
        receipt_stock.issue_to_cashier(s, ADMIN, "qianfang", STOCK_CODE, 20)
        queue(s, "200.00", payer="某建设有限公司")
    counter.settings.printer.uri = printer
    counter.settings.printer.mode = "text"
    ws = CashierWorkspace(counter, jobs, sign_in(counter, "qianfang"))
    qtbot.addWidget(ws)
    ws.blind.setChecked(blind)
    ws.open_with_float(opening)
    settle(qtbot, jobs)
    return ws


def _pay(qtbot: QtBot, jobs: JobRunner, ws: CashierWorkspace, *parts: PartInput) -> None:
    ws.take_payment(ws.queue_model.row(0).id, list(parts or [PartInput("cash", "200.00")]), None)
    settle(qtbot, jobs)
    qtbot.waitUntil(lambda: ws.payments_model.total() == 1, timeout=10000)
    if ws.counter.settings.printer.uri:
        qtbot.waitUntil(lambda: "已打印" in ws.status.text(), timeout=10000)
    settle(qtbot, jobs)


def _confirm_when_asked(answers: list[str], tries: int = 250) -> None:
    """Press the action button of the next confirm() box (a Z close asks before it acts);
    gives up after ``tries`` looks (a refusal in place asks nothing)."""
    box = QApplication.activeModalWidget()
    if box is None or box.objectName() != "confirm":
        if tries:
            QTimer.singleShot(20, lambda: _confirm_when_asked(answers, tries - 1))
        return
    assert isinstance(box, QMessageBox)
    answers.append(box.text())
    box.findChild(QPushButton, "confirm-action").click()


def _in_dialog(qtbot: QtBot, kind: type[QDialog], fill: Callable[[QDialog], None],
               open_it: Callable[[], None], jobs: JobRunner) -> None:
    """Open a modal dialog, fill its widgets as a person would, press OK (and confirm)."""
    done: list[bool] = []

    def later() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(50, later)
            return
        fill(dialog)
        done.append(True)
        if isinstance(dialog, CloseDialog):
            _confirm_when_asked([])
        dialog.accept()

    QTimer.singleShot(50, later)
    open_it()
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    settle(qtbot, jobs)


@OFFSCREEN_NOTICE
def test_blind_session_shows_no_cash_figure_until_the_close_is_saved(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path) -> None:
    ws = _workspace(qtbot, counter, jobs, blind=True, printer=f"file:{tmp_path / 'p.bin'}")
    _pay(qtbot, jobs, ws)
    assert "517" not in ws.session_label.text()
    ws.show_x_report()
    settle(qtbot, jobs)
    qtbot.waitUntil(lambda: "X 报表" in ws.status.text(), timeout=10000)
    shown = ws.status.text()
    assert "517" not in shown and "200.00" not in shown and "717" not in shown
    assert "盲点" in shown

    def count_wrong(dialog: QDialog) -> None:
        assert isinstance(dialog, CloseDialog)
        assert "517" not in dialog.counted.text() and "717" not in dialog.counted.text()
        dialog.spins["100"].setValue(7)

    _in_dialog(qtbot, CloseDialog, count_wrong, ws.close_session, jobs)
    qtbot.waitUntil(lambda: "已日结" in ws.status.text(), timeout=10000)
    assert "¥717.00" in ws.status.text() and "待值班主任确认" in ws.status.text()


@OFFSCREEN_NOTICE
def test_a_close_difference_is_acknowledged_in_the_close_dialog(
        qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    ws = _workspace(qtbot, counter, jobs, opening="100")

    def short(dialog: QDialog, approver: str = "") -> None:
        assert isinstance(dialog, CloseDialog)
        dialog.spins["50"].setValue(1)
        dialog.reason.setText("找零多找")
        dialog.approver.setText(approver)
        dialog.approver_password.setText(DEMO_PASSWORD if approver else "")

    kept: list[str] = []

    def refused_in_place() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CloseDialog):
            QTimer.singleShot(20, refused_in_place)
            return
        short(dialog)
        dialog.accept()  # no approver: refused inside the dialog, nothing is sent
        kept.append(dialog.error_of("approver"))
        kept.append(str(dialog.spins["50"].value()))
        dialog.reject()

    QTimer.singleShot(20, refused_in_place)
    ws.close_session()
    qtbot.waitUntil(lambda: len(kept) == 2, timeout=10000)
    settle(qtbot, jobs)
    assert "值班主任" in kept[0] and kept[1] == "1"  # the error in place, the count kept
    assert "已日结" not in ws.status.text()
    _in_dialog(qtbot, CloseDialog, lambda d: short(d, "zhouyan"), ws.close_session, jobs)
    qtbot.waitUntil(lambda: "已日结" in ws.status.text(), timeout=10000)
    with counter.store.transaction() as s:
        till = s.scalars(select(CashSession)).one()
        assert (till.difference, till.difference_approved_by) == (-50, "zhouyan")


@OFFSCREEN_NOTICE
def test_spoiling_a_printed_receipt_needs_a_supervisor_in_the_dialog(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path) -> None:
    from hall_client.gui.cashier_workspace import SpoilDialog  # new with issue 13

    out = tmp_path / "p.bin"
    ws = _workspace(qtbot, counter, jobs, printer=f"file:{out}")
    _pay(qtbot, jobs, ws)

    def fill(dialog: QDialog, approver: str = "") -> None:
        assert isinstance(dialog, SpoilDialog)
        dialog.reason.setText("交款人名称打错")
        dialog.approver.setText(approver)
        dialog.approver_password.setText(DEMO_PASSWORD if approver else "")

    _in_dialog(qtbot, SpoilDialog, fill, ws.ask_spoil, jobs)
    assert "批准" in ws.status.text()
    with counter.store.transaction() as s:
        assert [r.status for r in s.scalars(select(ReceiptRecord))] == ["printed"]
    _in_dialog(qtbot, SpoilDialog, lambda d: fill(d, "zhouyan"), ws.ask_spoil, jobs)
    qtbot.waitUntil(lambda: "0000000002" in ws.status.text(), timeout=10000)
    settle(qtbot, jobs)
    with counter.store.transaction() as s:
        rows = sorted((r.number, r.status) for r in s.scalars(select(ReceiptRecord)))
    assert rows == [(1, "spoiled"), (2, "printed")]


@OFFSCREEN_NOTICE
def test_refund_dialog_goes_back_the_way_the_money_came(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path) -> None:
    ws = _workspace(qtbot, counter, jobs, printer=f"file:{tmp_path / 'p.bin'}")
    _pay(qtbot, jobs, ws, PartInput("cash", "100.00"), PartInput("wire", "100.00", "DH0001"))
    ws.payments_view.selectRow(0)

    def fill(dialog: QDialog, why: str = "") -> None:
        assert isinstance(dialog, ApprovalDialog)
        assert dialog.method.currentData() == "cash"  # the first way the money came
        dialog.amount.setText("150.00")
        dialog.reason.setText("多收")
        dialog.method_reason.setText(why)
        dialog.approver.setText("zhouyan")
        dialog.approver_password.setText(DEMO_PASSWORD)

    _in_dialog(qtbot, ApprovalDialog, fill, lambda: ws.ask_payment_action(refund=True), jobs)
    assert "原路" in ws.status.text()
    _in_dialog(qtbot, ApprovalDialog, lambda d: fill(d, "对方账户已注销"),
               lambda: ws.ask_payment_action(refund=True), jobs)
    qtbot.waitUntil(lambda: "TK00000001" in ws.status.text(), timeout=10000)
    settle(qtbot, jobs)
    assert "已退款 150.00 元" in ws.payments_model.row(0).receipts


@OFFSCREEN_NOTICE
def test_printing_one_number_twice_makes_one_paper(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path) -> None:
    out = tmp_path / "p.bin"
    ws = _workspace(qtbot, counter, jobs, printer=f"file:{out}")
    me = sign_in(counter, "qianfang")
    with counter.store.transaction() as s:  # the number was taken, the program restarted
        cashier.take_payment(s, me, cashier.queue(s)[0].id, [PartInput("cash", "200")])
    ws.refresh()
    settle(qtbot, jobs)
    assert ws.pending_id is not None
    ws.print_last()
    ws.print_last()  # pressed twice
    settle(qtbot, jobs)
    qtbot.waitUntil(lambda: out.exists(), timeout=10000)
    settle(qtbot, jobs)
    with counter.store.transaction() as s:
        record = s.scalars(select(ReceiptRecord)).one()
        printed = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "receipt.printed"))
        refused = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "receipt.print_start"))
    assert (record.status, record.reprints, printed, refused) == ("printed", 0, 1, 1)


@OFFSCREEN_NOTICE
def test_reprint_after_a_print_run_died_prints_the_same_number(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path) -> None:
    out = tmp_path / "p.bin"
    ws = _workspace(qtbot, counter, jobs, printer=f"file:{out}")
    me = sign_in(counter, "qianfang")
    with counter.store.transaction() as s:  # the number was reserved, then the program died
        _, receipt = cashier.take_payment(s, me, cashier.queue(s)[0].id,
                                          [PartInput("cash", "200")])
        receipt_stock.reserve_for_print(s, me, receipt.id)
    ws.refresh()
    settle(qtbot, jobs)
    assert "尚未确认打印" in ws.status.text()
    ws.reprint_or_retry()  # no paper came out: the same number again
    qtbot.waitUntil(lambda: out.exists(), timeout=10000)
    settle(qtbot, jobs)
    with counter.store.transaction() as s:
        record = s.scalars(select(ReceiptRecord)).one()
    assert (record.number, record.status, record.reprints) == (1, "printed", 0)
