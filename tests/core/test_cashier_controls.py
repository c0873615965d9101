"""Issue 13: the controls a finance auditor asks for, one test (or a few) per finding.

Each test here failed on the code before the fix (see the note of issue 13 for what each
showed) and passes after it.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from hall_client.core import audit, cashier, receipt_stock
from hall_client.core.actor import Actor
from hall_client.core.cashier import PartInput
from hall_client.core.cashier_reports import settlement
from hall_client.core.counter import Counter
from hall_client.core.errors import DomainError, PermissionDenied
from hall_client.core.fees import (
    FeeError,
    Reduction,
    assess,
    assess_fee,
    check_input,
    parse_fee_item,
)
from hall_client.core.money import MoneyError, parse_amount
from hall_client.printing.issue import claim_receipt, print_receipt, record_print
from hall_client.printing.layout import Banner, Pair, Text, receipt_blocks
from hall_client.printing.receipt import receipt_from_facts
from hall_client.store.cashier_models import FeeAssessment, ReceiptIssue, ReceiptRecord
from hall_client.store.models import AuditEntry
from tests.core.cashier_helpers import (
    ADMIN,
    CASHIER,
    CASHIER2,
    CLERK,
    STOCK_CODE,
    SUPERVISOR,
    queue,
    register,
    stock,
)

KEY = bytes(range(32))
HALL = {"hall_code": "HALL-330100", "hall_name": "县行政服务中心"}
SUPERVISOR2 = Actor("liuwei", "刘伟", frozenset({"supervisor"}), "W00")


def _code(excinfo: pytest.ExceptionInfo[DomainError]) -> str:
    return excinfo.value.code


def _paid(counter: Counter, total: str = "200.00", *, blind: bool = False,
          opening: str = "500", printed: bool = True) -> tuple[str, str]:
    """A cashier with stock and an open session who took one cash payment: (payment, receipt)."""
    with counter.store.transaction() as s:
        stock(s)
        stock_two = receipt_stock.issue_to_cashier(s, ADMIN, CASHIER2.username, STOCK_CODE, 10)
        assert stock_two is not None
        cashier.open_session(s, CASHIER, opening, blind=blind)
        due = queue(s, total)
        payment, receipt = cashier.take_payment(s, CASHIER, due.id, [PartInput("cash", total)])
        if printed:
            receipt_stock.mark_printed(s, CASHIER, receipt.id)
        return payment.id, receipt.id


# 1 -- blind count stays blind until the close is saved ---------------------------------------
def test_blind_x_report_withholds_every_cash_figure(counter: Counter) -> None:
    _paid(counter, "144.50", blind=True)
    with counter.store.transaction() as s:
        report = cashier.x_report(s, CASHIER)
    assert report.opening_float == 0 and report.expected_cash == 0
    assert report.taken["cash"] == 0 and report.net["cash"] == 0
    assert report.blind


def test_blind_close_with_a_wrong_count_does_not_reveal_the_expected_cash(
        counter: Counter) -> None:
    _paid(counter, "144.50", blind=True)
    with counter.store.transaction() as s:
        # expected 644.50; a count of 600 is saved as counted, no error hints at the figure
        till, report = cashier.close_session(s, CASHIER, {"100": 6})
        assert till.status == "closed" and till.difference == Decimal("-44.50")
        assert not till.difference_approved_by  # waits for the supervisor
        assert report.expected_cash == Decimal("644.50")  # shown once the close is saved
        assert settlement(s, cashier.local_day(till.opened_at))[-1].differences_open == 1
        with pytest.raises(PermissionDenied):
            cashier.acknowledge_difference(s, CASHIER, till.number, "少收")
        cashier.acknowledge_difference(s, SUPERVISOR, till.number, "找零多找")
        assert till.difference_approved_by == "zhouyan"
        assert settlement(s, cashier.local_day(till.opened_at))[-1].differences_open == 0


# 2, 4, 6 -- spoiling needs the receipt's own cashier and, for paper, a supervisor -----------
def test_spoiling_a_printed_receipt_needs_role_own_stock_and_approval(counter: Counter) -> None:
    payment_id, receipt_id = _paid(counter)
    attempts = [
        (lambda s: receipt_stock.spoil(s, CLERK, receipt_id, "作废"), "role_required:cashier"),
        (lambda s: receipt_stock.spoil_and_reissue(s, CASHIER2, receipt_id, "重开", SUPERVISOR),
         "receipt_not_own"),
        (lambda s: receipt_stock.spoil_and_reissue(s, CASHIER, receipt_id, "卡纸"),
         "approval_required"),
        (lambda s: receipt_stock.spoil_and_reissue(s, CASHIER, receipt_id, "卡纸", CLERK),
         "role_required:supervisor"),
        (lambda s: receipt_stock.spoil(s, CASHIER, receipt_id, "撕坏", SUPERVISOR),
         "spoil_leaves_payment_without_receipt"),
    ]
    for attempt, code in attempts:
        with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
            attempt(s)
        assert _code(exc) == code
    with counter.store.transaction() as s:
        assert receipt_stock.get_receipt(s, receipt_id).status == "printed"
        new = receipt_stock.spoil_and_reissue(s, CASHIER, receipt_id, "撕坏", SUPERVISOR)
        assert (new.payment_id, new.cashier, new.status) == (payment_id, "qianfang", "pending")
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "receipt.spoil")).one()
        assert entry.role == "cashier" and json.loads(entry.after)["approved_by"] == "zhouyan"


def test_close_looks_for_pending_receipts_by_the_sessions_payments(counter: Counter) -> None:
    payment_id, _receipt_id = _paid(counter)
    with counter.store.transaction() as s:
        # a receipt for this session's payment on another cashier's stock (as the old
        # spoil-and-reissue by another cashier left it), still pending
        issue = s.scalars(select(ReceiptIssue).where(ReceiptIssue.cashier == "sunli")).one()
        s.add(ReceiptRecord(issue_id=issue.id, stock_code=STOCK_CODE, number=issue.next_no,
                            cashier="sunli", payment_id=payment_id))
        issue.next_no += 1
    with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
        cashier.close_session(s, CASHIER, {"100": 7})
    assert _code(exc) == "receipts_pending"


# 3 -- a voided receipt says so -----------------------------------------------------------------
def test_voided_and_refunded_receipts_say_so_on_paper(counter: Counter) -> None:
    payment_id, receipt_id = _paid(counter)
    with counter.store.transaction() as s:
        cashier.refund(s, CASHIER, SUPERVISOR, payment_id, "50", "多收")
        facts = cashier.receipt_facts(s, receipt_id)
    assert facts.standing == "已退款 50.00 元"
    blocks = receipt_blocks(receipt_from_facts(facts, **HALL), KEY)
    assert Banner("已退款 50.00 元") in blocks
    with counter.store.transaction() as s:
        cashier.refund(s, CASHIER, SUPERVISOR, payment_id, "150", "全退")
        assert cashier.receipt_facts(s, receipt_id).standing == "全额退款"
    payment2, receipt2 = _second_payment(counter)
    with counter.store.transaction() as s:
        cashier.void_payment(s, CASHIER, SUPERVISOR, payment2, "录错")
        facts = cashier.receipt_facts(s, receipt2)
        lines = cashier.recent_payments(s, CASHIER)
    assert facts.standing == "作废"
    blocks = receipt_blocks(receipt_from_facts(facts, **HALL), KEY)
    assert blocks[0] == Banner("作废") and Banner("作废 · 不作有效收款凭证") in blocks
    assert any("（作废）" in ln.receipts for ln in lines)
    assert any("（全额退款）" in ln.receipts for ln in lines)


def _second_payment(counter: Counter, total: str = "80.00") -> tuple[str, str]:
    with counter.store.transaction() as s:
        due = queue(s, total)
        payment, receipt = cashier.take_payment(s, CASHIER, due.id, [PartInput("cash", total)])
        receipt_stock.mark_printed(s, CASHIER, receipt.id)
        return payment.id, receipt.id


# 5 -- one paper per number ---------------------------------------------------------------------
def test_a_second_print_of_a_pending_receipt_is_refused(counter: Counter, tmp_path) -> None:
    _, receipt_id = _paid(counter, printed=False)
    claim_receipt(counter.store.transaction, CASHIER, receipt_id, **HALL)
    with pytest.raises(DomainError) as exc:  # a second run while the first is sending
        claim_receipt(counter.store.transaction, CASHIER, receipt_id, **HALL)
    assert _code(exc) == "receipt_not_pending"
    record_print(counter.store.transaction, CASHIER, receipt_id)
    with pytest.raises(DomainError) as exc:  # and after it printed
        print_receipt(counter.store.transaction, CASHIER, receipt_id,
                      printer=f"file:{tmp_path / 'b'}", key=KEY, **HALL)
    assert _code(exc) == "receipt_not_pending" and not (tmp_path / "b").exists()
    again = print_receipt(counter.store.transaction, CASHIER, receipt_id,
                          printer=f"file:{tmp_path / 'c'}", key=KEY, reprint=True, **HALL)
    assert again.reprint == 1


def test_a_failed_send_releases_the_reservation(counter: Counter) -> None:
    _, receipt_id = _paid(counter, printed=False)
    claim_receipt(counter.store.transaction, CASHIER, receipt_id, **HALL)
    with counter.store.transaction() as s:
        assert [r.id for r in receipt_stock.pending_receipts(s, "qianfang")] == [receipt_id]
    record_print(counter.store.transaction, CASHIER, receipt_id, error="缺纸")
    with counter.store.transaction() as s:
        assert receipt_stock.get_receipt(s, receipt_id).status == "pending"
    claim_receipt(counter.store.transaction, CASHIER, receipt_id, **HALL)  # print it again


# 6 -- role checks, and the audit line names the role actually used --------------------------
def test_print_reprint_need_the_cashier_role(counter: Counter) -> None:
    _, receipt_id = _paid(counter, printed=False)
    for reprint in (False, True):
        with pytest.raises(PermissionDenied):
            claim_receipt(counter.store.transaction, CLERK, receipt_id, reprint=reprint, **HALL)


def test_write_off_records_the_role_used(counter: Counter) -> None:
    with counter.store.transaction() as s:
        stock(s)
        issue = s.scalars(select(ReceiptIssue)).one()
        receipt_stock.write_off(s, SUPERVISOR, ADMIN, issue.id, "受潮")
        entry = s.scalars(select(AuditEntry).where(
            AuditEntry.action == "receipt_stock.write_off")).one()
    assert entry.role == "supervisor"


# 7 -- stock goes to real cashiers; nobody approves their own write-off -------------------------
def test_stock_is_issued_to_registered_cashiers_only(counter: Counter) -> None:
    with counter.store.transaction() as s:
        stock(s)
    for who, code in (("nobody", "person_not_found"), ("wangjing", "receiver_not_cashier")):
        with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
            receipt_stock.issue_to_cashier(s, SUPERVISOR, who, STOCK_CODE, 5)
        assert _code(exc) == code


def test_the_holder_cannot_approve_her_own_write_off(counter: Counter) -> None:
    boss = Actor("gaoli", "高丽", frozenset({"cashier", "supervisor"}), "W03")
    with counter.store.transaction() as s:
        stock(s)
        register(s, boss)
        issue = receipt_stock.issue_to_cashier(s, ADMIN, boss.username, STOCK_CODE, 5)
    with counter.store.transaction() as s, pytest.raises(PermissionDenied) as exc:
        receipt_stock.write_off(s, SUPERVISOR, boss, issue.id, "丢失")
    assert _code(exc) == "approver_must_differ"
    with counter.store.transaction() as s, pytest.raises(PermissionDenied):
        receipt_stock.write_off(s, CLERK, SUPERVISOR, issue.id, "丢失")


# 8 -- one case, one assessment, one payment ----------------------------------------------------
def test_one_case_is_assessed_and_paid_once(counter: Counter) -> None:
    _paid(counter)
    with counter.store.transaction() as s:
        queue(s, "30.00", case_ref="ZJ-2026-00112")
    with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
        queue(s, "30.00", case_ref="ZJ-2026-00112")
    assert _code(exc) == "case_already_assessed"
    with counter.store.transaction() as s:
        # a twin already in the books (written before this rule): the second is not paid
        first = s.scalars(select(FeeAssessment).where(
            FeeAssessment.case_ref == "ZJ-2026-00112")).one()
        twin = FeeAssessment(case_ref="ZJ-2026-00112", item_code="X", department="RSJ",
                             payer="张三", lines=first.lines, total=first.total,
                             created_by="wangjing")
        s.add(twin)
        s.flush()
        cashier.take_payment(s, CASHIER, first.id, [PartInput("cash", "30")])
        twin_id = twin.id
    with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
        cashier.take_payment(s, CASHIER, twin_id, [PartInput("cash", "30")])
    assert _code(exc) == "case_already_paid"


# 9 -- one bank reference, one payment -------------------------------------------------------------
def test_a_bank_reference_pays_once(counter: Counter) -> None:
    _paid(counter)
    with counter.store.transaction() as s:
        a, b, c = queue(s, "90"), queue(s, "90"), queue(s, "20")
        first, _ = cashier.take_payment(s, CASHIER, a.id, [PartInput("transfer", "90", "BK01")])
    with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
        cashier.take_payment(s, CASHIER, b.id, [PartInput("wire", "90", "BK01")])
    assert _code(exc) == "payment_reference_used"
    with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
        cashier.take_payment(s, CASHIER, c.id, [PartInput("transfer", "10", "BK02"),
                                                PartInput("wire", "10", "BK02")])
    assert _code(exc) == "payment_reference_used"
    with counter.store.transaction() as s:  # a voided payment frees its reference
        cashier.void_payment(s, CASHIER, SUPERVISOR, first.id, "录错")
        cashier.take_payment(s, CASHIER, b.id, [PartInput("transfer", "90", "BK01")])


# 10, 14 -- refunds go back the way the money came, on a numbered slip ------------------------
def test_refund_by_the_way_the_money_came(counter: Counter) -> None:
    _paid(counter)
    with counter.store.transaction() as s:
        due = queue(s, "200")
        pay, receipt = cashier.take_payment(s, CASHIER, due.id, [
            PartInput("cash", "100"), PartInput("wire", "100", "DH77")])
    with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
        cashier.refund(s, CASHIER, SUPERVISOR, pay.id, "150", "多收")
    assert _code(exc) == "refund_method_differs" and "现金 100.00" in exc.value.message
    with counter.store.transaction() as s:
        cash = cashier.refund(s, CASHIER, SUPERVISOR, pay.id, "100", "多收")
        wire = cashier.refund(s, CASHIER, SUPERVISOR, pay.id, "20", "多收", method="wire",
                              reference="DH78")
        with pytest.raises(DomainError) as exc:
            cashier.refund(s, CASHIER, SUPERVISOR, pay.id, "10", "多收")
        assert _code(exc) == "refund_method_differs"
        other = cashier.refund(s, CASHIER, SUPERVISOR, pay.id, "10", "多收",
                               method_reason="交款单位账户已注销，改退现金")
        assert (cash.number, wire.number, other.number) == (1, 2, 3)
        slip = cashier.refund_slip(s, other.id)
        assert slip.number == "TK00000003" and slip.receipts.endswith("0000000002")
        assert ("未原路退回的理由", "交款单位账户已注销，改退现金") in slip.rows()
        assert cashier.receipt_facts(s, receipt.id).standing == "已退款 130.00 元"
        entry = s.scalars(select(AuditEntry).where(AuditEntry.object_id == other.id)).one()
        assert json.loads(entry.after)["slip"] == "TK00000003"


# 11 -- reductions print with reason and basis; the audit line has every line -------------------
def test_reductions_print_with_reason_and_basis(counter: Counter) -> None:
    item = parse_fee_item({"code": "FS-T-009", "name": "登记费", "basis": "收费依据",
                           "rule": {"kind": "fixed", "amount": "200.00"}})
    cut = Reduction("percent", "小微企业", "财税〔2026〕12号", Decimal("50"))
    with counter.store.transaction() as s:
        stock(s)
        cashier.open_session(s, CASHIER, "0")
        due = cashier.queue_assessment(s, CLERK, case_ref="C-R-1", item_code="X",
                                       department="RSJ", payer="某公司",
                                       assessment=assess([item], {}, {"FS-T-009": cut}))
        _, receipt = cashier.take_payment(s, CASHIER, due.id, [PartInput("cash", "100")])
        facts = cashier.receipt_facts(s, receipt.id)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "fee.assess")).one()
    blocks = receipt_blocks(receipt_from_facts(facts, **HALL), KEY)
    assert Pair("  减免50%：小微企业", "-100.00") in blocks
    assert Text("  减免依据：财税〔2026〕12号") in blocks
    assert Pair("  1项 × 200.00元", "200.00") in blocks and Pair("  实收", "100.00") in blocks
    line = json.loads(entry.after)["lines"][0]
    assert line["reduction"]["legal_basis"] == "财税〔2026〕12号"
    assert (line["gross"], line["amount"], line["reduction"]["reduced_by"]) == (
        "200.00", "100.00", "100.00")


# 13 -- caps and parsing -----------------------------------------------------------------------
def test_an_assessment_above_the_receipt_cap_is_refused() -> None:
    big = parse_fee_item({"code": "F1", "name": "大额", "basis": "依据",
                          "rule": {"kind": "per_unit", "unit": "m²", "price": "99999999.99"}})
    small = parse_fee_item({"code": "F2", "name": "小额", "basis": "依据",
                            "rule": {"kind": "fixed", "amount": "0.01"}})
    with pytest.raises(FeeError) as exc:
        assess([big, small], {"F1": "1"})
    assert exc.value.code == "assessment_too_large"


def test_a_percent_reduction_rounds_once() -> None:
    item = parse_fee_item({"code": "F", "name": "测试费", "basis": "依据",
                           "rule": {"kind": "per_unit", "unit": "件", "price": "0.35"}})
    line = assess_fee(item, "1.5", Reduction("percent", "减半", "依据", Decimal("50")))
    assert (line.gross, line.amount) == (Decimal("0.53"), Decimal("0.26"))  # 0.2625, once


@pytest.mark.parametrize("text", ["5,00", "1,2345", "12,34.5", "5，00"])
def test_misplaced_thousands_separators_are_refused(text: str) -> None:
    with pytest.raises(MoneyError) as exc:
        parse_amount(text, field="备用金")
    assert exc.value.code == "amount_separator_invalid" and "备用金" in exc.value.message
    assert parse_amount("1,234.50") == Decimal("1234.50")


@pytest.mark.parametrize("text", ["1e3", "1_000", "1E3", "0x10", "NaN", " 1 000"])
def test_quantities_are_plain_decimals(text: str) -> None:
    with pytest.raises(FeeError) as exc:
        check_input(text, "面积")
    assert exc.value.code == "fee_input_invalid"


def test_a_huge_tendered_typing_slip_is_refused(counter: Counter) -> None:
    _paid(counter)
    with counter.store.transaction() as s:
        due = queue(s, "144.50")
    with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
        cashier.take_payment(s, CASHIER, due.id, [PartInput("cash", "144.50")],
                             tendered="20000")
    assert _code(exc) == "change_too_large"
    with counter.store.transaction() as s:
        payment, _ = cashier.take_payment(s, CASHIER, due.id, [PartInput("cash", "144.50")],
                                          tendered="200")
        assert payment.change == Decimal("55.50")


@pytest.mark.parametrize("rule", [
    {"kind": "tiered", "unit": "m²", "min": "50.00",
     "tiers": [{"upto": "100", "price": "1.00"}, {"price": "0.50"}]},
    {"kind": "capped", "base": "合同价", "rate": "0.001", "min": "50.00", "cap": "5000.00"},
])
def test_a_rules_min_applies_to_tiered_and_capped_rules(rule: dict) -> None:
    item = parse_fee_item({"code": "F", "name": "测试费", "basis": "依据", "rule": rule})
    assert assess_fee(item, "10").gross == Decimal("50.00")
    with pytest.raises(FeeError):
        parse_fee_item({"code": "F", "name": "测试费", "basis": "依据",
                        "rule": {**rule, "min": "9000", "cap": "100"}})


# 14 -- a Z-close difference is acknowledged by a supervisor ---------------------------------------
def test_a_close_difference_needs_a_supervisor(counter: Counter) -> None:
    _paid(counter)  # expected cash 700.00
    attempts = [((), "difference_reason_missing"), (("多找零",), "approval_required"),
                (("多找零", CASHIER), "role_required:supervisor")]
    for extra, code in attempts:
        with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
            cashier.close_session(s, CASHIER, {"100": 6}, *extra)
        assert _code(exc) == code
    with counter.store.transaction() as s:
        till, _ = cashier.close_session(s, CASHIER, {"100": 6}, "多找零", SUPERVISOR2)
        assert till.difference_approved_by == "liuwei" and till.difference == Decimal("-100.00")
        assert audit.verify(s).ok


def test_a_print_run_that_died_is_released_or_spoiled_by_its_cashier(counter: Counter,
                                                                     tmp_path) -> None:
    _, receipt_id = _paid(counter, printed=False)
    claim_receipt(counter.store.transaction, CASHIER, receipt_id, **HALL)  # then the crash
    with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
        cashier.close_session(s, CASHIER, {"100": 7})
    assert _code(exc) == "receipts_pending"
    with counter.store.transaction() as s, pytest.raises(PermissionDenied):
        receipt_stock.release(s, CASHIER2, receipt_id)
    with counter.store.transaction() as s:
        receipt_stock.release(s, CASHIER, receipt_id)  # no paper came out
        with pytest.raises(DomainError) as exc:
            receipt_stock.release(s, CASHIER, receipt_id)
        assert _code(exc) == "receipt_not_printing"
    print_receipt(counter.store.transaction, CASHIER, receipt_id,
                  printer=f"file:{tmp_path / 'p'}", key=KEY, **HALL)
    with counter.store.transaction() as s:
        assert receipt_stock.get_receipt(s, receipt_id).status == "printed"
