"""``hall-client case``: accept a case from JSON, list cases, show one, write its notice as PDF.

The JSON format is in docs/intake.md. Page files named in it are read relative to the JSON
file; a file that already passes the item's page profile is stored as given, any other is
prepared by the page pipeline first (one stored page per page of the file).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from hall_client.commands._common import with_counter
from hall_client.core.actor import Actor
from hall_client.core.cases import hall_info
from hall_client.core.cases.calendar import load_calendar, local_date
from hall_client.core.cases.intake import STATUSES, PageInput, record_intake
from hall_client.core.cases.json_input import intake_from_json
from hall_client.core.cases.queries import (
    case_detail,
    case_rows,
    get_case,
    latest_notice,
    notice_for_print,
)
from hall_client.core.counter import Counter
from hall_client.core.errors import DomainError, InvalidInput, Problem
from hall_client.core.output_file import check_target, write_atomically
from hall_client.store.models import utcnow

MAX_JSON_BYTES = 64 * 1024 * 1024


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("case", help="cases at this counter (受理件)")
    cmds = parser.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    p = cmds.add_parser("accept", help="record a case from a JSON file (accept/correction/refuse)")
    p.add_argument("file", type=Path)
    p.add_argument("--clerk", default=None, help="the clerk's username (default: you, as the "
                   "command-line administrator)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=with_counter(_accept))
    p = cmds.add_parser("list", help="list cases, newest first")
    p.add_argument("--json", action="store_true")
    p.add_argument("--status", choices=sorted(STATUSES), default=None)
    p.set_defaults(func=with_counter(_list))
    p = cmds.add_parser("show", help="one case in full")
    p.add_argument("number")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_counter(_show))
    p = cmds.add_parser("notice", help="write the case's latest notice as an A4 PDF")
    p.add_argument("number")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--reprint", action="store_true", help="mark it 重打 (counted and audited)")
    p.set_defaults(func=with_counter(_notice))


def _actor(counter: Counter, username: str | None) -> Actor:
    if username is None:
        return counter.cli_actor()
    from hall_client.commands.cash import person_actor

    return person_actor(counter, username)


def page_loader(base: Path) -> Any:
    """Read page files relative to ``base``: compliant JPEGs as given, others prepared."""
    from hall_client.pages.errors import PageError
    from hall_client.pages.pipeline import prepare_file
    from hall_client.pages.profiles import get_profile
    from hall_client.pages.validate import check_page

    def load(paths: list[str], where: str, profile_name: str) -> tuple[PageInput, ...]:
        try:
            profile = get_profile(profile_name or "construction-permit")
        except (PageError, OSError, ValueError) as exc:
            raise DomainError(f"事项的页面规则“{profile_name}”不可用：{exc}",
                              code="page_profile_unknown") from exc
        out: list[PageInput] = []
        for raw in paths:
            path = (base / raw).resolve()
            if not path.is_file():
                raise DomainError(f"{where}：找不到页面文件 {raw}（相对于 {base}）",
                                  code="page_file_missing")
            if check_page(path, profile).ok:
                out.append(PageInput(path.read_bytes()))
                continue
            try:
                out.extend(PageInput(page.encoded.data) for page in prepare_file(path, profile))
            except PageError as exc:
                raise DomainError(f"{where}：{raw} 无法制作成合规页面：{exc.message}",
                                  code=exc.code) from exc
        return tuple(out)

    return load


def _read_json(path: Path) -> Any:
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            raise InvalidInput([Problem(str(path), "file_too_large", "文件超过 64 MB")])
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput([Problem(str(path), "file_unreadable",
                                    f"无法读取文件：{exc.strerror or exc}")]) from exc
    except UnicodeDecodeError as exc:
        raise InvalidInput([Problem(str(path), "file_encoding", "文件应为 UTF-8 编码")]) from exc
    except json.JSONDecodeError as exc:
        raise InvalidInput([Problem(f"{path}:{exc.lineno}:{exc.colno}", "json_syntax",
                                    f"JSON 格式错误：{exc.msg}")]) from exc


def _accept(counter: Counter, args: argparse.Namespace) -> int:
    doc = _read_json(args.file)
    actor = _actor(counter, args.clerk)
    loader = page_loader(args.file.resolve().parent)
    with counter.store.transaction() as s:
        intake = intake_from_json(s, doc, loader, source=str(args.file))
    with counter.store.transaction() as s:
        result = record_intake(s, actor, hall_info(counter.settings), counter.data_dir, intake)
    out = {"case_number": result.case_number, "query_code": result.query_code,
           "status": result.status,
           "promised_date": result.promised_date.isoformat() if result.promised_date else None,
           "deadline_error": result.deadline_error or None, "notice": result.notice_number,
           "fee_total": str(result.fee_total), "id": result.case_id}
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(f"{STATUSES[result.status]}：受理号 {result.case_number}　通知书 {result.notice_number}")
    if result.query_code:
        print(f"查询码：{result.query_code}")
        print("承诺办结日期：" + (result.promised_date.isoformat() if result.promised_date
                              else f"暂无法确定（{result.deadline_error}）"))
        print(f"应缴费用：{result.fee_total} 元")
    return 0


def _list(counter: Counter, args: argparse.Namespace) -> int:
    today = local_date(utcnow())
    with counter.store.transaction() as s:
        rows = case_rows(s, load_calendar(s), today)
    if args.status:
        rows = [r for r in rows if r.status == args.status]
    if args.json:
        print(json.dumps([{"case_number": r.number, "status": r.status, "item": r.item_code,
                           "item_name": r.item_name, "applicant": r.applicant_name,
                           "promised_date": r.promised_date.isoformat() if r.promised_date
                           else None, "warning": r.warning or None} for r in rows],
                         ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        due = r.promised_date.isoformat() if r.promised_date else "-"
        print(f"{r.number:<28} {STATUSES[r.status]:<6} {due:<10} {r.item_name}　{r.applicant_name}")
    print(f"共 {len(rows)} 件")
    return 0


def _show(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        detail = case_detail(s, get_case(s, args.number))
    if args.json:
        print(json.dumps(detail, ensure_ascii=False, indent=1))
        return 0
    d = detail
    a = d["applicant"]
    print(f"{d['case_number']}　{d['status_name']}　{d['item_name']}（{d['item']} 第 {d['item_version']} 版）")
    print(f"申请人：{a['name']}　{a['id_type_name']} {a['id_number']}　电话 {a['phone']}")
    if d["project_name"]:
        print(f"项目：{d['project_name']}")
    if d["status"] == "accepted":
        print(f"承诺办结日期：{d['promised_date'] or '暂无法确定（' + (d['deadline_error'] or '') + '）'}")
    if d["reason"]:
        print(f"理由：{d['reason']}")
    print("材料：")
    for m in d["materials"]:
        extra = f"（{m['reason']}）" if m["reason"] else ""
        print(f"  {m['position'] + 1:>2}. {m['name']}：{m['state_name']}{extra}")
    print(f"页面：{len(d['pages'])} 页")
    for n in d["notices"]:
        print(f"通知书：{n['title']} {n['number']}" + (f"（重打 {n['reprints']} 次）" if n["reprints"] else ""))
    for e in d["history"]:
        print(f"  {e['at'][:19]} {e['action']} {e['actor_name'] or e['actor']}")
    return 0


def _notice(counter: Counter, args: argparse.Namespace) -> int:
    from hall_client.printing.case_notices import notice_document

    check_target(args.out)
    with counter.store.transaction() as s:
        case = get_case(s, args.number)
        notice = latest_notice(s, case.id)
        content = notice_for_print(s, counter.cli_actor(), notice.id, reprint=args.reprint)
    html, images = notice_document(content)
    from hall_client.gui.intake.notice_print import write_pdf_headless

    write_atomically(args.out, lambda tmp: write_pdf_headless(tmp, html, images))
    print(f"{content['title']} {content['number']} 已写入 {args.out}")
    return 0


