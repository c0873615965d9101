"""A whole intake through the widgets with the keyboard only: item, applicant with a valid
resident ID, materials, fees, decision; the notice PDF's text (pypdfium2) holds what the
applicant needs. Chinese text arrives as an input method commits it (QInputMethodEvent)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hall_client.core.counter import Counter
from hall_client.gui.intake.workspace import IntakeWorkspace
from hall_client.gui.jobs import JobRunner
from hall_client.gui.main_window import MainWindow
from tests.gui.conftest import sign_in

# Showing a window under the offscreen platform plugin: its own harmless notice.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def type_text(qtbot: QtBot, text: str) -> None:
    """Type into the focused widget: ASCII as keys, Chinese as an input method commit."""
    widget = focused()
    assert widget is not None
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def key(qtbot: QtBot, k: Qt.Key) -> None:
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, k)


def enter(qtbot: QtBot) -> None:
    key(qtbot, Qt.Key.Key_Return)


def tab_to(qtbot: QtBot, target: QWidget, limit: int = 120) -> None:
    seen = []
    for _ in range(limit):
        if focused() is target:
            return
        seen.append(type(focused()).__name__)
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName() or target}: {seen}")


def open_intake(qtbot: QtBot, counter: Counter, jobs: JobRunner) -> tuple[MainWindow,
                                                                           IntakeWorkspace]:
    window = MainWindow(counter, jobs, sign_in(counter, "wangjing"))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    ws = window.intake
    ws.ask_printer = False
    qtbot.waitUntil(lambda: ws.item.count() > 0 and focused() in (ws.item, ws.item.lineEdit()),
                    timeout=10000)  # focus lands where work starts
    return window, ws


def item_and_applicant(qtbot: QtBot, ws: IntakeWorkspace) -> None:
    type_text(qtbot, "ZJ-XK-001")
    enter(qtbot)
    qtbot.waitUntil(lambda: ws.item_code == "ZJ-XK-001" and len(ws.materials) == 12,
                    timeout=10000)
    qtbot.wait(100)  # new rows are shown by a queued call, as between a person's keystrokes
    assert focused() is ws.project
    type_text(qtbot, "滨江花园三期1#楼")
    enter(qtbot)
    assert focused() is ws.kind  # person by default
    enter(qtbot)
    assert focused() is ws.name
    type_text(qtbot, "张三")
    enter(qtbot)
    assert focused() is ws.id_type  # resident identity card by default
    enter(qtbot)
    type_text(qtbot, "11010519491231002x")  # lower-case x is normalised
    enter(qtbot)
    type_text(qtbot, "13800000000")
    enter(qtbot)
    enter(qtbot)  # no contact person
    assert focused() is ws.address
    type_text(qtbot, "杭州市滨江区江南大道1号")
    enter(qtbot)
    assert focused() is ws.all_received


def pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(path)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    pdf.close()
    return text.replace("\r", "").replace("\n", "")


def confirm_and_wait(qtbot: QtBot, ws: IntakeWorkspace, decision_key: Qt.Key) -> str:
    key(qtbot, decision_key)
    assert ws.confirm_bar.isVisible() and focused() is ws.confirm_button
    enter(qtbot)
    qtbot.waitUntil(lambda: ws.last_pdf is not None, timeout=30000)
    assert ws.last_pdf is not None
    return pdf_text(ws.last_pdf)


def test_keyboard_only_acceptance(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                                  intake_clock: datetime) -> None:
    window, ws = open_intake(qtbot, counter, jobs)
    item_and_applicant(qtbot, ws)
    key(qtbot, Qt.Key.Key_F6)  # every material received
    assert all(r.state.currentData() == "received" for r in ws.materials)
    values = ("12000", "12000", "12000", "36000000")
    # one floor area for the three standards on it, one contract price
    for q, value in zip(ws.fees.quantity_inputs(), (values[0], values[3]),
                        strict=True):
        tab_to(qtbot, q.edit)
        type_text(qtbot, value)
    assert ws.fees.assessment is not None
    # Esc on the confirmation backs out and keeps everything typed
    key(qtbot, Qt.Key.Key_F9)
    assert ws.confirm_bar.isVisible()
    key(qtbot, Qt.Key.Key_Escape)
    assert not ws.confirm_bar.isVisible() and ws.name.text() == "张三"
    text = confirm_and_wait(qtbot, ws, Qt.Key.Key_F9)
    result = ws.last_result
    assert result is not None and result.status == "accepted"
    assert result.query_code and result.promised_date == date(2026, 2, 28)  # see intake_clock
    due = result.promised_date
    for expected in ("受理通知书", result.case_number, result.query_code,
                     f"{due.year}年{due.month}月{due.day}日", "张三", "11010519491231002X"):
        assert expected in text, expected
    assert ws.message.kind == "result"  # large, until the next action
    assert result.case_number in ws.message.text() and result.query_code in ws.message.text()
    qtbot.waitUntil(lambda: len(window.cases.model.case_index.rows) == 1, timeout=10000)


def test_keyboard_only_correction_then_reopen(qtbot: QtBot, counter: Counter,
                                              jobs: JobRunner) -> None:
    window, ws = open_intake(qtbot, counter, jobs)
    item_and_applicant(qtbot, ws)
    key(qtbot, Qt.Key.Key_F6)
    row = ws.materials[3]  # 施工图设计文件审查合格书: not brought
    tab_to(qtbot, row.state)
    key(qtbot, Qt.Key.Key_Down)
    assert row.state.currentData() == "missing"
    nonconforming = ws.materials[1]
    tab_to(qtbot, nonconforming.state)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)
    assert nonconforming.state.currentData() == "nonconforming"
    tab_to(qtbot, nonconforming.reason)
    type_text(qtbot, "复印件未加盖公章")
    key(qtbot, Qt.Key.Key_F9)  # accepting is refused at once: required material missing
    assert not ws.confirm_bar.isVisible() and "不能受理" in ws.message.text()
    assert "施工图设计文件审查合格书" in ws.message.text() and ws.name.text() == "张三"
    text = confirm_and_wait(qtbot, ws, Qt.Key.Key_F10)
    result = ws.last_result
    assert result is not None and result.status == "correction"
    for expected in ("补正材料通知书", result.case_number, "施工图设计文件审查合格书",
                     "建设工程规划许可证", "复印件未加盖公章", "一次性告知"):
        assert expected in text, expected
    # the applicant comes back: the case list re-opens it under the same number
    cases = window.cases
    qtbot.waitUntil(lambda: len(cases.model.case_index.rows) == 1, timeout=10000)
    cases.show_case(result.case_number)
    qtbot.waitUntil(lambda: cases.reopen_button.isEnabled(), timeout=10000)
    cases.reopen_button.click()
    qtbot.waitUntil(lambda: ws.reopen_number == result.case_number and len(ws.materials) == 12,
                    timeout=10000)
    qtbot.wait(100)
    assert ws.materials[3].state.currentData() == "missing"  # its checklist as it was
    ws.last_pdf = None
    key(qtbot, Qt.Key.Key_F6)
    for q, value in zip(ws.fees.quantity_inputs(), ("100", "1000000"), strict=True):
        tab_to(qtbot, q.edit)  # the floor area once, then the contract price
        type_text(qtbot, value)
    text = confirm_and_wait(qtbot, ws, Qt.Key.Key_F9)
    assert ws.last_result is not None and ws.last_result.case_number == result.case_number
    assert "受理通知书" in text and result.case_number in text


def test_keyboard_only_refusal(qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    _window, ws = open_intake(qtbot, counter, jobs)  # the window lives to the test's end
    item_and_applicant(qtbot, ws)
    key(qtbot, Qt.Key.Key_F11)  # no reason yet: says so and puts the cursor there
    assert not ws.confirm_bar.isVisible() and focused() is ws.reason
    reason = "申请事项不属于本中心受理范围"
    type_text(qtbot, reason)
    text = confirm_and_wait(qtbot, ws, Qt.Key.Key_F11)
    result = ws.last_result
    assert result is not None and result.status == "refused" and result.query_code is None
    for expected in ("不予受理决定书", result.notice_number, reason, "行政复议", "六十日",
                     "行政诉讼", "六个月"):
        assert expected in text, expected


def test_applicant_rates_the_visit_after_acceptance(qtbot: QtBot, counter: Counter,
                                                    jobs: JobRunner) -> None:
    """一次一评: Ctrl+E turns the rating screen to the applicant; the rating is stored once
    with its rating.create message for the accepted case."""
    from sqlalchemy import select

    from hall_client.store.models import OutboxMessage

    _window, ws = open_intake(qtbot, counter, jobs)
    key(qtbot, Qt.Key.Key_E)  # a plain E is typing, not the shortcut
    assert ws.rating_screen is None
    qtbot.keyClick(focused(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert ws.rating_screen is None and "受理一件后" in ws.message.text()
    assert not ws.rate_button.isEnabled()
    ws.item.lineEdit().clear()
    item_and_applicant(qtbot, ws)
    key(qtbot, Qt.Key.Key_F6)
    for q, value in zip(ws.fees.quantity_inputs(), ("12000", "36000000"), strict=True):
        tab_to(qtbot, q.edit)  # the floor area once, then the contract price
        type_text(qtbot, value)
    confirm_and_wait(qtbot, ws, Qt.Key.Key_F9)
    result = ws.last_result
    assert result is not None and ws.rate_button.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    screen = ws.rating_screen
    assert screen is not None
    qtbot.waitExposed(screen)
    assert result.case_number in "".join(w.text() for w in screen.findChildren(QLabel))
    qtbot.mouseClick(screen.buttons[list(screen.buttons)[1]], Qt.MouseButton.LeftButton)  # 满意
    qtbot.waitUntil(lambda: screen.saved_level is not None, timeout=10000)
    assert not ws.rate_button.isEnabled()
    with counter.store.transaction() as s:
        ratings = [m.payload for m in s.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == "rating.create"))]
    assert [(r["case_id"], r["level"], r["clerk"], r["counter"]) for r in ratings] == [
        (result.case_id, screen.saved_level, "wangjing", counter.settings.counter.id)]
    screen.close()
