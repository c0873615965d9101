"""Random payment sequences with splits, voids and refunds close to the fen."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hall_client.core import cashier, receipt_stock
from hall_client.core.actor import Actor
from hall_client.core.cashier import DENOMINATIONS, PartInput
from hall_client.core.counter import Counter, open_counter
from tests.core.cashier_helpers import ADMIN, STOCK_CODE, SUPERVISOR, queue, register


@pytest.fixture(scope="module")
def shared_counter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Counter]:
    counter = open_counter(Path(tmp_path_factory.mktemp("till")))
    with counter.store.transaction() as s:
        receipt_stock.receive_batch(s, ADMIN, STOCK_CODE, "0000000001", "0000090000")
    yield counter
    counter.close()


fen = st.integers(min_value=1, max_value=5_000_000)  # 0.01 .. 50,000.00 yuan
payment = st.tuples(st.just("pay"), fen, st.sampled_from(["cash", "transfer", "wire", "split"]),
                    st.integers(min_value=0, max_value=100))
void = st.tuples(st.just("void"), st.integers(min_value=0, max_value=20))
refund = st.tuples(st.just("refund"), st.integers(min_value=0, max_value=20),
                   st.integers(min_value=1, max_value=100), st.sampled_from(["cash", "wire"]))
operations = st.lists(st.one_of(payment, void, refund), min_size=1, max_size=12)


def by_denomination(amount: Decimal) -> dict[str, int]:
    """Count ``amount`` greedily in notes and coins, as a cashier would lay it out."""
    left, counts = amount, {}
    for d in DENOMINATIONS:
        pieces = int(left // Decimal(d))
        if pieces:
            counts[d] = pieces
            left -= Decimal(d) * pieces
    assert left == 0
    return counts


@settings(max_examples=30, deadline=None)
@given(ops=operations, float_fen=st.integers(min_value=0, max_value=100_000))
def test_day_closes_to_the_fen(
    shared_counter: Counter, ops: list[tuple], float_fen: int
) -> None:
    me = Actor(f"c-{uuid.uuid4().hex[:8]}", "测试收费员", frozenset({"cashier", "clerk"}), "W09")
    opening = Decimal(float_fen) / 100
    net = {m: Decimal("0.00") for m in cashier.METHODS}
    paid: list[tuple[str, Decimal, str, Decimal]] = []  # id, total, refund method, refunded
    live: set[str] = set()
    with shared_counter.store.transaction() as s:
        register(s, me)  # numbers go only to a registered cashier
        receipt_stock.issue_to_cashier(s, SUPERVISOR, me.username, STOCK_CODE, 20)
        cashier.open_session(s, me, opening)
    for op in ops:
        with shared_counter.store.transaction() as s:
            if op[0] == "pay":
                total = Decimal(op[1]) / 100
                due = queue(s, total)
                if op[2] == "split":
                    cash = (total * op[3] / 100).quantize(Decimal("0.01"))
                    parts = [PartInput("cash", cash)] if cash else []
                    if total - cash:
                        parts.append(PartInput("transfer", total - cash, "T" + due.id[:8]))
                else:
                    # one bank reference belongs to one payment
                    parts = [PartInput(op[2], total, "" if op[2] == "cash" else "R" + due.id[:8])]
                pay, rec = cashier.take_payment(s, me, due.id, parts)
                receipt_stock.mark_printed(s, me, rec.id)
                for p in parts:
                    net[p.method] += Decimal(p.amount)
                paid.append((pay.id, total, parts[0].method, Decimal(0)))
                live.add(pay.id)
            elif paid and op[0] == "void":
                pid, total, _, refunded = paid[op[1] % len(paid)]
                if pid in live and refunded == 0:
                    cashier.void_payment(s, me, SUPERVISOR, pid, "测试作废")
                    pay_row = s.get(cashier.Payment, pid)
                    assert pay_row is not None
                    for part in pay_row.parts:
                        net[part.method] -= part.amount
                    live.discard(pid)
            elif paid and op[0] == "refund":
                index = op[1] % len(paid)
                pid, total, _, refunded = paid[index]
                amount = ((total - refunded) * op[2] / 100).quantize(Decimal("0.01"))
                if pid in live and amount > 0:
                    ref = "" if op[3] == "cash" else "RF1"
                    # any method: the supervisor records why when it is not the way it came
                    cashier.refund(s, me, SUPERVISOR, pid, amount, "测试退款", method=op[3],
                                   reference=ref, method_reason="测试：退款方式任选")
                    net[op[3]] -= amount
                    paid[index] = (pid, total, op[3], refunded + amount)
    with shared_counter.store.transaction() as s:
        report = cashier.x_report(s, me)
        assert dict(report.net) == net
        assert report.expected_cash == opening + net["cash"]
        if report.expected_cash >= 0:
            till, final = cashier.close_session(s, me, by_denomination(report.expected_cash))
            assert till.difference == 0
        else:  # refunds in cash beyond the float: the drawer is short and must be explained
            till, final = cashier.close_session(s, me, {}, "现金退款超过备用金", SUPERVISOR)
            assert till.difference == -report.expected_cash
        assert final.net == report.net
        assert final.receipts_printed + final.receipts_spoiled == final.payments + final.voided
