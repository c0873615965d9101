"""One paper per receipt number, however many print runs race for it (issue 13, finding 5).

Before the fix two runs on one pending receipt both wrote a receipt; now the number is
reserved (pending → printing, one conditional UPDATE) before any byte is sent.
"""

from __future__ import annotations

import threading
from pathlib import Path

from hall_client.core.counter import open_counter
from hall_client.core.errors import DomainError
from hall_client.printing.issue import print_receipt
from hall_client.printing.signing import hall_key
from tests.printing.one_paper import pending_receipt, race


def test_concurrent_print_processes_make_one_paper(data_dir: Path) -> None:
    result = race(data_dir, runs=4)
    assert (result.printed, result.refused, result.papers) == (1, 3, 1)
    assert (result.status, result.reprints, result.printed_lines) == ("printed", 0, 1)


def test_concurrent_print_threads_make_one_paper(data_dir: Path, tmp_path: Path) -> None:
    from hall_client.core import auth
    from hall_client.store.models import Person

    receipt_id = pending_receipt(data_dir)
    counter = open_counter(data_dir)
    try:
        with counter.store.transaction() as s:
            person = s.query(Person).filter_by(username="qianfang").one()
            actor = auth.actor_for(person, "W01")
        start = threading.Barrier(8)
        outcomes: list[str] = []

        def run(n: int) -> None:
            start.wait()
            try:
                print_receipt(counter.store.transaction, actor, receipt_id,
                              printer=f"file:{tmp_path / f'p{n}.bin'}", key=hall_key(data_dir),
                              hall_code="HALL", hall_name="大厅", mode="text")
                outcomes.append("printed")
            except DomainError as exc:
                outcomes.append(exc.code)

        threads = [threading.Thread(target=run, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        counter.close()
    assert sorted(outcomes) == ["printed"] + ["receipt_not_pending"] * 7
    assert len([p for p in tmp_path.glob("p*.bin") if p.stat().st_size]) == 1
