"""异常件: cases that break a rule the server can see, each with the rule and the reason."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hall_client.core.supervision.client import SupervisionClient
from hall_client.gui.jobs import JobRunner
from hall_client.gui.supervision.common import ColouredModel, PeriodPicker, server_error_text
from hall_client.gui.supervision.labels import rule_label, status_label
from hall_client.gui.table_model import Column, record_view


class AbnormalPanel(QWidget):
    def __init__(self, client: SupervisionClient | None, jobs: JobRunner, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.jobs = client, jobs
        self.period = PeriodPicker(today)
        load = QPushButton(self.tr("查询"))
        load.clicked.connect(self.load)
        bar = QHBoxLayout()
        bar.addWidget(self.period)
        bar.addStretch(1)
        bar.addWidget(load)
        self.model: ColouredModel[dict[str, Any]] = ColouredModel([
            Column(QCoreApplication.translate("AbnormalPanel", "规则"), lambda f: rule_label(f["rule"])),
            Column(QCoreApplication.translate("AbnormalPanel", "受理编号"), lambda f: f["case_number"]),
            Column(QCoreApplication.translate("AbnormalPanel", "事项"), lambda f: f["item_name"]),
            Column(QCoreApplication.translate("AbnormalPanel", "部门"), lambda f: f["department_name"]),
            Column(QCoreApplication.translate("AbnormalPanel", "状态"), lambda f: status_label(f["status"])),
            Column(QCoreApplication.translate("AbnormalPanel", "原因"), lambda f: f["reason"]),
        ], lambda f, c: None, self)
        self.table = record_view(self.model)
        self.table.setObjectName("abnormalTable")
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def load(self) -> None:
        if self.client is None:
            self.status.setText(self.tr("本机尚未登录中心服务器"))
            return
        start, end = self.period.bounds()
        client = self.client
        self.jobs.background(lambda ctx: client.abnormal(start, end), success=self.show_flags,
                             failure=lambda e: self.status.setText(server_error_text(e)))

    def show_flags(self, flags: list[dict[str, Any]]) -> None:
        self.model.set_rows(flags)
        self.status.setText(self.tr("异常 {n} 条，涉及 {cases} 件").format(
            n=len(flags), cases=len({f["case_id"] for f in flags})))
