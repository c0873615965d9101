"""Many kill -9 trials of the payment+print loop (the suite runs only a few).

Run: ``.venv/bin/python bench/receipt/crash_trials.py [TRIALS]``. Prints how many receipt
numbers were used, printed and spoiled; any gap, duplicate or unaccounted number fails loudly.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.core.crash_check import RECOVERED, trials


def main(count: int = 50) -> int:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        result = trials(Path(tmp) / "hall", count=count, seed=int(time.time()))
    took = time.perf_counter() - start
    print(f"{count} kill -9 trials in {took:.0f} s: {result['numbers']} numbers used, "
          f"{result['printed']} printed, {result['spoiled']} spoiled (作废), "
          f"{len(RECOVERED)} left pending by a kill and settled, no gaps, "
          "no duplicates, audit chain intact")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 50))
