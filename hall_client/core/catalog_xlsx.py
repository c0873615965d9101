"""The catalog as an Excel workbook, for the people who maintain the item list in Excel.

One sheet per table (部门, 人员, 事项, 材料, 收费, 流程) with Chinese headers. Reading turns the
workbook back into the JSON document form, which then goes through the same validation as a
JSON import; cells of the wrong type are reported by sheet, row and column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from hall_client.core.errors import InvalidInput, Problem
from hall_client.core.output_file import write_atomically

# sheet name -> [(header, key)]
SHEETS: dict[str, list[tuple[str, str]]] = {
    "部门": [("部门编码", "code"), ("部门名称", "name"), ("咨询电话", "phone"),
             ("监督电话", "supervision_phone")],
    "人员": [("用户名", "user"), ("姓名", "name"), ("部门编码", "department")],
    "事项": [("事项编码", "code"), ("事项名称", "name"), ("事项类别", "category"),
             ("部门编码", "department"), ("办理地点", "place"), ("咨询电话", "phone"),
             ("监督电话", "supervision_phone"), ("法定时限(工作日)", "legal_limit_days"),
             ("承诺时限(工作日)", "promised_limit_days"), ("页面规则", "page_profile"),
             ("办事指南", "guide")],
    "材料": [("事项编码", "item"), ("材料名称", "name"), ("是否必需", "required"),
             ("形式", "form"), ("份数", "copies"), ("分卷", "section"), ("是否扫描", "digitise"),
             ("备注", "notes"), ("可容缺", "deferrable")],
    "收费": [("事项编码", "item"), ("收费编码", "code"), ("收费名称", "name"),
             ("依据", "basis"), ("方式", "kind"), ("单位", "unit"), ("单价", "price"),
             ("金额", "amount"), ("费率", "rate"), ("计费基数", "base"), ("最低", "min"),
             ("封顶", "cap"), ("分段(上限:单价;…)", "tiers"), ("计费数量", "quantity")],
    "流程": [("事项编码", "item"), ("环节序号", "stage"), ("岗位代码", "post"),
             ("岗位名称", "name"), ("时限(工作日)", "limit_days"),
             ("本级权限人", "holders"), ("B岗", "backup")],
}
#: Columns added later: a workbook without them is still read (the value is then absent).
OPTIONAL_COLUMNS = {"可容缺", "计费数量"}
_BOOL = {"是": True, "否": False, "true": True, "false": False, "TRUE": True, "FALSE": False}


def _tiers_to_text(tiers: Sequence[dict[str, Any]]) -> str:
    return ";".join(f"{t.get('upto') or ''}:{t['price']}" for t in tiers)


def write_xlsx(doc: dict[str, Any], path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    rows: dict[str, list[list[Any]]] = {name: [] for name in SHEETS}
    rows["部门"] = [[d.get(k, "") for _, k in SHEETS["部门"]] for d in doc["departments"]]
    rows["人员"] = [[p.get(k, "") for _, k in SHEETS["人员"]] for p in doc.get("people", [])]
    for item in doc["items"]:
        rows["事项"].append([item.get(k, "") for _, k in SHEETS["事项"]])
        for m in item["materials"]:
            rows["材料"].append([item["code"], m["name"], "是" if m["required"] else "否",
                                m["form"], m.get("copies", 1), m.get("section", ""),
                                "是" if m.get("digitise", True) else "否", m.get("notes", ""),
                                "是" if m.get("deferrable", False) else "否"])
        for f in item["fees"]:
            r = f["rule"]
            rows["收费"].append([item["code"], f["code"], f["name"], f["basis"], r["kind"],
                                r.get("unit", ""), r.get("price", ""), r.get("amount", ""),
                                r.get("rate", ""), r.get("base", ""), r.get("min", ""),
                                r.get("cap", ""), _tiers_to_text(r.get("tiers", [])),
                                r.get("quantity", "")])
        for s in item["workflow"]:
            rows["流程"].append([item["code"], s["stage"], s["post"], s["name"], s["limit_days"],
                                ",".join(s["holders"]), ",".join(s.get("backup", []))])
    for name, columns in SHEETS.items():
        ws = wb.create_sheet(name)
        ws.append([h for h, _ in columns])
        for row in rows[name]:
            # Amounts stay text so Excel never turns 0.10 into a binary float.
            ws.append(row)
        ws.freeze_panes = "A2"
    write_atomically(path, wb.save)


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def add(self, where: str, rule: str, message: str) -> None:
        self.problems.append(Problem(f"{self.path.name} {where}", rule, message))

    def records(self, wb: Any, sheet: str) -> list[tuple[int, dict[str, Any]]]:
        if sheet not in wb.sheetnames:
            self.add(f"工作表“{sheet}”", "sheet_missing", "缺少该工作表")
            return []
        ws = wb[sheet]
        it = ws.iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(it, ())]
        columns = SHEETS[sheet]
        index = {}
        for h, key in columns:
            if h not in header and h in OPTIONAL_COLUMNS:
                continue
            if h not in header:
                self.add(f"工作表“{sheet}”", "column_missing", f"缺少列“{h}”")
            else:
                index[key] = header.index(h)
        out = []
        for n, row in enumerate(it, start=2):
            if row is None or all(v is None or v == "" for v in row):
                continue
            rec = {key: (row[i] if i < len(row) else None) for key, i in index.items()}
            out.append((n, rec))
        return out

    def text(self, v: Any) -> Any:
        if v is None:
            return ""
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return v if isinstance(v, str) else str(v)

    def boolean(self, v: Any, where: str) -> Any:
        if isinstance(v, bool):
            return v
        if isinstance(v, str) and v.strip() in _BOOL:
            return _BOOL[v.strip()]
        self.add(where, "type_bool", f"应填“是”或“否”，实际为 {v!r}")
        return v

    def integer(self, v: Any, where: str) -> Any:
        if isinstance(v, bool):
            self.add(where, "type_int", f"应为整数，实际为 {v!r}")
            return v
        if isinstance(v, int):
            return v
        if isinstance(v, float) and v.is_integer():
            return int(v)
        if isinstance(v, str) and v.strip().isdigit():
            return int(v.strip())
        self.add(where, "type_int", f"应为整数，实际为 {v!r}")
        return v

    def amount(self, v: Any) -> Any:
        if v is None or v == "":
            return None
        if isinstance(v, float):
            return repr(v)  # validation rejects more than two decimal places
        return self.text(v)


def read_xlsx(path: Path) -> dict[str, Any]:
    """Read a workbook written by :func:`write_xlsx` (or by hand in the same layout)."""
    doc, problems, _rows = parse_xlsx(path)
    if problems:
        raise InvalidInput(problems)
    return doc


#: item code -> {"事项": [row], "materials": [rows], "fees": [rows], "workflow": [rows]}
RowMap = dict[str, dict[str, list[int]]]
_PART_SHEETS = {"materials": "材料", "fees": "收费", "workflow": "流程"}


def parse_xlsx(path: Path) -> tuple[dict[str, Any], list[Problem], RowMap]:
    """The workbook as a catalog document, every cell problem found on the way (the
    document is still returned, so the catalog rules can report their problems too), and
    where each item's parts are in the workbook (see :func:`locate`)."""
    r = _Reader(path)
    rows: RowMap = {}
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InvalidInput([Problem(str(path), "not_xlsx", f"无法作为 Excel 工作簿读取：{exc}")]) from exc
    try:
        depts = [{k: r.text(v) for k, v in rec.items()} for _, rec in r.records(wb, "部门")]
        people = [{k: r.text(v) for k, v in rec.items()} for _, rec in r.records(wb, "人员")]
        items: dict[str, dict[str, Any]] = {}
        for n, rec in r.records(wb, "事项"):
            item = {k: r.text(v) for k, v in rec.items()}
            for key in ("legal_limit_days", "promised_limit_days"):
                item[key] = r.integer(rec[key], f"工作表“事项”第 {n} 行 {key}")
            item.update(materials=[], fees=[], workflow=[])
            items.setdefault(item["code"], item)
            rows.setdefault(str(item["code"]), {"事项": [n], "materials": [], "fees": [],
                                                "workflow": []})
        def seen(code: Any, part: str, n: int) -> None:
            rows[r.text(code)][part].append(n)
        def owner(sheet: str, n: int, code: Any) -> dict[str, Any] | None:
            item = items.get(r.text(code))
            if item is None:
                r.add(f"工作表“{sheet}”第 {n} 行", "item_unknown", f"事项编码“{code}”不在“事项”表中")
            return item
        for n, rec in r.records(wb, "材料"):
            mat_owner = owner("材料", n, rec["item"])
            if mat_owner is not None:
                seen(rec["item"], "materials", n)
                where = f"工作表“材料”第 {n} 行"
                mat_owner["materials"].append({
                    "name": r.text(rec["name"]), "required": r.boolean(rec["required"], where),
                    "form": r.text(rec["form"]), "copies": r.integer(rec["copies"] or 1, where),
                    "notes": r.text(rec["notes"]), "section": r.text(rec["section"]),
                    "digitise": r.boolean(rec["digitise"] if rec["digitise"] is not None else "是",
                                          where)})
                if rec.get("deferrable") not in (None, "") and r.boolean(rec["deferrable"], where):
                    mat_owner["materials"][-1]["deferrable"] = True
        for n, rec in r.records(wb, "收费"):
            fee_owner = owner("收费", n, rec["item"])
            if fee_owner is None:
                continue
            seen(rec["item"], "fees", n)
            rule: dict[str, Any] = {"kind": r.text(rec["kind"])}
            for key in ("unit", "base", "quantity"):
                if rec.get(key) not in (None, ""):
                    rule[key] = r.text(rec[key])
            for key in ("price", "amount", "rate", "min", "cap"):
                value = r.amount(rec[key])
                if value is not None:
                    rule[key] = value
            if rec["tiers"]:
                tiers = []
                for part in r.text(rec["tiers"]).split(";"):
                    upto, _, price = part.partition(":")
                    tiers.append({"upto": upto.strip() or None, "price": price.strip()})
                rule["tiers"] = tiers
            fee_owner["fees"].append({"code": r.text(rec["code"]), "name": r.text(rec["name"]),
                                 "basis": r.text(rec["basis"]), "rule": rule})
        for n, rec in r.records(wb, "流程"):
            step_owner = owner("流程", n, rec["item"])
            if step_owner is None:
                continue
            seen(rec["item"], "workflow", n)
            where = f"工作表“流程”第 {n} 行"
            step_owner["workflow"].append({
                "post": r.text(rec["post"]), "name": r.text(rec["name"]),
                "stage": r.integer(rec["stage"], where),
                "limit_days": r.integer(rec["limit_days"], where),
                "holders": [h.strip() for h in r.text(rec["holders"]).split(",") if h.strip()],
                "backup": [h.strip() for h in r.text(rec["backup"]).split(",") if h.strip()]})
    finally:
        wb.close()
    from hall_client.core.catalog import FORMAT

    return ({"format": FORMAT, "departments": depts, "people": people,
             "items": list(items.values())}, r.problems, rows)


_ITEM_PATH = re.compile(r"事项 ([A-Z][A-Z0-9-]*)(?:\.(materials|fees|workflow)\[(\d+)\])?(.*)$")


def locate(problem: Problem, source: str, rows: RowMap) -> Problem:
    """A catalog rule's problem (``事项 CODE.fees[0].rule.price``) with the workbook's sheet and
    row in front, so the person finds the cell: ``工作表“收费”第 7 行（事项 CODE.fees[0]…）``."""
    where = problem.where.removeprefix(source).strip()
    m = _ITEM_PATH.match(where)
    if m is None or m.group(1) not in rows:
        return problem
    code, part, index, _rest = m.groups()
    if part is None:
        sheet, found = "事项", rows[code]["事项"]
        i = 0
    else:
        sheet, found, i = _PART_SHEETS[part], rows[code][part], int(index)
    if i >= len(found):
        return problem
    return Problem(f"{source} 工作表“{sheet}”第 {found[i]} 行（{where}）".strip(), problem.rule,
                   problem.message)
