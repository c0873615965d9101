"""The clerk's findings of issue 16, one test each, through the real widgets: the next case
starts empty, the floor area is typed once, the fee columns stay put, Tab keeps to the form,
the payment notice (缴款通知书), the item picker by pinyin and abbreviation, and the case
number staying in view."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from hall_client.core.counter import Counter
from hall_client.gui.intake.workspace import IntakeWorkspace
from hall_client.gui.jobs import JobRunner
from tests.gui.intake.test_intake_keyboard import (
    enter,
    focused,
    item_and_applicant,
    key,
    open_intake,
    pdf_text,
    type_text,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _figures(ws: IntakeWorkspace) -> list[QWidget]:
    """The fee inputs the form offers (written so that it also runs on the form before
    issue 16, which had one per fee row: these tests were checked to fail there)."""
    fees = ws.fees
    if hasattr(fees, "quantity_inputs"):
        return [q.edit for q in fees.quantity_inputs()]
    return [r.value for r in fees.rows if r.item.rule.needs]


def _fees_typed(qtbot: QtBot, ws: IntakeWorkspace, area: str = "12000",
                price: str = "36000000") -> None:
    for edit in _figures(ws):
        qtbot.keyClicks(edit, price if edit is _figures(ws)[-1] else area)


def _accept(qtbot: QtBot, ws: IntakeWorkspace) -> None:
    ws.last_pdf = None
    key(qtbot, Qt.Key.Key_F9)
    assert ws.confirm_bar.isVisible()
    enter(qtbot)
    qtbot.waitUntil(lambda: ws.last_pdf is not None, timeout=30000)


def test_the_next_case_starts_with_nothing_of_the_last(qtbot: QtBot, counter: Counter,
                                                       jobs: JobRunner) -> None:
    """Quantities and exemptions used to stay filled in for the next case."""
    _window, ws = open_intake(qtbot, counter, jobs)  # the window keeps the workspace
    item_and_applicant(qtbot, ws)
    key(qtbot, Qt.Key.Key_F6)
    _fees_typed(qtbot, ws)
    row = ws.fees.rows[1]
    row.reduction.setCurrentIndex(row.reduction.findData("exempt"))
    row.reason.setText("保障性住房")
    row.basis.setText("某文件")
    assert ws.fees.assessment is not None
    _accept(qtbot, ws)
    assert ws.last_result is not None and ws.last_result.status == "accepted"
    # the next applicant, same item: typed straight into the item box
    assert focused() in (ws.item, ws.item.lineEdit())
    ws.item.lineEdit().selectAll()
    type_text(qtbot, "ZJ-XK-001")
    enter(qtbot)
    qtbot.waitUntil(lambda: ws.item_code == "ZJ-XK-001" and len(ws.fees.rows) == 4,
                    timeout=10000)
    assert all(not edit.text() for edit in _figures(ws))  # type: ignore[attr-defined]
    assert all(r.reduction.currentData() == "" and not r.reason.text() for r in ws.fees.rows)
    assert ws.fees.assessment is None
    assert (ws.name.text(), ws.id_number.text(), ws.project.text()) == ("", "", "")
    assert all(r.state.currentData() == "missing" for r in ws.materials)


def test_the_floor_area_is_typed_once(qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    """Three standards on the floor area asked for it three times."""
    _window, ws = open_intake(qtbot, counter, jobs)  # the window keeps the workspace
    ws.choose_item("ZJ-XK-001")
    qtbot.waitUntil(lambda: len(ws.fees.rows) == 4, timeout=10000)
    inputs = ws.fees.quantity_inputs()
    assert [q.quantity.label for q in inputs] == ["建筑面积", "工程合同价款"]
    assert inputs[0].quantity.fee_codes == ("FS-ZJ-001", "FS-ZJ-002", "FS-ZJ-003")
    qtbot.keyClicks(inputs[0].edit, "100")
    qtbot.keyClicks(inputs[1].edit, "1000000")
    assessment = ws.fees.assessment
    assert assessment is not None
    assert [ln.quantity for ln in assessment.lines[:3]] == [Decimal("100")] * 3
    assert assessment.total == Decimal("100") * 69 + Decimal("1000")
    assert [f.value for f in ws.fees.fee_inputs()] == ["100", "100", "100", "1000000"]


def test_fee_columns_stay_put_and_money_is_right_aligned_and_larger(
        qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    """Columns jumped as amounts appeared."""
    window, ws = open_intake(qtbot, counter, jobs)
    window.resize(1024, 768)
    ws.choose_item("ZJ-XK-001")
    qtbot.waitUntil(lambda: len(ws.fees.rows) == 4, timeout=10000)
    qtbot.wait(50)

    def geometry() -> list[tuple[int, int]]:
        out = []
        for r in ws.fees.rows:
            for w in (r.applies, r.reduction, r.amount):
                out.append((w.mapTo(ws.fees, w.rect().topLeft()).x(), w.width()))
        return out

    before = geometry()
    _fees_typed(qtbot, ws, "123456.78", "99999999")
    qtbot.wait(50)
    assert all(r.amount.text() for r in ws.fees.rows)
    assert geometry() == before
    amount = ws.fees.rows[0].amount
    assert amount.alignment() & Qt.AlignmentFlag.AlignRight
    amount.ensurePolished()
    assert amount.font().pointSizeF() > ws.fees.rows[0].reason.font().pointSizeF()
    # the widest amount fits its column
    assert amount.fontMetrics().horizontalAdvance("¥99,999,999.99") <= amount.width()


def test_tab_keeps_to_the_form_in_reading_order(qtbot: QtBot, counter: Counter,
                                               jobs: JobRunner) -> None:
    """Tab went through the scroll frame and the workspace tabs; F6 leaves the clerk 36 Tabs
    from the fees."""
    _window, ws = open_intake(qtbot, counter, jobs)  # the window keeps the workspace
    ws.choose_item("ZJ-XK-001")
    qtbot.waitUntil(lambda: len(ws.fees.rows) == 4, timeout=10000)
    qtbot.wait(100)  # new rows are shown by a queued call, as between a person's keystrokes
    ws.item.setFocus()
    seen: list[QWidget] = []
    for _ in range(150):
        key(qtbot, Qt.Key.Key_Tab)
        widget = focused()
        assert widget is not None
        if widget in (ws.item, ws.item.lineEdit()):
            break
        seen.append(widget)
    else:
        raise AssertionError("Tab never came back to the item")
    assert not any(isinstance(w, QScrollArea | QTabBar) for w in seen), seen
    assert all(ws.isAncestorOf(w) for w in seen)
    order = [ws.project, ws.name, ws.all_received, ws.fees.quantity_inputs()[0].edit,
             ws.reason, ws.accept_button]
    assert all(w in seen for w in order), " ".join(w.objectName() or type(w).__name__ for w in seen)
    positions = [seen.index(w) for w in order]
    assert positions == sorted(positions)
    # F6: all received, and on to the first fee figure
    ws.project.setFocus()
    key(qtbot, Qt.Key.Key_F6)
    assert focused() is ws.fees.quantity_inputs()[0].edit


def test_payment_notice_for_the_applicant(qtbot: QtBot, counter: Counter,
                                          jobs: JobRunner) -> None:
    """There was no 缴款通知书: the applicant went to the cashier with nothing in hand."""
    _window, ws = open_intake(qtbot, counter, jobs)  # the window keeps the workspace
    item_and_applicant(qtbot, ws)
    key(qtbot, Qt.Key.Key_F6)
    _fees_typed(qtbot, ws, "100", "1000000")
    _accept(qtbot, ws)
    result = ws.last_result
    assert result is not None and ws.payment_button.isEnabled()
    ws.last_pdf = None
    key(qtbot, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: ws.last_pdf is not None, timeout=30000)
    assert ws.last_pdf is not None and ws.last_pdf.name.endswith("-payment.pdf")
    text = pdf_text(Path(ws.last_pdf))
    for expected in ("缴款通知书", result.case_number, "建筑工程施工许可证核发", "张三",
                     "城市基础设施配套费", "散装水泥专项资金", "新型墙体材料专项基金",
                     "工程质量监督费", "7,900.00", "人民币柒仟玖佰元整", "收费窗口", "缴款方式",
                     "现金"):
        assert expected in text, (expected, text)
    assert "王静" not in text and "wangjing" not in text  # no staff names


def test_item_picker_finds_by_pinyin_and_abbreviation(qtbot: QtBot, counter: Counter,
                                                      jobs: JobRunner) -> None:
    """sgxk and 住建 found nothing."""
    _window, ws = open_intake(qtbot, counter, jobs)  # the window keeps the workspace
    type_text(qtbot, "sgxk")
    assert "建筑工程施工许可证核发" in ws.item_info.text()
    enter(qtbot)
    qtbot.waitUntil(lambda: ws.item_code == "ZJ-XK-001", timeout=10000)
    ws.new_intake()
    type_text(qtbot, "住建")
    enter(qtbot)
    qtbot.waitUntil(lambda: ws.item_code in ("ZJ-XK-001", "ZJ-XK-002"), timeout=10000)
    ws.new_intake()
    type_text(qtbot, "shangpinfang")
    enter(qtbot)
    qtbot.waitUntil(lambda: ws.item_code == "ZJ-XK-002", timeout=10000)


def test_case_number_stays_in_view_until_the_next_action(qtbot: QtBot, counter: Counter,
                                                         jobs: JobRunner) -> None:
    """The result is in the shared message area, large, and outlives later notes."""
    _window, ws = open_intake(qtbot, counter, jobs)  # the window keeps the workspace
    item_and_applicant(qtbot, ws)
    key(qtbot, Qt.Key.Key_F6)
    _fees_typed(qtbot, ws)
    _accept(qtbot, ws)
    result = ws.last_result
    assert result is not None
    assert ws.message.kind == "result" and result.case_number in ws.message.text()
    ws.message.show_info("页面 0 张已保存")  # a passing note does not replace it
    assert result.case_number in ws.message.text()
    assert ws.message.label.font().pointSizeF() >= QApplication.font().pointSizeF()
    type_text(qtbot, "sgxk")
    enter(qtbot)  # the next case begins: the result has been read
    assert result.case_number not in ws.message.text()

