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
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QAction, QFont, QImage, QKeySequence, QPainter, QPaintEvent, QPixmap
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
from sqlalchemy import select

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
from hall_client.gui.cashier.printer import (
    PrinterSettingsDialog,
    no_printer_text,
    printer_error_text,
)
from hall_client.gui.jobs import JobRunner
from hall_client.gui.resources import method_label
from hall_client.gui.table_model import Column, RecordTableModel, record_view
from hall_client.gui.widgets.confirm import confirm
from hall_client.gui.widgets.form_dialog import FormDialog, error_text
from hall_client.gui.widgets.message_area import MessageArea
from hall_client.store.cashier_models import FeeAssessment, ReceiptIssue


def pixmap_of(image: Image.Image) -> QPixmap:
    """A Qt pixmap of the receipt image, dot for dot (no scaling)."""
    gray = image.convert("L")
    data = gray.tobytes()
    qimage = QImage(data, gray.width, gray.height, gray.width, QImage.Format.Format_Grayscale8)
    return QPixmap.fromImage(qimage.copy())


class PreviewLabel(QLabel):
    """Shows a receipt image scaled down to the panel's width (never up, never cut off);
    ``pixmap()`` stays the image dot for dot, as printed."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._image: QPixmap | None = None

    def setPixmap(self, pixmap: QPixmap) -> None:
        self._image = pixmap
        super().setPixmap(pixmap)
        self.setMinimumSize(1, 1)
        self.updateGeometry()
        self.update()

    def setText(self, text: str) -> None:
        self._image = None
        super().setText(text)

    def minimumSizeHint(self) -> QSize:
        if self._image is None:
            return super().minimumSizeHint()
        return QSize(1, 1)

    def sizeHint(self) -> QSize:
        if self._image is None:
            return super().sizeHint()
        return self.shown_size(self.width() or self._image.width())

    def hasHeightForWidth(self) -> bool:
        return self._image is not None or super().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        if self._image is None:
            return super().heightForWidth(width)
        return self.shown_size(width).height()

    def shown_size(self, width: int | None = None) -> QSize:
        """The size the image is drawn at in ``width`` (default: the label's width)."""
        if self._image is None:
            return QSize(0, 0)
        room = max(1, width if width is not None else self.width())
        w, h = self._image.width(), self._image.height()
        if w <= room:
            return QSize(w, h)
        return QSize(room, max(1, round(h * room / w)))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image is None:
            super().paintEvent(event)
            return
        size = self.shown_size()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(QRect((self.width() - size.width()) // 2, 0, size.width(),
                                 size.height()), self._image)
        painter.end()


class MoneyColumn(Column[Any]):
    """A column of amounts: right-aligned and larger than the text around it."""


class MoneyTableModel(RecordTableModel[Any]):
    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and isinstance(self.columns[index.column()], MoneyColumn):
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setPointSizeF(font.pointSizeF() * 1.15 if font.pointSizeF() > 0 else 12)
                font.setBold(True)
                return font
        return super().data(index, role)


def _money_field(text: str = "") -> QLineEdit:
    """An amount box: right-aligned, larger than the text around it (DESIGN §9)."""
    field = QLineEdit(text)
    field.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    font = QFont(field.font())
    font.setPointSizeF(font.pointSizeF() * 1.3 if font.pointSizeF() > 0 else 14)
    font.setBold(True)
    field.setFont(font)
    return field


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
        self.cash = _money_field(f"{due.total:.2f}")
        self.cash.setObjectName("cash")
        self.transfer, self.transfer_ref = _money_field(), QLineEdit()
        self.transfer.setObjectName("transfer")
        self.wire, self.wire_ref = _money_field(), QLineEdit()
        self.wire.setObjectName("wire")
        self.tendered = _money_field()
        self.tendered.setObjectName("tendered")
        self.tendered.setPlaceholderText(self.tr("默认等于现金部分"))
        self.change = QLabel()
        self.change.setObjectName("change")
        self.change.setStyleSheet("font-size:16pt;font-weight:bold;")
        self.change.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.remaining = QLabel()
        self.remaining.setObjectName("remaining")
        self.remaining.setStyleSheet("font-size:16pt;font-weight:bold;")
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        # The payer's name exactly, isolated so a right-to-left name keeps the line in order.
        head = QLabel(f"<b>{escape(names.isolate(due.payer))}</b>　{escape(due.case_ref)}<br>"
                      f"<span style='font-size:20pt'>{format_yuan(due.total)}</span><br>"
                      f"{uppercase_amount(due.total)}")
        head.setObjectName("caseData")  # the payer, the case and the amount due: data
        form = QFormLayout()
        form.addRow(head)
        form.addRow(self.tr("现金(&C)"), self.cash)
        form.addRow(self.tr("实收现金(&R)"), self.tendered)
        form.addRow(self.tr("找零"), self.change)
        form.addRow(self.tr("转账(&T)"), self.transfer)
        form.addRow(self.tr("转账流水号"), self.transfer_ref)
        form.addRow(self.tr("电汇(&W)"), self.wire)
        form.addRow(self.tr("电汇流水号"), self.wire_ref)
        form.addRow(self.tr("尚需支付"), self.remaining)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确认收款 (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消 (Esc)"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for field in (self.cash, self.tendered):
            field.textChanged.connect(self._update_change)
        for field in (self.cash, self.transfer, self.wire):
            field.textChanged.connect(self._update_remaining)
        self._update_change()
        self._update_remaining()
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

    def _update_remaining(self) -> None:
        """尚需支付: the amount due less what the methods cover so far, as it is typed."""
        names = self._field_names()
        paid = ZERO
        try:
            for method, box in (("cash", self.cash), ("transfer", self.transfer),
                                ("wire", self.wire)):
                paid += _amount(box.text(), names[method])
        except MoneyError:
            self.remaining.setText("—")
            return
        left = self.due.total - paid
        if left > 0:
            self.remaining.setStyleSheet("font-size:16pt;font-weight:bold;color:#b00020;")
            self.remaining.setText(format_yuan(left))
        elif left == 0:
            self.remaining.setStyleSheet("font-size:16pt;font-weight:bold;color:#1b5e20;")
            self.remaining.setText(self.tr("{zero}（已付足）").format(zero=format_yuan(ZERO)))
        else:
            self.remaining.setStyleSheet("font-size:16pt;font-weight:bold;color:#b00020;")
            self.remaining.setText(self.tr("多出 {over}").format(over=format_yuan(-left)))

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


class CloseDialog(FormDialog):
    """Z close: count notes and coins; a difference needs a reason.

    The close runs from inside the dialog (``closer``): it asks once what will happen, and a
    refusal (a reason missing, a wrong password) is shown here with the counts kept.
    """

    def __init__(self, expected: Decimal | None, parent: QWidget | None = None,
                 closer: Any = None) -> None:
        super().__init__(self.tr("日结（Z 报表）"), parent, ok_text=self.tr("日结 (Enter)"))
        self.closer = closer
        self.spins: dict[str, QSpinBox] = {}
        counts = QWidget()
        grid = QGridLayout(counts)
        grid.setContentsMargins(0, 0, 0, 0)
        half = (len(DENOMINATIONS) + 1) // 2
        for i, d in enumerate(DENOMINATIONS):
            spin = QSpinBox()
            spin.setRange(0, 100000)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setObjectName(f"count-{d}")
            spin.valueChanged.connect(self._update)
            self.spins[d] = spin
            label = QLabel(self.tr("{d} 元").format(d=d))
            label.setBuddy(spin)
            row, col = i % half, (i // half) * 2
            grid.addWidget(label, row, col)
            grid.addWidget(spin, row, col + 1)
        self.add_field("counts", self.tr("实点张数"), counts)
        self.expected = expected
        self.counted = QLabel()
        self.counted.setObjectName("counted")
        self.counted.setStyleSheet("font-size:14pt;font-weight:bold;")
        self.form.addRow(self.counted)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("实点与应有不符时必填"))
        self.add_field("reason", self.tr("差异原因"), self.reason)
        self.approver = QLineEdit()
        self.approver.setObjectName("approver")
        self.add_field("approver", self.tr("差异确认人（值班主任）用户名："), self.approver)
        self.approver_password = QLineEdit()
        self.approver_password.setObjectName("approver_password")
        self.approver_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field("approver_password", self.tr("确认人密码："), self.approver_password)
        self._update()
        self.spins[DENOMINATIONS[0]].setFocus()

    def counts(self) -> dict[str, int]:
        return {d: s.value() for d, s in self.spins.items() if s.value()}

    def counted_total(self) -> Decimal:
        return sum((Decimal(d) * n for d, n in self.counts().items()), ZERO)

    def _update(self) -> None:
        total = self.counted_total()
        text = self.tr("实点现金 {counted}").format(counted=format_yuan(total))
        if self.expected is not None:
            text += self.tr("　应有 {expected}").format(expected=format_yuan(self.expected))
        self.counted.setText(text)

    def local_errors(self) -> dict[str, str]:
        if self.expected is None or self.counted_total() == self.expected:
            return {}
        errors = {}
        if not self.reason.text().strip():
            errors["reason"] = self.tr("实点与应有相差 {d}：请填写差异原因").format(
                d=format_yuan(self.counted_total() - self.expected))
        if not self.approver.text().strip():
            errors["approver"] = self.tr("现金差异须由值班主任当场确认：请填写其用户名和密码")
        return errors

    def submit(self) -> None:
        what = self.tr("日结后本班结束，不能再收款、作废或补打本班票据；此操作不能撤销。"
                       "\n实点现金 {counted}。").format(counted=format_yuan(self.counted_total()))
        if not confirm(self, self.tr("日结"), what, self.tr("日结")):
            return
        if self.closer is None:
            self.done_ok()
            return
        self.set_busy(True)
        self.closer(self.counts(), self.reason.text(), self.approver.text().strip(),
                    self.approver_password.text(), self.done_ok, self._close_refused)

    def _close_refused(self, exc: BaseException) -> None:
        self.set_busy(False)
        code = getattr(exc, "code", "")
        where = {"difference_reason_missing": "reason", "approval_required": "approver",
                 "approver_must_differ": "approver", "authentication_failed": "approver",
                 "role_required:supervisor": "approver"}.get(code, "")
        self.show_errors({where: error_text(exc)})


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


# F-keys of the cashier workspace; they work wherever the focus is in it (DESIGN §9)
KEYS = {"pay": "F2", "open": "F3", "reprint": "F4", "refresh": "F5", "spoil": "F6",
        "x_report": "F7", "close": "F8", "printer": "F9"}


class CashierWorkspace(QWidget):
    """收费: queue, payment, receipt preview, stock and close for the signed-in cashier."""

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.last_receipt_id: str | None = None
        self.pending_id: str | None = None  # left unconfirmed by a failure or a crash
        self.pending_status = "pending"  # or "printing": a print run died before reporting
        #: receipts this workspace is printing right now: not "unconfirmed" while in flight
        self.in_flight: set[str] = set()
        self.session_open = False
        self.queue_model: RecordTableModel[FeeAssessment] = MoneyTableModel([
            Column(self.tr("办件编号"), lambda a: a.case_ref),
            Column(self.tr("交款人"), lambda a: a.payer),
            Column(self.tr("事项"), lambda a: a.item_code),
            MoneyColumn(self.tr("应收金额"), lambda a: format_yuan(a.total)),
        ], self)
        self.queue_view = record_view(self.queue_model)
        self.queue_view.setObjectName("queue")
        self.queue_view.doubleClicked.connect(lambda _i: self.pay_selected())
        self.session_label = QLabel()
        self.session_label.setObjectName("session")
        self.status = MessageArea()
        self.status.setObjectName("status")
        self.preview = PreviewLabel(self.tr("收款后在此预览票据（与打印完全一致）"))
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview_scroll = scroll = QScrollArea()
        scroll.setObjectName("previewPanel")
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(300)

        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("开班(&O) F3"))
        self.open_button.clicked.connect(self.open_session)
        self.blind = QCheckBox(self.tr("盲点"))
        pay = QPushButton(self.tr("收款(&P) F2"))
        pay.setObjectName("payButton")
        pay.clicked.connect(self.pay_selected)
        reprint = QPushButton(self.tr("重打(&R) F4"))
        reprint.clicked.connect(self.reprint_or_retry)
        spoil = QPushButton(self.tr("作废换号(&V) F6"))
        spoil.clicked.connect(self.ask_spoil)
        x_report = QPushButton(self.tr("X 报表(&X) F7"))
        x_report.clicked.connect(self.show_x_report)
        close = QPushButton(self.tr("日结(&Z) F8"))
        close.clicked.connect(self.close_session)
        printer = QPushButton(self.tr("打印机 F9"))
        printer.setObjectName("printerButton")
        printer.clicked.connect(self.printer_settings)
        refresh = QPushButton(self.tr("刷新 F5"))
        refresh.clicked.connect(self.refresh)
        # Two rows, so the English labels fit a 1024 px screen too: the till and the
        # payment on the first, reports, close and settings on the second.
        for widget in (self.session_label, self.open_button, self.blind):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        for widget in (pay, reprint, spoil):
            buttons.addWidget(widget)
        second_row = QHBoxLayout()
        second_row.addStretch(1)
        for widget in (x_report, close, printer, refresh):
            second_row.addWidget(widget)
        self.actions_by_key: dict[str, QAction] = {}
        for name, slot in (("pay", self.pay_selected), ("open", self.open_session),
                           ("reprint", self.reprint_or_retry), ("refresh", self.refresh),
                           ("spoil", self.ask_spoil), ("x_report", self.show_x_report),
                           ("close", self.close_session), ("printer", self.printer_settings)):
            action = QAction(self)
            action.setShortcut(QKeySequence(KEYS[name]))
            # Anywhere in the workspace (even with the focus on the tab bar right after
            # sign-in); a hidden workspace's keys do not fire, so tabs never clash.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_key[name] = action
        self.pay_action = self.actions_by_key["pay"]
        self.pay_action.setText(self.tr("收款"))

        self.payments_model: RecordTableModel[cashier.PaymentLine] = MoneyTableModel([
            Column(self.tr("时间"), lambda p: p.at.astimezone(SHANGHAI).strftime("%m-%d %H:%M")),
            Column(self.tr("收费员"), lambda p: p.cashier_name or p.cashier),
            Column(self.tr("办件编号"), lambda p: p.case_ref),
            Column(self.tr("交款人"), lambda p: p.payer),
            MoneyColumn(self.tr("实收"), lambda p: format_yuan(p.total)),
            MoneyColumn(self.tr("已退"), lambda p: format_yuan(p.refunded)),
            Column(self.tr("方式"), lambda p: p.methods),
            Column(self.tr("状态"), lambda p: self.tr("已作废") if p.status == "voided"
                   else self.tr("已收")),
            Column(self.tr("票据"), lambda p: p.receipts),
        ], self)
        self.payments_view = record_view(self.payments_model)
        self.payments_view.setObjectName("payments")
        self.own_only = QCheckBox(self.tr("只看本人收款"))
        self.own_only.setObjectName("ownOnly")
        self.own_only.setChecked(True)
        self.own_only.toggled.connect(lambda _on: self.refresh())
        void_button = QPushButton(self.tr("作废收款…"))
        void_button.clicked.connect(lambda: self.ask_payment_action(refund=False))
        refund_button = QPushButton(self.tr("退款…"))
        refund_button.clicked.connect(lambda: self.ask_payment_action(refund=True))
        payments_page = QWidget()
        payments_layout = QVBoxLayout(payments_page)
        payments_layout.setContentsMargins(0, 0, 0, 0)
        payments_layout.addWidget(self.own_only)
        payments_layout.addWidget(self.payments_view, 1)
        rule = QLabel(self.tr("作废限本班当天；退款可针对任一日的收款，均须值班主任批准"))
        rule.setWordWrap(True)
        payments_layout.addWidget(rule)
        payment_buttons = QHBoxLayout()
        payment_buttons.addStretch(1)
        payment_buttons.addWidget(void_button)
        payment_buttons.addWidget(refund_button)
        payments_layout.addLayout(payment_buttons)

        self.stock_view = QLabel()
        self.stock_view.setObjectName("stock")
        self.stock_view.setWordWrap(True)
        self.stock_view.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stock_view.setTextFormat(Qt.TextFormat.RichText)
        stock_scroll = QScrollArea()
        stock_scroll.setWidget(self.stock_view)
        stock_scroll.setWidgetResizable(True)
        left = QTabWidget()
        self.left_tabs = left
        left.addTab(self.queue_view, self.tr("待收费"))
        left.addTab(payments_page, self.tr("收款记录"))
        left.addTab(stock_scroll, self.tr("票据库存"))
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(second_row)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.refresh()

    # --- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        store, actor, own = self.counter.store, self.actor, self.own_only.isChecked()

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
                    "mine": [(i.stock_code, i.start_no, i.end_no, i.next_no) for i in s.scalars(
                        select(ReceiptIssue).where(ReceiptIssue.cashier == actor.username,
                                                   ReceiptIssue.status == "active")
                        .order_by(ReceiptIssue.issued_at))],
                    "payments": cashier.recent_payments(s, actor, own_only=own),
                }

        self.jobs.db(load, success=self._loaded, failure=self._failed)

    def _loaded(self, data: dict[str, Any]) -> None:
        self.queue_model.set_rows(data["queue"])
        self.payments_model.set_rows(data["payments"])
        self.session_open = data["session"] is not None
        if data["session"] is None:
            self.session_label.setText(self.tr("未开班"))
        else:
            number, opening, blind = data["session"]
            self.session_label.setText(
                self.tr("第 {n} 班　盲点").format(n=number) if blind else
                self.tr("第 {n} 班　备用金 {f}").format(n=number, f=format_yuan(opening)))
        self.open_button.setEnabled(data["session"] is None)
        mine = "".join(
            f"<tr><td>{code}</td><td>{receipt_stock.format_number(a)}–"
            f"{receipt_stock.format_number(b)}</td><td>{receipt_stock.format_number(n)}</td>"
            f"<td align=right>{max(0, b - n + 1)}</td></tr>" for code, a, b, n in data["mine"])
        left = sum(max(0, b - n + 1) for _c, _a, b, n in data["mine"])
        own = (self.tr("我手上的空白票据：{n} 张").format(n=left) if left else
               self.tr("我手上没有空白票据：请值班主任在“监察 → 票据库存”中发放（领用）给我，"
                       "然后按 F5 刷新"))
        rows = "".join(
            f"<tr><td>{ln.stock_code}</td><td>{ln.start}–{ln.end}</td><td align=right>"
            f"{ln.printed}</td><td align=right>{ln.spoiled}</td><td align=right>{ln.pending}"
            f"</td><td align=right>{ln.unused_with_cashiers}</td><td align=right>{ln.in_stock}"
            "</td></tr>" for ln in data["stock"])
        all_batches = self.tr("全部票据（每批）")
        who_does_it = self.tr("入库、发放、缴回和作废（核销）由值班主任在“监察 → 票据库存”办理。")
        self.stock_view.setText(
            f"<p><b>{escape(own)}</b></p>"
            + ("<table cellpadding=4><tr><th>" + "</th><th>".join(
                [self.tr("票据代码"), self.tr("号码段"), self.tr("下一张"), self.tr("剩余")])
               + f"</th></tr>{mine}</table>" if mine else "")
            + f"<p>{escape(all_batches)}</p>"
            + "<table cellpadding=4><tr><th>" + "</th><th>".join(
                [self.tr("票据代码"), self.tr("号码段"), self.tr("已打印"), self.tr("作废"),
                 self.tr("待确认"), self.tr("在手未用"), self.tr("库存")])
            + f"</th></tr>{rows}</table>"
            + f"<p>{escape(who_does_it)}</p>")
        self.pending_id = None
        # A receipt this workspace is printing right now is not "unconfirmed": its print run
        # will report (printed, or a failure that asks what to do).
        pending = [p for p in data["pending"] if p[0] not in self.in_flight]
        if pending:
            rid, code, number, self.pending_status = pending[0]
            self.last_receipt_id = self.pending_id = rid
            if self.counter.settings.printer.uri:
                self.status.show_info(
                    self.tr("票据 {code} {number:010d} 尚未确认打印：请“重打”(F4) 或作废换号(F6)")
                    .format(code=code, number=number))
            else:
                self.status.show_info(
                    self.tr("票据 {code} {number:010d} 尚未确认打印：").format(
                        code=code, number=number) + no_printer_text())

    def _failed(self, exc: BaseException) -> None:
        self.status.show_error(error_text(exc))

    def printer_settings(self) -> None:
        """F9: choose and test the receipt printer; saved to settings.toml."""
        dialog = PrinterSettingsDialog(self.counter, self.jobs, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.next_action()
            self.status.show_info(self.tr("已保存打印机设置：{uri}").format(
                uri=self.counter.settings.printer.uri))

    # --- void and refund -----------------------------------------------------------------
    def ask_payment_action(self, *, refund: bool) -> None:
        self.status.next_action()
        rows = self.payments_view.selectionModel().selectedRows()
        if not rows:
            self.status.show_error(self.tr("请先在“收款记录”中选择一笔收款"))
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
        self.status.next_action()

        def work(ctx: object) -> None:
            by = self._approver(approver, password)
            with store.transaction() as s:
                cashier.void_payment(s, actor, by, payment_id, reason)

        def done(_result: object) -> None:
            self.status.show_result(self.tr("已作废该笔收款，票据已记作废，办件回到待收费队列"))
            self.refresh()

        self.jobs.db(work, success=done, failure=self._failed)

    def refund_payment(self, payment_id: str, amount: str, method: str, reference: str,
                       reason: str, approver: str, password: str, *,
                       method_reason: str = "") -> None:
        store, actor = self.counter.store, self.actor
        self.status.next_action()

        def work(ctx: object) -> tuple[Decimal, str]:
            by = self._approver(approver, password)
            with store.transaction() as s:
                row = cashier.refund(s, actor, by, payment_id, amount, reason, method=method,
                                     reference=reference, method_reason=method_reason)
                return row.amount, cashier.refund_slip(s, row.id).number

        def done(result: tuple[Decimal, str]) -> None:
            value, slip = result
            self.status.show_result(self.tr("已退款 {amount}，退款凭证 {slip}").format(
                amount=format_yuan(value), slip=slip))
            self.refresh()

        self.jobs.db(work, success=done, failure=self._failed)

    # --- session -------------------------------------------------------------------------
    def open_session(self) -> None:
        self.status.next_action()
        if self.session_open:
            self.status.show_info(self.tr("本班已开班；要结束本班请按 F8 日结"))
            return
        text, ok = QInputDialog.getText(self, self.tr("开班"), self.tr("备用金（元）"), text="0.00")
        if ok:
            self.open_with_float(text)

    def open_with_float(self, text: str) -> None:
        store, actor, blind = self.counter.store, self.actor, self.blind.isChecked()

        def work(ctx: object) -> None:
            with store.transaction() as s:
                cashier.open_session(s, actor, text, blind=blind)

        def done(_r: object) -> None:
            self.status.show_info(self.tr("已开班：按 F2 收款"))
            self.refresh()

        self.jobs.db(work, success=done, failure=self._failed)

    def show_x_report(self) -> None:
        store, actor = self.counter.store, self.actor
        self.status.next_action()

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
        self.status.show_result("　".join(lines))

    def close_session(self) -> None:
        """Check first (an open session, no receipt left unconfirmed), then ask for the count."""
        store, actor = self.counter.store, self.actor
        self.status.next_action()

        def work(ctx: object) -> tuple[tuple[tuple[str, int], ...], Decimal | None]:
            with store.transaction() as s:
                return cashier.close_blockers(s, actor), cashier.expected_for_close(s, actor)

        def checked(result: tuple[tuple[tuple[str, int], ...], Decimal | None]) -> None:
            blockers, expected = result
            if blockers:
                numbers = "、".join(f"{code} {number:010d}" for code, number in blockers)
                self.status.show_error(self.tr(
                    "还不能日结：票据 {numbers} 尚未确认打印。请先重打 (F4) 或作废换号 (F6)，"
                    "再日结").format(numbers=numbers))
                return
            self._ask_close(expected)

        self.jobs.db(work, success=checked, failure=self._failed)

    def _ask_close(self, expected: Decimal | None) -> None:
        dialog = CloseDialog(expected, self, closer=self.close_with)
        dialog.exec()

    def close_with(self, counts: dict[str, int], reason: str, approver: str = "",
                   password: str = "", on_done: Any = None, on_refused: Any = None) -> None:
        """Z close; a difference is acknowledged by the supervisor who signs in here. The Z
        report is shown in the preview panel afterwards."""
        store, actor = self.counter.store, self.actor

        def work(ctx: object) -> tuple[Decimal | None, cashier.TillReport, str, Decimal]:
            by = self._approver(approver, password) if approver else None
            with store.transaction() as s:
                till, report = cashier.close_session(s, actor, counts, reason, by)
                return till.difference, report, till.difference_approved_by, till.counted_cash

        def done(result: tuple[Decimal | None, cashier.TillReport, str, Decimal]) -> None:
            difference, report, acknowledged, counted = result
            if on_done is not None:
                on_done(None)
            text = self.tr("已日结：应有现金 {e}，差异 {d}").format(
                e=format_yuan(report.expected_cash), d=f"{difference:.2f}")
            if difference and not acknowledged:
                text += self.tr("（差异待值班主任确认）")
            self.status.next_action()
            self.status.show_result(text)
            self.show_z_report(report, counted, difference)
            self.refresh()

        def refused(exc: BaseException) -> None:
            if on_refused is not None:
                on_refused(exc)
            else:
                self._failed(exc)

        self.jobs.db(work, success=done, failure=refused)

    def show_z_report(self, report: cashier.TillReport, counted: Decimal | None,
                      difference: Decimal | None) -> None:
        """The Z report after the close, in the preview panel (where the slips show)."""
        rows = [(self.tr("班次"), str(report.session_number)),
                (self.tr("备用金"), format_yuan(report.opening_float))]
        rows += [(method_label(m), format_yuan(report.net[m])) for m in METHODS]
        rows += [(self.tr("应有现金"), format_yuan(report.expected_cash)),
                 (self.tr("实点现金"), format_yuan(counted or ZERO)),
                 (self.tr("差异"), format_yuan(difference or ZERO)),
                 (self.tr("收款笔数"), str(report.payments)),
                 (self.tr("作废笔数"), str(report.voided)),
                 (self.tr("退款笔数"), str(report.refunds)),
                 (self.tr("已打印票据"), str(report.receipts_printed)),
                 (self.tr("作废票据"), str(report.receipts_spoiled)),
                 (self.tr("重打次数"), str(report.reprints))]
        body = "".join(f"<tr><td>{escape(k)}</td><td align=right><b>{escape(v)}</b></td></tr>"
                       for k, v in rows)
        title = self.tr("Z 报表（日结）")
        self.preview.setText(f"<h3>{escape(title)}</h3>"
                             f"<table cellpadding=4 width='100%'>{body}</table>")

    # --- payment and printing ------------------------------------------------------------
    def pay_selected(self) -> None:
        """F2: check the preconditions first, then ask for the amounts (nothing typed is lost
        to a refusal that could have been known before)."""
        self.status.next_action()
        if not self.queue_model.rowCount():
            self.status.show_error(self.tr("待收费队列为空：没有可收的费用。窗口核定收费后，"
                                           "按 F5 刷新"))
            return
        rows = self.queue_view.selectionModel().selectedRows()
        if not rows:
            self.queue_view.selectRow(0)
            rows = self.queue_view.selectionModel().selectedRows()
        due = self.queue_model.row(rows[0].row() if rows else 0)
        store, actor = self.counter.store, self.actor

        def check(ctx: object) -> cashier.Readiness:
            with store.transaction() as s:
                return cashier.readiness(s, actor)

        def checked(ready: cashier.Readiness) -> None:
            problem = self._not_ready(ready)
            if problem:
                self.status.show_error(problem)
                return
            self._ask_payment(due)

        self.jobs.db(check, success=checked, failure=self._failed)

    def _not_ready(self, ready: cashier.Readiness) -> str:
        if not ready.session_open:
            return self.tr("还没有开班：请先按 F3 开班（录入备用金），再按 F2 收款")
        if ready.pending:
            code, number = ready.pending[0]
            if not self.counter.settings.printer.uri:
                return self.tr("票据 {code} {number:010d} 尚未打印。").format(
                    code=code, number=number) + no_printer_text()
            return self.tr("票据 {code} {number:010d} 尚未确认打印：交款人还没有拿到票据。"
                           "请先重打 (F4) 或作废换号 (F6)，再收下一笔").format(
                               code=code, number=number)
        if ready.numbers_left <= 0:
            return self.tr("{name}手上没有空白票据，收款后无法开票：请值班主任在“监察 → 票据库存”"
                           "中发放票据给您，然后按 F5 刷新").format(name=self.actor.full_name)
        return ""

    def _ask_payment(self, due: FeeAssessment) -> None:
        dialog = PaymentDialog(due, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.take_payment(due.id, dialog.parts(), dialog.tendered_value())

    def take_payment(self, assessment_id: str, parts: list[PartInput],
                     tendered: str | None) -> None:
        store, actor = self.counter.store, self.actor
        self.status.next_action()

        def work(ctx: object) -> tuple[str, Decimal, str]:
            with store.transaction() as s:
                payment, receipt = cashier.take_payment(s, actor, assessment_id, parts,
                                                        tendered=tendered)
                return (receipt.id, payment.change,
                        f"{receipt.stock_code} {receipt_stock.format_number(receipt.number)}")

        def done(result: tuple[str, Decimal, str]) -> None:
            self.last_receipt_id, change, number = result
            # The result stays on screen, large, until the next action (DESIGN §9).
            self.result_head = self.tr("找零 {c}　票据 {n}").format(c=format_yuan(change),
                                                                 n=number)
            self.status.show_result(self.result_head + "\n" + self.tr("正在打印…"))
            self.print_last(kick=any(p.method == "cash" for p in parts))
            self.refresh()

        self.jobs.db(work, success=done, failure=self._failed)

    result_head = ""

    def _say_printed(self, note: str) -> None:
        """The print's outcome, under the payment's result when it belongs to it."""
        if self.result_head and self.status.kind == "result":
            self.status.show_result(self.result_head + "\n" + note)
        else:
            self.status.show_result(note)

    def print_last(self, *, reprint: bool = False, kick: bool = False) -> None:
        """Render the preview and, if a printer is set, print.

        Database steps (count a reprint, mark printed, note a failure) run on the serial
        database executor; only the printer I/O and the rendering run on the shared pool.
        While a receipt is being printed it is "in flight": a refresh meanwhile does not call
        it unconfirmed.
        """
        if self.last_receipt_id is None:
            self.status.show_error(self.tr("没有可打印的票据"))
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
        self.in_flight.add(receipt_id)

        def landed() -> None:
            self.in_flight.discard(receipt_id)

        def failed(exc: BaseException) -> None:
            landed()
            message = printer_error_text(exc, printer)
            self.status.show_error(message)
            self.refresh()
            self.ask_after_failure(message)

        def refused(exc: BaseException) -> None:
            landed()
            self._failed(exc)
            self.refresh()

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
                landed()
                self.preview.setPixmap(pixmap_of(image))
                self.status.show_error(self.tr("票据 {n} 只在右侧预览，尚未打印。").format(
                    n=receipt.number) + no_printer_text())
                self.refresh()
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
            landed()
            self.preview.setPixmap(pixmap_of(image))
            self._say_printed(note)
            self.refresh()

        # A refused claim (no role, the number already printing or printed) is a message, not
        # a printer failure: nothing was sent, so there is no paper to ask about.
        self.jobs.db(claim, success=send_and_render, failure=refused)

    def reprint_or_retry(self) -> None:
        """重打: a printed receipt is reprinted marked 重打; a pending one is simply printed.
        With no printer set there is nothing to print on: say so and offer the settings."""
        self.status.next_action()
        if not self.counter.settings.printer.uri:
            self.offer_printer_settings(no_printer_text())
            return
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

    def offer_printer_settings(self, message: str) -> None:
        """A printing problem the cashier cannot fix by pressing 重打 again: say what to check
        and offer the printer settings."""
        self.status.show_error(message)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("票据打印机"), message, parent=self)
        box.setObjectName("printerProblem")
        settings = box.addButton(self.tr("打印机设置… (F9)"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(self.tr("稍后处理"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(settings)
        box.setEscapeButton(later)
        box.exec()
        if box.clickedButton() is settings:
            self.printer_settings()

    def ask_spoil(self) -> None:
        self.status.next_action()
        if self.last_receipt_id is None:
            self.status.show_error(self.tr("没有可作废的票据：本次开机后还没有开出票据"))
            return
        dialog = SpoilDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.spoil_and_reissue(dialog.reason.text().strip(), dialog.approver.text().strip(),
                                   dialog.approver_password.text())

    def ask_after_failure(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("打印失败"), message, parent=self)
        same = box.addButton(self.tr("没有出纸：重打同一号码"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("出纸有误：作废并换号"), QMessageBox.ButtonRole.DestructiveRole)
        settings = box.addButton(self.tr("打印机设置…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("稍后处理"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is same:
            self.print_last()
        elif box.clickedButton() is settings:
            self.printer_settings()
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
