"""Bank statements as Chinese banks export them: one table of real-world shaped files, all read
to the same matches (issue 13, finding 12)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import pytest

from hall_client.core import cashier, receipt_stock
from hall_client.core.cashier import PartInput
from hall_client.core.cashier_reports import read_bank_statement, reconcile
from hall_client.core.counter import Counter
from tests.core.cashier_helpers import CASHIER, SUPERVISOR, queue, stock


def _books(counter: Counter) -> date:
    """Two bank payments and one refund by transfer, all today."""
    with counter.store.transaction() as s:
        stock(s)
        cashier.open_session(s, CASHIER, "100")
        a, b = queue(s, "6100.00", payer="杭州某建设有限公司"), queue(s, "1234.50", payer="𠮷野家")
        pay_a, rec_a = cashier.take_payment(s, CASHIER, a.id, [
            PartInput("cash", "100"), PartInput("transfer", "6000.00", "BK20261128000451")])
        _pay_b, rec_b = cashier.take_payment(s, CASHIER, b.id, [
            PartInput("wire", "1234.50", "DH20261128000017")])
        for r in (rec_a, rec_b):
            receipt_stock.mark_printed(s, CASHIER, r.id)
        cashier.refund(s, CASHIER, SUPERVISOR, pay_a.id, "20.00", "多收", method="transfer",
                       reference="TK20261128000009")
        return cashier.local_day(pay_a.created_at)


# Each shape: a function of the day that returns the file's bytes. Every file holds the same
# three transactions (6,000.00 in, 1,234.50 in, 20.00 out), one line the bank cannot have
# meant (a date that does not exist) and, where banks print them, a preamble and a total line.
def icbc_gbk(d: date) -> bytes:
    return (
        "中国工商银行 账户历史明细\n"
        "账号：1202021109000123456,户名：县行政服务中心\n"
        f"起止日期：{d:%Y-%m-%d} 至 {d:%Y-%m-%d}\n"
        "交易日期,交易时间,凭证号,摘要,借方发生额（支出）,贷方发生额（收入）,余额,对方户名\n"
        f"{d:%Y-%m-%d},10:31:05,BK20261128000451,转账收入,,\"6,000.00\",\"16,000.00\",杭州某建设有限公司\n"
        f"{d:%Y-%m-%d},11:02:44,DH20261128000017,电汇,,\"1,234.50\",\"17,234.50\",某某商行\n"
        f"{d:%Y-%m-%d},15:20:00,TK20261128000009,退款,20.00,,\"17,214.50\",杭州某建设有限公司\n"
        "2026-02-30,09:00:00,XX1,转账,,1.00,,某人\n"
        "合计,,,,20.00,\"7,235.50\",,\n"
    ).encode("gbk")


def ccb_utf8_bom(d: date) -> bytes:
    return (
        "\ufeff交易时间,交易流水号,收入金额(元),支出金额(元),账户余额(元),对方户名,摘要\n"
        f"{d:%Y-%m-%d} 10:31:05,BK20261128000451,\"￥6,000.00\",,\"￥16,000.00\",\"杭州某建设有限公司,基建部\",转账\n"
        f"{d:%Y-%m-%d} 11:02:44,DH20261128000017,\"￥1,234.50\",-,\"￥17,234.50\",某某商行,电汇\n"
        f"{d:%Y-%m-%d} 15:20:00,TK20261128000009,-,￥20.00,\"￥17,214.50\",杭州某建设有限公司,退款\n"
        f"{d:%Y-%m-%d} 25:61:00,XX2,￥1.00,,,某人,时间错\n"
    ).encode()


def signed_utf8(d: date) -> bytes:
    return (
        "记账日期,交易参考号,交易金额,币种,对方户名\n"
        f"{d:%Y/%m/%d} 10:31,BK20261128000451,\"+6,000.00\",人民币,杭州某建设有限公司\n"
        f"{d:%Y/%m/%d} 11:02,DH20261128000017,1234.50,人民币,某某商行\n"
        f"{d:%Y/%m/%d} 15:20,TK20261128000009,-20.00,人民币,杭州某建设有限公司\n"
        f"{d:%Y/%m/%d},XX3,一千元,人民币,某人\n"
    ).encode()


def direction_gb18030(d: date) -> bytes:
    return (
        "交易日期,流水号,借贷标志,金额,对方户名\n"
        f"{d:%Y%m%d} 103105,BK20261128000451,贷,RMB 6000.00,杭州某建设有限公司\n"
        f"{d:%Y%m%d} 110244,DH20261128000017,贷,1234.50,𠮷野家\n"  # 𠮷: four bytes in GB18030
        f"{d:%Y%m%d} 152000,TK20261128000009,借,20.00,杭州某建设有限公司\n"
        f"{d:%Y%m%d},XX4,转,1.00,某人\n"
    ).encode("gb18030")


def cmb_chinese_dates(d: date) -> bytes:
    return (
        "招商银行交易明细\n"
        "\n"
        "记账日期,交易参考号,贷方金额,借方金额,余额,摘要\n"
        f"{d.year}年{d.month}月{d.day}日,BK20261128000451,\"6,000.00元\",,,转账\n"
        f"{d.year}年{d.month}月{d.day}日,DH20261128000017,\"1,234.50元\",,,电汇\n"
        f"{d.year}年{d.month}月{d.day}日,TK20261128000009,,20.00元,,退款\n"
        f"{d.year}年{d.month}月{d.day}日,XX5,1.005,,,三位小数\n"
        "共计,3笔,,,,\n"
    ).encode()


SHAPES: dict[str, tuple[Callable[[date], bytes], str]] = {
    "ICBC GBK, preamble, debit/credit columns, total line": (icbc_gbk, "gb18030"),
    "CCB UTF-8 BOM, date-times, ￥, quoted commas": (ccb_utf8_bom, "utf-8-sig"),
    "UTF-8 no BOM, one signed amount column": (signed_utf8, "utf-8"),
    "GB18030 4-byte name, 借贷标志, compact date-times": (direction_gb18030, "gb18030"),
    "CMB 年月日 dates, 元 suffix": (cmb_chinese_dates, "utf-8"),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_every_shape_reads_to_the_same_matches(counter: Counter, shape: str) -> None:
    day = _books(counter)
    make, encoding = SHAPES[shape]
    statement = read_bank_statement(make(day), f"{shape}.csv")
    assert statement.encoding == encoding
    assert len(statement.problems) == 1  # the one bad line, named with its file and line
    problem = statement.problems[0]
    assert problem.where.startswith(f"{shape}.csv:") and problem.rule.startswith("bank_csv_")
    assert [ln.amount for ln in statement.lines] == [
        Decimal("6000.00"), Decimal("1234.50"), Decimal("-20.00")]
    with counter.store.transaction() as s:
        result = reconcile(s, statement.lines, day, day)
    matched = sorted((b.reference, o.kind, o.amount) for b, o in result.matched)
    assert matched == [("BK20261128000451", "payment", Decimal("6000.00")),
                       ("DH20261128000017", "payment", Decimal("1234.50")),
                       ("TK20261128000009", "refund", Decimal("-20.00"))]
    assert result.bank_only == [] and result.ours_only == []


def test_date_slack_reaches_across_the_start_of_the_period(counter: Counter) -> None:
    day = _books(counter)
    later = day + timedelta(days=2)  # the bank posted two days late, inside the next period
    text = ("日期,流水号,金额\n"
            f"{later:%Y-%m-%d},BK20261128000451,6000.00\n").encode()
    with counter.store.transaction() as s:
        result = reconcile(s, read_bank_statement(text).lines, later, later + timedelta(days=6))
    assert [b.reference for b, _ in result.matched] == ["BK20261128000451"]
    assert result.ours_only == []  # what we took before the period is not reported missing
