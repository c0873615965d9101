"""窗口受理: the window clerk's workspace. For now it holds the fee assessment (收费核定):
pick the service item, enter the case number, the payer and what each fee item is charged
on, record any exemption or reduction with its reason and legal basis, and send the
assessment to the cashier's queue. The amounts are worked out as the clerk types, by the same
core code that the cashier's receipt uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import cashier, catalog
from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.core.errors import DomainError
from hall_client.core.fees import Assessment, FeeItem, Reduction, assess, parse_fee_item
from hall_client.core.money import format_yuan, uppercase_amount
from hall_client.gui.jobs import JobRunner
from hall_client.gui.table_model import Column, RecordTableModel, record_view
from hall_client.gui.widgets.rare_char import NameEdit
from hall_client.gui.workspaces import error_text
from hall_client.store.cashier_models import FeeAssessment


@dataclass
class _FeeRow:
    """The widgets of one fee item in the form."""

    item: FeeItem
    applies: QCheckBox
    value: QLineEdit
    reduction: QComboBox
    reduction_value: QLineEdit
    reason: QLineEdit
    basis: QLineEdit
    amount: QLabel


class ClerkWorkspace(QWidget):
    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.item_code = ""
        self.department = ""
        self.rows: list[_FeeRow] = []
        self.assessment: Assessment | None = None

        self.item = QComboBox()
        self.item.setObjectName("item")
        self.item.setEditable(True)
        self.item.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.item.lineEdit().setPlaceholderText(self.tr("选择事项，或输入名称、编码查找"))
        completer = self.item.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.item.currentIndexChanged.connect(self._item_chosen)
        self.case_ref = QLineEdit()
        self.case_ref.setObjectName("caseRef")
        self.case_ref.setPlaceholderText(self.tr("受理时生成的办件编号"))
        self.payer = NameEdit()
        self.payer.setObjectName("payer")
        self.payer.setPlaceholderText(self.tr("单位全称或个人姓名"))
        head = QFormLayout()
        head.addRow(self.tr("事项："), self.item)
        head.addRow(self.tr("办件编号："), self.case_ref)
        head.addRow(self.tr("交款人："), self.payer)

        self.grid = QGridLayout()
        grid_box = QGroupBox(self.tr("收费项目"))
        grid_box.setLayout(self.grid)
        self.total = QLabel()
        self.total.setObjectName("total")
        self.total.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.submit_button = QPushButton(self.tr("提交收费核定，送收费窗口"))
        self.submit_button.clicked.connect(self.submit)
        self.submit_button.setEnabled(False)
        self.message.setText(self.tr("先选择事项，再填写各收费项目的计费数量或基数"))
        actions = QHBoxLayout()
        actions.addWidget(self.total, 1)
        actions.addWidget(self.submit_button)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.addLayout(head)
        form_layout.addWidget(grid_box)
        form_layout.addLayout(actions)
        form_layout.addWidget(self.message)
        form_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(form)
        scroll.setWidgetResizable(True)

        self.queue_model: RecordTableModel[FeeAssessment] = RecordTableModel([
            Column(self.tr("办件编号"), lambda a: a.case_ref),
            Column(self.tr("交款人"), lambda a: a.payer),
            Column(self.tr("事项"), lambda a: a.item_code),
            Column(self.tr("应收金额"), lambda a: format_yuan(a.total)),
            Column(self.tr("核定人"), lambda a: a.created_by),
        ], self)
        queue_box = QGroupBox(self.tr("待收费队列（收费窗口）"))
        queue_layout = QVBoxLayout(queue_box)
        queue_layout.addWidget(record_view(self.queue_model))

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(scroll)
        split.addWidget(queue_box)
        split.setSizes([520, 200])
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("收费核定：按事项的收费标准核定应收金额，减免须注明原因和政策依据"))
        layout.addWidget(title)
        layout.addWidget(split, 1)
        self.load_items()
        self.refresh_queue()

    # --- loading -------------------------------------------------------------------------
    def load_items(self) -> None:
        store = self.counter.store

        def load(ctx: object) -> list[tuple[str, str, int]]:
            with store.transaction() as s:
                return [(r.code, r.name, r.fee_count) for r in catalog.summaries(s)]

        self.jobs.db(load, success=self._items_loaded, failure=self._failed)

    def _items_loaded(self, items: list[tuple[str, str, int]]) -> None:
        self.item.blockSignals(True)
        self.item.clear()
        for code, name, fee_count in items:
            if fee_count:
                self.item.addItem(f"{code}  {name}", code)
        self.item.setCurrentIndex(-1)
        self.item.blockSignals(False)

    def choose_item(self, code: str) -> None:
        index = self.item.findData(code)
        if index >= 0:
            self.item.setCurrentIndex(index)

    def _item_chosen(self, index: int) -> None:
        code = self.item.itemData(index)
        if not code:
            return
        store = self.counter.store

        def load(ctx: object) -> tuple[str, str, list[dict[str, Any]]]:
            with store.transaction() as s:
                row = catalog.get_item(s, code)
                return row.code, row.department, list(row.definition["fees"])

        self.jobs.db(load, success=self._show_fees, failure=self._failed)

    def _show_fees(self, loaded: tuple[str, str, list[dict[str, Any]]]) -> None:
        self.item_code, self.department, fees = loaded
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        headers = [self.tr("适用"), self.tr("收费项目"), self.tr("标准"), self.tr("计费数量/基数"),
                   self.tr("减免"), self.tr("减免值"), self.tr("减免原因"), self.tr("政策依据"),
                   self.tr("金额")]
        for col, text in enumerate(headers):
            label = QLabel(f"<b>{text}</b>")
            self.grid.addWidget(label, 0, col)
        self.rows = []
        for r, raw in enumerate(fees, start=1):
            item = parse_fee_item(raw)
            row = _FeeRow(item, QCheckBox(), QLineEdit(), QComboBox(), QLineEdit(), QLineEdit(),
                          QLineEdit(), QLabel())
            row.applies.setChecked(True)
            needs = item.rule.needs
            row.value.setEnabled(bool(needs))
            row.value.setPlaceholderText(
                {"quantity": item.rule.unit, "base": self.tr("{base}（元）").format(base=item.rule.base),
                 "": "-"}[needs])
            for label, kind in ((self.tr("无"), ""), (self.tr("免收"), "exempt"),
                                (self.tr("按比例减（%）"), "percent"),
                                (self.tr("按金额减（元）"), "amount")):
                row.reduction.addItem(label, kind)
            catalog_rule = catalog.describe_fee_rule(raw["rule"])
            name = QLabel(f"{item.code} {item.name}")
            name.setToolTip(item.basis)
            standard = QLabel(catalog_rule)
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

    # --- computing -----------------------------------------------------------------------
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
            if not row.applies.isChecked():
                skip.append(code)
                continue
            if row.item.rule.needs:
                if not row.value.text().strip():
                    problems.append(self.tr("请填写“{name}”的{what}").format(
                        name=row.item.name, what=row.value.placeholderText()))
                    continue
                values[code] = row.value.text().strip()
            kind = row.reduction.currentData()
            row.reduction_value.setEnabled(kind in ("percent", "amount"))
            row.reason.setEnabled(bool(kind))
            row.basis.setEnabled(bool(kind))
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
        if problems or not self.rows:
            self.total.setText(self.tr("应收合计：—"))
            self.message.setStyleSheet("color: #b26a00;")
            self.message.setText("\n".join(problems))
            self.submit_button.setEnabled(False)
            return
        try:
            self.assessment = assess([r.item for r in self.rows], values, reductions, skip=skip)
        except DomainError as exc:
            self.total.setText(self.tr("应收合计：—"))
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(exc.message)
            self.submit_button.setEnabled(False)
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
        self.submit_button.setEnabled(total > 0)

    # --- submitting ----------------------------------------------------------------------
    def submit(self) -> None:
        if self.assessment is None:
            return
        if not self.case_ref.text().strip():
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(self.tr("请填写办件编号"))
            return
        store, actor, assessment = self.counter.store, self.actor, self.assessment
        case_ref, payer = self.case_ref.text().strip(), self.payer.text()
        code, department = self.item_code, self.department

        def work(ctx: object) -> FeeAssessment:
            with store.transaction() as s:
                return cashier.queue_assessment(s, actor, case_ref=case_ref, item_code=code,
                                                department=department, payer=payer,
                                                assessment=assessment)

        def done(row: FeeAssessment) -> None:
            self.message.setStyleSheet("color: #1b5e20;")
            self.message.setText(self.tr("已送收费窗口：{case} {payer} 应收 {total}").format(
                case=row.case_ref, payer=row.payer, total=format_yuan(row.total)))
            self.case_ref.clear()
            self.payer.clear()
            self.refresh_queue()

        self.jobs.db(work, success=done, failure=self._failed)

    def refresh_queue(self) -> None:
        store = self.counter.store

        def load(ctx: object) -> list[FeeAssessment]:
            with store.transaction() as s:
                return cashier.queue(s)

        self.jobs.db(load, success=self.queue_model.set_rows, failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error_text(exc))

