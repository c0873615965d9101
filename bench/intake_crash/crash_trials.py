"""Many kill -9 trials of the intake loop (the suite runs only a few).

Run: ``.venv/bin/python bench/intake_crash/crash_trials.py [TRIALS]``. After every kill the
database is checked: each case whole (number, applicant, checklist, notice, audit line; if
accepted its fee assessment, page files and outbox messages) or absent, no case or notice
number skipped, the audit chain intact. Any failure stops it loudly.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.core.cases.intake_crash_check import trials


def main(count: int = 20) -> int:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        result = trials(Path(tmp) / "hall", count=count, seed=int(time.time()))
    took = time.perf_counter() - start
    print(f"{count} kill -9 trials in {took:.0f} s: {result['cases']} cases "
          f"({result['accepted']} accepted), {result['notices']} notices, "
          f"{result['outbox']} outbox messages; every case whole, no number skipped, "
          "audit chain intact")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
