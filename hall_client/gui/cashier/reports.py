"""收费报表: daily settlement (日结清), weekly bank reconciliation (周对账, with the bank's CSV)
and the monthly summary (月汇总) on screen, printed on A4 and exported to xlsx — all computed
by ``core.cashier_reports``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import cashier_reports as reports
from hall_client.core.cashier import METHODS
from hall_client.core.counter import Counter
from hall_client.core.settings import SHANGHAI
from hall_client.core.supervision.reports import people_names
from hall_client.gui.jobs import JobRunner
from hall_client.gui.resources import method_label
from hall_client.gui.supervision.common import ColouredModel
from hall_client.gui.supervision.printing import a4_printer, print_report
from hall_client.gui.table_model import Column, record_view
from hall_client.gui.widgets.form_dialog import error_text

KINDS = ("day", "week", "month")


def money(value: Decimal) -> str:
    return f"{value:,.2f}"


@dataclass
class ReportTable:
    """One report as the screen, the printer and the xlsx file see it."""

    title: str
    subtitle: str
    headers: list[str]
    rows: list[list[Any]]
    sheets: list[tuple[str, list[str], list[list[Any]]]] = field(default_factory=list)
    note: str = ""


def period_of(kind: str, day: date) -> tuple[date, date]:
    if kind == "day":
        return day, day
    if kind == "week":
        first = day - timedelta(days=day.weekday())
        return first, first + timedelta(days=6)
    first = day.replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def build_report(session: Any, kind: str, day: date, bank_csv: Path | None) -> ReportTable:
    """Run the core report for the period holding ``day`` (on the DB executor)."""
    first, last = period_of(kind, day)
    span = f"{first.isoformat()} — {last.isoformat()}"
    if kind == "month":
        summary = reports.month_summary(session, day.year, day.month)
        headers = [QCoreApplication.translate("CashierReports", "部门"), QCoreApplication.translate("CashierReports", "收费项目编码"),
                   QCoreApplication.translate("CashierReports", "收费项目"), QCoreApplication.translate("CashierReports", "笔数"),
                   QCoreApplication.translate("CashierReports", "金额（元）")]
        rows = [[ln.department, ln.fee_code, ln.fee_name, ln.count, ln.amount]
                for ln in summary.lines]
        refunds = sum(summary.refunds_by_department.values(), Decimal("0"))
        note = QCoreApplication.translate("CashierReports", "退款 {refunds} 元；实收合计 {total} 元；已打印票据 {printed} "
                  "张，作废 {spoiled} 张").format(refunds=money(refunds),
                                                  total=money(summary.total),
                                                  printed=summary.receipts_printed,
                                                  spoiled=summary.receipts_spoiled)
        return ReportTable(QCoreApplication.translate("CashierReports", "月汇总 {year}年{month}月").format(
            year=day.year, month=day.month), span, headers, rows,
            [(QCoreApplication.translate("CashierReports", "月汇总"), headers, rows)], note)
    lines = reports.settlement(session, first, last)
    names = people_names(session)
    headers = [QCoreApplication.translate("CashierReports", "收费员"), *[method_label(m) for m in METHODS],
               QCoreApplication.translate("CashierReports", "合计"), QCoreApplication.translate("CashierReports", "收款笔数"),
               QCoreApplication.translate("CashierReports", "作废笔数"), QCoreApplication.translate("CashierReports", "退款金额"),
               QCoreApplication.translate("CashierReports", "已打印票据"), QCoreApplication.translate("CashierReports", "作废票据"),
               QCoreApplication.translate("CashierReports", "现金差异")]
    rows = [[names.get(ln.who, ln.who), *ln.row()[1:]] for ln in lines]  # people by name
    title = QCoreApplication.translate("CashierReports", "日结清") if kind == "day" else QCoreApplication.translate("CashierReports", "周对账")
    table = ReportTable(title, span, headers, rows, [(title, headers, rows)])
    if kind == "week" and bank_csv is not None:
        bank = reports.parse_bank_csv(bank_csv.read_text(encoding="utf-8-sig"), bank_csv.name)
        match = reports.reconcile(session, bank, first, last)
        head = [QCoreApplication.translate("CashierReports", "结果"), QCoreApplication.translate("CashierReports", "日期"),
                QCoreApplication.translate("CashierReports", "流水号"), QCoreApplication.translate("CashierReports", "金额（元）"),
                QCoreApplication.translate("CashierReports", "缴款人")]
        rec = ([[QCoreApplication.translate("CashierReports", "已对上"), b.day.isoformat(), b.reference, b.amount,
                 o.payer] for b, o in match.matched]
               + [[QCoreApplication.translate("CashierReports", "银行有、本机无"), b.day.isoformat(), b.reference,
                   b.amount, ""] for b in match.bank_only]
               + [[QCoreApplication.translate("CashierReports", "本机有、银行无"), o.day.isoformat(), o.reference,
                   o.amount, o.payer] for o in match.ours_only])
        table.sheets.append((QCoreApplication.translate("CashierReports", "银行对账"), head, rec))
        table.note = QCoreApplication.translate("CashierReports", "银行流水 {n} 笔：对上 {ok} 笔，银行有本机无 {bank} 笔，"
                        "本机有银行无 {ours} 笔").format(
            n=len(bank), ok=len(match.matched), bank=len(match.bank_only),
            ours=len(match.ours_only))
        table.headers, table.rows = head, rec  # the screen shows the match; xlsx has both
    return table


def _cell(value: Any) -> Any:
    return money(value) if isinstance(value, Decimal) else value


class CashierReportsPanel(QWidget):
    def __init__(self, counter: Counter, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs = counter, jobs
        self.report: ReportTable | None = None
        self.bank_csv: Path | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for code, text in zip(KINDS, (self.tr("日结清"), self.tr("周对账"), self.tr("月汇总")),
                              strict=True):
            self.kind.addItem(text, code)
        today = datetime.now(SHANGHAI).date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.bank_button = QPushButton(self.tr("银行流水 CSV…"))
        self.bank_button.clicked.connect(self.choose_bank_csv)
        self.bank_label = QLabel()
        run = QPushButton(self.tr("生成报表 (Enter)"))
        run.setDefault(True)
        run.clicked.connect(self.load)
        export = QPushButton(self.tr("导出 xlsx (Ctrl+E)"))
        export.clicked.connect(lambda: self.export())
        printing = QPushButton(self.tr("打印 A4 (Ctrl+P)"))
        printing.clicked.connect(lambda: self.print_a4())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("报表：")))
        bar.addWidget(self.kind)
        bar.addWidget(QLabel(self.tr("日期：")))
        bar.addWidget(self.day)
        bar.addWidget(self.bank_button)
        bar.addWidget(self.bank_label)
        bar.addStretch(1)
        for b in (run, export, printing):
            bar.addWidget(b)
        self.title = QLabel()
        self.title.setObjectName("reportTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.model: ColouredModel[list[Any]] = ColouredModel([], self._colour, self)
        self.table = record_view(self.model)
        self.table.setObjectName("reportTable")
        self.note = QLabel()
        self.note.setObjectName("reportNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for keys, slot in (("Ctrl+E", lambda: self.export()), ("Ctrl+P", lambda: self.print_a4()),
                           ("Return", self.load), ("Enter", self.load)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._kind_changed()

    def _kind_changed(self) -> None:
        week = self.kind.currentData() == "week"
        self.bank_button.setVisible(week)
        self.bank_label.setVisible(week)

    @staticmethod
    def _colour(row: list[Any], column: int) -> QColor | None:
        text = str(row[0]) if row else ""
        if "无" in text and column == 0:
            return QColor("#c62828")
        return None

    def choose_bank_csv(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("选择银行流水"), "",
                                                  "CSV (*.csv)")
        if path:
            self.bank_csv = Path(path)
            self.bank_label.setText(self.bank_csv.name)

    def load(self) -> None:
        kind = self.kind.currentData()
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        bank = self.bank_csv if kind == "week" else None
        store = self.counter.store

        def work(ctx: object) -> ReportTable:
            with store.transaction() as s:
                return build_report(s, kind, day, bank)

        self.note.setStyleSheet("")
        self.note.setText(self.tr("正在生成…"))
        self.jobs.db(work, success=self.show_report, failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.note.setStyleSheet("color: #b00020;")
        self.note.setText(error_text(exc))

    def show_report(self, report: ReportTable) -> None:
        self.report = report
        self.model.columns = [Column(h, lambda r, i=i: _cell(r[i]) if i < len(r) else "")
                              for i, h in enumerate(report.headers)]
        self.model.set_rows(report.rows)
        self.title.setText(f"{report.title}  {report.subtitle}")
        self.note.setStyleSheet("")
        self.note.setText(report.note or self.tr("共 {n} 行").format(n=len(report.rows)))

    def export(self, path: str | None = None) -> None:
        if self.report is None:
            self.note.setText(self.tr("请先生成报表，再导出"))
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出报表"), "report.xlsx",
                                                  "Excel (*.xlsx)")
        if not path:
            return
        target, sheets = Path(path), self.report.sheets
        self.jobs.background(lambda ctx: reports.export_xlsx(target, sheets),
                             success=lambda _r: self.note.setText(
                                 self.tr("已导出到 {path}").format(path=target)),
                             failure=self._failed)

    def print_a4(self, pdf_path: str | None = None) -> None:
        if self.report is None:
            self.note.setText(self.tr("请先生成报表，再打印"))
            return
        printer = a4_printer(pdf_path)
        if not pdf_path and QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        r = self.report
        pages = print_report(printer, r.title, f"{r.subtitle}  {r.note}", r.headers,
                             [[_cell(v) for v in row] for row in r.rows])
        self.note.setText(self.tr("已打印 {n} 页").format(n=pages))
