"""Walk every window, tab, sub-panel and dialog of every role in one language and run the
checks of :mod:`tests.gui.walkers.checks` on each state, at 1024×768 with the real font."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import auth
from hall_client.core.counter import DEMO_PASSWORD, Counter
from hall_client.gui import resources
from hall_client.gui.jobs import JobRunner
from tests.gui.walkers import checks
from tests.gui.walkers.registry import DIALOGS, ROLES, SCREENS, Env

WIDTH, HEIGHT = 1024, 768
checks.SCREEN_CLASSES.update(SCREENS)
#: plain dialogs that only wrap a screen: their findings are the screen's
WRAPPERS = {"pagesDialog": "PageWorkspace"}
CHECK_NAMES = ("language", "inside", "clipped", "primary")


@dataclass
class Findings:
    """What one language's walk found, per (screen, check), and which screens it saw."""

    lang: str
    found: dict[tuple[str, str], set[checks.Violation]] = field(
        default_factory=lambda: defaultdict(set))
    visited: set[str] = field(default_factory=set)

    def of(self, screen: str, check: str) -> list[str]:
        return sorted(str(v) for v in self.found.get((screen, check), ()))


def pause(ms: int) -> None:
    """Let the event loop run (an event loop, not processEvents(): see take.py)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(jobs: JobRunner, ms: int = 30) -> None:
    jobs.wait()
    pause(ms)
    jobs.wait()
    pause(10)


def screen_of(w: QWidget | None) -> str:
    """The nearest registered screen holding ``w``, within its own window."""
    node = w
    while node is not None:
        name = type(node).__name__
        if name in SCREENS:
            return name
        if node.isWindow():
            return WRAPPERS.get(node.objectName(), name)
        node = node.parentWidget()
    return "MainWindow"


@contextmanager
def language(lang: str) -> Iterator[None]:
    """The real font, target sizes and language, restored afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, sheet, locale = app.font(), app.styleSheet(), QLocale()
    resources.install_font(app)
    resources.install_translator(app, lang)
    try:
        yield
    finally:
        for translator in resources._installed:
            app.removeTranslator(translator)
        resources._installed.clear()
        QLocale.setDefault(locale)
        app.setStyleSheet(sheet)
        app.setFont(font)


@contextmanager
def _alone(tabs: QTabWidget, index: int) -> Iterator[None]:
    """Only page ``index`` sizes the tab widget (a hidden page's minimum size otherwise widens
    the window and every other page would be blamed for it)."""
    saved = []
    for i in range(tabs.count()):
        page = tabs.widget(i)
        if i != index:
            saved.append((page, page.sizePolicy()))
            page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    _relayout(tabs)
    try:
        yield
    finally:
        for page, policy in saved:
            page.setSizePolicy(policy)
        _relayout(tabs)


def _relayout(tabs: QTabWidget) -> None:
    """A hidden page's new size policy reaches no layout by itself: tell them."""
    stack = tabs.currentWidget().parentWidget()
    node: QWidget | None = stack
    while node is not None:
        layout = node.layout()
        if layout is not None:
            layout.invalidate()
        node.updateGeometry()
        node = node.parentWidget()


class Walker:
    def __init__(self, counter: Counter, jobs: JobRunner, lang: str) -> None:
        self.counter, self.jobs = counter, jobs
        self.findings = Findings(lang)
        self.language_check: Callable[[QWidget], list[checks.Violation]] = \
            checks.check_chinese if lang.startswith("zh") else checks.check_english

    def look(self, top: QWidget, *, width: int = WIDTH, height: int = HEIGHT) -> None:
        """Run every check on what ``top`` shows now."""
        for w in checks.visible_widgets(top):
            self.findings.visited.add(screen_of(w))
        results = {
            "language": self.language_check(top),
            "inside": checks.check_inside(top, width, height),
            "clipped": checks.check_clipped(top),
            "primary": checks.check_primary(top),
        }
        for name, violations in results.items():
            for v in violations:
                self.findings.found[(screen_of(v.where), name)].add(v)

    def visit_tabs(self, top: QWidget, tabs: QTabWidget) -> None:
        """Each page of ``tabs`` in turn, and the pages of any tab widget inside it."""
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            with _alone(tabs, i):
                settle(self.jobs)  # the layouts take in the new minimum sizes
                top.resize(WIDTH, HEIGHT)
                settle(self.jobs)
                self.look(top)
                for inner in tabs.widget(i).findChildren(QTabWidget):
                    if inner.isVisible():
                        self.visit_tabs(top, inner)
        tabs.setCurrentIndex(0)

    def walk_role(self, role: str, username: str) -> None:
        from hall_client.gui.main_window import MainWindow

        actor = auth.sign_in(self.counter.store.sessions, username, DEMO_PASSWORD, "W01")
        window = MainWindow(self.counter, self.jobs, actor)
        window.resize(WIDTH, HEIGHT)
        window.show()
        settle(self.jobs, 100)
        self.visit_tabs(window, window.tabs)
        if "cashier" in actor.roles:
            panel = window.show_cashier_reports()
            settle(self.jobs)
            self.look(panel)
            panel.close()
        self.walk_server_cases(window)
        self.walk_notice(window)
        if role == "clerk":
            self.walk_pages(window)
        env = Env(self.counter, self.jobs, actor, window)
        for _name, (owner, factory) in DIALOGS.items():
            if owner != role:
                continue
            dialog = factory(env)
            dialog.show()
            settle(self.jobs)
            self.look(dialog)
            dialog.close()
            dialog.deleteLater()
        window.close()
        window.deleteLater()
        settle(self.jobs)

    def walk_server_cases(self, window: QWidget) -> None:
        """案件进度 (Ctrl+Shift+P) as the main window opens it, in a window of its own (not
        through open_server_case: raise() warns on the offscreen platform)."""
        from hall_client.gui.sync.cases import ServerCasesWorkspace

        cases = ServerCasesWorkspace(self.counter, self.jobs)
        cases.setParent(window, Qt.WindowType.Window)
        cases.setWindowTitle(QCoreApplication.translate("MainWindow", "案件进度（中心服务器）"))
        cases.resize(1000, 600)
        cases.show()
        settle(self.jobs)
        self.look(cases)
        cases.close()
        cases.deleteLater()

    def walk_notice(self, window: Any) -> None:
        """The notice bar above the workspaces, with a notice of the server's."""
        from hall_client.gui.sync.service import Snapshot
        from hall_client.sync.views import NoticeRow

        notices = [NoticeRow("n1", "c1", "ZJ-2026-00112", "correction", "需要补正：缺少施工合同"),
                   NoticeRow("n2", "c2", "ZJ-2026-00113", "approved", "已批准")]
        window.notice_bar.show_snapshot(Snapshot(None, notices))
        window.resize(WIDTH, HEIGHT)
        settle(self.jobs)
        self.look(window)
        window.notice_bar.show_snapshot(Snapshot(None, []))

    def walk_pages(self, window: QWidget) -> None:
        """The page workspace, as the intake opens it (F3): in a 1000×700 dialog."""
        from hall_client.gui.pages.workspace import PageWorkspace
        from hall_client.pages.page_set import PageSet
        from hall_client.pages.profiles import get_profile

        dialog = QDialog(window)
        dialog.setObjectName("pagesDialog")
        dialog.setWindowTitle(QCoreApplication.translate("IntakeWorkspace", "页面"))
        dialog.resize(1000, 700)
        pages = PageSet(Path(self.counter.data_dir), get_profile("construction-permit"))
        workspace = PageWorkspace(pages, self.jobs, camera=None, project="城东安置房二期",
                                  parent=dialog)
        box = QVBoxLayout(dialog)
        box.addWidget(workspace)
        dialog.show()
        settle(self.jobs)
        self.look(dialog)
        dialog.close()
        dialog.deleteLater()

    def walk(self) -> Findings:
        with language(self.findings.lang):
            for role, username in ROLES.items():
                self.walk_role(role, username)
        return self.findings
