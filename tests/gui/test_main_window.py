"""The main window: zoom from the 视图 menu, the idle lock to the same person, and quitting
with open work."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hall_client.core import auth
from hall_client.core.counter import DEMO_PASSWORD, Counter
from hall_client.gui.jobs import JobRunner
from hall_client.gui.main_window import MainWindow
from hall_client.gui.resources import install_font
from tests.gui.conftest import settle, sign_in


@pytest.fixture
def restore_font(qapp: QApplication) -> Iterator[None]:
    yield
    install_font(qapp)


def _window(qtbot: QtBot, counter: Counter, jobs: JobRunner, username: str) -> MainWindow:
    window = MainWindow(counter, jobs, sign_in(counter, username))
    qtbot.addWidget(window)
    return window


def test_zoom_changes_the_font_live_and_is_saved(qtbot: QtBot, qapp: QApplication,
                                                 counter: Counter, jobs: JobRunner,
                                                 restore_font: None) -> None:
    window = _window(qtbot, counter, jobs, "admin")
    assert window.zoom_in_action.shortcut().toString() == "Ctrl+="
    assert window.zoom_out_action.shortcut().toString() == "Ctrl+-"
    assert window.zoom_reset_action.shortcut().toString() == "Ctrl+0"
    window.zoom_in_action.trigger()
    assert qapp.font().pointSizeF() == pytest.approx(10.5 * 1.1)
    assert counter.settings.ui.zoom == pytest.approx(1.1)
    settle(qtbot, jobs)
    saved = tomllib.loads((counter.data_dir / "settings.toml").read_text(encoding="utf-8"))
    assert saved["ui"]["zoom"] == pytest.approx(1.1)
    window.zoom_out_action.trigger()
    window.zoom_out_action.trigger()
    assert counter.settings.ui.zoom == pytest.approx(0.9)
    window.zoom_reset_action.trigger()
    assert counter.settings.ui.zoom == 1.0
    assert qapp.font().pointSizeF() == pytest.approx(counter.settings.ui.font_size)
    settle(qtbot, jobs)
    saved = tomllib.loads((counter.data_dir / "settings.toml").read_text(encoding="utf-8"))
    assert saved["ui"]["zoom"] == 1.0


def test_idle_lock_to_the_same_person_keeps_the_work(qtbot: QtBot, counter: Counter,
                                                     jobs: JobRunner) -> None:
    with counter.store.transaction() as s:  # another person, with a password of their own
        auth.reset_password(s, sign_in(counter, "admin"), "wangjing", "wangjing-pw")
    window = _window(qtbot, counter, jobs, "admin")
    dialog = window.admin.add_person()  # work in progress, half typed
    dialog.username.setText("newclerk")
    dialog.full_name.setText("新同事")
    window.idle.set_interval(200)
    qtbot.waitUntil(lambda: window.lock_screen is not None and window.lock_screen.isVisible(),
                    timeout=5000)
    lock = window.lock_screen
    assert lock is not None
    assert lock.isModal() and lock.geometry().contains(window.frameGeometry())
    qtbot.keyClick(lock, Qt.Key.Key_Escape)
    assert lock.isVisible()  # Esc does not open it
    lock.password.setText("wangjing-pw")  # another person's password: refused
    lock.submit()
    settle(qtbot, jobs)
    assert lock.isVisible() and lock.message.text()
    lock.password.setText(DEMO_PASSWORD)
    lock.submit()
    settle(qtbot, jobs)
    assert not lock.isVisible()
    assert dialog.isVisible()
    assert (dialog.username.text(), dialog.full_name.text()) == ("newclerk", "新同事")
    # input keeps it open; silence locks it again
    window.idle.set_interval(400)
    qtbot.waitUntil(lambda: lock.isVisible(), timeout=5000)
    dialog.reject()


def test_lock_hides_the_other_windows_until_unlocked(qtbot: QtBot, counter: Counter,
                                                     jobs: JobRunner) -> None:
    window = _window(qtbot, counter, jobs, "admin")
    extra = QWidget(window, Qt.WindowType.Window)  # e.g. 案件进度 or 收费报表
    extra.show()
    lock = window.lock()
    assert not extra.isVisible()
    lock.password.setText(DEMO_PASSWORD)
    lock.submit()
    settle(qtbot, jobs)
    assert not lock.isVisible() and extra.isVisible()


def test_input_postpones_the_lock(qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    window = _window(qtbot, counter, jobs, "admin")
    window.idle.set_interval(300)
    for _ in range(5):
        qtbot.wait(150)
        qtbot.keyClick(window.admin.view, Qt.Key.Key_Down)
    assert window.lock_screen is None or not window.lock_screen.isVisible()


def _answer(asked: list[str], yes: bool) -> Any:
    def answer(parent: object, title: str, text: str, action: str) -> bool:
        asked.append(text)
        return yes
    return answer


def test_quit_with_an_unsaved_intake_asks(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, counter, jobs, "wangjing")
    asked: list[str] = []
    monkeypatch.setattr("hall_client.gui.main_window.confirm", _answer(asked, False))
    window.intake.name.setText("张三")
    assert not window.request_quit()
    assert asked and "受理单" in asked[0] and "待同步" in asked[0]
    monkeypatch.setattr("hall_client.gui.main_window.confirm", _answer(asked, True))
    assert window.request_quit()


def test_quit_without_open_work_does_not_ask(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, counter, jobs, "wangjing")
    asked: list[str] = []
    monkeypatch.setattr("hall_client.gui.main_window.confirm", _answer(asked, False))
    assert window.request_quit()
    assert not asked


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_admin_and_catalog_fit_1024x768(qtbot: QtBot, qapp: QApplication, counter: Counter,
                                        jobs: JobRunner, lang: str) -> None:
    from PySide6.QtWidgets import QAbstractButton

    from hall_client.gui.resources import install_translator

    install_translator(qapp, lang)
    try:
        window = _window(qtbot, counter, jobs, "admin")
        window.resize(1024, 768)
        window.show()
        qtbot.waitExposed(window)
        settle(qtbot, jobs)
        assert window.width() <= 1024 and window.height() <= 768
        for page in (window.admin, window.catalog):
            window.tabs.setCurrentWidget(page)
            qtbot.wait(50)
            buttons = [b for b in page.findChildren(QAbstractButton) if b.isVisible()]
            assert buttons
            for button in buttons:
                top_left = button.mapTo(window, button.rect().topLeft())
                bottom_right = button.mapTo(window, button.rect().bottomRight())
                assert window.rect().contains(top_left) and window.rect().contains(
                    bottom_right), f"{button.text()} outside the window"
                assert button.width() >= button.sizeHint().width() - 1, \
                    f"{button.text()} squeezed"
    finally:
        install_translator(qapp, "zh_CN")
