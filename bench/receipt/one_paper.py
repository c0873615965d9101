"""Twenty `hall-client receipt print` processes at once on one pending receipt.

Run: ``.venv/bin/python bench/receipt/one_paper.py [RUNS]``. Exactly one paper must come out;
every other run is refused (a second paper is a reprint: ``receipt reprint``, marked 重打 and
counted). The suite runs a few (tests/printing/test_one_paper.py).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.printing.one_paper import race


def main(runs: int = 20) -> int:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        result = race(Path(tmp), runs)
    took = time.perf_counter() - start
    print(f"{result.runs} concurrent receipt print runs in {took:.1f} s: {result.printed} "
          f"printed, {result.refused} refused, {result.papers} paper(s) written; receipt "
          f"{result.status}, reprints {result.reprints}, {result.printed_lines} audit line(s)")
    ok = (result.printed, result.papers, result.printed_lines, result.status) == (
        1, 1, 1, "printed") and result.refused == runs - 1
    print("OK: one paper per number" if ok else "FAIL: more than one paper for one number")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
