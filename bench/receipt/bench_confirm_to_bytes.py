"""Confirm-to-bytes time for a raster receipt (target ≤ 200 ms).

From the moment the cashier confirms (a Receipt built from the payment) to the complete
ESC/POS job in memory: layout, rendering with the bundled font, QR, signing, GS v 0 encoding.
The first run includes font loading and python-escpos's import; later runs are the steady
state at a counter. Run: ``.venv/bin/python bench/receipt/bench_confirm_to_bytes.py``
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import UTC, datetime

from hall_client.printing.output import receipt_bytes
from hall_client.printing.sample import sample_receipt

KEY = bytes(range(32))


def main(runs: int = 50) -> int:
    results = {}
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
    worst = max(r[2] for r in results.values())
    print("target p95 ≤ 200 ms:", "met" if worst <= 200 else "MISSED")
    return 0 if worst <= 200 else 1


if __name__ == "__main__":
    sys.exit(main())
