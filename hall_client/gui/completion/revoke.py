"""已发证照: every licence printed at this counter, collected ones included, to revoke one that
was issued wrongly or withdrawn after the applicant took it home (F9 here; the collection
queue's own F9 covers licences not yet collected), and to print its replacement under a new
number (F6, the fields as printed before).

A collected licence is revoked by a supervisor with a second supervisor's approval (the core
enforces it; the screen says so before asking for anything)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.core.results.licences import IssuedLicence, issued_licences
from hall_client.core.settings import SHANGHAI
from hall_client.gui.completion.dialogs import RevokeDialog
from hall_client.gui.completion.licence_print import PrintedLicence, SendToPrinter, issue_and_print
from hall_client.gui.jobs import JobRunner
from hall_client.gui.resources import document_font
from hall_client.gui.table_model import Column, RecordTableModel, record_view
from hall_client.gui.widgets.form_dialog import error_text
from hall_client.gui.widgets.message_area import MessageArea


def _state(x: IssuedLicence) -> str:
    if x.status == "prepared":
        return QCoreApplication.translate("IssuedLicences", "已编号，待打印")
    if x.status == "revoked":
        return QCoreApplication.translate("IssuedLicences", "已撤销")
    return QCoreApplication.translate("IssuedLicences", "已领取") if x.collected else QCoreApplication.translate("IssuedLicences", "已发证，待领取")


def _day(x: IssuedLicence) -> str:
    return x.issued_at.astimezone(SHANGHAI).strftime("%Y-%m-%d")


def _collected(x: IssuedLicence) -> str:
    if x.collected_at is None:
        return ""
    return f"{x.collector} {x.collected_at.astimezone(SHANGHAI).strftime('%m-%d %H:%M')}"


class IssuedLicencesDialog(QDialog):
    """Find a printed licence (number, case number or holder) and revoke it."""

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor,
                 printer: Callable[[QFont], SendToPrinter], parent: QWidget | None = None,
                 search: str = "") -> None:
        super().__init__(parent)
        self.printer = printer
        self.setObjectName("issuedLicences")
        self.setWindowTitle(self.tr("已发证照 — 撤销"))
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.rows: list[IssuedLicence] = []
        self.focus_case = ""
        self.model: RecordTableModel[IssuedLicence] = RecordTableModel([
            Column(QCoreApplication.translate("IssuedLicences", "证号"), lambda x: x.number),
            Column(QCoreApplication.translate("IssuedLicences", "持证人"), lambda x: x.holder),
            Column(QCoreApplication.translate("IssuedLicences", "事项"), lambda x: x.item_name),
            Column(QCoreApplication.translate("IssuedLicences", "受理号"), lambda x: x.case_number),
            Column(QCoreApplication.translate("IssuedLicences", "发证日期"), _day),
            Column(QCoreApplication.translate("IssuedLicences", "状态"), _state),
            Column(QCoreApplication.translate("IssuedLicences", "领取人"), _collected),
        ], self)
        self.view = record_view(self.model)
        self.view.setObjectName("issuedList")
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.view.doubleClicked.connect(lambda *_: self.revoke())
        self.search = QLineEdit(search)
        self.search.setObjectName("issuedSearch")
        self.search.setPlaceholderText(self.tr("证号、受理号或持证人"))
        self.search.setMaxLength(60)
        self.search.returnPressed.connect(self.reload)
        find = QPushButton(self.tr("查找"))
        find.setObjectName("issuedFind")
        find.clicked.connect(self.reload)
        self.revoke_button = QPushButton(self.tr("撤销所选证照 (F9)"))
        self.revoke_button.setObjectName("issuedRevoke")
        self.revoke_button.clicked.connect(self.revoke)
        self.reissue_button = QPushButton(self.tr("补发新证 (F6)"))
        self.reissue_button.setObjectName("issuedReissue")
        self.reissue_button.clicked.connect(self.reissue)
        reissue_key = QAction(self)
        reissue_key.setShortcut(QKeySequence(Qt.Key.Key_F6))
        reissue_key.triggered.connect(self.reissue)
        self.addAction(reissue_key)
        close = QPushButton(self.tr("关闭 (Esc)"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        key = QAction(self)
        key.setShortcut(QKeySequence(Qt.Key.Key_F9))
        key.triggered.connect(self.revoke)
        self.addAction(key)
        self.detail = QLabel()
        self.detail.setObjectName("issuedDetail")
        self.detail.setWordWrap(True)
        self.messages = MessageArea(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("查找：")))
        top.addWidget(self.search, 1)
        top.addWidget(find)
        bottom = QHBoxLayout()
        bottom.addWidget(self.messages, 1)
        bottom.addWidget(self.revoke_button)
        bottom.addWidget(self.reissue_button)
        bottom.addWidget(close)
        note = QLabel(self.tr("已领取的证照只能由值班主任撤销，并须另一位值班主任批准；"
                              "撤销后请收回原证，补发使用新证号。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addWidget(note)
        layout.addLayout(bottom)
        self.resize(980, 600)
        self.reload()

    def reload(self) -> None:
        store, text = self.counter.store, self.search.text()

        def load(ctx: object) -> list[IssuedLicence]:
            with store.transaction() as s:
                return issued_licences(s, text)

        self.jobs.db(load, success=self._loaded,
                     failure=lambda exc: self.messages.show_error(error_text(exc)))

    def _loaded(self, rows: list[IssuedLicence]) -> None:
        current = self.current()
        self.rows = rows
        self.model.set_rows(rows)
        if rows:
            waiting = next((i for i, x in enumerate(rows) if x.case_id == self.focus_case
                            and x.status == "prepared"), None)  # a reissue left unprinted
            self.focus_case = ""
            self.view.selectRow(waiting if waiting is not None else next(
                (i for i, x in enumerate(rows) if current is not None and x.id == current.id), 0))
        else:
            self.messages.show_info(self.tr("没有找到已发出的证照"))
        self._show_detail()

    def current(self) -> IssuedLicence | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        return self.rows[index.row()]

    def _show_detail(self) -> None:
        x = self.current()
        self.revoke_button.setEnabled(x is not None and x.status == "issued")
        self.revoke_button.setToolTip(self.tr("该证照已撤销") if x is not None
                                      and x.status == "revoked" else "")
        waiting = x is not None and (x.status == "prepared" or (x.status == "revoked"
                                                                 and not x.replaced_by))
        self.reissue_button.setEnabled(waiting)
        self.reissue_button.setToolTip("" if waiting else self.tr("只有已撤销、尚未补发的证照可以补发"))
        if x is None:
            self.detail.setText("")
        elif x.status == "prepared":
            self.detail.setText(self.tr("{title} {number} 已编号但尚未打印：按 F6 打印").format(
                title=x.title, number=x.number))
        elif x.status == "revoked":
            self.detail.setText(self.tr("{title} {number} 已撤销：{reason}").format(
                title=x.title, number=x.number, reason=x.revoke_reason) + (
                self.tr("；已补发 {new}").format(new=x.replaced_by) if x.replaced_by else
                self.tr("；按 F6 补发新证")))
        else:
            self.detail.setText(self.tr("{title} {number} · 打印 {prints} 次").format(
                title=x.title, number=x.number, prints=x.prints))

    def revoke(self) -> None:
        self.messages.next_action()
        x = self.current()
        if x is None:
            self.messages.show_error(self.tr("请先在列表中选择一张证照"))
            return
        if x.status != "issued":
            self.messages.show_error(self.tr("证照 {number} 已撤销，不能再撤销").format(
                number=x.number))
            return
        if x.collected and "supervisor" not in self.actor.roles:
            self.messages.show_error(self.tr(
                "证照 {number} 已由申请人领取：须由值班主任登录后撤销，并由另一位值班主任批准"
            ).format(number=x.number))
            return
        self.revocation = RevokeDialog(self.counter, self.jobs, self.actor, x.id, x.number,
                                       x.holder, collected=x.collected,
                                       on_revoked=self._revoked, parent=self)
        self.revocation.open()

    def _revoked(self, number: str) -> None:
        self.messages.show_result(self.tr("证照 {number} 已撤销，验真将显示“已撤销”").format(
            number=number))
        self.reload()

    def reissue(self) -> None:
        """Print the replacement of a revoked licence, with the fields printed before."""
        self.messages.next_action()
        x = self.current()
        if x is None or not (x.status == "prepared" or (x.status == "revoked"
                                                         and not x.replaced_by)):
            self.messages.show_error(self.tr("请选择一张已撤销、尚未补发的证照"))
            return
        font = document_font()
        counter, actor, send, case_id = self.counter, self.actor, self.printer(font), x.case_id

        def work(ctx: object) -> PrintedLicence:
            return issue_and_print(counter, actor, case_id, {}, send, font)

        def failed(exc: BaseException) -> None:
            self.messages.show_error(error_text(exc))
            self.focus_case = case_id  # the number taken stays: selected, F6 prints it again
            self.reload()

        self.messages.show_info(self.tr("正在打印…"))
        self.jobs.db(work, success=lambda done: (self.messages.show_result(self.tr(
            "补发证照 {number} 已打印（{holder}）").format(number=done.number,
                                                     holder=done.holder)), self.reload()),
            failure=failed)
