"""案件进度: the hall's cases as the server reports them (its own and other counters'),
marked where a notice waits or a message was refused; the case's server steps and opinions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hall_client.core.counter import Counter
from hall_client.gui.jobs import JobContext, JobRunner
from hall_client.gui.sync.dialogs import kind_name
from hall_client.gui.sync.notices import notice_mark
from hall_client.gui.table_model import Column, RecordTableModel, record_view
from hall_client.sync import views

STATUS = {
    "in_progress": QCoreApplication.translate("ServerCases", "审批中"),
    "correction": QCoreApplication.translate("ServerCases", "待补正"),
    "special": QCoreApplication.translate("ServerCases", "特别程序"),
    "awaiting_collection": QCoreApplication.translate("ServerCases", "待缴费领证"),
    "finished": QCoreApplication.translate("ServerCases", "已办结"),
    "rejected": QCoreApplication.translate("ServerCases", "不予许可"),
}
STEP_STATE = {
    "active": QCoreApplication.translate("ServerCases", "办理中"),
    "done": QCoreApplication.translate("ServerCases", "已通过"),
    "returned": QCoreApplication.translate("ServerCases", "退回"),
    "rejected": QCoreApplication.translate("ServerCases", "不予许可"),
    "pending": QCoreApplication.translate("ServerCases", "未开始"),
}
WARNING = {
    "green": QCoreApplication.translate("ServerCases", "正常"),
    "yellow": QCoreApplication.translate("ServerCases", "黄牌"),
    "red": QCoreApplication.translate("ServerCases", "红牌"),
    "paused": QCoreApplication.translate("ServerCases", "暂停计时"),
    "unknown": QCoreApplication.translate("ServerCases", "未知"),
}


def _tr(table: dict[str, str], key: str) -> str:
    return QCoreApplication.translate("ServerCases", table[key]) if key in table else key


def server_status_name(status: str) -> str:
    return _tr(STATUS, status)


def step_state_name(state: str) -> str:
    return _tr(STEP_STATE, state)


class ServerCasesWorkspace(QWidget):
    def __init__(self, counter: Counter, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs = counter, jobs
        self.model: RecordTableModel[views.ServerCaseRow] = RecordTableModel([
            Column(self.tr("提醒"), lambda c: notice_mark(c.mark)
                   or (self.tr("⚠ 同步问题") if c.problem else "")),
            Column(self.tr("案件号"), lambda c: c.case_number),
            Column(self.tr("事项"), lambda c: c.item_name),
            Column(self.tr("申请人"), lambda c: c.applicant),
            Column(self.tr("服务器状态"), lambda c: _tr(STATUS, c.status)),
            Column(self.tr("预警"), lambda c: _tr(WARNING, c.warning)),
            Column(self.tr("承诺办结日"), lambda c: c.promised_due or ""),
        ])
        self.table = record_view(self.model)
        self.table.setObjectName("serverCases")
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.steps: RecordTableModel[views.StepRow] = RecordTableModel([
            Column(self.tr("环节"), lambda s: s.name),
            Column(self.tr("状态"), lambda s: _tr(STEP_STATE, s.state)),
            Column(self.tr("办理人"), lambda s: s.actor),
            Column(self.tr("意见"), lambda s: s.opinion),
            Column(self.tr("到期日"), lambda s: s.due_date or ""),
            Column(self.tr("预警"), lambda s: _tr(WARNING, s.warning)
                   if s.warning and s.warning != "done" else ""),
        ])
        self.step_view = record_view(self.steps)
        self.step_view.setObjectName("serverSteps")
        self.problem_text = QLabel()
        self.problem_text.setWordWrap(True)
        self.problem_text.setStyleSheet("color: #b71c1c;")
        refresh = QPushButton(self.tr("刷新 (F5)"))
        refresh.setShortcut("F5")
        refresh.clicked.connect(self.refresh)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.addWidget(QLabel(self.tr("服务器上的办理环节与意见")))
        dl.addWidget(self.step_view)
        dl.addWidget(self.problem_text)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(detail)
        layout = QVBoxLayout(self)
        layout.addWidget(refresh)
        layout.addWidget(split)
        self._pending_select: str | None = None
        self.refresh()

    def refresh(self) -> None:
        counter = self.counter

        def read(ctx: JobContext) -> list[views.ServerCaseRow]:
            with counter.store.transaction() as s:
                return views.server_cases(s)

        self.jobs.db(read, success=self._loaded)

    def _loaded(self, rows: list[views.ServerCaseRow]) -> None:
        self.model.set_rows(rows)
        if self._pending_select:
            self.select_case(self._pending_select)

    def select_case(self, case_id: str) -> None:
        for i in range(self.model.total()):
            if self.model.row(i).id == case_id:
                while self.model.rowCount() <= i and self.model.canFetchMore(self.table.rootIndex()):
                    self.model.fetchMore(self.table.rootIndex())
                self.table.selectRow(i)
                self._pending_select = None
                return
        self._pending_select = case_id

    def _selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        case_id = self.model.row(index.row()).id
        counter = self.counter

        def read(ctx: JobContext) -> tuple[list[views.StepRow], list[views.ProblemRow]]:
            with counter.store.transaction() as s:
                return views.server_steps(s, case_id), views.problems(s, case_id)

        self.jobs.db(read, success=self._show_detail)

    def _show_detail(self, result: tuple[list[views.StepRow], list[views.ProblemRow]]) -> None:
        steps, problems = result
        self.steps.set_rows(steps)
        self.problem_text.setText("\n".join(
            self.tr("{kind}：{reason}（本窗口的记录与服务器不一致，服务器为准：{status}）").format(
                kind=kind_name(p.kind), reason=p.reason, status=_tr(STATUS, p.server_status))
            if p.state == "conflict" and p.server_status else
            self.tr("{kind}：{reason}").format(kind=kind_name(p.kind), reason=p.reason)
            for p in problems))
