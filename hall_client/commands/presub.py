"""``hall-client presub``: online pre-submissions (网上申报) waiting at the window."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from hall_client.cli import EXIT_RULE
from hall_client.commands._common import with_counter
from hall_client.core import auth, presubmissions
from hall_client.core.counter import Counter


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("presub", help="online pre-submissions (网上申报) from the server")
    cmds = parser.add_subparsers(dest="presub_command", metavar="ACTION", required=True)
    p = cmds.add_parser("list", help="waiting online applications (pulled by sync run)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_counter(_list))
    p = cmds.add_parser("check", help="pre-review: the item's materials against the application")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.add_argument("--draft", type=Path, help="write the case JSON for `case accept` here")
    p.set_defaults(func=with_counter(_check))
    p = cmds.add_parser("decide", help="accepted (with --case), correction or refused (--reason)")
    p.add_argument("id")
    p.add_argument("decision", choices=presubmissions.DECISIONS)
    p.add_argument("--reason", default="")
    p.add_argument("--case", default="", help="the case number made by `case accept`")
    p.add_argument("--clerk", required=True, help="the clerk deciding (password on stdin)")
    p.set_defaults(func=with_counter(_decide))


def _list(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        rows = [{"id": r.id, "item_code": r.item_code, "item_name": r.item_name,
                 "project_name": r.project_name, "applicant": r.applicant.get("name", ""),
                 "submitted_at": r.submitted_at.isoformat()}
                for r in presubmissions.waiting(s)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        for r in rows:
            print(f"{r['id']}  {r['item_name']}  {r['applicant']}  {r['project_name']}")
        print(f"共 {len(rows)} 件待预审")
    return 0


def _check(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        lines = presubmissions.checklist(s, args.id)
        draft = presubmissions.case_draft(s, args.id)
    if args.draft:
        args.draft.write_text(json.dumps(draft, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.json:
        print(json.dumps([vars(line) for line in lines], ensure_ascii=False))
        return 0
    for line in lines:
        mark = "✓" if line.offered else ("✗ 缺" if line.required else "－")
        print(f"{mark} {line.name} {line.notes}".rstrip())
    missing = sum(1 for line in lines if line.required and not line.offered)
    print(f"必需材料缺 {missing} 项" if missing else "必需材料齐全（以窗口核对原件为准）")
    return 0


def _decide(counter: Counter, args: argparse.Namespace) -> int:
    password = sys.stdin.readline().rstrip("\r\n")
    actor = auth.sign_in(counter.store.sessions, args.clerk, password, counter.settings.counter.id)
    with counter.store.transaction() as s:
        row = presubmissions.decide(s, actor, args.id, args.decision, reason=args.reason,
                                    case_number=args.case)
        print(f"已处理网上申报 {row.id}：{row.status}"
              + (f"（受理件 {row.case_number}）" if row.case_number else ""))
    return 0 if row else EXIT_RULE
