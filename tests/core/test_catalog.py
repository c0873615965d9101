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
