"""Screenshots of the supervision screens at 1024×768 against the real server (demo data).

    xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python bench/board/screenshots.py

Writes docs/screenshots/supervision-board.png, supervision-performance.png,
rating-screen.png, rating-loop.png (and cashier-reports.png when the cashier screen exists).
"""

from __future__ import annotations

import sys
import tempfile
import uuid
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def seed(live) -> None:  # type: ignore[no-untyped-def]
    from tests.core.supervision.server_helpers import act, call, new_case

    def finish(day: tuple[int, int, int], done: tuple[int, int, int], item: str,
               reviewer: str) -> None:
        live.set_day(*day)
        cid = new_case(live, item)["id"]
        act(live, "wangjing", cid, "approve")
        live.set_day(*done)
        act(live, reviewer, cid, "approve", opinion="同意")
        for action, extra in (("certificate_issued", {"certificate_number": "Z-1"}),
                              ("collected", {"collector": "本人"}), ("finished", {})):
            act(live, "wangjing", cid, action, **extra)

    days = [(2026, 3, d) for d in (2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20)]
    for i, day in enumerate(days):
        finish(day, days[min(i + (i % 3), len(days) - 1)], "FG-SP-001", "fgj_sh1")
        if i % 2 == 0:
            finish(day, days[min(i + 1, len(days) - 1)], "SC-DJ-001", "scj_sh1")
        if i % 4 == 0:
            finish(day, days[min(i + 2, len(days) - 1)], "RS-FW-001", "rsj_sh1")
    live.set_day(2026, 3, 23)
    for item in ("ZJ-XK-001", "ZR-XK-001", "FG-SP-001", "SC-XK-001", "WJ-XK-001"):
        for k in range(3):
            live.set_day(2026, 3, 16 + k * 2)
            cid = new_case(live, item, project_name=f"演示项目 {item} {k}")["id"]
            if k:
                act(live, "wangjing", cid, "approve")
    live.set_day(2026, 3, 23)
    bad = new_case(live, "FG-SP-001")
    rating = {"id": str(uuid.uuid4()), "case_id": bad["id"], "level": "不满意",
              "clerk": "wangjing", "counter": "C01", "rated_at": live.clock.now.isoformat(),
              "comment": "排队等了四十分钟，取号提示不清"}
    call(live, "wangjing", "POST", "/ratings", json=rating)
    live.set_day(2026, 3, 24)
    call(live, "jiancha", "POST", f"/ratings/{rating['id']}/loop/verify",
         json={"note": "调取叫号记录与录像，情况属实"})


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from hall_client.core.counter import open_counter
    from hall_client.core.supervision.client import SupervisionClient
    from hall_client.core.supervision.ratings import Visit
    from hall_client.gui.jobs import JobRunner
    from hall_client.gui.resources import install_font
    from hall_client.gui.supervision.rating_screen import RatingScreen
    from hall_client.gui.supervision.workspace import SupervisionWorkspace
    from tests.core.supervision.server_helpers import new_case, tokens
    from tests.e2e.live_server import start_server

    app = QApplication.instance() or QApplication(sys.argv)
    install_font(app)  # type: ignore[arg-type]
    jobs = JobRunner()
    tmp = Path(tempfile.mkdtemp())
    live, server, thread = start_server(tmp / "server")
    seed(live)
    counter = open_counter(tmp / "counter", demo=True)
    counter.settings.server.url = live.url
    client_tokens = tokens(live, "jiancha")

    def wait(cond, ms: int = 20000) -> None:  # type: ignore[no-untyped-def]
        import time

        end = time.monotonic() + ms / 1000
        while not cond() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)
        for _ in range(20):
            app.processEvents()

    ws = SupervisionWorkspace(counter, jobs, client_tokens)
    ws.resize(1024, 768)
    ws.show()
    wait(lambda: ws.board.model.total() > 0)
    ws.board.table.selectRow(0)
    ws.grab().save(str(OUT / "supervision-board.png"))

    ws.tabs.setCurrentWidget(ws.performance)
    ws.performance.period.start.setDate(date(2026, 3, 1))
    ws.performance.load()
    wait(lambda: ws.performance.data is not None)
    ws.grab().save(str(OUT / "supervision-performance.png"))

    ws.tabs.setCurrentWidget(ws.ratings)
    ws.ratings.period.start.setDate(date(2026, 3, 1))
    ws.ratings.load()
    wait(lambda: ws.ratings.detail.rating is not None)
    ws.grab().save(str(OUT / "rating-loop.png"))

    case = new_case(live)
    from hall_client.core import auth

    actor = auth.sign_in(counter.store.sessions, "wangjing", "demo1234", "C01")
    screen = RatingScreen(counter, jobs, actor,
                          Visit(case["id"], case["case_number"], "wangjing", "王静",
                                "综合窗口1号"))
    screen.resize(1024, 520)
    screen.show()
    wait(lambda: False, 300)
    screen.grab().save(str(OUT / "rating-screen.png"))

    from hall_client.gui.cashier.reports import CashierReportsPanel
    from tests.core.test_cashier_reports import _day

    today = _day(counter)
    reports = CashierReportsPanel(counter, jobs)
    reports.resize(1024, 768)
    reports.show()
    reports.kind.setCurrentIndex(reports.kind.findData("day"))
    from PySide6.QtCore import QDate

    reports.day.setDate(QDate(today.year, today.month, today.day))
    reports.load()
    wait(lambda: reports.report is not None)
    reports.grab().save(str(OUT / "cashier-reports.png"))

    jobs.wait()
    server.should_exit = True
    thread.join(10)
    SupervisionClient  # noqa: B018  (imported for the reader: the panels use it)
    counter.close()
    print("screenshots written to", OUT)


if __name__ == "__main__":
    main()
