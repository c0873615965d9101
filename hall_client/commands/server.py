"""``hall-client server register``: store this counter's credential for the central server."""

from __future__ import annotations

import argparse
import sys

from hall_client.cli import EXIT_RULE, EXIT_USAGE
from hall_client.commands._common import with_counter
from hall_client.core.counter import Counter
from hall_client.sync.credential import CredentialFile, Registration
from hall_client.sync.transport import transport_problem


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("server", help="the central server")
    cmds = parser.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    p = cmds.add_parser("register", help="store the counter's credential (secret on stdin)")
    p.add_argument("--url", required=True, help="https://server.example:8700")
    p.add_argument("--hall", required=True, help="hall code on the server")
    p.add_argument("--counter", required=True, help="counter code on the server")
    p.set_defaults(func=with_counter(_register))


def _register(counter: Counter, args: argparse.Namespace) -> int:
    problem = transport_problem(args.url, counter.settings.server.allow_plain_http)
    if problem:
        print(f"错误：{args.url}：{problem}", file=sys.stderr)
        return EXIT_RULE
    secret = sys.stdin.readline().rstrip("\r\n")
    if not secret:
        print("错误：请在标准输入中给出窗口密钥（counter secret）", file=sys.stderr)
        return EXIT_USAGE
    credentials = CredentialFile(counter.data_dir)
    old = credentials.load() if credentials.exists() else None
    same_server = old is not None and (old.url, old.hall, old.counter) == \
        (args.url, args.hall, args.counter)
    credentials.save(Registration(url=args.url, hall=args.hall, counter=args.counter,
                                  counter_secret=secret,
                                  tokens=old.tokens if same_server and old else {}))
    print(f"已登记：大厅 {args.hall}，窗口 {args.counter}，服务器 {args.url}"
          f"（密钥保存在 {credentials.path}，仅本用户可读）")
    return 0
