"""The shared form dialog keeps its input when refused; the message area keeps results."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from hall_client.core.errors import InvalidInput, Problem
from hall_client.gui.jobs import JobRunner
from hall_client.gui.widgets.form_dialog import GENERAL, FormDialog
from hall_client.gui.widgets.message_area import MessageArea


class _NameDialog(FormDialog):
    def __init__(self, jobs: JobRunner, taken: set[str]) -> None:
        super().__init__("测试")
        self.jobs, self.taken = jobs, taken
        self.name = QLineEdit()
        self.add_field("name", "用户名：", self.name)

    def local_errors(self) -> Mapping[str, str]:
        return {"name": "请填写用户名"} if not self.name.text() else {}

    def submit(self) -> None:
        name = self.name.text()

        def save(_ctx: object) -> str:
            if name in self.taken:
                raise InvalidInput([Problem("name", "taken", "用户名已被使用")])
            if name == "boom":
                raise InvalidInput([Problem("elsewhere", "x", "别处的问题")])
            return name

        self.run_job(self.jobs.db, save)


def test_local_check_keeps_dialog_open(qtbot: QtBot, jobs: JobRunner) -> None:
    dialog = _NameDialog(jobs, set())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_of("name") == "请填写用户名"


def test_refused_action_shows_next_to_field_and_keeps_input(qtbot: QtBot,
                                                            jobs: JobRunner) -> None:
    dialog = _NameDialog(jobs, {"wangjing"})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "wangjing")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_of("name") != "")
    assert dialog.isVisible() and dialog.name.text() == "wangjing"
    assert dialog.error_of("name") == "用户名已被使用"
    dialog.name.setText("boom")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_of(GENERAL) != "")
    assert dialog.error_of(GENERAL) == "别处的问题" and dialog.error_of("name") == ""
    dialog.name.setText("liqiang")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_message_area_keeps_error_until_read(qtbot: QtBot) -> None:
    area = MessageArea()
    qtbot.addWidget(area)
    area.show()
    area.show_result("找零 ¥12.00")
    area.show_info("同步完成")
    assert area.text() == "找零 ¥12.00"  # a result stays until the next action
    area.show_error("打印机未连接")
    area.show_info("同步完成")
    assert "打印机未连接" in area.text() and "同步完成" in area.text()
    assert area.dismiss.isVisible()
    qtbot.mouseClick(area.dismiss, Qt.MouseButton.LeftButton)
    assert area.text() == "同步完成" and area.kind == "info"
    area.show_result("收据号 0001")
    area.next_action()
    assert area.text() == "" and area.kind == ""
