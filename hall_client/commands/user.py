"""``hall-client user``: add, list and unlock staff accounts."""

from __future__ import annotations

import argparse
import getpass
import sys

from hall_client.commands._common import with_counter
from hall_client.core import auth
from hall_client.core.actor import ROLE_NAMES, ROLES
from hall_client.core.counter import Counter


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("user", help="staff accounts")
    cmds = parser.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    p = cmds.add_parser("add", help="add a person (the first one must be an admin)")
    p.add_argument("username")
    p.add_argument("--name", required=True, help="full name as printed on documents")
    p.add_argument("--role", action="append", choices=ROLES, required=True,
                   help="may be given several times")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from standard input instead of prompting")
    p.set_defaults(func=with_counter(_add))
    p = cmds.add_parser("list", help="list people")
    p.set_defaults(func=with_counter(_list))
    p = cmds.add_parser("unlock", help="clear a lock-out")
    p.add_argument("username")
    p.set_defaults(func=with_counter(_unlock))


def _add(counter: Counter, args: argparse.Namespace) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("密码：")
        if getpass.getpass("再次输入密码：") != password:
            print("错误：两次输入的密码不一致", file=sys.stderr)
            return 1
    with counter.store.transaction() as s:
        first = auth.count_people(s) == 0
        person = auth.add_person(s, None if first else counter.cli_actor(),
                                 username=args.username, full_name=args.name, password=password,
                                 roles=args.role, counter=counter.settings.counter.id)
        print(f"已添加 {person.full_name}（{person.username}）："
              + "、".join(ROLE_NAMES[r] for r in sorted(person.role_names)))
    return 0


def _list(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        for p in auth.list_people(s):
            lock = "（已锁定）" if p.locked_until else ""
            print(f"{p.username:<12} {p.full_name:<8} "
                  + "、".join(ROLE_NAMES[r] for r in sorted(p.role_names)) + lock)
    return 0


def _unlock(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        auth.unlock(s, counter.cli_actor(), args.username)
    print(f"已解锁 {args.username}")
    return 0
