"""痕迹管理: the local audit trail searched by person, action, object and time; the hash chain
verified; the found lines exported to xlsx."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import audit
from hall_client.core.counter import Counter
from hall_client.core.settings import SHANGHAI
from hall_client.core.supervision.reports import (
    AuditQuery,
    people_names,
    search_audit,
    write_xlsx,
)
from hall_client.gui.jobs import JobRunner
from hall_client.gui.resources import role_label
from hall_client.gui.supervision.common import ColouredModel
from hall_client.gui.table_model import Column, record_view
from hall_client.gui.widgets.form_dialog import error_text
from hall_client.store.models import AuditEntry


def _when(e: AuditEntry) -> str:
    return e.at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S")


class AuditViewer(QWidget):
    LIMIT = 5000

    def __init__(self, counter: Counter, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs = counter, jobs
        self.names: dict[str, str] = {}
        self.model: ColouredModel[AuditEntry] = ColouredModel([
            Column(QCoreApplication.translate("AuditViewer", "序号"), lambda e: e.seq),
            Column(QCoreApplication.translate("AuditViewer", "时间"), _when),
            Column(QCoreApplication.translate("AuditViewer", "人员"), lambda e: self.names.get(e.username, e.username),
                   lambda e: e.username),
            Column(QCoreApplication.translate("AuditViewer", "角色"), lambda e: role_label(e.role)),
            Column(QCoreApplication.translate("AuditViewer", "窗口"), lambda e: e.counter),
            Column(QCoreApplication.translate("AuditViewer", "操作"), lambda e: e.action),
            Column(QCoreApplication.translate("AuditViewer", "对象"), lambda e: f"{e.object_type}:{e.object_id}"),
            Column(QCoreApplication.translate("AuditViewer", "变更"), lambda e: e.after, lambda e: QCoreApplication.translate("AuditViewer", "前：{before}\n后：{after}")
                   .format(before=e.before, after=e.after)),
        ], lambda e, c: None, self)
        self.view = record_view(self.model)
        self.view.setObjectName("auditTable")
        self.person = QLineEdit()
        self.person.setPlaceholderText(self.tr("姓名或用户名"))
        self.action = QLineEdit()
        self.action.setPlaceholderText(self.tr("如 payment、rating"))
        self.object = QLineEdit()
        self.object.setPlaceholderText(self.tr("对象类型或编号"))
        today = datetime.now(SHANGHAI).date()
        self.use_dates = QCheckBox(self.tr("按时间"))
        self.start = QDateEdit(QDate(today.year, today.month, 1))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        search = QPushButton(self.tr("查询 (Enter)"))
        search.setObjectName("auditSearch")
        search.clicked.connect(self.refresh)
        for edit in (self.person, self.action, self.object):
            edit.returnPressed.connect(self.refresh)
        verify = QPushButton(self.tr("校验审计链 (F8)"))
        verify.setObjectName("verifyChain")
        verify.clicked.connect(self.verify)
        export = QPushButton(self.tr("导出 xlsx (Ctrl+E)"))
        export.clicked.connect(lambda: self.export())
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("人员：")), 0, 0)
        grid.addWidget(self.person, 0, 1)
        grid.addWidget(QLabel(self.tr("操作：")), 0, 2)
        grid.addWidget(self.action, 0, 3)
        grid.addWidget(QLabel(self.tr("对象：")), 0, 4)
        grid.addWidget(self.object, 0, 5)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.start)
        dates.addWidget(QLabel(self.tr("至")))
        dates.addWidget(self.end)
        dates.addStretch(1)
        for b in (search, verify, export):
            dates.addWidget(b)
        self.status = QLabel()
        self.status.setObjectName("chainStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("痕迹管理：所有操作的审计记录（只增不改，哈希链防篡改）")))
        layout.addLayout(grid)
        layout.addLayout(dates)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        for keys, slot in (("F8", self.verify), ("Ctrl+E", lambda: self.export())):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.refresh()

    def query(self) -> AuditQuery:
        start = end = None
        if self.use_dates.isChecked():
            first = self.start.date().toPython()
            last = self.end.date().toPython()
            start = datetime.combine(first, time.min, SHANGHAI).astimezone(UTC)  # type: ignore[arg-type]
            end = datetime.combine(last + timedelta(days=1), time.min,  # type: ignore[operator]
                                   SHANGHAI).astimezone(UTC)
        return AuditQuery(self.person.text(), self.action.text(), self.object.text(), start,
                          end, self.LIMIT)

    def refresh(self) -> None:
        q = self.query()
        if q.start and q.end and q.end <= q.start:
            self._error(self.tr("结束日期早于开始日期"))
            return
        store = self.counter.store

        def load(ctx: object) -> tuple[dict[str, str], list[AuditEntry]]:
            with store.transaction() as s:
                return people_names(s), search_audit(s, q)

        self.jobs.db(load, success=self._loaded, failure=lambda e: self._error(error_text(e)))

    def _loaded(self, found: tuple[dict[str, str], list[AuditEntry]]) -> None:
        self.names, rows = found
        self.model.set_rows(rows)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("找到 {n} 条记录").format(n=len(rows)))

    def verify(self) -> None:
        store = self.counter.store
        self.status.setText(self.tr("正在校验…"))

        def check(ctx: object) -> audit.ChainReport:
            with store.transaction() as s:
                return audit.verify(s)

        self.jobs.db(check, success=self._verified, failure=lambda e: self._error(error_text(e)))

    def _verified(self, report: audit.ChainReport) -> None:
        colour = "#1b5e20" if report.ok else "#b00020"
        self.status.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.status.setText(report.describe())

    def export(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出审计记录"), "audit.xlsx",
                                                  "Excel (*.xlsx)")
        if not path:
            return
        headers = [c.header for c in self.model.columns]
        rows = [[c.value(self.model.row(i)) for c in self.model.columns]
                for i in range(self.model.total())]
        target = Path(path)
        self.jobs.background(
            lambda ctx: write_xlsx(target, self.tr("审计记录"), headers, rows),
            success=lambda _r: self.status.setText(self.tr("已导出 {n} 条到 {path}").format(
                n=len(rows), path=target)), failure=lambda e: self._error(error_text(e)))

    def _error(self, text: str) -> None:
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(text)
