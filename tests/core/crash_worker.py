"""Crash-test worker: take payments and print receipts in a loop until killed (kill -9).

Usage: python crash_worker.py DATA_DIR PRINTER_FILE LOOPS. On start it settles receipts left
pending by the previous (killed) run, settling by number parity (odd: mark printed, even: spoil and reissue),
then loops: queue an assessment, take payment (number taken in that transaction), print to a
file printer, confirm. Prints "ready" once recovery is done so the parent knows when to aim.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from hall_client.core import cashier, receipt_stock
from hall_client.core.cashier import PartInput
from hall_client.core.counter import open_counter
from hall_client.core.receipt_recovery import settle_pending
from hall_client.printing.issue import print_receipt
from tests.core.cashier_helpers import CASHIER, queue

KEY = bytes(range(32))
HALL = {"hall_code": "HALL-TEST", "hall_name": "测试大厅"}


def main(data_dir: str, printer_file: str, loops: int) -> int:
    counter = open_counter(Path(data_dir))
    printer = f"file:{printer_file}"
    with counter.store.transaction() as s:
        pending = [(r.id, r.number) for r in receipt_stock.pending_receipts(s, CASHIER.username)]
    for receipt_id, number in pending:
        # Odd numbers: "nothing came out", print the same number; even: spoil and reissue.
        with counter.store.transaction() as s:
            record = settle_pending(s, CASHIER, number % 2 == 1, receipt_id)
            new_id = record.id if record.status == "pending" else None
        if new_id:
            print_receipt(counter.store.transaction, CASHIER, new_id, printer=printer, key=KEY,
                          **HALL)
        print("recovered", number, flush=True)
    print("ready", flush=True)
    for n in range(loops):
        with counter.store.transaction() as s:
            due = queue(s, Decimal(10 + n % 7) + Decimal("0.35"))
            _, receipt = cashier.take_payment(s, CASHIER, due.id,
                                              [PartInput("cash", due.total)])
        print_receipt(counter.store.transaction, CASHIER, receipt.id, printer=printer, key=KEY,
                      **HALL)
    counter.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
