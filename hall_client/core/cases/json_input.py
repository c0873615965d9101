"""A case as JSON (``hall-client case accept FILE.json``; format in docs/intake.md).

Every field is type-checked and every problem is reported at once, each naming its field
(``applicant.id_number``, ``materials[1].copies``); materials are matched to the item's
one-time notice list by name. Page files are read by a loader the caller passes in (the
command line prepares them with the page pipeline, which core may not import).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from hall_client.core import catalog
from hall_client.core.cases.intake import (
    DECISIONS,
    MATERIAL_STATES,
    ApplicantInput,
    FeeInput,
    Intake,
    MaterialInput,
    PageInput,
)
from hall_client.core.errors import DomainError, InvalidInput, NotFound, Problem
from hall_client.core.fees import Reduction

PageLoader = Callable[[list[str], str, str], tuple[PageInput, ...]]
"""(page paths as written in the file, field name, the item's page profile) → pages; raises
DomainError naming the file."""

TOP_FIELDS = {"item", "item_version", "project_name", "decision", "reason", "case_number",
              "applicant", "materials", "fees", "unlisted_materials"}
UNLISTED_STATES = ("received", "missing")
APPLICANT_FIELDS = {"kind", "name", "id_type", "id_number", "phone", "address", "contact"}
MATERIAL_FIELDS = {"name", "state", "form", "copies", "pages", "reason", "promised_by"}
FEE_FIELDS = {"code", "quantity", "base", "reduction"}
TYPE_NAMES = {str: "字符串", int: "整数", list: "列表", dict: "对象"}


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, where: str, rule: str, message: str) -> None:
        self.problems.append(Problem(f"{self.source}: {where}" if self.source else where,
                                     rule, message))

    def get(self, obj: Mapping[str, Any], key: str, where: str, kind: type, *,
            required: bool = False, default: Any = None) -> Any:
        if key not in obj or obj[key] is None:
            if required:
                self.add(where, "field_missing", f"缺少必填字段 {where}")
            return default
        value = obj[key]
        if isinstance(value, bool) or not isinstance(value, kind):
            self.add(where, "field_type",
                     f"{where} 应为{TYPE_NAMES.get(kind, kind.__name__)}，"
                     f"而不是 {type(value).__name__}")
            return default
        return value

    def unknown(self, obj: Mapping[str, Any], allowed: set[str], where: str) -> None:
        extra = sorted(set(obj) - allowed)
        if extra:
            self.add(where, "field_unknown", f"{where} 有未知字段：{', '.join(extra)}"
                     f"（可用：{', '.join(sorted(allowed))}）")


def _number(r: _Reader, raw: Any, where: str) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, (bool, float)) or not isinstance(raw, str | int):
        r.add(where, "field_type", f"{where} 应写成字符串（如 \"12000\"）或整数，"
              f"而不是 {type(raw).__name__}")
        return None
    return str(raw)


def _reduction(r: _Reader, raw: Any, where: str) -> Reduction | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        r.add(where, "field_type", f"{where} 应为对象")
        return None
    r.unknown(raw, {"kind", "reason", "legal_basis", "value"}, where)
    kind = r.get(raw, "kind", f"{where}.kind", str, required=True)
    reason = r.get(raw, "reason", f"{where}.reason", str, default="")
    basis = r.get(raw, "legal_basis", f"{where}.legal_basis", str, default="")
    value = _number(r, raw.get("value", "0"), f"{where}.value")
    if kind is None or value is None:
        return None
    try:
        return Reduction(kind, reason, basis, Decimal(value))
    except (DomainError, ArithmeticError) as exc:
        r.add(where, getattr(exc, "code", "reduction_invalid"),
              getattr(exc, "message", f"{where}.value 不是数字"))
        return None


def intake_from_json(session: Session, doc: Any, load_pages: PageLoader, *,
                     source: str = "") -> Intake:
    """An Intake from a parsed JSON document; InvalidInput lists every problem."""
    r = _Reader(source)
    if not isinstance(doc, dict):
        r.add("(文件)", "document_type", "文件内容应为一个 JSON 对象 {…}")
        raise InvalidInput(r.problems)
    r.unknown(doc, TOP_FIELDS, "(顶层)")
    reopen = r.get(doc, "case_number", "case_number", str)
    item_code = r.get(doc, "item", "item", str, required=not reopen, default="")
    item_version = r.get(doc, "item_version", "item_version", int)
    decision = r.get(doc, "decision", "decision", str, required=True, default="")
    if decision and decision not in DECISIONS:
        r.add("decision", "decision_invalid",
              f"decision 应为 accept、correction 或 refuse，而不是 {decision!r}")
    project = r.get(doc, "project_name", "project_name", str, default="")
    reason = r.get(doc, "reason", "reason", str, default="")

    raw_app = r.get(doc, "applicant", "applicant", dict, required=True, default={})
    r.unknown(raw_app, APPLICANT_FIELDS, "applicant")
    app = {k: r.get(raw_app, k, f"applicant.{k}", str,
                    required=k in ("kind", "name", "id_type", "id_number"), default="")
           for k in APPLICANT_FIELDS}
    applicant = ApplicantInput(**app)

    definition: dict[str, Any] | None = None
    if reopen:
        from hall_client.core.cases.queries import get_case
        try:
            case = get_case(session, reopen)
            definition = catalog.get_item(session, case.item_code, case.item_version).definition
            item_code = case.item_code
        except NotFound as exc:
            r.add("case_number", "case_not_found", exc.message)
    elif item_code:
        try:
            definition = catalog.get_item(session, item_code, item_version).definition
        except NotFound:
            r.add("item", "item_unknown", f"事项“{item_code}”"
                  + (f"第 {item_version} 版" if item_version else "")
                  + "不在本窗口的事项库中，请核对事项编码")
    names = [m["name"] for m in definition["materials"]] if definition else []

    materials: list[MaterialInput] = []
    raw_mats = r.get(doc, "materials", "materials", list, default=[])
    for n, raw in enumerate(raw_mats):
        where = f"materials[{n}]"
        if not isinstance(raw, dict):
            r.add(where, "field_type", f"{where} 应为对象")
            continue
        r.unknown(raw, MATERIAL_FIELDS, where)
        name = r.get(raw, "name", f"{where}.name", str, required=True)
        state = r.get(raw, "state", f"{where}.state", str, default="received")
        if state not in MATERIAL_STATES:
            r.add(f"{where}.state", "material_state",
                  f"{where}.state 应为 {', '.join(MATERIAL_STATES)} 之一，而不是 {state!r}")
        form = r.get(raw, "form", f"{where}.form", str)
        if form is not None and form not in catalog.MATERIAL_FORMS:
            r.add(f"{where}.form", "material_form", f"{where}.form 应为 "
                  f"{', '.join(catalog.MATERIAL_FORMS)} 之一，而不是 {form!r}")
        copies = r.get(raw, "copies", f"{where}.copies", int)
        pages_raw = r.get(raw, "pages", f"{where}.pages", list, default=[])
        if not all(isinstance(pg, str) for pg in pages_raw):
            r.add(f"{where}.pages", "field_type", f"{where}.pages 应为文件路径（字符串）的列表")
            pages_raw = []
        m_reason = r.get(raw, "reason", f"{where}.reason", str, default="")
        promised_raw = r.get(raw, "promised_by", f"{where}.promised_by", str)
        promised = None
        if promised_raw is not None:
            try:
                promised = date.fromisoformat(promised_raw)
            except ValueError:
                r.add(f"{where}.promised_by", "date_format",
                      f"{where}.promised_by 应为日期 YYYY-MM-DD，而不是 {promised_raw!r}")
        if name is None or not definition:
            continue
        if name not in names:
            r.add(f"{where}.name", "material_unknown",
                  f"材料“{name[:60]}”不在事项 {item_code} 的材料清单中")
            continue
        pages: tuple[PageInput, ...] = ()
        if pages_raw:
            try:
                pages = load_pages(pages_raw, f"{where}.pages",
                                   str(definition.get("page_profile", "")))
            except DomainError as exc:
                r.add(f"{where}.pages", exc.code, exc.message)
        materials.append(MaterialInput(names.index(name), state if state in MATERIAL_STATES
                                       else "received", form, copies, m_reason, promised, pages))

    # A script names the materials it has something to say about (pages, a form, a finding);
    # the rest of the notice list is taken as handed over unless the file says otherwise.
    unlisted = r.get(doc, "unlisted_materials", "unlisted_materials", str, default="received")
    if unlisted not in UNLISTED_STATES:
        r.add("unlisted_materials", "material_state",
              f"unlisted_materials 应为 received 或 missing，而不是 {unlisted!r}")
    elif unlisted == "received":
        listed = {m.position for m in materials}
        materials += [MaterialInput(i) for i in range(len(names)) if i not in listed]
        materials.sort(key=lambda m: m.position)

    fees: list[FeeInput] = []
    for n, raw in enumerate(r.get(doc, "fees", "fees", list, default=[])):
        where = f"fees[{n}]"
        if not isinstance(raw, dict):
            r.add(where, "field_type", f"{where} 应为对象")
            continue
        r.unknown(raw, FEE_FIELDS, where)
        code = r.get(raw, "code", f"{where}.code", str, required=True)
        value = _number(r, raw.get("quantity", raw.get("base")), f"{where}.quantity")
        reduction = _reduction(r, raw.get("reduction"), f"{where}.reduction")
        if code is not None:
            fees.append(FeeInput(code, value, reduction))
    if r.problems:
        raise InvalidInput(r.problems)
    return Intake(item_code=item_code, item_version=item_version, project_name=project,
                  applicant=applicant, decision=decision, materials=tuple(materials),
                  fees=tuple(fees), reason=reason, reopen=reopen)
