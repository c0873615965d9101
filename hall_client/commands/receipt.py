"""``hall-client receipt`` commands: test-print (set up a printer); preview, print, reprint."""

from __future__ import annotations

import argparse
import json
import sys

from hall_client.core.errors import DomainError
from hall_client.core.settings import data_dir

EXIT_OK, EXIT_RULE = 0, 1


def hall_key() -> bytes:
    """The hall's receipt-signing key, created on first use under the data folder."""
    from hall_client.printing.signing import load_or_create_key

    return load_or_create_key(data_dir() / "keys" / "receipt-hmac.key")


def _add_printer_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--printer",
        required=True,
        metavar="URI",
        help="usb:VID:PID | tcp:HOST[:PORT] | serial:DEVICE[:BAUD] | file:PATH | win32:NAME",
    )
    parser.add_argument("--mode", choices=("raster", "text"), default="raster")
    parser.add_argument("--paper", type=int, choices=(58, 80), default=58)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def _test_print(args: argparse.Namespace) -> int:
    from hall_client.printing.output import receipt_bytes, send
    from hall_client.printing.sample import sample_receipt

    receipt = sample_receipt()
    try:
        data = receipt_bytes(
            receipt, hall_key(), mode=args.mode, paper=args.paper, kick_drawer=args.kick_drawer
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


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("receipt", help="machine receipts (机打票据)")
    actions = parser.add_subparsers(dest="receipt_command", metavar="ACTION", required=True)
    test_print = actions.add_parser(
        "test-print", help="print a sample receipt (Chinese text, uppercase amount, QR code)"
    )
    _add_printer_options(test_print)
    test_print.add_argument("--kick-drawer", action="store_true", help="open the cash drawer")
    test_print.set_defaults(func=_test_print)
