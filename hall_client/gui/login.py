"""Sign-in dialog, and the first-run dialog that creates the administrator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import auth
from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.core.errors import AccountLocked, AuthenticationFailed
from hall_client.gui.jobs import JobRunner
from hall_client.gui.widgets.form_dialog import FormDialog, error_text
from hall_client.gui.widgets.rare_char import NameEdit


class LoginDialog(QDialog):
    """Asks for username and password; checks them off the GUI thread."""

    def __init__(self, counter: Counter, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs = counter, jobs
        self.actor: Actor | None = None
        s = counter.settings
        self.setWindowTitle(self.tr("登录 — 行政服务中心窗口客户端"))
        title = QLabel(self.tr("行政服务中心窗口客户端"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 18pt; font-weight: bold; margin: 8px;")
        where = QLabel(self.tr("{hall}　{counter}（{id}）").format(
            hall=s.hall.name, counter=s.counter.name, id=s.counter.id))
        where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("用户名"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名："), self.username)
        form.addRow(self.tr("密码："), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.message.setText(self.tr("请输入用户名和密码"))
            return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("正在验证…"))
        sessions, counter_id = self.counter.store.sessions, self.counter.settings.counter.id
        self.jobs.db(lambda ctx: auth.sign_in(sessions, username, password, counter_id),
                     success=self._signed_in, failure=self._failed)

    def _signed_in(self, actor: Actor) -> None:
        store = self.counter.store

        def check(ctx: object) -> bool:
            with store.transaction() as s:
                return auth.must_change_password(s, actor)

        self.jobs.db(check, success=lambda must: self._checked(actor, must),
                     failure=self._failed)

    def _checked(self, actor: Actor, must_change: bool) -> None:
        if not must_change:
            self.actor = actor
            self.accept()
            return
        # A temporary password set by the administrator: the person sets their own first.
        self.message.setText(self.tr("请设置您自己的新密码"))
        dialog = ChangePasswordDialog(self.counter, self.jobs, actor, self)
        self.change_dialog = dialog
        dialog.accepted.connect(lambda: self._checked(actor, False))
        dialog.rejected.connect(self._change_refused)
        dialog.open()

    def _change_refused(self) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.setText(self.tr("须先设置新密码才能登录"))

    def take_password(self) -> str:
        """The password just typed, handed once to the sync engine so the person is signed in
        to the central server too without typing again; the field is cleared."""
        password = self.password.text()
        self.password.clear()
        return password

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.setText(self._failure_text(exc))

    def _failure_text(self, exc: BaseException) -> str:
        """The core says why in Chinese (with the attempts left); a translated interface gets
        the same answer in its own language, never raw exception text (DESIGN §9)."""
        wrong = self.tr("用户名或密码错误")
        translated = wrong != "用户名或密码错误"
        if translated and isinstance(exc, AccountLocked):
            return self.tr("账号已锁定：请稍后再试，或请管理员解锁")
        if translated and isinstance(exc, AuthenticationFailed):
            return wrong
        return error_text(exc)


class ChangePasswordDialog(FormDialog):
    """After an administrator's reset: the person replaces the temporary password, typed
    twice, before the counter opens."""

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ChangePasswordDialog", "设置新密码"), parent,
                         ok_text=QCoreApplication.translate("ChangePasswordDialog", "保存并登录"))
        self.counter, self.jobs, self.actor = counter, jobs, actor
        intro = QLabel(self.tr("{name}，管理员为您设置了临时密码。请设置只有您自己知道的新密码。")
                       .format(name=actor.full_name))
        intro.setWordWrap(True)
        self.form.insertRow(0, intro)
        self.new_password = QLineEdit()
        self.new_password.setObjectName("new-password")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field("password", self.tr("新密码（至少 8 位）："), self.new_password)
        self.add_field("repeat", self.tr("再次输入："), self.repeat)

    def local_errors(self) -> dict[str, str]:
        if len(self.new_password.text()) < auth.MIN_PASSWORD_LENGTH:
            return {"password": self.tr("密码至少 {n} 位").format(n=auth.MIN_PASSWORD_LENGTH)}
        if self.new_password.text() != self.repeat.text():
            return {"repeat": self.tr("两次输入的密码不一致")}
        return {}

    def submit(self) -> None:
        store, actor, password = self.counter.store, self.actor, self.new_password.text()

        def run(ctx: object) -> None:
            with store.transaction() as s:
                auth.change_own_password(s, actor, password)

        self.run_job(self.jobs.db, run)


class FirstRunDialog(QDialog):
    """On a counter with nobody set up yet, create the first administrator."""

    def __init__(self, counter: Counter, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs = counter, jobs
        self.setWindowTitle(self.tr("首次使用：创建系统管理员"))
        intro = QLabel(self.tr("本机尚未设置任何账号。请创建第一个系统管理员账号，"
                               "之后由管理员在“管理”中添加窗口受理员、收费员和值班主任。"))
        intro.setWordWrap(True)
        self.username = QLineEdit("admin")
        self.full_name = NameEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名："), self.username)
        form.addRow(self.tr("姓名："), self.full_name)
        form.addRow(self.tr("密码（至少 8 位）："), self.password)
        form.addRow(self.tr("再次输入密码："), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("两次输入的密码不一致"))
            return
        values = dict(username=self.username.text().strip(), full_name=self.full_name.text(),
                      password=self.password.text(), roles=["admin", "supervisor"],
                      counter=self.counter.settings.counter.id)
        store = self.counter.store

        def create(ctx: object) -> None:
            with store.transaction() as s:
                auth.add_person(s, None, **values)  # type: ignore[arg-type]

        self.jobs.db(create, success=lambda _: self.accept(), failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))


def needs_first_run(counter: Counter) -> bool:
    """True while nobody is set up on this counter. Database work: call it off the GUI thread."""
    with counter.store.transaction() as s:
        return auth.count_people(s) == 0
