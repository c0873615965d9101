"""The main window: one workspace per role the signed-in person holds, the catalog browser,
and a status bar with the person, the counter and the server connection."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.gui.cashier_workspace import CashierWorkspace
from hall_client.gui.catalog_browser import CatalogBrowser
from hall_client.gui.clerk_workspace import ClerkWorkspace
from hall_client.gui.jobs import JobRunner
from hall_client.gui.resources import roles_label
from hall_client.gui.workspaces import AdminWorkspace, AuditWorkspace
from hall_client.sync import server_link


class MainWindow(QMainWindow):
    SERVER_CHECK_MS = 15000

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor) -> None:
        super().__init__()
        self.counter, self.jobs, self.actor = counter, jobs, actor
        s = counter.settings
        self.setWindowTitle(self.tr("行政服务中心窗口客户端 — {hall}").format(hall=s.hall.name))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("workspaces")
        self.tabs.setDocumentMode(True)
        roles = actor.roles
        if "clerk" in roles:
            self.clerk = ClerkWorkspace(counter, jobs, actor)
            self.tabs.addTab(self.clerk, self.tr("窗口受理"))
            from hall_client.gui.completion.workspace import CompletionWorkspace

            self.completion = CompletionWorkspace(counter, jobs, actor)
            self.tabs.addTab(self.completion, self.tr("出件"))
        if "cashier" in roles:
            self.cashier = CashierWorkspace(counter, jobs, actor)
            self.tabs.addTab(self.cashier, self.tr("收费"))
        if "supervisor" in roles:
            self.audit = AuditWorkspace(counter, jobs)
            self.tabs.addTab(self.audit, self.tr("监察"))
        self.catalog = CatalogBrowser(counter, jobs)
        if "admin" in roles:
            self.admin = AdminWorkspace(counter, jobs, actor)
            self.admin.catalog_changed.connect(self.catalog.refresh)
            self.tabs.addTab(self.admin, self.tr("管理"))
        self.tabs.addTab(self.catalog, self.tr("事项目录"))
        self.setCentralWidget(self.tabs)

        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        quit_action = QAction(self.tr("退出(&Q)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于(&A)"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

        role_text = roles_label(roles)
        self.user_label = QLabel(self.tr("当前用户：{name}（{roles}）").format(
            name=actor.full_name, roles=role_text))
        self.counter_label = QLabel(self.tr("窗口：{name}（{id}）").format(
            name=s.counter.name, id=s.counter.id))
        self.server_label = QLabel(self.tr("中心服务器：检测中…"))
        self.server_label.setObjectName("serverState")
        bar = self.statusBar()
        bar.addWidget(self.user_label)
        bar.addWidget(self.counter_label)
        bar.addPermanentWidget(self.server_label)
        self._server_timer = QTimer(self, interval=self.SERVER_CHECK_MS)
        self._server_timer.timeout.connect(self.check_server)
        self._server_timer.start()
        self.check_server()
        self.resize(1280, 800)

    def check_server(self) -> None:
        url = self.counter.settings.server.url
        self.jobs.background(lambda ctx: server_link.is_up(url), success=self._server_state)

    def _server_state(self, up: bool) -> None:
        url = self.counter.settings.server.url
        if up:
            self.server_label.setText(self.tr("中心服务器：已连接 {url}").format(url=url))
            self.server_label.setStyleSheet("color: #1b5e20;")
        else:
            self.server_label.setText(
                self.tr("中心服务器：未连接（离线办理，恢复后自动同步）"))
            self.server_label.setStyleSheet("color: #b26a00;")

    def show_about(self) -> None:
        from hall_client import __version__

        QMessageBox.about(self, self.tr("关于"), self.tr(
            "行政服务中心窗口客户端 {version}\n数据目录：{path}").format(
                version=__version__, path=self.counter.data_dir))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._server_timer.stop()
        super().closeEvent(event)
