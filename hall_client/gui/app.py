"""Starting the GUI: font and language, the counter's store, sign-in, the main window.

Opening the store (which may run migrations) and the first-run check happen on the database
executor like any other database work; the dialogs follow when they report back.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from hall_client.core.counter import Counter, open_counter
from hall_client.core.logfile import configure_file_logging, stop_file_logging
from hall_client.core.settings import data_dir
from hall_client.gui.jobs import JobContext, JobRunner
from hall_client.gui.login import FirstRunDialog, LoginDialog, needs_first_run
from hall_client.gui.main_window import MainWindow
from hall_client.gui.resources import install_font, install_translator
from hall_client.gui.widgets.form_dialog import error_text
from hall_client.sync import server_link


@dataclass
class _Opened:
    counter: Counter
    first_run: bool


class Startup(QObject):
    """Drives start-up: open the store, first-run set-up, sign-in, then the main window."""

    def __init__(self, app: QApplication, jobs: JobRunner, *, demo: bool,
                 lang: str | None) -> None:
        super().__init__(app)
        self.app, self.jobs, self.demo, self.lang = app, jobs, demo, lang
        self.counter: Counter | None = None
        self.window: MainWindow | None = None
        self.server: subprocess.Popen[bytes] | None = None
        self.exit_code = 0
        self.progress = QProgressDialog(self.app.translate("Startup", "正在打开本地数据库…"),
                                        "", 0, 0)
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.progress.setMinimumDuration(300)

    def start(self) -> None:
        demo = self.demo

        def open_store(ctx: JobContext) -> _Opened:
            counter = open_counter(demo=demo)
            return _Opened(counter, needs_first_run(counter))

        self.jobs.db(open_store, success=self._opened, failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.progress.close()
        QMessageBox.critical(None, self.app.translate("Startup", "无法启动"), error_text(exc))
        self.exit_code = 1
        self.app.quit()

    def _opened(self, opened: _Opened) -> None:
        self.progress.close()
        counter = self.counter = opened.counter
        ui = counter.settings.ui
        install_font(self.app, ui.font_size, ui.zoom)
        install_translator(self.app, self.lang or ui.locale)
        if self.demo and counter.settings.server.start_local:
            url, server_dir = counter.settings.server.url, counter.data_dir / "server"
            self.jobs.background(lambda ctx: server_link.start_local_server(url, server_dir),
                                 success=self._server_started)
        if opened.first_run and FirstRunDialog(counter, self.jobs).exec() \
                != QDialog.DialogCode.Accepted:
            self.app.quit()
            return
        login = LoginDialog(counter, self.jobs)
        if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
            self.app.quit()
            return
        self.window = MainWindow(counter, self.jobs, login.actor,
                                 server_password=login.take_password())
        self.window.show()

    def _server_started(self, proc: subprocess.Popen[bytes] | None) -> None:
        self.server = proc
        if self.counter is not None:
            # Demo: register this counter with the local demo server (hall demo, counter C01).
            server_link.register_demo_counter(self.counter.data_dir,
                                              self.counter.settings.server.url)
        if self.window is not None:
            self.window.check_server()

    def shutdown(self) -> None:
        self.jobs.wait()
        if self.server is not None:
            self.server.terminate()
            self.server.wait(10)
        if self.counter is not None:
            self.counter.close()


def run_gui(*, demo: bool = False, lang: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("hall-client")
    app.setOrganizationName("hall-client")
    install_font(app)
    configure_file_logging(data_dir())  # ID and phone numbers masked on the way
    jobs = JobRunner(app)
    startup = Startup(app, jobs, demo=demo, lang=lang)
    # Quit cleanly (stopping the demo server, closing the database) on Ctrl+C or SIGTERM; the
    # timer gives the interpreter a moment now and then to run the Python signal handler.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    ticker = QTimer(app, interval=500)
    ticker.timeout.connect(lambda: None)
    ticker.start()
    startup.start()
    try:
        code = app.exec()
    finally:
        startup.shutdown()
        stop_file_logging()
    return startup.exit_code or code
