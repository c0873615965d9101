"""``hall-client receipt`` commands: test-print (set up a printer); preview, print, reprint."""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path

from hall_client.commands._common import with_counter
from hall_client.core import receipt_stock
from hall_client.core.counter import Counter
from hall_client.core.errors import DomainError, InvalidInput, Problem
from hall_client.core.settings import TEXT_CHARSETS, data_dir

EXIT_OK, EXIT_RULE = 0, 1


def hall_key() -> bytes:
    """The hall's receipt-signing key, created on first use under the data folder."""
    from hall_client.printing.signing import hall_key as key_under

    return key_under(data_dir())


def _add_printer_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--printer",
        required=True,
        metavar="URI",
        help="usb:VID:PID | tcp:HOST[:PORT] | serial:DEVICE[:BAUD] | file:PATH | win32:NAME",
    )
    parser.add_argument("--mode", choices=("raster", "text"), default="raster")
    parser.add_argument("--paper", type=int, choices=(58, 80), default=58)
    parser.add_argument("--charset", choices=TEXT_CHARSETS, default="gbk",
                        help="what the printer's font prints in text mode (beyond it: raster lines)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def _test_print(args: argparse.Namespace) -> int:
    from hall_client.printing.output import receipt_bytes, send
    from hall_client.printing.sample import sample_receipt

    receipt = sample_receipt()
    try:
        data = receipt_bytes(
            receipt, hall_key(), mode=args.mode, paper=args.paper, kick_drawer=args.kick_drawer,
            charset=args.charset,
        )
        sent = send(args.printer, data)
    except DomainError as exc:
        print(f"{args.printer}: {exc.message} [{exc.code}]", file=sys.stderr)
        return EXIT_RULE
    result = {"printer": args.printer, "mode": args.mode, "paper": args.paper, "bytes": sent}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"测试页已发送到 {args.printer}（{args.mode}，{args.paper}mm，{sent} 字节）")
    return EXIT_OK


def _receipt_id(counter: Counter, args: argparse.Namespace) -> str:
    if args.id:
        return str(args.id)
    if not (args.code and args.number):
        raise InvalidInput([Problem("--id / --code --number", "receipt_missing",
                                    "请用 --id，或 --code 票据代码 加 --number 票据号码 指明票据")])
    with counter.store.transaction() as s:
        return receipt_stock.find_receipt(s, args.code, args.number).id


def _hall(counter: Counter) -> dict[str, str]:
    return {"hall_code": counter.settings.hall.id, "hall_name": counter.settings.hall.name}


def _preview(counter: Counter, args: argparse.Namespace) -> int:
    from hall_client.printing.issue import load_receipt
    from hall_client.printing.output import preview

    receipt = load_receipt(counter.store.transaction, _receipt_id(counter, args),
                           **_hall(counter))
    image = preview(receipt, hall_key(), args.paper or counter.settings.printer.paper)
    image.save(args.out)
    result = {"out": str(args.out), "width": image.width, "height": image.height,
              "number": receipt.number}
    print(json.dumps(result, ensure_ascii=False) if args.json else
          f"预览已保存：{args.out}（{image.width}×{image.height}）")
    return EXIT_OK


def _print(counter: Counter, args: argparse.Namespace, *, reprint: bool) -> int:
    from hall_client.commands.cash import person_actor
    from hall_client.printing.issue import print_receipt

    actor = person_actor(counter, args.cashier)
    printer = args.printer or counter.settings.printer.uri
    if not printer:
        raise InvalidInput([Problem("--printer", "printer_missing",
                                    "未指定打印机：用 --printer，或在 settings.toml 的 [printer] uri 设置")])
    receipt = print_receipt(
        counter.store.transaction, actor, _receipt_id(counter, args), printer=printer,
        key=hall_key(), mode=args.mode or counter.settings.printer.mode,
        paper=args.paper or counter.settings.printer.paper, kick_drawer=args.kick_drawer,
        reprint=reprint, charset=counter.settings.printer.text_charset, **_hall(counter))
    result = {"stock_code": receipt.stock_code, "number": receipt.number,
              "total": str(receipt.total), "reprint": receipt.reprint, "printer": printer}
    print(json.dumps(result, ensure_ascii=False) if args.json else
          f"{'重打' if reprint else '已打印'}票据 {receipt.stock_code} {receipt.number}"
          f"（{receipt.total} 元）")
    return EXIT_OK


def _pending(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        rows = [{"id": r.id, "stock_code": r.stock_code, "number": f"{r.number:010d}",
                 "cashier": r.cashier, "status": r.status, "error": r.last_error}
                for r in receipt_stock.pending_receipts(s, args.cashier)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    for r in [] if args.json else rows:
        print(f"{r['id']}  {r['stock_code']} {r['number']}  {r['cashier']}  "
              f"{receipt_stock.STATUS_NAMES[r['status']]}  {r['error']}")
    return EXIT_OK


def _spoil(counter: Counter, args: argparse.Namespace) -> int:
    from hall_client.commands.cash import person_actor, supervisor_approval

    actor = person_actor(counter, args.cashier)
    receipt_id = _receipt_id(counter, args)
    approver = supervisor_approval(counter, args) if args.supervisor else None
    with counter.store.transaction() as s:
        if args.reissue:
            new = receipt_stock.spoil_and_reissue(s, actor, receipt_id, args.reason, approver)
            result = {"spoiled": receipt_id, "new_id": new.id, "new_number": f"{new.number:010d}"}
        else:
            receipt_stock.spoil(s, actor, receipt_id, args.reason, approver)
            result = {"spoiled": receipt_id}
    print(json.dumps(result, ensure_ascii=False) if args.json else
          "已作废" + (f"，新号码 {result['new_number']} 待打印（--id {result['new_id']}）"
                   if args.reissue else ""))
    return EXIT_OK


def _release(counter: Counter, args: argparse.Namespace) -> int:
    from hall_client.commands.cash import person_actor

    actor = person_actor(counter, args.cashier)
    with counter.store.transaction() as s:
        record = receipt_stock.release(s, actor, _receipt_id(counter, args))
        result = {"id": record.id, "number": f"{record.number:010d}", "status": record.status}
    print(json.dumps(result, ensure_ascii=False) if args.json else
          f"票据 {result['number']} 已释放，可按原号打印（receipt print --id {result['id']}）")
    return EXIT_OK


def _stock_receive(counter: Counter, args: argparse.Namespace) -> int:
    actor = counter.cli_actor()
    with counter.store.transaction() as s:
        batch = receipt_stock.receive_batch(s, actor, args.code, args.start, args.end,
                                            args.source)
        result = {"id": batch.id, "count": batch.end_no - batch.start_no + 1}
    print(json.dumps(result, ensure_ascii=False) if args.json else
          f"已入库 {args.code} {args.start}–{args.end}，共 {result['count']} 张")
    return EXIT_OK


def _stock_issue(counter: Counter, args: argparse.Namespace) -> int:
    actor = counter.cli_actor()
    with counter.store.transaction() as s:
        issue = receipt_stock.issue_to_cashier(s, actor, args.to, args.code, args.count)
        result = {"id": issue.id, "start": f"{issue.start_no:010d}", "end": f"{issue.end_no:010d}"}
    print(json.dumps(result, ensure_ascii=False) if args.json else
          f"已发放给 {args.to}：{args.code} {result['start']}–{result['end']}")
    return EXIT_OK


def _stock_report(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        lines = receipt_stock.stock_report(s)
    if args.json:
        print(json.dumps([line.__dict__ for line in lines], ensure_ascii=False))
        return EXIT_OK
    print("票据代码  起始号码    终止号码    总数  已领  已打印  作废  待确认  在手未用  库存")
    for ln in lines:
        print(f"{ln.stock_code}  {ln.start}  {ln.end}  {ln.total}  {ln.issued}  {ln.printed}  "
              f"{ln.spoiled}  {ln.pending}  {ln.unused_with_cashiers}  {ln.in_stock}")
    return EXIT_OK


def _issues(counter: Counter, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from hall_client.store.cashier_models import ReceiptIssue

    with counter.store.transaction() as s:
        query = select(ReceiptIssue).order_by(ReceiptIssue.issued_at)
        if args.cashier:
            query = query.where(ReceiptIssue.cashier == args.cashier)
        rows = [{"id": i.id, "cashier": i.cashier, "stock_code": i.stock_code,
                 "start": f"{i.start_no:010d}", "end": f"{i.end_no:010d}",
                 "next": f"{i.next_no:010d}", "status": i.status} for i in s.scalars(query)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    for r in [] if args.json else rows:
        print(f"{r['id']}  {r['cashier']}  {r['stock_code']} {r['start']}–{r['end']}  "
              f"下一张 {r['next']}  {r['status']}")
    return EXIT_OK


def _hand_in(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        issue = receipt_stock.hand_in(s, counter.cli_actor(), args.issue)
        result = {"issue": issue.id, "used_to": f"{issue.next_no - 1:010d}",
                  "returned": max(0, issue.end_no - issue.next_no + 1)}
    print(json.dumps(result, ensure_ascii=False) if args.json else
          f"已缴回：用到 {result['used_to']}，退回未用 {result['returned']} 张")
    return EXIT_OK


def _write_off(counter: Counter, args: argparse.Namespace) -> int:
    from hall_client.commands.cash import person_actor, supervisor_approval

    actor = person_actor(counter, args.cashier)
    approver = supervisor_approval(counter, args)
    with counter.store.transaction() as s:
        issue = receipt_stock.write_off(s, actor, approver, args.issue, args.reason)
        result = {"issue": issue.id, "status": issue.status, "approved_by": issue.approved_by}
    print(json.dumps(result, ensure_ascii=False) if args.json else
          f"已核销（批准：{approver.full_name}），未用号码均记为作废")
    return EXIT_OK


def _verify(counter: Counter, args: argparse.Namespace) -> int:
    """Check a receipt's QR: the signature, then that this hall's books hold the same facts."""
    from hall_client.printing.signing import ReceiptForgeryError, verify_payload

    payload = args.payload
    if args.image is not None:
        import cv2

        image = cv2.imread(str(args.image), cv2.IMREAD_GRAYSCALE)
        if image is None:
            raise InvalidInput([Problem(str(args.image), "image_unreadable", "无法读取图片")])
        from hall_client.printing.raster import read_qr

        payload = read_qr(image)
        if not payload:
            raise InvalidInput([Problem(str(args.image), "qr_not_found", "图片中没有找到二维码")])
    if not payload:
        raise InvalidInput([Problem("--payload / --image", "payload_missing", "请给出二维码内容或图片")])
    try:
        from hall_client.printing.signing import legacy_key

        facts = verify_payload(payload, hall_key(), legacy_key(data_dir()))
    except ReceiptForgeryError as exc:
        result = {"genuine": False, "code": exc.code, "message": exc.message}
    else:
        result = {"genuine": True, "valid": True, "stock_code": facts.stock_code,
                  "number": facts.number, "total": str(facts.total), "in_books": False,
                  "standing": ""}
        with counter.store.transaction() as s:
            try:
                record = receipt_stock.find_receipt(s, facts.stock_code, facts.number)
            except DomainError:
                record = None
            if record is not None and record.payment_id:
                from hall_client.core.cashier import receipt_facts

                books = receipt_facts(s, record.id)
                result.update(in_books=True, status=record.status, standing=books.standing)
                if books.total != facts.total:
                    result.update(genuine=False, valid=False, code="receipt_total_differs",
                                  message=f"账上金额 {books.total} 与二维码 {facts.total} 不符")
                elif books.standing in ("作废", "全额退款"):
                    # The signature is real, but the paper no longer stands for a payment.
                    result.update(valid=False, code="receipt_not_valid",
                                  message=f"票据 {facts.number} {books.standing}，不是有效收款凭证")
            elif record is not None:
                result.update(in_books=True, status=record.status, standing="作废", valid=False,
                              code="receipt_not_valid", message=f"票据 {facts.number} 作废")
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    elif result.get("valid"):
        print(f"真票：{result['stock_code']} {result['number']}，金额 {result['total']}"
              + ("，本厅账上有记录" if result["in_books"] else "")
              + (f"；{result['standing']}" if result["standing"] else ""))
    elif result["genuine"]:
        print(f"{result['standing']}：{result['stock_code']} {result['number']}，金额 "
              f"{result['total']}（二维码签名真实，但该票已{result['standing']}，不是有效收款凭证）"
              f" [{result['code']}]")
    else:
        print(f"验证不通过：{result['message']} [{result['code']}]")
    return EXIT_OK if result.get("valid") else EXIT_RULE


def _which(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--id", help="receipt id")
    parser.add_argument("--code", help="票据代码 (8 digits)")
    parser.add_argument("--number", help="票据号码 (10 digits)")
    parser.add_argument("--json", action="store_true")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("receipt", help="machine receipts (机打票据)")
    actions = parser.add_subparsers(dest="receipt_command", metavar="ACTION", required=True)
    test_print = actions.add_parser(
        "test-print", help="print a sample receipt (Chinese text, uppercase amount, QR code)"
    )
    _add_printer_options(test_print)
    test_print.add_argument("--kick-drawer", action="store_true", help="open the cash drawer")
    test_print.set_defaults(func=_test_print)

    p = actions.add_parser("preview", help="save the receipt image exactly as raster mode prints it")
    _which(p)
    p.add_argument("--out", required=True, type=Path, help="PNG file to write")
    p.add_argument("--paper", type=int, choices=(58, 80))
    p.set_defaults(func=with_counter(_preview))
    for name, reprint, text in (("print", False, "print a receipt whose number is taken"),
                                ("reprint", True, "reprint a printed receipt, marked 重打")):
        p = actions.add_parser(name, help=text)
        _which(p)
        p.add_argument("--cashier", required=True)
        p.add_argument("--printer", metavar="URI", help="default: settings.toml [printer] uri")
        p.add_argument("--mode", choices=("raster", "text"))
        p.add_argument("--paper", type=int, choices=(58, 80))
        p.add_argument("--kick-drawer", action="store_true")
        p.set_defaults(func=with_counter(partial(_print, reprint=reprint)))
    p = actions.add_parser("pending", help="receipts whose printing was never confirmed")
    p.add_argument("--cashier")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_counter(_pending))
    p = actions.add_parser("spoil", help="record a receipt as 作废 (optionally take a new number)")
    _which(p)
    p.add_argument("--cashier", required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--reissue", action="store_true", help="take the next number for its payment")
    p.add_argument("--supervisor", help="approving supervisor (needed for a printed receipt)")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(func=with_counter(_spoil))
    p = actions.add_parser("release", help="a print run died and no paper came out: "
                                           "print the same number again")
    _which(p)
    p.add_argument("--cashier", required=True)
    p.set_defaults(func=with_counter(_release))
    p = actions.add_parser("verify", help="check a receipt's QR code (forged or altered?)")
    p.add_argument("--payload", help="the QR code's text, as a scanner reads it")
    p.add_argument("--image", type=Path, help="a photo or scan of the receipt")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_counter(_verify))
    stock = actions.add_parser("stock", help="receipt stock: receive, issue, report (领用缴销)")
    stock_cmds = stock.add_subparsers(dest="stock_command", metavar="ACTION", required=True)
    p = stock_cmds.add_parser("receive", help="receive a batch from the finance bureau")
    p.add_argument("--code", required=True, help="票据代码 (8 digits)")
    p.add_argument("--start", required=True, help="first 票据号码 (10 digits)")
    p.add_argument("--end", required=True, help="last 票据号码 (10 digits)")
    p.add_argument("--source", default="财政局")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_counter(_stock_receive))
    p = stock_cmds.add_parser("issue", help="issue numbers to a cashier")
    p.add_argument("--code", required=True)
    p.add_argument("--to", required=True, metavar="CASHIER")
    p.add_argument("--count", required=True, type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_counter(_stock_issue))
    p = stock_cmds.add_parser("issues", help="issued ranges (领用记录) and how far each is used")
    p.add_argument("--cashier")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_counter(_issues))
    p = stock_cmds.add_parser("hand-in", help="缴: close an issue; unused numbers return to stock")
    p.add_argument("--issue", required=True, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_counter(_hand_in))
    p = stock_cmds.add_parser("write-off", help="销: write off unused numbers (supervisor approves)")
    p.add_argument("--issue", required=True, metavar="ID")
    p.add_argument("--cashier", required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--supervisor", required=True)
    p.add_argument("--password-stdin", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_counter(_write_off))
    p = stock_cmds.add_parser("report", help="stock per batch")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_counter(_stock_report))
