"""收费核定: the fee part of an intake. What each fee item is charged on, any exemption or
reduction with its reason and legal basis; the amounts are worked out as the clerk types, by the
same core code that assesses the case and prints the cashier's receipt."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hall_client.core.cases.intake import FeeInput
from hall_client.core.errors import DomainError
from hall_client.core.fees import (
    Assessment,
    FeeItem,
    Quantity,
    Reduction,
    assess,
    parse_fee_item,
    quantities,
    values_by_fee,
)
from hall_client.core.money import format_yuan, uppercase_amount
from hall_client.gui.resources import fee_rule_label


@dataclass
class QuantityInput:
    """One figure the clerk types (e.g. 建筑面积), shared by every fee item charged on it."""

    quantity: Quantity
    label: QLabel
    edit: QLineEdit
    used_by: QLabel

    @property
    def needs(self) -> str:
        return self.quantity.needs


@dataclass
class FeeRow:
    """The widgets of one fee item in the form; ``value`` is the (shared) figure it uses."""

    item: FeeItem
    applies: QCheckBox
    value: QLineEdit | None
    reduction: QComboBox
    reduction_value: QLineEdit
    reason: QLineEdit
    basis: QLineEdit
    amount: QLabel
    detail: QWidget  # the reduction's value, reason and basis: shown when a reduction is chosen


#: Column widths of the fee table, fixed so that nothing moves as the amounts appear.
APPLIES_WIDTH, NAME_WIDTH, REDUCTION_WIDTH = 28, 210, 130
MONEY_STYLE = "font-size: 12pt; font-weight: bold;"
#: The widest amount the table shows (the largest amount of one receipt, with a reduction).
WIDEST_AMOUNT = "¥99,999,999.99"


class FeeForm(QWidget):
    """The fee items of one service item; ``assessment`` is set while the form adds up.

    Above the table, one input per distinct figure (建筑面积 once, not once per standard);
    the table has fixed columns, money right-aligned and larger than the text around it; a
    reduction opens its value, reason and legal basis under its row.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[FeeRow] = []
        self.inputs: list[QuantityInput] = []
        self.assessment: Assessment | None = None
        self.quantity_grid = QGridLayout()
        self.quantity_grid.setColumnStretch(2, 1)
        self.grid = QGridLayout()
        self.grid.setColumnMinimumWidth(0, APPLIES_WIDTH)
        self.grid.setColumnMinimumWidth(1, NAME_WIDTH)
        self.grid.setColumnMinimumWidth(3, REDUCTION_WIDTH)
        self.grid.setColumnMinimumWidth(4, self._amount_width())
        self.grid.setColumnStretch(2, 1)
        self.total = QLabel()
        self.total.setObjectName("total")
        self.total.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.total.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("feeMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.quantity_grid)
        layout.addLayout(self.grid)
        layout.addWidget(self.total)
        layout.addWidget(self.message)

    def _amount_width(self) -> int:
        font = QFont(self.font())
        font.setPointSizeF(max(12.0, font.pointSizeF()))
        font.setBold(True)
        return QFontMetrics(font).horizontalAdvance(WIDEST_AMOUNT) + 16

    def clear(self) -> None:
        """An empty form: no rows, nothing typed (the next case starts from nothing)."""
        for grid in (self.quantity_grid, self.grid):
            while grid.count():
                widget = grid.takeAt(0).widget()
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
        self.rows = []
        self.inputs = []
        self.assessment = None
        self.total.setText("")
        self.message.setText("")

    def quantity_inputs(self) -> list[QuantityInput]:
        """The figures the clerk types, in order (one per distinct quantity or base)."""
        return list(self.inputs)

    def load(self, fees: list[dict[str, Any]]) -> None:
        """Show the fee items of the chosen service item."""
        self.clear()
        if not fees:
            self.total.setText(self.tr("本事项不收费"))
            self.assessment = Assessment(())
            self.changed.emit()
            return
        items = [parse_fee_item(raw) for raw in fees]
        by_code: dict[str, QLineEdit] = {}
        for n, q in enumerate(quantities(items)):
            edit = QLineEdit()
            edit.setObjectName(f"quantity-{n}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setFixedWidth(170)
            unit = self.tr("元") if q.needs == "base" else q.unit
            edit.setPlaceholderText(self.tr("{base}（元）").format(base=q.label)
                                    if q.needs == "base" else unit)
            label = QLabel(self.tr("{what}（{unit}）：").format(what=q.label, unit=unit))
            label.setBuddy(edit)
            names = [i.name for i in items if i.code in q.fee_codes]
            used_by = QLabel(self.tr("用于：{names}").format(names="、".join(names)))
            used_by.setWordWrap(True)
            used_by.setStyleSheet("color: #555;")
            at = len(self.inputs)
            self.quantity_grid.addWidget(label, at, 0)
            self.quantity_grid.addWidget(edit, at, 1)
            self.quantity_grid.addWidget(used_by, at, 2)
            edit.textChanged.connect(self.recompute)
            self.inputs.append(QuantityInput(q, label, edit, used_by))
            for code in q.fee_codes:
                by_code[code] = edit
        headers = [(self.tr("适用"), 0), (self.tr("收费项目"), 1), (self.tr("收费标准"), 2),
                   (self.tr("减免"), 3), (self.tr("金额"), 4)]
        for text, col in headers:
            head = QLabel(f"<b>{text}</b>")
            if col == 4:
                head.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(head, 0, col)
        for r, (raw, item) in enumerate(zip(fees, items, strict=True)):
            row = FeeRow(item, QCheckBox(), by_code.get(item.code), QComboBox(), QLineEdit(),
                         QLineEdit(), QLineEdit(), QLabel(), QWidget())
            row.applies.setChecked(True)
            row.applies.setToolTip(self.tr("本案是否收取此项"))
            row.applies.setAccessibleName(self.tr("适用：{name}").format(name=item.name))
            for label, kind in ((self.tr("无"), ""), (self.tr("免收"), "exempt"),
                                (self.tr("按比例减（%）"), "percent"),
                                (self.tr("按金额减（元）"), "amount")):
                row.reduction.addItem(label, kind)
            # as wide as its longest choice (the same in every row: the column never moves)
            row.reduction.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToContents)
            row.reduction.setMinimumWidth(REDUCTION_WIDTH)
            row.reduction.setAccessibleName(self.tr("减免：{name}").format(name=item.name))
            name = QLabel(f"{item.name}<br/><span style='color:#666'>{item.code}</span>")
            name.setWordWrap(True)
            name.setFixedWidth(NAME_WIDTH)
            name.setToolTip(item.basis)
            standard = QLabel(fee_rule_label(raw["rule"]))
            standard.setWordWrap(True)
            row.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row.amount.setStyleSheet(MONEY_STYLE)
            row.amount.setFixedWidth(self._amount_width())
            row.amount.setObjectName(f"amount-{r}")
            row.reduction_value.setPlaceholderText(self.tr("减免值"))
            row.reduction_value.setAlignment(Qt.AlignmentFlag.AlignRight)
            row.reduction_value.setFixedWidth(100)
            row.reason.setPlaceholderText(self.tr("减免原因（必填）"))
            row.basis.setPlaceholderText(self.tr("政策依据（必填）"))
            detail = QHBoxLayout(row.detail)
            detail.setContentsMargins(0, 0, 0, 0)
            for w in (row.reduction_value, row.reason, row.basis):
                detail.addWidget(w, 1 if w is not row.reduction_value else 0)
            row.detail.hide()
            line = 1 + 2 * r
            for col, widget in enumerate((row.applies, name, standard, row.reduction,
                                          row.amount)):
                self.grid.addWidget(widget, line, col)
            self.grid.addWidget(row.detail, line + 1, 1, 1, 4)
            row.applies.toggled.connect(self.recompute)
            row.reduction.currentIndexChanged.connect(self.recompute)
            for edit in (row.reduction_value, row.reason, row.basis):
                edit.textChanged.connect(self.recompute)
            self.rows.append(row)
        self.recompute()

    def focus_widgets(self) -> list[QWidget]:
        """The fee widgets in reading order (the workspace chains its tab order through them):
        the figures first, then each fee item's row and its reduction."""
        out: list[QWidget] = [q.edit for q in self.inputs]
        for row in self.rows:
            out += [row.applies, row.reduction, row.reduction_value, row.reason, row.basis]
        return out

    def first_input(self) -> QWidget | None:
        """Where the clerk starts: the first figure, else the first fee item's checkbox."""
        if self.inputs:
            return self.inputs[0].edit
        return self.rows[0].applies if self.rows else None

    def _typed(self) -> dict[str, str]:
        return {q.quantity.key: q.edit.text() for q in self.inputs}

    def recompute(self) -> None:
        """Work the amounts out from the form; say what is missing instead of guessing."""
        self.assessment = None
        reductions: dict[str, Reduction] = {}
        skip = []
        problems = []
        for row in self.rows:
            code = row.item.code
            row.amount.setText("")
            kind = row.reduction.currentData()
            row.detail.setVisible(bool(kind))
            row.reduction_value.setEnabled(kind in ("percent", "amount"))
            row.reason.setEnabled(bool(kind))
            row.basis.setEnabled(bool(kind))
            if not row.applies.isChecked():
                skip.append(code)
                continue
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
        for q in self.inputs:
            wanted = [c for c in q.quantity.fee_codes if c not in skip]
            q.edit.setEnabled(bool(wanted))
            if wanted and not q.edit.text().strip():
                problems.insert(0, self.tr("请填写{what}").format(what=q.quantity.label))
        if problems:
            self._show_problem("\n".join(problems), "#b26a00")
            return
        values = values_by_fee([q.quantity for q in self.inputs], self._typed(), skip)
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
                    text += "<br/><span style='font-size:10.5pt;font-weight:normal'>" + \
                        self.tr("（减 {r}）").format(r=format_yuan(line.reduced_by)) + "</span>"
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
        skip = [r.item.code for r in self.rows if not r.applies.isChecked()]
        values = values_by_fee([q.quantity for q in self.inputs], self._typed(), skip)
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
            out.append(FeeInput(row.item.code, values.get(row.item.code), reduction))
        return tuple(out)
