"""Crash trials shared by the suite and bench/: kill -9 a payment+print loop, then check."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from hall_client.core import audit, cashier
from hall_client.core.counter import open_counter
from hall_client.store.cashier_models import Payment, ReceiptIssue, ReceiptRecord
from tests.core.cashier_helpers import CASHIER, stock

HERE = Path(__file__).resolve().parent
#: Receipt numbers found pending after a kill and settled by the next run.
RECOVERED: list[int] = []


def prepare(data_dir: Path) -> None:
    counter = open_counter(data_dir)
    with counter.store.transaction() as s:
        stock(s, count=5000, end="0000009999")
        cashier.open_session(s, CASHIER, "100")
    counter.close()


def run_worker(data_dir: Path, loops: int, kill_after: float | None) -> int:
    """Run the worker; kill -9 it ``kill_after`` seconds after it reports ready."""
    env = {**os.environ, "PYTHONPATH": str(HERE.parents[1]) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "crash_worker.py"), str(data_dir), str(data_dir / "p.bin"),
         str(loops)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    assert proc.stdout is not None
    if kill_after is None:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        return 0
    line = proc.stdout.readline()
    while line.startswith("recovered"):
        RECOVERED.append(int(line.split()[1]))
        line = proc.stdout.readline()
    if line.strip() != "ready":
        out, err = proc.communicate(timeout=30)
        raise AssertionError(f"worker did not start: {line}{out}{err}")
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    return proc.returncode


def check(data_dir: Path) -> dict[str, int]:
    """No gaps, no duplicates; every number a printed receipt or a recorded 作废."""
    counter = open_counter(data_dir)
    with counter.store.transaction() as s:
        issue = s.scalars(select(ReceiptIssue)).one()
        rows = s.scalars(select(ReceiptRecord).order_by(ReceiptRecord.number)).all()
        numbers = [r.number for r in rows]
        assert numbers == list(range(issue.start_no, issue.next_no)), "gap or duplicate"
        statuses = {r.status for r in rows}
        assert statuses <= {"printed", "spoiled"}, statuses
        assert all(r.reason for r in rows if r.status == "spoiled")
        for pay in s.scalars(select(Payment)):
            printed = [r for r in rows if r.payment_id == pay.id and r.status == "printed"]
            assert len(printed) == 1, f"payment {pay.id} has {len(printed)} printed receipts"
        assert audit.verify(s).ok
        result = {"numbers": len(rows), "printed": sum(r.status == "printed" for r in rows),
                  "spoiled": sum(r.status == "spoiled" for r in rows)}
    counter.close()
    return result


def trials(data_dir: Path, count: int, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    prepare(data_dir)
    for _ in range(count):
        run_worker(data_dir, 100_000, kill_after=rng.uniform(0.05, 0.6))
    run_worker(data_dir, 3, kill_after=None)  # recovery, then three receipts to completion
    return check(data_dir)
