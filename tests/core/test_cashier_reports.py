"""Daily settlement, weekly bank reconciliation and the monthly summary, with xlsx export."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from hall_client.core import cashier, receipt_stock
from hall_client.core.cashier import PartInput, local_day
from hall_client.core.cashier_reports import (
    SETTLEMENT_HEADER,
    export_xlsx,
    month_summary,
    parse_bank_csv,
    reconcile,
    settlement,
)
from hall_client.core.counter import Counter
from hall_client.core.errors import InvalidInput
from hall_client.core.settings import SHANGHAI
from hall_client.store.cashier_models import Payment
from hall_client.store.models import utcnow
from tests.core.cashier_helpers import CASHIER, CASHIER2, SUPERVISOR, queue, stock


def _day(counter: Counter) -> date:
    with counter.store.transaction() as s:
        stock(s)
        receipt_stock.issue_to_cashier(s, SUPERVISOR, CASHIER2.username, "33010126", 10)
        cashier.open_session(s, CASHIER, "100")
        cashier.open_session(s, CASHIER2, "0")
        for total, parts, who in [
            ("100.00", [PartInput("cash", "100")], CASHIER),
            ("250.50", [PartInput("transfer", "250.50", "BK-1")], CASHIER),
            ("80.00", [PartInput("wire", "80", "DH-9")], CASHIER2),
            ("30.00", [PartInput("cash", "10"), PartInput("transfer", "20", "BK-2")], CASHIER2),
        ]:
            due = queue(s, total)
            _, rec = cashier.take_payment(s, who, due.id, parts)
            receipt_stock.mark_printed(s, who, rec.id)
        due = queue(s, "5.00")
        pay, _ = cashier.take_payment(s, CASHIER, due.id, [PartInput("cash", "5")])
        cashier.void_payment(s, CASHIER, SUPERVISOR, pay.id, "录错")
        first = s.query(Payment).filter(Payment.total == Decimal("100.00")).one()
        cashier.refund(s, CASHIER, SUPERVISOR, first.id, "40", "部分退费")
        cashier.close_session(s, CASHIER, {"100": 1, "50": 1, "10": 1}, "")
    return local_day(utcnow())


def test_daily_settlement_per_cashier_and_hall(counter: Counter, tmp_path: Path) -> None:
    today = _day(counter)
    with counter.store.transaction() as s:
        lines = settlement(s, today)
    by = {ln.who: ln for ln in lines}
    assert by[CASHIER.username].net == {"cash": Decimal("60.00"), "transfer": Decimal("250.50"),
                                        "wire": Decimal("0.00")}
    assert (by[CASHIER.username].voided, by[CASHIER.username].refunds) == (1, Decimal("40.00"))
    assert by[CASHIER.username].receipts_spoiled == 1
    hall = by["全厅合计"]
    assert hall.total == Decimal("420.50")  # 460.50 taken − 40 refunded
    assert hall.payments == 4 and hall.receipts_printed == 4
    out = tmp_path / "daily.xlsx"
    export_xlsx(out, [("日结清", SETTLEMENT_HEADER, [ln.row() for ln in lines])])
    sheet = load_workbook(out)["日结清"]
    assert sheet.cell(1, 1).value == "收费员"
    assert sheet.cell(sheet.max_row, 1).value == "全厅合计"
    assert sheet.cell(sheet.max_row, 5).value == pytest.approx(420.50)


def test_weekly_bank_reconciliation(counter: Counter) -> None:
    today = _day(counter)
    csv_text = (
        "\ufeff交易日期,交易流水号,收入金额,对方户名\n"
        f"{today:%Y%m%d},BK-1,250.50,某公司\n"
        f"{today:%Y-%m-%d},DH-9,80.00,某人\n"  # right reference, right amount
        f"{today:%Y-%m-%d},BK-2,21.00,某人\n"  # amount differs: not a match
        f"{today:%Y/%m/%d},BK-X,99.00,不明来款\n"
    )
    bank = parse_bank_csv(csv_text, "week48.csv")
    with counter.store.transaction() as s:
        result = reconcile(s, bank, today, today)
    assert sorted(o.reference for _, o in result.matched) == ["BK-1", "DH-9"]
    assert sorted(b.reference for b in result.bank_only) == ["BK-2", "BK-X"]
    assert [(o.reference, o.amount) for o in result.ours_only] == [("BK-2", Decimal("20.00"))]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("", "bank_csv_empty"),
        ("日期,金额\n2026-11-28,1\n", "bank_csv_header"),
        ("日期,流水号,金额\n2026-13-01,A,1\n", "bank_csv_date"),
        ("日期,流水号,金额\n2026-11-28,A,abc\n", "bank_csv_amount"),
        ("日期,流水号,金额\n2026-11-28,A,1.001\n", "bank_csv_amount"),
        ("日期,流水号,金额\n2026-11-28,A,1e400\n", "bank_csv_amount"),
        ("日期,流水号,金额\n2026-11-28,A,Infinity\n", "bank_csv_amount"),
        ("日期,流水号,金额\n2026-11-28,A,1e30\n", "bank_csv_amount"),
    ],
)
def test_bad_bank_csv_names_line_and_rule(text: str, rule: str) -> None:
    with pytest.raises(InvalidInput) as exc:
        parse_bank_csv(text, "bad.csv")
    assert exc.value.problems[0].rule == rule
    assert exc.value.problems[0].where.startswith("bad.csv")


def test_month_summary_by_department_and_fee(counter: Counter) -> None:
    today = _day(counter)
    with counter.store.transaction() as s:
        summary = month_summary(s, today.year, today.month)
        assert summary.total == Decimal("420.50")
        assert [(ln.department, ln.fee_code, ln.count) for ln in summary.lines] == [
            ("RSJ", "FS-T-001", 4)]
        assert summary.refunds_by_department == {"RSJ": Decimal("40.00")}
        assert (summary.receipts_printed, summary.receipts_spoiled) == (4, 1)
        # a payment moved to the previous month leaves this month's summary (noon Shanghai
        # time on its last day: the UTC instant's own year or month can differ from today's)
        previous = datetime.combine(today.replace(day=1) - timedelta(days=1), time(12),
                                    SHANGHAI).astimezone(UTC)
        s.execute(update(Payment).values(created_at=previous))
        assert month_summary(s, today.year, today.month).lines == []
