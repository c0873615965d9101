"""The catalog browser: search items by name, code or department, read an item's materials,
fees, flow and limits, and print its one-time notice (一次性告知单) on A4."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
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
from hall_client.gui.resources import category_label
from hall_client.gui.table_model import Column, RecordTableModel, record_view
from hall_client.gui.widgets.form_dialog import error_text
from hall_client.printing.notice import item_html


def catalog_model(parent: Any = None) -> RecordTableModel[ItemSummary]:
    """The catalog table: one row per current item version."""
    days = QCoreApplication.translate("CatalogBrowser", "{n} 个工作日")
    tip = lambda r: f"{r.name}（{r.code} v{r.version}）"  # noqa: E731
    return RecordTableModel([
        Column(QCoreApplication.translate("CatalogBrowser", "事项编码"), lambda r: r.code, tip),
        Column(QCoreApplication.translate("CatalogBrowser", "事项名称"), lambda r: r.name, tip),
        Column(QCoreApplication.translate("CatalogBrowser", "类别"),
               lambda r: category_label(r.category)),
        Column(QCoreApplication.translate("CatalogBrowser", "实施部门"), lambda r: r.department_name),
        Column(QCoreApplication.translate("CatalogBrowser", "法定时限"), lambda r: days.format(n=r.legal_limit_days)),
        Column(QCoreApplication.translate("CatalogBrowser", "承诺时限"), lambda r: days.format(n=r.promised_limit_days)),
    ], parent)


class CatalogBrowser(QWidget):
    """Search box, item table, and the selected item's notice."""

    item_shown = Signal(str)

    def __init__(self, counter: Counter, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs = counter, jobs
        self.current_html = ""
        self.current_print_html = ""
        self.current_code = ""
        self.search = QLineEdit()
        self.search.setObjectName("catalogSearch")
        self.search.setPlaceholderText(self.tr("按事项名称、编码或部门搜索"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.model = catalog_model(self)
        self.table = record_view(self.model)
        self.table.setObjectName("catalogTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
        split.setSizes([620, 660])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
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
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.count.setText(self.tr("共 {n} 项").format(n=len(rows)))
        if rows:
            codes = [r.code for r in rows]
            self.table.selectRow(codes.index(self.current_code)
                                 if self.current_code in codes else 0)
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
        hall = self.counter.settings.hall.name

        def load(ctx: object) -> tuple[str, str, str]:
            with store.transaction() as s:
                row = catalog.get_item(s, code)
                kw = dict(version=row.version, departments=catalog.departments(s),
                          people=catalog.people_names(s), hall_name=hall)
                return (code, item_html(row.definition, **kw),  # type: ignore[arg-type]
                        item_html(row.definition, for_print=True, **kw))  # type: ignore[arg-type]

        self.jobs.db(load, success=self._show)

    def _show(self, result: tuple[str, str, str]) -> None:
        self.current_code, self.current_html, self.current_print_html = result
        self.detail.setHtml(self.current_html)
        self.print_button.setEnabled(True)
        self.item_shown.emit(self.current_code)

    def _print_job(self, printer: QPrinter) -> Operation:
        """Lay out and print the current notice off the GUI thread (painting on a QPrinter is
        allowed in any thread; the document is made in the worker that uses it)."""
        html, font = self.current_print_html, QFont(self.font())

        def work(ctx: object) -> None:
            print_html(html, printer, font)

        return self.jobs.background(
            work, failure=lambda exc: QMessageBox.warning(
                self, self.tr("打印失败"), self.tr("一次性告知单未能打印：{error}").format(
                    error=error_text(exc))))

    def print_to_pdf(self, path: Path) -> Operation:
        """Print the current notice on A4 into a PDF file (used by tests and 'save as PDF')."""
        return self._print_job(pdf_printer(path))

    def print_notice(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_a4(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印一次性告知单"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._print_job(printer)
