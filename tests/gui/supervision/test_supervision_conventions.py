"""DESIGN §9 findings of the walkers on the supervision screens (issue 16), one test each."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from hall_client.core.counter import Counter
from hall_client.core.supervision.client import SupervisionClient
from hall_client.core.supervision.ratings import Visit
from hall_client.gui.jobs import JobRunner
from hall_client.gui.main_window import MainWindow
from hall_client.gui.supervision.board import BoardPanel, HistoryDialog
from hall_client.gui.supervision.rating_screen import RatingScreen
from tests.gui.conftest import settle, sign_in
from tests.gui.walkers.checks import CJK
from tests.gui.walkers.registry import _board_row
from tests.gui.walkers.walk import language


def test_board_of_a_new_window_asks_the_sync_session_once_it_exists(
        qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    """The board used to load while the main window was still being built and showed
    '操作失败（AttributeError）' (the window had no sync session yet)."""
    window = MainWindow(counter, jobs, sign_in(counter, "zhouyan"))
    qtbot.addWidget(window)
    board = window.supervision.board
    qtbot.waitUntil(lambda: not board._busy and board.stale.text() != "", timeout=10000)
    settle(qtbot, jobs)
    assert "AttributeError" not in board.stale.text()
    assert board.stale.text().startswith("无法取得看板数据：连不上中心服务器")


def test_board_that_failed_at_start_loads_after_the_first_sync(
        qtbot: QtBot, counter: Counter, jobs: JobRunner,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Under `make run` the supervisor's board loaded before the demo counter was registered
    and said '连不上中心服务器' for 30 s while the status bar already said 服务器在线."""
    from hall_client.core.supervision import board as board_core

    window = MainWindow(counter, jobs, sign_in(counter, "zhouyan"))
    qtbot.addWidget(window)
    board = window.supervision.board
    qtbot.waitUntil(lambda: not board._busy and board.stale.text() != "", timeout=10000)
    settle(qtbot, jobs)
    assert board.view_state.problem
    loads: list[int] = []

    def answered(client: object, view: board_core.BoardView,
                 now: object) -> board_core.BoardView:
        loads.append(1)
        return board_core.BoardView(None, None, False, "")

    monkeypatch.setattr(board_core, "refresh", answered)
    window._refresh_server_cases()  # what a finished sync pass calls
    settle(qtbot, jobs)
    assert loads == [1] and not board.view_state.problem
    window._refresh_server_cases()  # a board that loaded is left to its own timer
    settle(qtbot, jobs)
    assert loads == [1]


def test_server_errors_are_in_the_interface_language(qtbot: QtBot, jobs: JobRunner) -> None:
    """The client's Chinese message with the URL and the exception class reached the English
    interface ('中心服务器 http://… 无法连接，请检查网络（ConnectionError）')."""
    client = SupervisionClient("http://127.0.0.1:9", lambda: "token", timeout=2)
    with language("en"):
        dialog = HistoryDialog(client, jobs, _board_row())
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.chain.text() != "Loading…", timeout=10000)
        settle(qtbot, jobs)
        text = dialog.chain.text()
    assert "central server" in text
    assert not CJK.search(text) and "ConnectionError" not in text


def test_board_headers_fit_before_any_row_arrives(qtbot: QtBot, jobs: JobRunner) -> None:
    """Without rows the columns kept Qt's 100 px: 'Working days left' was cut off."""
    with language("en"):
        panel = BoardPanel(None, jobs)
        qtbot.addWidget(panel)
        header = panel.table.horizontalHeader()
        metrics = QFontMetrics(header.font())
        for i, column in enumerate(panel.model.columns):
            assert header.sectionSize(i) >= metrics.horizontalAdvance(column.header) + 8, \
                column.header


def test_rating_buttons_are_wide_enough_for_their_words(qtbot: QtBot, counter: Counter,
                                                        jobs: JobRunner) -> None:
    """'Very dissatisfied' in 16 pt needs more than the fixed 150 px."""
    with language("en"):
        screen = RatingScreen(counter, jobs, sign_in(counter, "wangjing"),
                              Visit("c1", "ZJ-2026-00112", "wangjing", "王静", "W01"))
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitExposed(screen)
        for button in screen.buttons.values():
            metrics = QFontMetrics(button.font())
            widest = max(metrics.horizontalAdvance(line) for line in button.text().splitlines())
            assert button.width() >= widest + 12, button.text()
