"""收费: the cashier's workspace — queue of assessments, keyboard-only payment, receipt preview,
receipt stock and the close.

Every database, printer and rendering step runs through the job runner, off the GUI thread.
Taking a payment commits the money and the receipt number first; printing follows. If the
printer fails, the receipt stays pending and the cashier chooses 重打 (nothing came out) or
作废并换号 (paper came out wrong): a number is never lost.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import auth, cashier, names, receipt_stock
from hall_client.core.actor import Actor
from hall_client.core.cashier import DENOMINATIONS, METHODS, PartInput
from hall_client.core.counter import Counter
from hall_client.core.money import (
    ZERO,
    MoneyError,
    format_yuan,
    parse_amount,
    uppercase_amount,
)
from hall_client.core.settings import SHANGHAI
from hall_client.gui.jobs import JobRunner
from hall_client.gui.resources import method_label
from hall_client.gui.table_model import Column, RecordTableModel, record_view
from hall_client.gui.widgets.form_dialog import error_text
from hall_client.store.cashier_models import FeeAssessment


def pixmap_of(image: Image.Image) -> QPixmap:
    """A Qt pixmap of the receipt image, dot for dot (no scaling)."""
    gray = image.convert("L")
    data = gray.tobytes()
    qimage = QImage(data, gray.width, gray.height, gray.width, QImage.Format.Format_Grayscale8)
    return QPixmap.fromImage(qimage.copy())


def _amount(text: str, field: str) -> Decimal:
    """An amount typed in ``field`` (empty is zero); MoneyError names the field and the rule."""
    return parse_amount(text.strip() or "0", field=field, allow_zero=True)


class PaymentDialog(QDialog):
    """Keyboard-only payment: type amounts (Tab between fields), Enter confirms, Esc cancels.

    The cash field starts with the whole amount due; moving part of it to 转账 or 电汇 needs
    a bank reference. Change is shown as the tendered cash is typed.
    """

    def __init__(self, due: FeeAssessment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.due = due
        self.setWindowTitle(self.tr("收款"))
        self.cash = QLineEdit(f"{due.total:.2f}")
        self.cash.setObjectName("cash")
        self.transfer, self.transfer_ref = QLineEdit(), QLineEdit()
        self.wire, self.wire_ref = QLineEdit(), QLineEdit()
        self.tendered = QLineEdit()
        self.tendered.setObjectName("tendered")
        self.tendered.setPlaceholderText(self.tr("默认等于现金部分"))
        self.change = QLabel()
        self.change.setObjectName("change")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        # The payer's name exactly, isolated so a right-to-left name keeps the line in order.
        head = QLabel(f"<b>{escape(names.isolate(due.payer))}</b>　{escape(due.case_ref)}<br>"
                      f"<span style='font-size:20pt'>{format_yuan(due.total)}</span><br>"
                      f"{uppercase_amount(due.total)}")
        form = QFormLayout()
        form.addRow(head)
        form.addRow(self.tr("现金(&C)"), self.cash)
        form.addRow(self.tr("实收现金(&R)"), self.tendered)
        form.addRow(self.tr("找零"), self.change)
        form.addRow(self.tr("转账(&T)"), self.transfer)
        form.addRow(self.tr("转账流水号"), self.transfer_ref)
        form.addRow(self.tr("电汇(&W)"), self.wire)
        form.addRow(self.tr("电汇流水号"), self.wire_ref)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确认收款 (Enter)"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for field in (self.cash, self.tendered):
            field.textChanged.connect(self._update_change)
        self._update_change()
        self.cash.selectAll()
        self.cash.setFocus()

    def parts(self) -> list[PartInput]:
        parts = []
        for method, amount, ref in (("cash", self.cash, None),
                                    ("transfer", self.transfer, self.transfer_ref),
                                    ("wire", self.wire, self.wire_ref)):
            if amount.text().strip():
                parts.append(PartInput(method, amount.text().strip(),
                                       ref.text() if ref is not None else ""))
        return parts

    def tendered_value(self) -> str | None:
        return self.tendered.text().strip() or None

    def _field_names(self) -> dict[str, str]:
        return {"cash": self.tr("现金"), "transfer": self.tr("转账"), "wire": self.tr("电汇"),
                "tendered": self.tr("实收现金")}

    def _update_change(self) -> None:
        names = self._field_names()
        try:
            given = (_amount(self.tendered.text(), names["tendered"])
                     if self.tendered.text().strip() else None)
            cash = _amount(self.cash.text(), names["cash"])
        except MoneyError as exc:
            self.change.setText("—")
            self.message.setText(exc.message)
            return
        self.message.setText("")
        if given is None:
            self.change.setText(format_yuan(ZERO))
        elif given < cash:
            self.change.setText(self.tr("实收不足"))
        else:
            self.change.setText(format_yuan(given - cash))

    def try_accept(self) -> None:
        """Check what can be checked here; the service checks everything again."""
        parts = self.parts()
        names = self._field_names()
        total = ZERO
        try:
            for p in parts:
                total += _amount(str(p.amount), names[p.method])
            if self.tendered.text().strip():
                _amount(self.tendered.text(), names["tendered"])
        except MoneyError as exc:
            self.message.setText(exc.message)
            return
        if total != self.due.total:
            self.message.setText(self.tr("各方式合计 {paid} 与应收 {due} 不符").format(
                paid=f"{total:.2f}", due=f"{self.due.total:.2f}"))
            return
        self.accept()


class CloseDialog(QDialog):
    """Z close: count notes and coins; a difference needs a reason."""

    def __init__(self, expected: Decimal | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("日结（Z 报表）"))
        self.spins: dict[str, QSpinBox] = {}
        grid = QGridLayout()
        for row, d in enumerate(DENOMINATIONS):
            spin = QSpinBox()
            spin.setRange(0, 100000)
            spin.valueChanged.connect(self._update)
            self.spins[d] = spin
            grid.addWidget(QLabel(self.tr("{d} 元").format(d=d)), row, 0)
            grid.addWidget(spin, row, 1)
        self.expected = expected
        self.counted = QLabel()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("实点与应有不符时必填"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.counted)
        layout.addWidget(QLabel(self.tr("差异原因")))
        layout.addWidget(self.reason)
        self.approver, self.approver_password = _approver_fields(
            layout, self.tr("差异确认人（值班主任）用户名："), self.tr("确认人密码："))
        layout.addWidget(buttons)
        self._update()

    def counts(self) -> dict[str, int]:
        return {d: s.value() for d, s in self.spins.items() if s.value()}

    def _update(self) -> None:
        total = sum((Decimal(d) * n for d, n in self.counts().items()), ZERO)
        text = self.tr("实点现金 {counted}").format(counted=format_yuan(total))
        if self.expected is not None:
            text += self.tr("　应有 {expected}").format(expected=format_yuan(self.expected))
        self.counted.setText(text)


def _approver_fields(layout: QVBoxLayout | QFormLayout, label: str, secret: str,
                     ) -> tuple[QLineEdit, QLineEdit]:
    """The approving supervisor signs in on the spot: username and password boxes."""
    approver = QLineEdit()
    approver.setObjectName("approver")
    password = QLineEdit()
    password.setObjectName("approver_password")
    password.setEchoMode(QLineEdit.EchoMode.Password)
    if isinstance(layout, QFormLayout):
        layout.addRow(label, approver)
        layout.addRow(secret, password)
    else:
        for widget in (QLabel(label), approver, QLabel(secret), password):
            layout.addWidget(widget)
    return approver, password


class SpoilDialog(QDialog):
    """作废换号 of a receipt: a reason, and for a printed receipt (the payer may hold the paper)
    a supervisor's sign-in on the spot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("作废换号"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("已打印的票据作废须值班主任当场批准；未出纸的票据只填原因")))
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        form.addRow(self.tr("作废原因："), self.reason)
        self.approver, self.approver_password = _approver_fields(
            form, self.tr("批准人（值班主任）用户名："), self.tr("批准人密码："))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ApprovalDialog(QDialog):
    """作废 or 退款 of a payment: a reason, for a refund the amount and method, and a
    supervisor's sign-in on the spot (the approval is checked and audited by the core)."""

    def __init__(self, line: cashier.PaymentLine, *, refund: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = line
        self.setWindowTitle(self.tr("退款") if refund else self.tr("作废收款"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("{payer}　{case}　实收 {total}　已退 {refunded}　票据 {receipts}")
                           .format(payer=line.payer, case=line.case_ref,
                                   total=format_yuan(line.total),
                                   refunded=format_yuan(line.refunded),
                                   receipts=line.receipts or "-")))
        self.amount = QLineEdit(f"{line.total - line.refunded:.2f}")
        self.method = QComboBox()
        for code in METHODS:
            self.method.addItem(method_label(code), code)
        came = [code for code, name in METHODS.items() if name in line.methods]
        if came:  # the money goes back the way it came
            self.method.setCurrentIndex(list(METHODS).index(came[0]))
        self.reference = QLineEdit()
        self.method_reason = QLineEdit()
        self.method_reason.setObjectName("method_reason")
        self.method_reason.setPlaceholderText(self.tr("不按原路退回时由批准人填写"))
        if refund:
            form.addRow(self.tr("退款金额（元）："), self.amount)
            form.addRow(self.tr("退款方式："), self.method)
            form.addRow(self.tr("银行流水号："), self.reference)
            form.addRow(self.tr("改变退款方式的理由："), self.method_reason)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        form.addRow(self.tr("原因："), self.reason)
        self.approver, self.approver_password = _approver_fields(
            form, self.tr("批准人（值班主任）用户名："), self.tr("批准人密码："))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class CashierWorkspace(QWidget):
    """收费: queue, payment, receipt preview, stock and close for the signed-in cashier."""

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.last_receipt_id: str | None = None
        self.pending_id: str | None = None  # left unconfirmed by a failure or a crash
        self.pending_status = "pending"  # or "printing": a print run died before reporting
        self.queue_model: RecordTableModel[FeeAssessment] = RecordTableModel([
            Column(self.tr("办件编号"), lambda a: a.case_ref),
            Column(self.tr("交款人"), lambda a: a.payer),
            Column(self.tr("事项"), lambda a: a.item_code),
            Column(self.tr("应收金额"), lambda a: format_yuan(a.total)),
        ], self)
        self.queue_view = record_view(self.queue_model)
        self.queue_view.setObjectName("queue")
        self.queue_view.doubleClicked.connect(lambda _i: self.pay_selected())
        self.session_label = QLabel()
        self.session_label.setObjectName("session")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.preview = QLabel(self.tr("收款后在此预览票据（与打印完全一致）"))
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(420)

        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("开班(&O)"))
        self.open_button.clicked.connect(self.open_session)
        self.blind = QCheckBox(self.tr("盲点"))
        pay = QPushButton(self.tr("收款(&P) F2"))
        pay.clicked.connect(self.pay_selected)
        reprint = QPushButton(self.tr("重打(&R)"))
        reprint.clicked.connect(self.reprint_or_retry)
        spoil = QPushButton(self.tr("作废换号(&V)"))
        spoil.clicked.connect(self.ask_spoil)
        x_report = QPushButton(self.tr("X 报表(&X)"))
        x_report.clicked.connect(self.show_x_report)
        close = QPushButton(self.tr("日结(&Z)"))
        close.clicked.connect(self.close_session)
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.refresh)
        for widget in (self.session_label, self.open_button, self.blind):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        for widget in (pay, reprint, spoil, x_report, close, refresh):
            buttons.addWidget(widget)
        self.pay_action = QAction(self.tr("收款"), self)
        self.pay_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.pay_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.pay_action.triggered.connect(self.pay_selected)
        self.addAction(self.pay_action)

        self.payments_model: RecordTableModel[cashier.PaymentLine] = RecordTableModel([
            Column(self.tr("时间"), lambda p: p.at.astimezone(SHANGHAI).strftime("%m-%d %H:%M")),
            Column(self.tr("办件编号"), lambda p: p.case_ref),
            Column(self.tr("交款人"), lambda p: p.payer),
            Column(self.tr("实收"), lambda p: format_yuan(p.total)),
            Column(self.tr("已退"), lambda p: format_yuan(p.refunded)),
            Column(self.tr("方式"), lambda p: p.methods),
            Column(self.tr("状态"), lambda p: self.tr("已作废") if p.status == "voided"
                   else self.tr("已收")),
            Column(self.tr("票据"), lambda p: p.receipts),
        ], self)
        self.payments_view = record_view(self.payments_model)
        self.payments_view.setObjectName("payments")
        void_button = QPushButton(self.tr("作废收款…"))
        void_button.clicked.connect(lambda: self.ask_payment_action(refund=False))
        refund_button = QPushButton(self.tr("退款…"))
        refund_button.clicked.connect(lambda: self.ask_payment_action(refund=True))
        payments_page = QWidget()
        payments_layout = QVBoxLayout(payments_page)
        payments_layout.setContentsMargins(0, 0, 0, 0)
        payments_layout.addWidget(self.payments_view, 1)
        payment_buttons = QHBoxLayout()
        payment_buttons.addWidget(QLabel(self.tr("作废限本班当天；退款可针对任一日的收款，均须值班主任批准")))
        payment_buttons.addStretch(1)
        payment_buttons.addWidget(void_button)
        payment_buttons.addWidget(refund_button)
        payments_layout.addLayout(payment_buttons)

        self.stock_view = QLabel()
        self.stock_view.setObjectName("stock")
        self.stock_view.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stock_view.setTextFormat(Qt.TextFormat.RichText)
        left = QTabWidget()
        left.addTab(self.queue_view, self.tr("待收费"))
        left.addTab(payments_page, self.tr("收款记录"))
        left.addTab(self.stock_view, self.tr("票据库存"))
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.refresh()

    # --- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        store, actor = self.counter.store, self.actor

        def load(ctx: object) -> dict[str, Any]:
            with store.transaction() as s:
                till = cashier.current_session(s, actor, required=False)
                return {
                    "queue": cashier.queue(s),
                    "session": None if till is None else (till.number, till.opening_float,
                                                          till.blind),
                    "pending": [(r.id, r.stock_code, r.number, r.status)
                                for r in receipt_stock.pending_receipts(s, actor.username)],
                    "stock": receipt_stock.stock_report(s),
                    "payments": cashier.recent_payments(s, actor),
                }

        self.jobs.db(load, success=self._loaded, failure=self._failed)

    def _loaded(self, data: dict[str, Any]) -> None:
        self.queue_model.set_rows(data["queue"])
        self.payments_model.set_rows(data["payments"])
        if data["session"] is None:
            self.session_label.setText(self.tr("未开班"))
        else:
            number, opening, blind = data["session"]
            self.session_label.setText(
                self.tr("第 {n} 班　盲点").format(n=number) if blind else
                self.tr("第 {n} 班　备用金 {f}").format(n=number, f=format_yuan(opening)))
        self.open_button.setEnabled(data["session"] is None)
        rows = "".join(
            f"<tr><td>{ln.stock_code}</td><td>{ln.start}–{ln.end}</td><td>{ln.printed}</td>"
            f"<td>{ln.spoiled}</td><td>{ln.pending}</td><td>{ln.unused_with_cashiers}</td>"
            f"<td>{ln.in_stock}</td></tr>" for ln in data["stock"])
        self.stock_view.setText(
            "<table cellpadding=4><tr><th>" + "</th><th>".join(
                [self.tr("票据代码"), self.tr("号码段"), self.tr("已打印"), self.tr("作废"), self.tr("待确认"),
                 self.tr("在手未用"), self.tr("库存")]) + f"</th></tr>{rows}</table>")
        self.pending_id = None
        if data["pending"]:
            rid, code, number, self.pending_status = data["pending"][0]
            self.last_receipt_id = self.pending_id = rid
            self.status.setText(self.tr("票据 {code} {number:010d} 尚未确认打印：请“重打”或作废换号")
                                .format(code=code, number=number))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))

    # --- void and refund -----------------------------------------------------------------
    def ask_payment_action(self, *, refund: bool) -> None:
        rows = self.payments_view.selectionModel().selectedRows()
        if not rows:
            self.status.setText(self.tr("请先在“收款记录”中选择一笔收款"))
            return
        line = self.payments_model.row(rows[0].row())
        dialog = ApprovalDialog(line, refund=refund, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if refund:
            self.refund_payment(line.id, dialog.amount.text(), dialog.method.currentData(),
                                dialog.reference.text(), dialog.reason.text(),
                                dialog.approver.text().strip(), dialog.approver_password.text(),
                                method_reason=dialog.method_reason.text())
        else:
            self.void_payment(line.id, dialog.reason.text(), dialog.approver.text().strip(),
                              dialog.approver_password.text())

    def _approver(self, username: str, password: str) -> Actor:
        return auth.sign_in(self.counter.store.sessions, username, password,
                            self.counter.settings.counter.id)

    def void_payment(self, payment_id: str, reason: str, approver: str, password: str) -> None:
        store, actor = self.counter.store, self.actor

        def work(ctx: object) -> None:
            by = self._approver(approver, password)
            with store.transaction() as s:
                cashier.void_payment(s, actor, by, payment_id, reason)

        def done(_result: object) -> None:
            self.status.setText(self.tr("已作废该笔收款，票据已记作废，办件回到待收费队列"))
            self.refresh()

        self.jobs.db(work, success=done, failure=self._failed)

    def refund_payment(self, payment_id: str, amount: str, method: str, reference: str,
                       reason: str, approver: str, password: str, *,
                       method_reason: str = "") -> None:
        store, actor = self.counter.store, self.actor

        def work(ctx: object) -> tuple[Decimal, str]:
            by = self._approver(approver, password)
            with store.transaction() as s:
                row = cashier.refund(s, actor, by, payment_id, amount, reason, method=method,
                                     reference=reference, method_reason=method_reason)
                return row.amount, cashier.refund_slip(s, row.id).number

        def done(result: tuple[Decimal, str]) -> None:
            value, slip = result
            self.status.setText(self.tr("已退款 {amount}，退款凭证 {slip}").format(
                amount=format_yuan(value), slip=slip))
            self.refresh()

        self.jobs.db(work, success=done, failure=self._failed)

    # --- session -------------------------------------------------------------------------
    def open_session(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("开班"), self.tr("备用金（元）"), text="0.00")
        if ok:
            self.open_with_float(text)

    def open_with_float(self, text: str) -> None:
        store, actor, blind = self.counter.store, self.actor, self.blind.isChecked()

        def work(ctx: object) -> None:
            with store.transaction() as s:
                cashier.open_session(s, actor, text, blind=blind)

        self.jobs.db(work, success=lambda _r: self.refresh(), failure=self._failed)

    def show_x_report(self) -> None:
        store, actor = self.counter.store, self.actor

        def work(ctx: object) -> cashier.TillReport:
            with store.transaction() as s:
                return cashier.x_report(s, actor)

        self.jobs.db(work, success=self._show_report, failure=self._failed)

    def _show_report(self, report: cashier.TillReport) -> None:
        lines = [self.tr("X 报表　第 {n} 班").format(n=report.session_number)]
        for method in METHODS:
            if report.blind and method == "cash":  # withheld until the close is saved
                continue
            lines.append(self.tr("{method}：{amount}").format(
                method=method_label(method), amount=format_yuan(report.net[method])))
        if report.blind:
            lines.append(self.tr("盲点模式：备用金、现金收退及应有现金在结账后显示"))
        else:
            lines.append(self.tr("应有现金：{e}").format(e=format_yuan(report.expected_cash)))
        lines.append(self.tr("收款 {p} 笔　作废 {v} 笔　退款 {r} 笔　重打 {x} 次").format(
            p=report.payments, v=report.voided, r=report.refunds, x=report.reprints))
        self.status.setText("　".join(lines))

    def close_session(self) -> None:
        """Load the expected cash (withheld when counting blind), then show the Z dialog."""
        store, actor = self.counter.store, self.actor

        def work(ctx: object) -> Decimal | None:
            with store.transaction() as s:
                return cashier.expected_for_close(s, actor)

        self.jobs.db(work, success=self._ask_close, failure=self._failed)

    def _ask_close(self, expected: Decimal | None) -> None:
        dialog = CloseDialog(expected, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.close_with(dialog.counts(), dialog.reason.text(),
                            dialog.approver.text().strip(), dialog.approver_password.text())

    def close_with(self, counts: dict[str, int], reason: str, approver: str = "",
                   password: str = "") -> None:
        """Z close; a difference is acknowledged by the supervisor who signs in here."""
        store, actor = self.counter.store, self.actor

        def work(ctx: object) -> tuple[Decimal | None, Decimal, str]:
            by = self._approver(approver, password) if approver else None
            with store.transaction() as s:
                till, report = cashier.close_session(s, actor, counts, reason, by)
                return till.difference, report.expected_cash, till.difference_approved_by

        def done(result: tuple[Decimal | None, Decimal, str]) -> None:
            difference, expected, acknowledged = result
            text = self.tr("已日结：应有现金 {e}，差异 {d}").format(
                e=format_yuan(expected), d=f"{difference:.2f}")
            if difference and not acknowledged:
                text += self.tr("（差异待值班主任确认）")
            self.status.setText(text)
            self.refresh()

        self.jobs.db(work, success=done, failure=self._failed)

    # --- payment and printing ------------------------------------------------------------
    def pay_selected(self) -> None:
        rows = self.queue_view.selectionModel().selectedRows()
        if not rows and self.queue_model.rowCount():
            self.queue_view.selectRow(0)
            rows = self.queue_view.selectionModel().selectedRows()
        if not rows:
            self.status.setText(self.tr("待收费队列为空"))
            return
        due = self.queue_model.row(rows[0].row())
        dialog = PaymentDialog(due, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.take_payment(due.id, dialog.parts(), dialog.tendered_value())

    def take_payment(self, assessment_id: str, parts: list[PartInput],
                     tendered: str | None) -> None:
        store, actor = self.counter.store, self.actor

        def work(ctx: object) -> tuple[str, Decimal]:
            with store.transaction() as s:
                payment, receipt = cashier.take_payment(s, actor, assessment_id, parts,
                                                        tendered=tendered)
                return receipt.id, payment.change

        def done(result: tuple[str, Decimal]) -> None:
            self.last_receipt_id, change = result
            self.status.setText(self.tr("已收款，找零 {c}；正在打印…").format(c=format_yuan(change)))
            self.print_last(kick=any(p.method == "cash" for p in parts))
            self.refresh()

        self.jobs.db(work, success=done, failure=self._failed)

    def print_last(self, *, reprint: bool = False, kick: bool = False) -> None:
        """Render the preview and, if a printer is set, print.

        Database steps (count a reprint, mark printed, note a failure) run on the serial
        database executor; only the printer I/O and the rendering run on the shared pool.
        """
        if self.last_receipt_id is None:
            self.status.setText(self.tr("没有可打印的票据"))
            return
        from hall_client.printing.issue import (
            claim_receipt,
            load_receipt,
            record_print,
            send_receipt,
        )
        from hall_client.printing.output import preview
        from hall_client.printing.printer_uri import PrinterError
        from hall_client.printing.receipt import Receipt
        from hall_client.printing.signing import hall_key

        settings, store, actor = self.counter.settings, self.counter.store, self.actor
        receipt_id, data_dir = self.last_receipt_id, self.counter.data_dir
        hall = {"hall_code": settings.hall.id, "hall_name": settings.hall.name}
        printer = settings.printer.uri

        def failed(exc: BaseException) -> None:
            self.status.setText(error_text(exc))
            self.ask_after_failure(error_text(exc))

        def claim(ctx: object) -> Receipt:  # database executor
            if printer:
                return claim_receipt(store.transaction, actor, receipt_id, reprint=reprint,
                                     **hall)
            return load_receipt(store.transaction, receipt_id, **hall)

        def send_and_render(receipt: Receipt) -> Any:  # shared pool: printer and image
            def work(ctx: object) -> tuple[Receipt, Image.Image, PrinterError | None]:
                key = hall_key(data_dir)
                error = None
                if printer:
                    try:
                        send_receipt(receipt, printer=printer, key=key,
                                     mode="text" if settings.printer.mode == "text" else "raster",
                                     paper=settings.printer.paper, kick_drawer=kick,
                                     charset=settings.printer.text_charset)
                    except PrinterError as exc:
                        error = exc
                return receipt, preview(receipt, key, settings.printer.paper), error

            return self.jobs.background(work, success=sent, failure=failed)

        def sent(result: tuple[Receipt, Image.Image, PrinterError | None]) -> None:
            receipt, image, error = result
            if not printer:
                show(image, self.tr("未配置打印机（settings.toml [printer] uri），仅预览 {n}").format(
                    n=receipt.number))
                return

            def record(ctx: object) -> None:  # database executor
                record_print(store.transaction, actor, receipt_id,
                             error=None if error is None else str(error), reprint=reprint)

            if error is not None:
                self.jobs.db(record, success=lambda _: failed(error), failure=failed)
                return
            note = (self.tr("已重打 {n}") if reprint else self.tr("已打印 {n}")).format(
                n=receipt.number)
            self.jobs.db(record, success=lambda _: show(image, note), failure=failed)

        def show(image: Image.Image, note: str) -> None:
            self.preview.setPixmap(pixmap_of(image))
            self.status.setText(note)
            self.refresh()

        # A refused claim (no role, the number already printing or printed) is a message, not
        # a printer failure: nothing was sent, so there is no paper to ask about.
        self.jobs.db(claim, success=send_and_render, failure=self._failed)

    def reprint_or_retry(self) -> None:
        """重打: a printed receipt is reprinted marked 重打; a pending one is simply printed."""
        pending = self.pending_id is not None and self.last_receipt_id == self.pending_id
        if pending and self.pending_status == "printing":
            # 重打 on a receipt whose print run died means "no paper came out": release it
            store, actor, receipt_id = self.counter.store, self.actor, self.pending_id

            def release(ctx: object) -> None:
                with store.transaction() as s:
                    receipt_stock.release(s, actor, receipt_id)

            self.pending_status = "pending"
            self.jobs.db(release, success=lambda _r: self.print_last(), failure=self._failed)
            return
        self.print_last(reprint=not pending)

    def ask_spoil(self) -> None:
        if self.last_receipt_id is None:
            self.status.setText(self.tr("没有可作废的票据"))
            return
        dialog = SpoilDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.spoil_and_reissue(dialog.reason.text().strip(), dialog.approver.text().strip(),
                                   dialog.approver_password.text())

    def ask_after_failure(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("打印失败"), message, parent=self)
        same = box.addButton(self.tr("没有出纸：重打同一号码"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("出纸有误：作废并换号"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("稍后处理"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is same:
            self.print_last()
        elif box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.DestructiveRole:
            self.spoil_and_reissue(self.tr("打印失败，出纸有误"))

    def spoil_and_reissue(self, reason: str, approver: str = "", password: str = "") -> None:
        store, actor, receipt_id = self.counter.store, self.actor, self.last_receipt_id
        if receipt_id is None:
            return

        def work(ctx: object) -> str:
            by = self._approver(approver, password) if approver else None
            with store.transaction() as s:
                return receipt_stock.spoil_and_reissue(s, actor, receipt_id, reason, by).id

        def done(new_id: str) -> None:
            self.last_receipt_id = new_id
            self.print_last()

        self.jobs.db(work, success=done, failure=self._failed)
