"""kill -9 during intake, shared by the suite and bench/intake_crash: after any number of
kills, every case is whole (number, applicant, checklist, notice, audit line; if accepted its
fee assessment, pages and outbox messages) or absent, and no case or notice number is skipped."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter as Tally
from pathlib import Path

from sqlalchemy import func, select

from hall_client.core import audit
from hall_client.core.counter import open_counter
from hall_client.store.case_models import (
    CaseApplicant,
    CaseEvent,
    CaseMaterial,
    CaseNotice,
    CasePage,
    IntakeCase,
)
from hall_client.store.cashier_models import FeeAssessment
from hall_client.store.models import AuditEntry, NumberSequence, OutboxMessage

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
NOTICE_OF = {"accepted": "accept", "correction": "correction", "refused": "refuse"}


def run_worker(data_dir: Path, loops: int, kill_after: float | None) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, str(HERE / "intake_crash_worker.py"),
                             str(data_dir), str(loops)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True)
    assert proc.stdout is not None
    if kill_after is None:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        return
    line = proc.stdout.readline()
    if line.strip() != "ready":
        out, err = proc.communicate(timeout=30)
        raise AssertionError(f"worker did not start: {line}{out}{err}")
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)


def check(data_dir: Path) -> dict[str, int]:
    counter = open_counter(data_dir)
    with counter.store.transaction() as s:
        cases = s.scalars(select(IntakeCase).order_by(IntakeCase.seq)).all()
        seqs = [c.seq for c in cases]
        assert seqs == list(range(1, len(cases) + 1)), "case number skipped or repeated"
        year = cases[0].year if cases else 0
        nxt = s.get(NumberSequence, f"case:{year}")
        assert nxt is None or nxt.next_value == len(cases) + 1, "sequence ahead of the cases"
        notices = s.scalars(select(CaseNotice)).all()
        by_case = Tally(n.case_id for n in notices)
        for kind in ("accept", "correction", "refuse"):
            mine = sorted(n.seq for n in notices if n.kind == kind)
            assert mine == list(range(1, len(mine) + 1)), f"{kind} notice number skipped"
        audited = Tally(e.object_id for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action.like("case.%"))))
        outbox = s.scalars(select(OutboxMessage).order_by(OutboxMessage.seq)).all()
        created = {m.payload["id"] for m in outbox if m.kind == "case.create"}
        uploads = Tally(m.payload["case_id"] for m in outbox if m.kind == "page.upload")
        for c in cases:
            assert by_case[c.id] == 1 and audited[c.id] == 1, c.number
            notice = next(n for n in notices if n.case_id == c.id)
            assert notice.kind == NOTICE_OF[c.status]
            assert s.get(CaseApplicant, c.id) is not None
            assert s.scalar(select(func.count()).select_from(CaseMaterial)
                            .where(CaseMaterial.case_id == c.id)) == 12
            assert s.scalar(select(func.count()).select_from(CaseEvent)
                            .where(CaseEvent.case_id == c.id)) == 1
            pages = s.scalars(select(CasePage).where(CasePage.case_id == c.id)).all()
            if c.status == "accepted":
                assert c.query_code and c.id in created and uploads[c.id] == len(pages) == 2
                fee = s.scalar(select(FeeAssessment).where(FeeAssessment.case_id == c.id))
                assert fee is not None and fee.case_ref == c.number
                for page in pages:
                    data = (data_dir / page.file).read_bytes()
                    assert hashlib.sha256(data).hexdigest() == page.sha256 and \
                        len(data) == page.size
            else:
                assert c.id not in created and not pages
        assert len(created) == sum(c.status == "accepted" for c in cases)
        assert audit.verify(s).ok
        result = {"cases": len(cases), "accepted": len(created),
                  "notices": len(notices), "outbox": len(outbox)}
    counter.close()
    return result


def trials(data_dir: Path, count: int, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    open_counter(data_dir).close()
    for _ in range(count):
        run_worker(data_dir, 100_000, kill_after=rng.uniform(0.1, 1.5))
        check(data_dir)  # after every kill, not only at the end
    run_worker(data_dir, 3, kill_after=None)
    return check(data_dir)
