"""The service catalog (事项库): validation, versioned import, export and look-up.

A catalog document is JSON of the form in ``docs/catalog-format.md``. Import is all or
nothing: every item is checked first, and one broken rule anywhere imports nothing. An item
whose definition changed gets a new version; cases keep the version they were accepted under.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hall_client.core import audit, catalog_search
from hall_client.core.actor import Actor
from hall_client.core.catalog_search import Searchable
from hall_client.core.errors import InvalidInput, NotFound, Problem
from hall_client.core.money import MAX_AMOUNT
from hall_client.core.output_file import check_target, write_atomically
from hall_client.store.models import CatalogPerson, Department, ServiceItemVersion

FORMAT = "hall-catalog/1"
CATEGORIES = (
    "行政许可", "行政处罚", "行政征收", "行政强制", "非行政许可审批",
    "行政奖励", "行政确认", "行政裁决", "公共服务",
)
MATERIAL_FORMS = {"original": "原件", "copy": "复印件", "original_and_copy": "原件及复印件"}
FEE_KINDS = {"fixed": "固定金额", "per_unit": "按单位计费", "tiered": "分段累进", "capped": "按比例封顶"}
CODE_RE = re.compile(r"^[A-Z][A-Z0-9-]{1,31}$")
ITEM_FIELDS = ("code", "name", "category", "department", "place", "phone", "supervision_phone",
               "guide", "legal_limit_days", "promised_limit_days", "page_profile", "materials",
               "fees", "workflow")


# --------------------------------------------------------------------------- validation


class _Checker:
    """Collects problems for one document, each naming the item and field."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, where: str, rule: str, message: str) -> None:
        self.problems.append(Problem(f"{self.source} {where}".strip(), rule, message))

    def text(self, obj: Mapping[str, Any], key: str, where: str, *, required: bool = True,
             max_len: int = 2000) -> str | None:
        value = obj.get(key)
        if value is None or value == "":
            if required:
                self.add(f"{where}.{key}", "required", "必填项缺失")
            return None
        if not isinstance(value, str):
            self.add(f"{where}.{key}", "type_text", f"应为文本，实际为 {type(value).__name__}")
            return None
        if len(value) > max_len:
            self.add(f"{where}.{key}", "too_long", f"不能超过 {max_len} 个字符")
        return value

    def days(self, obj: Mapping[str, Any], key: str, where: str) -> int | None:
        value = obj.get(key)
        if value is None:
            self.add(f"{where}.{key}", "required", "必填项缺失")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(f"{where}.{key}", "type_days", f"应为整数（工作日），实际为 {value!r}")
            return None
        if not 0 <= value <= 3650:
            self.add(f"{where}.{key}", "days_range", f"应在 0 到 3650 个工作日之间，实际为 {value}")
            return None
        return value

    def money(self, obj: Mapping[str, Any], key: str, where: str, *, required: bool = True,
              places: int = 2) -> Decimal | None:
        value = obj.get(key)
        if value is None:
            if required:
                self.add(f"{where}.{key}", "required", "必填项缺失")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self.add(f"{where}.{key}", "type_amount",
                     f"金额须写成文本（如 \"12.50\"）或整数，不能是 {type(value).__name__}")
            return None
        text = str(value).strip()
        if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", text):
            self.add(f"{where}.{key}", "amount_format",
                     f"“{value}”不是有效的金额：只能写数字和小数点（如 12.50），不能用指数写法")
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation:
            self.add(f"{where}.{key}", "amount_format", f"“{value}”不是有效的金额")
            return None
        if not amount.is_finite() or amount < 0:
            self.add(f"{where}.{key}", "amount_negative", f"金额不能为负数或无穷：{value}")
            return None
        if amount > MAX_AMOUNT:
            self.add(f"{where}.{key}", "amount_too_large", f"金额不能超过 {MAX_AMOUNT}：{value}")
            return None
        exponent = amount.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > places:
            self.add(f"{where}.{key}", "amount_places", f"最多 {places} 位小数：{value}")
            return None
        return amount


def _check_fee_rule(c: _Checker, rule: Any, where: str) -> None:
    if not isinstance(rule, dict):
        c.add(where, "fee_rule_type", "收费规则应为对象")
        return
    kind = rule.get("kind")
    if kind not in FEE_KINDS:
        c.add(f"{where}.kind", "fee_kind", f"收费方式“{kind}”无效，可选：{', '.join(FEE_KINDS)}")
        return
    if kind == "fixed":
        c.money(rule, "amount", where)
    elif kind == "per_unit":
        c.text(rule, "unit", where)
        c.text(rule, "quantity", where, required=False, max_len=32)
        c.money(rule, "price", where)
        low = c.money(rule, "min", where, required=False)
        cap = c.money(rule, "cap", where, required=False)
        if low is not None and cap is not None and low > cap:
            c.add(where, "fee_min_over_cap", f"最低收费 {low} 高于封顶 {cap}")
    elif kind == "tiered":
        c.text(rule, "unit", where)
        c.text(rule, "quantity", where, required=False, max_len=32)
        c.money(rule, "cap", where, required=False)
        tiers = rule.get("tiers")
        if not isinstance(tiers, list) or not tiers:
            c.add(f"{where}.tiers", "tiers_required", "分段收费至少要有一段")
            return
        last = Decimal(0)
        for i, tier in enumerate(tiers):
            tw = f"{where}.tiers[{i}]"
            if not isinstance(tier, dict):
                c.add(tw, "tier_type", "每一段应为对象")
                continue
            c.money(tier, "price", tw)
            if tier.get("upto") is None:
                if i != len(tiers) - 1:
                    c.add(tw, "tier_open_not_last", "只有最后一段可以不设上限")
                continue
            upto = c.money(tier, "upto", tw, places=4)
            if upto is not None:
                if upto <= last:
                    c.add(tw, "tier_order", f"分段上限须递增：{upto} 不大于 {last}")
                last = upto
    elif kind == "capped":
        c.text(rule, "base", where)
        rate = c.money(rule, "rate", where, places=6)
        if rate is not None and rate > 1:
            c.add(f"{where}.rate", "rate_range", f"费率应在 0 到 1 之间：{rate}")
        c.money(rule, "cap", where)


def _check_item(c: _Checker, item: Any, index: int, departments: set[str],
                people: set[str] | None) -> str | None:
    if not isinstance(item, dict):
        c.add(f"items[{index}]", "item_type", "事项应为对象")
        return None
    code = item.get("code")
    where = f"事项 {code}" if isinstance(code, str) and code else f"items[{index}]"
    if not isinstance(code, str) or not CODE_RE.match(code):
        c.add(f"{where}.code", "item_code",
              "事项编码须为 2–32 位大写字母、数字或 -，以字母开头")
        code = None
    c.text(item, "name", where, max_len=128)
    category = item.get("category")
    if category not in CATEGORIES:
        c.add(f"{where}.category", "category", f"事项类别“{category}”无效，可选：{'、'.join(CATEGORIES)}")
    dept = c.text(item, "department", where)
    if dept is not None and dept not in departments:
        c.add(f"{where}.department", "department_unknown", f"部门编码“{dept}”不存在")
    for key in ("place", "phone", "supervision_phone", "guide"):
        c.text(item, key, where, required=False, max_len=4000)
    c.text(item, "page_profile", where)
    legal = c.days(item, "legal_limit_days", where)
    promised = c.days(item, "promised_limit_days", where)
    if legal is not None and promised is not None and promised > legal:
        c.add(f"{where}.promised_limit_days", "promised_over_legal",
              f"承诺时限 {promised} 个工作日超过法定时限 {legal} 个工作日")
    unknown = set(item) - set(ITEM_FIELDS) - {"version"}
    if unknown:
        c.add(where, "item_unknown_field", f"未知字段：{', '.join(sorted(unknown))}")

    materials = item.get("materials")
    if not isinstance(materials, list):
        c.add(f"{where}.materials", "materials_type", "材料清单（一次性告知单）应为列表")
    else:
        for i, mat in enumerate(materials):
            mw = f"{where}.materials[{i}]"
            if not isinstance(mat, dict):
                c.add(mw, "material_type", "每项材料应为对象")
                continue
            c.text(mat, "name", mw, max_len=200)
            if not isinstance(mat.get("required"), bool):
                c.add(f"{mw}.required", "type_bool", "是否必需应为 true 或 false")
            if mat.get("form") not in MATERIAL_FORMS:
                c.add(f"{mw}.form", "material_form",
                      f"材料形式“{mat.get('form')}”无效，可选：{', '.join(MATERIAL_FORMS)}")
            copies = mat.get("copies", 1)
            if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= 99:
                c.add(f"{mw}.copies", "copies_range", f"份数应为 1–99 的整数，实际为 {copies!r}")
            c.text(mat, "notes", mw, required=False)
            c.text(mat, "section", mw, required=False, max_len=32)
            if "digitise" in mat and not isinstance(mat["digitise"], bool):
                c.add(f"{mw}.digitise", "type_bool", "是否扫描应为 true 或 false")
            if "deferrable" in mat and not isinstance(mat["deferrable"], bool):
                c.add(f"{mw}.deferrable", "type_bool", "是否可容缺受理应为 true 或 false")

    fees = item.get("fees")
    if not isinstance(fees, list):
        c.add(f"{where}.fees", "fees_type", "收费项目应为列表")
    else:
        seen: set[str] = set()
        for i, fee in enumerate(fees):
            fw = f"{where}.fees[{i}]"
            if not isinstance(fee, dict):
                c.add(fw, "fee_type", "收费项目应为对象")
                continue
            fcode = c.text(fee, "code", fw, max_len=32)
            if fcode is not None:
                if fcode in seen:
                    c.add(fw, "fee_code_duplicate", f"收费项目编码“{fcode}”重复")
                seen.add(fcode)
            c.text(fee, "name", fw, max_len=128)
            c.text(fee, "basis", fw, max_len=500)
            _check_fee_rule(c, fee.get("rule"), f"{fw}.rule")

    workflow = item.get("workflow")
    if not isinstance(workflow, list) or not workflow:
        c.add(f"{where}.workflow", "workflow_required", "办理流程至少要有一个岗位")
    else:
        stages: dict[int, int] = {}
        for i, step in enumerate(workflow):
            sw = f"{where}.workflow[{i}]"
            if not isinstance(step, dict):
                c.add(sw, "step_type", "流程岗位应为对象")
                continue
            c.text(step, "post", sw, max_len=32)
            c.text(step, "name", sw, max_len=64)
            stage = step.get("stage")
            if isinstance(stage, bool) or not isinstance(stage, int) or stage < 1:
                c.add(f"{sw}.stage", "stage_type", f"环节序号应为正整数，实际为 {stage!r}")
                continue
            limit = c.days(step, "limit_days", sw)
            holders = step.get("holders")
            if (not isinstance(holders, list) or not holders
                    or not all(isinstance(h, str) and h for h in holders)):
                c.add(f"{sw}.holders", "holders_required", "每个岗位至少要有一名本级权限人")
            backups = step.get("backup", [])
            if not isinstance(backups, list) or not all(isinstance(h, str) for h in backups):
                c.add(f"{sw}.backup", "backup_type", "B 岗（备岗）应为用户名列表")
                backups = []
            if people is not None and isinstance(holders, list):
                for h in [*holders, *backups]:
                    if isinstance(h, str) and h not in people:
                        c.add(sw, "holder_unknown", f"人员“{h}”不在人员名单中")
            if limit is not None:
                stages[stage] = max(stages.get(stage, 0), limit)
        if sorted(stages) != list(range(1, len(stages) + 1)):
            c.add(f"{where}.workflow", "stage_gap", f"环节序号应从 1 连续编号，实际为 {sorted(stages)}")
        total = sum(stages.values())
        if promised is not None and total > promised:
            detail = " + ".join(str(stages[s]) for s in sorted(stages))
            c.add(f"{where}.workflow", "step_limits_over_promised",
                  f"各环节时限之和 {detail} = {total} 个工作日，超过承诺时限 {promised} 个工作日")
    return code


def _check_named_list(c: _Checker, rows: Any, where: str, key: str, key_len: int,
                      what: str) -> set[str]:
    """Check a list of ``{key, name}`` records (departments, people); returns their keys."""
    if not isinstance(rows, list):
        c.add(where, f"{where}_type", f"{what}应为列表")
        return set()
    keys = set()
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            c.add(f"{where}[{i}]", f"{where}_entry_type", f"{what}应为对象")
            continue
        value = c.text(row, key, f"{where}[{i}]", max_len=key_len)
        c.text(row, "name", f"{where}[{i}]", max_len=64)
        if value:
            keys.add(value)
    return keys


def validate(doc: Any, *, source: str = "", known_departments: Iterable[str] = ()) -> list[Problem]:
    """Every problem in a catalog document; an empty list means it may be imported."""
    c = _Checker(source)
    if not isinstance(doc, dict):
        c.add("", "document_type", "目录文件的顶层应为 JSON 对象")
        return c.problems
    if doc.get("format") != FORMAT:
        c.add("format", "format", f"格式标识应为“{FORMAT}”，实际为 {doc.get('format')!r}")
    departments = set(known_departments)
    departments |= _check_named_list(c, doc.get("departments", []), "departments", "code", 16, "部门")
    people: set[str] | None = None
    if "people" in doc:
        people = _check_named_list(c, doc["people"], "people", "user", 64, "人员")
    items = doc.get("items")
    if not isinstance(items, list):
        c.add("items", "items_type", "事项应为列表")
        return c.problems
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        code = _check_item(c, item, i, departments, people)
        if code is None:
            continue
        if code in seen:
            c.add(f"事项 {code}", "item_code_duplicate",
                  f"事项编码重复：第 {seen[code] + 1} 项与第 {i + 1} 项相同")
        else:
            seen[code] = i
    return c.problems


# --------------------------------------------------------------------------- import / export


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (f"新增 {len(self.added)} 项，更新 {len(self.updated)} 项（新版本），"
                f"未变 {len(self.unchanged)} 项")


def _definition(item: Mapping[str, Any]) -> dict[str, Any]:
    return {k: item[k] for k in ITEM_FIELDS if k in item}


def import_document(session: Session, actor: Actor, doc: Any, *, source: str = "") -> ImportReport:
    """Check the whole document, then write it; any problem raises and writes nothing."""
    role = actor.require("admin")
    known = set(session.scalars(select(Department.code)))
    problems = validate(doc, source=source, known_departments=known)
    if problems:
        raise InvalidInput(problems)
    for d in doc.get("departments", []):
        row = session.get(Department, d["code"])
        values = {"name": d["name"], "phone": d.get("phone", ""),
                  "supervision_phone": d.get("supervision_phone", "")}
        if row is None:
            session.add(Department(code=d["code"], **values))
            audit.record(session, actor, role=role, action="catalog.department_add",
                         object_type="department", object_id=d["code"], after=values)
        elif {k: getattr(row, k) for k in values} != values:
            before = {k: getattr(row, k) for k in values}
            for k, v in values.items():
                setattr(row, k, v)
            audit.record(session, actor, role=role, action="catalog.department_update",
                         object_type="department", object_id=d["code"], before=before, after=values)
    for p in doc.get("people", []):
        holder = session.get(CatalogPerson, p["user"])
        person = {"name": p["name"], "department": p.get("department", "")}
        if holder is None:
            session.add(CatalogPerson(user=p["user"], **person))
            audit.record(session, actor, role=role, action="catalog.person_add",
                         object_type="catalog_person", object_id=p["user"], after=person)
        elif (holder.name, holder.department) != (person["name"], person["department"]):
            before = {"name": holder.name, "department": holder.department}
            holder.name, holder.department = person["name"], person["department"]
            audit.record(session, actor, role=role, action="catalog.person_update",
                         object_type="catalog_person", object_id=p["user"], before=before,
                         after=person)
    session.flush()
    report = ImportReport()
    for item in doc["items"]:
        definition = _definition(item)
        current = _current(session, item["code"])
        if current is not None and current.definition == definition:
            report.unchanged.append(item["code"])
            continue
        version = 1 if current is None else _max_version(session, item["code"]) + 1
        if current is not None:
            current.is_current = False
        session.add(ServiceItemVersion(code=item["code"], version=version, is_current=True,
                                       name=item["name"], category=item["category"],
                                       department=item["department"], definition=definition,
                                       created_by=actor.username))
        session.flush()
        audit.record(session, actor, role=role,
                     action="catalog.item_add" if current is None else "catalog.item_new_version",
                     object_type="service_item", object_id=item["code"],
                     before=None if current is None else {"version": current.version},
                     after={"version": version, "name": item["name"]})
        (report.added if current is None else report.updated).append(item["code"])
    return report


def load_file(path: Path) -> Any:
    """Read a catalog file (JSON, or xlsx through openpyxl), or explain why it cannot be read."""
    if path.is_dir():
        raise InvalidInput([Problem(str(path), "not_a_file", "这是一个文件夹，请选择目录文件（.json 或 .xlsx）")])
    if not path.is_file():
        raise InvalidInput([Problem(str(path), "file_missing", "文件不存在")])
    if path.suffix.lower() == ".xlsx":
        from hall_client.core.catalog_xlsx import read_xlsx

        return read_xlsx(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise InvalidInput([Problem(str(path), "not_utf8", f"文件不是 UTF-8 文本：{exc}")]) from exc
    except json.JSONDecodeError as exc:
        raise InvalidInput([Problem(f"{path} 第 {exc.lineno} 行第 {exc.colno} 列", "not_json",
                                    f"不是有效的 JSON：{exc.msg}")]) from exc


def import_file(session: Session, actor: Actor, path: Path) -> ImportReport:
    return import_document(session, actor, load_file(path), source=path.name)


@dataclass
class ImportPreview:
    """What an import would do, worked out before anything is written (the 导入 dialog shows
    it and asks before :func:`apply_preview`)."""

    source: str
    doc: Any
    problems: list[Problem] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def preview_document(session: Session, actor: Actor, doc: Any, *, source: str = "",
                     problems: Iterable[Problem] = ()) -> ImportPreview:
    """Check the whole document (every problem, not the first) and count what would be new,
    changed and unchanged. Writes nothing."""
    actor.require("admin")
    known = set(session.scalars(select(Department.code)))
    found = list(problems)
    seen = {(p.where, p.rule) for p in found}
    found += [p for p in validate(doc, source=source, known_departments=known)
              if (p.where, p.rule) not in seen]
    preview = ImportPreview(source=source, doc=doc, problems=found)
    items = doc.get("items") if isinstance(doc, dict) else None
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            continue
        current = _current(session, item["code"])
        if current is None:
            preview.added.append(item["code"])
        elif current.definition == _definition(item):
            preview.unchanged.append(item["code"])
        else:
            preview.updated.append(item["code"])
    return preview


def preview_file(session: Session, actor: Actor, path: Path) -> ImportPreview:
    """Read and check a catalog file; a file that cannot be read at all raises InvalidInput."""
    if path.suffix.lower() == ".xlsx" and path.is_file():
        from hall_client.core.catalog_xlsx import locate, parse_xlsx

        doc, problems, rows = parse_xlsx(path)
        preview = preview_document(session, actor, doc, source=path.name, problems=problems)
        preview.problems = [locate(p, path.name, rows) for p in preview.problems]
        return preview
    return preview_document(session, actor, load_file(path), source=path.name)


def apply_preview(session: Session, actor: Actor, preview: ImportPreview) -> ImportReport:
    """Import a previewed document (checked again: the catalog may have changed meanwhile)."""
    if preview.problems:
        raise InvalidInput(preview.problems)
    return import_document(session, actor, preview.doc, source=preview.source)


def export_document(session: Session) -> dict[str, Any]:
    """The current version of every item, in the import format."""
    depts = [{"code": d.code, "name": d.name, "phone": d.phone,
              "supervision_phone": d.supervision_phone}
             for d in session.scalars(select(Department).order_by(Department.code))]
    people = [{"user": p.user, "name": p.name, "department": p.department}
              for p in session.scalars(select(CatalogPerson).order_by(CatalogPerson.user))]
    items = [dict(row.definition) for row in list_items(session)]
    return {"format": FORMAT, "departments": depts, "people": people, "items": items}


def export_file(session: Session, path: Path) -> None:
    check_target(path)
    doc = export_document(session)
    if path.suffix.lower() == ".xlsx":
        from hall_client.core.catalog_xlsx import write_xlsx

        write_xlsx(doc, path)
        return
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def seed_if_empty(session: Session, actor: Actor, seed: Path) -> ImportReport | None:
    """Load the shipped seed catalog into a fresh database."""
    if session.scalar(select(func.count()).select_from(ServiceItemVersion)):
        return None
    return import_file(session, actor, seed)


# --------------------------------------------------------------------------- look-up


def _current(session: Session, code: str) -> ServiceItemVersion | None:
    return session.scalar(select(ServiceItemVersion).where(
        ServiceItemVersion.code == code, ServiceItemVersion.is_current.is_(True)))


def _max_version(session: Session, code: str) -> int:
    return session.scalar(select(func.max(ServiceItemVersion.version))
                          .where(ServiceItemVersion.code == code)) or 0


def list_items(session: Session, search: str = "") -> list[ServiceItemVersion]:
    """Current items matching ``search`` — code, name, pinyin initials or full pinyin,
    abbreviation or department (``core.catalog_search``) — best match first; all items by
    code when ``search`` is empty."""
    rows = list(session.scalars(select(ServiceItemVersion)
                                .where(ServiceItemVersion.is_current.is_(True))
                                .order_by(ServiceItemVersion.code)))
    if not search.strip():
        return rows
    names = departments(session)
    pool = [Searchable(r.code, r.name, r.department, names.get(r.department, ""), r)
            for r in rows]
    return [hit.item.payload for hit in catalog_search.search(pool, search)]


@dataclass(frozen=True)
class ItemSummary:
    """One line of the catalog browser."""

    code: str
    version: int
    name: str
    category: str
    department: str
    department_name: str
    legal_limit_days: int
    promised_limit_days: int
    fee_count: int


def summaries(session: Session, search: str = "") -> list[ItemSummary]:
    names = departments(session)
    return [ItemSummary(r.code, r.version, r.name, r.category, r.department,
                        names.get(r.department, r.department), r.definition["legal_limit_days"],
                        r.definition["promised_limit_days"], len(r.definition["fees"]))
            for r in list_items(session, search)]


def get_item(session: Session, code: str, version: int | None = None) -> ServiceItemVersion:
    if version is None:
        row = _current(session, code)
    else:
        row = session.scalar(select(ServiceItemVersion).where(
            ServiceItemVersion.code == code, ServiceItemVersion.version == version))
    if row is None:
        raise NotFound(f"事项“{code}”不存在" + (f"（版本 {version}）" if version else ""))
    return row


def departments(session: Session) -> dict[str, str]:
    return {d.code: d.name for d in session.scalars(select(Department))}


def hall_phone(session: Session, hall_name: str) -> str:
    """The hall's own telephone: the catalog department that is the hall (by name), if any."""
    row = session.scalar(select(Department).where(Department.name == hall_name))
    return row.phone if row is not None and row.phone else ""


def people_names(session: Session) -> dict[str, str]:
    return {p.user: p.name for p in session.scalars(select(CatalogPerson))}


def stage_limits(definition: Mapping[str, Any]) -> list[tuple[int, int]]:
    """(stage, limit in working days) in order; a parallel stage counts its longest step."""
    stages: dict[int, int] = {}
    for step in definition["workflow"]:
        stages[step["stage"]] = max(stages.get(step["stage"], 0), step["limit_days"])
    return sorted(stages.items())


def describe_fee_rule(rule: Mapping[str, Any]) -> str:
    """A one-line Chinese description of a fee rule, for the catalog browser and notices."""
    kind = rule["kind"]
    if kind == "fixed":
        return f"每件 {rule['amount']} 元"
    if kind == "per_unit":
        text = f"每{rule['unit']} {rule['price']} 元"
        if rule.get("min"):
            text += f"，最低 {rule['min']} 元"
        if rule.get("cap"):
            text += f"，封顶 {rule['cap']} 元"
        return text
    if kind == "tiered":
        parts, low = [], "0"
        for t in rule["tiers"]:
            if t.get("upto") is None:
                parts.append(f"{low}{rule['unit']}以上每{rule['unit']} {t['price']} 元")
            else:
                parts.append(f"{low}–{t['upto']}{rule['unit']}每{rule['unit']} {t['price']} 元")
                low = t["upto"]
        text = "分段累进：" + "；".join(parts)
        if rule.get("cap"):
            text += f"；封顶 {rule['cap']} 元"
        return text
    percent = format((Decimal(rule["rate"]) * 100).normalize(), "f")
    return f"按{rule['base']}的 {percent}% 计收，封顶 {rule['cap']} 元"
