"""The catalog browser: search items by name, code or department, read an item's materials,
fees, flow and limits, and print its one-time notice (一次性告知单) on A4."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import catalog
from hall_client.core.catalog import ItemSummary
from hall_client.core.counter import Counter
from hall_client.gui.html_print import pdf_printer, print_html, setup_a4
from hall_client.gui.jobs import JobRunner, Operation
from hall_client.gui.resources import category_label, document_font
from hall_client.gui.table_model import Column, RecordTableModel, record_view
from hall_client.gui.widgets.confirm import tell
from hall_client.gui.widgets.form_dialog import FormDialog, error_text
from hall_client.gui.widgets.rare_char import NameEdit
from hall_client.printing.notice import item_html


def catalog_model(parent: Any = None) -> RecordTableModel[ItemSummary]:
    """The catalog table: one row per current item version, the name first (the code is a
    second column); every cell's full text is its tooltip."""
    days = QCoreApplication.translate("CatalogBrowser", "{n} 个工作日")
    limits = QCoreApplication.translate("CatalogBrowser", "{p} / {l} 个工作日")
    tip = lambda r: f"{r.name}（{r.code} v{r.version}）\n{r.department_name}"  # noqa: E731
    return RecordTableModel([
        Column(QCoreApplication.translate("CatalogBrowser", "事项名称"), lambda r: r.name, tip),
        Column(QCoreApplication.translate("CatalogBrowser", "事项编码"), lambda r: r.code, tip),
        Column(QCoreApplication.translate("CatalogBrowser", "实施部门"), lambda r: r.department_name,
               lambda r: r.department_name),
        Column(QCoreApplication.translate("CatalogBrowser", "承诺/法定时限"),
               lambda r: limits.format(p=r.promised_limit_days, l=r.legal_limit_days),
               lambda r: category_label(r.category) + "\n" + days.format(n=r.promised_limit_days)),
    ], parent)


#: The name column is never narrower than this (a long name wraps onto a second line).
NAME_MIN_WIDTH = 220


class NoticeForDialog(FormDialog):
    """Whom the one-time notice is for (告知对象): written on it exactly, or left off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("打印一次性告知单"), parent, ok_text=self.tr("打印…"))
        self.applicant = NameEdit()
        self.applicant.setObjectName("noticeApplicant")
        self.applicant.setPlaceholderText(self.tr("申请人或单位名称（可不填）"))
        self.add_field("applicant", self.tr("告知对象："), self.applicant)


class CatalogBrowser(QWidget):
    """Search box, item table, and the selected item's notice."""

    item_shown = Signal(str)

    def __init__(self, counter: Counter, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs = counter, jobs
        self.current_html = ""
        self.current_print_html = ""
        self.current_code = ""
        #: the shown item's notice, ready to be laid out again for a named applicant
        self._print_args: tuple[dict[str, Any], dict[str, Any]] | None = None
        self.search = QLineEdit()
        self.search.setObjectName("catalogSearch")
        self.search.setPlaceholderText(
            self.tr("事项名称、编码、拼音首字母（sgxk）、全拼或部门简称（住建）"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.model = catalog_model(self)
        self.table = record_view(self.model)
        self.table.setObjectName("catalogTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)  # long names wrap instead of being cut off
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.detail = QTextBrowser()
        self.detail.setObjectName("catalogDetail")
        self.print_button = QPushButton(self.tr("打印一次性告知单…"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_notice)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("搜索：")))
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("一次性告知单（交给申请人的中文文书）："))
        caption.setWordWrap(True)
        right_layout.addWidget(caption)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignRight)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setSizes([560, 450])
        self.split = split
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        # a wrapped name takes the rows' height from the name column's width, once it is known
        self._fit_rows = QTimer(self, singleShot=True, interval=0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        self.table.horizontalHeader().sectionResized.connect(
            lambda *_: self._fit_rows.start())
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.refresh()

    def refresh(self) -> None:
        text, store = self.search.text(), self.counter.store

        def load(ctx: object) -> list[ItemSummary]:
            with store.transaction() as s:
                return catalog.summaries(s, text)

        self.jobs.db(load, success=self._loaded)

    def _loaded(self, rows: list[ItemSummary]) -> None:
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        self.table.horizontalHeader().setMinimumWidth(NAME_MIN_WIDTH)
        self._fit_rows.start()
        self.count.setText(self.tr("共 {n} 项").format(n=len(rows)))
        if rows:
            codes = [r.code for r in rows]
            row = codes.index(self.current_code) if self.current_code in codes else 0
            self.table.selectRow(row)
            if codes[row] != self.current_code:  # the detail follows the new first row even
                self._row_changed(self.model.index(row, 0), QModelIndex())  # at the same index
        else:
            self.detail.setHtml(self.tr("<p>没有符合条件的事项。</p>"))
            self.print_button.setEnabled(False)

    def show_code(self, code: str) -> None:
        """Select the item ``code`` if it is in the current list."""
        for i in range(self.model.total()):
            if self.model.row(i).code == code:
                while self.model.rowCount() <= i:
                    self.model.fetchMore(QModelIndex())
                self.table.selectRow(i)
                return

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        code, store = self.model.row(current.row()).code, self.counter.store
        settings = self.counter.settings
        hall = settings.hall.name
        window = f"{settings.counter.name}（{settings.counter.id}）"

        def load(ctx: object) -> tuple[str, str, str, tuple[dict[str, Any], dict[str, Any]]]:
            with store.transaction() as s:
                row = catalog.get_item(s, code)
                depts = catalog.departments(s)
                kw: dict[str, Any] = dict(version=row.version, departments=depts,
                                          hall_name=hall)
                # on screen the clerk sees who holds each post; the printed notice, which
                # the applicant takes home, names the window and the hall's phone instead
                printed: dict[str, Any] = dict(kw, for_print=True, people={}, counter=window,
                                               hall_phone=catalog.hall_phone(s, hall))
                definition = dict(row.definition)
                return (code, item_html(definition, people=catalog.people_names(s), **kw),
                        item_html(definition, **printed), (definition, printed))

        self.jobs.db(load, success=self._show)

    def _show(self, result: tuple[str, str, str, tuple[dict[str, Any], dict[str, Any]]]
              ) -> None:
        self.current_code, self.current_html, self.current_print_html, self._print_args = \
            result
        self.detail.setHtml(self.current_html)
        self.print_button.setEnabled(True)
        self.item_shown.emit(self.current_code)

    def _print_job(self, printer: QPrinter, applicant: str = "") -> Operation:
        """Lay out and print the current notice off the GUI thread (painting on a QPrinter is
        allowed in any thread; the document is made in the worker that uses it)."""
        html, font, args = self.current_print_html, document_font(), self._print_args

        def work(ctx: object) -> None:
            text = html
            if applicant.strip() and args is not None:
                text = item_html(args[0], applicant=applicant, **args[1])
            print_html(text, printer, font)

        return self.jobs.background(
            work, failure=lambda exc: tell(
                self, self.tr("打印失败"), self.tr("一次性告知单未能打印：{error}").format(
                    error=error_text(exc)), error=True))

    def print_to_pdf(self, path: Path, applicant: str = "") -> Operation:
        """Print the current notice on A4 into a PDF file (used by tests and 'save as PDF')."""
        return self._print_job(pdf_printer(path), applicant)

    def print_notice(self) -> None:
        """Ask whom it is for (a FormDialog: Enter prints, Esc backs out), then the printer."""
        ask = NoticeForDialog(self)
        if ask.exec() != NoticeForDialog.DialogCode.Accepted:
            return
        applicant = ask.applicant.text()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_a4(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印一次性告知单"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._print_job(printer, applicant)
