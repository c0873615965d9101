"""One figure per distinct quantity (issue 16: the floor area was typed three times)."""

from __future__ import annotations

import json
from pathlib import Path

from hall_resources import resource_path

from hall_client.core import catalog
from hall_client.core.catalog_xlsx import read_xlsx, write_xlsx
from hall_client.core.fees import parse_fee_item, quantities, values_by_fee


def _seed() -> dict[str, object]:
    return json.loads(resource_path("catalog", "seed.json").read_text("utf-8"))


def _fees(code: str) -> list[dict[str, object]]:
    return next(i["fees"] for i in _seed()["items"] if i["code"] == code)  # type: ignore[index]


def test_standards_on_the_same_quantity_share_one_figure() -> None:
    items = [parse_fee_item(f) for f in _fees("ZJ-XK-001")]
    figures = quantities(items)
    assert [(q.label, q.unit, q.needs, q.fee_codes) for q in figures] == [
        ("建筑面积", "m²", "quantity", ("FS-ZJ-001", "FS-ZJ-002", "FS-ZJ-003")),
        ("工程合同价款", "元", "base", ("FS-ZJ-004",))]
    typed = {figures[0].key: "120.5", figures[1].key: ""}
    assert values_by_fee(figures, typed) == {"FS-ZJ-001": "120.5", "FS-ZJ-002": "120.5",
                                             "FS-ZJ-003": "120.5"}
    assert values_by_fee(figures, typed, skip=["FS-ZJ-002"]) == {"FS-ZJ-001": "120.5",
                                                                 "FS-ZJ-003": "120.5"}


def test_unnamed_quantities_stay_apart() -> None:
    """住宅 and 非住宅 are both charged per 件 but are not one count."""
    items = [parse_fee_item(f) for f in _fees("ZR-QR-001")]
    assert [q.fee_codes for q in quantities(items)] == [("FS-ZR-001",), ("FS-ZR-002",),
                                                        ("FS-ZR-003",)]


def test_the_quantity_name_is_checked_and_survives_excel(tmp_path: Path) -> None:
    doc = _seed()
    assert catalog.validate(doc) == []
    bad = json.loads(json.dumps(doc))
    bad["items"][0]["fees"][0]["rule"]["quantity"] = 12
    assert any(p.rule == "type_text" for p in catalog.validate(bad))
    path = tmp_path / "catalog.xlsx"
    write_xlsx(doc, path)  # type: ignore[arg-type]
    back = read_xlsx(path)
    rule = back["items"][0]["fees"][0]["rule"]
    assert rule["quantity"] == "建筑面积"
