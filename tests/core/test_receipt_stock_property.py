"""Random sequences of taking, printing, spoiling, reissuing and reprinting keep the numbers
gap-free, unique and each accounted for."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from hall_client.core import receipt_stock
from hall_client.core.actor import Actor
from hall_client.core.counter import Counter, open_counter
from hall_client.core.errors import DomainError
from hall_client.store.cashier_models import ReceiptIssue, ReceiptRecord
from tests.core.cashier_helpers import ADMIN, SUPERVISOR, register

CODE = "44010001"


@pytest.fixture(scope="module")
def stock_counter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Counter]:
    counter = open_counter(Path(tmp_path_factory.mktemp("stock")))
    with counter.store.transaction() as s:
        receipt_stock.receive_batch(s, ADMIN, CODE, "0000000001", "0000099999")
    yield counter
    counter.close()


ops = st.lists(st.tuples(st.sampled_from(["take", "print", "spoil", "reissue", "reprint"]),
                         st.integers(min_value=0, max_value=50)), min_size=1, max_size=25)


@settings(max_examples=40, deadline=None)
@given(ops=ops, size=st.integers(min_value=1, max_value=8))
def test_numbers_stay_accounted_for(stock_counter: Counter, ops: list[tuple[str, int]],
                                    size: int) -> None:
    me = Actor(f"k-{uuid.uuid4().hex[:8]}", "收费员", frozenset({"cashier"}), "W07")
    with stock_counter.store.transaction() as s:
        register(s, me)  # numbers go only to a registered cashier
        issue = receipt_stock.issue_to_cashier(s, SUPERVISOR, me.username, CODE, size)
    ran_out = 0
    for op, pick in ops:
        try:
            with stock_counter.store.transaction() as s:
                rows = s.scalars(select(ReceiptRecord).where(ReceiptRecord.issue_id == issue.id)
                                 .order_by(ReceiptRecord.number)).all()
                target = rows[pick % len(rows)] if rows else None
                if op == "take" or target is None:
                    receipt_stock.take_number(s, me, None)
                elif op == "print":
                    receipt_stock.mark_printed(s, me, target.id)
                elif op == "spoil":
                    receipt_stock.spoil(s, me, target.id, "测试")
                elif op == "reissue":
                    receipt_stock.spoil_and_reissue(s, me, target.id, "测试")
                else:
                    receipt_stock.count_reprint(s, me, target.id)
        except DomainError as exc:  # refused operations must change nothing
            ran_out += exc.code == "stock_run_out"
    with stock_counter.store.transaction() as s:
        fresh = s.get(ReceiptIssue, issue.id)
        assert fresh is not None
        numbers = s.scalars(select(ReceiptRecord.number).where(
            ReceiptRecord.issue_id == issue.id).order_by(ReceiptRecord.number)).all()
        assert numbers == list(range(fresh.start_no, fresh.next_no))
        assert fresh.next_no <= fresh.end_no + 1
        if ran_out:
            assert fresh.next_no == fresh.end_no + 1
        rows = s.scalars(select(ReceiptRecord).where(ReceiptRecord.issue_id == issue.id)).all()
        assert all(r.status in {"pending", "printed", "spoiled"} for r in rows)
        assert all(r.reason for r in rows if r.status == "spoiled")
        assert all(r.reprints == 0 for r in rows if r.status == "pending")
