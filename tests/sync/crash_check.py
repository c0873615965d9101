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

    def enqueue_batch() -> None:
        nonlocal base
        for _ in range(cases_per_trial):
            case_id, hashes = enqueue_case(counter, 10_000 * seed % 1000 + base, pages=pages,
                                           size=85_000)
            base += 1
            sent.append((case_id, hashes))
            approvals[case_id] = enqueue_window_approve(counter, case_id)

    # The kills must land while the engine is at work, on a slow machine as on a fast one:
    # fixed times after the start (0.8-2.5 s) had most kills land after the work was done
    # once the server got faster. So each trial waits for the first message to go, then
    # kills at a random moment within the time a batch like it took to send (timed once).
    enqueue_batch()
    proc = _sync_process(data_dir)
    first = _first_sent(counter, proc)
    while proc.poll() is None and pending_count(counter) > 0:
        time.sleep(0.01)
    work = max(time.monotonic() - first, 0.05)
    proc.wait(timeout=300)
    calibration = len(sent)
    for _trial in range(count):
        enqueue_batch()
        proc = _sync_process(data_dir)
        _first_sent(counter, proc)
        time.sleep(rng.uniform(0.0, 0.9) * work)
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
    trial_cases = len(sent) - calibration
    return {"trials": count, "cases": trial_cases, "pages": trial_cases * pages,
            "calibration_cases": calibration, "work_s": round(work, 2),
            "killed_with_work_left": killed_with_work}


def _first_sent(counter: Any, proc: subprocess.Popen[bytes]) -> float:
    """When the sync process had sent its first message (or ended), polled every 10 ms."""
    queued = pending_count(counter)
    while proc.poll() is None and pending_count(counter) >= queued:
        time.sleep(0.01)
    return time.monotonic()
