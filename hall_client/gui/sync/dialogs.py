"""Asking for the server password, and the list of parked and conflicting messages."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hall_client.core.counter import Counter
from hall_client.gui.jobs import JobContext, JobRunner
from hall_client.gui.sync.service import SyncService
from hall_client.gui.table_model import Column, RecordTableModel, record_view
from hall_client.sync import views

KIND_NAMES = {
    "case.create": QCoreApplication.translate("SyncKinds", "受理件"),
    "page.upload": QCoreApplication.translate("SyncKinds", "材料影像"),
    "case.action": QCoreApplication.translate("SyncKinds", "窗口环节"),
    "fee.paid": QCoreApplication.translate("SyncKinds", "缴费"),
    "fee.voided": QCoreApplication.translate("SyncKinds", "作废收款"),
    "fee.refunded": QCoreApplication.translate("SyncKinds", "退款"),
    "rating.create": QCoreApplication.translate("SyncKinds", "评价"),
    "licence.issue": QCoreApplication.translate("SyncKinds", "制证"),
    "licence.upload": QCoreApplication.translate("SyncKinds", "证照文件"),
    "licence.revoke": QCoreApplication.translate("SyncKinds", "撤销证照"),
    "receipt.issue": QCoreApplication.translate("SyncKinds", "电子票据"),
    "case.collection_code": QCoreApplication.translate("SyncKinds", "取件码短信"),
    "presubmission.decision": QCoreApplication.translate("SyncKinds", "网上预审结果"),
}


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("SyncKinds", KIND_NAMES[kind]) if kind in KIND_NAMES \
        else kind


class ServerPasswordDialog(QDialog):
    """The server wants the person's password again (no valid sign-in kept)."""

    def __init__(self, service: SyncService, full_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("登录中心服务器"))
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("中心服务器需要 {name} 再次输入密码，才能继续同步。"
                                   "离线办理不受影响。").format(name=full_name)))
        form.addRow(self.tr("密码："), self.password)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录 (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("稍后 (Esc)"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def submit(self) -> None:
        if not self.password.text():
            self.error.setText(self.tr("请输入密码"))
            return
        self.error.setText(self.tr("正在登录…"))
        self.service.sign_in(self.password.text(), failure=self._failed)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.tr("中心服务器拒绝了登录，请检查密码"))


class SyncProblemsDialog(QDialog):
    """Messages the server refused for good, and conflicts with both sides."""

    def __init__(self, counter: Counter, jobs: JobRunner, service: SyncService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs, self.service = counter, jobs, service
        self.setWindowTitle(self.tr("同步问题"))
        self.resize(900, 520)
        self.model: RecordTableModel[views.ProblemRow] = RecordTableModel([
            Column(self.tr("序号"), lambda p: p.seq),
            Column(self.tr("类型"), lambda p: kind_name(p.kind)),
            Column(self.tr("情况"), lambda p: self.tr("冲突") if p.state == "conflict"
                   else self.tr("被拒收")),
            Column(self.tr("服务器的说明"), lambda p: p.reason),
        ])
        self.table = record_view(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._show)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.detail)
        self.retry = QPushButton(self.tr("重新排队 (F5)"))
        self.retry.setShortcut("F5")
        self.retry.clicked.connect(self._retry)
        close = QPushButton(self.tr("关闭 (Esc)"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("中心服务器拒收的消息不会阻塞其他案件；"
                                        "纠正原因后可重新排队。")))
        layout.addWidget(split)
        layout.addWidget(self.retry)
        layout.addWidget(close)
        self.load()

    def load(self) -> None:
        counter = self.counter

        def read(ctx: JobContext) -> list[views.ProblemRow]:
            with counter.store.transaction() as s:
                return views.problems(s)

        self.jobs.db(read, success=self.model.set_rows)

    def _show(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        p = self.model.row(index.row())
        local = json.dumps(p.local, ensure_ascii=False, indent=1)
        server = (self.tr("服务器上的状态：{status}").format(status=p.server_status)
                  if p.server_status else "")
        self.detail.setPlainText(self.tr("本窗口：\n{local}\n\n服务器：{code}\n{reason}\n{server}")
                                 .format(local=local, code=p.code, reason=p.reason, server=server))

    def _retry(self) -> None:
        index = self.table.currentIndex()
        ids = [self.model.row(index.row()).message_id] if index.isValid() else \
            [self.model.row(i).message_id for i in range(self.model.total())]
        counter = self.counter

        def go(ctx: JobContext) -> int:
            with counter.store.transaction() as s:
                return views.retry(s, ids)

        self.jobs.db(go, success=lambda _: (self.load(), self.service.sync_now()))
