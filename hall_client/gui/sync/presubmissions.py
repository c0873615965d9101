"""网上申报 at the window: online applications the server holds for the hall, pre-reviewed
with the item's checklist, then taken into the intake form (accepted, sent back or refused
there like any application: the decision goes back to the server), or sent back / refused
directly with a reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import presubmissions
from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.core.settings import SHANGHAI
from hall_client.gui.jobs import JobContext, JobRunner
from hall_client.gui.table_model import Column, RecordTableModel, record_view
from hall_client.gui.widgets.form_dialog import error_text
from hall_client.store.sync_models import PresubmissionRow


class PresubmissionsDialog(QDialog):
    #: (presubmission id, the case JSON draft) to open in the intake form
    take_into_intake = Signal(str, dict)

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.setWindowTitle(self.tr("网上申报（待预审）"))
        self.resize(980, 560)
        self.model: RecordTableModel[PresubmissionRow] = RecordTableModel([
            Column(self.tr("申报时间"), lambda p: p.submitted_at.astimezone(SHANGHAI)
                   .strftime("%m-%d %H:%M")),
            Column(self.tr("事项"), lambda p: p.item_name),
            Column(self.tr("申请人"), lambda p: str(p.applicant.get("name", ""))),
            Column(self.tr("项目"), lambda p: p.project_name),
        ])
        self.table = record_view(self.model)
        self.table.setObjectName("presubmissions")
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.checklist = QPlainTextEdit()
        self.checklist.setReadOnly(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("补正或不予受理的原因（必填）"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.take = QPushButton(self.tr("在窗口受理中办理 (Enter)"))
        self.take.setDefault(True)
        self.take.clicked.connect(self._take)
        self.correction = QPushButton(self.tr("通知补正"))
        self.correction.clicked.connect(lambda: self._decide("correction"))
        self.refuse = QPushButton(self.tr("不予受理"))
        self.refuse.clicked.connect(lambda: self._decide("refused"))
        close = QPushButton(self.tr("关闭 (Esc)"))
        close.clicked.connect(self.reject)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.checklist)
        buttons = QHBoxLayout()
        for b in (self.take, self.correction, self.refuse, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.load()

    def load(self) -> None:
        counter = self.counter

        def read(ctx: JobContext) -> list[PresubmissionRow]:
            with counter.store.transaction() as s:
                return presubmissions.waiting(s)

        self.jobs.db(read, success=self._loaded)

    def _loaded(self, rows: list[PresubmissionRow]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        else:
            self.checklist.setPlainText(self.tr("没有待预审的网上申报"))
        for b in (self.take, self.correction, self.refuse):
            b.setEnabled(bool(rows))

    def _current(self) -> PresubmissionRow | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _selected(self) -> None:
        row = self._current()
        if row is None:
            return
        counter, pid = self.counter, row.id

        def read(ctx: JobContext) -> list[presubmissions.ChecklistLine]:
            with counter.store.transaction() as s:
                return presubmissions.checklist(s, pid)

        self.jobs.db(read, success=self._show_checklist, failure=self._failed)

    def _show_checklist(self, lines: list[presubmissions.ChecklistLine]) -> None:
        text = []
        for line in lines:
            mark = "✓" if line.offered else ("✗" if line.required else "－")
            need = self.tr("（必需）") if line.required and not line.offered else ""
            text.append(f"{mark} {line.name}{need} {line.notes}".rstrip())
        missing = sum(1 for line in lines if line.required and not line.offered)
        text.append("")
        text.append(self.tr("网上未列出的必需材料：{n} 项（以窗口核对原件为准）").format(n=missing))
        self.checklist.setPlainText("\n".join(text))

    def _take(self) -> None:
        row = self._current()
        if row is None:
            return
        counter, pid = self.counter, row.id

        def read(ctx: JobContext) -> dict[str, Any]:
            with counter.store.transaction() as s:
                return presubmissions.case_draft(s, pid)

        self.jobs.db(read, success=lambda draft: (self.take_into_intake.emit(pid, draft),
                                                  self.accept()), failure=self._failed)

    def _decide(self, decision: str) -> None:
        row = self._current()
        if row is None:
            return
        if not self.reason.text().strip():
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(self.tr("请填写原因"))
            self.reason.setFocus()
            return
        counter, actor, pid, reason = self.counter, self.actor, row.id, self.reason.text()

        def work(ctx: JobContext) -> None:
            with counter.store.transaction() as s:
                presubmissions.decide(s, actor, pid, decision, reason=reason)

        def done(_: object) -> None:
            self.message.setStyleSheet("color: #1b5e20;")
            self.message.setText(self.tr("已处理，将同步到中心服务器"))
            self.reason.clear()
            self.load()

        self.jobs.db(work, success=done, failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error_text(exc))
