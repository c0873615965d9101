"""The clerk's fee assessment: amounts as typed, reductions with reasons, the cashier's queue."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hall_client.core import cashier
from hall_client.core.counter import Counter
from hall_client.gui.clerk_workspace import ClerkWorkspace
from hall_client.gui.jobs import JobRunner
from hall_client.gui.main_window import MainWindow
from tests.gui.conftest import sign_in


def _open(qtbot: QtBot, counter: Counter, jobs: JobRunner, code: str) -> MainWindow:
    """A clerk's main window with ``code`` chosen. The caller keeps the window: pytest-qt
    holds only a weak reference, and the workspace dies with its window."""
    window = MainWindow(counter, jobs, sign_in(counter, "wangjing"))
    qtbot.addWidget(window)
    ws: ClerkWorkspace = window.clerk
    qtbot.waitUntil(lambda: ws.item.findData(code) >= 0, timeout=10000)
    ws.choose_item(code)
    qtbot.waitUntil(lambda: ws.item_code == code and len(ws.rows) > 0, timeout=10000)
    return window


def test_construction_permit_assessment_reaches_the_cashier(qtbot: QtBot, counter: Counter,
                                                            jobs: JobRunner) -> None:
    window = _open(qtbot, counter, jobs, "ZJ-XK-001")
    ws = window.clerk
    assert [r.item.code for r in ws.rows] == ["FS-ZJ-001", "FS-ZJ-002", "FS-ZJ-003", "FS-ZJ-004"]
    assert not ws.submit_button.isEnabled() and "请填写" in ws.message.text()
    for row, value in zip(ws.rows, ("120.5", "120.5", "120.5", "2000000"), strict=True):
        qtbot.keyClicks(row.value, value)
    assert ws.assessment is not None and ws.assessment.total == Decimal("10314.50")
    assert "¥10,314.50" in ws.total.text() and "人民币壹万零叁佰壹拾肆元伍角整" in ws.total.text()

    # A reduction needs its reason and legal basis before anything can be sent.
    ws.rows[0].reduction.setCurrentIndex(ws.rows[0].reduction.findData("percent"))
    qtbot.keyClicks(ws.rows[0].reduction_value, "50")
    assert ws.assessment is None and "原因" in ws.message.text()
    # QTest types ASCII only: Chinese text is entered as an input method would commit it.
    ws.rows[0].reason.setText("保障性住房")
    ws.rows[0].basis.setText("《关于保障性住房有关税费政策的通知》")
    assert ws.assessment is not None
    assert ws.assessment.total == Decimal("10314.50") - Decimal("3615.00")
    assert "减" in ws.rows[0].amount.text()

    ws.submit()
    assert "办件编号" in ws.message.text()  # nothing sent without a case number
    qtbot.keyClicks(ws.case_ref, "ZJ-2026-00112")
    ws.payer.setText("杭州某建设有限公司")
    ws.submit()
    qtbot.waitUntil(lambda: "已送收费窗口" in ws.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: ws.queue_model.total() == 1, timeout=10000)
    with counter.store.transaction() as s:
        [due] = cashier.queue(s)
        assert (due.case_ref, due.payer, due.total) == (
            "ZJ-2026-00112", "杭州某建设有限公司", Decimal("6699.50"))
        assert due.lines[0]["reduction"]["reason"] == "保障性住房"


def test_fee_items_that_do_not_apply_are_left_out(qtbot: QtBot, counter: Counter,
                                                  jobs: JobRunner) -> None:
    window = _open(qtbot, counter, jobs, "ZR-QR-001")  # residential or not: one of two fees
    ws = window.clerk
    ws.rows[1].applies.setChecked(False)  # 非住宅
    qtbot.keyClicks(ws.rows[0].value, "1")
    qtbot.keyClicks(ws.rows[2].value, "2")
    assert ws.assessment is not None and ws.assessment.total == Decimal("100.00")
    qtbot.keyClicks(ws.rows[2].value, "x")
    assert ws.assessment is None and ws.message.text()


def test_huge_or_odd_reduction_is_a_message_not_an_exception(
    qtbot: QtBot, counter: Counter, jobs: JobRunner
) -> None:
    window = _open(qtbot, counter, jobs, "ZJ-XK-001")
    ws = window.clerk
    for row in ws.rows:
        qtbot.keyClicks(row.value, "100")
    row = ws.rows[0]
    row.reduction.setCurrentIndex(row.reduction.findData("amount"))
    row.reason.setText("补贴")
    row.basis.setText("某文件")
    for text in ("1e30", "nan"):
        row.reduction_value.setText(text)  # an exception in the slot would fail the test
        assert ws.assessment is None and not ws.submit_button.isEnabled()
        assert row.item.name in ws.message.text()


def test_fee_base_placeholder_goes_through_tr(qtbot: QtBot, counter: Counter,
                                             jobs: JobRunner) -> None:
    class Marking(QTranslator):
        def translate(self, context: str, source: str, disambiguation: str | None = None,
                      n: int = -1) -> str:
            return f"«{source}»"

        def isEmpty(self) -> bool:
            return False

    translator = Marking()
    QApplication.installTranslator(translator)
    try:
        window = _open(qtbot, counter, jobs, "ZJ-XK-001")
        based = [r.value.placeholderText() for r in window.clerk.rows
                 if r.item.rule.needs == "base"]
    finally:
        QApplication.removeTranslator(translator)
    assert based and all(t.endswith("（元）»") for t in based)
