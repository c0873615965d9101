"""Names kept exactly: no normalisation, characters counted as code points, bad input named."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import Column, MetaData, String, Table, create_engine, insert, select

from hall_client.core import names
from hall_client.core.errors import InvalidInput

EXACT = ["王䶮𠮷（彧）", "\U0002f800", "﨑山", "丽", "𠮷野家", "محمد علی", "Zoë Müller", "e\u0301"]


@pytest.mark.parametrize("name", EXACT)
def test_name_is_kept_code_point_for_code_point(name: str) -> None:
    assert names.check_name(f"  {name}\u3000") == name  # only surrounding spaces trimmed


def test_compatibility_ideographs_are_not_normalised() -> None:
    assert unicodedata.normalize("NFKC", "\U0002f800") == "丽"  # what a careless store would do
    assert names.check_name("\U0002f800") == "\U0002f800"


def test_length_counts_characters_not_utf16_units_or_bytes() -> None:
    rare = "𠮷" * names.NAME_MAX_CHARS  # 64 characters = 128 UTF-16 units = 256 UTF-8 bytes
    assert names.check_name(rare) == rare
    with pytest.raises(InvalidInput) as err:
        names.check_name(rare + "𠮷")
    assert err.value.problems[0].rule == "name_too_long"
    assert "最多 64 个字，现有 65 个字" in err.value.problems[0].message


def test_lone_surrogate_is_refused_naming_its_position_and_code() -> None:
    with pytest.raises(InvalidInput) as err:
        names.check_name("王\ud842吉", field="payer", label="交款人")
    [problem] = err.value.problems
    assert (problem.where, problem.rule) == ("payer", "name_surrogate")
    assert "交款人第 2 个字（U+D842）" in problem.message


def test_a_thousand_combining_marks_are_refused_briefly() -> None:
    with pytest.raises(InvalidInput) as err:
        names.check_name("王" + "\u0301" * 1000)
    rules = [p.rule for p in err.value.problems]
    assert rules[0] == "name_too_long" and "name_marks_stacked" in rules
    assert len(rules) <= 5
    with pytest.raises(InvalidInput) as err:
        names.check_name("\u0301" * 1000)
    assert "name_mark_first" in [p.rule for p in err.value.problems]
    assert names.check_name("e\u0301\u0302") == "e\u0301\u0302"  # a few marks are writing


@pytest.mark.parametrize(("bad", "rule"), [
    ("王\u202e丽", "name_control"), ("王\x07", "name_control"), ("王\ue000", "name_private_use"),
    ("王\ufdd0", "name_noncharacter"), ("", "name_required")])
def test_characters_that_belong_to_no_name_are_refused(bad: str, rule: str) -> None:
    with pytest.raises(InvalidInput) as err:
        names.check_name(bad)
    assert err.value.problems[0].rule == rule


def test_rtl_name_is_isolated_for_display_and_kept_for_storage() -> None:
    assert names.check_name("محمد علی") == "محمد علی"
    assert names.isolate("محمد علی") == "\u2068محمد علی\u2069"
    assert names.isolate("王䶮") == "王䶮"


def test_sqlite_like_finds_a_name_by_any_of_its_characters() -> None:
    engine = create_engine("sqlite://")
    people = Table("people", MetaData(), Column("name", String(64)))
    people.metadata.create_all(engine)
    stored = ["王䶮𠮷（彧）", "王吉", "\U0002f800田", "丽田", "50%_王", "Müller"]
    with engine.begin() as conn:
        conn.execute(insert(people), [{"name": n} for n in stored])

        def find(query: str) -> list[str]:
            return sorted(conn.scalars(select(people.c.name)
                                       .where(names.contains(people.c.name, query))))

        assert find("𠮷") == ["王䶮𠮷（彧）"]  # not 王吉: whole code points compared
        assert find("䶮") == ["王䶮𠮷（彧）"]
        assert find("（彧）") == ["王䶮𠮷（彧）"]
        assert find("王") == sorted(["王䶮𠮷（彧）", "王吉", "50%_王"])
        assert find("\U0002f800") == ["\U0002f800田"]  # the compatibility form only
        assert find("丽") == ["丽田"]
        assert find("%") == ["50%_王"] and find("_") == ["50%_王"]  # wildcards taken literally
        assert find("MÜLLER") == []  # no case folding beyond ASCII, and no normalisation
