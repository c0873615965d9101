"""Screenshots of sync in the window (under Xvfb, 1024×768): the status bar online, offline
with messages waiting, a parked error, and the clerk's notice of an approval.

Run: ``xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python docs/screenshots/take_sync.py``.
Starts a real hall-server on a free loopback port.
"""

from __future__ import annotations

import sys
import tempfile
import uuid
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def until(predicate, timeout_ms: int = 30000) -> None:  # type: ignore[no-untyped-def]
    waited = 0
    while not predicate() and waited < timeout_ms:
        wait(100)
        waited += 100


def main() -> int:
    from hall_client.core import outbox
    from hall_client.core.counter import DEMO_PASSWORD, open_counter
    from hall_client.core.settings import save_settings
    from hall_client.gui.jobs import JobRunner
    from hall_client.gui.main_window import MainWindow
    from hall_client.gui.resources import install_font, install_translator
    from hall_client.sync.credential import CredentialFile, Registration
    from tests.gui.conftest import sign_in
    from tests.sync.helpers import approve_on_server, enqueue_window_approve
    from tests.sync.live import COUNTER_SECRET, LiveServer, enqueue_case

    app = QApplication(sys.argv[:1])
    install_font(app)
    install_translator(app, "zh_CN")
    jobs = JobRunner(app)
    tmp = Path(tempfile.mkdtemp(prefix="hall-sync-shots-"))
    server = LiveServer(tmp / "server")
    server.start()

    def counter_at(name: str, url: str):  # type: ignore[no-untyped-def]
        c = open_counter(tmp / name, demo=True)
        c.settings.server.url = url
        save_settings(c.data_dir, c.settings)
        CredentialFile(c.data_dir).save(Registration(url=url, hall="demo", counter="C01",
                                                     counter_secret=COUNTER_SECRET))
        return c

    def window_for(c, password: str | None):  # type: ignore[no-untyped-def]
        w = MainWindow(c, jobs, sign_in(c, "wangjing"), server_password=password)
        w.resize(1024, 768)
        w.show()
        return w

    try:
        # Online, everything sent; then an approval comes back.
        online = counter_at("online", server.url)
        case_id, _ = enqueue_case(online, 1, pages=3)
        enqueue_window_approve(online, case_id)
        w = window_for(online, DEMO_PASSWORD)
        until(lambda: w.sync_bar.waiting.text() == "无待同步")
        wait(300)
        w.statusBar().grab().save(str(OUT / "sync-status-online.png"))
        approve_on_server(server, case_id)
        w.sync.sync_now()
        until(lambda: w.notice_bar.isVisible())
        w.open_server_case(case_id)
        cases = w.server_cases
        assert cases is not None
        until(lambda: cases.steps.total() >= 4)
        cases.move(w.x() + 12, w.y() + 160)
        cases.resize(1000, 420)
        wait(400)
        w.grab().save(str(OUT / "sync-notice-approval.png"))
        cases.grab().save(str(OUT / "sync-case-progress.png"))
        cases.close()
        w.close()
        # Offline with messages waiting.
        offline = counter_at("offline", "http://127.0.0.1:9")
        for i in range(3):
            enqueue_case(offline, 10 + i, pages=10)
        w = window_for(offline, None)
        until(lambda: "离线" in w.sync_bar.state.text())
        wait(300)
        w.statusBar().grab().save(str(OUT / "sync-status-offline.png"))
        w.close()
        # A refused (parked) message.
        parked = counter_at("parked", server.url)
        with parked.store.transaction() as s:
            outbox.enqueue(s, "case.create", {
                "id": str(uuid.uuid4()), "item_code": "ZJ-XK-999",
                "case_number": "HALL-330100-2026-W01-00007", "applicant": {"name": "张三"},
                "materials": [], "fees": []})
        enqueue_case(parked, 20, pages=2)
        w = window_for(parked, DEMO_PASSWORD)
        until(lambda: w.sync_bar.error.isVisible())
        wait(300)
        w.statusBar().grab().save(str(OUT / "sync-status-parked.png"))
        w.close()
        wait(500)
        jobs.wait()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
