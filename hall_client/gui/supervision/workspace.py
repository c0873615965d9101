"""监察 workspace: the live board, performance, 好差评, abnormal cases and the audit viewer."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.core.settings import SHANGHAI
from hall_client.core.supervision.client import SupervisionClient, TokenProvider
from hall_client.gui.cashier.reports import CashierReportsPanel
from hall_client.gui.cashier.stock import StockPanel
from hall_client.gui.jobs import JobRunner
from hall_client.gui.supervision.abnormal import AbnormalPanel
from hall_client.gui.supervision.audit_viewer import AuditViewer
from hall_client.gui.supervision.board import BoardPanel
from hall_client.gui.supervision.performance import PerformancePanel
from hall_client.gui.supervision.ratings import RatingsPanel


class SupervisionWorkspace(QWidget):
    """``tokens`` signs the board in to the central server (the sync session's provider);
    without it the server panels say so and the audit viewer still works."""

    def __init__(self, counter: Counter, jobs: JobRunner, tokens: TokenProvider | None = None,
                 actor: Actor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        client = SupervisionClient(counter.settings.server.url, tokens) if tokens else None
        today = datetime.now(SHANGHAI).date()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("supervisionTabs")
        self.board = BoardPanel(client, jobs)
        self.performance = PerformancePanel(client, jobs, today)
        self.ratings = RatingsPanel(client, jobs, today)
        self.abnormal = AbnormalPanel(client, jobs, today)
        self.audit = AuditViewer(counter, jobs)
        self.tabs.addTab(self.board, self.tr("监察看板"))
        self.tabs.addTab(self.performance, self.tr("绩效排名"))
        self.tabs.addTab(self.ratings, self.tr("好差评"))
        self.tabs.addTab(self.abnormal, self.tr("异常件"))
        self.tabs.addTab(self.audit, self.tr("痕迹管理"))
        self.cashier_reports = CashierReportsPanel(counter, jobs)
        self.tabs.addTab(self.cashier_reports, self.tr("收费报表"))
        if actor is not None:  # the receipt stock acts in the signed-in supervisor's name
            self.receipt_stock = StockPanel(counter, jobs, actor)
            self.tabs.addTab(self.receipt_stock, self.tr("票据库存"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
