"""Take the cashier screenshots in a real window under Xvfb: ``make screenshots``.

A fresh demo counter gets a receipt batch, three queued assessments and an open till; the
demo cashier 钱芳 takes one payment (cash and transfer) that prints to a file printer. Saves
the workspace, the payment dialog and the receipt preview (the very image raster mode prints).
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


def main() -> int:
    os.environ.setdefault("HALL_DATA_DIR", tempfile.mkdtemp(prefix="hall-cashier-shots-"))
    from hall_client.core import auth, cashier, catalog, receipt_stock
    from hall_client.core.counter import DEMO_PASSWORD, open_counter
    from hall_client.core.fees import assess, parse_fee_item
    from hall_client.gui.cashier_workspace import PaymentDialog
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
    counter.settings.printer.uri = f"file:{Path(os.environ['HALL_DATA_DIR']) / 'printer.bin'}"
    counter.settings.printer.paper = 58
    admin = counter.cli_actor()
    clerk = auth.sign_in(counter.store.sessions, "wangjing", DEMO_PASSWORD, "W01")
    me = auth.sign_in(counter.store.sessions, "qianfang", DEMO_PASSWORD, "W01")
    with counter.store.transaction() as s:
        receipt_stock.receive_batch(s, admin, "33010126", "0012345601", "0012346600")
        receipt_stock.issue_to_cashier(s, admin, "qianfang", "33010126", 100)
        for code, case, payer, values in [
            ("ZJ-XK-001", "ZJ-2026-00112", "杭州某建设有限公司",
             {"FS-ZJ-001": "1250.5", "FS-ZJ-002": "1250.5", "FS-ZJ-003": "1250.5",
              "FS-ZJ-004": "3860000"}),
            ("ZR-QR-001", "ZR-2026-00458", "张三", {"FS-ZR-001": "1", "FS-ZR-003": "1"}),
            ("SC-DJ-001", "SC-2026-00901", "某某商贸有限公司", {"FS-SC-001": "2"}),
        ]:
            item = catalog.get_item(s, code)
            fees = [parse_fee_item(f) for f in item.definition["fees"]]
            skip = [f.code for f in fees if f.code not in values]
            cashier.queue_assessment(s, clerk, case_ref=case, item_code=code,
                                     department=item.department, payer=payer,
                                     assessment=assess(fees, values, skip=skip))
        cashier.open_session(s, me, Decimal("500.00"))

    def settle(ms: int = 600) -> None:
        settle_jobs(jobs, ms)

    window = MainWindow(counter, jobs, me)
    window.show()
    settle(1200)
    ws = window.cashier
    ws.queue_view.selectRow(1)
    due = ws.queue_model.row(1)
    dialog = PaymentDialog(due, window)
    dialog.cash.setText("50.00")
    dialog.tendered.setText("100")
    dialog.transfer.setText(f"{due.total - Decimal('50.00'):.2f}")
    dialog.transfer_ref.setText("BK20261128000451")
    dialog.show()
    settle()
    dialog.grab().save(str(OUT / "cashier-payment.png"))
    parts, tendered = dialog.parts(), dialog.tendered_value()
    dialog.close()
    ws.take_payment(due.id, parts, tendered)
    settle(2000)
    window.grab().save(str(OUT / "cashier-workspace.png"))
    receipt = load_receipt(counter.store.transaction, ws.last_receipt_id or "",
                           hall_code=counter.settings.hall.id, hall_name=counter.settings.hall.name)
    preview(receipt, hall_key(counter.data_dir), 58).save(str(OUT / "receipt-preview.png"))
    window.close()
    jobs.wait()
    counter.close()
    print("saved cashier screenshots under", OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
