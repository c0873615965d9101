"""Confirm-to-bytes time for a raster receipt (target ≤ 200 ms).

From the moment the cashier confirms (a Receipt built from the payment) to the complete
ESC/POS job in memory: layout, rendering with the bundled font, QR, signing, GS v 0 encoding.
The first run includes font loading and python-escpos's import; later runs are the steady
state at a counter. Run: ``.venv/bin/python bench/receipt/bench_confirm_to_bytes.py``
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from hall_client.printing.output import receipt_bytes
from hall_client.printing.sample import sample_receipt

KEY = bytes(range(32))


def with_database(runs: int) -> tuple[float, float, float, float]:
    """Confirm in the till (payment + receipt number in one transaction), read the receipt
    back, render and encode: the whole path from the cashier's Enter to printer bytes."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from hall_client.core import cashier
    from hall_client.core.cashier import PartInput
    from hall_client.core.counter import open_counter
    from hall_client.printing.issue import load_receipt
    from tests.core.cashier_helpers import CASHIER, queue, stock

    with tempfile.TemporaryDirectory() as tmp:
        counter = open_counter(Path(tmp))
        with counter.store.transaction() as s:
            stock(s, count=runs + 1)
            cashier.open_session(s, CASHIER, "0")
            dues = [queue(s, "1470.50").id for _ in range(runs)]
        timings = []
        for due in dues:
            start = time.perf_counter()
            with counter.store.transaction() as s:
                _, record = cashier.take_payment(s, CASHIER, due, [PartInput("cash", "1470.50")])
            receipt = load_receipt(counter.store.transaction, record.id, hall_code="H",
                                   hall_name="县行政服务中心")
            receipt_bytes(receipt, KEY, mode="raster", paper=58)
            timings.append((time.perf_counter() - start) * 1000)
        counter.close()
    rest = sorted(timings[1:])
    p95 = rest[int(len(rest) * 0.95) - 1]
    print(f"58 mm raster incl. payment transaction and read-back: first {timings[0]:.1f} ms, "
          f"median {statistics.median(rest):.1f} ms, p95 {p95:.1f} ms, max {max(rest):.1f} ms")
    return timings[0], statistics.median(rest), p95, max(rest)


def main(runs: int = 50) -> int:
    results: dict[object, tuple[float, float, float, float]] = {}
    for paper in (58, 80):
        timings = []
        for n in range(runs):
            start = time.perf_counter()
            receipt = sample_receipt(datetime.now(UTC))
            data = receipt_bytes(receipt, KEY, mode="raster", paper=paper)
            timings.append((time.perf_counter() - start) * 1000)
            assert data and n >= 0
        first, rest = timings[0], sorted(timings[1:])
        p95 = rest[int(len(rest) * 0.95) - 1]
        results[paper] = (first, statistics.median(rest), p95, max(rest))
        print(
            f"{paper} mm raster: first {first:.1f} ms (cold), median {statistics.median(rest):.1f} "
            f"ms, p95 {p95:.1f} ms, max {max(rest):.1f} ms, {len(data)} bytes"
        )
    results["db"] = with_database(runs)
    worst = max(r[2] for r in results.values())
    print("target p95 ≤ 200 ms:", "met" if worst <= 200 else "MISSED")
    return 0 if worst <= 200 else 1


if __name__ == "__main__":
    sys.exit(main())
