"""The till: payment to printed receipt, bad input, printer failure, void, refund, close."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from hall_client.core import audit, cashier, catalog, outbox, receipt_stock
from hall_client.core.cashier import CashierError, PartInput
from hall_client.core.counter import Counter
from hall_client.core.errors import DomainError, PermissionDenied
from hall_client.core.fees import assess, parse_fee_item
from hall_client.printing.issue import print_receipt
from hall_client.printing.printer_uri import PrinterError
from hall_client.printing.signing import verify_payload
from hall_client.store.cashier_models import ReceiptRecord
from tests.core.cashier_helpers import (
    CASHIER,
    CASHIER2,
    CLERK,
    STOCK_CODE,
    SUPERVISOR,
    queue,
    stock,
)
from tests.printing.escpos_decoder import decode
from tests.printing.fake_printer import dead_printer
from tests.printing.test_receipt_print import scan_qr

KEY = bytes(range(32))
HALL = {"hall_code": "HALL-330100", "hall_name": "县行政服务中心"}


def codes(exc: pytest.ExceptionInfo[DomainError]) -> str:
    return exc.value.code


def test_payment_to_printed_receipt(counter: Counter, tmp_path: Path) -> None:
    with counter.store.transaction() as s:
        item = catalog.get_item(s, "ZJ-XK-001")
        fees = [parse_fee_item(f) for f in item.definition["fees"]]
        assessment = assess(fees, {"FS-ZJ-001": "120.5", "FS-ZJ-002": "120.5",
                                   "FS-ZJ-003": "120.5", "FS-ZJ-004": "2000000"})
        due = cashier.queue_assessment(s, CLERK, case_ref="C-2026-0007", item_code="ZJ-XK-001",
                                       department="ZJJ", payer="某建设有限公司",
                                       assessment=assessment)
        stock(s)
        cashier.open_session(s, CASHIER, "500.00")
    assert assessment.total == Decimal("10314.50")  # 120.5×(60+1+8) + 2000000×0.001
    with counter.store.transaction() as s:
        payment, receipt = cashier.take_payment(
            s, CASHIER, due.id,
            [PartInput("cash", "314.50"), PartInput("transfer", "10000.00", "BK20261128001")],
            tendered="320")
        assert payment.change == Decimal("5.50")
        assert (receipt.number, receipt.status) == (1, "pending")
    out = tmp_path / "printer.bin"
    printed = print_receipt(counter.store.transaction, CASHIER, receipt.id, printer=f"file:{out}",
                            key=KEY, kick_drawer=True, **HALL)
    decoded = decode(out.read_bytes())
    assert decoded.errors == [] and "drawer pin2" in decoded.events
    facts = verify_payload(scan_qr(decoded.raster()), KEY)
    assert (facts.stock_code, facts.number, facts.total) == (
        STOCK_CODE, "0000000001", Decimal("10314.50"))
    assert printed.payer == "某建设有限公司" and len(printed.lines) == 4
    with counter.store.transaction() as s:
        assert receipt_stock.get_receipt(s, receipt.id).status == "printed"
        report = cashier.x_report(s, CASHIER)
        assert report.net["cash"] == Decimal("314.50")
        assert report.net["transfer"] == Decimal("10000.00")
        assert report.expected_cash == Decimal("814.50")
        till, _ = cashier.close_session(s, CASHIER, {"100": 8, "10": 1, "1": 4,
                                                     "0.5": 1})
        assert till.difference == 0 and till.status == "closed"
        assert audit.verify(s).ok
        actions = [e.action for e in audit.iter_entries(s)]
    for action in ("fee.assess", "cash.open", "payment.take", "receipt.take_number",
                   "receipt.printed", "cash.close"):
        assert action in actions


def test_bad_payments_are_refused_and_change_nothing(counter: Counter) -> None:
    with counter.store.transaction() as s:
        due = queue(s, "100.00")
        stock(s, count=1)
    with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
        cashier.take_payment(s, CASHIER, due.id, [PartInput("cash", "100")])
    assert exc.value.code == "session_not_open"
    with counter.store.transaction() as s:
        cashier.open_session(s, CASHIER, "0")
    bad = [
        ([PartInput("cash", "100")], "99.99", "tendered_short"),
        ([PartInput("cash", "-100")], None, "amount_negative"),
        ([PartInput("cash", "100.001")], None, "amount_too_many_decimals"),
        ([PartInput("cash", "100000000")], None, "amount_too_large"),
        ([PartInput("cash", "60"), PartInput("wire", "30", "W1")], None, "payment_split_mismatch"),
        ([PartInput("transfer", "100")], None, "payment_reference_missing"),
        ([PartInput("cheque", "100")], None, "payment_method_invalid"),
    ]
    for parts, tendered, code in bad:
        with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
            cashier.take_payment(s, CASHIER, due.id, parts, tendered=tendered)
        assert exc.value.code == code, (parts, exc.value)
        assert exc.value.message
    with counter.store.transaction() as s:
        assert s.scalars(select(ReceiptRecord)).all() == []
        cashier.take_payment(s, CASHIER, due.id, [PartInput("cash", "100")], tendered="100")
        second = queue(s, "5.00")
    with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
        cashier.take_payment(s, CASHIER, second.id, [PartInput("cash", "5")])
    assert exc.value.code == "stock_run_out"
    with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
        cashier.take_payment(s, CASHIER, due.id, [PartInput("cash", "100")])
    assert exc.value.code == "assessment_not_queued"


def test_stock_rules(counter: Counter) -> None:
    with counter.store.transaction() as s:
        stock(s, count=10)
    cases = [
        (lambda s: receipt_stock.receive_batch(s, SUPERVISOR, STOCK_CODE, "0000000500",
                                               "0000002000"), "receipt_range_overlap"),
        (lambda s: receipt_stock.receive_batch(s, SUPERVISOR, "3301", "0000000001",
                                               "0000000002"), "stock_code_invalid"),
        (lambda s: receipt_stock.receive_batch(s, SUPERVISOR, "33010127", "12345",
                                               "0000000002"), "receipt_number_invalid"),
        (lambda s: receipt_stock.receive_batch(s, SUPERVISOR, "33010127", "0000000009",
                                               "0000000002"), "receipt_range_invalid"),
        (lambda s: receipt_stock.issue_to_cashier(s, SUPERVISOR, CASHIER2.username, STOCK_CODE,
                                                  991), "stock_run_out"),
        (lambda s: receipt_stock.find_receipt(s, STOCK_CODE, "0000000001"), "receipt_not_found"),
        (lambda s: receipt_stock.find_receipt(s, STOCK_CODE, "99"), "receipt_number_invalid"),
        (lambda s: receipt_stock.receive_batch(s, SUPERVISOR, "١٢٣٤٥٦٧٨", "0000000001",
                                               "0000000002"), "stock_code_invalid"),
        (lambda s: receipt_stock.receive_batch(s, SUPERVISOR, "33010127", "000000000١",
                                               "0000000002"), "receipt_number_invalid"),
    ]
    for action, code in cases:
        with counter.store.transaction() as s, pytest.raises(DomainError) as exc:
            action(s)
        assert exc.value.code == code
    with counter.store.transaction() as s, pytest.raises(PermissionDenied):
        receipt_stock.receive_batch(s, CASHIER, "33010127", "0000000001", "0000000002")
    with counter.store.transaction() as s:
        issue2 = receipt_stock.issue_to_cashier(s, SUPERVISOR, CASHIER2.username, STOCK_CODE, 5)
        assert (issue2.start_no, issue2.end_no) == (11, 15)
        for _ in range(2):
            receipt_stock.take_number(s, CASHIER2, None)
        receipt_stock.spoil(s, CASHIER2, receipt_stock.pending_receipts(s)[0].id, "卡纸")
        receipt_stock.mark_printed(s, CASHIER2, receipt_stock.pending_receipts(s)[0].id)
        receipt_stock.hand_in(s, SUPERVISOR, issue2.id)
        again = receipt_stock.issue_to_cashier(s, SUPERVISOR, CASHIER2.username, STOCK_CODE, 3)
        assert again.start_no == 13  # the unused numbers handed in are issued again
        with pytest.raises(PermissionDenied):
            receipt_stock.write_off(s, SUPERVISOR, SUPERVISOR, again.id, "丢失")
        receipt_stock.write_off(s, CASHIER2, SUPERVISOR, again.id, "受潮损毁")
        line = receipt_stock.stock_report(s)[0]
    assert (line.total, line.issued, line.printed, line.spoiled, line.pending) == (
        1000, 15, 1, 4, 0)
    assert (line.unused_with_cashiers, line.in_stock) == (10, 985)


def test_printer_offline_mid_print_keeps_the_number(counter: Counter, tmp_path: Path) -> None:
    with counter.store.transaction() as s:
        due = queue(s, "88.80")
        stock(s)
        cashier.open_session(s, CASHIER, "100")
        _, receipt = cashier.take_payment(s, CASHIER, due.id, [PartInput("cash", "88.80")])
    with dead_printer() as uri, pytest.raises(PrinterError) as exc:
        print_receipt(counter.store.transaction, CASHIER, receipt.id, printer=uri, key=KEY, **HALL)
    assert exc.value.code in ("printer_offline", "printer_not_found")
    with counter.store.transaction() as s:
        pending = receipt_stock.pending_receipts(s, CASHIER.username)
        assert [r.id for r in pending] == [receipt.id] and pending[0].last_error
        with pytest.raises(DomainError) as exc2:
            cashier.close_session(s, CASHIER, {"100": 1})
        assert exc2.value.code == "receipts_pending"
        new = receipt_stock.spoil_and_reissue(s, CASHIER, receipt.id, "打印中断，半张")
    print_receipt(counter.store.transaction, CASHIER, new.id, printer=f"file:{tmp_path / 'p'}",
                  key=KEY, **HALL)
    with counter.store.transaction() as s:
        rows = s.scalars(select(ReceiptRecord).order_by(ReceiptRecord.number)).all()
        assert [(r.number, r.status) for r in rows] == [(1, "spoiled"), (2, "printed")]
        assert rows[0].payment_id == rows[1].payment_id


def test_void_refund_reprint(counter: Counter, tmp_path: Path) -> None:
    with counter.store.transaction() as s:
        a, b = queue(s, "200.00"), queue(s, "50.00", payer="李四")
        stock(s)
        cashier.open_session(s, CASHIER, "100", blind=True)
        pay_a, rec_a = cashier.take_payment(s, CASHIER, a.id, [PartInput("cash", "200")],
                                            tendered="200")
        pay_b, rec_b = cashier.take_payment(s, CASHIER, b.id, [PartInput("wire", "50", "DH01")])
        receipt_stock.mark_printed(s, CASHIER, rec_a.id)
        receipt_stock.mark_printed(s, CASHIER, rec_b.id)
    with counter.store.transaction() as s, pytest.raises(PermissionDenied):
        cashier.void_payment(s, CASHIER, CLERK, pay_a.id, "收错")
    with counter.store.transaction() as s:
        cashier.void_payment(s, CASHIER, SUPERVISOR, pay_a.id, "收错项目")
        assert receipt_stock.get_receipt(s, rec_a.id).status == "spoiled"
        assert s.get(type(a), a.id).status == "queued"
        with pytest.raises(DomainError) as exc:
            cashier.refund(s, CASHIER, SUPERVISOR, pay_b.id, "60", "多收")
        assert exc.value.code == "refund_too_large"
        refund = cashier.refund(s, CASHIER, SUPERVISOR, pay_b.id, "20", "多收", method="wire",
                                reference="DH02")
        assert refund.payment_id == pay_b.id
        kinds = [m.kind for m in outbox.pending(s)]
        assert kinds == ["fee.paid", "receipt.issue", "fee.paid", "receipt.issue", "fee.voided",
                         "fee.refunded"]
        report = cashier.x_report(s, CASHIER)
        assert report.expected_cash == 0 and report.extra  # blind: withheld
    out = tmp_path / "reprint.bin"
    print_receipt(counter.store.transaction, CASHIER, rec_b.id, printer=f"file:{out}", key=KEY,
                  mode="text", reprint=True, **HALL)
    assert "重打 第1次" in decode(out.read_bytes()).text
    with counter.store.transaction() as s:
        # Counting blind, the close is saved as counted (nothing hints at the expected cash);
        # the difference then waits for a supervisor's acknowledgment.
        till, report = cashier.close_session(s, CASHIER, {"100": 1, "0.1": 3})
        assert till.difference == Decimal("0.30") and not till.difference_approved_by
        cashier.acknowledge_difference(s, SUPERVISOR, till.number, "多出硬币待查")
        assert till.difference_approved_by == SUPERVISOR.username
        assert report.net == {"cash": 0, "transfer": 0, "wire": Decimal("30.00")}
        assert (report.voided, report.refunds, report.reprints) == (1, 1, 1)
        assert audit.verify(s).ok


@pytest.mark.parametrize("pieces", [-1, 10**22, 1_000_000])
def test_count_denominations_refuses_counts_out_of_range(pieces: int) -> None:
    with pytest.raises(CashierError) as exc:
        cashier.count_denominations({"100": pieces})
    assert exc.value.code == "denomination_count_invalid" and "100" in exc.value.message
