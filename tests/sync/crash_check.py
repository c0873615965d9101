"""kill -9 of the sync process at random moments; after a final undisturbed run every case,
page and window step is on the server exactly once (shared by the suite and
``bench/sync_faults/crash_trials.py``)."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from hall_client.core.counter import open_counter
from tests.sync.helpers import check_server_has, enqueue_window_approve, pending_count
from tests.sync.live import PASSWORD, ROOT, LiveServer, enqueue_case, make_counter


def _sync_process(data_dir: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "hall_client", "--data-dir", str(data_dir), "sync", "run",
         "--once", "--user", "wangjing", "--wait", "5"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert proc.stdin is not None
    proc.stdin.write(PASSWORD.encode() + b"\n")
    proc.stdin.close()
    return proc


def trials(server: LiveServer, data_dir: Path, *, count: int, seed: int,
           cases_per_trial: int = 2, pages: int = 4) -> dict[str, Any]:
    rng = random.Random(seed)
    counter = make_counter(data_dir, server.url)
    sent: list[tuple[str, dict[str, str]]] = []
    approvals: dict[str, str] = {}
    killed_with_work = 0
    base = 0
    for _trial in range(count):
        for _ in range(cases_per_trial):
            case_id, hashes = enqueue_case(counter, 10_000 * seed % 1000 + base, pages=pages,
                                           size=85_000)
            base += 1
            sent.append((case_id, hashes))
            approvals[case_id] = enqueue_window_approve(counter, case_id)
        proc = _sync_process(data_dir)
        time.sleep(rng.uniform(0.8, 2.5))
        proc.kill()
        proc.wait()
        if pending_count(counter) > 0:
            killed_with_work += 1
    counter.close()
    final = _sync_process(data_dir)
    final.wait(timeout=300)
    counter = open_counter(data_dir)
    left = pending_count(counter)
    counter.close()
    assert left == 0, f"{left} messages left after the final run"
    check_server_has(server, sent, approvals)
    return {"trials": count, "cases": len(sent), "pages": len(sent) * pages,
            "killed_with_work_left": killed_with_work}
