"""Catalog validation, all-or-nothing import, versions and the xlsx round trip."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hall_client.core import catalog
from hall_client.core.counter import SEED_CATALOG, Counter
from hall_client.core.errors import InvalidInput
from hall_client.store.models import ServiceItemVersion


def _seed() -> dict[str, Any]:
    return json.loads(SEED_CATALOG.read_text(encoding="utf-8"))


def _count_versions(counter: Counter) -> int:
    with counter.store.transaction() as s:
        return s.scalar(select(func.count()).select_from(ServiceItemVersion)) or 0


def test_seed_is_valid_and_loaded(counter: Counter) -> None:
    assert catalog.validate(_seed()) == []
    with counter.store.transaction() as s:
        items = catalog.list_items(s)
    assert len(items) >= 11
    assert {i.category for i in items} == set(catalog.CATEGORIES)
    assert len({i.department for i in items}) >= 8


def test_construction_permit_posts_and_limits(counter: Counter) -> None:
    with counter.store.transaction() as s:
        item = catalog.get_item(s, "ZJ-XK-001")
    posts = [step["post"] for step in item.definition["workflow"]]
    assert posts[:4] == ["window", "dept_review", "deputy", "chief"]
    review = item.definition["workflow"][1]
    assert len(review["holders"]) == 4 and review["backup"]
    total = sum(limit for _, limit in catalog.stage_limits(item.definition))
    assert total <= item.definition["promised_limit_days"] <= item.definition["legal_limit_days"]
    sections = {m["section"] for m in item.definition["materials"]}
    assert sections == {"施工", "安全", "监督", "散墙"}


def test_search_by_name_code_and_department(counter: Counter) -> None:
    with counter.store.transaction() as s:
        assert [i.code for i in catalog.list_items(s, "施工许可")] == ["ZJ-XK-001"]
        assert [i.code for i in catalog.list_items(s, "SC-XK")] == ["SC-XK-001"]
        by_dept = catalog.list_items(s, "住房和城乡建设局")
        assert {i.code for i in by_dept} == {"ZJ-XK-001", "ZJ-XK-002"}


def test_parallel_stage_counts_longest_step() -> None:
    item = next(i for i in _seed()["items"] if i["code"] == "ZJ-XK-002")
    assert dict(catalog.stage_limits(item))[2] == 6


@pytest.mark.parametrize(
    ("mutate", "rule", "where"),
    [
        (lambda d: d["items"][0]["workflow"][1].update(limit_days=30),
         "step_limits_over_promised", "ZJ-XK-001"),
        (lambda d: d["items"][0].update(legal_limit_days="fifteen"), "type_days", "ZJ-XK-001"),
        (lambda d: d["items"][0]["fees"][0]["rule"].update(price=1.5), "type_amount", "ZJ-XK-001"),
        (lambda d: d["items"][0]["fees"][0]["rule"].update(price="1.55555"), "amount_places",
         "ZJ-XK-001"),
        (lambda d: d["items"][0]["fees"][0]["rule"].update(price="1e30"), "amount_format",
         "ZJ-XK-001"),
        (lambda d: d["items"][0]["fees"][0]["rule"].update(price="100000000"),
         "amount_too_large", "ZJ-XK-001"),
        (lambda d: d["items"][1].update(code=d["items"][0]["code"]), "item_code_duplicate",
         "ZJ-XK-001"),
        (lambda d: d["items"][2].update(category="行政审批"), "category", "SC-XK-001"),
        (lambda d: d["items"][2]["materials"][0].update(required="yes"), "type_bool", "SC-XK-001"),
        (lambda d: d["items"][2]["workflow"][0].update(holders=[]), "holders_required",
         "SC-XK-001"),
        (lambda d: d["items"][2].update(promised_limit_days=99), "promised_over_legal",
         "SC-XK-001"),
    ],
)
def test_bad_catalog_names_item_and_rule_and_imports_nothing(
    counter: Counter, tmp_path: Path, mutate: Any, rule: str, where: str
) -> None:
    doc = _seed()
    for item in doc["items"]:  # a changed name would make every item a new version
        item["name"] += "（新）"
    mutate(doc)
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = _count_versions(counter)
    with pytest.raises(InvalidInput) as exc, counter.store.transaction() as s:
        catalog.import_file(s, counter.cli_actor(), path)
    matching = [p for p in exc.value.problems if p.rule == rule]
    assert matching, [str(p) for p in exc.value.problems]
    assert where in matching[0].where and "catalog.json" in matching[0].where
    assert _count_versions(counter) == before
    with counter.store.transaction() as s:
        assert "（新）" not in catalog.get_item(s, "ZJ-XK-002").name


def test_malformed_json_names_line(counter: Counter, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "hall-catalog/1", "items": [\n  {"code": }\n]}', encoding="utf-8")
    with pytest.raises(InvalidInput) as exc, counter.store.transaction() as s:
        catalog.import_file(s, counter.cli_actor(), path)
    problem = exc.value.problems[0]
    assert problem.rule == "not_json" and "第 2 行" in problem.where


def test_edit_makes_new_version_and_keeps_old(counter: Counter) -> None:
    doc = _seed()
    doc["items"][0]["promised_limit_days"] = 8
    with counter.store.transaction() as s:
        report = catalog.import_document(s, counter.cli_actor(), doc)
    assert report.updated == ["ZJ-XK-001"] and len(report.unchanged) == len(doc["items"]) - 1
    with counter.store.transaction() as s:
        assert catalog.get_item(s, "ZJ-XK-001").version == 2
        assert catalog.get_item(s, "ZJ-XK-001", 1).definition["promised_limit_days"] == 7
        assert catalog.get_item(s, "ZJ-XK-001").definition["promised_limit_days"] == 8


def test_xlsx_round_trip(counter: Counter, tmp_path: Path) -> None:
    path = tmp_path / "catalog.xlsx"
    with counter.store.transaction() as s:
        catalog.export_file(s, path)
        original = catalog.export_document(s)
    doc = catalog.load_file(path)
    assert doc["items"] == original["items"]
    with counter.store.transaction() as s:
        report = catalog.import_document(s, counter.cli_actor(), doc)
    assert report.added == [] and report.updated == []


def test_xlsx_wrong_type_names_sheet_and_row(counter: Counter, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "catalog.xlsx"
    with counter.store.transaction() as s:
        catalog.export_file(s, path)
    wb = load_workbook(path)
    wb["事项"]["H3"] = "十五天"  # legal limit of the second item
    wb.save(path)
    with pytest.raises(InvalidInput) as exc:
        catalog.load_file(path)
    assert any("工作表“事项”第 3 行" in p.where and p.rule == "type_int"
               for p in exc.value.problems)


def test_fee_rule_descriptions() -> None:
    rules = {f["code"]: f["rule"] for i in _seed()["items"] for f in i["fees"]}
    assert catalog.describe_fee_rule(rules["FS-ZJ-001"]) == "每m² 60.00 元"
    assert "封顶 50000.00 元" in catalog.describe_fee_rule(rules["FS-ZJ-004"])
    assert catalog.describe_fee_rule(rules["FS-SL-001"]).startswith("分段累进：0–10000m³")


def test_validate_does_not_mutate_input() -> None:
    doc = _seed()
    snapshot = copy.deepcopy(doc)
    catalog.validate(doc)
    assert doc == snapshot


def test_post_holder_changes_are_audited(counter: Counter) -> None:
    from hall_client.store.models import AuditEntry

    doc = _seed()
    doc["people"][0]["name"] = "王静（改）"
    doc["people"].append({"user": "newcomer", "name": "新同事", "department": "ZJJ"})
    with counter.store.transaction() as s:
        catalog.import_document(s, counter.cli_actor(), doc)
    with counter.store.transaction() as s:
        rows = {(e.action, e.object_id): e for e in s.scalars(select(AuditEntry))}
    assert ("catalog.person_add", "newcomer") in rows
    update = rows[("catalog.person_update", doc["people"][0]["user"])]
    assert "王静（改）" in update.after and "王静" in update.before


def test_xlsx_preview_reports_every_problem_and_a_three_decimal_price(
        counter: Counter, tmp_path: Path) -> None:
    """Issue 16: the import reported one of two errors and accepted a price of 12.345."""
    from openpyxl import load_workbook

    path = tmp_path / "catalog.xlsx"
    with counter.store.transaction() as s:
        catalog.export_file(s, path)
    wb = load_workbook(path)
    wb["事项"]["H3"] = "十五天"  # a cell of the wrong type
    fees = wb["收费"]
    price_col = [c.value for c in fees[1]].index("单价") + 1
    row = next(r for r in range(2, fees.max_row + 1)
               if fees.cell(r, price_col).value not in (None, ""))
    fees.cell(row, price_col).value = "12.345"  # three decimals
    wb.save(path)
    with counter.store.transaction() as s:
        preview = catalog.preview_file(s, counter.cli_actor(), path)
    rules = {p.rule for p in preview.problems}
    assert {"type_int", "amount_places"} <= rules
    assert any("工作表“事项”第 3 行" in p.where for p in preview.problems)
    assert any(p.rule == "amount_places" and "price" in p.where
               and f"工作表“收费”第 {row} 行" in p.where for p in preview.problems)
    assert not preview.ok
    with pytest.raises(InvalidInput), counter.store.transaction() as s:
        catalog.apply_preview(s, counter.cli_actor(), preview)


def test_preview_counts_new_changed_unchanged_then_applies(counter: Counter) -> None:
    doc = _seed()
    doc["items"][0]["name"] += "（新版）"
    extra = copy.deepcopy(doc["items"][1])
    extra["code"] = "ZZ-NEW-001"
    doc["items"].append(extra)
    before = _count_versions(counter)
    with counter.store.transaction() as s:
        preview = catalog.preview_document(s, counter.cli_actor(), doc, source="x.json")
    assert preview.ok
    assert preview.added == ["ZZ-NEW-001"]
    assert preview.updated == [doc["items"][0]["code"]]
    assert len(preview.unchanged) == len(doc["items"]) - 2
    assert _count_versions(counter) == before  # a preview writes nothing
    with counter.store.transaction() as s:
        report = catalog.apply_preview(s, counter.cli_actor(), preview)
    assert report.added == ["ZZ-NEW-001"] and report.updated == [doc["items"][0]["code"]]
    assert _count_versions(counter) == before + 2


def test_unit_and_tier_prices_allow_two_decimals_only() -> None:
    doc = _seed()
    fees = [f for i in doc["items"] for f in i["fees"]]
    per_unit = next(f for f in fees if f["rule"]["kind"] == "per_unit")
    per_unit["rule"]["price"] = "60.001"
    tiered = next(f for f in fees if f["rule"]["kind"] == "tiered")
    tiered["rule"]["tiers"][0]["price"] = "0.125"
    problems = [p for p in catalog.validate(doc) if p.rule == "amount_places"]
    assert len(problems) == 2
