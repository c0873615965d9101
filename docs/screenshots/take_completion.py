"""Take the completion (出件) screenshots under Xvfb at 1024×768:
``xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python docs/screenshots/take_completion.py``.

A demo counter holds five results as the sync engine stores them (paid, waiting for the fee,
free, licence printed, refused); the clerk 王静 sees the collection queue, then opens the
construction-permit licence with its fields typed, showing the print preview.
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from take import settle_jobs

OUT = Path(__file__).resolve().parent


def server_case(n: int, name: str, *, item: str = "ZJ-XK-001", fee: str = "600.00",
                paid: bool = False, status: str = "awaiting_collection",
                finished: str = "2026-11-25T02:00:00+00:00") -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "case_number": f"ZJ-2026-{n:05d}", "status": status,
            "item_code": item,
            "item_name": {"ZJ-XK-001": "建筑工程施工许可证核发",
                          "ZR-QR-001": "不动产权首次登记"}.get(item, "食品经营许可"),
            "project_name": "滨江花园三期1#楼" if item == "ZJ-XK-001" else "",
            "applicant": {"kind": "organisation" if "公司" in name else "person", "name": name,
                          "id_type": "resident_id", "id_number": "11010519491231002X",
                          "phone": "13800000000"},
            "fee_total": fee, "window_record": {"payment": {"amount": fee}} if paid else {},
            "outcome_reason": "建设用地规划许可证与申请的建设地址不符" if status == "rejected" else "",
            "warning": "green", "promised_due": None,
            "counter": "W01" if n != 118 else "W02",  # one case of another counter (F4 shows it)
            "decision_number": f"HALL-330100不许〔2026〕{n:05d}号" if status == "rejected" else "",
            "steps": [{"post": "chief", "finished_at": finished},
                      {"post": "window_finish", "finished_at": None}]}


def main() -> int:
    os.environ.setdefault("HALL_DATA_DIR", tempfile.mkdtemp(prefix="hall-completion-shots-"))
    from hall_client.core import auth
    from hall_client.core.counter import DEMO_PASSWORD, open_counter
    from hall_client.core.results import licences
    from hall_client.core.results.seal import hall_seal
    from hall_client.gui.completion.dialogs import LicenceDialog
    from hall_client.gui.jobs import JobRunner
    from hall_client.gui.main_window import MainWindow
    from hall_client.gui.resources import install_font, install_translator
    from hall_client.sync.pull import apply_case

    lang = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    app = QApplication(sys.argv[:1])
    install_font(app)
    install_translator(app, lang)
    jobs = JobRunner(app)
    counter = open_counter(demo=True)
    clerk = auth.sign_in(counter.store.sessions, "wangjing", DEMO_PASSWORD, "W01")
    cases = [server_case(112, "杭州某建设有限公司", paid=True),
             server_case(118, "张三", item="ZR-QR-001", fee="80.00",
                         finished="2026-11-27T02:00:00+00:00"),
             server_case(120, "李四", item="SC-DJ-001", fee="0.00",
                         finished="2026-11-28T02:00:00+00:00"),
             server_case(97, "某某房地产开发有限公司", paid=True,
                         finished="2026-11-20T02:00:00+00:00"),
             server_case(101, "王五", status="rejected", fee="0.00")]
    with counter.store.transaction() as s:
        for c in cases:
            apply_case(s, c)
        s.flush()
        done = licences.prepare_licence(
            s, clerk, cases[3]["id"],
            {"建设地址": "县城东路8号", "建设规模": "18600 平方米", "合同价格（万元）": "5200",
             "施工单位": "某某建工集团有限公司"},
            hall_code=counter.settings.hall.id, seal=hall_seal(counter.data_dir))
        licences.licence_printed(s, clerk, done.id)
    window = MainWindow(counter, jobs, clerk)
    window.resize(1024, 768)
    window.show()
    settle_jobs(jobs, 1200)
    window.tabs.setCurrentWidget(window.completion)
    window.completion.select_case("ZJ-2026-00112")
    settle_jobs(jobs, 600)
    suffix = "" if lang == "zh_CN" else "-en"
    window.grab().save(str(OUT / f"completion-queue{suffix}.png"))
    ws = window.completion
    ws.show_issued()
    settle_jobs(jobs, 600)
    ws.issued.resize(1024, 768)
    settle_jobs(jobs, 300)
    ws.issued.grab().save(str(OUT / f"completion-issued{suffix}.png"))
    ws.issued.close()
    entry = ws.current()
    assert entry is not None
    dialog = LicenceDialog(counter, entry.case, QFont(app.font()), {
        "建设地址": "县城东路8号", "建设规模": "12000 平方米", "合同价格（万元）": "3600",
        "施工单位": "某某建工集团有限公司", "监理单位": "某某工程监理有限公司",
        "合同工期": "540 日历天"}, parent=window)
    dialog.resize(1000, 700)
    dialog.show()
    dialog.refresh_preview()
    settle_jobs(jobs, 800)
    dialog.grab().save(str(OUT / f"licence-preview{suffix}.png"))
    dialog.close()
    window.close()
    jobs.wait()
    counter.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
