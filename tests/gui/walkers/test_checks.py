"""The walkers' checks find what they are for (a check that cannot fail checks nothing)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.walkers import checks


def _shown(qtbot: QtBot, w: QWidget, width: int = 400, height: int = 300) -> QWidget:
    qtbot.addWidget(w)
    w.resize(width, height)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_chinese_left_in_english_is_found_but_data_is_not(qtbot: QtBot) -> None:
    top = QWidget()
    top.setWindowTitle("Cases")
    column = QVBoxLayout(top)
    column.addWidget(QLabel("事项："))  # ours, untranslated
    name = QLabel("建筑工程施工许可证核发")
    name.setObjectName("itemName")  # data
    column.addWidget(name)
    column.addWidget(QLabel("User: 王静 (Clerk)"))  # the {name} of a translation: data
    _shown(qtbot, top)
    found = checks.check_english(top)
    assert [v.text for v in found] == ["事项："]


def test_chinese_mode_wants_our_sources_and_qts_own_buttons_in_chinese(qtbot: QtBot) -> None:
    dialog = QDialog()
    dialog.setWindowTitle("登录 — 行政服务中心窗口客户端")  # a .ts source
    column = QVBoxLayout(dialog)
    column.addWidget(QLabel("这句话不在翻译源里"))
    column.addWidget(QLabel("Please wait"))
    column.addWidget(QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel))  # no qtbase_zh
    _shown(qtbot, dialog)
    found = {v.text for v in checks.check_chinese(dialog)}
    assert found == {"这句话不在翻译源里", "Please wait", "Cancel"}


def test_a_window_that_cannot_shrink_and_a_widget_outside_are_found(qtbot: QtBot) -> None:
    checks.SCREEN_CLASSES.add("QTableWidget")
    try:
        top = QWidget()
        row = QHBoxLayout(top)
        table = QTableWidget()
        table.setMinimumWidth(1200)
        row.addWidget(table)
        _shown(qtbot, top, 1024, 768)
        found = checks.check_inside(top)
        assert [v.widget for v in found] == ["QTableWidget"]
        assert "needs at least 1200" in found[0].detail
    finally:
        checks.SCREEN_CLASSES.discard("QTableWidget")
    loose = QWidget()
    button = QPushButton("打印", loose)
    _shown(qtbot, loose, 300, 200)
    button.move(280, 10)
    assert [v.text for v in checks.check_inside(loose, 300, 200)] == ["打印"]


def test_clipped_label_button_and_header_are_found(qtbot: QtBot) -> None:
    top = QWidget()
    label = QLabel("中心服务器：未连接（本窗口尚未登记，数据保存在本地）", top)
    label.setGeometry(0, 0, 80, 20)
    button = QPushButton("导出事项目录…", top)
    button.setGeometry(0, 30, 40, 30)
    table = QTableWidget(1, 1, top)
    table.setHorizontalHeaderLabels(["Working days left"])
    table.setGeometry(0, 70, 300, 100)
    table.setColumnWidth(0, 30)
    wrapped = QLabel("很长很长很长很长很长很长很长很长很长很长的说明", top)
    wrapped.setWordWrap(True)
    wrapped.setGeometry(0, 180, 80, 80)
    _shown(qtbot, top)
    found = {v.text for v in checks.check_clipped(top)}
    assert found == {"中心服务器：未连接（本窗口尚未登记，数据保存在本地）", "导出事项目录…",
                     "Working days left"}


def test_primary_action_without_shortcut_or_name_is_found(qtbot: QtBot) -> None:
    top = QWidget()
    row = QHBoxLayout(top)
    bare = QPushButton("收款")
    bare.setObjectName("primary-pay")
    keyed = QPushButton("收款 (F2)")
    keyed.setObjectName("primary-pay-f2")
    named = QPushButton("★")
    named.setObjectName("primary-star")
    named.setAccessibleName("满意")
    mnemonic = QPushButton("确认受理(&A)")
    mnemonic.setObjectName("primary-accept")
    for b in (bare, keyed, named, mnemonic):
        row.addWidget(b)
    _shown(qtbot, top)
    assert [v.widget for v in checks.check_primary(top)] == ["QPushButton#primary-pay"]
