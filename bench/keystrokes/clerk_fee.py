"""The clerk's fee assessment, keyboard only, timed: how many keys from "next applicant" to a
complete assessment of 建筑工程施工许可证核发 (ZJ-XK-001: three fee standards on the floor area,
one on the contract price), with every material received.

It drives the real intake workspace in a real main window (offscreen) with QTest key events,
as a clerk would: find the item (by what the clerk types: the code, or where the picker knows
them, pinyin initials), F6 for the materials, Tab to each fee input the form offers and type
the number, until the form shows the total. Every key press counts: each typed character,
Tab, Enter, F6. Chinese text is not typed here (no input method), so the applicant part is
left out: it is the same before and after.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/keystrokes/clerk_fee.py [--runs N]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from hall_client.core import auth
from hall_client.core.counter import DEMO_PASSWORD, open_counter
from hall_client.gui.jobs import JobRunner

AREA, PRICE = "12000", "36000000"
EXPECTED_TOTAL = Decimal("12000") * (Decimal("60") + Decimal("1") + Decimal("8")) + \
    Decimal("36000")  # 0.1 % of the contract price, under the 50,000 cap


class Keys:
    """Key presses sent to whatever has the focus, counted."""

    def __init__(self) -> None:
        self.count = 0
        self.log: list[str] = []

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, name: str) -> None:
        QTest.keyClick(self.focus(), key)
        self.count += 1
        self.log.append(name)
        QCoreApplication.processEvents()

    def type(self, text: str) -> None:
        for ch in text:
            QTest.keyClick(self.focus(), ch)
            self.count += 1
        self.log.append(repr(text))
        QCoreApplication.processEvents()

    def tab_to(self, target: QWidget, limit: int = 200) -> None:
        for _ in range(limit):
            if self.focus() is target:
                return
            self.press(Qt.Key.Key_Tab, "Tab")
        raise AssertionError(f"Tab never reached {target.objectName() or target}")


def wait(condition: object, timeout_ms: int = 20000) -> None:
    timer = QElapsedTimer()
    timer.start()
    while not condition():  # type: ignore[operator]
        if timer.elapsed() > timeout_ms:
            raise TimeoutError("the workspace did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.005)


def fee_inputs(ws: object) -> list[tuple[QWidget, str]]:
    """The inputs the fee form asks the clerk to fill, in order, with the number each takes.

    One per distinct quantity where the form groups them (``quantity_inputs``), else one per
    fee row (the original form)."""
    fees = ws.fees  # type: ignore[attr-defined]
    if hasattr(fees, "quantity_inputs"):
        out = []
        for q in fees.quantity_inputs():
            out.append((q.edit, PRICE if q.needs == "base" else AREA))
        return out
    return [(row.value, PRICE if row.item.rule.needs == "base" else AREA)
            for row in fees.rows if row.item.rule.needs]


def one_run(data: Path, query: str) -> tuple[int, float, list[str]]:
    from hall_client.gui.main_window import MainWindow

    counter = open_counter(data)
    counter.settings.server.url = "http://127.0.0.1:9"
    jobs = JobRunner()
    actor = auth.sign_in(counter.store.sessions, "wangjing", DEMO_PASSWORD, "W01")
    window = MainWindow(counter, jobs, actor)
    window.resize(1024, 768)
    window.show()
    window.activateWindow()
    ws = window.intake
    ws.ask_printer = False
    wait(lambda: ws.item.count() > 0 and QApplication.focusWidget() in (ws.item,
                                                                       ws.item.lineEdit()))
    keys = Keys()
    started = time.perf_counter()
    keys.type(query)
    keys.press(Qt.Key.Key_Return, "Enter")
    wait(lambda: ws.item_code == "ZJ-XK-001" and len(ws.materials) == 12
         and fee_inputs(ws))
    QTest.qWait(50)
    keys.press(Qt.Key.Key_F6, "F6")
    for widget, value in fee_inputs(ws):
        keys.tab_to(widget)
        keys.type(value)
    wait(lambda: ws.fees.assessment is not None)
    elapsed = time.perf_counter() - started
    total = ws.fees.assessment.total
    assert total == EXPECTED_TOTAL, (total, EXPECTED_TOTAL)
    window.close()
    jobs.wait()
    window.deleteLater()
    QCoreApplication.processEvents()
    counter.close()
    return keys.count, elapsed, keys.log


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="",
                        help="what the clerk types to find the item (default: pinyin initials "
                             "where the picker knows them, else the item code)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    from hall_client.gui.resources import install_font

    install_font(app)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template"
        template.mkdir()
        open_counter(template, demo=True).close()
        query = args.query
        if not query:
            try:
                from hall_client.core.catalog_search import initials  # noqa: F401
                query = "sgxk"  # 施工许可, by its pinyin initials
            except ImportError:
                query = "ZJ-XK-001"
        results = []
        for n in range(args.runs):
            data = Path(tmp) / f"run{n}"
            shutil.copytree(template, data)
            results.append(one_run(data, query))
        counts = {r[0] for r in results}
        times = sorted(r[1] for r in results)
        print(f"query typed: {query!r}")
        print(f"keys: {sorted(counts)}  ({' '.join(results[0][2])})")
        print(f"time from first key to total shown: median {times[len(times) // 2] * 1000:.0f} ms"
              f" (min {times[0] * 1000:.0f}, max {times[-1] * 1000:.0f}) over {args.runs} runs")


if __name__ == "__main__":
    main()
