"""``hall-client audit``: verify and read the hash-chained audit trail."""

from __future__ import annotations

import argparse
import json

from sqlalchemy import select

from hall_client.commands._common import with_counter
from hall_client.core import audit
from hall_client.core.counter import Counter
from hall_client.core.settings import SHANGHAI
from hall_client.store.models import AuditEntry


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("audit", help="audit trail (痕迹管理)")
    cmds = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    p = cmds.add_parser("verify", help="check the hash chain; exit 1 naming the first bad entry")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_counter(_verify))
    p = cmds.add_parser("list", help="show the newest entries")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=with_counter(_list))


def _verify(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        report = audit.verify(s)
    if args.json:
        print(json.dumps({"ok": report.ok, "checked": report.checked, "bad_seq": report.bad_seq,
                          "bad_id": report.bad_id, "reason": report.reason}, ensure_ascii=False))
    else:
        print(report.describe())
    return 0 if report.ok else 1


def _list(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        rows = list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(args.limit)))
    for e in reversed(rows):
        at = e.at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S")
        print(f"{e.seq:>6} {at} {e.username}({e.role})@{e.counter} {e.action} "
              f"{e.object_type}:{e.object_id} {e.after}")
    return 0
