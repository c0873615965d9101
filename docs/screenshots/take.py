"""Take the README screenshots in a real window under Xvfb: ``make screenshots``.

Starts from a fresh demo data directory, signs in as the demo administrator (who also holds
the supervisor role) and saves the sign-in dialog, the main window and the catalog browser.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

OUT = Path(__file__).resolve().parent


def settle_jobs(jobs: object, ms: int = 600) -> None:
    """Let the window work for ``ms``, then wait for background jobs and their callbacks.

    An event loop, not a processEvents() busy loop: PySide6 6.12 leaks a reference to None on
    every Python-level processEvents() call and aborts after a few thousand.
    """
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    jobs.wait()  # type: ignore[attr-defined]
    loop2 = QEventLoop()
    QTimer.singleShot(50, loop2.quit)
    loop2.exec()


def main() -> int:
    os.environ.setdefault("HALL_DATA_DIR", tempfile.mkdtemp(prefix="hall-shots-"))
    lang = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    suffix = "" if lang.startswith("zh") else f"-{lang}"
    from hall_client.core.counter import DEMO_PASSWORD, open_counter
    from hall_client.gui.jobs import JobRunner
    from hall_client.gui.login import LoginDialog
    from hall_client.gui.main_window import MainWindow
    from hall_client.gui.resources import install_font, install_translator

    app = QApplication(sys.argv[:1])
    install_font(app)
    install_translator(app, lang)
    jobs = JobRunner(app)
    counter = open_counter(demo=True)

    def settle(ms: int = 600) -> None:
        settle_jobs(jobs, ms)

    login = LoginDialog(counter, jobs)
    login.username.setText("admin")
    login.password.setText(DEMO_PASSWORD)
    login.show()
    settle()
    login.grab().save(str(OUT / f"sign-in{suffix}.png"))
    login.submit()
    settle()
    assert login.actor is not None, login.message.text()
    window = MainWindow(counter, jobs, login.actor)
    window.show()
    settle(1500)
    window.tabs.setCurrentWidget(window.audit)
    window.audit.verify()
    settle()
    window.grab().save(str(OUT / f"main-window{suffix}.png"))
    window.tabs.setCurrentWidget(window.catalog)
    window.catalog.show_code("ZJ-XK-001")
    settle(1200)
    window.grab().save(str(OUT / f"catalog-browser{suffix}.png"))
    if not suffix:  # the notice is a Chinese document whatever the interface language
        window.catalog.print_to_pdf(OUT / "one-time-notice.pdf")
        settle(300)
    window.close()

    jobs.wait()
    counter.close()
    print("saved screenshots under", OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
