"""窗口受理: one application at the window, keyboard first.

The form reads top to bottom — item, applicant, materials checklist, fees, decision — and Tab
follows it; Enter moves on to the next field; F6 marks every material received; F9 accepts,
F10 sends back for correction, F11 refuses (each asks once, Enter confirms, Esc backs out);
F12 prints the notice again (marked 重打); Esc on the form starts a new intake after asking.
The result (case number, query code, promised date) stays on screen, large, until the next
intake. Every check happens in the core service; a refusal keeps everything typed.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import catalog, catalog_search
from hall_client.core.actor import Actor
from hall_client.core.cases import hall_info
from hall_client.core.cases.identity import KIND_ID_TYPES
from hall_client.core.cases.intake import (
    ApplicantInput,
    Intake,
    IntakeResult,
    MaterialInput,
    PageInput,
    record_intake,
)
from hall_client.core.cases.queries import (
    case_detail,
    get_case,
    notice_for_print,
    payment_notice,
)
from hall_client.core.counter import Counter
from hall_client.core.errors import InvalidInput
from hall_client.core.supervision.ratings import Visit
from hall_client.gui.intake.fee_form import FeeForm
from hall_client.gui.intake.names import applicant_kind_names, id_type_names
from hall_client.gui.intake.notice_print import pdf_printer, print_document, setup_a4
from hall_client.gui.jobs import JobRunner
from hall_client.gui.pages.workspace import PageWorkspace
from hall_client.gui.resources import document_font
from hall_client.gui.supervision.rating_screen import RatingScreen
from hall_client.gui.widgets.confirm import confirm
from hall_client.gui.widgets.form_dialog import error_text
from hall_client.gui.widgets.message_area import MessageArea
from hall_client.gui.widgets.rare_char import NameEdit
from hall_client.pages.page_set import PageSet
from hall_client.pages.profiles import get_profile
from hall_client.printing.case_notices import notice_document

STATE_ORDER = ("received", "missing", "nonconforming", "deferred")


@dataclass
class MaterialRow:
    """The widgets of one line of the checklist."""

    position: int
    name: str
    required: bool
    deferrable: bool
    state: QComboBox
    form: QComboBox
    copies: QSpinBox
    reason: QLineEdit
    promised_by: QDateEdit


class _EnterMovesOn(QObject):
    """Enter in a line edit, combo box, spin box or date moves to the next field."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            widget = obj if isinstance(obj, QWidget) else None
            if widget is not None:
                combo = widget if isinstance(widget, QComboBox) else None
                if combo is not None and combo.view().isVisible():
                    return False  # let the open list take Enter
                widget.focusNextChild()
                return True
        return False


class IntakeWorkspace(QWidget):
    """The clerk's intake form; emits ``case_recorded`` with the case number."""

    case_recorded = Signal(str)

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.item_code = ""
        self.item_version: int | None = None
        #: the catalog as the item picker searches it (pinyin, abbreviations, departments)
        self.search_items: list[catalog_search.Searchable] = []
        self.reopen_number: str | None = None
        self.materials: list[MaterialRow] = []
        self.pending_decision = ""
        self.last_result: IntakeResult | None = None
        self.last_pdf: Path | None = None
        #: Where notice PDFs are kept (each printed notice is also saved here).
        self.notice_dir = counter.data_dir / "notices"
        #: Ask for a printer after saving the PDF (tests and screenshots turn this off).
        self.ask_printer = True
        self._enter = _EnterMovesOn(self)
        #: The pages of this application (a draft on disk until the case is accepted).
        self.page_set: PageSet | None = None
        self.page_profile = "construction-permit"
        self.page_dialog: QDialog | None = None
        self.page_workspace: PageWorkspace | None = None

        # 1 item
        self.item = QComboBox()
        self.item.setObjectName("item")
        self.item.setEditable(True)
        self.item.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.item.lineEdit().setPlaceholderText(
            self.tr("事项名称、编码、拼音首字母（如 sgxk）或部门简称（如 住建），按 Enter 选定"))
        self.item.lineEdit().textEdited.connect(self._item_typed)
        self.item.currentIndexChanged.connect(self._item_chosen)
        self.item.installEventFilter(self)
        self.item.lineEdit().installEventFilter(self)
        self.item_info = QLabel()
        self.item_info.setWordWrap(True)
        self.project = NameEdit()
        self.project.setObjectName("project")
        self.project.setPlaceholderText(self.tr("项目全称（材料包文件夹以此命名）"))
        item_box = QGroupBox(self.tr("① 事项"))
        item_form = QFormLayout(item_box)
        item_form.addRow(self.tr("事项(&S)："), self.item)
        item_form.addRow("", self.item_info)
        item_form.addRow(self.tr("项目名称："), self.project)

        # 2 applicant
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for key, label in applicant_kind_names().items():
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.name = NameEdit()
        self.name.setObjectName("name")
        self.id_type = QComboBox()
        self.id_type.setObjectName("idType")
        self.id_number = QLineEdit()
        self.id_number.setObjectName("idNumber")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.contact = NameEdit()
        self.contact.setObjectName("contact")
        self.address = NameEdit()
        self.address.setObjectName("address")
        app_box = QGroupBox(self.tr("② 申请人"))
        app_grid = QGridLayout(app_box)
        for r, (label, widget, label2, widget2) in enumerate((
                (self.tr("类型："), self.kind, self.tr("名称/姓名："), self.name),
                (self.tr("证件类型："), self.id_type, self.tr("证件号码："), self.id_number),
                (self.tr("联系电话："), self.phone, self.tr("联系人："), self.contact))):
            app_grid.addWidget(QLabel(label), r, 0)
            app_grid.addWidget(widget, r, 1)
            app_grid.addWidget(QLabel(label2), r, 2)
            app_grid.addWidget(widget2, r, 3)
        app_grid.addWidget(QLabel(self.tr("地址：")), 3, 0)
        app_grid.addWidget(self.address, 3, 1, 1, 3)
        app_grid.setColumnStretch(3, 1)
        self._kind_changed()

        # 3 materials
        self.materials_grid = QGridLayout()
        self.all_received = QPushButton(self.tr("全部已收 (F6)"))
        self.all_received.setObjectName("allReceived")
        self.all_received.clicked.connect(self.mark_all_received)
        mat_box = QGroupBox(self.tr("③ 材料（按一次性告知单逐项核对）"))
        mat_layout = QVBoxLayout(mat_box)
        mat_layout.addWidget(self.all_received, 0, Qt.AlignmentFlag.AlignLeft)
        mat_layout.addLayout(self.materials_grid)

        # 4 fees
        self.fees = FeeForm()
        fee_box = QGroupBox(self.tr("④ 收费核定（受理时送收费窗口）"))
        QVBoxLayout(fee_box).addWidget(self.fees)
        self.fee_box = fee_box

        # 5 decision
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("不予受理的理由（必填）；补正时的其他说明"))
        self.accept_button = QPushButton(self.tr("受理 (F9)"))
        self.correction_button = QPushButton(self.tr("通知补正 (F10)"))
        self.refuse_button = QPushButton(self.tr("不予受理 (F11)"))
        for button, decision in ((self.accept_button, "accept"),
                                 (self.correction_button, "correction"),
                                 (self.refuse_button, "refuse")):
            button.setObjectName(f"decide_{decision}")
            button.clicked.connect(lambda _=False, d=decision: self.ask_decision(d))
        decide_box = QGroupBox(self.tr("⑤ 决定"))
        decide_layout = QVBoxLayout(decide_box)
        decide_layout.addWidget(self.reason)
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.correction_button, self.refuse_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        decide_layout.addLayout(buttons)

        # confirmation bar (Enter confirms, Esc backs out)
        self.confirm_bar = QWidget()
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_text.setStyleSheet("font-weight: bold;")
        self.confirm_button = QPushButton(self.tr("确认 (Enter)"))
        self.confirm_button.setObjectName("confirm")
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.confirm_decision)
        self.cancel_button = QPushButton(self.tr("返回修改 (Esc)"))
        self.cancel_button.clicked.connect(self.cancel_decision)
        bar = QHBoxLayout(self.confirm_bar)
        bar.addWidget(self.confirm_text, 1)
        bar.addWidget(self.confirm_button)
        bar.addWidget(self.cancel_button)
        self.confirm_bar.setStyleSheet("background: #fff4d6;")
        self.confirm_bar.hide()

        # result and messages: one area; a result stays large until the next action
        self.message = MessageArea()
        self.message.setObjectName("message")
        self._result_text = ""
        self.reprint_button = QPushButton(self.tr("重打通知书 (F12)"))
        self.reprint_button.setEnabled(False)
        self.reprint_button.setToolTip(self.tr("先办理一件，才有通知书可打印"))
        self.reprint_button.clicked.connect(self.ask_reprint)
        self.rate_button = QPushButton(self.tr("请申请人评价 (Ctrl+E)"))
        self.rate_button.setObjectName("rateButton")
        self.rate_button.setEnabled(False)
        self.rate_button.setToolTip(self.tr("受理一件后，请申请人对本次服务评价（好差评）"))
        self.rate_button.clicked.connect(self.ask_rating)
        self.rating_screen: RatingScreen | None = None
        self.payment_button = QPushButton(self.tr("缴款通知书 (F8)"))
        self.payment_button.setObjectName("paymentNotice")
        self.payment_button.setEnabled(False)
        self.payment_button.setToolTip(self.tr("受理一件有收费的事项后，打印缴款通知书交申请人"))
        self.payment_button.clicked.connect(self.print_payment_notice)
        self.new_button = QPushButton(self.tr("下一件 (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_intake)
        self.pages_button = QPushButton(self.tr("页面 (F3)"))
        self.pages_button.clicked.connect(self.open_pages)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        for box in (item_box, app_box, mat_box, fee_box, decide_box):
            form_layout.addWidget(box)
        form_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(form)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to fields, not the frame
        # a scroll bar that comes and goes would move every column sideways
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        result_row = QHBoxLayout()
        result_row.addStretch(1)
        result_row.addWidget(self.pages_button)
        result_row.addWidget(self.payment_button)
        result_row.addWidget(self.reprint_button)
        result_row.addWidget(self.rate_button)
        result_row.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.confirm_bar)
        layout.addWidget(self.message)
        layout.addLayout(result_row)
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]

        for widget in (self.project, self.kind, self.name, self.id_type, self.id_number,
                       self.phone, self.contact, self.address):
            widget.installEventFilter(self._enter)
        self.confirm_bar.installEventFilter(self)
        for key, slot in ((Qt.Key.Key_F3, self.open_pages),
                          (Qt.Key.Key_F6, self.mark_all_received),
                          (Qt.Key.Key_F8, self.print_payment_notice),
                          (Qt.Key.Key_F9, lambda: self.ask_decision("accept")),
                          (Qt.Key.Key_F10, lambda: self.ask_decision("correction")),
                          (Qt.Key.Key_F11, lambda: self.ask_decision("refuse")),
                          (Qt.Key.Key_F12, self.ask_reprint),
                          (Qt.Key.Key_Escape, self.escape)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        rate = QShortcut(QKeySequence("Ctrl+E"), self)
        rate.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        rate.activated.connect(self.ask_rating)
        new = QShortcut(QKeySequence("Ctrl+N"), self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(self.new_intake)
        self.load_items()

    # --- loading -------------------------------------------------------------------------
    def load_items(self) -> None:
        store = self.counter.store

        def load(ctx: object) -> list[catalog_search.Searchable]:
            with store.transaction() as s:
                items = [catalog_search.Searchable(r.code, r.name, r.department,
                                                   r.department_name)
                         for r in catalog.summaries(s)]
            for i in items:  # the pinyin is read here, off the GUI thread, once
                catalog_search.syllables(i.name)
                catalog_search.syllables(i.department_name)
            return items

        self.jobs.db(load, success=self._items_loaded, failure=self._failed)

    def _items_loaded(self, items: list[catalog_search.Searchable]) -> None:
        self.search_items = items
        self.item.blockSignals(True)
        self.item.clear()
        for i in items:
            self.item.addItem(f"{i.name}  {i.code}", i.code)
        self.item.setCurrentIndex(-1)
        self.item.blockSignals(False)
        self.item.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                obj in (self.item, self.item.lineEdit()) and not self.item.view().isVisible():
            self._item_entered()
            return True
        return super().eventFilter(obj, event)

    def _matches(self, text: str) -> list[catalog_search.Hit]:
        return catalog_search.search(self.search_items, text)

    def _item_typed(self, text: str) -> None:
        """As the clerk types: the best matches under the box (Enter takes the first)."""
        hits = self._matches(text) if text.strip() else []
        if not text.strip():
            self.item_info.setText("")
        elif not hits:
            self.item_info.setText(self.tr("没有匹配的事项"))
        else:
            shown = "；".join(f"{n}. {h.item.name}（{h.item.code}）"
                             for n, h in enumerate(hits[:4], 1))
            more = self.tr("　等 {n} 项").format(n=len(hits)) if len(hits) > 4 else ""
            self.item_info.setText(self.tr("Enter 选定第 1 项：") + shown + more)

    def _item_entered(self) -> None:
        """Enter in the item box: the best match of what was typed (code, name, pinyin
        initials or full pinyin, abbreviation, department; core's ranked search)."""
        self.message.next_action()
        text = self.item.currentText().strip()
        current = self.item.currentIndex()
        if current >= 0 and self.item.itemText(current) == text:
            self.project.setFocus()
            return
        hits = self._matches(text) if text else []
        if hits:
            index = self.item.findData(hits[0].item.code)
            if index == current:
                self.item.setEditText(self.item.itemText(index))
                self._item_chosen(index)  # the same item again, for a new case
            self.item.setCurrentIndex(index)
            self.project.setFocus()
            return
        self._say(self.tr("没有找到事项“{text}”：可输入事项名称、编码、拼音首字母或部门简称").format(
            text=self.item.currentText()), "#b00020")

    def choose_item(self, code: str) -> None:
        index = self.item.findData(code)
        if index >= 0:
            self.item.setCurrentIndex(index)

    def _item_chosen(self, index: int) -> None:
        code = self.item.itemData(index)
        if not code:
            return
        store = self.counter.store

        def load(ctx: object) -> tuple[str, int, dict[str, Any], str]:
            with store.transaction() as s:
                row = catalog.get_item(s, code)
                depts = catalog.departments(s)
                return row.code, row.version, dict(row.definition), depts.get(row.department, "")

        self.jobs.db(load, success=self._show_item, failure=self._failed)

    def _show_item(self, loaded: tuple[str, int, dict[str, Any], str],
                   states: list[dict[str, Any]] | None = None) -> None:
        self.item_code, self.item_version, definition, dept = loaded
        self.page_profile = str(definition.get("page_profile") or "construction-permit")
        self.item_info.setText(self.tr(
            "{dept}　承诺 {promised} 个工作日（法定 {legal}）　第 {version} 版").format(
                dept=dept, promised=definition["promised_limit_days"],
                legal=definition["legal_limit_days"], version=self.item_version))
        self._show_materials(definition["materials"], states)
        self.fees.load(list(definition["fees"]))
        self._chain_tab_order()

    def _show_materials(self, materials: list[dict[str, Any]],
                        states: list[dict[str, Any]] | None) -> None:
        while self.materials_grid.count():
            widget = self.materials_grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.materials = []
        self.material_labels: list[tuple[QLabel, str]] = []
        for col, text in enumerate((self.tr("材料"), self.tr("核对"), self.tr("形式"),
                                    self.tr("份数"), self.tr("问题说明"), self.tr("承诺补交日期"))):
            self.materials_grid.addWidget(QLabel(f"<b>{text}</b>"), 0, col)
        state_names = {"received": self.tr("已收"), "missing": self.tr("未交"),
                       "nonconforming": self.tr("不符合要求"), "deferred": self.tr("容缺后补")}
        forms = {"original": self.tr("原件"), "copy": self.tr("复印件"),
                 "original_and_copy": self.tr("原件及复印件")}
        for pos, m in enumerate(materials):
            deferrable = bool(m.get("deferrable", False))
            row = MaterialRow(pos, m["name"], bool(m["required"]), deferrable, QComboBox(),
                              QComboBox(), QSpinBox(), QLineEdit(), QDateEdit())
            for key in STATE_ORDER:
                if key != "deferred" or deferrable:
                    row.state.addItem(state_names[key], key)
            row.state.setCurrentIndex(row.state.findData("missing"))
            for key, label in forms.items():
                row.form.addItem(label, key)
            row.form.setCurrentIndex(row.form.findData(m["form"]))
            row.copies.setRange(0, 1000)
            row.copies.setValue(int(m.get("copies", 1)))
            row.reason.setPlaceholderText(self.tr("不符合要求的原因"))
            row.promised_by.setCalendarPopup(True)
            row.promised_by.setDate(QDate.currentDate().addDays(7))
            mark = self.tr("（必需）") if m["required"] else self.tr("（非必需）")
            label = QLabel(f"{pos + 1}. {m['name']}{mark}")
            label.setWordWrap(True)
            self.material_labels.append((label, label.text()))
            if m.get("notes"):
                label.setToolTip(m["notes"])
            if states is not None and pos < len(states):
                old = states[pos]
                row.state.setCurrentIndex(max(0, row.state.findData(old["state"])))
                row.form.setCurrentIndex(max(0, row.form.findData(old["form"])))
                row.copies.setValue(int(old["copies"]) or int(m.get("copies", 1)))
                row.reason.setText(old.get("reason") or "")
            for col, widget in enumerate((label, row.state, row.form, row.copies, row.reason,
                                          row.promised_by)):
                self.materials_grid.addWidget(widget, pos + 1, col)
            row.state.currentIndexChanged.connect(lambda _=0, r=row: self._state_changed(r))
            for w in (row.state, row.form, row.copies, row.reason, row.promised_by):
                w.installEventFilter(self._enter)
            self._state_changed(row)
            self.materials.append(row)
        self.materials_grid.setColumnStretch(0, 1)

    def _state_changed(self, row: MaterialRow) -> None:
        state = row.state.currentData()
        got = state in ("received", "nonconforming")
        row.form.setEnabled(got)
        row.copies.setEnabled(got)
        row.reason.setEnabled(state in ("nonconforming", "missing"))
        row.promised_by.setEnabled(state == "deferred")

    def tab_chain(self) -> list[QWidget]:
        """Every field and button of the workspace in reading order: the form top to bottom,
        then the confirmation bar and the buttons under it. Tab goes round this ring and
        nowhere else (not through the scroll frame, the workspace tabs or other panels)."""
        chain: list[QWidget] = [self.item, self.project, self.kind, self.name, self.id_type,
                                self.id_number, self.phone, self.contact, self.address,
                                self.all_received]
        for row in self.materials:
            chain += [row.state, row.form, row.copies, row.reason, row.promised_by]
        chain += self.fees.focus_widgets()
        chain += [self.reason, self.accept_button, self.correction_button, self.refuse_button,
                  self.confirm_button, self.cancel_button, self.pages_button,
                  self.payment_button, self.reprint_button, self.rate_button, self.new_button]
        return chain

    def _chain_tab_order(self) -> None:
        for a, b in itertools.pairwise(self.tab_chain()):
            QWidget.setTabOrder(a, b)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab within :meth:`tab_chain`, skipping what is hidden or disabled."""
        current = QApplication.focusWidget()
        if current is self.item.lineEdit():
            current = self.item
        chain = [w for w in self.tab_chain()
                 if w is current or (w.isVisible() and w.isEnabled()
                                     and w.focusPolicy() & Qt.FocusPolicy.TabFocus)]
        if current not in chain:
            return super().focusNextPrevChild(next)
        target = chain[(chain.index(current) + (1 if next else -1)) % len(chain)]
        target.setFocus(Qt.FocusReason.TabFocusReason if next
                        else Qt.FocusReason.BacktabFocusReason)
        return True

    def _kind_changed(self) -> None:
        kind = self.kind.currentData() or "person"
        self.id_type.clear()
        names = id_type_names()
        for key in KIND_ID_TYPES[kind]:
            self.id_type.addItem(names[key], key)
        self.name.setPlaceholderText(self.tr("姓名，按证件填写") if kind == "person"
                                     else self.tr("单位全称，按营业执照填写"))
        self.contact.setPlaceholderText(self.tr("经办人姓名（单位申请必填）") if kind != "person"
                                        else self.tr("代办人姓名（可不填）"))

    # --- actions -------------------------------------------------------------------------
    def mark_all_received(self) -> None:
        """F6: every material received; the focus moves on to the fees (Shift+Tab goes back
        to the checklist)."""
        for row in self.materials:
            row.state.setCurrentIndex(row.state.findData("received"))
        self._say(self.tr("已将全部材料标为“已收”，请逐项核对原件"), "#1b5e20")
        if self.materials:
            target = self.fees.first_input() or self.reason
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def intake(self, decision: str) -> Intake:
        """What the form says, as the core service takes it."""
        materials = []
        for row in self.materials:
            state = row.state.currentData()
            promised = row.promised_by.date().toPython() if state == "deferred" else None
            materials.append(MaterialInput(
                row.position, state, row.form.currentData(), row.copies.value(),
                row.reason.text(), promised if isinstance(promised, date) else None))
        applicant = ApplicantInput(self.kind.currentData() or "person", self.name.text(),
                                   self.id_type.currentData() or "", self.id_number.text(),
                                   self.phone.text(), self.address.text(), self.contact.text())
        return Intake(self.item_code, applicant, decision, self.project.text(),
                      item_version=None if self.reopen_number else self.item_version,
                      materials=tuple(materials),
                      fees=self.fees.fee_inputs() if decision == "accept" else (),
                      reason=self.reason.text(), reopen=self.reopen_number)

    def ask_decision(self, decision: str) -> None:
        """Check what can be checked here, then ask once (Enter confirms, Esc backs out)."""
        self.message.next_action()
        if not self.item_code:
            self._say(self.tr("请先选择事项"), "#b00020")
            self.item.setFocus()
            return
        blocking = [r.name for r in self.materials if r.required
                    and r.state.currentData() in ("missing", "nonconforming")]
        if decision == "accept" and blocking:
            self._say(self.tr("必需材料未收齐或不符合要求，不能受理，请通知补正（F10）：{names}").format(
                names="、".join(blocking)), "#b00020")
            return
        if decision == "correction" and not any(
                r.state.currentData() in ("missing", "nonconforming") for r in self.materials):
            self._say(self.tr("材料已齐全且符合要求，无需补正"), "#b00020")
            return
        blocked = self.page_set.blockers() if self.page_set is not None else []
        if decision == "accept" and blocked:
            self._say(self.tr("页面需要先核对（F3）：{problems}").format(
                problems="；".join(blocked[:3])), "#b00020")
            return
        if decision == "accept" and self.fees.assessment is None:
            self._say(self.tr("收费核定未完成：{problem}").format(
                problem=self.fees.message.text() or self.tr("请填写收费项目")), "#b00020")
            return
        if decision == "refuse" and not self.reason.text().strip():
            self._say(self.tr("不予受理须写明理由（写入决定书）"), "#b00020")
            self.reason.setFocus()
            return
        texts = {
            "accept": self.tr("受理：生成受理号和查询码，打印受理通知书，收费送收费窗口。确认？"),
            "correction": self.tr("通知补正：打印补正材料通知书，一次性列明全部需补正的材料。确认？"),
            "refuse": self.tr("不予受理：打印不予受理决定书。确认？"),
        }
        self.pending_decision = decision
        self.confirm_text.setText(texts[decision])
        self.confirm_bar.show()
        self.confirm_button.setFocus()

    def cancel_decision(self) -> None:
        self.pending_decision = ""
        self.confirm_bar.hide()
        self.reason.setFocus()

    def escape(self) -> None:
        if self.confirm_bar.isVisible():
            self.cancel_decision()
        elif self._dirty():
            if confirm(self, self.tr("放弃本次录入"),
                       self.tr("已填写的事项、申请人、材料和收费将全部清空，重新开始一件。"),
                       self.tr("放弃并重新开始")):
                self.new_intake()
        else:
            self.item.setFocus()

    def _dirty(self) -> bool:
        return bool(self.item_code or self.name.text() or self.id_number.text())

    def confirm_decision(self) -> None:
        decision, self.pending_decision = self.pending_decision, ""
        self.confirm_bar.hide()
        if not decision:
            return
        intake = self.intake(decision)
        store, actor, hall, data_dir = (self.counter.store, self.actor,
                                        hall_info(self.counter.settings), self.counter.data_dir)
        page_set = self.page_set

        def work(ctx: object) -> IntakeResult:
            nonlocal intake
            if page_set is not None:  # each material's pages, in the page list's order
                by_material = page_set.pages_by_material()
                intake = replace(intake, materials=tuple(
                    replace(m, pages=tuple(PageInput(b) for b in by_material.get(m.position, [])))
                    for m in intake.materials))
            with store.transaction() as s:
                return record_intake(s, actor, hall, data_dir, intake)

        self._say(self.tr("正在办理…"), "#555")
        self.jobs.db(work, success=self._recorded, failure=self._refused)

    def _refused(self, exc: BaseException) -> None:
        """Nothing was saved: show every problem, keep the form as it was."""
        if isinstance(exc, InvalidInput):
            lines = [f"• {p.message}" for p in exc.problems]
            self._say(self.tr("未办理，请修改后再试：") + "\n" + "\n".join(lines), "#b00020")
        else:
            self._failed(exc)

    def _recorded(self, result: IntakeResult) -> None:
        self.last_result = result
        if result.status != "refused" and self.page_set is not None:
            self.page_set.discard()  # the pages now belong to the case (case_page rows)
            self._close_pages()
            self.page_set = None
        if result.status == "accepted":
            due = (result.promised_date.isoformat() if result.promised_date
                   else self.tr("暂无法确定（{why}）").format(why=result.deadline_error))
            text = self.tr("已受理　受理号 {number}　查询码 {code}　承诺办结 {due}").format(
                number=result.case_number, code=result.query_code, due=due)
        elif result.status == "correction":
            text = self.tr("已通知补正　受理号 {number}（补正后沿用）").format(
                number=result.case_number)
        else:
            text = self.tr("不予受理　登记号 {number}").format(number=result.case_number)
        self._result_text = text + "\n" + self.tr("通知书 {notice}").format(
            notice=result.notice_number)
        if self._has_fees(result):
            self._result_text += self.tr("　缴款通知书：F8")
        self.message.next_action()
        self.message.show_result(self._result_text)
        self.reprint_button.setEnabled(True)
        self.reprint_button.setToolTip("")
        # 一次一评: the applicant rates the visit; only accepted cases reach the server
        self.rate_button.setEnabled(result.status == "accepted")
        self.reopen_number = None
        self.payment_button.setEnabled(result.status == "accepted" and self._has_fees(result))
        self.case_recorded.emit(result.case_number)
        self.print_notice(result.notice_id, reprint=False)
        # The case is done: the form is empty for the next applicant (nothing of this case's
        # quantities, reductions or applicant carries over); the result stays on screen.
        self._reset_form()
        self.item.setFocus()

    # --- 好差评 --------------------------------------------------------------------------
    def ask_rating(self) -> None:
        """Turn the rating screen to the applicant (a second screen if there is one)."""
        result = self.last_result
        if result is None or result.status != "accepted":
            self._say(self.tr("受理一件后才能请申请人评价"), "#b26a00")
            return
        visit = Visit(result.case_id, result.case_number, self.actor.username,
                      self.actor.full_name, self.counter.settings.counter.id)
        self.rating_screen = RatingScreen(self.counter, self.jobs, self.actor, visit, self)
        self.rating_screen.on_saved = lambda _level: self.rate_button.setEnabled(False)
        self.rating_screen.show_to_applicant()

    # --- notices -------------------------------------------------------------------------
    def ask_reprint(self) -> None:
        if self.last_result is None:
            self._say(self.tr("还没有办理过，没有可重打的通知书"), "#b26a00")
            return
        if confirm(self, self.tr("重打通知书"),
                   self.tr("重打 {notice}：重打件标注“重打”，并记入审计。").format(
                       notice=self.last_result.notice_number),
                   self.tr("重打")):
            self.print_notice(self.last_result.notice_id, reprint=True)

    def print_notice(self, notice_id: str, *, reprint: bool) -> None:
        """Save the notice as a PDF under the data directory, then print it on A4."""
        store, actor = self.counter.store, self.actor

        def content(ctx: object) -> dict[str, Any]:
            with store.transaction() as s:
                return notice_for_print(s, actor, notice_id, reprint=reprint)

        self.jobs.db(content, success=self._lay_out, failure=self._failed)

    def _has_fees(self, result: IntakeResult) -> bool:
        return result.status == "accepted" and result.fee_total > 0

    def print_payment_notice(self) -> None:
        """F8: the 缴款通知书 of the case just accepted, for the applicant to pay at the cashier
        (A4, through the same path as the other notices)."""
        result = self.last_result
        if result is None or not self._has_fees(result):
            self._say(self.tr("受理一件有收费的事项后，才能打印缴款通知书"), "#b26a00")
            return
        store, hall, number = (self.counter.store, hall_info(self.counter.settings),
                               result.case_number)

        def content(ctx: object) -> dict[str, Any]:
            with store.transaction() as s:
                return payment_notice(s, number, hall)

        self.jobs.db(content, success=self._lay_out, failure=self._failed)

    def _lay_out(self, c: dict[str, Any]) -> None:
        """Write one notice's PDF on the job pool; then offer it to a printer."""
        folder = self.notice_dir
        font = document_font()
        html, images = notice_document(c)
        suffix = f"-重打{c['reprint']}" if c.get("reprint") else ""
        path = folder / f"{c['case_number']}-{c['kind']}{suffix}.pdf"

        def write(ctx: object) -> Path:
            folder.mkdir(parents=True, exist_ok=True)
            print_document(pdf_printer(path), html, images, font)
            return path

        title = {"accept": self.tr("受理通知书"), "correction": self.tr("补正材料通知书"),
                 "refuse": self.tr("不予受理决定书"),
                 "payment": self.tr("缴款通知书")}.get(c["kind"], c["title"])

        def written(p: Path) -> None:
            self.last_pdf = p
            self._say(self.tr("{title}已生成：{path}").format(title=title, path=p), "#1b5e20")
            if self.message.kind == "result":  # the result stays; the file joins it
                self.message.show_result(self._result_text + "\n" + self.tr(
                    "{title}已生成：{path}").format(title=title, path=p.name))
            if self.ask_printer:
                self._print_on_paper(html, images, font)

        self.jobs.background(write, success=written, failure=self._failed)

    def _print_on_paper(self, html: str, images: dict[str, bytes], font: QFont) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_a4(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印通知书"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.jobs.background(lambda ctx: print_document(printer, html, images, font),
                                 failure=self._failed)

    # --- pages ---------------------------------------------------------------------------
    def open_pages(self) -> None:
        """The page workspace for this application (F3): camera, import, corners, sections."""
        if not self.item_code:
            self._say(self.tr("请先选择事项，再拍摄或导入页面"), "#b00020")
            return
        if self.page_set is None:
            self.page_set = PageSet(self.counter.data_dir, get_profile(self.page_profile))
        if self.page_dialog is None:
            dialog = QDialog(self)
            dialog.setWindowTitle(self.tr("页面"))
            dialog.resize(1000, 700)
            self.page_workspace = PageWorkspace(
                self.page_set, self.jobs, camera=self.counter.settings.camera.device,
                project=self.project.text(),
                materials=[(r.position, r.name) for r in self.materials], parent=dialog)
            box = QVBoxLayout(dialog)
            box.setContentsMargins(4, 4, 4, 4)
            box.addWidget(self.page_workspace)
            dialog.finished.connect(self._pages_closed)
            self.page_dialog = dialog
        self.page_dialog.show()
        self.page_dialog.activateWindow()

    def _pages_closed(self) -> None:
        self._close_pages()
        if self.page_set is not None:
            pages = self.page_set.snapshot()
            self._say(self.tr("页面 {n} 张已保存").format(n=len(pages)), "#1b5e20")
            self.show_page_counts([p.material_position for p in pages])

    def show_page_counts(self, positions: list[int | None]) -> None:
        """The checklist shows how many pages each material has (from the page workspace)."""
        for pos, (label, text) in enumerate(getattr(self, "material_labels", [])):
            n = positions.count(pos)
            label.setText(text + (self.tr("　页面 {n} 张").format(n=n) if n else ""))

    def _close_pages(self) -> None:
        if self.page_workspace is not None:
            self.page_workspace.close_camera()
        if self.page_dialog is not None:
            dialog, self.page_dialog, self.page_workspace = self.page_dialog, None, None
            dialog.hide()
            dialog.deleteLater()

    # --- starting over / coming back -------------------------------------------------------
    def new_intake(self) -> None:
        """A clean form for the next applicant (Ctrl+N): the last result goes too."""
        self._reset_form()
        self.message.next_action()
        self._result_text = ""
        self.item.setFocus()

    def _reset_form(self) -> None:
        """Every field of the form back to empty (the result area is left as it is)."""
        self.reopen_number = None
        self.item_code, self.item_version = "", None
        self.item.setCurrentIndex(-1)
        self.item.setEditText("")
        self.item_info.setText("")
        for edit in (self.project, self.name, self.id_number, self.phone, self.contact,
                     self.address, self.reason):
            edit.clear()
        self.kind.setCurrentIndex(0)
        self._close_pages()
        self.page_set = None  # a draft left unaccepted stays on disk (page-drafts/)
        self._show_materials([], None)
        self.fees.clear()

    def prefill(self, draft: dict[str, Any]) -> None:
        """A fresh form filled from an online application (网上申报): item, applicant and
        project; the clerk checks the papers and decides as for any application."""
        self.new_intake()
        self.choose_item(str(draft.get("item", "")))
        a = draft.get("applicant", {})
        if a.get("kind"):
            self.kind.setCurrentIndex(max(0, self.kind.findData(a["kind"])))
        if a.get("id_type"):
            self.id_type.setCurrentIndex(max(0, self.id_type.findData(a["id_type"])))
        for edit, key in ((self.name, "name"), (self.id_number, "id_number"),
                          (self.phone, "phone"), (self.contact, "contact"),
                          (self.address, "address")):
            edit.setText(str(a.get(key, "")))
        self.project.setText(str(draft.get("project_name", "")))

    def reopen(self, number: str) -> None:
        """Load a correction case the applicant came back with: same number, its checklist."""
        store = self.counter.store

        def load(ctx: object) -> tuple[dict[str, Any], tuple[str, int, dict[str, Any], str]]:
            with store.transaction() as s:
                case = get_case(s, number)
                detail = case_detail(s, case)
                row = catalog.get_item(s, case.item_code, case.item_version)
                dept = catalog.departments(s).get(row.department, "")
                return detail, (row.code, row.version, dict(row.definition), dept)

        self.jobs.db(load, success=self._reopened, failure=self._failed)

    def _reopened(self, loaded: tuple[dict[str, Any], tuple[str, int, dict[str, Any], str]]
                  ) -> None:
        detail, item = loaded
        if detail["status"] != "correction":
            self._say(self.tr("受理件 {number} 不是待补正状态，不能重新受理").format(
                number=detail["case_number"]), "#b00020")
            return
        self.new_intake()
        self.reopen_number = detail["case_number"]
        self.item.blockSignals(True)
        self.item.setCurrentIndex(self.item.findData(item[0]))
        self.item.blockSignals(False)
        a = detail["applicant"]
        self.kind.setCurrentIndex(self.kind.findData(a["kind"]))
        self.id_type.setCurrentIndex(self.id_type.findData(a["id_type"]))
        for edit, key in ((self.name, "name"), (self.id_number, "id_number"),
                          (self.phone, "phone"), (self.contact, "contact"),
                          (self.address, "address")):
            edit.setText(a[key])
        self.project.setText(detail["project_name"])
        self._show_item(item, detail["materials"])
        self.message.show_info(self.tr("补正后重新受理：受理号 {number}").format(
            number=self.reopen_number))
        self.all_received.setFocus()

    # --- messages ------------------------------------------------------------------------
    def _say(self, text: str, colour: str) -> None:
        """Red and amber are errors (they stay until read); anything else is a note."""
        if colour in ("#b00020", "#b26a00"):
            self.message.show_error(text)
        else:
            self.message.show_info(text)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The field that takes the focus is scrolled into view."""
        if new is not None and self.scroll.widget() is not None and \
                self.scroll.widget().isAncestorOf(new):
            # after the layout has placed rows that were just made (a new item's fees)
            QTimer.singleShot(0, lambda: self._show_field(new))

    def _show_field(self, widget: QWidget) -> None:
        if QApplication.focusWidget() is widget:
            if self.fees.isAncestorOf(widget):  # the whole fee table in view, if it fits
                self.scroll.ensureWidgetVisible(self.fee_box, 0, 0)
            self.scroll.ensureWidgetVisible(widget, 40, 60)

    def _failed(self, exc: BaseException) -> None:
        self._say(error_text(exc), "#b00020")
