"""Starting the GUI: font and language, the counter's store, sign-in, the main window."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from hall_client.core.counter import Counter, open_counter
from hall_client.core.errors import DomainError
from hall_client.gui.jobs import JobRunner
from hall_client.gui.login import FirstRunDialog, LoginDialog, needs_first_run
from hall_client.gui.main_window import MainWindow
from hall_client.gui.resources import install_font, install_translator
from hall_client.sync import server_link


def run_gui(*, demo: bool = False, lang: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("hall-client")
    app.setOrganizationName("hall-client")
    install_font(app)
    jobs = JobRunner(app)
    try:
        counter = open_counter(demo=demo)
    except DomainError as exc:
        QMessageBox.critical(None, "行政服务中心窗口客户端", str(exc))
        return 1
    install_translator(app, lang or counter.settings.ui.locale)
    server: subprocess.Popen[bytes] | None = None
    if demo and counter.settings.server.start_local:
        url, server_dir = counter.settings.server.url, counter.data_dir / "server"
        jobs.background(lambda ctx: server_link.start_local_server(url, server_dir),
                        success=lambda proc: _keep(proc))

    def _keep(proc: subprocess.Popen[bytes] | None) -> None:
        nonlocal server
        server = proc

    try:
        window = sign_in_and_show(counter, jobs)
        if window is None:
            return 0
        return app.exec()
    finally:
        jobs.wait()
        if server is not None:
            server.terminate()
            server.wait(10)
        counter.close()


def sign_in_and_show(counter: Counter, jobs: JobRunner) -> MainWindow | None:
    first = needs_first_run(counter)(None)
    if first and FirstRunDialog(counter, jobs).exec() != QDialog.DialogCode.Accepted:
        return None
    login = LoginDialog(counter, jobs)
    if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
        return None
    window = MainWindow(counter, jobs, login.actor)
    window.show()
    return window
