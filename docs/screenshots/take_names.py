"""Screenshots for rare names (issue 9) in real windows under Xvfb: ``make screenshots``.

The clerk types the applicant 王䶮𠮷（彧） with the rare-character picker (by pinyin, then by code);
the cashier takes the payment and the receipt preview (the very image raster mode prints)
shows every character.
"""

from __future__ import annotations

import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QApplication
from take import settle_jobs

OUT = Path(__file__).resolve().parent
PAYER = "王䶮𠮷（彧）"


def main() -> int:
    os.environ.setdefault("HALL_DATA_DIR", tempfile.mkdtemp(prefix="hall-names-shots-"))
    from hall_client.core import auth, cashier, catalog, receipt_stock
    from hall_client.core.counter import DEMO_PASSWORD, open_counter
    from hall_client.core.fees import assess, parse_fee_item
    from hall_client.gui.jobs import JobRunner
    from hall_client.gui.main_window import MainWindow
    from hall_client.gui.resources import install_font, install_translator
    from hall_client.printing.issue import load_receipt
    from hall_client.printing.output import preview
    from hall_client.printing.signing import hall_key

    app = QApplication(sys.argv[:1])
    install_font(app)
    install_translator(app, "zh_CN")
    jobs = JobRunner(app)
    counter = open_counter(demo=True)
    counter.settings.printer.paper = 58

    def settle(ms: int = 600) -> None:
        settle_jobs(jobs, ms)

    clerk = auth.sign_in(counter.store.sessions, "wangjing", DEMO_PASSWORD, "W01")
    window = MainWindow(counter, jobs, clerk)
    window.resize(1024, 768)
    window.show()
    settle(1200)
    ws = window.intake
    ws.choose_item("ZR-QR-001")
    settle()
    ws.name.setText("王")
    picker = ws.name.open_picker()
    picker.query.setText("yan3")
    shown = [picker.results.item(i).text() for i in range(picker.results.count())]
    picker.results.setCurrentRow(shown.index("䶮"))
    settle()
    picker.grab().save(str(OUT / "rare-char-picker.png"))
    picker.accept()
    settle()
    picker = ws.name.open_picker()
    picker.query.setText("U+20BB7")
    settle()
    picker.grab().save(str(OUT / "rare-char-picker-code.png"))
    picker.accept()
    ws.name.insert("（彧）")
    settle()
    window.grab().save(str(OUT / "intake-rare-name.png"))
    window.close()

    admin = counter.cli_actor()
    me = auth.sign_in(counter.store.sessions, "qianfang", DEMO_PASSWORD, "W01")
    with counter.store.transaction() as s:
        receipt_stock.receive_batch(s, admin, "33010126", "0012345601", "0012346600")
        receipt_stock.issue_to_cashier(s, admin, "qianfang", "33010126", 100)
        item = catalog.get_item(s, "ZR-QR-001")
        fees = [parse_fee_item(f) for f in item.definition["fees"]]
        values = {"FS-ZR-001": "1", "FS-ZR-003": "1"}
        skip = [f.code for f in fees if f.code not in values]
        cashier.queue_assessment(s, clerk, case_ref="ZR-2026-00458", item_code="ZR-QR-001",
                                 department=item.department, payer=ws.name.text(),
                                 assessment=assess(fees, values, skip=skip))
        cashier.open_session(s, me, Decimal("500.00"))
        due = cashier.queue(s)[0]
        total = due.total
        due_id = due.id
    window = MainWindow(counter, jobs, me)
    window.resize(1024, 768)
    window.show()
    settle(1200)
    cw = window.cashier
    cw.take_payment(due_id, [cashier.PartInput("cash", str(total))], Decimal(total))
    settle(2000)
    window.grab().save(str(OUT / "cashier-rare-name.png"))
    receipt = load_receipt(counter.store.transaction, cw.last_receipt_id or "",
                           hall_code=counter.settings.hall.id, hall_name=counter.settings.hall.name)
    assert receipt.payer == PAYER, receipt.payer
    preview(receipt, hall_key(counter.data_dir), 58).save(str(OUT / "receipt-rare-name.png"))
    window.close()
    jobs.wait()
    counter.close()
    print("saved rare-name screenshots under", OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
