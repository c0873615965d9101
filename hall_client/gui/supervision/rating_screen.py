"""The applicant's 好差评 screen: five large buttons facing the applicant, on the counter's
second screen when there is one, else a dialog. The rating is stored locally with its audit
line and ``rating.create`` outbox message (the sync engine sends it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.core.supervision.ratings import LEVELS, Visit, record_rating
from hall_client.gui.jobs import JobRunner
from hall_client.gui.supervision.labels import level_label
from hall_client.gui.widgets.form_dialog import error_text

FACES = {"非常满意": "★★★★★", "满意": "★★★★", "基本满意": "★★★", "不满意": "★★", "非常不满意": "★"}
COLOURS = {"非常满意": "#2e7d32", "满意": "#558b2f", "基本满意": "#9e9d24",
           "不满意": "#ef6c00", "非常不满意": "#c62828"}


class RatingScreen(QDialog):
    """No staff user names on it (only the clerk's name and the counter, as on the badge)."""

    THANKS_MS = 2500

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor, visit: Visit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs, self.actor, self.visit = counter, jobs, actor, visit
        self.saved_level: str | None = None
        self.on_saved: Callable[[str], None] | None = None
        self.setWindowTitle(self.tr("请您评价本次服务"))
        self.setObjectName("ratingScreen")
        title = QLabel(self.tr("请您对本次服务进行评价"))
        big = QFont(title.font())
        big.setPointSize(22)
        big.setBold(True)
        title.setFont(big)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        who = QLabel(self.tr("{counter} · 工作人员 {name} · 受理编号 {number}").format(
            counter=visit.counter, name=visit.clerk_name, number=visit.case_number))
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, level in enumerate(LEVELS):
            button = QPushButton(f"{FACES[level]}\n{level_label(level)}\n({i + 1})")
            button.setObjectName(f"level_{i + 1}")
            f = QFont(button.font())
            f.setPointSize(16)
            button.setFont(f)
            # wide enough for the longest line of the level's name in this language
            widest = max(QFontMetrics(f).horizontalAdvance(line)
                         for line in button.text().splitlines())
            button.setMinimumSize(max(150, widest + 24), 130)
            button.setStyleSheet(f"QPushButton {{ color: white; background: {COLOURS[level]};"
                                 " border-radius: 10px; }")
            button.clicked.connect(lambda _c=False, lv=level: self.choose(lv))
            shortcut = QShortcut(QKeySequence(str(i + 1)), self)
            shortcut.activated.connect(lambda lv=level: self.choose(lv))
            grid.addWidget(button, 0, i)
            self.buttons[level] = button
        self.comment = QLineEdit()
        self.comment.setMaxLength(500)
        self.comment.setPlaceholderText(self.tr("意见或建议（选填，差评请告诉我们原因）"))
        self.message = QLabel()
        self.message.setObjectName("ratingMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        f = QFont(self.message.font())
        f.setPointSize(16)
        self.message.setFont(f)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(who)
        layout.addLayout(grid)
        layout.addWidget(self.comment)
        layout.addWidget(self.message)

    def show_to_applicant(self) -> None:
        """Full screen on the second screen if there is one; otherwise a dialog here."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setGeometry(screens[1].geometry())
            self.showFullScreen()
        else:
            self.open()

    def choose(self, level: str) -> None:
        if self.saved_level is not None:
            return  # one visit, one rating
        for b in self.buttons.values():
            b.setEnabled(False)
        store, actor, visit = self.counter.store, self.actor, self.visit
        comment = self.comment.text()

        def save(ctx: object) -> str:
            with store.transaction() as s:
                return record_rating(s, actor, visit, level, comment).id

        self.jobs.db(save, success=lambda _id: self._saved(level), failure=self._failed)

    def _saved(self, level: str) -> None:
        self.saved_level = level
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("感谢您的评价！（{level}）").format(level=level_label(level)))
        if self.on_saved:
            self.on_saved(level)
        QTimer.singleShot(self.THANKS_MS, self.accept)

    def _failed(self, exc: BaseException) -> None:
        for b in self.buttons.values():
            b.setEnabled(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error_text(exc))


