"""Screenshots of the intake workspace, the case list and the three notices, under Xvfb at
1024×768: ``xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python docs/screenshots/take_intake.py [en]``.

A fresh demo counter gets a few cases (one accepted long ago, now red; one due tomorrow,
yellow; a correction; a refusal); then the clerk 王静 takes one more at the window.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
OUT = Path(__file__).resolve().parent


def main() -> int:
    os.environ.setdefault("HALL_DATA_DIR", tempfile.mkdtemp(prefix="hall-intake-shots-"))
    lang = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    suffix = "" if lang.startswith("zh") else f"-{lang}"
    import pypdfium2

    from docs.screenshots.take import settle_jobs
    from hall_client.core import auth
    from hall_client.core.cases import hall_info
    from hall_client.core.cases.intake import record_intake
    from hall_client.core.counter import DEMO_PASSWORD, open_counter
    from hall_client.gui.jobs import JobRunner
    from hall_client.gui.main_window import MainWindow
    from hall_client.gui.resources import install_font, install_translator
    from tests.core.cases.helpers import CLERK, full_intake, missing_intake

    app = QApplication(sys.argv[:1])
    install_font(app)
    install_translator(app, lang)
    jobs = JobRunner(app)
    counter = open_counter(demo=True)
    hall = hall_info(counter.settings)
    with counter.store.transaction() as s:
        for when, intake in (
                (datetime(2026, 11, 2, 2, tzinfo=UTC), full_intake()),            # red
                (datetime(2026, 11, 20, 2, tzinfo=UTC), full_intake()),           # yellow
                (datetime(2026, 11, 27, 2, tzinfo=UTC), missing_intake()),
                (datetime(2026, 11, 27, 3, tzinfo=UTC),
                 missing_intake("refuse", reason="申请事项依法不需要取得行政许可")),
                (datetime(2026, 11, 28, 2, tzinfo=UTC), full_intake())):
            record_intake(s, CLERK, hall, counter.data_dir, intake, now=when)

    def settle(ms: int = 600) -> None:
        settle_jobs(jobs, ms)

    window = MainWindow(counter, jobs, auth.sign_in(counter.store.sessions, "wangjing",
                                                    DEMO_PASSWORD, "W01"))
    window.resize(1024, 768)
    window.show()
    settle(1000)
    ws = window.intake
    ws.ask_printer = False
    ws.choose_item("ZJ-XK-001")
    settle(800)
    ws.project.setText("滨江花园三期1#楼")
    ws.name.setText("张三")
    ws.id_number.setText("11010519491231002X")
    ws.phone.setText("13800000000")
    ws.address.setText("杭州市滨江区江南大道1号")
    ws.mark_all_received()
    for row, value in zip(ws.fees.rows, ("12000", "12000", "12000", "36000000"), strict=True):
        row.value.setText(value)
    ws.scroll.verticalScrollBar().setValue(0)
    settle(300)
    window.grab().save(str(OUT / f"intake-form{suffix}.png"))
    ws.scroll.ensureWidgetVisible(ws.fees)
    ws.ask_decision("accept")
    settle(300)
    window.grab().save(str(OUT / f"intake-confirm{suffix}.png"))
    ws.confirm_decision()
    settle(2500)
    window.grab().save(str(OUT / f"intake-accepted{suffix}.png"))
    window.tabs.setCurrentWidget(window.cases)
    window.cases.refresh()
    settle(800)
    window.cases.table.selectRow(0)
    settle(800)
    window.grab().save(str(OUT / f"case-list{suffix}.png"))
    if not suffix:  # the notices are Chinese documents whatever the interface language
        from hall_client.core.cases.calendar import load_calendar
        from hall_client.core.cases.queries import case_rows, latest_notice, notice_for_print
        from hall_client.gui.intake.notice_print import write_pdf_headless
        from hall_client.printing.case_notices import notice_document
        with counter.store.transaction() as s:
            rows = case_rows(s, load_calendar(s), datetime(2026, 11, 30).date())
            wanted = {}
            for r in rows:
                wanted.setdefault(r.status, r)
            contents = {st: notice_for_print(s, CLERK, latest_notice(s, r.id).id, reprint=False)
                        for st, r in wanted.items()}
        names = {"accepted": "notice-acceptance", "correction": "notice-correction",
                 "refused": "notice-refusal"}
        for status, content in contents.items():
            html, images = notice_document(content)
            pdf = OUT / f"{names[status]}.pdf"
            write_pdf_headless(pdf, html, images)
            doc = pypdfium2.PdfDocument(pdf)
            doc[0].render(scale=1.4).to_pil().save(OUT / f"{names[status]}.png")
            doc.close()
            pdf.unlink()
    window.close()
    jobs.wait()
    counter.close()
    print("saved intake screenshots under", OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
