"""收费核定: the fee part of an intake. What each fee item is charged on, any exemption or
reduction with its reason and legal basis; the amounts are worked out as the clerk types, by the
same core code that assesses the case and prints the cashier's receipt."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hall_client.core.cases.intake import FeeInput
from hall_client.core.errors import DomainError
from hall_client.core.fees import Assessment, FeeItem, Reduction, assess, parse_fee_item
from hall_client.core.money import format_yuan, uppercase_amount
from hall_client.gui.resources import fee_rule_label


@dataclass
class FeeRow:
    """The widgets of one fee item in the form."""

    item: FeeItem
    applies: QCheckBox
    value: QLineEdit
    reduction: QComboBox
    reduction_value: QLineEdit
    reason: QLineEdit
    basis: QLineEdit
    amount: QLabel


class FeeForm(QWidget):
    """The fee items of one service item; ``assessment`` is set while the form adds up."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[FeeRow] = []
        self.assessment: Assessment | None = None
        self.grid = QGridLayout()
        self.total = QLabel()
        self.total.setObjectName("total")
        self.total.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.message = QLabel()
        self.message.setObjectName("feeMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.total)
        layout.addWidget(self.message)

    def clear(self) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        self.assessment = None
        self.total.setText("")
        self.message.setText("")

    def load(self, fees: list[dict[str, Any]]) -> None:
        """Show the fee items of the chosen service item."""
        self.clear()
        if not fees:
            self.total.setText(self.tr("本事项不收费"))
            self.assessment = Assessment(())
            self.changed.emit()
            return
        headers = [self.tr("适用"), self.tr("收费项目"), self.tr("标准"), self.tr("计费数量/基数"),
                   self.tr("减免"), self.tr("减免值"), self.tr("减免原因"), self.tr("政策依据"),
                   self.tr("金额")]
        for col, text in enumerate(headers):
            self.grid.addWidget(QLabel(f"<b>{text}</b>"), 0, col)
        for r, raw in enumerate(fees, start=1):
            item = parse_fee_item(raw)
            row = FeeRow(item, QCheckBox(), QLineEdit(), QComboBox(), QLineEdit(), QLineEdit(),
                         QLineEdit(), QLabel())
            row.applies.setChecked(True)
            needs = item.rule.needs
            row.value.setEnabled(bool(needs))
            row.value.setPlaceholderText(
                {"quantity": item.rule.unit,
                 "base": self.tr("{base}（元）").format(base=item.rule.base), "": "-"}[needs])
            for label, kind in ((self.tr("无"), ""), (self.tr("免收"), "exempt"),
                                (self.tr("按比例减（%）"), "percent"),
                                (self.tr("按金额减（元）"), "amount")):
                row.reduction.addItem(label, kind)
            name = QLabel(f"{item.name}\n{item.code}")
            name.setToolTip(item.basis)
            standard = QLabel(fee_rule_label(raw["rule"]))
            standard.setWordWrap(True)
            for col, widget in enumerate((row.applies, name, standard, row.value, row.reduction,
                                          row.reduction_value, row.reason, row.basis,
                                          row.amount)):
                self.grid.addWidget(widget, r, col)
            row.applies.toggled.connect(self.recompute)
            row.reduction.currentIndexChanged.connect(self.recompute)
            for edit in (row.value, row.reduction_value, row.reason, row.basis):
                edit.textChanged.connect(self.recompute)
            self.rows.append(row)
        self.grid.setColumnStretch(2, 1)
        self.recompute()

    def focus_widgets(self) -> list[QWidget]:
        """The fee widgets in reading order (the workspace chains its tab order through them)."""
        out: list[QWidget] = []
        for row in self.rows:
            out += [row.applies, row.value, row.reduction, row.reduction_value, row.reason,
                    row.basis]
        return out

    def recompute(self) -> None:
        """Work the amounts out from the form; say what is missing instead of guessing."""
        self.assessment = None
        values: dict[str, str] = {}
        reductions: dict[str, Reduction] = {}
        skip = []
        problems = []
        for row in self.rows:
            code = row.item.code
            row.amount.setText("")
            kind = row.reduction.currentData()
            row.reduction_value.setEnabled(kind in ("percent", "amount"))
            row.reason.setEnabled(bool(kind))
            row.basis.setEnabled(bool(kind))
            if not row.applies.isChecked():
                skip.append(code)
                continue
            if row.item.rule.needs:
                if not row.value.text().strip():
                    problems.append(self.tr("请填写“{name}”的{what}").format(
                        name=row.item.name, what=row.value.placeholderText()))
                    continue
                values[code] = row.value.text().strip()
            if kind:
                try:
                    value = (Decimal(row.reduction_value.text().strip() or "0")
                             if kind != "exempt" else Decimal(0))
                    reductions[code] = Reduction(kind, row.reason.text(), row.basis.text(), value)
                except InvalidOperation:
                    problems.append(self.tr("{name}：减免值“{text}”不是数字").format(
                        name=row.item.name, text=row.reduction_value.text()))
                except DomainError as exc:
                    problems.append(f"{row.item.name}：{exc.message}")
        if problems:
            self._show_problem("\n".join(problems), "#b26a00")
            return
        try:
            self.assessment = assess([r.item for r in self.rows], values, reductions, skip=skip)
        except DomainError as exc:
            self._show_problem(exc.message, "#b00020")
            return
        lines = {ln.fee_code: ln for ln in self.assessment.lines}
        for row in self.rows:
            line = lines.get(row.item.code)
            if line is not None:
                text = format_yuan(line.amount)
                if line.reduced_by:
                    text += self.tr("（减 {r}）").format(r=format_yuan(line.reduced_by))
                row.amount.setText(text)
        total = self.assessment.total
        self.total.setText(self.tr("应收合计：{total}　{upper}").format(
            total=format_yuan(total), upper=uppercase_amount(total)))
        self.message.setText("")
        self.changed.emit()

    def _show_problem(self, text: str, colour: str) -> None:
        self.total.setText(self.tr("应收合计：—"))
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setText(text)
        self.changed.emit()

    def fee_inputs(self) -> tuple[FeeInput, ...]:
        """The fees as the intake service takes them (only items that apply)."""
        out = []
        for row in self.rows:
            if not row.applies.isChecked():
                continue
            kind = row.reduction.currentData()
            reduction = None
            if kind:
                value = (Decimal(row.reduction_value.text().strip() or "0")
                         if kind != "exempt" else Decimal(0))
                reduction = Reduction(kind, row.reason.text(), row.basis.text(), value)
            out.append(FeeInput(row.item.code, row.value.text().strip() or None, reduction))
        return tuple(out)
