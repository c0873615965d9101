"""``hall-client catalog``: list, show, import and export the service catalog."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from hall_client.commands._common import with_counter
from hall_client.core import catalog
from hall_client.core.counter import Counter


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("catalog", help="service catalog (事项库)")
    cmds = parser.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    p = cmds.add_parser("list", help="list current items")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--search", default="", help="filter by name, code or department")
    p.set_defaults(func=with_counter(_list))
    p = cmds.add_parser("show", help="show one item in full")
    p.add_argument("code")
    p.add_argument("--version", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_counter(_show))
    p = cmds.add_parser("import", help="import a catalog file (.json or .xlsx); all or nothing")
    p.add_argument("file", type=Path)
    p.set_defaults(func=with_counter(_import))
    p = cmds.add_parser("export", help="export the current catalog (.json or .xlsx)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=with_counter(_export))


def _summary(row: catalog.ServiceItemVersion, depts: dict[str, str]) -> dict[str, object]:
    d = row.definition
    return {
        "code": row.code, "version": row.version, "name": row.name, "category": row.category,
        "department": row.department, "department_name": depts.get(row.department, ""),
        "legal_limit_days": d["legal_limit_days"], "promised_limit_days": d["promised_limit_days"],
        "page_profile": d["page_profile"],
        "posts": [{"post": s["post"], "name": s["name"], "stage": s["stage"],
                   "limit_days": s["limit_days"]} for s in d["workflow"]],
        "step_limit_total": sum(limit for _, limit in catalog.stage_limits(d)),
        "fees": [f["code"] for f in d["fees"]],
    }


def _list(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        depts = catalog.departments(s)
        rows = [_summary(r, depts) for r in catalog.list_items(s, args.search)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        print(f"{r['code']:<12} v{r['version']:<3} {r['category']:<8} {r['department_name']:<12} "
              f"{r['name']}（法定 {r['legal_limit_days']} / 承诺 {r['promised_limit_days']} 个工作日）")
    print(f"共 {len(rows)} 项")
    return 0


def _show(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        row = catalog.get_item(s, args.code, args.version)
        depts = catalog.departments(s)
        names = catalog.people_names(s)
    d = row.definition
    if args.json:
        print(json.dumps({"version": row.version, **d}, ensure_ascii=False, indent=1))
        return 0
    print(f"{d['name']}  [{row.code} 第 {row.version} 版]")
    print(f"类别：{d['category']}    部门：{depts.get(d['department'], d['department'])}")
    print(f"法定时限：{d['legal_limit_days']} 个工作日    承诺时限：{d['promised_limit_days']} 个工作日")
    print(f"办理地点：{d.get('place', '')}    咨询电话：{d.get('phone', '')}    "
          f"监督电话：{d.get('supervision_phone', '')}")
    print(f"页面规则：{d['page_profile']}")
    print("\n一次性告知单：")
    for i, m in enumerate(d["materials"], 1):
        need = "必需" if m["required"] else "可选"
        scan = "" if m.get("digitise", True) else "，不扫描"
        print(f"  {i:>2}. {m['name']}（{need}，{catalog.MATERIAL_FORMS[m['form']]} "
              f"{m.get('copies', 1)} 份，分卷：{m.get('section') or '-'}{scan}）{m.get('notes', '')}")
    print("\n收费项目：" + ("无" if not d["fees"] else ""))
    for f in d["fees"]:
        print(f"  {f['code']} {f['name']}：{catalog.describe_fee_rule(f['rule'])}（依据：{f['basis']}）")
    print("\n办理流程：")
    for s_ in d["workflow"]:
        holders = "、".join(names.get(h, h) for h in s_["holders"])
        backup = "、".join(names.get(h, h) for h in s_.get("backup", []))
        print(f"  环节 {s_['stage']}：{s_['name']}（{s_['post']}）时限 {s_['limit_days']} 个工作日；"
              f"权限人：{holders}；B 岗：{backup or '-'}")
    total = sum(limit for _, limit in catalog.stage_limits(d))
    print(f"  各环节时限合计 {total} 个工作日（承诺时限 {d['promised_limit_days']}）")
    return 0


def _import(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        report = catalog.import_file(s, counter.cli_actor(), args.file)
    print(f"{args.file}：导入完成，{report.describe()}")
    return 0


def _export(counter: Counter, args: argparse.Namespace) -> int:
    with counter.store.transaction() as s:
        catalog.export_file(s, args.file)
    print(f"已导出到 {args.file}")
    return 0
