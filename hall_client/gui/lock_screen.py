"""A counter in a public hall: after a set idle time the screen locks to the sign-in of the
same person, keeping the work in progress behind it (DESIGN §9, issue 16).

:class:`IdleWatcher` watches every key and mouse event of the application; when none came for
``ui.idle_lock_minutes`` it says so. :class:`LockScreen` then covers the main window with an
opaque, modal sign-in that only the person who was signed in can open (password only; the
username is fixed). The main window and its open dialogs stay exactly as they were.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import auth
from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.gui.jobs import JobRunner
from hall_client.gui.widgets.form_dialog import error_text

_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    """An application-wide event filter: ``idle`` fires after ``interval_ms`` without input."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_interval(interval_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_interval(self, interval_ms: int) -> None:
        """0 turns the lock off."""
        self.timer.stop()
        self.timer.setInterval(max(interval_ms, 0))
        if interval_ms > 0:
            self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.timer.interval() > 0 and not self.paused:
            self.timer.start()
        return False

    paused = False

    def pause(self) -> None:
        self.paused = True
        self.timer.stop()

    def resume(self) -> None:
        self.paused = False
        if self.timer.interval() > 0:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QDialog):
    """Covers ``window`` until the same person types their password again."""

    unlocked = Signal()

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor, window: QWidget) -> None:
        super().__init__(window, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.setObjectName("lock-screen")
        self.setWindowTitle(self.tr("屏幕已锁定"))
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAutoFillBackground(True)
        self.setStyleSheet("QDialog#lock-screen { background: #eef1f5; }")
        title = QLabel(self.tr("屏幕已锁定"))
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        who = QLabel(self.tr("{name} 离开期间窗口已锁定，未完成的工作保留在原处。\n"
                             "请 {name} 输入密码继续。").format(name=actor.full_name))
        who.setObjectName("lock-who")
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        who.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("lock-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("{name} 的密码").format(name=actor.full_name))
        self.password.setAccessibleName(self.tr("密码"))
        self.password.setMinimumWidth(320)
        self.password.setMaximumWidth(420)
        self.password.returnPressed.connect(self.submit)
        self.unlock_button = QPushButton(self.tr("解锁 (Enter)"))
        self.unlock_button.setObjectName("lock-unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.setMaximumWidth(360)
        self.unlock_button.clicked.connect(self.submit)
        self.message = QLabel()
        self.message.setObjectName("lock-message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addStretch(2)
        column.addWidget(title)
        column.addWidget(who)
        column.addSpacing(16)
        column.addWidget(self.password, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.message)
        column.addStretch(3)
        self._open = True

    def cover(self) -> None:
        """Show over the whole window (its frame included), focus on the password."""
        window = self.parentWidget()
        if window is not None:
            self.setGeometry(window.frameGeometry())
        self.password.clear()
        self.message.clear()
        self._open = True
        self.open()
        self.activateWindow()
        self.password.setFocus()

    def submit(self) -> None:
        password = self.password.text()
        if not password:
            self.message.setText(self.tr("请输入密码"))
            return
        self.unlock_button.setEnabled(False)
        self.message.setText(self.tr("正在验证…"))
        sessions, username = self.counter.store.sessions, self.actor.username
        counter_id = self.counter.settings.counter.id
        self.jobs.db(lambda ctx: auth.sign_in(sessions, username, password, counter_id),
                     success=self._signed_in, failure=self._failed)

    def _signed_in(self, _actor: Actor) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self._open = False
        self.accept()
        self.unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.setText(error_text(exc))

    # Esc, Alt+F4 and the like do not open the lock.
    def reject(self) -> None:
        pass

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._open:
            event.ignore()
            return
        super().closeEvent(event)
