"""票据库存: receive (领) paper from the finance bureau, issue (发) a run to a cashier, take a
run back (缴), write off (销) unused numbers with a second supervisor's approval — all through
``core.receipt_stock``, each audited there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from hall_client.core import auth, receipt_stock
from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.gui.jobs import JobRunner
from hall_client.gui.supervision.common import ColouredModel
from hall_client.gui.table_model import Column, record_view
from hall_client.gui.widgets.form_dialog import error_text
from hall_client.store.cashier_models import ReceiptIssue


class StockForm(QDialog):
    """A small form that validates in place and stays open on a refusal. ``run()`` reads the
    fields and returns the database work to do."""

    def __init__(self, title: str, fields: list[tuple[str, QWidget]], run: Any,
                 jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.run, self.jobs = run, jobs
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        for label, widget in fields:
            form.addRow(label, widget)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _ok(self) -> None:
        self.buttons.setEnabled(False)
        job = self.run()  # reads the fields here, on the GUI thread
        self.jobs.db(lambda ctx: job(), success=lambda _r: self.accept(),
                     failure=self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(error_text(exc))


class StockPanel(QWidget):
    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.stock: ColouredModel[receipt_stock.StockLine] = ColouredModel([
            Column(QCoreApplication.translate("StockPanel", "票据代码"), lambda s: s.stock_code),
            Column(QCoreApplication.translate("StockPanel", "起始号码"), lambda s: s.start),
            Column(QCoreApplication.translate("StockPanel", "终止号码"), lambda s: s.end),
            Column(QCoreApplication.translate("StockPanel", "总数"), lambda s: s.total),
            Column(QCoreApplication.translate("StockPanel", "已发放"), lambda s: s.issued),
            Column(QCoreApplication.translate("StockPanel", "已打印"), lambda s: s.printed),
            Column(QCoreApplication.translate("StockPanel", "作废"), lambda s: s.spoiled),
            Column(QCoreApplication.translate("StockPanel", "待确认"), lambda s: s.pending),
            Column(QCoreApplication.translate("StockPanel", "收费员手中未用"), lambda s: s.unused_with_cashiers),
            Column(QCoreApplication.translate("StockPanel", "库存空白"), lambda s: s.in_stock),
        ], lambda s, c: None, self)
        self.issues: ColouredModel[ReceiptIssue] = ColouredModel([
            Column(QCoreApplication.translate("StockPanel", "收费员"), lambda i: i.cashier),
            Column(QCoreApplication.translate("StockPanel", "票据代码"), lambda i: i.stock_code),
            Column(QCoreApplication.translate("StockPanel", "号码段"), lambda i: f"{receipt_stock.format_number(i.start_no)}"
                   f"–{receipt_stock.format_number(i.end_no)}"),
            Column(QCoreApplication.translate("StockPanel", "下一张"), lambda i: receipt_stock.format_number(i.next_no)),
        ], lambda i, c: None, self)
        self.stock_view = record_view(self.stock)
        self.issue_view = record_view(self.issues)
        self.issue_view.setObjectName("activeIssues")
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("领入票据…"), self.receive), (self.tr("发放给收费员…"), self.issue),
                           (self.tr("缴回选中"), self.hand_in), (self.tr("核销选中…"), self.write_off)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("票据库存（每批）")))
        layout.addWidget(self.stock_view, 2)
        layout.addWidget(QLabel(self.tr("收费员手中的票据（使用中）")))
        layout.addWidget(self.issue_view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        store = self.counter.store

        def load(ctx: object) -> tuple[list[receipt_stock.StockLine], list[ReceiptIssue]]:
            with store.transaction() as s:
                return receipt_stock.stock_report(s), list(s.scalars(
                    select(ReceiptIssue).where(ReceiptIssue.status == "active")
                    .order_by(ReceiptIssue.cashier)))

        self.jobs.db(load, success=self._loaded, failure=lambda e: self._say(error_text(e), True))

    def _loaded(self, found: tuple[list[receipt_stock.StockLine], list[ReceiptIssue]]) -> None:
        self.stock.set_rows(found[0])
        self.issues.set_rows(found[1])

    def _say(self, text: str, bad: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if bad else "color: #1b5e20;")
        self.status.setText(text)

    def _transaction(self, fn: Any) -> Any:
        with self.counter.store.transaction() as s:
            return fn(s)

    def _job(self, fn: Any, *args: Any) -> Any:
        return lambda: self._transaction(lambda s: fn(s, self.actor, *args))

    def receive(self) -> None:
        code, start, end, source = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit("财政局")
        form = StockForm(self.tr("领入票据"), [(self.tr("票据代码："), code),
                                            (self.tr("起始号码："), start),
                                            (self.tr("终止号码："), end),
                                            (self.tr("来源："), source)],
                         lambda: self._job(receipt_stock.receive_batch, code.text(),
                                           start.text(), end.text(), source.text()),
                         self.jobs, self)
        self._after(form, self.tr("已领入票据"))

    def issue(self) -> None:
        cashier, code, count = QLineEdit(), QLineEdit(), QSpinBox()
        count.setRange(1, 5000)
        count.setValue(100)
        form = StockForm(self.tr("发放票据"), [(self.tr("收费员（用户名）："), cashier),
                                            (self.tr("票据代码："), code),
                                            (self.tr("张数："), count)],
                         lambda: self._job(receipt_stock.issue_to_cashier,
                                           cashier.text().strip(), code.text(), count.value()),
                         self.jobs, self)
        self._after(form, self.tr("已发放票据"))

    def _selected_issue(self) -> ReceiptIssue | None:
        rows = self.issue_view.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("请先选中一条使用中的领用记录"), True)
            return None
        return self.issues.row(rows[0].row())

    def hand_in(self) -> None:
        issue = self._selected_issue()
        if issue is None:
            return
        if QMessageBox.question(self, self.tr("缴回票据"), self.tr(
                "缴回 {cashier} 的票据，未用号码退回库存。确定吗？").format(
                    cashier=issue.cashier)) != QMessageBox.StandardButton.Yes:
            return
        issue_id = issue.id
        self.jobs.db(lambda ctx: self._transaction(
            lambda s: receipt_stock.hand_in(s, self.actor, issue_id)),
            success=lambda _r: (self._say(self.tr("已缴回")), self.refresh()),
            failure=lambda e: self._say(error_text(e), True))

    def write_off(self) -> None:
        issue = self._selected_issue()
        if issue is None:
            return
        reason, approver, password = QLineEdit(), QLineEdit(), QLineEdit()
        password.setEchoMode(QLineEdit.EchoMode.Password)
        issue_id, sessions = issue.id, self.counter.store.sessions

        def run() -> Any:
            who, secret, why = approver.text().strip(), password.text(), reason.text()

            def job() -> object:
                boss = auth.sign_in(sessions, who, secret, self.actor.counter)
                return self._transaction(lambda s: receipt_stock.write_off(
                    s, self.actor, boss, issue_id, why))

            return job

        form = StockForm(self.tr("核销未用票据"), [(self.tr("原因："), reason),
                                                (self.tr("批准人（另一位值班主任）："), approver),
                                                (self.tr("批准人密码："), password)],
                         run, self.jobs, self)
        self._after(form, self.tr("已核销"))

    def _after(self, form: StockForm, done: str) -> None:
        form.accepted.connect(lambda: (self._say(done), self.refresh()))
        form.open()
