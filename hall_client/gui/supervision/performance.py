"""绩效: on-time, early and overdue rates with a ranking (rank and change since the previous
period), satisfaction, and charts of rates over time and by group; xlsx export and A4 print."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hall_client.core.supervision.client import SupervisionClient
from hall_client.core.supervision.reports import write_xlsx
from hall_client.gui.jobs import JobRunner
from hall_client.gui.supervision.charts import BarChart, LineChart, Series
from hall_client.gui.supervision.common import ColouredModel, PeriodPicker, server_error_text
from hall_client.gui.supervision.labels import grouping_label, percent
from hall_client.gui.supervision.printing import a4_printer, print_report
from hall_client.gui.table_model import Column, record_view

GROUPINGS = ("department", "item", "handler", "counter")
SATISFACTION_BY = {"department": "department", "item": "item", "handler": "clerk"}



def interval_for(start: date, end: date) -> str:
    days = (end - start).days + 1
    return "day" if days <= 31 else "week" if days <= 190 else "month"


@dataclass
class PerformanceData:
    start: date
    end: date
    by: str
    rows: list[dict[str, Any]]
    previous: tuple[str, str]
    points: list[dict[str, Any]]
    satisfaction: dict[str, dict[str, Any]] = field(default_factory=dict)


def load_performance(client: SupervisionClient, start: date, end: date,
                     by: str) -> PerformanceData:
    """Everything the screen shows, in three requests (run off the GUI thread)."""
    perf = client.performance(start, end, by)
    series = client.series(start, end, interval_for(start, end))
    sat: dict[str, dict[str, Any]] = {}
    if by in SATISFACTION_BY:
        rows = client.satisfaction(start, end, SATISFACTION_BY[by])["rows"]
        key = "name" if by == "handler" else "key"
        sat = {r[key]: r for r in rows}
    return PerformanceData(start, end, by, perf["rows"],
                           (perf["previous_start"], perf["previous_end"]),
                           series["points"], sat)


def change_text(row: dict[str, Any]) -> str:
    change = row.get("rank_change")
    if change is None:
        return QCoreApplication.translate("PerformancePanel", "新上榜")
    if change > 0:
        return f"↑{change}"
    if change < 0:
        return f"↓{-change}"
    return "—"


class PerformancePanel(QWidget):
    def __init__(self, client: SupervisionClient | None, jobs: JobRunner, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.jobs = client, jobs
        self.data: PerformanceData | None = None
        self.period = PeriodPicker(today)
        self.grouping = QComboBox()
        self.grouping.setObjectName("grouping")
        for code in GROUPINGS:
            self.grouping.addItem(grouping_label(code), code)
        self.query_button = QPushButton(self.tr("查询 (Enter)"))
        self.query_button.setDefault(True)
        self.query_button.clicked.connect(self.load)
        self.export_button = QPushButton(self.tr("导出 xlsx (Ctrl+E)"))
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton(self.tr("打印 A4 (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_a4)
        bar = QHBoxLayout()
        bar.addWidget(self.period)
        bar.addWidget(QLabel(self.tr("按")))
        bar.addWidget(self.grouping)
        bar.addStretch(1)
        for b in (self.query_button, self.export_button, self.print_button):
            bar.addWidget(b)
        self.model: ColouredModel[dict[str, Any]] = ColouredModel(self._columns(), _colour, self)
        self.table = record_view(self.model)
        self.table.setObjectName("rankingTable")
        self.trend = LineChart(self.tr("按期办结率走势"))
        self.by_group = BarChart(self.tr("按期办结率"))
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.trend)
        charts.addWidget(self.by_group)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(charts)
        split.setSizes([300, 260])
        self.status = QLabel()
        self.status.setObjectName("performanceStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        for keys, slot in (("Ctrl+E", self.export), ("Ctrl+P", self.print_a4),
                           ("Return", self.load), ("Enter", self.load)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _columns(self) -> list[Column[dict[str, Any]]]:
        def sat(r: dict[str, Any], field_name: str) -> Any:
            found = self.data.satisfaction.get(r["name"] if self.data and self.data.by ==
                                               "handler" else r["key"]) if self.data else None
            return "" if not found else found[field_name]

        return [
            Column(QCoreApplication.translate("PerformancePanel", "名次"), lambda r: r["rank"]),
            Column(QCoreApplication.translate("PerformancePanel", "变化"), change_text, lambda r: QCoreApplication.translate("PerformancePanel", "上期名次：{rank}").format(
                rank=r["previous_rank"] if r["previous_rank"] is not None else "—")),
            Column(QCoreApplication.translate("PerformancePanel", "名称"), lambda r: r["name"], lambda r: r["key"]),
            Column(QCoreApplication.translate("PerformancePanel", "办结"), lambda r: r["completed"]),
            Column(QCoreApplication.translate("PerformancePanel", "提前"), lambda r: r["early"]),
            Column(QCoreApplication.translate("PerformancePanel", "按期（含提前）"), lambda r: r["on_time"]),
            Column(QCoreApplication.translate("PerformancePanel", "逾期"), lambda r: r["overdue"]),
            Column(QCoreApplication.translate("PerformancePanel", "按期率"), lambda r: percent(r["on_time_rate"])),
            Column(QCoreApplication.translate("PerformancePanel", "提前率"), lambda r: percent(r["early_rate"])),
            Column(QCoreApplication.translate("PerformancePanel", "逾期率"), lambda r: percent(r["overdue_rate"])),
            Column(QCoreApplication.translate("PerformancePanel", "平均办理工作日"), lambda r: "" if r["average_handling_days"] is None
                   else f"{r['average_handling_days']:.2f}"),
            Column(QCoreApplication.translate("PerformancePanel", "评价数"), lambda r: sat(r, "rated")),
            Column(QCoreApplication.translate("PerformancePanel", "满意率"),
                   lambda r: percent(sat(r, "satisfaction_rate")) if sat(r, "rated") else ""),
        ]

    def load(self) -> None:
        if self.client is None:
            self.status.setText(self.tr("本机尚未登录中心服务器"))
            return
        start, end = self.period.bounds()
        by = self.grouping.currentData()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在计算…"))
        client = self.client
        self.jobs.background(lambda ctx: load_performance(client, start, end, by),
                             success=self.show_data, failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(server_error_text(exc))

    def show_data(self, data: PerformanceData) -> None:
        self.data = data
        self.model.set_rows(data.rows)
        labels = list(dict.fromkeys(p["label"] for p in data.points))
        values: list[float | None] = [
            p["on_time_rate"] if p["completed"] else None for p in data.points]
        self.trend.set_data(labels, [Series(self.tr("全厅按期办结率"), values)])
        self.by_group.title = self.tr("按期办结率（按{group}）").format(
            group=grouping_label(data.by))
        self.by_group.set_data([(r["name"], r["on_time_rate"]) for r in data.rows[:12]])
        total = sum(r["completed"] for r in data.rows)
        self.status.setStyleSheet("")
        self.status.setText(self.tr(
            "{start} 至 {end}，共办结 {n} 件；名次变化与上期（{ps} 至 {pe}）相比").format(
                start=data.start.isoformat(), end=data.end.isoformat(), n=total,
                ps=data.previous[0], pe=data.previous[1]))

    def table_rows(self) -> tuple[list[str], list[list[Any]]]:
        headers = [c.header for c in self.model.columns]
        rows = [[c.value(r) for c in self.model.columns] for r in (self.data.rows
                                                                   if self.data else [])]
        return headers, rows

    def export(self, path: str | None = None) -> None:
        if self.data is None:
            self.status.setText(self.tr("请先查询，再导出"))
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出绩效排名"),
                                                  "performance.xlsx", "Excel (*.xlsx)")
        if not path:
            return
        headers, rows = self.table_rows()
        target = Path(path)
        self.jobs.background(
            lambda ctx: write_xlsx(target, self.tr("绩效排名"), headers, rows),
            success=lambda _r: self.status.setText(self.tr("已导出到 {path}").format(
                path=target)), failure=self._failed)

    def report_title(self) -> str:
        by = grouping_label(self.data.by) if self.data else ""
        return self.tr("办件绩效排名（按{group}）").format(group=by)

    def print_a4(self, pdf_path: str | None = None) -> None:
        if self.data is None:
            self.status.setText(self.tr("请先查询，再打印"))
            return
        printer = a4_printer(pdf_path)
        if not pdf_path:
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return
        headers, rows = self.table_rows()
        pages = print_report(printer, self.report_title(),
                             f"{self.data.start.isoformat()} — {self.data.end.isoformat()}",
                             headers, rows, [self.trend, self.by_group])
        self.status.setText(self.tr("已打印 {n} 页").format(n=pages))


def _colour(row: dict[str, Any], column: int) -> QColor | None:
    if column == 1 and row.get("rank_change"):
        return QColor("#2e7d32") if row["rank_change"] > 0 else QColor("#c62828")
    if column == 9 and row["overdue_rate"] > 0:
        return QColor("#c62828")
    return None
