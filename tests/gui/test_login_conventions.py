"""DESIGN §9 on the sign-in dialog (issue 16): its refusals speak the interface language."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hall_client.core.counter import Counter
from hall_client.gui.jobs import JobRunner
from hall_client.gui.login import LoginDialog
from tests.gui.walkers.checks import CJK
from tests.gui.walkers.walk import language


def test_a_wrong_password_is_refused_in_english(qtbot: QtBot, counter: Counter,
                                                jobs: JobRunner) -> None:
    """The core's Chinese '用户名或密码错误（再错 4 次将锁定账号）' reached the English dialog."""
    with language("en"):
        dialog = LoginDialog(counter, jobs)
        qtbot.addWidget(dialog)
        dialog.username.setText("wangjing")
        dialog.password.setText("wrong-password")
        dialog.submit()
        qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10000)
        text = dialog.message.text()
    assert text == "Wrong username or password"
    assert not CJK.search(text)


def test_a_wrong_password_keeps_the_attempts_left_in_chinese(qtbot: QtBot, counter: Counter,
                                                              jobs: JobRunner) -> None:
    dialog = LoginDialog(counter, jobs)
    qtbot.addWidget(dialog)
    dialog.username.setText("wangjing")
    dialog.password.setText("wrong-password")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10000)
    assert dialog.message.text() == "用户名或密码错误（再错 4 次将锁定账号）"
