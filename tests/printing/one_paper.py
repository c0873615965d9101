"""Many `receipt print` runs at once on one pending receipt: exactly one paper may come out.

Shared by the suite (a few runs) and ``bench/receipt/one_paper.py`` (twenty).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from hall_client.core import auth, cashier, receipt_stock
from hall_client.core.cashier import PartInput
from hall_client.core.counter import open_counter
from hall_client.core.fees import assess, parse_fee_item
from hall_client.store.models import AuditEntry, Person

ROOT = Path(__file__).resolve().parents[2]


def pending_receipt(data_dir: Path) -> str:
    """A demo counter whose cashier took one payment: the id of its pending receipt."""
    counter = open_counter(data_dir, demo=True, demo_till=False)
    try:
        with counter.store.transaction() as s:
            people = {p.username: auth.actor_for(p, "W01") for p in s.scalars(select(Person))}
            receipt_stock.receive_batch(s, people["admin"], "33010126", "0000000001",
                                        "0000000100")
            receipt_stock.issue_to_cashier(s, people["admin"], "qianfang", "33010126", 10)
            cashier.open_session(s, people["qianfang"], "100")
            item = parse_fee_item({"code": "F1", "name": "登记费", "basis": "依据",
                                   "rule": {"kind": "fixed", "amount": "88.80"}})
            due = cashier.queue_assessment(s, people["wangjing"], case_ref="C-RACE",
                                           item_code="X", department="RSJ", payer="张三",
                                           assessment=assess([item], {}))
            _, receipt = cashier.take_payment(s, people["qianfang"], due.id,
                                              [PartInput("cash", "88.80")])
            return receipt.id
    finally:
        counter.close()


@dataclass
class Race:
    runs: int
    printed: int  # runs that exited 0
    refused: int  # runs refused because another run had the number
    papers: int  # printer files with bytes in them
    status: str
    reprints: int
    printed_lines: int  # audit lines "receipt.printed"


def race(data_dir: Path, runs: int) -> Race:
    """Start ``runs`` `hall-client receipt print` processes on one pending receipt at once."""
    receipt_id = pending_receipt(data_dir)
    env = {**os.environ, "HALL_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    outs = [data_dir / f"printer-{n}.bin" for n in range(runs)]
    procs = [subprocess.Popen(
        [sys.executable, "-m", "hall_client", "receipt", "print", "--cashier", "qianfang",
         "--id", receipt_id, "--printer", f"file:{out}", "--mode", "text"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for out in outs]
    results = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in procs]
    for p in procs:
        for stream in (p.stdout, p.stderr):
            if stream:
                stream.close()
    unexpected = [err for code, err in results if code != 0 and "receipt_not_pending" not in err]
    assert not unexpected, unexpected[0]
    counter = open_counter(data_dir)
    try:
        with counter.store.transaction() as s:
            record = receipt_stock.get_receipt(s, receipt_id)
            lines = s.scalar(select(func.count()).select_from(AuditEntry).where(
                AuditEntry.action == "receipt.printed", AuditEntry.object_id == receipt_id))
            status, reprints = record.status, record.reprints
    finally:
        counter.close()
    return Race(runs=runs, printed=sum(code == 0 for code, _ in results),
                refused=sum(code == 1 for code, _ in results),
                papers=sum(out.exists() and out.stat().st_size > 0 for out in outs),
                status=status, reprints=reprints, printed_lines=lines or 0)
