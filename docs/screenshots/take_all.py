"""Every workspace at 1024×768 and 1920×1080, in Chinese and in English: ``make screenshots``.

One command regenerates all of them under ``docs/screenshots/workspaces/``::

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take_all.py

A fresh demo counter (cases at the counter, a fee queue, receipt stock, an open till) and a
central server on a free loopback port (demo data and a few cases, so the supervision panels
have something to show) are set up in a temporary folder; nothing of the user's is touched.
Each role signs in and every tab and sub-tab is saved as it stands: a window that cannot
shrink to 1024×768 is saved at the size it insists on, so the picture shows it. The PNGs are
reduced to a 256-colour palette (pillow) to keep them small.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent / "workspaces"

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QEventLoop, QIODevice, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget  # noqa: E402

SIZES = ((1024, 768), (1920, 1080))
LANGS = ("zh_CN", "en")
#: page class → file name stem (each screen once, from the first role that has it)
STEMS = {
    "IntakeWorkspace": "intake", "CaseList": "cases", "CompletionWorkspace": "completion",
    "CashierWorkspace": "cashier", "BoardPanel": "supervision-board",
    "PerformancePanel": "supervision-performance", "RatingsPanel": "supervision-ratings",
    "AbnormalPanel": "supervision-abnormal", "AuditViewer": "supervision-audit",
    "CashierReportsPanel": "supervision-cashier-reports",
    "StockPanel": "supervision-receipt-stock", "AdminWorkspace": "admin",
    "CatalogBrowser": "catalog",
}
ROLES = (("clerk", "wangjing"), ("cashier", "qianfang"), ("supervisor", "zhouyan"),
         ("admin", "admin"))


def pause(ms: int) -> None:
    """An event loop, not processEvents() (PySide6 leaks on every Python-level call)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget_or_image: Any, name: str) -> Path:
    """Save a grab as a palette PNG (small, and exact enough for flat interface colours)."""
    pixmap = widget_or_image.grab() if isinstance(widget_or_image, QWidget) \
        else widget_or_image
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    path = OUT / f"{name}.png"
    for colours in (256, 128, 64):  # fewer colours only where a picture stays too large
        image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT,
                       dither=Image.Dither.NONE).save(path, optimize=True)
        if path.stat().st_size <= 150_000:
            break
    print(f"{path.relative_to(ROOT)}  {image.width}×{image.height}  "
          f"{path.stat().st_size // 1024} KB")
    return path


def step(what: str, fn: Callable[[], object]) -> None:
    """Seeding is a nicety: a step that no longer fits the code is reported, not fatal."""
    try:
        fn()
    except Exception:  # the screenshots are still worth taking
        print(f"warning: could not {what}:", file=sys.stderr)
        traceback.print_exc()


def seed_server(live: Any) -> None:
    from tests.core.supervision.server_helpers import act, call, new_case

    live.set_day(2026, 3, 16)
    for k, item in enumerate(("ZJ-XK-001", "FG-SP-001", "SC-XK-001", "ZR-XK-001",
                              "WJ-XK-001", "FG-SP-001")):
        live.set_day(2026, 3, 16 + k)
        cid = new_case(live, item, project_name=f"城东安置房{k + 1}期")["id"]
        if k % 2:
            act(live, "wangjing", cid, "approve")
    live.set_day(2026, 3, 23)
    bad = new_case(live, "FG-SP-001")
    call(live, "wangjing", "POST", "/ratings", json={
        "id": "5f0c6d1e-8d8e-4f4a-9a55-3b8c1f0e2a11", "case_id": bad["id"],
        "level": "不满意", "clerk": "wangjing", "counter": "C01",
        "rated_at": live.clock.now.isoformat(), "comment": "排队等了四十分钟，取号提示不清"})


def seed_counter(counter: Any) -> None:
    from hall_client.core import auth, cashier, catalog, receipt_stock
    from hall_client.core.cases import hall_info
    from hall_client.core.cases.intake import (
        ApplicantInput,
        FeeInput,
        Intake,
        MaterialInput,
        PageInput,
        record_intake,
    )
    from hall_client.core.counter import DEMO_PASSWORD
    from hall_client.core.fees import assess, parse_fee_item

    admin = counter.cli_actor()
    clerk = auth.sign_in(counter.store.sessions, "wangjing", DEMO_PASSWORD, "W01")
    till = auth.sign_in(counter.store.sessions, "qianfang", DEMO_PASSWORD, "W01")
    company = ApplicantInput("organisation", "杭州城东建设有限公司", "uscc",
                             "91330100MA2B3C4D5N", "13800000000", "", "王五")
    person = ApplicantInput("person", "张三", "resident_id", "11010519491231002x",
                            "13800000000", "杭州市西湖区文三路1号", "")

    def intakes() -> None:
        with counter.store.transaction() as s:
            page = PageInput(b"\xff\xd8\xffpage\xff\xd9")
            full = tuple(MaterialInput(i, pages=(page,) if i == 0 else ()) for i in range(11))
            record_intake(s, clerk, hall_info(counter.settings), counter.data_dir,
                          Intake("ZJ-XK-001", company, "accept", "城东安置房二期",
                                 materials=full, fees=(FeeInput("FS-ZJ-001", "12000"),)),
                          now=datetime.now(UTC))
            some = tuple(MaterialInput(i) for i in range(11) if i not in (3, 7))
            record_intake(s, clerk, hall_info(counter.settings), counter.data_dir,
                          Intake("ZJ-XK-001", person, "correction", "滨江花园三期1#楼",
                                 materials=some), now=datetime.now(UTC))

    def till_and_queue() -> None:
        with counter.store.transaction() as s:
            receipt_stock.receive_batch(s, admin, "33010126", "0012345601", "0012346600")
            receipt_stock.issue_to_cashier(s, admin, "qianfang", "33010126", 100)
            for code, case, payer, values in (
                    ("ZR-QR-001", "ZR-2026-00458", "张三", {"FS-ZR-001": "1", "FS-ZR-003": "1"}),
                    ("SC-DJ-001", "SC-2026-00901", "某某商贸有限公司", {"FS-SC-001": "2"})):
                item = catalog.get_item(s, code)
                fees = [parse_fee_item(f) for f in item.definition["fees"]]
                skip = [f.code for f in fees if f.code not in values]
                cashier.queue_assessment(s, clerk, case_ref=case, item_code=code,
                                         department=item.department, payer=payer,
                                         assessment=assess(fees, values, skip=skip))
            cashier.open_session(s, till, Decimal("500.00"))

    step("record the demo cases", intakes)
    step("fill the cashier's queue and open the till", till_and_queue)


def sign_in_shots(counter: Any, jobs: Any, suffix: str) -> None:
    """The sign-in dialog in the middle of a screen-sized backdrop."""
    from PySide6.QtGui import QColor, QPainter, QPixmap

    from hall_client.gui.login import LoginDialog

    login = LoginDialog(counter, jobs)
    login.username.setText("wangjing")
    login.show()
    pause(200)
    dialog = login.grab()
    login.close()
    for w, h in SIZES:
        backdrop = QPixmap(w, h)
        backdrop.fill(QColor("#3c4a5c"))
        painter = QPainter(backdrop)
        painter.drawPixmap((w - dialog.width()) // 2, (h - dialog.height()) // 2, dialog)
        painter.end()
        save(backdrop, f"sign-in-{suffix}-{w}x{h}")


def window_shots(window: Any, jobs: Any, suffix: str, done: set[str]) -> None:
    def settle(ms: int = 300) -> None:
        jobs.wait()
        pause(ms)
        jobs.wait()
        pause(50)

    def shoot(page: QWidget, size: tuple[int, int]) -> None:
        stem = STEMS.get(type(page).__name__)
        if stem is None or f"{stem}-{size}" in done:
            return
        if stem == "catalog":
            page.show_code("ZJ-XK-001")  # type: ignore[attr-defined]
            settle(600)
        save(window, f"{stem}-{suffix}-{size[0]}x{size[1]}")
        done.add(f"{stem}-{size}")

    for size in SIZES:
        window.resize(*size)
        settle(200)
        tabs: QTabWidget = window.tabs
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle()
            page = tabs.widget(i)
            inner = page.findChildren(QTabWidget, "supervisionTabs")  # its panels, each
            if inner:
                for j in range(inner[0].count()):
                    inner[0].setCurrentIndex(j)
                    settle(600)
                    shoot(inner[0].widget(j), size)
                inner[0].setCurrentIndex(0)
            else:
                shoot(page, size)


def main() -> int:
    from hall_client.core import auth
    from hall_client.core.counter import DEMO_PASSWORD, open_counter
    from hall_client.gui import main_window
    from hall_client.gui.jobs import JobRunner
    from hall_client.gui.resources import install_font, install_translator
    from tests.core.supervision.server_helpers import tokens
    from tests.e2e.live_server import start_server

    OUT.mkdir(exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_font(app)
    jobs = JobRunner(app)
    tmp = Path(tempfile.mkdtemp(prefix="hall-all-shots-"))
    live, server, _thread = start_server(tmp / "server")
    step("seed the central server", lambda: seed_server(live))
    counter = open_counter(tmp / "counter", demo=True)
    counter.settings.server.url = live.url
    seed_counter(counter)
    supervisor_tokens = tokens(live, "jiancha")
    # the supervision panels read the server as its demo supervisor (the counter itself is
    # not registered with this throw-away server)
    main_window.MainWindow._server_token = (  # type: ignore[method-assign]
        lambda self: supervisor_tokens())
    for lang in LANGS:
        install_translator(app, lang)
        suffix = lang.split("_")[0]
        sign_in_shots(counter, jobs, suffix)
        done: set[str] = set()
        for _role, username in ROLES:
            actor = auth.sign_in(counter.store.sessions, username, DEMO_PASSWORD, "W01")
            window = main_window.MainWindow(counter, jobs, actor)
            window.show()
            window_shots(window, jobs, suffix, done)
            window.close()
            window.deleteLater()
            jobs.wait()
    jobs.wait()
    counter.close()
    server.should_exit = True
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
