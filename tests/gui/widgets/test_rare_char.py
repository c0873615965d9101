"""The rare-character picker: by code, by pinyin, from recent picks; shown large; inserted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hall_client.core.counter import Counter
from hall_client.gui.jobs import JobRunner
from hall_client.gui.widgets import rare_char
from hall_client.gui.widgets.rare_char import NameEdit, RareCharPicker

# The offscreen platform cannot pass a dialog's size hints on to a window system (no real one).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _open(qtbot: QtBot, edit: NameEdit) -> RareCharPicker:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: edit.picker is not None and edit.picker.isVisible())
    assert edit.picker is not None
    return edit.picker


def test_code_pinyin_and_recent_picks_type_a_rare_name(qtbot: QtBot) -> None:
    rare_char.RECENT.clear()
    edit = NameEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setText("王")

    picker = _open(qtbot, edit)
    qtbot.keyClicks(picker.query, "yan3")
    items = [picker.results.item(i).text() for i in range(picker.results.count())]
    assert "䶮" in items
    picker.results.setCurrentRow(items.index("䶮"))
    assert picker.big.text() == "䶮" and picker.big.font().pointSizeF() >= 48
    assert "U+4DAE" in picker.detail.text() and "扩展A" in picker.detail.text()
    qtbot.keyClick(picker.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert edit.text() == "王䶮"

    picker = _open(qtbot, edit)
    qtbot.keyClicks(picker.query, "U+20BB7")
    assert picker.big.text() == "𠮷" and "扩展B" in picker.detail.text()
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert edit.text() == "王䶮𠮷"

    picker = _open(qtbot, edit)  # the recent picks are listed, newest first
    assert [picker.recent.item(i).text() for i in range(picker.recent.count())] == ["𠮷", "䶮"]
    picker.recent.setCurrentRow(1)
    assert picker.big.text() == "䶮"
    qtbot.keyClick(picker.query, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert edit.text() == "王䶮𠮷"  # Esc inserts nothing


def test_nothing_found_says_what_to_type_and_cannot_insert(qtbot: QtBot) -> None:
    edit = NameEdit()
    qtbot.addWidget(edit)
    edit.show()
    picker = _open(qtbot, edit)
    qtbot.keyClicks(picker.query, "xyzq")
    assert picker.results.count() == 0 and "没有找到" in picker.status.text()
    assert not picker.insert_button.isEnabled()
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    assert picker.isVisible() and edit.text() == ""
    picker.reject()


def test_every_name_field_has_the_picker(qtbot: QtBot, counter: Counter,
                                         jobs: JobRunner) -> None:
    from hall_client.gui.workspaces import AddPersonDialog
    from tests.gui.conftest import sign_in

    dialog = AddPersonDialog(counter, jobs, sign_in(counter, "admin"))
    qtbot.addWidget(dialog)
    assert isinstance(dialog.full_name, NameEdit)
    assert dialog.full_name.picker_action in dialog.full_name.actions()
