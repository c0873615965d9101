"""出件: the collection queue — results back at the window — and the steps that finish a case:
print the licence (F6), hand over (F2), text a collection code (F3), revoke (F9), the printed
licences with those already collected (F10). The queue shows this counter's cases (the server
records the accepting counter); F4 switches to the whole hall's. ID and phone numbers are
masked in the list and whole only in the selected case's details. F7 and F8 belong to the
window-wide notice bar (sync notices)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.core.privacy import mask_id_number, mask_phone
from hall_client.core.results import collection as C
from hall_client.core.results.licences import FEE_TEXT, ResultCase, ResultError
from hall_client.core.results.queue import REMEDIES, QueueEntry, collection_queue
from hall_client.core.settings import SHANGHAI
from hall_client.gui.completion.dialogs import CollectionDialog, LicenceDialog, RevokeDialog
from hall_client.gui.completion.licence_print import (
    PrintedLicence,
    SendToPrinter,
    issue_and_print,
    print_refusal,
    printer_sender,
)
from hall_client.gui.completion.revoke import IssuedLicencesDialog
from hall_client.gui.jobs import JobRunner
from hall_client.gui.resources import document_font
from hall_client.gui.table_model import Column, RecordTableModel, record_view
from hall_client.gui.widgets.form_dialog import error_text
from hall_client.gui.widgets.message_area import MessageArea


def _fee(e: QueueEntry) -> str:
    if e.refused:
        return "—"
    label = {"paid": QCoreApplication.translate("CompletionWorkspace", "已缴费"), "waiting": QCoreApplication.translate("CompletionWorkspace", "待缴费"), "exempt": QCoreApplication.translate("CompletionWorkspace", "免费")}
    text = label.get(e.case.fee_state, FEE_TEXT.get(e.case.fee_state, ""))
    return f"{text} {e.case.fee_total:.2f}" if e.case.fee_state == "waiting" else text


def _sms(e: QueueEntry) -> str:
    if e.code_sent:
        return QCoreApplication.translate("CompletionWorkspace", "领取码 {time}").format(time=e.code_sent.astimezone(SHANGHAI).strftime("%m-%d %H:%M"))
    return QCoreApplication.translate("CompletionWorkspace", "已通知") if e.sms_sent else QCoreApplication.translate("CompletionWorkspace", "未通知")


def _applicant_field(e: QueueEntry, key: str) -> str:
    return str(e.case.applicant.get(key) or "")


def _id_shown(e: QueueEntry) -> str:
    """A person's ID number masked; an organisation's credit code is public and stays whole."""
    number = _applicant_field(e, "id_number")
    return number if _applicant_field(e, "id_type") == "uscc" else mask_id_number(number)


def this_counter_code(counter: Counter) -> str:
    """This counter's code on the server: the registration's, else the configured one."""
    from hall_client.sync.credential import CredentialFile

    try:
        registration = CredentialFile(counter.data_dir).load()
    except Exception:  # an unreadable registration: the sync status says so; use settings
        registration = None
    return registration.counter if registration is not None else counter.settings.counter.id


def _result(e: QueueEntry) -> str:
    if e.refused:
        return QCoreApplication.translate("CompletionWorkspace", "不予许可")
    if e.licence_state == "issued":
        return QCoreApplication.translate("CompletionWorkspace", "已制证 {number}").format(number=e.licence_number)
    if e.licence_state == "prepared":
        return QCoreApplication.translate("CompletionWorkspace", "待打印 {number}").format(number=e.licence_number)
    return QCoreApplication.translate("CompletionWorkspace", "待制证")


class CompletionWorkspace(QWidget):
    """The clerk's window for results: who is waiting, since when, paid or not."""

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor,
                 parent: QWidget | None = None,
                 printer: Callable[[QFont], SendToPrinter] | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.printer = printer or (lambda font: printer_sender(QPrinter(), font))
        self.entries: list[QueueEntry] = []
        self.model: RecordTableModel[QueueEntry] = RecordTableModel([
            Column(QCoreApplication.translate("CompletionWorkspace", "受理号"), lambda e: e.case.case_number),
            Column(QCoreApplication.translate("CompletionWorkspace", "事项"), lambda e: e.case.item_name),
            Column(QCoreApplication.translate("CompletionWorkspace", "申请人"), lambda e: e.case.applicant_name),
            Column(QCoreApplication.translate("CompletionWorkspace", "证件号码"), _id_shown),
            Column(QCoreApplication.translate("CompletionWorkspace", "电话"),
                   lambda e: mask_phone(_applicant_field(e, "phone"))),
            Column(QCoreApplication.translate("CompletionWorkspace", "缴费"), _fee),
            Column(QCoreApplication.translate("CompletionWorkspace", "短信"), _sms),
            Column(QCoreApplication.translate("CompletionWorkspace", "等待天数"), lambda e: "" if e.days_waiting is None else e.days_waiting),
            Column(QCoreApplication.translate("CompletionWorkspace", "结果"), _result),
        ], self)
        self.view = record_view(self.model)
        self.view.setObjectName("collectionQueue")
        header = self.view.horizontalHeader()
        for column, width in ((1, 128), (2, 118)):  # item and applicant: whole in the details
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.messages = MessageArea(self)
        self.messages.setMinimumHeight(64)  # a result in large type stays whole at 1024×768
        self.detail = QLabel()
        self.detail.setObjectName("completionDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counter_code = counter.settings.counter.id
        self.whole_hall = QCheckBox(self.tr("显示全大厅的案件 (F4)"))
        self.whole_hall.setObjectName("completion:wholeHall")
        self.whole_hall.toggled.connect(lambda _on: self.refresh())
        self.scope = QLabel()
        self.scope.setObjectName("completionScope")
        head = QHBoxLayout()
        title = QLabel(self.tr("出件：审批结果回到窗口，待申请人领取"))
        title.setStyleSheet("font-size:12pt;font-weight:bold")
        head.addWidget(title)
        head.addWidget(self.scope, 1)
        head.addWidget(self.whole_hall)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, key, slot in (
                ("refresh", self.tr("刷新 (F5)"), Qt.Key.Key_F5, self.refresh),
                ("print", self.tr("制证打印 (F6)"), Qt.Key.Key_F6, self.print_licence),
                ("collect", self.tr("领取登记 (F2)"), Qt.Key.Key_F2, self.collect),
                ("sms", self.tr("发送领取码 (F3)"), Qt.Key.Key_F3, self.send_code),
                ("revoke", self.tr("撤销证照 (F9)"), Qt.Key.Key_F9, self.revoke),
                ("issued", self.tr("已发证照 (F10)"), Qt.Key.Key_F10, self.show_issued)):
            button = QPushButton(text)
            button.setObjectName(f"completion:{name}")
            button.clicked.connect(slot)
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.buttons[name] = button
            bar.addWidget(button)
        toggle = QAction(self)
        toggle.setShortcut(QKeySequence(Qt.Key.Key_F4))
        toggle.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        toggle.triggered.connect(self.whole_hall.toggle)
        self.addAction(toggle)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.messages)
        self.refresh()

    # -- the queue ---------------------------------------------------------------------------
    def refresh(self) -> None:
        counter, whole = self.counter, self.whole_hall.isChecked()

        def load(ctx: object) -> tuple[str, list[QueueEntry]]:
            code = this_counter_code(counter)
            with counter.store.transaction() as s:
                return code, collection_queue(s, counter=None if whole else code)

        self.jobs.db(load, success=self._loaded, failure=self._failed)

    def _loaded(self, loaded: tuple[str, list[QueueEntry]]) -> None:
        self.counter_code, entries = loaded
        self.scope.setText(self.tr("全大厅的待领取结果") if self.whole_hall.isChecked() else
                           self.tr("本窗口（{code}）受理的案件").format(code=self.counter_code))
        current = self.current()
        self.entries = entries
        self.model.set_rows(entries)
        if entries:
            row = next((i for i, e in enumerate(entries)
                        if current is not None and e.case.id == current.case.id), 0)
            self.view.selectRow(row)
        self._show_detail()

    def current(self) -> QueueEntry | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        return self.entries[index.row()]

    def select_case(self, case_number: str) -> None:
        for i, e in enumerate(self.entries):
            if e.case.case_number == case_number:
                self.view.selectRow(i)
                return

    def _show_detail(self) -> None:
        e = self.current()
        refused = e is not None and e.refused
        for name in ("sms", "collect", "revoke"):
            self.buttons[name].setEnabled(e is not None and not refused)
            self.buttons[name].setToolTip(self.tr("不予许可的案件：交付不予许可决定书")
                                          if refused else "")
        self.buttons["print"].setEnabled(e is not None)
        self.buttons["print"].setText(self.tr("打印决定书 (F6)") if refused
                                      else self.tr("制证打印 (F6)"))
        if e is None:
            self.detail.setText(self.tr("没有待领取的结果") if self.whole_hall.isChecked() else
                                self.tr("本窗口没有待领取的结果（F4 显示全大厅的案件）"))
            return
        who = self.tr("{name} · 证件 {id_number} · 电话 {phone}").format(
            name=e.case.applicant_name, id_number=_applicant_field(e, "id_number") or "—",
            phone=_applicant_field(e, "phone") or "—")
        if refused:
            self.detail.setText(who + "\n" + self.tr(
                "不予许可决定书 {number} · 理由：{reason}\n{remedies}").format(
                number=e.case.decision_number or self.tr("（文号待同步）"),
                reason=e.case.reason or "—", remedies=REMEDIES))
        else:
            unpaid = e.case.fee_state == "waiting"
            self.detail.setText(who + "\n" + self.tr("{item} · {project}{unpaid}").format(
                item=e.case.item_name, project=e.case.project_name,
                unpaid=self.tr("\n尚未缴费：请申请人先到收费窗口缴纳 {amount} 元，缴费后才能制证、领取")
                .format(amount=f"{e.case.fee_total:.2f}") if unpaid else ""))

    def _need(self) -> QueueEntry | None:
        """The selected case, for a new action (earlier results and errors are done with)."""
        self.messages.next_action()
        e = self.current()
        if e is None:
            self.messages.show_error(self.tr("请先在列表中选择一个案件"))
        return e

    def _failed(self, exc: BaseException) -> None:
        self.messages.show_error(error_text(exc))

    def _said(self, text: str) -> None:
        self.messages.show_result(text)

    # -- licence -----------------------------------------------------------------------------
    def print_licence(self) -> None:
        e = self._need()
        if e is None:
            return
        if e.refused:
            self._print_refusal(e.case, document_font())
            return
        if e.case.fee_state == "waiting":
            self._failed(ResultError(self.tr("该案件应收 {amount} 元尚未缴清，请先到收费窗口缴费，"
                                          "缴费后才能制证").format(amount=f"{e.case.fee_total:.2f}"), code="fee_unpaid"))
            return
        font = document_font()
        if e.licence_state in ("issued", "prepared"):  # a reprint, or a print that failed
            self._run_print(e.case, {}, font)
            return
        self.dialog = LicenceDialog(self.counter, e.case, font, parent=self)
        self.dialog.accepted.connect(lambda: self._run_print(e.case, self.dialog.values(), font))
        self.dialog.open()

    def _run_print(self, case: ResultCase, values: dict[str, str], font: QFont) -> None:
        counter, actor, send = self.counter, self.actor, self.printer(font)

        def work(ctx: object) -> PrintedLicence:
            return issue_and_print(counter, actor, case.id, values, send, font)

        def failed(exc: BaseException) -> None:
            self._failed(exc)
            self.refresh()  # the number taken stays with the case: shown as 待打印

        self.messages.show_info(self.tr("正在打印…"))
        self.jobs.db(work, success=self._printed, failure=failed)

    def _printed(self, done: PrintedLicence) -> None:
        self._said(self.tr("证照 {number} 已打印（{holder}）{reprint}").format(
            number=done.number, holder=done.holder,
            reprint=self.tr("，重打第 {n} 次").format(n=done.reprint) if done.reprint else ""))
        self.refresh()

    def _print_refusal(self, case: ResultCase, font: QFont) -> None:
        counter, send = self.counter, self.printer(font)

        def work(ctx: object) -> str:
            print_refusal(counter, case, send, font, REMEDIES)
            return case.decision_number

        self.jobs.db(work, success=lambda number: self._said(
            self.tr("不予许可决定书 {number} 已打印（受理号 {case}）").format(
                number=number, case=case.case_number)), failure=self._failed)

    # -- SMS code ----------------------------------------------------------------------------
    def send_code(self) -> None:
        e = self._need()
        if e is None:
            return
        store, actor, case_id = self.counter.store, self.actor, e.case.id

        def send(ctx: object) -> str:
            with store.transaction() as s:
                C.send_collection_code(s, actor, case_id)
            return e.case.case_number

        self.jobs.db(send, success=lambda number: (self._said(
            self.tr("领取码已排队发送给 {number} 的申请人（联网后由中心发送短信）").format(
                number=number)), self.refresh()), failure=self._failed)

    # -- collection --------------------------------------------------------------------------
    def collect(self) -> None:
        e = self._need()
        if e is None:
            return
        if e.case.fee_state == "waiting":
            self._failed(ResultError(self.tr("尚未缴费，不能领取：请先到收费窗口缴费"), code="fee_unpaid"))
            return
        if e.licence_state != "issued":
            self._failed(ResultError(self.tr("证照尚未打印，请先制证打印 (F6)"),
                                     code="licence_not_issued"))
            return
        case = e.case
        self.collection = CollectionDialog(
            self.counter, self.jobs, case,
            lambda who, png: self._run_collect(case, who, png), parent=self)
        self.collection.open()

    def _run_collect(self, case: ResultCase, who: C.Collector, png: bytes) -> None:
        counter, actor = self.counter, self.actor

        def work(ctx: object) -> str:
            with counter.store.transaction() as s:
                C.collect(s, actor, case.id, who, png, data_dir=counter.data_dir)
            return who.name

        def done(name: str) -> None:
            self.collection.accept()
            self._said(self.tr("{number} 已由 {name} 领取，案件办结").format(
                number=case.case_number, name=name))
            self.refresh()

        self.jobs.db(work, success=done, failure=self.collection.refused)

    # -- revocation --------------------------------------------------------------------------
    def revoke(self) -> None:
        e = self._need()
        if e is None:
            return
        if e.licence_state != "issued":
            self._failed(ResultError(self.tr("该案件没有已发出的证照可撤销"),
                                     code="licence_not_issued"))
            return
        case, number = e.case, e.licence_number
        store = self.counter.store

        def standing(ctx: object) -> str:
            from hall_client.core.results.licences import current_licence

            with store.transaction() as s:
                licence = current_licence(s, case.id)
                if licence is None or licence.status != "issued":
                    raise ResultError(self.tr("该案件没有已发出的证照可撤销"),
                                      code="licence_not_issued")
                return licence.id

        def ask(licence_id: str) -> None:
            self.revocation = RevokeDialog(
                self.counter, self.jobs, self.actor, licence_id, number, case.applicant_name,
                on_revoked=lambda n: (self._said(
                    self.tr("证照 {number} 已撤销；按 F6 补发新证").format(number=n)),
                    self.refresh()), parent=self)
            self.revocation.open()

        self.jobs.db(standing, success=ask, failure=self._failed)

    def show_issued(self) -> None:
        """The printed licences, collected ones too, to revoke one after collection."""
        self.messages.next_action()
        self.issued = IssuedLicencesDialog(self.counter, self.jobs, self.actor, self.printer,
                                           parent=self)
        self.issued.finished.connect(lambda _r: self.refresh())
        self.issued.open()
