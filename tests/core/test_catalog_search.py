"""Catalog search as a clerk types: pinyin initials, full pinyin, abbreviations, departments,
ranked so that the first hit is the one meant (issue 16: sgxk and 住建 found nothing)."""

from __future__ import annotations

import json

from hall_resources import resource_path

from hall_client.core import catalog
from hall_client.core.catalog_search import (
    RANK_DEPARTMENT,
    RANK_EXACT,
    RANK_PINYIN,
    RANK_PREFIX,
    RANK_SUBSTRING,
    Searchable,
    full_pinyin,
    initials,
    load_abbreviations,
    search,
)
from hall_client.core.counter import Counter


def _seed_items() -> list[Searchable]:
    doc = json.loads(resource_path("catalog", "seed.json").read_text("utf-8"))
    depts = {d["code"]: d["name"] for d in doc["departments"]}
    return [Searchable(i["code"], i["name"], i["department"], depts[i["department"]])
            for i in doc["items"]]


def codes(query: str) -> list[str]:
    return [h.item.code for h in search(_seed_items(), query)]


def test_pinyin_of_names() -> None:
    assert initials("建筑工程施工许可证核发") == "jzgcsgxkzhf"
    assert full_pinyin("施工许可") == "shigongxuke"
    assert initials("行政处罚") == "xzcf"  # 行 read by phrase, not as hang
    assert initials("ZJ-XK 施工") == "sg"  # only the Han characters have pinyin


def test_pinyin_initials_and_full_pinyin_find_the_item() -> None:
    assert codes("sgxk") == ["ZJ-XK-001"]
    assert codes("SGXK") == ["ZJ-XK-001"]
    assert codes("shigongxuke") == ["ZJ-XK-001"]
    assert codes("shigongx") == ["ZJ-XK-001"]  # the last syllable typed in part
    assert codes("bdcdj") == []  # initials must run together: 不动产首次登记 is bdcscdj
    assert codes("bdc") == ["ZR-QR-001"]
    assert "ZR-QR-001" not in codes("ngch")  # full pinyin only from a syllable's start


def test_abbreviations_and_departments() -> None:
    assert set(codes("住建")) == {"ZJ-XK-001", "ZJ-XK-002"}
    assert set(codes("市监")) == {"SC-XK-001", "SC-DJ-001", "SC-QZ-001"}
    assert codes("环评") == ["ST-XK-001"]
    assert set(codes("住房和城乡建设局")) == {"ZJ-XK-001", "ZJ-XK-002"}
    assert set(codes("ZJJ")) == {"ZJ-XK-001", "ZJ-XK-002"}  # the department code
    assert set(codes("rsj")) == {"RS-FW-001", "RS-JL-001"}  # 人社局 by its pinyin
    table = load_abbreviations()
    assert table["住建"] == ("住房和城乡建设局",)  # data, kept by the hall


def test_ranking_exact_then_prefix_then_initials_then_substring() -> None:
    items = [
        Searchable("A-1", "许可证补办", "D", "某局"),         # prefix of the name
        Searchable("A-2", "建设许可", "D", "某局"),           # substring
        Searchable("A-3", "许可", "D", "某局"),               # exact
        Searchable("A-4", "学校开办", "XK", "许可管理局"),     # department only
    ]
    hits = search(items, "许可")
    assert [(h.item.code, h.rank) for h in hits] == [
        ("A-3", RANK_EXACT), ("A-1", RANK_PREFIX), ("A-2", RANK_SUBSTRING),
        ("A-4", RANK_DEPARTMENT)]
    hits = search(items, "xk")
    assert [(h.item.code, h.rank) for h in hits] == [
        ("A-1", RANK_PINYIN), ("A-3", RANK_PINYIN), ("A-4", RANK_PINYIN),  # at the start
        ("A-2", RANK_PINYIN)]  # 建设许可: later in the name
    assert [h.item.code for h in search(items, "a-1")] == ["A-1"]
    assert [h.item.code for h in search(items, "")] == ["A-1", "A-2", "A-3", "A-4"]


def test_list_items_uses_the_ranked_search(counter: Counter) -> None:
    with counter.store.transaction() as s:
        assert [i.code for i in catalog.list_items(s, "sgxk")] == ["ZJ-XK-001"]
        assert {i.code for i in catalog.list_items(s, "住建")} == {"ZJ-XK-001", "ZJ-XK-002"}
        rows = catalog.summaries(s, "xk")
        assert rows and all(r.code.endswith("-001") or r.code == "ZJ-XK-002" for r in rows)
        assert len(catalog.list_items(s, "")) == 19
