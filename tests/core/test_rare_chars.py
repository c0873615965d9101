"""Finding a rare character by pinyin or by code."""

from __future__ import annotations

import pytest

from hall_client.core import rare_chars


@pytest.mark.parametrize("query", ["U+20BB7", "u+20bb7", "20BB7", "0x20BB7", " 20bb7 "])
def test_code_in_any_usual_spelling(query: str) -> None:
    assert rare_chars.search(query) == ["𠮷"]


@pytest.mark.parametrize("query", ["U+D842", "110000", "bead", "U+E000"])
def test_not_a_character_code(query: str) -> None:
    assert rare_chars.by_code(query) is None


def test_pinyin_finds_extension_a_and_b_after_the_common_hanzi() -> None:
    found = rare_chars.search("yan")
    assert "䶮" in found and "严" in found
    assert found.index("严") < found.index("䶮")
    assert "䶮" in rare_chars.search("yan3") and "严" not in rare_chars.search("yan3")
    assert "𠮷" in rare_chars.search("ji2")  # a reading pypinyin lacks, kept beside it
    assert "彧" in rare_chars.search("yu4")
    assert "女" in rare_chars.search("nv3") and "女" in rare_chars.search("nü3")


def test_info_names_code_block_and_readings() -> None:
    assert rare_chars.info("䶮") == rare_chars.CharInfo("䶮", "U+4DAE", "扩展A", "yǎn")
    assert rare_chars.info("𰀀").block == "扩展G"
    assert rare_chars.info("\U0002f800").block == "兼容汉字补充"


def test_pasted_characters_are_listed_once_each() -> None:
    assert rare_chars.search("王䶮王") == ["王", "䶮"]
