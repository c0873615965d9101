"""The audit chain detects edits, deletions, reordering and a cut-off tail."""

from __future__ import annotations

import itertools
import sqlite3

import pytest

from hall_client.core import audit
from hall_client.core.counter import Counter


def _write(counter: Counter, n: int) -> None:
    with counter.store.transaction() as s:
        for i in range(n):
            audit.record(s, counter.system_actor(), role="admin", action="test.touch",
                         object_type="thing", object_id=str(i), before={"v": i}, after={"v": i + 1})


def _verify(counter: Counter) -> audit.ChainReport:
    with counter.store.transaction() as s:
        return audit.verify(s)


def _sql(counter: Counter, statement: str) -> None:
    conn = sqlite3.connect(counter.store.path)
    with conn:
        conn.execute(statement)
    conn.close()


def test_fresh_chain_is_intact(counter: Counter) -> None:
    _write(counter, 5)
    report = _verify(counter)
    assert report.ok, report.describe()
    assert report.checked >= 5


def test_entries_link_to_previous_hash(counter: Counter) -> None:
    _write(counter, 3)
    with counter.store.transaction() as s:
        entries = list(audit.iter_entries(s))
    assert entries[0].prev_hash == audit.GENESIS
    for prev, cur in itertools.pairwise(entries):
        assert cur.prev_hash == prev.hash
        assert cur.seq == prev.seq + 1


@pytest.mark.parametrize(
    ("statement", "bad_seq", "reason"),
    [
        ("UPDATE audit_entry SET after='{\"v\": 99}' WHERE object_id='2' AND action='test.touch'",
         None, "内容哈希不符"),
        ("UPDATE audit_entry SET username='mallory' WHERE seq=1", 1, "内容哈希不符"),
        ("DELETE FROM audit_entry WHERE object_id='1' AND action='test.touch'", None, "序号不连续"),
    ],
)
def test_tampering_is_named(counter: Counter, statement: str, bad_seq: int | None,
                            reason: str) -> None:
    _write(counter, 4)
    _sql(counter, statement)
    report = _verify(counter)
    assert not report.ok
    assert reason in report.reason
    if bad_seq is not None:
        assert report.bad_seq == bad_seq
    assert report.bad_id is not None
    assert str(report.bad_seq) in report.describe()


def test_reordering_is_detected(counter: Counter) -> None:
    _write(counter, 4)
    with counter.store.transaction() as s:
        last = max(e.seq for e in audit.iter_entries(s))
    # Swap two neighbouring entries' sequence numbers.
    _sql(counter, f"UPDATE audit_entry SET seq=-1 WHERE seq={last}")
    _sql(counter, f"UPDATE audit_entry SET seq={last} WHERE seq={last - 1}")
    _sql(counter, f"UPDATE audit_entry SET seq={last - 1} WHERE seq=-1")
    report = _verify(counter)
    assert not report.ok
    assert report.bad_seq == last - 1


def test_cut_off_tail_is_detected(counter: Counter) -> None:
    _write(counter, 4)
    with counter.store.transaction() as s:
        last = max(e.seq for e in audit.iter_entries(s))
    _sql(counter, f"DELETE FROM audit_entry WHERE seq={last}")
    report = _verify(counter)
    assert not report.ok
    assert "末尾" in report.reason


def test_audit_rolls_back_with_the_change(counter: Counter) -> None:
    before = _verify(counter).checked
    with pytest.raises(RuntimeError), counter.store.transaction() as s:
        audit.record(s, counter.system_actor(), role="admin", action="test.doomed",
                     object_type="thing", object_id="x")
        raise RuntimeError("the change failed")
    report = _verify(counter)
    assert report.ok and report.checked == before
