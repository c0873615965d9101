"""The main window: one workspace per role the signed-in person holds, the catalog browser,
and a status bar with the person, the counter and the server connection."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import presubmissions
from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.core.settings import save_settings
from hall_client.core.supervision.client import ServerUnavailable
from hall_client.gui.cashier.reports import CashierReportsPanel
from hall_client.gui.cashier_workspace import CashierWorkspace
from hall_client.gui.catalog_browser import CatalogBrowser
from hall_client.gui.intake.case_list import CaseList
from hall_client.gui.intake.workspace import IntakeWorkspace
from hall_client.gui.jobs import JobContext, JobRunner
from hall_client.gui.lock_screen import IdleWatcher, LockScreen
from hall_client.gui.resources import ZOOM_STEPS, install_font, roles_label
from hall_client.gui.supervision.workspace import SupervisionWorkspace
from hall_client.gui.sync.cases import ServerCasesWorkspace
from hall_client.gui.sync.dialogs import ServerPasswordDialog, SyncProblemsDialog
from hall_client.gui.sync.notices import NoticeBar
from hall_client.gui.sync.presubmissions import PresubmissionsDialog
from hall_client.gui.sync.service import Snapshot, SyncService
from hall_client.gui.sync.status_bar import SyncStatusBar
from hall_client.gui.widgets.confirm import confirm
from hall_client.gui.widgets.form_dialog import error_text
from hall_client.gui.workspaces import AdminWorkspace
from hall_client.sync.signin import PasswordNeeded


class MainWindow(QMainWindow):
    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor, *,
                 server_password: str | None = None) -> None:
        super().__init__()
        self.counter, self.jobs, self.actor = counter, jobs, actor
        s = counter.settings
        self.setWindowTitle(self.tr("行政服务中心窗口客户端 — {hall}").format(hall=s.hall.name))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("workspaces")
        self.tabs.setDocumentMode(True)
        roles = actor.roles
        if "clerk" in roles:
            self.intake = IntakeWorkspace(counter, jobs, actor)
            self.tabs.addTab(self.intake, self.tr("窗口受理"))
            self.cases = CaseList(counter, jobs, actor)
            self.cases.print_notice = self.intake.print_notice
            self.cases.reopen_requested.connect(self._reopen_case)
            self.intake.case_recorded.connect(lambda _number: self.cases.refresh())
            self.intake.case_recorded.connect(self._presubmission_decided)
            self.tabs.addTab(self.cases, self.tr("受理件"))
        #: the online application being handled in the intake form, if any
        self.presubmission_id: str | None = None
        if "clerk" in roles:
            from hall_client.gui.completion.workspace import CompletionWorkspace

            self.completion = CompletionWorkspace(counter, jobs, actor)
            self.tabs.addTab(self.completion, self.tr("出件"))
        if "cashier" in roles:
            self.cashier = CashierWorkspace(counter, jobs, actor)
            self.tabs.addTab(self.cashier, self.tr("收费"))
        if "supervisor" in roles:
            self.supervision = SupervisionWorkspace(counter, jobs, self._server_token, actor)
            self.audit = self.supervision.audit
            self.tabs.addTab(self.supervision, self.tr("监察"))
        self.catalog = CatalogBrowser(counter, jobs)
        if "admin" in roles:
            self.admin = AdminWorkspace(counter, jobs, actor)
            self.admin.catalog_changed.connect(self.catalog.refresh)
            self.tabs.addTab(self.admin, self.tr("管理"))
        self.server_cases: ServerCasesWorkspace | None = None
        self.tabs.addTab(self.catalog, self.tr("事项目录"))
        self.notice_bar = NoticeBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.notice_bar)
        column.addWidget(self.tabs)
        self.setCentralWidget(central)

        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        lock_action = QAction(self.tr("锁定屏幕(&L)"), self)
        lock_action.setShortcut(QKeySequence("Ctrl+L"))
        lock_action.triggered.connect(self.lock)
        menu.addAction(lock_action)
        quit_action = QAction(self.tr("退出(&Q)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.request_quit)
        menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        self.zoom_in_action = QAction(self.tr("放大(&I)"), self)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_in_action.triggered.connect(lambda: self.step_zoom(+1))
        self.zoom_out_action = QAction(self.tr("缩小(&O)"), self)
        self.zoom_out_action.setShortcut(QKeySequence("Ctrl+-"))
        self.zoom_out_action.triggered.connect(lambda: self.step_zoom(-1))
        self.zoom_reset_action = QAction(self.tr("还原(&R)"), self)
        self.zoom_reset_action.setShortcut(QKeySequence("Ctrl+0"))
        self.zoom_reset_action.triggered.connect(lambda: self.set_zoom(1.0))
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view_menu.addAction(action)
        sync_menu = self.menuBar().addMenu(self.tr("同步(&S)"))
        progress = QAction(self.tr("案件进度（服务器）(&P)"), self)
        progress.setShortcut(QKeySequence("Ctrl+Shift+P"))
        progress.triggered.connect(lambda: self.open_server_case(None))
        sync_menu.addAction(progress)
        if "clerk" in roles:
            online = QAction(self.tr("网上申报(&O)"), self)
            online.setShortcut(QKeySequence("Ctrl+Shift+O"))
            online.triggered.connect(self.show_presubmissions)
            sync_menu.addAction(online)
        problems = QAction(self.tr("同步问题(&E)"), self)
        problems.triggered.connect(self.show_sync_problems)
        sync_menu.addAction(problems)
        if "cashier" in roles:
            reports_menu = self.menuBar().addMenu(self.tr("报表(&R)"))
            reports_action = QAction(self.tr("收费报表…"), self)
            reports_action.setShortcut(QKeySequence("Ctrl+R"))
            reports_action.triggered.connect(self.show_cashier_reports)
            reports_menu.addAction(reports_action)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于(&A)"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

        role_text = roles_label(roles)
        self.user_label = QLabel(self.tr("当前用户：{name}（{roles}）").format(
            name=actor.full_name, roles=role_text))
        self.counter_label = QLabel(self.tr("窗口：{name}（{id}）").format(
            name=s.counter.name, id=s.counter.id))
        self.sync_bar = SyncStatusBar()
        self.server_label = self.sync_bar.state
        bar = self.statusBar()
        bar.addWidget(self.user_label)
        bar.addWidget(self.counter_label)
        bar.addPermanentWidget(self.sync_bar)
        self.sync = SyncService(counter, jobs, actor.username, self)
        self.sync.changed.connect(self._sync_changed)
        self.sync.password_needed.connect(lambda _user: self.ask_server_password())
        self.sync.passed.connect(lambda _result: self._refresh_server_cases())
        self.sync_bar.sync_requested.connect(self.sync.sync_now)
        self.sync_bar.sign_in_requested.connect(self.ask_server_password)
        self.sync_bar.problems_requested.connect(self.show_sync_problems)
        self.notice_bar.acknowledged.connect(self.sync.mark_seen)
        self.notice_bar.open_case.connect(self.open_server_case)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, activated=self.sync.sync_now)
        self.sync.start(server_password)
        self._fit_to_screen()
        self.lock_screen: LockScreen | None = None
        self.idle = IdleWatcher(s.ui.idle_lock_minutes * 60_000, self)
        self.idle.idle.connect(self.lock)

    def _fit_to_screen(self) -> None:
        """1280×800 where there is room; never larger than the screen (a 1024×768 hall PC)."""
        screen = self.screen() or QApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        if room is None or (room.width() >= 1280 and room.height() >= 800):
            self.resize(1280, 800)
            return
        frame = self.frameGeometry().size() - self.geometry().size()
        self.resize(room.width() - frame.width(), room.height() - frame.height())
        self.move(room.topLeft())

    def _server_token(self) -> str:
        """The supervision panels reach the server as the person the sync engine signed in
        (called on a pool thread when a panel loads)."""
        engine = self.sync.engine
        if engine is None:
            raise ServerUnavailable("本窗口尚未在中心服务器注册，无法读取中心服务器的数据")
        try:
            return engine.auth.access_token()
        except PasswordNeeded as exc:
            raise ServerUnavailable(exc.reason) from exc

    def show_cashier_reports(self) -> CashierReportsPanel:
        """Daily, weekly and monthly reports in a window of their own (Ctrl+R)."""
        panel = CashierReportsPanel(self.counter, self.jobs)
        panel.setParent(self, Qt.WindowType.Window)
        panel.setWindowTitle(self.tr("收费报表"))
        panel.resize(1000, 700)
        panel.show()
        return panel

    def _reopen_case(self, number: str) -> None:
        self.tabs.setCurrentWidget(self.intake)
        self.intake.reopen(number)

    def check_server(self) -> None:
        """The server may have just come up (demo start): sync now."""
        if self.sync.engine is None:
            self.sync.start()
        else:
            self.sync.sync_now()

    def _sync_changed(self, snap: Snapshot) -> None:
        self.sync_bar.show_snapshot(snap)
        self.notice_bar.show_snapshot(snap)
        self._refresh_server_cases()

    def _refresh_server_cases(self) -> None:
        if self.server_cases is not None and self.server_cases.isVisible():
            self.server_cases.refresh()
        if hasattr(self, "supervision"):
            self.supervision.board.retry_if_failed()

    def ask_server_password(self) -> None:
        if self.sync.engine is None:
            return
        ServerPasswordDialog(self.sync, self.actor.full_name, self).open()

    def show_sync_problems(self) -> None:
        SyncProblemsDialog(self.counter, self.jobs, self.sync, self).open()

    def show_presubmissions(self) -> None:
        dialog = PresubmissionsDialog(self.counter, self.jobs, self.actor, self)
        dialog.take_into_intake.connect(self._take_presubmission)
        dialog.open()

    def _take_presubmission(self, presubmission_id: str, draft: dict[str, Any]) -> None:
        self.presubmission_id = presubmission_id
        self.tabs.setCurrentWidget(self.intake)
        self.intake.prefill(draft)

    def _presubmission_decided(self, number: str) -> None:
        """The online application taken into the form was decided there: tell the server."""
        pid, self.presubmission_id = self.presubmission_id, None
        result = self.intake.last_result
        if pid is None or result is None:
            return
        decision = {"accepted": "accepted", "correction": "correction"}.get(result.status,
                                                                            "refused")
        counter, actor = self.counter, self.actor
        reason = "" if decision == "accepted" else self.tr("窗口已出具通知书 {notice}").format(
            notice=result.notice_number)

        def work(ctx: JobContext) -> None:
            with counter.store.transaction() as s:
                presubmissions.decide(s, actor, pid, decision, reason=reason,
                                      case_number=number)

        self.jobs.db(work, success=lambda _: self.sync.sync_now())

    def open_server_case(self, case_id: str | None) -> None:
        """案件进度 in its own window (Ctrl+Shift+P): the hall's cases as the server sees them."""
        if self.server_cases is None:
            self.server_cases = ServerCasesWorkspace(self.counter, self.jobs)
            self.server_cases.setParent(self, Qt.WindowType.Window)
            self.server_cases.setWindowTitle(self.tr("案件进度（中心服务器）"))
            self.server_cases.resize(1000, 600)
        else:
            self.server_cases.refresh()
        self.server_cases.show()
        self.server_cases.raise_()
        if case_id:
            self.server_cases.select_case(case_id)

    def show_about(self) -> None:
        from hall_client import __version__

        QMessageBox.about(self, self.tr("关于"), self.tr(
            "行政服务中心窗口客户端 {version}\n数据目录：{path}").format(
                version=__version__, path=self.counter.data_dir))

    # -- zoom (视图 menu) -----------------------------------------------------------------
    def step_zoom(self, direction: int) -> None:
        """One step up or down the zoom ladder (Ctrl+= / Ctrl+-)."""
        zoom = self.counter.settings.ui.zoom
        if direction > 0:
            bigger = [z for z in ZOOM_STEPS if z > zoom + 1e-6]
            target = bigger[0] if bigger else ZOOM_STEPS[-1]
        else:
            smaller = [z for z in ZOOM_STEPS if z < zoom - 1e-6]
            target = smaller[-1] if smaller else ZOOM_STEPS[0]
        self.set_zoom(target)

    def set_zoom(self, zoom: float) -> None:
        """Change the application's text and click targets now, and keep it in settings.toml."""
        app = QApplication.instance()
        settings = self.counter.settings
        settings.ui.zoom = zoom
        if isinstance(app, QApplication):
            install_font(app, settings.ui.font_size, zoom)
        self.statusBar().showMessage(self.tr("显示比例 {percent}%").format(
            percent=round(zoom * 100)), 3000)
        directory = self.counter.data_dir
        self.jobs.background(lambda ctx: save_settings(directory, settings),
                             failure=lambda exc: self.statusBar().showMessage(
                                 self.tr("显示比例未能保存：{error}").format(
                                     error=error_text(exc)), 8000))

    # -- the idle lock --------------------------------------------------------------------
    def lock(self) -> LockScreen:
        """Cover the window with the same person's sign-in; the work stays as it was."""
        if self.lock_screen is None:
            self.lock_screen = LockScreen(self.counter, self.jobs, self.actor, self)
            self.lock_screen.unlocked.connect(self._unlocked)
        if not self.lock_screen.isVisible():
            self.idle.pause()
            # Windows of their own (reports, 案件进度) would show personal data beside the
            # lock: hidden until the person is back. Dialogs stay (hiding one would end it);
            # the lock covers them.
            self._hidden_windows = [
                w for w in QApplication.topLevelWidgets()
                if w.isVisible() and w is not self and w.parentWidget() is self
                and not isinstance(w, QDialog)]
            for w in self._hidden_windows:
                w.hide()
            self.lock_screen.cover()
        return self.lock_screen

    _hidden_windows: list[QWidget] = []

    def _unlocked(self) -> None:
        for w in self._hidden_windows:
            w.show()
        self._hidden_windows = []
        self.idle.resume()

    # -- quitting -------------------------------------------------------------------------
    def open_work(self) -> list[str]:
        """Work that quitting would lose, in words. Items waiting in the outbox are not among
        them: they are already saved and sync at the next start."""
        work: list[str] = []
        for i in range(self.tabs.count()):
            describe = getattr(self.tabs.widget(i), "open_work", None)
            if callable(describe) and (text := describe()):
                work.append(str(text))
        intake = getattr(self, "intake", None)
        if intake is not None and not callable(getattr(intake, "open_work", None)) \
                and intake._dirty():
            work.append(self.tr("窗口受理：已填写但尚未提交的受理单"))
        return work

    def request_quit(self) -> bool:
        """退出 (Ctrl+Q): asks first when something typed would be lost."""
        if not self._may_quit():
            return False
        self._quit_confirmed = True
        self.close()
        return True

    _quit_confirmed = False

    def _may_quit(self) -> bool:
        work = self.open_work()
        if not work:
            return True
        return confirm(self, self.tr("退出"), self.tr(
            "以下工作尚未保存，退出后将丢失：\n{work}\n\n（待同步的记录已保存在本机，"
            "下次启动后会继续同步，不受影响。）").format(work="\n".join(f"· {w}" for w in work)),
            self.tr("放弃并退出"))

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's close button asks like 退出 does; a close from code (tests, shutdown)
        # has already asked or need not.
        if event.spontaneous() and not self._quit_confirmed and not self._may_quit():
            event.ignore()
            return
        self.idle.stop()
        self.sync.close()
        super().closeEvent(event)
