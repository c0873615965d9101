"""Money parsing and the Chinese uppercase amount, checked against the writing rules."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hall_client.core.money import (
    MoneyError,
    format_yuan,
    money,
    parse_amount,
    uppercase_amount,
)

DIGITS = "零壹贰叁肆伍陆柒捌玖"
UNITS = ["", "拾", "佰", "仟"]


def _group(n: int) -> str:
    """Write 0 < n < 10000 with 零 for inner zero runs (reference, written from the rules)."""
    out = ""
    pending_zero = False
    for pos in range(3, -1, -1):
        d = n // 10**pos % 10
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        out += DIGITS[d] + UNITS[pos]
    return out


def reference_uppercase(value: Decimal) -> str:
    """An independent implementation of the PBOC rules for bill amounts."""
    fen_total = int(value * 100)
    n, jiao, fen = fen_total // 100, fen_total // 10 % 10, fen_total % 10
    words = ""
    groups = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")]
    zero_gap = False
    for g, unit in groups:
        if g == 0:
            zero_gap = bool(words)
            continue
        if words and (zero_gap or g < 1000):
            words += "零"
        words += _group(g) + unit
        zero_gap = False
    if n:
        words += "元"
    if not jiao and not fen:
        return "人民币" + (words or "零元") + "整"
    if jiao:
        words += DIGITS[jiao] + "角" + (DIGITS[fen] + "分" if fen else "整")
    else:
        words += ("零" if n else "") + DIGITS[fen] + "分"
    return "人民币" + words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0", "人民币零元整"),
        ("10", "人民币壹拾元整"),
        ("1409.50", "人民币壹仟肆佰零玖元伍角整"),
        ("6007.14", "人民币陆仟零柒元壹角肆分"),
        ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "人民币叁佰贰拾伍元零肆分"),
        ("1010.00", "人民币壹仟零壹拾元整"),
        ("100010001.01", "人民币壹亿零壹万零壹元零壹分"),
        ("0.05", "人民币伍分"),
        # cn2an alone truncates 1.999 to 壹元玖角玖分; we round half-up to the fen first.
        ("1.999", "人民币贰元整"),
        ("1.995", "人民币贰元整"),
        ("1.994", "人民币壹元玖角玖分"),
    ],
)
def test_uppercase_examples_from_the_rules(amount: str, words: str) -> None:
    assert uppercase_amount(amount) == words


@given(st.integers(min_value=0, max_value=99_999_999_999))
def test_uppercase_matches_reference(fen: int) -> None:
    value = Decimal(fen) / 100
    assert uppercase_amount(value) == reference_uppercase(money(value))


def test_uppercase_refuses_negative() -> None:
    with pytest.raises(MoneyError) as exc:
        uppercase_amount("-1.00")
    assert exc.value.code == "amount_negative"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("-5", "amount_negative"),
        ("1.005", "amount_too_many_decimals"),
        ("100000000.00", "amount_too_large"),
        ("abc", "amount_not_number"),
        ("1e3", "amount_not_number"),
        ("١٢", "amount_not_number"),
        ("NaN", "amount_not_number"),
        ("0", "amount_zero"),
        ("", "amount_not_number"),
    ],
)
def test_parse_amount_rejects_bad_input(text: str, code: str) -> None:
    with pytest.raises(MoneyError) as exc:
        parse_amount(text, field="实收金额")
    assert exc.value.code == code
    assert "实收金额" in exc.value.message


@pytest.mark.parametrize("value", ["1e30", Decimal("1e30"), Decimal("9" * 40)])
def test_money_refuses_amounts_beyond_the_context(value: str | Decimal) -> None:
    with pytest.raises(MoneyError) as exc:
        money(value)
    assert exc.value.code == "amount_too_large"


def test_parse_amount_accepts_typed_forms() -> None:
    assert parse_amount("1,234.5") == Decimal("1234.50")
    assert parse_amount(" 7 ") == Decimal("7.00")
    assert parse_amount("0", allow_zero=True) == Decimal("0.00")


def test_money_refuses_float_and_rounds_half_up() -> None:
    with pytest.raises(TypeError):
        money(0.1)  # type: ignore[arg-type]
    assert money("2.675") == Decimal("2.68")
    assert money(Decimal("2.665")) == Decimal("2.67")
    assert format_yuan(Decimal("1234.5")) == "¥1,234.50"
