"""票据库存: receive (领) paper from the finance bureau, issue (发) a run to a cashier, take a
run back (缴), write off (销) unused numbers with a second supervisor's approval — all through
``core.receipt_stock``, each audited there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from hall_client.core import auth, receipt_stock
from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.core.errors import InvalidInput
from hall_client.gui.jobs import JobRunner
from hall_client.gui.supervision.common import ColouredModel
from hall_client.gui.table_model import Column, record_view
from hall_client.gui.widgets.confirm import confirm
from hall_client.gui.widgets.form_dialog import FormDialog, error_text
from hall_client.store.cashier_models import ReceiptIssue
from hall_client.store.models import Person

# which field a refusal of ``core.receipt_stock`` belongs to (shown there, in red)
FIELD_OF_CODE = {
    "stock_code_invalid": "code", "receipt_number_invalid": "start",
    "receipt_range_invalid": "start", "receipt_range_too_large": "end",
    "receipt_range_overlap": "start", "person_not_found": "cashier",
    "receiver_not_cashier": "cashier", "receipt_count_invalid": "count",
    "stock_run_out": "count", "write_off_reason_missing": "reason",
    "approval_required": "approver", "approver_must_differ": "approver",
    "authentication_failed": "approver", "role_required:supervisor": "approver",
}


class StockForm(FormDialog):
    """A stock form that validates in place and stays open, with its input, on a refusal.
    ``run()`` reads the fields (on the GUI thread) and returns the database work to do."""

    def __init__(self, title: str, fields: list[tuple[str, str, QWidget]], run: Any,
                 jobs: JobRunner, parent: QWidget | None = None, *,
                 ok_text: str | None = None) -> None:
        super().__init__(title, parent, ok_text=ok_text)
        self.run, self.jobs = run, jobs
        for key, label, widget in fields:
            self.add_field(key, label, widget)
        if fields:
            fields[0][2].setFocus()

    def submit(self) -> None:
        job = self.run()  # reads the fields here, on the GUI thread
        self.run_job(self.jobs.db, lambda ctx: job())

    def _ok(self) -> None:
        self.accept()

    def show_problems(self, exc: BaseException) -> None:
        key = FIELD_OF_CODE.get(getattr(exc, "code", ""), "")
        if key in self._fields and not isinstance(exc, InvalidInput):
            self.show_errors({key: error_text(exc)})
        else:
            super().show_problems(exc)

    @property
    def error(self) -> QLabel:
        """The shown error (for a quick look): the first visible error label."""
        for label in (*self._errors.values(), self.general_error):
            if label.text():
                return label
        return self.general_error


class StockPanel(QWidget):
    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.names: dict[str, str] = {}
        self.cashiers: list[tuple[str, str]] = []  # (username, name) of active cashiers
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
            Column(QCoreApplication.translate("StockPanel", "收费员"),
                   lambda i: self.names.get(i.cashier, i.cashier)),
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
        for text, slot in ((self.tr("入库（领入票据）…"), self.receive),
                           (self.tr("发放给收费员…"), self.issue),
                           (self.tr("缴回选中…"), self.hand_in),
                           (self.tr("作废（核销）选中的未用票据…"), self.write_off)):
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

        def load(ctx: object) -> tuple[Any, ...]:
            with store.transaction() as s:
                people = list(s.scalars(select(Person).order_by(Person.username)))
                return (receipt_stock.stock_report(s), list(s.scalars(
                    select(ReceiptIssue).where(ReceiptIssue.status == "active")
                    .order_by(ReceiptIssue.cashier))),
                    {p.username: p.full_name for p in people},
                    [(p.username, p.full_name) for p in people
                     if p.active and "cashier" in p.role_names])

        self.jobs.db(load, success=self._loaded, failure=lambda e: self._say(error_text(e), True))

    def _loaded(self, found: tuple[Any, ...]) -> None:
        self.names, self.cashiers = found[2], found[3]
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
        code.setPlaceholderText(self.tr("8 位数字"))
        start.setPlaceholderText(self.tr("10 位数字"))
        end.setPlaceholderText(self.tr("10 位数字"))
        form = StockForm(self.tr("票据入库"), [("code", self.tr("票据代码(&C)："), code),
                                            ("start", self.tr("起始号码(&S)："), start),
                                            ("end", self.tr("终止号码(&E)："), end),
                                            ("source", self.tr("来源："), source)],
                         lambda: self._job(receipt_stock.receive_batch, code.text(),
                                           start.text(), end.text(), source.text()),
                         self.jobs, self, ok_text=self.tr("入库 (Enter)"))
        self._after(form, self.tr("已领入票据"))

    def issue(self) -> None:
        cashier, code, count = QComboBox(), QLineEdit(), QSpinBox()
        cashier.setObjectName("cashier")
        cashier.setEditable(True)  # a name from the list, or a username typed
        for username, name in self.cashiers:  # people by name, the username second
            cashier.addItem(f"{name}（{username}）", username)
        codes = sorted({self.stock.row(i).stock_code for i in range(self.stock.total())})
        if codes:
            code.setText(codes[-1])
        count.setRange(1, 5000)
        count.setValue(100)

        def who() -> str:
            typed = cashier.currentText().strip()
            index = cashier.findText(typed)
            return str(cashier.itemData(index)) if index >= 0 else typed

        form = StockForm(self.tr("发放票据给收费员"), [("cashier", self.tr("收费员(&P)："), cashier),
                                                  ("code", self.tr("票据代码(&C)："), code),
                                                  ("count", self.tr("张数(&N)："), count)],
                         lambda: self._job(receipt_stock.issue_to_cashier, who(), code.text(),
                                           count.value()),
                         self.jobs, self, ok_text=self.tr("发放 (Enter)"))
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
        if not confirm(self, self.tr("缴回票据"), self.tr(
                "缴回{cashier}的票据：已用号码留作存根，未用号码退回库存，可再发放。").format(
                    cashier=self.names.get(issue.cashier, issue.cashier)), self.tr("缴回")):
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

        form = StockForm(self.tr("作废（核销）未用票据"),
                         [("reason", self.tr("原因(&R)："), reason),
                          ("approver", self.tr("批准人（另一位值班主任）："), approver),
                          ("password", self.tr("批准人密码："), password)],
                         run, self.jobs, self, ok_text=self.tr("作废未用号码"))
        self._after(form, self.tr("已核销"))

    def _after(self, form: StockForm, done: str) -> None:
        form.accepted.connect(lambda: (self._say(done), self.refresh()))
        form.open()
