"""Sign-in after an administrator's reset: the temporary password opens a dialog that sets the
person's own password (typed twice, checked in place) before the counter opens."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hall_client.core import auth
from hall_client.core.counter import Counter
from hall_client.gui.jobs import JobRunner
from hall_client.gui.login import LoginDialog
from tests.gui.conftest import settle, sign_in


def test_temporary_password_must_be_replaced(qtbot: QtBot, counter: Counter,
                                             jobs: JobRunner) -> None:
    with counter.store.transaction() as s:
        auth.reset_password(s, sign_in(counter, "admin"), "wangjing", "temporary-1")
    dialog = LoginDialog(counter, jobs)
    qtbot.addWidget(dialog)
    dialog.username.setText("wangjing")
    dialog.password.setText("temporary-1")
    dialog.submit()
    qtbot.waitUntil(lambda: getattr(dialog, "change_dialog", None) is not None, timeout=10000)
    change = dialog.change_dialog
    assert dialog.actor is None  # not signed in yet
    change.new_password.setText("temporary-1")
    change.repeat.setText("temporary-2")
    change.accept()
    assert "不一致" in change.error_of("repeat")
    change.repeat.setText("temporary-1")
    change.accept()
    settle(qtbot, jobs)
    assert "临时密码" in change.error_of("password") and change.isVisible()
    change.new_password.setText("my-own-password")
    change.repeat.setText("my-own-password")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        change.accept()
    assert dialog.actor is not None and dialog.actor.username == "wangjing"
    assert auth.sign_in(counter.store.sessions, "wangjing", "my-own-password", "W01")


def test_refusing_to_change_stays_on_sign_in(qtbot: QtBot, counter: Counter,
                                             jobs: JobRunner) -> None:
    with counter.store.transaction() as s:
        auth.reset_password(s, sign_in(counter, "admin"), "wangjing", "temporary-1")
    dialog = LoginDialog(counter, jobs)
    qtbot.addWidget(dialog)
    dialog.username.setText("wangjing")
    dialog.password.setText("temporary-1")
    dialog.submit()
    qtbot.waitUntil(lambda: getattr(dialog, "change_dialog", None) is not None, timeout=10000)
    dialog.change_dialog.reject()
    assert dialog.actor is None and "新密码" in dialog.message.text()
    assert dialog.buttons.isEnabled()
