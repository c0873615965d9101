"""Crash-test worker: record intakes in a loop until killed (kill -9).

Usage: python intake_crash_worker.py DATA_DIR LOOPS. Cycles accept / correction / refuse, each
accepted case with two page files of its own bytes (so page files are written every time), and
prints "ready" once the counter is open so the parent knows when to aim.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from hall_client.core.cases.intake import MaterialInput, PageInput, record_intake
from hall_client.core.counter import open_counter
from tests.core.cases.helpers import CLERK, HALL, full_intake, missing_intake


def intake_for(n: int, run: str) -> object:
    kind = n % 3
    if kind == 0:
        pages = (PageInput(f"{run}-{n}-a".encode() * 200), PageInput(f"{run}-{n}-b".encode()))
        base = full_intake()
        return replace(base, materials=(MaterialInput(0, pages=pages), *base.materials[1:]))
    if kind == 1:
        return missing_intake()
    return missing_intake("refuse", reason="不属于本中心受理范围")


def main(data_dir: str, loops: int) -> int:
    counter = open_counter(Path(data_dir))
    run = str(Path(data_dir).stat().st_mtime_ns)
    print("ready", flush=True)
    for n in range(loops):
        with counter.store.transaction() as s:
            record_intake(s, CLERK, HALL, counter.data_dir, intake_for(n, run))  # type: ignore[arg-type]
    counter.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
