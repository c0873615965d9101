"""ID numbers of every type against a table of valid and invalid numbers, and names as typed."""

from __future__ import annotations

from datetime import date

import pytest

from hall_client.core.cases.identity import (
    IdentityError,
    check_id,
    check_name,
    check_phone,
    normalise_id,
)

TODAY = date(2026, 11, 30)

VALID = [
    # (type, as typed, stored)
    ("resident_id", "11010519491231002X", "11010519491231002X"),
    ("resident_id", "11010519491231002x", "11010519491231002X"),  # lower-case x
    ("resident_id", "３３０１０６１９９００３０７１２３６", "330106199003071236"),  # full-width
    ("resident_id", "330106 19900307 1236", "330106199003071236"),  # spaces
    ("resident_id", "330106200002290010", "330106200002290010"),  # 29 Feb of a leap year
    ("hmt_residence", "810000198001010014", "810000198001010014"),
    ("hmt_residence", "830000197512310026", "830000197512310026"),
    ("uscc", "91330100MA2B3C4D5N", "91330100MA2B3C4D5N"),
    ("uscc", "91330100ma2b3c4d5n", "91330100MA2B3C4D5N"),
    ("uscc", "９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"),
    ("uscc", "12100000400000101M", "12100000400000101M"),
    ("hk_macao_pass", "H12345678", "H12345678"),
    ("hk_macao_pass", "m1234567801", "M1234567801"),
    ("taiwan_pass", "12345678", "12345678"),
    ("taiwan_pass", "1234567890", "1234567890"),
    ("passport", "E12345678", "E12345678"),
    ("passport", "ea1234567", "EA1234567"),
    ("other", "军官证 第123号", "军官证 第123号"),
]

INVALID = [
    # (type, as typed, rule code)
    ("resident_id", "110105194912310021", "id_check_digit"),
    ("resident_id", "11010519491231002", "id_length"),
    ("resident_id", "1101051949123100211", "id_length"),
    ("resident_id", "11010519490231002X", "id_birth_date_invalid"),  # 31 Feb
    ("resident_id", "330106190002290019", "id_birth_date_invalid"),  # 1900 is not leap
    ("resident_id", "330106203001010011", "id_birth_date_invalid"),  # born in the future
    ("resident_id", "1101051949123100AX", "id_charset"),
    ("resident_id", "11010519491231002Y", "id_charset"),
    ("resident_id", "990105194912310025", "id_region"),
    ("resident_id", "", "id_missing"),
    ("hmt_residence", "11010519491231002X", "id_region"),
    ("hmt_residence", "810000198001010015", "id_check_digit"),
    ("uscc", "91330100MA2B3C4D5M", "id_check_digit"),
    ("uscc", "91330100MA2B3C4D5", "id_length"),
    ("uscc", "91330100MA2B3C4DIN", "id_charset"),  # I is not used
    ("uscc", "9133O100MA2B3C4D5N", "id_charset"),  # letter O
    ("uscc", "91AB0100MA2B3C4D5N", "id_region"),
    ("hk_macao_pass", "X12345678", "id_format"),
    ("hk_macao_pass", "H1234567", "id_format"),
    ("taiwan_pass", "1234567", "id_format"),
    ("taiwan_pass", "T12345678", "id_format"),
    ("passport", "E123", "id_format"),
    ("passport", "E12345678-1", "id_format"),
    ("other", "   ", "id_missing"),
    ("other", "x" * 41, "id_length"),
    ("driving_licence", "123", "id_type_invalid"),
]


@pytest.mark.parametrize(("id_type", "typed", "stored"), VALID)
def test_valid_numbers_are_normalised(id_type: str, typed: str, stored: str) -> None:
    assert check_id(id_type, typed, today=TODAY) == stored


@pytest.mark.parametrize(("id_type", "typed", "rule"), INVALID)
def test_invalid_numbers_name_the_rule(id_type: str, typed: str, rule: str) -> None:
    with pytest.raises(IdentityError) as caught:
        check_id(id_type, typed, today=TODAY)
    assert caught.value.code == rule
    assert caught.value.message  # a Chinese sentence for the clerk


def test_check_digit_message_says_what_it_should_be() -> None:
    with pytest.raises(IdentityError) as caught:
        check_id("resident_id", "110105194912310021", today=TODAY)
    assert "GB 11643" in caught.value.message and "应为 X" in caught.value.message
    with pytest.raises(IdentityError) as caught:
        check_id("uscc", "91330100MA2B3C4D5M", today=TODAY)
    assert "GB 32100" in caught.value.message and "应为 N" in caught.value.message


def test_normalise_full_width() -> None:
    assert normalise_id("ｈ１２３ ４５６７８") == "H12345678"


def test_names_are_kept_exactly_and_counted_in_characters() -> None:
    rare = "𠀀𪚥 Ａ公司"  # characters outside the BMP and a full-width letter stay as typed
    assert check_name(rare) == rare
    assert check_name("张" * 100) == "张" * 100
    assert check_name("𠀀" * 100) == "𠀀" * 100  # 100 characters, though 200 UTF-16 units
    for bad, code in (("张" * 101, "text_too_long"), ("  ", "text_missing"),
                      ("张三\n李四", "text_control"), (12, "text_type")):
        with pytest.raises(IdentityError) as caught:
            check_name(bad)
        assert caught.value.code == code


def test_phone() -> None:
    assert check_phone("１３８００００００００") == "13800000000"
    assert check_phone("0571-8650 1201") == "0571-8650 1201"
    assert check_phone("") == ""
    with pytest.raises(IdentityError):
        check_phone("138-abc")
