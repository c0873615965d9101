"""``hall-client cash``: open the till, take payments, X report, Z close, the assessment queue.

The cashier is named with ``--cashier`` (a person with the cashier role); as with the other
administrative commands, whoever runs the command on this PC is trusted and the audit trail
records the named cashier.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from sqlalchemy import select

from hall_client.commands._common import with_counter
from hall_client.core import auth, cashier
from hall_client.core.actor import Actor
from hall_client.core.cashier import PartInput, TillReport
from hall_client.core.counter import Counter
from hall_client.core.errors import InvalidInput, NotFound, Problem
from hall_client.store.models import Person


def person_actor(counter: Counter, username: str) -> Actor:
    """The Actor for a person registered at this counter."""
    with counter.store.transaction() as s:
        person = s.scalar(select(Person).where(Person.username == username))
        if person is None or not person.active:
            raise NotFound(f"没有这个用户：{username}", code="person_not_found")
        return auth.actor_for(person, counter.settings.counter.id)


def _report_dict(report: TillReport) -> dict[str, Any]:
    return {
        "session": report.session_number, "cashier": report.cashier,
        "opening_float": str(report.opening_float),
        "taken": {k: str(v) for k, v in report.taken.items()},
        "refunded": {k: str(v) for k, v in report.refunded.items()},
        "net": {k: str(v) for k, v in report.net.items()},
        "expected_cash": None if report.extra.get("blind") else str(report.expected_cash),
        "payments": report.payments, "voided": report.voided,
        "voided_amount": str(report.voided_amount), "refunds": report.refunds,
        "receipts_printed": report.receipts_printed, "receipts_spoiled": report.receipts_spoiled,
        "receipts_pending": report.receipts_pending, "reprints": report.reprints,
    }


def _print_report(title: str, report: TillReport) -> None:
    d = _report_dict(report)
    print(f"{title}  班次 {d['session']}  收费员 {d['cashier']}")
    print(f"  备用金 {d['opening_float']}")
    for method, name in cashier.METHODS.items():
        print(f"  {name}：收 {d['taken'][method]}  退 {d['refunded'][method]}  净 {d['net'][method]}")
    expected = d["expected_cash"] if d["expected_cash"] is not None else "（盲点模式，结账后显示）"
    print(f"  应有现金 {expected}")
    print(f"  收款 {d['payments']} 笔，作废 {d['voided']} 笔（{d['voided_amount']}），退款 "
          f"{d['refunds']} 笔；票据 已打印 {d['receipts_printed']} 作废 {d['receipts_spoiled']} "
          f"待确认 {d['receipts_pending']} 重打 {d['reprints']}")


def _open(counter: Counter, args: argparse.Namespace) -> int:
    actor = person_actor(counter, args.cashier)
    with counter.store.transaction() as s:
        till = cashier.open_session(s, actor, args.float, blind=args.blind)
        result = {"session": till.number, "id": till.id, "float": str(till.opening_float)}
    print(json.dumps(result, ensure_ascii=False) if args.json else
          f"已开班：第 {result['session']} 班，备用金 {result['float']}")
    return 0


def _report(counter: Counter, args: argparse.Namespace) -> int:
    actor = person_actor(counter, args.cashier)
    with counter.store.transaction() as s:
        report = cashier.x_report(s, actor)
    if args.json:
        print(json.dumps(_report_dict(report), ensure_ascii=False))
    else:
        _print_report("X 报表", report)
    return 0


def parse_counts(items: list[str]) -> dict[str, int]:
    """``--count 100=5`` items as {denomination: pieces}, naming the bad item."""
    counts: dict[str, int] = {}
    problems = []
    for item in items:
        denomination, sep, pieces = item.partition("=")
        if not sep or not pieces.isdigit():
            problems.append(Problem(f"--count {item}", "count_format", "应写作 面额=张数，如 100=5"))
            continue
        counts[denomination] = counts.get(denomination, 0) + int(pieces)
    if problems:
        raise InvalidInput(problems)
    return counts


def _close(counter: Counter, args: argparse.Namespace) -> int:
    actor = person_actor(counter, args.cashier)
    counts = parse_counts(args.count or [])
    with counter.store.transaction() as s:
        till, report = cashier.close_session(s, actor, counts, args.reason or "")
        result = {**_report_dict(report), "expected_cash": str(report.expected_cash),
                  "counted": str(till.counted_cash), "difference": str(till.difference),
                  "reason": till.difference_reason}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        _print_report("Z 结账", report)
        print(f"  应有现金 {result['expected_cash']}  实点 {result['counted']}  "
              f"差异 {result['difference']} {result['reason']}")
    return 0


def _queue(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        rows = [{"id": a.id, "case": a.case_ref, "item": a.item_code, "payer": a.payer,
                 "total": str(a.total)} for a in cashier.queue(s)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    for row in [] if args.json else rows:
        print(f"{row['id']}  {row['case']}  {row['item']}  {row['payer']}  {row['total']}")
    return 0


def _part(text: str, method: str) -> PartInput:
    amount, _, reference = text.partition(":")
    return PartInput(method, amount, reference)


def _pay(counter: Counter, args: argparse.Namespace) -> int:
    actor = person_actor(counter, args.cashier)
    parts = [_part(t, "cash") for t in args.cash or []]
    parts += [_part(t, "transfer") for t in args.transfer or []]
    parts += [_part(t, "wire") for t in args.wire or []]
    with counter.store.transaction() as s:
        payment, receipt = cashier.take_payment(s, actor, args.assessment, parts,
                                                tendered=args.tendered)
        result = {"payment": payment.id, "total": str(payment.total),
                  "change": str(payment.change), "receipt": receipt.id,
                  "stock_code": receipt.stock_code, "number": f"{receipt.number:010d}"}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"已收款 {result['total']}，找零 {result['change']}；票据 {result['stock_code']} "
              f"{result['number']} 待打印（hall-client receipt print --id {result['receipt']}）")
    return 0


def _assess(counter: Counter, args: argparse.Namespace) -> int:
    from hall_client.core import catalog
    from hall_client.core.fees import assess, parse_fee_item

    actor = person_actor(counter, args.clerk)
    values: dict[str, str] = {}
    for item in args.value or []:
        code, sep, value = item.partition("=")
        if not sep:
            raise InvalidInput([Problem(f"--value {item}", "value_format",
                                        "应写作 收费代码=数量，如 FS-ZJ-001=1200.5")])
        values[code] = value
    with counter.store.transaction() as s:
        version = catalog.get_item(s, args.item)
        fees = [parse_fee_item(f, f"{args.item}.fees[{n}]")
                for n, f in enumerate(version.definition.get("fees", []))]
        assessment = assess(fees, values, skip=args.skip or [])
        row = cashier.queue_assessment(s, actor, case_ref=args.case, item_code=args.item,
                                       department=version.department, payer=args.payer,
                                       assessment=assessment)
        result = {"id": row.id, "total": str(row.total),
                  "lines": [[ln.fee_code, str(ln.amount)] for ln in assessment.lines]}
    print(json.dumps(result, ensure_ascii=False) if args.json else
          f"已核定 {result['total']} 元，待收费：{result['id']}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("cash", help="cashier till: open, pay, report, close (收费)")
    cmds = parser.add_subparsers(dest="cash_command", metavar="ACTION", required=True)

    def command(name: str, help_text: str, body: Any) -> argparse.ArgumentParser:
        p = cmds.add_parser(name, help=help_text)
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=with_counter(body))
        return p

    p = command("open", "open the till with an opening float (开班)", _open)
    p.add_argument("--cashier", required=True)
    p.add_argument("--float", required=True, metavar="AMOUNT", help="opening float in yuan")
    p.add_argument("--blind", action="store_true", help="blind count: hide expected cash")
    p = command("report", "X report of the open session", _report)
    p.add_argument("--cashier", required=True)
    p = command("close", "Z close with the counted cash by denomination (日结)", _close)
    p.add_argument("--cashier", required=True)
    p.add_argument("--count", action="append", metavar="DENOM=N",
                   help="pieces per denomination, e.g. --count 100=5 --count 0.5=2")
    p.add_argument("--reason", help="why counted cash differs from expected")
    p = command("assess", "assess a case's fees from its item's fee rules and queue them", _assess)
    p.add_argument("--clerk", required=True)
    p.add_argument("--item", required=True, help="service item code, e.g. ZJ-XK-001")
    p.add_argument("--case", required=True, help="case number")
    p.add_argument("--payer", required=True)
    p.add_argument("--value", action="append", metavar="FEE=QTY",
                   help="quantity or base per fee code, e.g. FS-ZJ-001=1200.5")
    p.add_argument("--skip", action="append", metavar="FEE", help="a fee that does not apply")
    command("queue", "assessments waiting for payment", _queue)
    p = command("pay", "take payment for a queued assessment; takes the receipt number", _pay)
    p.add_argument("--cashier", required=True)
    p.add_argument("--assessment", required=True, metavar="ID")
    p.add_argument("--cash", action="append", metavar="AMOUNT")
    p.add_argument("--transfer", action="append", metavar="AMOUNT:REFERENCE")
    p.add_argument("--wire", action="append", metavar="AMOUNT:REFERENCE")
    p.add_argument("--tendered", metavar="AMOUNT", help="cash handed over (for change)")


