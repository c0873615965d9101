"""``hall-client cash``: open the till, take payments, X report, Z close, the assessment queue.

The cashier is named with ``--cashier`` (a person with the cashier role); as with the other
administrative commands, whoever runs the command on this PC is trusted and the audit trail
records the named cashier.
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from hall_client.commands._common import with_counter
from hall_client.core import auth, cashier
from hall_client.core.actor import Actor
from hall_client.core.cashier import PartInput, TillReport
from hall_client.core.counter import Counter
from hall_client.core.errors import InvalidInput, NotFound, Problem
from hall_client.core.output_file import check_target
from hall_client.store.models import Person, utcnow


def person_actor(counter: Counter, username: str) -> Actor:
    """The Actor for a person registered at this counter."""
    with counter.store.transaction() as s:
        person = s.scalar(select(Person).where(Person.username == username))
        if person is None or not person.active:
            raise NotFound(f"没有这个用户：{username}", code="person_not_found")
        return auth.actor_for(person, counter.settings.counter.id)


def _report_dict(report: TillReport) -> dict[str, Any]:
    """The report's figures as text; counting blind, the cash figures are None (withheld)."""
    def shown(figures: Any) -> dict[str, str | None]:
        return {k: None if report.blind and k == "cash" else str(v) for k, v in figures.items()}

    return {
        "session": report.session_number, "cashier": report.cashier, "blind": report.blind,
        "opening_float": None if report.blind else str(report.opening_float),
        "taken": shown(report.taken), "refunded": shown(report.refunded),
        "net": shown(report.net),
        "expected_cash": None if report.blind else str(report.expected_cash),
        "payments": report.payments, "voided": report.voided,
        "voided_amount": str(report.voided_amount), "refunds": report.refunds,
        "receipts_printed": report.receipts_printed, "receipts_spoiled": report.receipts_spoiled,
        "receipts_pending": report.receipts_pending, "reprints": report.reprints,
    }


def _print_report(title: str, report: TillReport) -> None:
    d = _report_dict(report)
    hidden = "（盲点）"
    print(f"{title}  班次 {d['session']}  收费员 {d['cashier']}")
    if d["blind"]:
        print("  盲点模式：备用金、现金收退及应有现金在结账后显示")
    print(f"  备用金 {d['opening_float'] or hidden}")
    for method, name in cashier.METHODS.items():
        if d["net"][method] is None:
            print(f"  {name}：{hidden}")
            continue
        print(f"  {name}：收 {d['taken'][method]}  退 {d['refunded'][method]}  净 {d['net'][method]}")
    print(f"  应有现金 {d['expected_cash'] or hidden}")
    print(f"  收款 {d['payments']} 笔，作废 {d['voided']} 笔（{d['voided_amount']}），退款 "
          f"{d['refunds']} 笔；票据 已打印 {d['receipts_printed']} 作废 {d['receipts_spoiled']} "
          f"待确认 {d['receipts_pending']} 重打 {d['reprints']}")


def _slip_rows(report: TillReport) -> list[tuple[str, str]]:
    d = _report_dict(report)
    rows = [("班次", str(d["session"])), ("收费员", d["cashier"]),
            ("备用金", d["opening_float"] or "（盲点）")]
    for method, name in cashier.METHODS.items():
        rows.append((f"{name}（收/退/净）", "（盲点）" if d["net"][method] is None else
                     f"{d['taken'][method]}/{d['refunded'][method]}/{d['net'][method]}"))
    rows += [("应有现金", d["expected_cash"] or "（盲点）"),
             ("收款/作废/退款", f"{d['payments']}/{d['voided']}/{d['refunds']}"),
             ("票据 打印/作废/重打",
              f"{d['receipts_printed']}/{d['receipts_spoiled']}/{d['reprints']}")]
    return rows


def print_slip(counter: Counter, args: argparse.Namespace, title: str,
               rows: list[tuple[str, str]]) -> None:
    """Print a report slip when ``--printer`` was given."""
    if not getattr(args, "printer", None):
        return
    from hall_client.printing.output import blocks_bytes, send
    from hall_client.printing.report_slip import slip_blocks

    blocks = slip_blocks(counter.settings.hall.name, title, rows)
    mode = args.mode or counter.settings.printer.mode
    send(args.printer, blocks_bytes(blocks, mode="text" if mode == "text" else "raster",
                                    paper=args.paper or counter.settings.printer.paper,
                                    charset=counter.settings.printer.text_charset))


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
    print_slip(counter, args, f"X 报表（第 {report.session_number} 班）", _slip_rows(report))
    return 0


def parse_counts(items: list[str]) -> dict[str, int]:
    """``--count 100=5`` items as {denomination: pieces}, naming the bad item."""
    counts: dict[str, int] = {}
    problems = []
    for item in items:
        denomination, sep, pieces = item.partition("=")
        if not sep or not re.fullmatch(r"[0-9]{1,6}", pieces):
            problems.append(Problem(f"--count {item}", "count_format",
                                    "应写作 面额=张数，张数为 1 至 6 位数字，如 100=5"))
            continue
        counts[denomination] = counts.get(denomination, 0) + int(pieces)
    if problems:
        raise InvalidInput(problems)
    return counts


def _close(counter: Counter, args: argparse.Namespace) -> int:
    actor = person_actor(counter, args.cashier)
    counts = parse_counts(args.count or [])
    approver = supervisor_approval(counter, args) if args.supervisor else None
    with counter.store.transaction() as s:
        till, report = cashier.close_session(s, actor, counts, args.reason or "", approver)
        # The close is saved: now (and only now) the blind count sees the expected cash.
        result = {**_report_dict(report), "blind": False,
                  "opening_float": str(report.opening_float),
                  "expected_cash": str(report.expected_cash),
                  "counted": str(till.counted_cash), "difference": str(till.difference),
                  "reason": till.difference_reason,
                  "acknowledged_by": till.difference_approved_by or None}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        _print_report("Z 结账", report)
        print(f"  应有现金 {result['expected_cash']}  实点 {result['counted']}  "
              f"差异 {result['difference']} {result['reason']}")
        if till.difference and not till.difference_approved_by:
            print(f"  差异待值班主任确认：hall-client cash acknowledge --session {till.number} "
                  "--supervisor 用户名 --reason 原因")
    rows = [row for row in _slip_rows(report) if row[0] != "应有现金"]
    rows += [("应有现金", result["expected_cash"]), ("实点现金", result["counted"]),
             ("差异", result["difference"])]
    if result["reason"]:
        rows.append(("差异原因", result["reason"]))
    print_slip(counter, args, f"Z 结账（第 {report.session_number} 班）", rows)
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


def _date(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput([Problem(where, "date_format", f"日期应写作 2026-11-28，而不是 {text}")]
                           ) from None


def _daily(counter: Counter, args: argparse.Namespace) -> int:
    from hall_client.core.cashier_reports import SETTLEMENT_HEADER, export_xlsx, settlement

    if args.xlsx:
        check_target(args.xlsx)
    day = _date(args.date, "--date") if args.date else cashier.local_day(utcnow())
    with counter.store.transaction() as s:
        lines = settlement(s, day)
    rows = [ln.row() for ln in lines]
    if args.xlsx:
        export_xlsx(args.xlsx, [(f"日结清 {day}", SETTLEMENT_HEADER, rows)])
    slip = [(ln.who, f"{ln.total:.2f}（{ln.payments}笔）") for ln in lines]
    slip += [(f"全厅{name}", f"{lines[-1].net[m]:.2f}") for m, name in cashier.METHODS.items()]
    slip += [("票据 打印/作废", f"{lines[-1].receipts_printed}/{lines[-1].receipts_spoiled}"),
             ("待确认现金差异", str(lines[-1].differences_open))]
    print_slip(counter, args, f"日结清 {day}", slip)
    if args.json:
        print(json.dumps([dict(zip(SETTLEMENT_HEADER, [str(v) for v in r], strict=True))
                          for r in rows], ensure_ascii=False))
    else:
        print(f"日结清 {day}")
        print("  ".join(SETTLEMENT_HEADER))
        for r in rows:
            print("  ".join(str(v) for v in r))
    return 0


def _weekly(counter: Counter, args: argparse.Namespace) -> int:
    import sys

    from hall_client.core.cashier_reports import export_xlsx, read_bank_statement, reconcile

    if args.xlsx:
        check_target(args.xlsx)
    first, last = _date(args.start, "--from"), _date(args.end, "--to")
    try:
        data = args.bank.read_bytes()
    except OSError as exc:
        raise InvalidInput([Problem(str(args.bank), "bank_csv_unreadable",
                                    f"无法读取银行流水：{exc.strerror or exc}")]) from exc
    statement = read_bank_statement(data, str(args.bank))
    if not statement.lines and statement.problems:
        raise InvalidInput(statement.problems)
    for problem in statement.problems:  # the bad lines are named; the good ones still match
        print(f"错误：{problem}（此行未参与对账）", file=sys.stderr)
    bank = statement.lines
    with counter.store.transaction() as s:
        result = reconcile(s, bank, first, last)
    matched = [[b.day, b.reference, b.amount, o.payer] for b, o in result.matched]
    bank_only = [[b.line, b.day, b.reference, b.amount] for b in result.bank_only]
    ours_only = [[o.day, cashier.METHODS[o.method], o.reference, o.amount, o.payer]
                 for o in result.ours_only]
    if args.xlsx:
        export_xlsx(args.xlsx, [("已匹配", ["日期", "流水号", "金额", "交款人"], matched),
                                ("银行有我方无", ["行号", "日期", "流水号", "金额"], bank_only),
                                ("我方有银行无", ["日期", "方式", "流水号", "金额", "交款人"],
                                 ours_only)])
    summary = {"matched": len(matched), "bank_only": [[str(v) for v in r] for r in bank_only],
               "ours_only": [[str(v) for v in r] for r in ours_only],
               "problems": [[p.where, p.rule, p.message] for p in statement.problems],
               "encoding": statement.encoding}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(f"周对账 {first}–{last}：匹配 {len(matched)} 笔；银行有我方无 {len(bank_only)} 笔；"
              f"我方有银行无 {len(ours_only)} 笔；无法读取 {len(statement.problems)} 行")
        for r in summary["bank_only"]:
            print("  银行有我方无：" + " ".join(r))
        for r in summary["ours_only"]:
            print("  我方有银行无：" + " ".join(r))
    return 0 if not bank_only and not ours_only and not statement.problems else 1


def _monthly(counter: Counter, args: argparse.Namespace) -> int:
    from hall_client.core.cashier_reports import export_xlsx, month_summary

    if args.xlsx:
        check_target(args.xlsx)
    year, _, month = args.month.partition("-")
    if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
        raise InvalidInput([Problem("--month", "month_format", f"月份应写作 2026-11，而不是 {args.month}")])
    with counter.store.transaction() as s:
        summary = month_summary(s, int(year), int(month))
    rows = [[ln.department, ln.fee_code, ln.fee_name, ln.count, ln.amount]
            for ln in summary.lines]
    refunds = [[d, a] for d, a in sorted(summary.refunds_by_department.items())]
    if args.xlsx:
        export_xlsx(args.xlsx, [
            ("月汇总", ["部门", "收费代码", "收费项目", "笔数", "金额"], rows),
            ("退款", ["部门", "退款金额"], refunds),
            ("票据", ["已打印", "作废"], [[summary.receipts_printed, summary.receipts_spoiled]]),
        ])
    result = {"total": str(summary.total), "lines": [[str(v) for v in r] for r in rows],
              "refunds": [[d, str(a)] for d, a in refunds],
              "receipts_printed": summary.receipts_printed,
              "receipts_spoiled": summary.receipts_spoiled}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"月汇总 {args.month}：净收 {result['total']}；票据已打印 {summary.receipts_printed} "
              f"张，作废 {summary.receipts_spoiled} 张")
        for r in result["lines"]:
            print("  " + "  ".join(r))
    return 0


def supervisor_approval(counter: Counter, args: argparse.Namespace) -> Actor:
    """The approving supervisor signs in: password from stdin (--password-stdin) or a prompt.

    A wrong password counts towards the lock-out like any sign-in.
    """
    import getpass
    import sys

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"{args.supervisor} 的密码（批准）：")
    return auth.sign_in(counter.store.sessions, args.supervisor, password,
                        counter.settings.counter.id)


def _void(counter: Counter, args: argparse.Namespace) -> int:
    actor = person_actor(counter, args.cashier)
    approver = supervisor_approval(counter, args)
    with counter.store.transaction() as s:
        payment = cashier.void_payment(s, actor, approver, args.payment, args.reason)
        result = {"payment": payment.id, "status": payment.status,
                  "approved_by": payment.void_approved_by}
    print(json.dumps(result, ensure_ascii=False) if args.json else
          f"已作废收款 {payment.id}（批准：{approver.full_name}），票据已作废，费用回到待收费队列")
    return 0


def _refund(counter: Counter, args: argparse.Namespace) -> int:
    actor = person_actor(counter, args.cashier)
    approver = supervisor_approval(counter, args)
    with counter.store.transaction() as s:
        row = cashier.refund(s, actor, approver, args.payment, args.amount, args.reason,
                             method=args.method, reference=args.reference or "",
                             method_reason=args.method_reason or "")
        slip = cashier.refund_slip(s, row.id)
        result = {"refund": row.id, "slip": slip.number, "payment": row.payment_id,
                  "amount": str(row.amount), "method": row.method,
                  "approved_by": row.approved_by, "receipts": slip.receipts}
    print_slip(counter, args, f"退款凭证 {slip.number}", slip.rows())
    print(json.dumps(result, ensure_ascii=False) if args.json else
          f"已退款 {result['amount']}，退款凭证 {slip.number}（原收款 {row.payment_id}，"
          f"原票据 {slip.receipts or '-'} 已标明退款，批准：{approver.full_name}）")
    return 0


def _acknowledge(counter: Counter, args: argparse.Namespace) -> int:
    supervisor = supervisor_approval(counter, args)
    with counter.store.transaction() as s:
        till = cashier.acknowledge_difference(s, supervisor, args.session, args.reason)
        result = {"session": till.number, "difference": str(till.difference),
                  "acknowledged_by": till.difference_approved_by}
    print(json.dumps(result, ensure_ascii=False) if args.json else
          f"第 {result['session']} 班现金差异 {result['difference']} 已由 {supervisor.full_name} 确认")
    return 0


def _slip_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--printer", metavar="URI", help="also print the report as a slip")
    parser.add_argument("--mode", choices=("raster", "text"))
    parser.add_argument("--paper", type=int, choices=(58, 80))


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
    _slip_options(p)
    p = command("close", "Z close with the counted cash by denomination (日结)", _close)
    p.add_argument("--cashier", required=True)
    p.add_argument("--count", action="append", metavar="DENOM=N",
                   help="pieces per denomination, e.g. --count 100=5 --count 0.5=2")
    p.add_argument("--reason", help="why counted cash differs from expected")
    p.add_argument("--supervisor", help="the supervisor who acknowledges a difference")
    p.add_argument("--password-stdin", action="store_true", help="read their password from stdin")
    _slip_options(p)
    p = command("acknowledge", "a supervisor acknowledges a closed session's cash difference",
                _acknowledge)
    p.add_argument("--session", required=True, type=int, help="the session number (班次)")
    p.add_argument("--reason", required=True)
    p.add_argument("--supervisor", required=True)
    p.add_argument("--password-stdin", action="store_true")
    p = command("assess", "assess a case's fees from its item's fee rules and queue them", _assess)
    p.add_argument("--clerk", required=True)
    p.add_argument("--item", required=True, help="service item code, e.g. ZJ-XK-001")
    p.add_argument("--case", required=True, help="case number")
    p.add_argument("--payer", required=True)
    p.add_argument("--value", action="append", metavar="FEE=QTY",
                   help="quantity or base per fee code, e.g. FS-ZJ-001=1200.5")
    p.add_argument("--skip", action="append", metavar="FEE", help="a fee that does not apply")
    command("queue", "assessments waiting for payment", _queue)
    p = command("void", "void a payment of today's session (supervisor approves)", _void)
    p.add_argument("--cashier", required=True)
    p.add_argument("--payment", required=True, metavar="ID")
    p.add_argument("--reason", required=True)
    p.add_argument("--supervisor", required=True, help="the approving supervisor's username")
    p.add_argument("--password-stdin", action="store_true", help="read their password from stdin")
    p = command("refund", "refund against an earlier payment (supervisor approves)", _refund)
    p.add_argument("--cashier", required=True)
    p.add_argument("--payment", required=True, metavar="ID", help="the original payment")
    p.add_argument("--amount", required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--method", choices=tuple(cashier.METHODS), default="cash",
                   help="the way the money came; another way needs --method-reason")
    p.add_argument("--reference", help="bank reference for transfer or wire refunds")
    p.add_argument("--method-reason", help="the supervisor's reason for refunding another way")
    p.add_argument("--supervisor", required=True)
    p.add_argument("--password-stdin", action="store_true")
    _slip_options(p)
    p = command("daily", "daily settlement per cashier and for the hall (日结清)", _daily)
    p.add_argument("--date", help="YYYY-MM-DD (default: today in Asia/Shanghai)")
    p.add_argument("--xlsx", type=Path, help="also write an xlsx file")
    _slip_options(p)
    p = command("weekly", "match a bank statement CSV with transfers and wires (周对账)", _weekly)
    p.add_argument("--bank", required=True, type=Path,
                   help="bank statement CSV (GBK/GB18030 or UTF-8) with 日期, 流水号 and 金额 "
                        "or 收入金额/支出金额 columns")
    p.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
    p.add_argument("--xlsx", type=Path)
    p = command("monthly", "monthly summary by department and fee item (月汇总)", _monthly)
    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("--xlsx", type=Path)
    p = command("pay", "take payment for a queued assessment; takes the receipt number", _pay)
    p.add_argument("--cashier", required=True)
    p.add_argument("--assessment", required=True, metavar="ID")
    p.add_argument("--cash", action="append", metavar="AMOUNT")
    p.add_argument("--transfer", action="append", metavar="AMOUNT:REFERENCE")
    p.add_argument("--wire", action="append", metavar="AMOUNT:REFERENCE")
    p.add_argument("--tendered", metavar="AMOUNT", help="cash handed over (for change)")


