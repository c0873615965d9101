"""Who may do what at the till and with the receipt stock: every action × every role, as the
table in docs/cashier.md says (issue 13, findings 2, 6, 7, 14)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_client.core import cashier, receipt_stock
from hall_client.core.actor import Actor
from hall_client.core.cashier import PartInput
from hall_client.core.counter import Counter
from hall_client.core.errors import PermissionDenied
from hall_client.printing.issue import claim_receipt
from hall_client.store.cashier_models import CashSession, ReceiptIssue
from tests.core.cashier_helpers import (
    ADMIN,
    CASHIER,
    CASHIER2,
    STOCK_CODE,
    fixed_assessment,
    queue,
    register,
    stock,
)

ROLE_ACTORS = {
    "clerk": Actor("m-clerk", "窗口员", frozenset({"clerk"}), "W01"),
    "cashier": CASHIER,  # holds the open session, the stock and the receipts
    "supervisor": Actor("m-sup", "主任甲", frozenset({"supervisor"}), "W00"),
    "admin": Actor("m-admin", "管理员甲", frozenset({"admin"}), "W00"),
}
APPROVER = Actor("liuwei", "刘伟", frozenset({"supervisor"}), "W00")
HALL = {"hall_code": "HALL-330100", "hall_name": "县行政服务中心"}

# The table of docs/cashier.md, "Who may do what".
EXPECTED = {
    "fee.assess": {"clerk"},
    "cash.open": {"cashier"},
    "payment.take": {"cashier"},
    "receipt.print": {"cashier"},
    "receipt.reprint": {"cashier"},
    "receipt.spoil": {"cashier"},
    "payment.void": {"cashier"},
    "payment.refund": {"cashier"},
    "cash.x_report": {"cashier"},
    "cash.close": {"cashier"},
    "cash.difference_acknowledged": {"supervisor"},
    "receipt_stock.receive": {"supervisor", "admin"},
    "receipt_stock.issue": {"supervisor", "admin"},
    "receipt_stock.hand_in": {"supervisor", "admin"},
    "receipt_stock.write_off": {"cashier", "supervisor", "admin"},  # cashier: her own issue
}


class Rollback(Exception):
    """Raised to undo one attempt, so every cell of the matrix starts from the same books."""


@pytest.fixture
def books(counter: Counter) -> dict[str, Any]:
    with counter.store.transaction() as s:
        stock(s)
        register(s, *ROLE_ACTORS.values(), APPROVER)
        receipt_stock.issue_to_cashier(s, ADMIN, CASHIER2.username, STOCK_CODE, 10)
        # another cashier's blind session closed short, waiting for acknowledgment
        cashier.open_session(s, CASHIER2, "100", blind=True)
        other, _ = cashier.close_session(s, CASHIER2, {"50": 1})
        cashier.open_session(s, CASHIER, "100")
        paid, printed = cashier.take_payment(s, CASHIER, queue(s, "60").id,
                                             [PartInput("cash", "60")])
        receipt_stock.mark_printed(s, CASHIER, printed.id)
        _, pending = cashier.take_payment(s, CASHIER, queue(s, "30").id,
                                          [PartInput("cash", "30")])
        due = queue(s, "20")
        issues = {i.cashier: i.id for i in s.scalars(select(ReceiptIssue))}
        return {"paid": paid.id, "printed": printed.id, "pending": pending.id, "due": due.id,
                "other_session": other.number, "issues": issues}


def _actions(b: dict[str, Any], counter: Counter) -> dict[str, Callable[[Session, Actor], Any]]:
    def close(s: Session, a: Actor) -> Any:
        receipt_stock.mark_printed(s, CASHIER, b["pending"])  # settle, then close
        return cashier.close_session(s, a, {"100": 1}, "差异", APPROVER)

    def open_(s: Session, a: Actor) -> Any:
        if a.username == CASHIER.username:  # she has a session open: a second cashier opens
            s.delete(s.scalars(select(CashSession).where(
                CashSession.cashier == CASHIER2.username)).one())
            a = CASHIER2
        return cashier.open_session(s, a, "0")

    return {
        "fee.assess": lambda s, a: cashier.queue_assessment(
            s, a, case_ref="C-MATRIX", item_code="X", department="RSJ", payer="张三",
            assessment=fixed_assessment(Decimal("10"))),
        "cash.open": open_,
        "payment.take": lambda s, a: cashier.take_payment(s, a, b["due"],
                                                          [PartInput("cash", "20")]),
        "receipt.print": lambda s, a: receipt_stock.reserve_for_print(s, a, b["pending"]),
        "receipt.reprint": lambda s, a: receipt_stock.count_reprint(s, a, b["printed"]),
        "receipt.spoil": lambda s, a: receipt_stock.spoil_and_reissue(s, a, b["printed"],
                                                                      "撕坏", APPROVER),
        "payment.void": lambda s, a: cashier.void_payment(s, a, APPROVER, b["paid"], "录错"),
        "payment.refund": lambda s, a: cashier.refund(s, a, APPROVER, b["paid"], "10", "多收"),
        "cash.x_report": lambda s, a: cashier.x_report(s, a),
        "cash.close": close,
        "cash.difference_acknowledged": lambda s, a: cashier.acknowledge_difference(
            s, a, b["other_session"], "点错"),
        "receipt_stock.receive": lambda s, a: receipt_stock.receive_batch(
            s, a, "33010199", "0000000001", "0000000010"),
        "receipt_stock.issue": lambda s, a: receipt_stock.issue_to_cashier(
            s, a, CASHIER2.username, STOCK_CODE, 5),
        "receipt_stock.hand_in": lambda s, a: receipt_stock.hand_in(
            s, a, b["issues"][CASHIER2.username]),
        "receipt_stock.write_off": lambda s, a: receipt_stock.write_off(
            s, a, APPROVER, b["issues"][CASHIER.username], "受潮"),
    }


def test_every_action_by_every_role(counter: Counter, books: dict[str, Any]) -> None:
    allowed: dict[str, set[str]] = {}
    for action, attempt in _actions(books, counter).items():
        allowed[action] = set()
        for role, actor in ROLE_ACTORS.items():
            try:
                with counter.store.transaction() as s:
                    attempt(s, actor)
                    raise Rollback
            except PermissionDenied:
                continue
            except Rollback:
                allowed[action].add(role)
    assert allowed == EXPECTED


def test_the_print_step_checks_the_role_too(counter: Counter, books: dict[str, Any]) -> None:
    with pytest.raises(PermissionDenied):
        claim_receipt(counter.store.transaction, ROLE_ACTORS["supervisor"], books["pending"],
                      **HALL)


BOTH = Actor("gaoli", "高丽", frozenset({"cashier", "supervisor"}), "W03")


@pytest.mark.parametrize("action", ["receipt.spoil", "payment.void", "payment.refund",
                                    "cash.close", "receipt_stock.write_off"])
@pytest.mark.parametrize(("approver", "code"), [
    (None, "approval_required"),
    (ROLE_ACTORS["clerk"], "role_required:supervisor"),
    (ROLE_ACTORS["admin"], "role_required:supervisor"),
    (BOTH, "approver_must_differ"),  # the actor approving herself
])
def test_money_out_and_paper_dying_need_another_supervisor(
        counter: Counter, books: dict[str, Any], action: str, approver: Actor | None,
        code: str) -> None:
    """Where money leaves or paper dies, a supervisor other than the actor approves."""
    with counter.store.transaction() as s:
        register(s, BOTH)
        receipt_stock.issue_to_cashier(s, ADMIN, BOTH.username, STOCK_CODE, 5)
        # BOTH runs a session of her own with one printed receipt
        s.delete(s.scalars(select(CashSession).where(CashSession.cashier == "sunli")).one())
        cashier.open_session(s, BOTH, "100")
        due = cashier.queue_assessment(s, ROLE_ACTORS["clerk"], case_ref="C-BOTH",
                                       item_code="X", department="RSJ", payer="李四",
                                       assessment=fixed_assessment(Decimal("40")))
        paid, receipt = cashier.take_payment(s, BOTH, due.id, [PartInput("cash", "40")])
        receipt_stock.mark_printed(s, BOTH, receipt.id)
        issue = s.scalars(select(ReceiptIssue).where(ReceiptIssue.cashier == "gaoli")).one()
        ids = (paid.id, receipt.id, issue.id)
    attempts = {
        "receipt.spoil": lambda s: receipt_stock.spoil_and_reissue(s, BOTH, ids[1], "撕坏",
                                                                   approver),
        "payment.void": lambda s: cashier.void_payment(s, BOTH, approver, ids[0], "录错"),
        "payment.refund": lambda s: cashier.refund(s, BOTH, approver, ids[0], "10", "多收"),
        "cash.close": lambda s: cashier.close_session(s, BOTH, {"100": 9}, "差异", approver),
        "receipt_stock.write_off": lambda s: receipt_stock.write_off(s, BOTH, approver, ids[2],
                                                                     "受潮"),
    }
    with counter.store.transaction() as s, pytest.raises(PermissionDenied) as exc:
        attempts[action](s)
    assert exc.value.code == code
